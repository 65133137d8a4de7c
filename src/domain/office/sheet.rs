//! A workbook as the office's Excel files need it: titled sheets of typed cells, merged cells, print setup. The
//! domain fills it (`ledger_book`); `writers::xlsx` writes it with rust_xlsxwriter. It travels between the two
//! as JSON, because the writer is a module of its own, loaded only when an export is asked for.

use super::text::{fit_cell, CUT_NOTE, EXCEL_CELL_LIMIT};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Book {
    pub sheets: Vec<Sheet>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    /// The tab's name.
    pub name: String,
    /// Merged over all columns above the table, in the title's font.
    pub title: String,
    /// Lines under the title (截至…), each merged over all columns.
    pub lines: Vec<String>,
    pub columns: Vec<Column>,
    /// The table's rows under its header row.
    pub rows: Vec<Row>,
    /// Cells of the table merged down over several rows (a problem's cells over its measures).
    pub merges: Vec<Merge>,
    /// Paragraphs after the table (情况说明), each merged over all columns.
    pub notes: Vec<String>,
    /// The page footer, in Excel's codes (`&P` the page, `&N` the pages).
    pub footer: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Column {
    pub header: String,
    /// In characters of the default font.
    pub width: u16,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// Marked as needing attention (逾期).
    pub marked: bool,
}

/// A cell: always what it is, never a formula.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    /// Text, written as text whatever it starts with (`=` stays literal).
    Text(String),
    /// A count.
    Count(u64),
    /// A rate in tenths of a percent (`667` is 66.7%), shown as a percentage.
    Permille(u64),
    /// A date `YYYY-MM-DD`, shown `2023年12月31日` followed by `suffix` (`前` for a deadline).
    Date {
        date: String,
        suffix: String,
    },
}

/// Rows `first..=last` of the table (counted from 0, the first row under the header) merged in `column`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Merge {
    pub first: usize,
    pub last: usize,
    pub column: usize,
}

impl Sheet {
    /// The merges that make each run of rows in `spans` one cell in every column of `columns`: a run of one row
    /// needs none.
    pub fn merge_runs(&mut self, spans: &[(usize, usize)], columns: &[usize]) {
        for &(first, len) in spans.iter().filter(|(_, len)| *len > 1) {
            for &column in columns {
                self.merges.push(Merge {
                    first,
                    last: first + len - 1,
                    column,
                });
            }
        }
    }
}

/// How many lines `text` takes in a cell `width` characters wide, wrapped as Excel and WPS wrap it: a Chinese
/// character (anything not ASCII) is about two of the width's characters, an ASCII one about one. Excel and WPS
/// do not grow a row for wrapped text in merged cells, nor reliably on opening a file, so the writer sets each
/// row's height from this.
pub fn wrapped_lines(text: &str, width: u16) -> u32 {
    let per_line = u32::from(width.max(2));
    text.split('\n')
        .map(|line| {
            let units: u32 = line.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
            units.div_ceil(per_line).max(1)
        })
        .sum()
}

