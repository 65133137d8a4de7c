#!/usr/bin/env python3
"""Writes the Word and Excel tables that `src/readers` is tested on (tests/fixtures/tables/), with writers that are
not ours: python-docx and openpyxl, in the shapes branches keep their lists in (the office's Word template with a
problem's cell merged over its measures; Excel with merged ranges, title rows above the header, extra columns; a
member table with 姓名) and hostile ones (a zip bomb, XML entities, a table in a table, old and password formats).

Run with the venv `./x test` makes: target/office-readers/bin/python tools/make_table_fixtures.py
(`… make_table_fixtures.py round4` writes only the files of issue 40, `round42` those of issue 42 and `round45`
those of issue 45 — both need LibreOffice's soffice —, leaving the others as committed.)
The files are committed, so the tests need neither Python nor these packages.
"""

import io
import sys
import zipfile
from datetime import date
from pathlib import Path

import docx
import openpyxl
from docx.shared import Pt
from openpyxl.styles import Alignment

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "tables"

ORG_ROWS = [
    # (类别, 问题表现, [(措施, 目标, 时限, 牵头责任人, 责任单位)])
    ("理论学习", "理论学习不够深入系统，学用结合不紧，运用党的创新理论指导交通管理实践不够。", [
        ("每周五下午集中学习，班子成员轮流领学并结合业务研讨。", "班子成员年内每人领学不少于2次。", "2024年6月30日前", "张伟", "大队办公室"),
        ("建立学习台账，每季度检查一次学习笔记。", "台账完整，季度检查有记录。", "长期坚持", "李强", "大队办公室"),
    ]),
    ("工作作风", "深入一线调研不够，对基层中队反映的警力不足问题研究解决不及时。", [
        ("班子成员每月到中队蹲点不少于2天，形成调研报告。", "每季度形成1篇调研报告。", "立行立改", "张伟", "各中队"),
        ("建立基层问题清单，逐项明确解决时限。", "问题清单按期销号。", "2024年底前", "王敏", "勤务科"),
        ("每月召开一次问题会商会。", "会商纪要齐全。", "年底前", "王敏", "勤务科"),
    ]),
    ("廉洁自律", "对下属单位执法执勤中的廉政风险点排查不够全面。", [
        ("开展廉政风险点全面排查，更新风险防控台账。", "风险点台账覆盖全部岗位。", date(2024, 5, 31), "赵磊", "纪检组"),
    ]),
]

MEMBER_ROWS = [
    # (姓名, 方面, 问题, [(措施, 时限)])
    ("王芳", "学习贯彻党的创新理论", "学习满足于读原文，联系岗位实际思考不够。", [("每周写一篇学习体会。", "长期坚持"), ("年内讲一次微党课。", "2024年11月30日前")]),
    ("王芳", "联系服务群众", "窗口服务中对群众诉求解释不够耐心。", [("每月回访办事群众5人。", "立行立改")]),
    ("李强", "发挥先锋模范作用", "在急难险重任务中带头不够。", [("主动承担夜间勤务。", "2024.6.30")]),
    ("刘洋", "党性修养提高", "批评与自我批评辣味不足。", [("组织生活会前逐人谈心。", "2024-04-15")]),
]


def word_org(path):
    d = docx.Document()
    d.add_paragraph("交警大队党支部检视整改问题清单")
    d.add_paragraph("填报单位：交警大队党支部          填报日期：2024年3月1日")
    heads = ["序号", "问题类别", "问题表现", "整改措施", "整改目标", "整改时限", "牵头责任人", "责任单位"]
    rows = sum(len(m) for _, _, m in ORG_ROWS)
    t = d.add_table(rows=1 + rows, cols=len(heads))
    t.style = "Table Grid"
    for i, h in enumerate(heads):
        t.cell(0, i).text = h
    r = 1
    for n, (cat, problem, measures) in enumerate(ORG_ROWS, 1):
        top = r
        for m in measures:
            for j, v in enumerate(m):
                t.cell(r, 3 + j).text = v if isinstance(v, str) else f"{v.year}年{v.month}月{v.day}日"
            r += 1
        # A problem's cells merged over its measures, as the template is filled in.
        for col, v in ((0, str(n)), (1, cat), (2, problem)):
            cell = t.cell(top, col).merge(t.cell(r - 1, col)) if r - 1 > top else t.cell(top, col)
            cell.text = v
    d.add_paragraph("填报人：王芳    审核人：张伟")
    d.save(path)


