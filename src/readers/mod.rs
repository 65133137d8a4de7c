//! Reading the tables of Word (.docx) and Excel (.xlsx) files, WPS's saved in those formats too, into the table
//! model of `domain::table`. Only the office module links this, loaded when such a file is first opened.
//!
//! Written on `zip` (which the writers already use) and `quick-xml` rather than with calamine: calamine would bring
//! a second version of `zip` and encoding tables for the old .xls format, which is refused here anyway; what is
//! read of a workbook (shared strings, cells, merged ranges, which cells are dates) is a page of code.
//!
//! Every file is hostile until read: a part is read only up to `MAX_PART_BYTES` unpacked (a zip bomb stops
//! there), an XML that declares entities is refused (no entity is ever expanded), a table of more than
//! `MAX_ROWS` rows is refused while it is read, and a table inside a table is read as the text of its cell.

pub mod docx;
pub mod xlsx;

use std::io::{Cursor, Read};

use quick_xml::events::BytesRef;

use crate::domain::table::Table;

/// How much of one part of a file is unpacked at most: a 2,000-problem list's sheet is about 3 MB.
pub const MAX_PART_BYTES: u64 = 48 * 1024 * 1024;

/// Why a file gave no table; `message` says it in Chinese, with what to do.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadError {
    /// .doc, .xls, .wps, .et: the old binary formats.
    OldFormat,
    /// A file with an opening password (Office stores those encrypted, not as a zip).
    Password,
    /// Not a zip, or a zip without the parts a Word or Excel file has.
    Damaged(String),
    /// A part unpacks to more than `MAX_PART_BYTES`.
    TooBig,
    /// An XML that declares its own entities (a "billion laughs" file).
    Entities,
    TooManyRows,
    /// A Word file without a table.
    NoTable,
}

impl ReadError {
    pub fn message(&self) -> String {
        match self {
            ReadError::OldFormat => "这是旧格式的 Word、Excel 或 WPS 文件（.doc、.xls、.wps、.et），本程序读不了。请用 WPS 或 Office 打开它，“另存为” .docx（文字文档）或 .xlsx（表格）后再导入。".into(),
            ReadError::Password => "这个文件设置了打开密码，本程序读不了。请用 WPS 或 Office 打开它，取消密码（文件→信息→保护文档或加密）后另存，再导入。".into(),
            ReadError::Damaged(what) => format!("文件已损坏，或不是 Word/Excel 文件（{what}）。请用 WPS 或 Office 打开确认，另存为 .docx 或 .xlsx 后再导入。"),
            ReadError::TooBig => "文件解压后过大（超过 48 MB），不像一份检视整改清单，没有读取。".into(),
            ReadError::Entities => "文件中含有自定义的 XML 实体声明，不是 Word/Excel 正常保存的文件，为安全起见没有读取。请用 WPS 或 Office 另存后再导入。".into(),
            ReadError::TooManyRows => format!("表格超过 {} 行，不像一份检视整改清单，没有导入。请只保留清单所在的表格后再试。", crate::domain::table::MAX_ROWS),
            ReadError::NoTable => "这个 Word 文件里没有表格。请打开确认清单是用表格填写的（插入→表格），再导入。".into(),
        }
    }
}

/// Which of the formats read here a file is, by its first bytes (the name's extension can lie).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Format {
    Docx,
    Xlsx,
}

/// A table of `bytes`: a .docx's first table that reads as a list (or its first table), an .xlsx's first sheet
/// that does (or its first sheet).
pub fn read(bytes: &[u8]) -> Result<(Format, Table), ReadError> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        // An OLE compound file: the old binary formats, or an Office file encrypted with a password.
        let encrypted: Vec<u8> = "EncryptionInfo"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        return Err(
            if bytes
                .windows(encrypted.len())
                .any(|w| w == encrypted.as_slice())
            {
                ReadError::Password
            } else {
                ReadError::OldFormat
            },
        );
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|_| ReadError::Damaged("不是 zip 压缩格式".into()))?;
    if archive.index_for_name("word/document.xml").is_some() {
        docx::read(&mut archive).map(|t| (Format::Docx, t))
    } else if archive.index_for_name("xl/workbook.xml").is_some() {
        xlsx::read(&mut archive).map(|t| (Format::Xlsx, t))
    } else {
        Err(ReadError::Damaged("里面没有文档或工作表".into()))
    }
}