impl Book {
    /// Makes every text of the book one Excel and WPS open (`text::clean`), and cuts a cell over Excel's limit
    /// with `text::CUT_NOTE`. Returns, for each cell cut, a notice in Chinese naming the sheet, the row and the
    /// column, for the page to show beside "已导出".
    pub fn fit_to_excel(&mut self) -> Vec<String> {
        let mut notices = Vec::new();
        let tidy = |t: &mut String| {
            let (fitted, _) = fit_cell(t);
            *t = fitted;
        };
        for sheet in &mut self.sheets {
            tidy(&mut sheet.title);
            sheet.lines.iter_mut().for_each(tidy);
            sheet.notes.iter_mut().for_each(tidy);
            sheet.columns.iter_mut().for_each(|c| tidy(&mut c.header));
            let merges = sheet.merges.clone();
            let first_header = sheet
                .columns
                .first()
                .map(|c| c.header.clone())
                .unwrap_or_default();
            for (r, row) in sheet.rows.iter_mut().enumerate() {
                let first = match row.cells.first() {
                    Some(Cell::Text(t)) => t.chars().take(20).collect::<String>(),
                    Some(Cell::Count(n)) => n.to_string(),
                    _ => String::new(),
                };
                for (c, cell) in row.cells.iter_mut().enumerate() {
                    let Cell::Text(text) = cell else { continue };
                    let (fitted, cut) = fit_cell(text);
                    *text = fitted;
                    // A merged cell is written once, from its first row: say it once.
                    let covered = merges
                        .iter()
                        .any(|m| m.column == c && r > m.first && r <= m.last);
                    if cut && !covered {
                        let column = sheet
                            .columns
                            .get(c)
                            .map(|c| c.header.as_str())
                            .unwrap_or("");
                        notices.push(format!(
                            "“{}”表第{}行（{first_header} {first}）的“{column}”超过Excel一个单元格能放的{}字，只写了前面的部分，末尾注明“{}”；全文在清单的JSON文件里。",
                            sheet.name,
                            r + 1,
                            EXCEL_CELL_LIMIT,
                            CUT_NOTE
                        ));
                    }
                }
            }
        }
        notices
    }
}

/// What A4 landscape holds between Excel's margins (0.6 inch each side), in pixels at 96 dpi.
const PRINTABLE_PX: u32 = 1007;
/// The table's text size, and the smallest a page may shrink it to and still be read (points, as tenths).
const TEXT_TENTHS: u32 = 105;
const LEGIBLE_TENTHS: u32 = 90;

impl Sheet {
    /// How many pages wide the sheet prints: one when, shrunk to fit, its text stays at 9 points or more; else two
    /// (its first column and its header row repeated on each, pages numbered 第N页 in the footer).
    pub fn pages_wide(&self) -> u16 {
        // A column `w` characters wide is about 7w + 5 pixels in Excel's default font.
        let width: u32 = self
            .columns
            .iter()
            .map(|c| u32::from(c.width) * 7 + 5)
            .sum();
        if width * LEGIBLE_TENTHS <= PRINTABLE_PX * TEXT_TENTHS {
            1
        } else {
            2
        }
    }

    /// The lines of the header row: its tallest header.
    pub fn header_lines(&self) -> u32 {
        self.columns
            .iter()
            .map(|c| wrapped_lines(&c.header, c.width))
            .max()
            .unwrap_or(1)
    }

    /// The lines each row of the table needs: its tallest text, and a merged cell's text spread over its rows
    /// (what the rows of a merge lack is added to its last row). Numbers and dates never wrap.
    pub fn row_lines(&self) -> Vec<u32> {
        let text_lines =
            |r: usize, c: usize| match (&self.rows[r].cells.get(c), self.columns.get(c)) {
                (Some(Cell::Text(text)), Some(column)) => wrapped_lines(text, column.width),
                _ => 1,
            };
        let merged = |r: usize, c: usize| {
            self.merges
                .iter()
                .any(|m| m.column == c && (m.first..=m.last).contains(&r))
        };
        let mut lines: Vec<u32> = (0..self.rows.len())
            .map(|r| {
                (0..self.rows[r].cells.len())
                    .filter(|&c| !merged(r, c))
                    .map(|c| text_lines(r, c))
                    .max()
                    .unwrap_or(1)
            })
            .collect();
        for m in &self.merges {
            if m.last >= lines.len() {
                continue;
            }
            let needed = text_lines(m.first, m.column);
            let has: u32 = lines[m.first..=m.last].iter().sum();
            if needed > has {
                lines[m.last] += needed - has;
            }
        }
        lines
    }

    /// The lines of a paragraph after the table, merged over all its columns.
    pub fn note_lines(&self, note: &str) -> u32 {
        let width: u32 = self.columns.iter().map(|c| u32::from(c.width)).sum();
        wrapped_lines(note, u16::try_from(width).unwrap_or(u16::MAX))
    }
}
