//! The office files: what the workbooks and Word documents hold (the models of `domain::office`), and that the
//! writers put it into `.xlsx` and `.docx` as Excel, WPS and Word read it. The end-to-end tests read the files the
//! app downloads back with openpyxl and python-docx.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::io::{Cursor, Read};

use chrono::NaiveDate;
use common::fixture;
use rectify::domain::file::import::import;
use rectify::domain::list::model::Document;
use rectify::domain::papers::ledger_book::{ledger_book, ledger_file_name};
use rectify::domain::papers::sheet::{wrapped_lines, Cell, Column, Merge, Row, Sheet};
use rectify::domain::papers::word::{list_document, word_file_name, WordCell, WordLayout};
use rectify::writers::{docx, xlsx};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn org() -> Document {
    import(&fixture("org-complete.json")).unwrap().document
}

/// The text of one part of a zip file.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip file");
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the file"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn the_ledger_book_has_a_row_per_measure_with_dates_merges_and_marks() {
    let doc = org();
    let book = ledger_book(&doc, day(2024, 1, 1));
    let names: Vec<&str> = book.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["台账", "按类别"]);
    let sheet = &book.sheets[0];
    assert_eq!(
        sheet.title,
        "中共××县公安局交警大队支部委员会检视整改问题整改台账"
    );
    assert_eq!(sheet.lines, ["截至2024年1月1日"]);
    assert_eq!(sheet.columns.len(), 15);
    assert!(
        sheet.columns.iter().all(|c| c.header != "党员"),
        "no empty 党员 column on an org list"
    );
    assert_eq!(sheet.rows.len(), 7, "one row per measure");
    // Too wide for one page at a legible size: two pages wide.
    assert_eq!(sheet.pages_wide(), 2);
    assert_eq!(book.sheets[1].pages_wide(), 1);
    assert_eq!(
        sheet.rows[0].cells[5],
        Cell::Date {
            date: "2023-12-31".into(),
            suffix: "前".into()
        },
        "a 限期整改 deadline is a date"
    );
    assert_eq!(sheet.rows[1].cells[5], Cell::Text("长期坚持".into()));
    assert!(sheet.rows[0].marked, "overdue on 2024-01-01");
    let closed = sheet
        .rows
        .iter()
        .find(|r| matches!(r.cells[11], Cell::Date { .. }));
    assert!(closed.is_some(), "a 销号 date is a date");
    // The first problem has two measures: its cells (问题类别, 问题表现) are merged over both rows.
    for column in [1, 2] {
        assert!(sheet.merges.contains(&Merge {
            first: 0,
            last: 1,
            column
        }));
    }
    assert!(
        sheet.footer.contains("&P")
            && sheet.footer.contains("&N")
            && sheet.footer.contains("校验码：")
    );
    let categories = &book.sheets[1];
    assert_eq!(categories.columns[0].header, "序号");
    assert_eq!(categories.rows[0].cells[0], Cell::Count(1));
    assert_eq!(
        categories.rows[0].cells[3],
        Cell::Count(2),
        "counts are numbers"
    );
    let total = categories.rows.last().unwrap();
    assert_eq!(total.cells[0], Cell::Text("合计".into()));
    assert_eq!(total.cells[3], Cell::Count(7), "every measure, once");
    assert!(categories.notes[0].starts_with("情况说明：截至2024年1月1日"));
    assert_eq!(
        ledger_file_name(&doc, day(2024, 1, 1)),
        "整改台账-中共××县公安局交警大队支部委员会-20240101.xlsx"
    );
}

#[test]
fn text_wraps_as_wide_as_its_column_chinese_twice_as_wide() {
    assert_eq!(wrapped_lines("理论学习", 8), 1, "four characters in eight");
    assert_eq!(wrapped_lines("理论学习", 6), 2);
    assert_eq!(wrapped_lines("2023-12-31", 10), 1);
    assert_eq!(wrapped_lines("", 10), 1, "an empty cell is a line");
    assert_eq!(
        wrapped_lines("第一行\n第二行", 20),
        2,
        "a line break is a line"
    );
}