type Archive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// The text of part `name`, unpacked up to `MAX_PART_BYTES`; `None` when the file has no such part.
fn part(archive: &mut Archive, name: &str) -> Result<Option<String>, ReadError> {
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(zip::result::ZipError::UnsupportedArchive(_)) => return Err(ReadError::Password),
        Err(_) => return Err(ReadError::Damaged(format!("{name} 读不出"))),
    };
    // What the zip says it unpacks to refuses a bomb at once; the bound on reading holds if it lies.
    if file.size() > MAX_PART_BYTES {
        return Err(ReadError::TooBig);
    }
    let mut bytes = Vec::new();
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| ReadError::Damaged(format!("{name} 解压出错")))?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(ReadError::TooBig);
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| ReadError::Damaged(format!("{name} 不是 UTF-8 文本")))
}

/// The text an entity reference stands for: a character (`&#x4E00;`) or one of XML's five; any other is an entity
/// the file declared itself, which is refused.
fn entity(reference: &BytesRef) -> Result<String, ReadError> {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        return Ok(c.to_string());
    }
    let name = reference.decode().map_err(|_| ReadError::Entities)?;
    quick_xml::escape::resolve_predefined_entity(&name)
        .map(str::to_string)
        .ok_or(ReadError::Entities)
}

/// A damaged XML part, said with its name.
fn bad_xml(part: &str) -> ReadError {
    ReadError::Damaged(format!("{part} 的内容不完整"))
}

