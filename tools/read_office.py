#!/usr/bin/env python3
"""Reads an .xlsx or .docx the app wrote with the readers offices' own tools are built on (openpyxl, python-docx),
and prints what it found as JSON, for the end-to-end tests to check: titles, header rows, merges, frozen and
repeated rows, print setup, cell types, formulas, footers, page size, fields.

    target/office-readers/bin/python tools/read_office.py FILE
"""

import json
import sys
import zipfile


def read_xlsx(path):
    import openpyxl
    from openpyxl.cell.cell import MergedCell

    book = openpyxl.load_workbook(path)
    sheets = []
    for ws in book.worksheets:
        cells = []
        for row in ws.iter_rows():
            # A cell covered by a merge has no value or style of its own: only that it is covered.
            cells.append([
                {"covered": True} if isinstance(c, MergedCell) else {
                    "value": c.value.isoformat() if hasattr(c.value, "isoformat") else c.value,
                    "type": c.data_type,
                    "date": c.is_date,
                    "format": c.number_format,
                    "wrap": bool(c.alignment and c.alignment.wrap_text),
                    "fill": c.fill.fgColor.rgb if c.fill and c.fill.fill_type == "solid" else None,
                }
                for c in row
            ])
        sheets.append({
            "name": ws.title,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "freeze": ws.freeze_panes,
            "print_titles": ws.print_title_rows,
            "print_title_cols": ws.print_title_cols,
            "page_order": ws.page_setup.pageOrder,
            "orientation": ws.page_setup.orientation,
            "paper": ws.page_setup.paperSize,
            "fit_to_page": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
            # Absent means 1 page (ECMA-376 Part 1, 18.3.1.63); 0 means as many as it takes.
            "fit_width": 1 if ws.page_setup.fitToWidth is None else ws.page_setup.fitToWidth,
            "fit_height": 1 if ws.page_setup.fitToHeight is None else ws.page_setup.fitToHeight,
            "footer": ws.oddFooter.center.text or "",
            "footer_right": ws.oddFooter.right.text or "",
            "rows": cells,
        })
    return {"sheets": sheets}


def read_docx(path):
    import docx
    from docx.oxml.ns import qn

    d = docx.Document(path)
    section = d.sections[0]
    tables = []
    for t in d.tables:
        rows = t._tbl.tr_lst
        header = [
            tr for tr in rows
            if tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None
        ]
        merged = sum(1 for tc in t._tbl.iter(qn("w:tc")) if tc.tcPr is not None and tc.tcPr.find(qn("w:vMerge")) is not None)
        tables.append({
            "rows": len(rows),
            "header": [c.text for c in t.rows[0].cells],
            "header_rows": len(header),
            "vmerged_cells": merged,
            "texts": [[c.text for c in r.cells] for r in t.rows],
        })
    footer = section.footer
    with zipfile.ZipFile(path) as z:
        body = z.read("word/document.xml").decode("utf-8")
        footer_xml = z.read("word/footer1.xml").decode("utf-8")
    return {
        "orientation": str(section.orientation),
        "width_mm": round(section.page_width.mm),
        "height_mm": round(section.page_height.mm),
        "paragraphs": [p.text for p in d.paragraphs],
        "tables": tables,
        "footer": "".join(p.text for p in footer.paragraphs),
        "footer_fields": [f for f in ("PAGE", "NUMPAGES") if f" {f} " in footer_xml],
        "page_breaks": body.count('w:type="page"'),
        "header": "".join(p.text for p in section.header.paragraphs) if section.header else "",
    }


def main():
    path = sys.argv[1]
    out = read_xlsx(path) if path.endswith(".xlsx") else read_docx(path)
    json.dump(out, sys.stdout, ensure_ascii=False, default=str)


if __name__ == "__main__":
    main()