#[test]
fn a_rows_height_is_its_tallest_text_and_a_merge_spreads_over_its_rows() {
    let column = |width| Column {
        header: "问题表现".into(),
        width,
    };
    let row = |a: &str, b: &str| Row {
        cells: vec![Cell::Text(a.into()), Cell::Text(b.into())],
        marked: false,
    };
    let mut sheet = Sheet {
        columns: vec![column(4), column(4)],
        rows: vec![
            row("一二三四五六七八九十", "一"),
            row("", "一二三四"),
            row("一", "一"),
        ],
        ..Sheet::default()
    };
    assert_eq!(sheet.header_lines(), 2);
    assert_eq!(
        sheet.row_lines(),
        vec![5, 2, 1],
        "not merged: each row its tallest cell"
    );
    sheet.merge_runs(&[(0, 2)], &[0]);
    assert_eq!(
        sheet.row_lines(),
        vec![1, 4, 1],
        "merged: the five lines over two rows, what the first lacks added to the last"
    );
    assert_eq!(
        sheet.note_lines(&"字".repeat(12)),
        3,
        "over the width of all the columns"
    );
}

#[test]
fn the_xlsx_keeps_text_as_text_and_sets_up_printing() {
    let mut doc = org();
    doc.problems[0].measures[0].content = "=HYPERLINK(\"http://x\",\"点我\")".into();
    let bytes = xlsx::write(&ledger_book(&doc, day(2024, 1, 1))).unwrap();
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(!sheet.contains("<f>"), "no formula anywhere");
    assert!(
        part(&bytes, "xl/sharedStrings.xml").contains("=HYPERLINK(\"http://x\""),
        "the text kept literal"
    );
    assert!(sheet.contains("orientation=\"landscape\""));
    assert!(sheet.contains("paperSize=\"9\""), "A4");
    assert!(
        sheet.contains("fitToWidth=\"2\"") && sheet.contains("fitToHeight=\"0\""),
        "two pages wide (legible), as many high as it takes"
    );
    assert!(
        sheet.contains("pageOrder=\"overThenDown\""),
        "read across first"
    );
    assert!(
        sheet.contains("<pane ") && sheet.contains("state=\"frozen\""),
        "the header row frozen"
    );
    assert!(
        sheet.contains("<mergeCell ref=\"C4:C5\"/>"),
        "a problem's cell merged over its measures"
    );
    assert!(
        sheet.contains("&amp;P") && sheet.contains("&amp;N"),
        "page numbers in the footer"
    );
    assert!(
        part(&bytes, "xl/workbook.xml").contains("_xlnm.Print_Titles"),
        "the header row repeated"
    );
    assert!(part(&bytes, "xl/styles.xml")
        .contains("yyyy&quot;年&quot;m&quot;月&quot;d&quot;日前&quot;"));
}

#[test]
fn the_word_document_is_the_printed_list() {
    let doc = org();
    let word = list_document(&doc, true, WordLayout::Table);
    assert_eq!(word.pages.len(), 1);
    let page = &word.pages[0];
    assert_eq!(page.title[0], "中共××县公安局交警大队支部委员会");
    assert_eq!(page.table.columns.len(), 9);
    assert_eq!(page.table.rows.len(), 7, "a row per measure");
    assert_eq!(
        page.table.rows[1][0],
        WordCell::Below,
        "the problem's cells merged over its second measure"
    );
    assert!(!word.draft);
    assert_eq!(word.code.as_deref().map(str::len), Some(12));

    let bytes = docx::write(&word).unwrap();
    let body = part(&bytes, "word/document.xml");
    assert!(
        body.contains("w:orient=\"landscape\"") && body.contains("w:w=\"16838\""),
        "A4 landscape"
    );
    assert!(body.contains("<w:tblHeader/>"), "the header row repeats");
    assert!(body.contains("<w:vMerge w:val=\"restart\"/>") && body.contains("<w:vMerge/>"));
    let footer = part(&bytes, "word/footer1.xml");
    assert!(footer.contains(" PAGE ") && footer.contains(" NUMPAGES "));
    assert!(footer.contains(&format!("校验码：{}", word.code.unwrap())));
    assert_eq!(
        word_file_name(&doc, true, WordLayout::Table),
        "党组织清单-中共××县公安局交警大队支部委员会-20231015.docx"
    );
}