/// The value of attribute `name` (without its namespace prefix) of `e`, its entities resolved.
fn attr(e: &quick_xml::events::BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .filter_map(Result::ok)
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Deadline, Kind};
    use crate::domain::table::plan::{plan, Plan};

    fn planned(bytes: &[u8]) -> (Format, Plan) {
        let (format, table) = read(bytes).unwrap();
        let mut n = 0;
        let plan = plan(&table, None, &mut || {
            n += 1;
            format!("id-{n}")
        })
        .unwrap();
        (format, plan)
    }

    #[test]
    fn the_offices_word_template_with_merged_problems_reads_whole() {
        let (format, plan) = planned(include_bytes!("../../tests/fixtures/tables/org-word.docx"));
        assert_eq!(format, Format::Docx);
        let doc = &plan.document;
        assert_eq!(
            (doc.kind, doc.header.org_name.as_str()),
            (Kind::Org, "交警大队党支部")
        );
        assert_eq!(doc.header.filed_on, "2024-03-01");
        assert_eq!((plan.problems(), plan.measures()), (3, 6));
        let measures: Vec<_> = doc.problems.iter().map(|p| p.measures.len()).collect();
        assert_eq!(measures, [2, 3, 1]);
        assert_eq!(
            doc.problems[1].measures[0].deadline,
            Deadline::Immediate { date: None }
        );
        assert_eq!(
            doc.problems[2].measures[0].deadline,
            Deadline::ByDate {
                date: "2024-05-31".into()
            }
        );
        assert_eq!(
            doc.problems[0].measures[0].dept.as_deref(),
            Some("大队办公室")
        );
        assert_eq!(plan.unread.len(), 1, "{:?}", plan.unread);
        assert!(plan.unread[0].contains("“年底前”没有写明哪一年"));
    }

    #[test]
    fn an_excel_sheet_with_a_title_merged_ranges_and_a_date_cell_reads_whole() {
        let (format, plan) = planned(include_bytes!("../../tests/fixtures/tables/org-excel.xlsx"));
        assert_eq!(format, Format::Xlsx);
        let doc = &plan.document;
        assert_eq!(
            doc.header.org_name, "交警大队党支部",
            "the sheet 说明 before it is passed over"
        );
        assert_eq!(doc.header.filed_on, "2024-03-01");
        assert_eq!((plan.problems(), plan.measures()), (3, 6));
        assert_eq!(doc.problems[0].category, "理论学习");
        assert_eq!(
            doc.problems[2].measures[0].deadline,
            Deadline::ByDate {
                date: "2024-05-31".into()
            }
        );
        let fields: Vec<_> = plan
            .columns
            .iter()
            .map(|(h, f)| (h.as_str(), f.label()))
            .collect();
        assert_eq!(fields[8], ("完成情况", "完成情况"));
        assert_eq!(fields[9], ("备注", "备注"));
    }

    #[test]
    fn member_tables_in_word_and_excel_make_each_member_once() {
        for bytes in [
            &include_bytes!("../../tests/fixtures/tables/member-word.docx")[..],
            &include_bytes!("../../tests/fixtures/tables/member-excel.xlsx")[..],
        ] {
            let (_, plan) = planned(bytes);
            let doc = &plan.document;
            assert_eq!(doc.kind, Kind::Member);
            assert_eq!(doc.header.org_name, "治安大队党支部");
            let members: Vec<_> = doc
                .members
                .iter()
                .map(|m| (m.name.as_str(), m.problems.len()))
                .collect();
            assert_eq!(members, [("王芳", 2), ("李强", 1), ("刘洋", 1)]);
            assert_eq!(plan.measures(), 5);
            assert_eq!(
                doc.members[2].problems[0].measures[0].deadline,
                Deadline::ByDate {
                    date: "2024-04-15".into()
                }
            );
            assert!(plan.unread.is_empty(), "{:?}", plan.unread);
        }
    }

    #[test]
    fn a_table_in_a_table_is_the_text_of_its_cell() {
        let (_, plan) = planned(include_bytes!(
            "../../tests/fixtures/tables/nested-table.docx"
        ));
        let measure = &plan.document.problems[0].measures[0];
        assert_eq!(measure.content, "措施一：每周学习\n措施二：撰写心得");
        assert_eq!(measure.deadline, Deadline::LongTerm);
    }

    #[test]
    fn hostile_and_foreign_files_are_refused_with_a_reason() {
        let refused = |bytes: &[u8]| read(bytes).unwrap_err();
        assert_eq!(
            refused(include_bytes!(
                "../../tests/fixtures/tables/hostile-zip-bomb.docx"
            )),
            ReadError::TooBig
        );
        assert_eq!(
            refused(include_bytes!(
                "../../tests/fixtures/tables/hostile-entities.docx"
            )),
            ReadError::Entities
        );
        assert_eq!(
            refused(include_bytes!("../../tests/fixtures/tables/old-format.xls")),
            ReadError::OldFormat
        );
        assert_eq!(
            refused(include_bytes!("../../tests/fixtures/tables/password.xlsx")),
            ReadError::Password
        );
        assert_eq!(
            refused(include_bytes!(
                "../../tests/fixtures/tables/not-a-list.docx"
            )),
            ReadError::NoTable
        );
        assert!(matches!(
            refused(b"PK\x03\x04 not really"),
            ReadError::Damaged(_)
        ));
        assert!(ReadError::OldFormat.message().contains("另存为"));
    }

    #[test]
    fn a_sheet_of_a_hundred_thousand_rows_is_refused_while_it_is_read() {
        let mut sheet = String::from("<worksheet><sheetData>");
        for r in 1..=100_000 {
            sheet.push_str(&format!(
                "<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t>问题{r}</t></is></c></row>"
            ));
        }
        sheet.push_str("</sheetData></worksheet>");
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("xl/workbook.xml", options).unwrap();
        std::io::Write::write_all(&mut zip, b"<workbook/>").unwrap();
        zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
        std::io::Write::write_all(&mut zip, sheet.as_bytes()).unwrap();
        zip.finish().unwrap();
        assert_eq!(read(out.get_ref()).unwrap_err(), ReadError::TooManyRows);
    }
}
