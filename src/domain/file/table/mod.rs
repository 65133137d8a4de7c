//! Lists the branches already keep in a Word or WPS table or an Excel sheet, read into a draft: the table as the
//! file's reader found it (`Table`), which column is which (`columns`), what a 整改时限 cell says (`deadline`), and
//! the draft made of it with what could not be read (`plan`). The file formats themselves are read in
//! `crate::readers`, in the office module: only the table model is here, so every rule is tested natively.

pub mod columns;
pub mod continued;
pub mod deadline;
pub mod header;
pub mod html;
pub mod paste;
pub mod plan;
pub mod words;

/// A table as read from a file or the clipboard: the lines of text above it (title, 填报单位, 填报日期) and its
/// rows, each cell as its text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub above: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// What the reader says of where the rows came from and what it left out (a hidden sheet, hidden rows, columns
    /// past the last read), a sentence each, for the preview.
    pub notes: Vec<String>,
    /// The lines of text under the table (a Word file's 审核人：… after it).
    pub below: Vec<String>,
}

impl Table {
    /// The columns the table uses: up to the last cell with text in any row (a row's empty cells past it, which a
    /// template may carry by the thousand, do not count).
    pub fn width(&self) -> usize {
        self.rows
            .iter()
            .map(|r| {
                r.iter()
                    .rposition(|c| !c.text.trim().is_empty() || c.continued || c.uncomputed)
                    .map_or(0, |i| i + 1)
            })
            .max()
            .unwrap_or(0)
    }
}

/// A cell's text; `continued` when it is covered by a cell above it (Word's vertical merge, Excel's merged range):
/// "the same as above", like an empty cell under a problem.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cell {
    pub text: String,
    pub continued: bool,
    /// A formula whose result the file does not hold (saved by a program that does not compute): its text is
    /// unknown, which is neither empty nor "the same as above".
    pub uncomputed: bool,
}

impl Cell {
    /// A test's row of cells written as words, `^` for a cell merged down from the one above.
    #[cfg(test)]
    pub fn row(cells: &[&str]) -> Vec<Cell> {
        (cells.iter())
            .map(|c| {
                if *c == "^" {
                    Cell::continued()
                } else {
                    Cell::text(*c)
                }
            })
            .collect()
    }

    pub fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            ..Cell::default()
        }
    }

    pub fn continued() -> Cell {
        Cell {
            continued: true,
            ..Cell::default()
        }
    }

    pub fn uncomputed() -> Cell {
        Cell {
            uncomputed: true,
            ..Cell::default()
        }
    }
}

/// How many rows a table may have: a list of 2,000 problems with three measures each is 6,000 rows; a sheet of a
/// hundred thousand is not a list, and reading it would hold an old PC for minutes.
pub const MAX_ROWS: usize = 10_000;

/// Rows copied from a spreadsheet (Excel, WPS, or Word's table): the clipboard's text, a row a line and a cell a
/// tab; a cell with a line break or a tab is in double quotes, as Excel writes it (a quote inside doubled).
///
/// Read by hand rather than with the csv crate: Excel quotes only a cell that needs it, so a cell that merely
/// starts with a quote ("两学一做"学习不够) is text as it stands; a reader of CSV takes it for a quoted cell and
/// swallows the rows after it up to the next quote.
pub fn from_tab_separated(text: &str) -> Table {
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut row: Vec<Cell> = Vec::new();
    let mut rest = text;
    loop {
        let (cell, after, end) = tsv_cell(rest);
        row.push(Cell::text(plain_text(cell.trim())));
        rest = after;
        match end {
            TsvEnd::Cell => continue,
            TsvEnd::Row => {
                rows.push(std::mem::take(&mut row));
                if rows.len() > MAX_ROWS {
                    break;
                }
            }
            TsvEnd::Text => {
                if row.len() > 1 || !row[0].text.is_empty() {
                    rows.push(row);
                }
                break;
            }
        }
    }
    Table {
        rows,
        ..Table::default()
    }
}

