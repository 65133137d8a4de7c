//! Reading the tables of Word (.docx) and Excel (.xlsx) files, WPS's saved in those formats too, into the table
//! model of `domain::table`. Only the office module links this, loaded when such a file is first opened.
//!
//! Written on `zip` (which the writers already use) and `quick-xml` rather than with calamine: calamine would bring
//! a second version of `zip` and encoding tables for the old .xls format, which is refused here anyway; what is
//! read of a workbook (shared strings, cells, merged ranges, which cells are dates) is a page of code.
//!
//! Every file is hostile until read: a part is read only up to `MAX_PART_BYTES` unpacked and all parts together
//! only up to `MAX_FILE_UNPACKED` (a zip bomb stops there, and so does a workbook of twenty sheets each just under
//! the bound for one), an XML that declares entities is refused (no entity is ever expanded), a table of more than
//! `MAX_ROWS` rows is refused while it is read, no row is read past `MAX_COLUMNS` cells, merged ranges are laid
//! out in time linear in the table's cells, and a table inside a table is read as the text of its cell.

pub mod docx;
pub mod xlsx;

use std::io::{Cursor, Read};

use quick_xml::events::BytesRef;

use crate::domain::file::table::Table;

/// How much of one part of a file is unpacked at most: a 2,000-problem list's sheet is about 3 MB.
pub const MAX_PART_BYTES: u64 = 48 * 1024 * 1024;

/// How much of a whole file is unpacked at most, all its parts together.
pub const MAX_FILE_UNPACKED: u64 = 64 * 1024 * 1024;

/// Cells read of a row at most: a list has a dozen columns; a sheet formatted to column XFD, or a Word row of a
/// hundred thousand empty cells, has thousands more. What stands past them is said, not read.
pub const MAX_COLUMNS: usize = 64;

/// Why a file gave no table; `message` says it in Chinese, with what to do.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadError {
    /// .doc, .xls, .wps, .et: the old binary formats.
    OldFormat,
    /// A file with an opening password (Office stores those encrypted, not as a zip).
    Password,
    /// Not a zip, or a zip without the parts a Word or Excel file has.
    Damaged(String),
    /// A part unpacks to more than `MAX_PART_BYTES`, or the file to more than `MAX_FILE_UNPACKED`.
    TooBig,
    /// An XML that declares its own entities (a "billion laughs" file).
    Entities,
    TooManyRows,
    /// A Word file without a table.
    NoTable,
    /// A character reference to a character XML forbids (`&#0;`, a lone surrogate): no program of Office writes it.
    BadCharacter(String),
    /// Merged ranges that overlap each other over and over: Excel never writes such a sheet.
    OverlappingMerges,
}

impl ReadError {
    pub fn message(&self) -> String {
        match self {
            ReadError::OldFormat => "这是旧格式的 Word、Excel 或 WPS 文件（.doc、.xls、.wps、.et），本程序读不了。请用 WPS 或 Office 打开它，“另存为” .docx（文字文档）或 .xlsx（表格）后再导入。".into(),
            ReadError::Password => "这个文件设置了打开密码，本程序读不了。请用 WPS 或 Office 打开它，取消密码（文件→信息→保护文档或加密）后另存，再导入。".into(),
            ReadError::Damaged(what) => format!("文件已损坏，或不是 Word/Excel 文件（{what}）。请用 WPS 或 Office 打开确认，另存为 .docx 或 .xlsx 后再导入。"),
            ReadError::TooBig => "文件解压后过大（一个部分超过 48 MB，或全部超过 64 MB），不像一份检视整改清单，没有读取。请只保留清单所在的表格，另存后再导入。".into(),
            ReadError::Entities => "文件中含有自定义的 XML 实体声明，不是 Word/Excel 正常保存的文件，为安全起见没有读取。请用 WPS 或 Office 另存后再导入。".into(),
            ReadError::TooManyRows => format!("表格超过 {} 行，不像一份检视整改清单，没有导入。请只保留清单所在的表格后再试。", crate::domain::file::table::MAX_ROWS),
            ReadError::NoTable => "这个 Word 文件里没有表格。请打开确认清单是用表格填写的（插入→表格），再导入。".into(),
            ReadError::BadCharacter(what) => format!("文件里有 XML 不允许的字符（{what}），不是 Word/Excel 正常保存的文件，没有读取。请用 WPS 或 Office 打开它，另存为 .docx 或 .xlsx 后再导入。"),
            ReadError::OverlappingMerges => "表格里的合并单元格互相重叠，不是 Excel 或 WPS 正常保存的文件，没有读取。请用 WPS 或 Office 打开它，另存为 .xlsx 后再导入。".into(),
        }
    }
}

