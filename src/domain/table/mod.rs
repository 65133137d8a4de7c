//! Lists the branches already keep in a Word or WPS table or an Excel sheet, read into a draft: the table as the
//! file's reader found it (`Table`), which column is which (`columns`), what a 整改时限 cell says (`deadline`), and
//! the draft made of it with what could not be read (`plan`). The file formats themselves are read in
//! `crate::readers`, in the office module: only the table model is here, so every rule is tested natively.

pub mod columns;
pub mod deadline;
pub mod header;
pub mod plan;

/// A table as read from a file or the clipboard: the lines of text above it (title, 填报单位, 填报日期) and its
/// rows, each cell as its text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub above: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// A cell's text; `continued` when it is covered by a cell above it (Word's vertical merge, Excel's merged range):
/// "the same as above", like an empty cell under a problem.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cell {
    pub text: String,
    pub continued: bool,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            continued: false,
        }
    }

    pub fn continued() -> Cell {
        Cell {
            text: String::new(),
            continued: true,
        }
    }
}

/// How many rows a table may have: a list of 2,000 problems with three measures each is 6,000 rows; a sheet of a
/// hundred thousand is not a list, and reading it would hold an old PC for minutes.
pub const MAX_ROWS: usize = 10_000;

/// Rows copied from a spreadsheet (Excel, WPS, or Word's table): the clipboard's text, a row a line and a cell a
/// tab; a cell with a line break or a tab is in double quotes, as Excel writes it.
pub fn from_tab_separated(text: &str) -> Table {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let rows = reader
        .records()
        .filter_map(Result::ok)
        .take(MAX_ROWS + 1)
        .map(|record| record.iter().map(|c| Cell::text(c.trim())).collect())
        .collect();
    Table {
        above: Vec::new(),
        rows,
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

    #[test]
    fn pasted_rows_keep_a_quoted_cell_with_line_breaks_whole() {
        let table = from_tab_separated("问题表现\t整改措施\n\"学习不深\n不透\"\t每周学习\n");
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[1][0].text, "学习不深\n不透");
        assert_eq!(table.rows[1][1].text, "每周学习");
    }
}