def excel_org(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "党组织清单"
    heads = ["序号", "问题类别", "问题表现", "整改措施", "整改目标", "整改时限", "牵头责任人", "责任单位", "完成情况", "备注"]
    ws.append(["交警大队党支部检视整改问题清单"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(heads))
    ws.append(["填报单位：交警大队党支部", None, None, None, None, None, None, "填报日期：2024年3月1日"])
    ws.append(heads)
    for n, (cat, problem, measures) in enumerate(ORG_ROWS, 1):
        top = ws.max_row + 1
        for m in measures:
            ws.append([n, cat + "方面", problem, *m, "", ""])
            if isinstance(m[2], date):
                ws.cell(ws.max_row, 6).number_format = "yyyy\"年\"m\"月\"d\"日\""
        bottom = ws.max_row
        if bottom > top:
            for col in (1, 2, 3):
                ws.merge_cells(start_row=top, start_column=col, end_row=bottom, end_column=col)
    for row in ws.iter_rows():
        for c in row:
            c.alignment = Alignment(wrap_text=True, vertical="center")
    wb.create_sheet("说明").append(["本表由各党支部填写。"])
    wb.move_sheet("说明", offset=-1)
    wb.save(path)


def word_member(path):
    d = docx.Document()
    d.add_paragraph("治安大队党支部党员检视整改问题清单")
    heads = ["姓名", "方面", "具体问题", "整改措施", "整改时限"]
    rows = sum(len(m) for *_, m in MEMBER_ROWS)
    t = d.add_table(rows=1 + rows, cols=len(heads))
    for i, h in enumerate(heads):
        t.cell(0, i).text = h
    r = 1
    for name, aspect, problem, measures in MEMBER_ROWS:
        top = r
        for m, due in measures:
            t.cell(r, 3).text, t.cell(r, 4).text = m, due
            r += 1
        for col, v in ((0, name), (1, aspect), (2, problem)):
            cell = t.cell(top, col).merge(t.cell(r - 1, col)) if r - 1 > top else t.cell(top, col)
            cell.text = v
    d.save(path)


def excel_member(path):
    """A member sheet as people type it without merging: an empty cell means "the same as above"."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["治安大队党支部党员检视整改问题清单"])
    ws.append(["姓名", "方面", "具体问题", "整改措施", "整改时限", "完成情况"])
    last = None
    for name, aspect, problem, measures in MEMBER_ROWS:
        for i, (m, due) in enumerate(measures):
            same_member = name == last
            ws.append([None if same_member else name, aspect if i == 0 else None, problem if i == 0 else None, m, due, ""])
            last = name
    wb.save(path)


def nested(path):
    """A Word table whose cell holds a table of its own: read as the outer table, the inner one as text."""
    d = docx.Document()
    t = d.add_table(rows=2, cols=4)
    for i, h in enumerate(["问题类别", "问题表现", "整改措施", "整改时限"]):
        t.cell(0, i).text = h
    t.cell(1, 0).text = "理论学习"
    t.cell(1, 1).text = "学习不深入"
    inner = t.cell(1, 2).add_table(rows=2, cols=1)
    inner.cell(0, 0).text = "措施一：每周学习"
    inner.cell(1, 0).text = "措施二：撰写心得"
    t.cell(1, 3).text = "长期坚持"
    d.save(path)


def with_part(source, name, content):
    """A copy of `source` (bytes of a zip) with part `name` replaced by `content`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = content if item.filename == name else zin.read(item.filename)
            zout.writestr(item.filename, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return out.getvalue()


def hostile():
    word = (OUT / "org-word.docx").read_bytes()
    # A zip bomb: the document unpacks to 200 MB of spaces (about 200 KB packed).
    bomb = b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body>' + b" " * (200 * 1024 * 1024) + b"</w:body></w:document>"
    (OUT / "hostile-zip-bomb.docx").write_bytes(with_part(word, "word/document.xml", bomb))
    # A billion laughs: entities declared in the document.
    laughs = ('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">'
              + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
              + ']><w:document xmlns:w="x"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:tc>'
              + "</w:tr></w:tbl></w:body></w:document>")
    (OUT / "hostile-entities.docx").write_bytes(with_part(word, "word/document.xml", laughs.encode()))
    # The old binary formats and a password-protected file: OLE compound files (their first sector is enough).
    ole = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)
    (OUT / "old-format.xls").write_bytes(ole + "Workbook".encode("utf-16-le") + bytes(512))
    (OUT / "password.xlsx").write_bytes(ole + "EncryptionInfo".encode("utf-16-le") + bytes(512))
    (OUT / "not-a-list.docx").write_bytes(_plain_word())


def _plain_word():
    d = docx.Document()
    d.add_paragraph("会议通知：请各党支部于周五前报送材料。")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _saved(doc_or_book):
    out = io.BytesIO()
    doc_or_book.save(out)
    return out.getvalue()


def _org_table(d, heads, rows):
    """A Word table of `heads` and org rows (序号, 问题表现, 整改措施, 整改时限)."""
    t = d.add_table(rows=len(rows) + (1 if heads else 0), cols=4)
    at = 0
    if heads:
        for i, h in enumerate(heads):
            t.cell(0, i).text = h
        at = 1
    for r, cells in enumerate(rows, at):
        for i, v in enumerate(cells):
            t.cell(r, i).text = v
    return t


HEADS4 = ["序号", "问题表现", "整改措施", "整改时限"]


def round4():
    """Tables as people really make them (issue 40): a list in several tables or sheets, hidden sheets and rows,
    the 1904 date system, Excel's _xHHHH_ escapes, a member table sorted by category, a formula without its result,
    and hostile shapes (a row of a hundred thousand cells, twenty thousand merged ranges, parts that together unpack
    past the bound, a forbidden character reference, a truncated part)."""
    # A Word list in three tables: the second a 续表 without its header, the third with it repeated.
    d = docx.Document()
    d.add_paragraph("治安管理大队党支部检视整改问题清单")
    _org_table(d, HEADS4, [["1", "理论学习不深入", "每周集中学习", "2026年6月底"], ["2", "调研不够", "每月下基层", "2026年第2季度"]])
    d.add_paragraph("续表")
    _org_table(d, None, [["3", "走访群众少", "每月走访", "2026年3月至6月"], ["4", "文风不实", "精简材料", "2026年4-12月"]])
    d.add_paragraph("续表")
    _org_table(d, HEADS4, [["5", "会风不严", "控制会议时长", "二〇二六年六月底"]])
    d.add_paragraph("审核人：张伟")
    (OUT / "continued-word.docx").write_bytes(_saved(d))

    # A workbook: a hidden 填表示例 sheet first, the list, a row hidden in it, its 续表 on a sheet of its own with the
    # header repeated; the 1904 date system and a date cell; Excel's escapes in a cell.
    wb = openpyxl.Workbook()
    example = wb.active
    example.title = "填表示例"
    example.append(HEADS4)
    example.append(["1", "示例：学习不深入", "示例：每周学习", "2023年12月31日"])
    example.sheet_state = "hidden"
    ws = wb.create_sheet("清单")
    ws.append(["填报单位：治安管理大队党支部"])
    ws.append(HEADS4)
    ws.append(["1", "理论学习_x000D_\n不深入", "每周集中_x0009_学习", date(2026, 6, 30)])
    ws.cell(3, 4).number_format = "yyyy\"年\"m\"月\"d\"日\""
    ws.append(["2", "隐藏行里的问题", "不应读入", "2026年6月底"])
    ws.row_dimensions[4].hidden = True
    ws.append(["3", "调研不够", "每月下基层", "2026年上半年"])
    more = wb.create_sheet("续表")
    more.append(HEADS4)
    more.append(["4", "走访群众少", "每月走访", "2026年7月1日至12月31日"])
    wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    (OUT / "sheets-hidden-1904.xlsx").write_bytes(_saved(wb))

    # A member table sorted by category: 王芳 comes back after 李强, once with a full-width space in her name; a
    # formula whose result was never computed stands where a problem is; a cell past column 64 holds text; two
    # problems written alike with different categories follow each other.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "方面", "具体问题", "整改措施", "整改时限"])
    ws.append(["王芳", "学习贯彻党的创新理论", "学用脱节", "读原著", "2026年6月底"])
    ws.append(["李强", "学习贯彻党的创新理论", "学习不深", "写心得", "2026年6月底"])
    ws.append(["王　芳", "联系服务群众", "走访少", "每月走访", "长期坚持"])
    ws.append(["李强", "发挥先锋模范作用", "=C3", "承担急难任务", "立行立改"])
    ws.append(["刘洋", "党性修养提高", "标准不高", "对照党章找差距", "2026年6月底"])
    ws.append(["刘洋", "联系服务群众", "标准不高", "每月走访", "2026年6月底"])
    ws.cell(2, 70).value = "第70列的备注"
    (OUT / "member-sorted.xlsx").write_bytes(_saved(wb))

    plain = _saved(_word_with_table())
    # gridBefore: a row that leaves its first grid column out before its first cell; a tracked move whose old place
    # still holds the words.
    with zipfile.ZipFile(io.BytesIO(plain)) as z:
        xml = z.read("word/document.xml").decode()
    row2 = xml.split("<w:tr>")[2]
    shifted_cells = row2.split("<w:tc>", 2)
    shifted = shifted_cells[0] + "<w:trPr><w:gridBefore w:val=\"1\"/></w:trPr><w:tc>" + shifted_cells[2]
    moved = xml.replace(row2, shifted, 1).replace(
        "<w:t>每月下基层</w:t></w:r>",
        "<w:t>每月下基层</w:t></w:r><w:moveFrom w:id=\"1\" w:author=\"a\" w:date=\"2026-01-01T00:00:00Z\">"
        "<w:r><w:t>每月下基层</w:t></w:r></w:moveFrom>", 1)
    (OUT / "grid-before-moved.docx").write_bytes(with_part(plain, "word/document.xml", moved.encode()))
    # A header row of a hundred thousand empty cells after its real ones.
    wide = xml.replace("</w:tc></w:tr>", "</w:tc>" + "<w:tc><w:p/></w:tc>" * 100_000 + "</w:tr>", 1)
    (OUT / "hostile-wide-row.docx").write_bytes(with_part(plain, "word/document.xml", wide.encode()))
    # A character reference to NUL, and the document cut short.
    (OUT / "hostile-nul.docx").write_bytes(with_part(plain, "word/document.xml", xml.replace("每月下基层", "每月&#0;下基层", 1).encode()))
    (OUT / "truncated-part.docx").write_bytes(with_part(plain, "word/document.xml", xml[: len(xml) * 2 // 3].encode()))
    (OUT / "truncated.docx").write_bytes(plain[: len(plain) // 2])

    book = _saved(_small_book())
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    # Twenty thousand merged ranges, each over the whole sheet.
    merges = "<mergeCells count=\"20000\">" + "".join(f"<mergeCell ref=\"A{1 + i % 7}:BL10000\"/>" for i in range(20_000)) + "</mergeCells>"
    far = sheet.replace("</sheetData>", "<row r=\"10000\"><c r=\"A10000\" t=\"inlineStr\"><is><t>末行</t></is></c></row></sheetData>" + merges)
    (OUT / "hostile-merges.xlsx").write_bytes(with_part(book, "xl/worksheets/sheet1.xml", far.encode()))
    # Cells without their references (`r`), as some tools write them.
    (OUT / "no-references.xlsx").write_bytes(with_part(book, "xl/worksheets/sheet1.xml", _without_references(sheet).encode()))
    # Three sheets of 30 MB each: under the bound for one part, over the bound for the file.
    big = sheet.replace("</sheetData>", "</sheetData>" + " " * (30 * 1024 * 1024))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(book)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, zin.read(item.filename), compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
        for i in (2, 3, 4):
            zout.writestr(f"xl/worksheets/sheet{i}.xml", big.encode(), compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    (OUT / "hostile-many-sheets.xlsx").write_bytes(out.getvalue())


def _word_with_table():
    d = docx.Document()
    _org_table(d, HEADS4, [["1", "理论学习不深入", "每周集中学习", "2026年6月底"], ["2", "调研不够", "每月下基层", "长期坚持"]])
    return d


def _small_book():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADS4)
    ws.append(["1", "理论学习不深入", "每周集中学习", "2026年6月底"])
    ws.append(["2", "调研不够", "每月下基层", "长期坚持"])
    for row in ws.iter_rows():
        for c in row:
            c.value = str(c.value)
    return wb


def _without_references(sheet):
    import re
    return re.sub(r' r="[A-Z]+[0-9]+"', "", re.sub(r'<row r="[0-9]+"', "<row", sheet))


TEMPLATE_HEADS = ["序号", "问题来源", "问题表现", "整改措施", "整改时限", "整改状态", "完成情况"]
TEMPLATE_ROWS = [
    # (问题来源, 问题表现, [(措施, 时限, 状态, 完成情况)])
    ("征求意见、检视剖析", "1．理论学习不够深入，2024年中心组学习研讨发言仅2次。", [
        ("（1）每月组织1次专题研讨，班子成员轮流发言。", "2024年6月30日前", "已完成", "已组织3次研讨"),
        ("②建立学习台账，每季度检查一次。", "长期坚持", "已完成", ""),
    ]),
    ("群众反映；上级点评", "2、窗口服务群众解释不耐心，2024年收到投诉3起。", [
        ("一是开展服务规范培训。", "2024年5月31日前", "整改中", "已培训1次"),
    ]),
    ("谈心谈话、领导交办", "三、深入基层调研不够。", [
        ("1. 班子成员每月到中队蹲点2天。", "2024年12月31日前", "", "已延期：待上级批复"),
    ]),
]


def round42():
    """Tables as branches make them from the office's template (issue 42): the title without a 党组织's name,
    填报单位（盖章）, 问题来源 in words, numbered problems and measures, a 整改状态 column, a 审核人 line under the
    table; in Word and Excel by python-docx and openpyxl, and the same files saved again by LibreOffice."""
    d = docx.Document()
    d.add_paragraph("党组织检视整改问题清单")
    d.add_paragraph("填报单位（盖章）：中共××县公安局治安管理大队支部委员会      填报日期：2024年3月1日")
    rows = [[str(n), src, p, m, due, status, done]
            for n, (src, p, ms) in enumerate(TEMPLATE_ROWS, 1) for (m, due, status, done) in ms]
    _table(d, TEMPLATE_HEADS, rows)
    d.add_paragraph("审核人（支部书记）：张伟          填报人：王芳")
    (OUT / "template-word.docx").write_bytes(_saved(d))

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["党组织检视整改问题清单"])
    ws.append(["填报单位（盖章）：中共××县公安局治安管理大队支部委员会", None, None, None, "填报日期：2024年3月1日"])
    ws.append(TEMPLATE_HEADS)
    for r in rows:
        ws.append(r)
    ws.append([])
    ws.append(["审核人（支部书记）：张伟", None, None, None, "填报人：王芳"])
    (OUT / "template-excel.xlsx").write_bytes(_saved(wb))

    # The same, saved again by LibreOffice (as WPS and LibreOffice users hand them in).
    import subprocess
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        for name, ext in (("template-word", "docx"), ("template-excel", "xlsx")):
            subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                            ext, "--outdir", tmp, str(OUT / f"{name}.{ext}")], check=True, capture_output=True)
            (OUT / f"{name}-libreoffice.{ext}").write_bytes((Path(tmp) / f"{name}.{ext}").read_bytes())


def round45():
    """The campaign's other lists as branches keep them (issue 45): a 调研问题清单 in Word with each 调研课题's cell
    merged over its problems, an 意见建议台账 in Excel in the branch's own column order with a column of its own
    (联系电话) and a 渠道 that is none of the choices (微信群), and the same workbook saved again by LibreOffice."""
    d = docx.Document()
    d.add_paragraph("调研问题清单")
    d.add_paragraph("填报单位：食品药品环境犯罪侦查大队党支部          填报日期：2026年3月10日")
    heads = ["序号", "调研课题", "问题类别", "发现问题", "整改措施", "责任领导", "责任单位", "完成时限", "整改状态"]
    topics = [
        ("关于食品药品安全监管协作的调研", [
            ("执法规范", "与市场监管部门案件移送衔接不畅，线索移交平均超过15天。", "建立案件线索双向移送机制，每月召开联席会议。", "李明", "食药环大队", "2026年6月30日前", "正在整改"),
            ("队伍建设", "专业鉴定力量不足，检验周期长影响办案进度。", "与县检测中心签订快检合作协议。", "李明", "食药环大队", "2026年第2季度", "已完成整改"),
        ]),
        ("关于环境犯罪案件办理的调研", [
            ("执法规范", "环境污染案件取证标准不统一，部分案件证据链不完整。", "制定环境犯罪案件取证指引。", "张伟", "法制大队", "长期坚持", "正在整改"),
        ]),
    ]
    rows = sum(len(ps) for _, ps in topics)
    t = d.add_table(rows=1 + rows, cols=len(heads))
    t.style = "Table Grid"
    for i, h in enumerate(heads):
        t.cell(0, i).text = h
    r, n = 1, 0
    for title, problems in topics:
        top = r
        for p in problems:
            n += 1
            t.cell(r, 0).text = str(n)
            for j, v in enumerate(p):
                t.cell(r, 2 + j).text = v
            r += 1
        cell = t.cell(top, 1).merge(t.cell(r - 1, 1)) if r - 1 > top else t.cell(top, 1)
        cell.text = title
    d.add_paragraph("填报人：陈晓燕    审核人：王建国")
    (OUT / "survey-word.docx").write_bytes(_saved(d))

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "意见建议台账"
    ws.append(["食品药品环境犯罪侦查大队党支部意见建议台账"])
    ws.append(["填报单位：食品药品环境犯罪侦查大队党支部", None, None, None, None, "填报日期：2026年3月10日"])
    ws.append(["编号", "意见建议", "渠道", "收集时间", "提出人", "承办单位", "办理情况", "办理结果", "是否反馈", "联系电话"])
    ws.append([1, "建议在辖区药店张贴食品药品违法犯罪举报电话。", "警民恳谈会", date(2026, 4, 2), "张大妈", "食药环大队", "已协调市场监管部门统一张贴。", "A", "是", "13800000001"])
    ws.cell(ws.max_row, 4).number_format = "yyyy\"年\"m\"月\"d\"日\""
    ws.append([2, "希望公布环境污染举报的受理进度。", "警营开放日", "2026年4月18日", "", "食药环大队", "正在建设网上查询功能。", "B 正在解决", "否", ""])
    ws.append([3, "建议定期通报农贸市场抽检情况。", "微信群", "2026.5.6", "李师傅", "食药环大队", "", "", "否", ""])
    (OUT / "opinions-excel.xlsx").write_bytes(_saved(wb))

    import subprocess
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                        "xlsx", "--outdir", tmp, str(OUT / "opinions-excel.xlsx")], check=True, capture_output=True)
        (OUT / "opinions-excel-libreoffice.xlsx").write_bytes((Path(tmp) / "opinions-excel.xlsx").read_bytes())


def _table(d, heads, rows):
    t = d.add_table(rows=1 + len(rows), cols=len(heads))
    t.style = "Table Grid"
    for i, h in enumerate(heads):
        t.cell(0, i).text = h
    for r, cells in enumerate(rows, 1):
        for i, v in enumerate(cells):
            t.cell(r, i).text = v
    return t


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    if sys.argv[1:] == ["round4"]:
        round4()
        return
    if sys.argv[1:] == ["round42"]:
        round42()
        return
    if sys.argv[1:] == ["round45"]:
        round45()
        return
    word_org(OUT / "org-word.docx")
    excel_org(OUT / "org-excel.xlsx")
    word_member(OUT / "member-word.docx")
    excel_member(OUT / "member-excel.xlsx")
    nested(OUT / "nested-table.docx")
    hostile()
    round4()
    round42()
    round45()
    for f in sorted(OUT.iterdir()):
        print(f"{f.name}: {f.stat().st_size} bytes")


if __name__ == "__main__":
    main()