/// Which of the formats read here a file is, by its first bytes (the name's extension can lie).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Format {
    Docx,
    Xlsx,
}

/// A table of `bytes`: a .docx's first table that reads as a list with the tables that continue it (or its first
/// table), an .xlsx's first visible sheet that does with the sheets that continue it (or its first visible sheet).
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
    let archive = match zip::ZipArchive::new(Cursor::new(bytes)) {
        Ok(archive) => archive,
        // A zip's own first bytes, without the directory a zip ends with: cut short.
        Err(_) if bytes.starts_with(b"PK\x03\x04") => {
            return Err(ReadError::Damaged(
                "文件不完整，可能没有复制或下载完".into(),
            ))
        }
        Err(_) => return Err(ReadError::Damaged("不是 zip 压缩格式".into())),
    };
    let mut file = File::new(archive)?;
    if file.archive.index_for_name("word/document.xml").is_some() {
        docx::read(&mut file).map(|t| (Format::Docx, t))
    } else if file.archive.index_for_name("xl/workbook.xml").is_some() {
        xlsx::read(&mut file).map(|t| (Format::Xlsx, t))
    } else {
        Err(ReadError::Damaged("里面没有文档或工作表".into()))
    }
}

type Archive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// A Word or Excel file being read, with how much more of it may still be unpacked.
pub(crate) struct File<'a> {
    archive: Archive<'a>,
    left: u64,
}

impl<'a> File<'a> {
    /// The file, refused at once when what its parts say they unpack to is over the bound for a whole file.
    fn new(mut archive: Archive<'a>) -> Result<File<'a>, ReadError> {
        let declared = (0..archive.len())
            .filter_map(|i| archive.by_index_raw(i).ok().map(|f| f.size()))
            .fold(0u64, u64::saturating_add);
        if declared > MAX_FILE_UNPACKED {
            return Err(ReadError::TooBig);
        }
        Ok(File {
            archive,
            left: MAX_FILE_UNPACKED,
        })
    }

    /// The text of part `name`, unpacked up to `MAX_PART_BYTES` and what is left of the file's bound; `None` when
    /// the file has no such part.
    fn part(&mut self, name: &str) -> Result<Option<String>, ReadError> {
        let file = match self.archive.by_name(name) {
            Ok(file) => file,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(zip::result::ZipError::UnsupportedArchive(_)) => return Err(ReadError::Password),
            Err(_) => return Err(ReadError::Damaged(format!("{name} 读不出"))),
        };
        // What the zip says it unpacks to refuses a bomb at once; the bound on reading holds if it lies.
        let bound = MAX_PART_BYTES.min(self.left);
        if file.size() > bound {
            return Err(ReadError::TooBig);
        }
        let mut bytes = Vec::new();
        file.take(bound + 1)
            .read_to_end(&mut bytes)
            .map_err(|_| ReadError::Damaged(format!("{name} 解压出错")))?;
        if bytes.len() as u64 > bound {
            return Err(ReadError::TooBig);
        }
        self.left -= bytes.len() as u64;
        String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| ReadError::Damaged(format!("{name} 不是 UTF-8 文本")))
    }

    /// The names of the file's parts.
    fn names(&self) -> impl Iterator<Item = &str> {
        self.archive.file_names()
    }
}

/// The text an entity reference stands for: a character (`&#x4E00;`) or one of XML's five. A character XML
/// forbids is said as such; any other name is an entity the file declared itself, which is refused.
fn entity(reference: &BytesRef) -> Result<String, ReadError> {
    let name = reference.decode().map_err(|_| ReadError::Entities)?;
    if name.starts_with('#') {
        return match reference.resolve_char_ref() {
            Ok(Some(c)) if xml_char(c) => Ok(c.to_string()),
            _ => Err(ReadError::BadCharacter(format!("&{name};"))),
        };
    }
    quick_xml::escape::resolve_predefined_entity(&name)
        .map(str::to_string)
        .ok_or(ReadError::Entities)
}