/// What ended a cell of tab-separated text.
enum TsvEnd {
    Cell,
    Row,
    Text,
}

/// The first cell of `text`, what follows it, and what ended it. A cell is quoted only when its closing quote is
/// followed by a tab, a line end or the end of the text.
fn tsv_cell(text: &str) -> (String, &str, TsvEnd) {
    let ended = |rest: &str| -> Option<(usize, TsvEnd)> {
        if rest.is_empty() {
            Some((0, TsvEnd::Text))
        } else if rest.starts_with('\t') {
            Some((1, TsvEnd::Cell))
        } else if rest.starts_with("\r\n") {
            Some((2, TsvEnd::Row))
        } else if rest.starts_with(['\n', '\r']) {
            Some((1, TsvEnd::Row))
        } else {
            None
        }
    };
    if let Some(inner) = text.strip_prefix('"') {
        // The closing quote: a quote not doubled.
        let mut value = String::new();
        let mut at = 0;
        while let Some(q) = inner[at..].find('"') {
            let quote = at + q;
            value.push_str(&inner[at..quote]);
            if inner[quote + 1..].starts_with('"') {
                value.push('"');
                at = quote + 2;
                continue;
            }
            if let Some((skip, end)) = ended(&inner[quote + 1..]) {
                return (value, &inner[quote + 1 + skip..], end);
            }
            break; // a quote inside unquoted text: the cell is as written
        }
    }
    let stop = text.find(['\t', '\n', '\r']).unwrap_or(text.len());
    let (skip, end) = ended(&text[stop..]).unwrap_or((0, TsvEnd::Text));
    (text[..stop].to_string(), &text[stop + skip..], end)
}

/// A cell of an HTML table (what Excel, WPS and Word put on the clipboard): its text and how many rows and columns
/// it spans.
#[derive(Clone, Debug, PartialEq)]
pub struct SpannedCell {
    pub text: String,
    pub rows: usize,
    pub cols: usize,
}

/// The most columns a pasted table may have (a list has about a dozen): with `MAX_ROWS`, what bounds the grid that
/// `rowspan` and `colspan` (the page's word, up to 65,534 each) can make.
const MAX_COLUMNS: usize = 64;

/// Rows of an HTML table laid out on a grid, as the readers of Word and Excel lay out merges: the cells a
/// `rowspan` covers below its first row are "continued", those a `colspan` covers to its right are empty, so the
/// columns stay in line.
pub fn from_spanned(rows: &[Vec<SpannedCell>]) -> Table {
    let mut grid: Vec<Vec<Option<Cell>>> = Vec::new();
    for (r, row) in rows.iter().enumerate().take(MAX_ROWS + 1) {
        if grid.len() <= r {
            grid.resize_with(r + 1, Vec::new);
        }
        let mut c = 0;
        for cell in row {
            while grid[r].get(c).is_some_and(Option::is_some) {
                c += 1; // taken by a rowspan from above
            }
            if c >= MAX_COLUMNS {
                break;
            }
            let across = cell.cols.clamp(1, MAX_COLUMNS - c);
            let bottom = (r + cell.rows.max(1)).min(rows.len()).min(MAX_ROWS + 1);
            if grid.len() < bottom {
                grid.resize_with(bottom, Vec::new);
            }
            for (rr, line) in grid.iter_mut().enumerate().take(bottom).skip(r) {
                if line.len() < c + across {
                    line.resize(c + across, None);
                }
                for (cc, slot) in line.iter_mut().enumerate().skip(c).take(across) {
                    *slot = Some(match (rr == r, cc == c) {
                        (true, true) => Cell::text(clean_text(&cell.text)),
                        (true, false) => Cell::default(),
                        (false, _) => Cell::continued(),
                    });
                }
            }
            c += across;
        }
    }
    Table {
        rows: grid
            .into_iter()
            .map(|line| line.into_iter().map(Option::unwrap_or_default).collect())
            .collect(),
        ..Table::default()
    }
}

