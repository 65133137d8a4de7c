//! A register (调研问题清单, 成果转化清单, 意见建议台账) on paper: its heading as print, Word and Excel show it, and its
//! one table (`register::table`) as a Word document and a workbook, A4 landscape, the 校验码 in the footer.

use chrono::NaiveDate;

use super::sheet::{Book, Cell, Column, Row, Sheet};
use super::word::{signatures, WordCell, WordColumn, WordDoc, WordPage, WordTable};
use crate::domain::dates;
use crate::domain::file::digest::short_code;
use crate::domain::list::campaign::Active;
use crate::domain::papers::print::Heading;
use crate::domain::register::file::{content_digest, file_name, prepare};
use crate::domain::register::model::Register;
use crate::domain::register::table::{columns, rows};

/// What stands above and below a register's table: a printed list's heading (`print::Heading`), the title the
/// 活动's name and the register's (`党纪学习教育调研问题清单`).
pub fn heading(register: &Register, complete: bool) -> Heading {
    let h = &register.header;
    Heading {
        org_line: h.org_name.trim().to_string(),
        title_line: format!("{}{}", Active::of(h).name, register.kind.title()),
        unit: format!("填报单位：{}", h.org_name.trim()),
        filed_on: format!("填报日期：{}", dates::official_text(h.filed_on.trim())),
        filed_by: h.filed_by.trim().to_string(),
        phone: h.phone.trim().to_string(),
        code: short_code(&content_digest(&prepare(register))),
        draft: !complete,
    }
}

/// The register as a Word document: the title lines, 填报单位 and date, the table (a 调研课题 merged over its
/// problems), the signatures.
pub fn register_word(register: &Register, complete: bool) -> WordDoc {
    let h = heading(register, complete);
    let table = WordTable {
        columns: (columns(register.kind).iter())
            .map(|c| WordColumn {
                header: c.header.to_string(),
                width: c.width,
            })
            .collect(),
        rows: (rows(register).into_iter())
            .map(|row| {
                (row.cells.into_iter().enumerate())
                    .map(|(i, text)| match (i, row.span) {
                        // The 课题's cell, on the 2nd and later rows of its problems.
                        (1, 0) => WordCell::Below,
                        _ => WordCell::Text(text),
                    })
                    .collect()
            })
            .collect(),
    };
    WordDoc {
        pages: vec![WordPage {
            title: vec![h.org_line.clone(), h.title_line.clone()],
            meta: vec![h.unit.clone(), h.filed_on.clone()],
            table,
            closing: vec![signatures(&h.filed_by, &h.phone)],
        }],
        code: Some(h.code),
        draft: !complete,
    }
}

/// The register as a workbook of one sheet.
pub fn register_book(register: &Register, today: NaiveDate) -> Book {
    let h = heading(register, true);
    let rows = rows(register);
    let mut sheet = Sheet {
        name: register.kind.title().to_string(),
        title: format!("{}{}", h.org_line, h.title_line),
        lines: vec![format!(
            "{}\u{3000}{}\u{3000}截至{}",
            h.unit,
            h.filed_on,
            dates::official(today)
        )],
        columns: (columns(register.kind).iter())
            .map(|c| Column {
                header: c.header.to_string(),
                // Tenths of a percent of the page's width, as characters of a landscape page (about 150).
                width: (c.width * 3 / 20).max(4),
            })
            .collect(),
        rows: (rows.iter())
            .map(|r| Row {
                cells: (r.cells.iter().enumerate())
                    .map(|(i, t)| match (i, t.parse::<u64>()) {
                        // 序号 as a number, as Excel aligns and sorts one.
                        (0, Ok(n)) => Cell::Count(n),
                        _ => cell(t),
                    })
                    .collect(),
                marked: false,
            })
            .collect(),
        merges: Vec::new(),
        notes: Vec::new(),
        footer: format!("&C第&P页 共&N页&R校验码：{}", h.code),
        not_printed: None,
    };
    let spans: Vec<(usize, usize)> = (rows.iter().enumerate())
        .filter(|(_, r)| r.span > 1)
        .map(|(i, r)| (i, r.span))
        .collect();
    sheet.merge_runs(&spans, &[1]);
    Book {
        sheets: vec![sheet],
    }
}

fn cell(text: &str) -> Cell {
    if text.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(text.to_string())
    }
}

/// `意见建议台账-….docx` / `.xlsx`, as the JSON is named.
pub fn office_file_name(register: &Register, complete: bool, extension: &str) -> String {
    file_name(&prepare(register), complete, extension)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::register::model::RegisterKind;

    fn survey() -> Register {
        let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let all = crate::domain::sample::registers::other_lists(start);
        all.into_iter()
            .find(|r| r.kind == RegisterKind::Survey)
            .unwrap()
    }

    #[test]
    fn a_topic_is_one_cell_over_its_problems_in_word_and_excel() {
        let r = survey();
        let doc = register_word(&r, true);
        let table = &doc.pages[0].table;
        assert_eq!(table.columns[1].header, "调研课题");
        assert_eq!(
            table.rows[1][1],
            WordCell::Below,
            "the 课题's second problem"
        );
        assert_eq!(
            doc.pages[0].title[1],
            "学习贯彻习近平新时代中国特色社会主义思想主题教育调研问题清单"
        );
        let book = register_book(&r, NaiveDate::from_ymd_opt(2026, 6, 30).unwrap());
        let sheet = &book.sheets[0];
        assert_eq!(sheet.merges.len(), 2, "two 课题 of two problems each");
        assert!(sheet.footer.contains(&heading(&r, true).code));
    }
}
