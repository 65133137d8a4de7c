//! `.docx` from a `domain::papers::word::WordDoc`: the OpenXML is written here and zipped with the `zip` crate that
//! rust_xlsxwriter already brings.
//!
//! Why by hand, where a crate exists: docx-rs, the well-kept crate for it, made the writers module 144 KB larger
//! after gzip (986 KB raw against 564 KB with rust_xlsxwriter alone, measured on a build of both), that is 40% of
//! the whole app, for what is here one document shape: landscape A4, a title, one table with a repeated header row
//! and cells merged down, closing lines, a footer with two fields. The parts written are the minimum Word, WPS and
//! LibreOffice need.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::ZipWriter;

use crate::domain::papers::text::clean;
use crate::domain::papers::word::{WordCell, WordDoc, WordPage, WordTable};

/// A4 landscape in twentieths of a point, and its margins: 25 mm above and below, as printed; 20 mm at the
/// sides, so that the campaign's title line (32 characters of 22 point) stays on one line.
const PAGE_WIDTH: u32 = 16838;
const PAGE_HEIGHT: u32 = 11906;
const MARGIN: u32 = 1417;
const SIDE_MARGIN: u32 = 1134;
const TEXT_WIDTH: u32 = PAGE_WIDTH - 2 * SIDE_MARGIN;

const TITLE_FONT: &str = "方正小标宋简体";
const HEADING_FONT: &str = "黑体";
const BODY_FONT: &str = "仿宋_GB2312";