/// Text as Word and Excel store it: `_xHHHH_` is the character HHHH (Excel's escape for what XML cannot hold:
/// `_x000D_` a carriage return, `_x0009_` a tab, `_x005F_` an underscore), line ends are `\n`, and control
/// characters other than tab and line end are left out (no list needs them, and no file may carry them).
pub fn ooxml_text(text: &str) -> String {
    if !text.contains("_x") {
        return plain_text(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("_x") {
        out.push_str(&rest[..at]);
        let escaped = rest
            .get(at + 2..at + 7)
            .filter(|s| s.ends_with('_') && s[..4].bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|s| u32::from_str_radix(&s[..4], 16).ok())
            .and_then(char::from_u32);
        match escaped {
            Some(c) => {
                out.push(c);
                rest = &rest[at + 7..];
            }
            None => {
                out.push_str("_x");
                rest = &rest[at + 2..];
            }
        }
    }
    out.push_str(rest);
    plain_text(&out)
}

/// Text with its line ends as `\n` and without control characters other than tab and line end.
pub fn plain_text(text: &str) -> String {
    let plain = |c: char| !c.is_control() || c == '\n' || c == '\t';
    if !text.contains('\r') && text.chars().all(plain) {
        return text.to_string();
    }
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| plain(c))
        .collect()
}

/// Where a line break of an HTML cell was (`<br>`, the end of a `<p>`): the clipboard reader writes this character
/// there before it takes the cell's text, since the source's own line breaks are only spaces.
pub const HTML_BREAK: char = '\u{2029}';

/// An HTML cell's text (its `textContent` with `HTML_BREAK` where it breaks lines) as a person reads it.
pub fn html_cell_text(text: &str) -> String {
    let spaced: String = text
        .chars()
        .map(|c| match c {
            HTML_BREAK => '\n',
            '\n' | '\r' | '\t' => ' ',
            c => c,
        })
        .collect();
    clean_text(&spaced)
}

/// A cell's text as a person reads it: no-break spaces as spaces, runs of spaces as one, each line trimmed and
/// empty lines dropped (HTML from Word carries a paragraph's indentation and line breaks of its source).
pub fn clean_text(text: &str) -> String {
    plain_text(text)
        .replace('\u{a0}', " ")
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Ids for the tests of reading tables: id-1, id-2, …
#[cfg(test)]
pub(crate) fn counting_ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("id-{n}")
    }
}

