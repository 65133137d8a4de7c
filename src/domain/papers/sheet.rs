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
    /// A sheet too long to print with the workbook (the 汇总台账: hundreds of pages): this sentence, under its
    /// title, says so and how to print part of it, and only the title and its lines are its print area.
    pub not_printed: Option<String>,
}

/// The height of a line of the table's text (10.5 point), and what a row adds around its lines, in points.
const LINE_POINTS: f64 = 14.0;
const ROW_PADDING: f64 = 4.0;
/// Excel's tallest row, in points: a taller one is refused or shown at this height anyway.
const MAX_ROW_POINTS: f64 = 409.0;
/// The title's row, and each line's under it, in points.
pub const TITLE_POINTS: f64 = 30.0;
const LINE_ROW_POINTS: f64 = 15.0;
/// What A4 landscape holds between the writer's margins top and bottom (0.7 and 0.8 inch), in points.
const PRINTABLE_POINTS: f64 = 595.0 - 1.5 * 72.0;
/// Of a page's height, how much the page breaks fill: Excel, WPS and LibreOffice set a wrapped row a little taller
/// than asked, and a page that overflows gets a break of the program's own, which may cut a merged cell.
const PAGE_FILL: f64 = 0.88;

/// The height of a row of `lines` lines, in points, at most Excel's tallest.
pub fn row_points(lines: u32) -> f64 {
    (f64::from(lines) * LINE_POINTS + ROW_PADDING).min(MAX_ROW_POINTS)
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

impl Cell {
    /// The cell as paper shows it (the 汇总's print shows the workbook's tables).
    pub fn shown(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Permille(p) => crate::domain::ledger::percent_text(Some(*p)),
            Cell::Date { date, suffix } => match crate::domain::dates::parse(date) {
                Some(d) => format!("{}{suffix}", crate::domain::dates::official(d)),
                None => date.clone(),
            },
        }
    }
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

    /// The share of its size the sheet prints at: fitted to its pages' width (`pages_wide`).
    fn print_scale(&self) -> f64 {
        let width: u32 = self
            .columns
            .iter()
            .map(|c| u32::from(c.width) * 7 + 5)
            .sum();
        let room = f64::from(PRINTABLE_PX) * f64::from(self.pages_wide());
        (room / f64::from(width.max(1))).min(1.0)
    }

    /// The rows of the table (from 0) before which a page breaks, so that a page's foot never cuts a merged cell: a
    /// problem's rows go on to the next page together when they fit on one. A run of rows taller than a page is
    /// cut where it must be.
    pub fn page_breaks(&self) -> Vec<usize> {
        let page = PRINTABLE_POINTS * PAGE_FILL / self.print_scale();
        let header = row_points(self.header_lines());
        let heights: Vec<f64> = self.row_lines().into_iter().map(row_points).collect();
        // Each row's run: the rows a merge starting there spans (a row no merge starts or covers is a run alone).
        let mut run_end: Vec<usize> = (0..self.rows.len()).collect();
        for m in &self.merges {
            if m.first < run_end.len() {
                run_end[m.first] = run_end[m.first].max(m.last.min(self.rows.len() - 1));
            }
        }
        let above = TITLE_POINTS + LINE_ROW_POINTS * self.lines.len() as f64;
        let mut used = above + header;
        let mut breaks = Vec::new();
        let mut r = 0;
        while r < heights.len() {
            // The run: the rows of every merge that starts inside it, as far as they reach.
            let mut end = run_end[r];
            let mut i = r;
            while i <= end {
                end = end.max(run_end[i]);
                i += 1;
            }
            let run: f64 = heights[r..=end].iter().sum();
            let top = if breaks.is_empty() {
                above + header
            } else {
                header
            };
            if used + run > page && used > top {
                breaks.push(r);
                used = header;
                continue;
            }
            // A run taller than a page goes on row by row.
            for (at, h) in heights.iter().enumerate().take(end + 1).skip(r) {
                if used + h > page && used > header {
                    breaks.push(at);
                    used = header;
                }
                used += h;
            }
            r = end + 1;
        }
        breaks
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