/// Whether XML 1.0 allows `c` in a document.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
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
    use crate::domain::file::table::plan::{plan, Plan};
    use crate::domain::list::model::{Deadline, Kind};

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

    fn descriptions(doc: &crate::domain::list::model::Document) -> Vec<&str> {
        doc.problems
            .iter()
            .map(|p| p.description.as_str())
            .collect()
    }

    fn deadlines(doc: &crate::domain::list::model::Document) -> Vec<String> {
        doc.problems
            .iter()
            .flat_map(|p| &p.measures)
            .map(|m| m.deadline.date().unwrap_or_default().to_string())
            .collect()
    }

    #[test]
    fn a_word_list_in_several_tables_is_read_whole_and_says_where_from() {
        let (_, plan) = planned(include_bytes!(
            "../../tests/fixtures/tables/continued-word.docx"
        ));
        let doc = &plan.document;
        assert_eq!(
            descriptions(doc),
            [
                "理论学习不深入",
                "调研不够",
                "走访群众少",
                "文风不实",
                "会风不严"
            ]
        );
        assert_eq!(
            deadlines(doc),
            [
                "2026-06-30",
                "2026-06-30",
                "2026-06-30",
                "2026-12-31",
                "2026-06-30"
            ],
            "2026年6月底, 第2季度, 3月至6月, 4-12月, 二〇二六年六月底"
        );
        assert!(
            plan.notes[0].starts_with("清单分在3处，已按顺序全部读入：第1个表格"),
            "{:?}",
            plan.notes
        );
        assert!(plan.unread.is_empty(), "{:?}", plan.unread);
    }

    #[test]
    fn hidden_sheets_and_rows_are_not_read_and_said_and_1904_dates_and_escapes_are_read() {
        let (_, plan) = planned(include_bytes!(
            "../../tests/fixtures/tables/sheets-hidden-1904.xlsx"
        ));
        let doc = &plan.document;
        assert_eq!(
            descriptions(doc),
            ["理论学习\n不深入", "调研不够", "走访群众少"],
            "not the hidden example sheet nor the hidden row; the 续表 sheet after the list"
        );
        assert_eq!(doc.problems[0].measures[0].content, "每周集中\t学习");
        assert_eq!(
            deadlines(doc),
            ["2026-06-30", "2026-06-30", "2026-12-31"],
            "a date cell in the 1904 date system; 上半年; 7月1日至12月31日"
        );
        assert_eq!(doc.header.org_name, "治安管理大队党支部");
        let said = plan.notes.join("\n");
        assert!(said.contains("没有读取隐藏的工作表：“填表示例”"), "{said}");
        assert!(said.contains("工作表“清单”中隐藏的第4行没有读取"), "{said}");
        assert!(said.contains("工作表“续表”"), "{said}");
    }

    #[test]
    fn a_member_met_again_in_a_sorted_table_is_one_member_and_a_formula_without_its_result_is_said()
    {
        let (_, plan) = planned(include_bytes!(
            "../../tests/fixtures/tables/member-sorted.xlsx"
        ));
        let doc = &plan.document;
        let members: Vec<_> = doc
            .members
            .iter()
            .map(|m| (m.name.as_str(), m.problems.len()))
            .collect();
        assert_eq!(members, [("王芳", 2), ("李强", 2), ("刘洋", 2)]);
        assert_eq!(
            doc.members[1].problems[1].description, "",
            "the formula's problem is a problem of its own, not the one above"
        );
        assert_eq!(
            doc.members[1].problems[1].measures[0].content,
            "承担急难任务"
        );
        let categories: Vec<_> = doc.members[2]
            .problems
            .iter()
            .map(|p| p.category.as_str())
            .collect();
        assert_eq!(
            categories,
            ["党性修养提高", "联系服务群众"],
            "two problems written alike keep their own categories"
        );
        let said = plan.notes.join("\n");
        assert!(
            said.contains("党员“王芳”的问题分在表格的几处（第4行）"),
            "{said}"
        );
        assert!(
            said.contains("党员“李强”的问题分在表格的几处（第5行）"),
            "{said}"
        );
        assert!(said.contains("第2行在第64列以后还有内容"), "{said}");
        assert!(
            plan.unread
                .iter()
                .any(|u| u.starts_with("第5行：问题表现是公式")),
            "{:?}",
            plan.unread
        );
    }

    #[test]
    fn a_row_that_leaves_grid_columns_out_stays_in_line_and_moved_text_is_read_once() {
        let (_, plan) = planned(include_bytes!(
            "../../tests/fixtures/tables/grid-before-moved.docx"
        ));
        let doc = &plan.document;
        assert_eq!(descriptions(doc), ["理论学习不深入", "调研不够"]);
        assert_eq!(doc.problems[1].measures[0].content, "每月下基层");
    }

    #[test]
    fn cells_without_references_are_read_in_their_order() {
        let (_, plan) = planned(include_bytes!(
            "../../tests/fixtures/tables/no-references.xlsx"
        ));
        assert_eq!(descriptions(&plan.document), ["理论学习不深入", "调研不够"]);
    }

    #[test]
    fn hostile_shapes_are_refused_or_bounded_quickly() {
        let started = std::time::Instant::now();
        let (_, table) = read(include_bytes!(
            "../../tests/fixtures/tables/hostile-wide-row.docx"
        ))
        .unwrap();
        assert!(table.rows.iter().all(|r| r.len() <= MAX_COLUMNS));
        assert_eq!(
            read(include_bytes!(
                "../../tests/fixtures/tables/hostile-merges.xlsx"
            ))
            .unwrap_err(),
            ReadError::OverlappingMerges
        );
        assert_eq!(
            read(include_bytes!(
                "../../tests/fixtures/tables/hostile-many-sheets.xlsx"
            ))
            .unwrap_err(),
            ReadError::TooBig,
            "three parts each under the bound for one, together over the bound for a file"
        );
        assert_eq!(
            read(include_bytes!(
                "../../tests/fixtures/tables/hostile-nul.docx"
            ))
            .unwrap_err(),
            ReadError::BadCharacter("&#0;".into())
        );
        assert!(ReadError::BadCharacter("&#0;".into())
            .message()
            .contains("XML 不允许的字符（&#0;）"));
        assert_eq!(
            read(include_bytes!(
                "../../tests/fixtures/tables/truncated-part.docx"
            ))
            .unwrap_err(),
            ReadError::Damaged("word/document.xml 的内容不完整".into())
        );
        assert_eq!(
            read(include_bytes!("../../tests/fixtures/tables/truncated.docx")).unwrap_err(),
            ReadError::Damaged("文件不完整，可能没有复制或下载完".into())
        );
        // Debug build, all of them: the merges alone took half a minute in the browser before.
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn the_offices_template_filled_in_word_and_excel_and_saved_by_libreoffice_reads_every_part() {
        use crate::domain::list::model::{Source, Status};
        for (name, bytes) in [
            (
                "word",
                &include_bytes!("../../tests/fixtures/tables/template-word.docx")[..],
            ),
            (
                "excel",
                &include_bytes!("../../tests/fixtures/tables/template-excel.xlsx")[..],
            ),
            (
                "word, LibreOffice",
                &include_bytes!("../../tests/fixtures/tables/template-word-libreoffice.docx")[..],
            ),
            (
                "excel, LibreOffice",
                &include_bytes!("../../tests/fixtures/tables/template-excel-libreoffice.xlsx")[..],
            ),
        ] {
            let (_, plan) = planned(bytes);
            let doc = &plan.document;
            assert_eq!(
                doc.header.org_name, "中共××县公安局治安管理大队支部委员会",
                "{name}: the 填报单位（盖章） line, not the title's 党组织"
            );
            assert_eq!(doc.kind, Kind::Org, "{name}");
            assert_eq!(
                (doc.header.reviewer.as_str(), doc.header.filed_by.as_str()),
                ("张伟", "王芳"),
                "{name}: the line under the table"
            );
            let sources: Vec<Vec<Source>> =
                doc.problems.iter().map(|p| p.sources.clone()).collect();
            assert_eq!(
                sources,
                [
                    vec![Source::Opinions, Source::SelfReview],
                    vec![Source::Opinions, Source::Superior],
                    vec![Source::Mutual]
                ],
                "{name}"
            );
            assert_eq!(
                descriptions(doc),
                [
                    "理论学习不够深入，2024年中心组学习研讨发言仅2次。",
                    "窗口服务群众解释不耐心，2024年收到投诉3起。",
                    "深入基层调研不够。"
                ],
                "{name}: hand numbering taken off"
            );
            let measures: Vec<(&str, Status)> = doc
                .problems
                .iter()
                .flat_map(|p| &p.measures)
                .map(|m| (m.content.as_str(), m.status))
                .collect();
            assert_eq!(
                measures,
                [
                    ("每月组织1次专题研讨，班子成员轮流发言。", Status::Done),
                    ("建立学习台账，每季度检查一次。", Status::PhasedLongTerm),
                    ("开展服务规范培训。", Status::InProgress),
                    ("班子成员每月到中队蹲点2天。", Status::InProgress),
                ],
                "{name}: 整改状态 read, 已完成 of 长期坚持 is 阶段性完成, 延期 without a date is 正在整改"
            );
            let said = plan.unread.join("\n");
            assert!(
                said.contains("问题来源“领导交办”不是规定的来源"),
                "{name}: {said}"
            );
            assert!(said.contains("在整改台账中办理延期"), "{name}: {said}");
            assert!(
                plan.notes.iter().any(|n| n.contains("手写的编号")),
                "{name}: {:?}",
                plan.notes
            );
        }
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