/// Whether a chosen file is a Word, Excel or WPS file (read by the office module's table reader) rather than a
/// list's JSON: by its name, or by its first bytes (a zip, or the old formats' compound file) when it is not named
/// `.json` — a Word file renamed `.json` gets the list importer's "这是一个Word文档" like everywhere else (汇总).
pub fn is_office_file(name: &str, bytes: &[u8]) -> bool {
    let lower = name.to_ascii_lowercase();
    let office_bytes =
        bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    [".docx", ".xlsx", ".doc", ".xls", ".wps", ".et"]
        .iter()
        .any(|ext| lower.ends_with(ext))
        || (office_bytes && !lower.ends_with(".json"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excels_escapes_are_the_characters_they_stand_for() {
        assert_eq!(ooxml_text("学习_x000D_\n不深_x0009_入"), "学习\n不深\t入");
        assert_eq!(
            ooxml_text("a_x005F_x000D_b"),
            "a_x000D_b",
            "an escaped underscore"
        );
        assert_eq!(
            ooxml_text("_x0001_控制_x007F_"),
            "控制",
            "no control character"
        );
        assert_eq!(
            ooxml_text("_xZZ_ 与 _x12"),
            "_xZZ_ 与 _x12",
            "not an escape"
        );
        assert_eq!(ooxml_text("一行\r另一行"), "一行\n另一行");
    }

    #[test]
    fn word_and_excel_files_are_known_by_their_bytes_or_name() {
        assert!(is_office_file("清单.docx", b"PK\x03\x04..."));
        assert!(is_office_file("没有扩展名", b"PK\x03\x04..."));
        assert!(
            !is_office_file("改了名.docx.json", b"PK\x03\x04..."),
            "named a list: the list importer says what it is"
        );
        assert!(is_office_file("旧.XLS", b""));
        assert!(is_office_file("x", &[0xD0, 0xCF, 0x11, 0xE0]));
        assert!(!is_office_file("清单.json", b"{\"format\":"));
    }

    fn spanned(text: &str, rows: usize, cols: usize) -> SpannedCell {
        SpannedCell {
            text: text.into(),
            rows,
            cols,
        }
    }

    #[test]
    fn an_html_tables_spans_are_laid_out_like_word_merges() {
        let rows = vec![
            vec![spanned("清单", 1, 3)],
            vec![
                spanned("学习不深", 2, 1),
                spanned("每周学习", 1, 1),
                spanned("长期坚持", 1, 1),
            ],
            vec![spanned("写心得", 1, 1), spanned(" 2024年\n\n 3月底 ", 1, 1)],
        ];
        let table = from_spanned(&rows);
        let texts: Vec<Vec<(&str, bool)>> = table
            .rows
            .iter()
            .map(|r| r.iter().map(|c| (c.text.as_str(), c.continued)).collect())
            .collect();
        assert_eq!(
            texts,
            [
                vec![("清单", false), ("", false), ("", false)],
                vec![
                    ("学习不深", false),
                    ("每周学习", false),
                    ("长期坚持", false)
                ],
                vec![("", true), ("写心得", false), ("2024年\n3月底", false)],
            ]
        );
    }

    #[test]
    fn an_html_cells_source_line_breaks_are_spaces_and_its_breaks_lines() {
        let text = "学习不深入，\n    理论联系实际不够\u{2029}\u{a0}\u{2029}二是调研少\u{2029}";
        assert_eq!(
            html_cell_text(text),
            "学习不深入， 理论联系实际不够\n二是调研少"
        );
    }

    #[test]
    fn a_span_past_the_table_or_absurdly_large_is_cut_to_the_table() {
        let rows = vec![vec![spanned("a", 65_534, 65_534)], vec![spanned("b", 1, 1)]];
        let table = from_spanned(&rows);
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].len(), MAX_COLUMNS);
        assert!(
            table.rows[1].iter().all(|c| c.continued),
            "b has no room left"
        );
    }

    #[test]
    fn pasted_rows_keep_a_quoted_cell_with_line_breaks_whole() {
        let table = from_tab_separated("问题表现\t整改措施\n\"学习不深\n不透\"\t每周学习\n");
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[1][0].text, "学习不深\n不透");
        assert_eq!(table.rows[1][1].text, "每周学习");
        let quoted = from_tab_separated("\"说\"\"两学一做\"\"\"\tb\r\nc\td");
        assert_eq!(quoted.rows[0][0].text, "说\"两学一做\"");
        assert_eq!(quoted.rows[1][1].text, "d");
    }

    #[test]
    fn a_cell_that_only_starts_with_a_quote_is_text_and_swallows_no_rows() {
        let text = "问题表现\t整改措施\n\"两学一做\"学习不够\t每周学习\n调研少\t下基层\n走访少\t每月走访\n";
        let table = from_tab_separated(text);
        let cells: Vec<Vec<&str>> = table
            .rows
            .iter()
            .map(|r| r.iter().map(|c| c.text.as_str()).collect())
            .collect();
        assert_eq!(
            cells,
            [
                vec!["问题表现", "整改措施"],
                vec!["\"两学一做\"学习不够", "每周学习"],
                vec!["调研少", "下基层"],
                vec!["走访少", "每月走访"],
            ]
        );
    }
}