#[test]
fn a_member_list_prints_as_the_branch_table_or_a_page_per_member() {
    let doc = import(&fixture("member-complete.json")).unwrap().document;
    let table = list_document(&doc, true, WordLayout::Table);
    assert_eq!(table.pages.len(), 1);
    assert_eq!(table.pages[0].table.columns[0].header, "姓名");
    let pages = list_document(&doc, true, WordLayout::PerMember);
    assert_eq!(pages.pages.len(), doc.members.len());
    assert!(pages.pages[0].meta[0].starts_with("姓名："));
    assert!(pages.pages[0]
        .closing
        .iter()
        .any(|l| l.starts_with("支部意见：")));
    let bytes = docx::write(&pages).unwrap();
    let body = part(&bytes, "word/document.xml");
    assert!(body.contains("<w:br w:type=\"page\"/>"));
    // The member list's title (34 characters) is set a size smaller than 二号 to stay on one line.
    let title = &pages.pages[0].title[1];
    assert_eq!(title.chars().count(), 34);
    let before_title = &body[..body.find(title.as_str()).unwrap()];
    let size = before_title.rsplit("<w:sz w:val=\"").next().unwrap();
    assert!(size.starts_with("41\""), "the title at 20.5 point");
    assert!(word_file_name(&doc, true, WordLayout::PerMember).ends_with("-每名党员一页.docx"));
}

#[test]
fn the_consolidation_book_has_every_file_every_measure_and_the_categories() {
    use rectify::domain::office::consolidate::consolidate;
    let files: Vec<(String, rectify::domain::office::consolidate::Received)> = [
        "org-complete.json",
        "member-complete.json",
        "bad/not-json.json",
    ]
    .iter()
    .map(|f| (f.to_string(), Ok(fixture(f))))
    .collect();
    let c = consolidate(&files, day(2024, 1, 1));
    let unit = rectify::domain::office::branches::Unit::of(&c, &[], &[]);
    let book = rectify::domain::papers::ledger_book::consolidation_book(&c, &unit, day(2024, 1, 1));
    let names: Vec<&str> = book.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["各党支部", "收到的文件", "汇总台账", "按类别"]);
    // Both lists are one 党支部's: one row, and the 合计.
    let branches = &book.sheets[0];
    assert_eq!(branches.rows.len(), 2, "one 党支部 and the 合计");
    assert_eq!(
        branches.rows[0].cells[1],
        Cell::Text("中共××县公安局交警大队支部委员会".into())
    );
    assert!(matches!(&branches.rows[0].cells[2], Cell::Text(t) if t.starts_with("已报")));
    assert!(matches!(&branches.rows[0].cells[3], Cell::Text(t) if t.starts_with("已报")));
    assert_eq!(branches.rows[1].cells[0], Cell::Text("合计".into()));
    let files_sheet = &book.sheets[1];
    assert_eq!(
        files_sheet.rows.len(),
        3,
        "every file, the one that is not a list too"
    );
    assert!(
        matches!(&files_sheet.rows[2].cells[12], Cell::Text(t) if t.starts_with("不是清单文件"))
    );
    let ledger = &book.sheets[2];
    assert_eq!(ledger.columns[0].header, "党支部");
    let measures: usize = c
        .lists
        .iter()
        .map(|l| l.document.all_measures().count())
        .sum();
    assert_eq!(ledger.rows.len(), measures);
    assert!(
        ledger.merges.iter().all(|m| (2..=4).contains(&m.column)),
        "the problem's columns, one to the right"
    );
    // 按类别: the org lists' categories and the member lists' apart, each row saying which, and the 合计.
    let categories = &book.sheets[3];
    let headers: Vec<&str> = categories
        .columns
        .iter()
        .map(|c| c.header.as_str())
        .collect();
    assert_eq!(&headers[..3], ["序号", "清单", "问题类别"]);
    let kinds: Vec<&Cell> = categories.rows.iter().map(|r| &r.cells[1]).collect();
    let first_member = kinds
        .iter()
        .position(|k| **k == Cell::Text("党员清单".into()))
        .expect("the member list's categories");
    assert!(kinds[..first_member]
        .iter()
        .all(|k| **k == Cell::Text("党组织清单".into())));
    let total = categories.rows.last().unwrap();
    assert_eq!(total.cells[0], Cell::Text("合计".into()));
    assert_eq!(total.cells[4], Cell::Count(measures as u64));
    let bytes = xlsx::write(&book).unwrap();
    assert!(part(&bytes, "xl/workbook.xml").contains("汇总台账"));
}