/// `text` as XML 1.0 allows it (`text::clean`), with the five characters XML reserves escaped.
fn escape(text: &str) -> String {
    let text = clean(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// A run of `text` in `font` at `half_points`, its line breaks kept.
fn run(text: &str, font: &str, half_points: u32) -> String {
    let props = format!(
        "<w:rPr><w:rFonts w:ascii=\"{font}\" w:hAnsi=\"{font}\" w:eastAsia=\"{font}\"/><w:sz w:val=\"{half_points}\"/><w:szCs w:val=\"{half_points}\"/></w:rPr>"
    );
    // Split after cleaning: a `\r` is a line break too.
    let text = clean(text);
    let body: Vec<String> = text
        .split('\n')
        .map(|line| format!("<w:t xml:space=\"preserve\">{}</w:t>", escape(line)))
        .collect();
    format!("<w:r>{props}{}</w:r>", body.join("<w:br/>"))
}

fn paragraph(align: &str, runs: &str) -> String {
    format!("<w:p><w:pPr><w:jc w:val=\"{align}\"/></w:pPr>{runs}</w:p>")
}

/// The line under the title: the first part at the left, the last at the right (a right tab stop), any between.
fn meta_line(parts: &[String]) -> String {
    let (last, rest) = match parts.split_last() {
        Some(split) => split,
        None => return String::new(),
    };
    let left = rest.join("\u{3000}\u{3000}");
    format!(
        "<w:p><w:pPr><w:tabs><w:tab w:val=\"right\" w:pos=\"{TEXT_WIDTH}\"/></w:tabs><w:spacing w:after=\"120\"/></w:pPr>{}<w:r><w:tab/></w:r>{}</w:p>",
        run(&left, BODY_FONT, 28),
        run(last, BODY_FONT, 28)
    )
}

/// A cell; `keep`: its row stays on one page with the next (`w:keepNext` on its paragraph, which Word and
/// LibreOffice apply to table rows).
fn cell(width: u32, merge: &str, content: &str, align: &str, keep: bool) -> String {
    let keep = if keep { "<w:keepNext/>" } else { "" };
    format!(
        "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{merge}<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr>{keep}<w:jc w:val=\"{align}\"/></w:pPr>{content}</w:p></w:tc>"
    )
}

fn table(t: &WordTable) -> String {
    let widths: Vec<u32> = t
        .columns
        .iter()
        .map(|c| TEXT_WIDTH * u32::from(c.width) / 1000)
        .collect();
    let border = |side: &str| {
        format!("<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>")
    };
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|s| border(s))
        .collect();
    let mut out = format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{TEXT_WIDTH}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblBorders>{borders}</w:tblBorders><w:tblCellMar><w:left w:w=\"60\" w:type=\"dxa\"/><w:right w:w=\"60\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>"
    );
    for w in &widths {
        out.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
    }
    out.push_str("</w:tblGrid>");
    // The header row repeats at the top of every page the table runs over.
    out.push_str("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
    for (c, w) in t.columns.iter().zip(&widths) {
        out.push_str(&cell(
            *w,
            "",
            &run(&c.header, HEADING_FONT, 22),
            "center",
            false,
        ));
    }
    out.push_str("</w:tr>");
    for (r, row) in t.rows.iter().enumerate() {
        out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        // A problem's rows (a merged cell goes on into the next) stay on one page, so a merged cell's text never
        // parts at a page's foot; and the last row stays with the signatures under the table.
        let keep = t
            .rows
            .get(r + 1)
            .is_none_or(|next| next.contains(&WordCell::Below));
        for (c, (value, w)) in row.iter().zip(&widths).enumerate() {
            match value {
                WordCell::Below => out.push_str(&cell(*w, "<w:vMerge/>", "", "left", keep)),
                WordCell::Text(text) => {
                    // A cell that the next row continues starts a vertical merge.
                    let continues = t
                        .rows
                        .get(r + 1)
                        .and_then(|next| next.get(c))
                        .is_some_and(|next| *next == WordCell::Below);
                    let merge = if continues {
                        "<w:vMerge w:val=\"restart\"/>"
                    } else {
                        ""
                    };
                    let align = if text.chars().count() <= 4 {
                        "center"
                    } else {
                        "left"
                    };
                    out.push_str(&cell(*w, merge, &run(text, BODY_FONT, 21), align, keep));
                }
            }
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    out
}

/// The title's size in half-points: 二号 (22 pt) as printed, smaller (down to 小三, 15 pt) for a line that would
/// not fit on one line at 二号 — the member list's title is 34 characters.
fn title_half_points(line: &str) -> u32 {
    let chars = line.chars().count().max(1) as u32;
    // TEXT_WIDTH is in twentieths of a point: a character of n half-points is 10·n of them wide. 3% kept free:
    // at 714 of 728 points LibreOffice already breaks the line.
    (TEXT_WIDTH * 97 / 100 / (10 * chars)).clamp(30, 44)
}

fn page(p: &WordPage) -> String {
    let mut out = String::new();
    for line in &p.title {
        out.push_str(&paragraph(
            "center",
            &run(line, TITLE_FONT, title_half_points(line)),
        ));
    }
    out.push_str(&meta_line(&p.meta));
    out.push_str(&table(&p.table));
    for (i, line) in p.closing.iter().enumerate() {
        // The signature lines stay together (and, by the table's last row, with the table).
        let keep = if i + 1 < p.closing.len() {
            "<w:keepNext/>"
        } else {
            ""
        };
        out.push_str(&format!(
            "<w:p><w:pPr>{keep}<w:spacing w:before=\"240\"/></w:pPr>{}</w:p>",
            run(line, BODY_FONT, 28)
        ));
    }
    out
}

fn document_xml(doc: &WordDoc) -> String {
    let pages: Vec<String> = doc.pages.iter().map(page).collect();
    let body = pages.join("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
    let header = if doc.draft {
        "<w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>"
    } else {
        ""
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\
<w:body>{body}<w:sectPr>{header}<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>\
<w:pgSz w:w=\"{PAGE_WIDTH}\" w:h=\"{PAGE_HEIGHT}\" w:orient=\"landscape\"/>\
<w:pgMar w:top=\"{MARGIN}\" w:right=\"{SIDE_MARGIN}\" w:bottom=\"{MARGIN}\" w:left=\"{SIDE_MARGIN}\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/>\
</w:sectPr></w:body></w:document>"
    )
}

/// A field (`PAGE`, `NUMPAGES`) showing `shown` until the reader updates it.
fn field(instr: &str, shown: &str) -> String {
    format!(
        "<w:fldSimple w:instr=\" {instr} \">{}</w:fldSimple>",
        run(shown, BODY_FONT, 21)
    )
}

fn footer_xml(code: Option<&str>) -> String {
    let code = code
        .map(|c| {
            format!(
                "<w:r><w:tab/></w:r>{}",
                run(&format!("校验码：{c}"), BODY_FONT, 18)
            )
        })
        .unwrap_or_default();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:p><w:pPr><w:tabs><w:tab w:val=\"right\" w:pos=\"{TEXT_WIDTH}\"/></w:tabs></w:pPr>{}{}{}{}{}{code}</w:p></w:ftr>",
        run("第 ", BODY_FONT, 21),
        field("PAGE", "1"),
        run(" 页 共 ", BODY_FONT, 21),
        field("NUMPAGES", "1"),
        run(" 页", BODY_FONT, 21),
    )
}

fn header_xml() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">{}</w:hdr>",
        paragraph("center", &run("草　稿", HEADING_FONT, 28))
    )
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>\
<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>\
</Types>";

const PACKAGE_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
</Relationships>";

const DOCUMENT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>\
<Relationship Id=\"rIdHeader\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>\
</Relationships>";

/// The defaults every paragraph starts from: 仿宋 10.5 pt, no space after.
const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"仿宋_GB2312\" w:hAnsi=\"仿宋_GB2312\" w:eastAsia=\"仿宋_GB2312\"/>\
<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"zh-CN\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"300\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>\
</w:styles>";

/// The bytes of the `.docx` file of `doc`.
pub fn write(doc: &WordDoc) -> Result<Vec<u8>, String> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let parts: [(&str, String); 7] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", PACKAGE_RELS.to_string()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_string()),
        ("word/styles.xml", STYLES.to_string()),
        ("word/document.xml", document_xml(doc)),
        ("word/footer1.xml", footer_xml(doc.code.as_deref())),
        ("word/header1.xml", header_xml()),
    ];
    for (name, text) in parts {
        zip.start_file(name, options).map_err(|e| e.to_string())?;
        zip.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
    }
    let cursor = zip.finish().map_err(|e| e.to_string())?;
    Ok(cursor.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_kept_literal() {
        assert_eq!(escape("=A1&<b>\"'"), "=A1&amp;&lt;b&gt;&quot;&apos;");
        assert_eq!(escape("a\u{1}b\tc"), "ab\tc");
    }
}