/// The app sends a request as JSON to the writers module, which makes the file there: what comes out is what the
/// app would have made itself, named as the page promises.
#[test]
fn a_request_crosses_to_the_writers_module_as_json_and_makes_the_file_asked_for() {
    use rectify::domain::office::summary_set::SummarySet;
    use rectify::domain::papers::request::Request;
    let today = day(2024, 1, 1);
    let doc = org();
    let mut set = SummarySet::empty();
    set.add(&[
        (
            "org-complete.json".to_string(),
            fixture("org-complete.json"),
        ),
        ("bad.json".to_string(), fixture("bad/not-json.json")),
    ]);
    for (request, name, kind) in [
        (
            Request::ledger(doc.clone(), today),
            ledger_file_name(&doc, today),
            "xl/workbook.xml",
        ),
        (
            Request::word(doc.clone(), today, false),
            word_file_name(&doc, true, WordLayout::Table),
            "word/document.xml",
        ),
        (
            Request::consolidation(set.clone(), today),
            "检视整改汇总-20240101.xlsx".to_string(),
            "xl/workbook.xml",
        ),
    ] {
        let json = serde_json::to_string(&request).unwrap();
        let written = rectify::writers::write(&json).unwrap();
        assert_eq!(written.name, name);
        assert!(!part(&written.bytes, kind).is_empty());
        assert!(written.notices.is_empty());
    }
    let word = Request::word(doc.clone(), today, false).make().unwrap();
    assert!(matches!(word.content, rectify::domain::papers::request::Content::Docx(d) if !d.draft));
    let bad = r#"{"file":"ledger","list":{},"today":"2024-13-01"}"#;
    let refused = rectify::writers::write(bad)
        .err()
        .expect("a request that is not one is refused");
    assert!(
        !refused.is_ascii() && !refused.contains("missing"),
        "in Chinese: {refused}"
    );
    let mut late = Request::ledger(doc.clone(), today);
    if let Request::Ledger { today, .. } = &mut late {
        *today = "2024-02-30".into();
    }
    let refused = rectify::writers::write(&serde_json::to_string(&late).unwrap())
        .err()
        .unwrap();
    assert!(
        refused.contains("“中共××县公安局交警大队支部委员会”的党组织清单台账"),
        "names the list: {refused}"
    );
}

/// Every character XML 1.0 allows: what Word, WPS and LibreOffice need to open a part at all.
fn xml_allows(text: &str) -> bool {
    text.chars().all(|c| {
        matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
    })
}

/// What the importer accepts, the writers turn into files Word and Excel open: U+FFFF and U+FFFE left out, a lone
/// `\r` a line break (not two words glued), a 40,000-character text cut to Excel's limit with a visible note and
/// a notice naming where, rows no taller than Excel's 409 points.
#[test]
fn any_text_the_importer_accepts_becomes_files_word_and_excel_open() {
    use rectify::domain::office::summary_set::SummarySet;
    use rectify::domain::papers::request::Request;
    use rectify::domain::papers::text::CUT_NOTE;
    let today = day(2024, 1, 1);
    let mut doc = org();
    doc.problems[0].description = format!(
        "开头\u{FFFF}中间\u{FFFE}结尾\r第二行{}",
        "很长".repeat(20_000)
    );
    doc.problems[0].measures[0].content = "上一句\r下一句".into();
    doc.problems[0].measures[0].goal = "长".repeat(1_500);
    let exported = rectify::domain::file::export::export(
        &doc,
        true,
        chrono::DateTime::parse_from_rfc3339("2024-01-01T09:30:00+08:00").unwrap(),
    );
    assert!(import(&exported.bytes).is_ok(), "the importer accepts it");

    let word = rectify::writers::write(
        &serde_json::to_string(&Request::word(doc.clone(), today, false)).unwrap(),
    )
    .unwrap();
    let xml = part(&word.bytes, "word/document.xml");
    assert!(xml_allows(&xml), "document.xml is XML 1.0");
    assert!(!xml.contains('\u{FFFF}') && !xml.contains('\r'));
    assert!(xml.contains("开头中间结尾"));
    assert!(
        xml.contains("上一句</w:t><w:br/><w:t xml:space=\"preserve\">下一句"),
        "a lone \\r is a line break"
    );

    let mut set = SummarySet::empty();
    set.add(&[("a.json".to_string(), exported.bytes.clone())]);
    for request in [
        Request::ledger(doc.clone(), today),
        Request::consolidation(set, today),
    ] {
        let book = rectify::writers::write(&serde_json::to_string(&request).unwrap()).unwrap();
        let zip = zip::ZipArchive::new(Cursor::new(&book.bytes)).unwrap();
        let sheets = zip
            .file_names()
            .filter(|n| n.starts_with("xl/worksheets/sheet"))
            .count();
        drop(zip);
        let sheet: String = (1..=sheets)
            .map(|i| part(&book.bytes, &format!("xl/worksheets/sheet{i}.xml")))
            .collect();
        let strings = part(&book.bytes, "xl/sharedStrings.xml");
        assert!(xml_allows(&sheet) && xml_allows(&strings));
        assert!(strings.contains(CUT_NOTE), "the cut says so in the cell");
        assert_eq!(book.notices.len(), 1, "{:?}", book.notices);
        assert!(
            book.notices[0].contains("问题表现") && book.notices[0].contains("32767"),
            "{}",
            book.notices[0]
        );
        let heights: Vec<f64> = sheet
            .split(" ht=\"")
            .skip(1)
            .map(|h| h.split('"').next().unwrap().parse().unwrap())
            .collect();
        // rust_xlsxwriter keeps heights in whole pixels: 409 points is written 408.75.
        assert!(
            heights.iter().any(|h| *h >= 408.0),
            "the 1,500-character goal's row is capped"
        );
        assert!(heights.iter().all(|h| *h <= 409.0), "{heights:?}");
    }
}

#[test]
fn the_ledgers_pages_break_between_problems_and_the_unit_ledger_prints_only_a_note() {
    // A big list: pages must break, never inside a problem's merged cells.
    let doc = rectify::domain::sample::member_list(3, "食品药品环境犯罪侦查大队党支部", 40, 5, 3);
    let book = ledger_book(&doc, day(2024, 6, 1));
    let sheet = &book.sheets[0];
    let breaks = sheet.page_breaks();
    assert!(breaks.len() > 5, "{} pages at least", breaks.len());
    for &b in &breaks {
        assert!(
            !sheet.merges.iter().any(|m| m.first < b && b <= m.last),
            "a break before row {b} cuts a merged cell"
        );
    }
    let bytes = xlsx::write(&book).unwrap();
    let xml = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(xml.contains("<rowBreaks"), "the breaks are in the file");
    // The office's workbook: its 汇总台账 prints its title and a sentence only.
    let files: Vec<(String, Result<Vec<u8>, String>)> = (1..=3)
        .map(|i| {
            let d = rectify::domain::sample::org_list(i, &format!("第{i}党支部"), 17, 3);
            let now = chrono::DateTime::parse_from_rfc3339("2024-05-20T09:30:00+08:00").unwrap();
            (
                format!("{i}.json"),
                Ok(rectify::domain::file::export::export(&d, true, now).bytes),
            )
        })
        .collect();
    let c = rectify::domain::office::consolidate::consolidate(&files, day(2024, 6, 1));
    let unit = rectify::domain::office::branches::Unit::of(&c, &[], &[]);
    let book = rectify::domain::papers::ledger_book::consolidation_book(&c, &unit, day(2024, 6, 1));
    let ledger = book.sheets.iter().find(|s| s.name == "汇总台账").unwrap();
    assert!(ledger
        .not_printed
        .as_deref()
        .is_some_and(|n| n.contains("打印选定区域")));
    let bytes = xlsx::write(&book).unwrap();
    let workbook = part(&bytes, "xl/workbook.xml");
    assert!(
        workbook.contains("_xlnm.Print_Area"),
        "a print area is set: {workbook}"
    );
}
