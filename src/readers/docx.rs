//! A Word (.docx) file's tables: `word/document.xml`, its tables (`w:tbl`) with their rows (`w:tr`) and cells
//! (`w:tc`), a cell's vertical merge (`w:vMerge`, "continue" when it has no `restart`), its span over grid
//! columns (`w:gridSpan`), grid columns a row leaves out before its first cell (`w:gridBefore`), and the
//! paragraphs above each table. Text a tracked change moved away (`w:moveFrom`) is where it was, not text: the
//! same words are read where they were moved to.

use quick_xml::events::Event;
use quick_xml::Reader;

use super::{attr, bad_xml, entity, File, ReadError, MAX_COLUMNS};
use crate::domain::file::table::continued::{the_list, Part};
use crate::domain::file::table::{plain_text, Cell, Table, MAX_ROWS};

const PART: &str = "word/document.xml";

/// The first table that reads as a list with the tables after it that continue it (a 续表), the paragraphs above
/// it; or the first table.
pub(crate) fn read(file: &mut File) -> Result<Table, ReadError> {
    let xml = file.part(PART)?.ok_or(ReadError::NoTable)?;
    let tables = tables(&xml)?;
    let first = tables.first().cloned();
    let parts = tables
        .into_iter()
        .enumerate()
        .map(|(i, table)| Part {
            name: format!("第{}个表格", i + 1),
            table,
        })
        .collect();
    the_list(parts).or(first).ok_or(ReadError::NoTable)
}

/// How many paragraphs above a table are kept as its title and header lines.
const LINES_ABOVE: usize = 12;

/// Rows with cells past `MAX_COLUMNS` that hold text, by row number, to say in the preview.
fn wide_rows_note(rows: &[usize]) -> String {
    let shown: Vec<String> = rows.iter().take(8).map(|r| r.to_string()).collect();
    let more = if rows.len() > 8 {
        format!("等{}行", rows.len())
    } else {
        "行".to_string()
    };
    format!(
        "表格第{}{more}在第{MAX_COLUMNS}列以后还有内容，没有读取（清单最多读{MAX_COLUMNS}列）。",
        shown.join("、")
    )
}

/// Every table of the body (a table in a table is the text of its cell), each with the paragraphs before it.
fn tables(xml: &str) -> Result<Vec<Table>, ReadError> {
    let mut reader = Reader::from_str(xml);
    let mut body = Body::default();
    // Elements open: some still open at the end means the part was cut short (a file not copied to its end).
    let mut open = 0usize;
    loop {
        match reader.read_event().map_err(|_| bad_xml(PART))? {
            Event::DocType(_) => return Err(ReadError::Entities),
            Event::Start(e) => {
                open += 1;
                body.start(e.local_name().as_ref())?;
            }
            Event::Empty(e) => body.empty(&e),
            Event::Text(t) if body.in_text => {
                (body.paragraph).push_str(&t.decode().map_err(|_| bad_xml(PART))?)
            }
            Event::GeneralRef(r) if body.in_text => body.paragraph.push_str(&entity(&r)?),
            Event::End(e) => {
                open = open.saturating_sub(1);
                body.end(e.local_name().as_ref());
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if open > 0 {
        return Err(bad_xml(PART));
    }
    if body.tables.is_empty() {
        return Err(ReadError::NoTable);
    }
    Ok(body.tables)
}

/// The body as it is read: the tables so far, the lines since the last one, and where in a table the reader is.
#[derive(Default)]
struct Body {
    tables: Vec<Table>,
    lines: Vec<String>,
    /// Depth of tables: 0 in the body, 1 in a table's cell, more in a table inside it.
    depth: usize,
    table: Table,
    cell: Cell,
    /// The grid columns the cell being read spans (`w:gridSpan`): the others get empty cells, so columns stay in
    /// line.
    span: usize,
    paragraph: String,
    in_text: bool,
    /// Inside text a tracked change moved away (`w:moveFrom`), which is not read.
    moved_away: usize,
    wide_rows: Vec<usize>,
}

impl Body {
    fn start(&mut self, name: &[u8]) -> Result<(), ReadError> {
        match name {
            b"tbl" => {
                self.depth += 1;
                if self.depth == 1 {
                    let start = self.lines.len().saturating_sub(LINES_ABOVE);
                    self.table = Table {
                        above: self.lines[start..].to_vec(),
                        ..Table::default()
                    };
                    self.wide_rows.clear();
                }
            }
            b"tr" if self.depth == 1 => {
                if self.table.rows.len() >= MAX_ROWS {
                    return Err(ReadError::TooManyRows);
                }
                self.table.rows.push(Vec::new());
            }
            b"tc" if self.depth == 1 => {
                self.cell = Cell::default();
                self.span = 1;
            }
            b"moveFrom" => self.moved_away += 1,
            b"t" => self.in_text = self.moved_away == 0,
            b"p" => self.paragraph.clear(),
            _ => {}
        }
        Ok(())
    }

    fn empty(&mut self, e: &quick_xml::events::BytesStart) {
        let depth = self.depth;
        match e.local_name().as_ref() {
            b"vMerge" if depth == 1 => {
                self.cell.continued = attr(e, b"val").is_none_or(|v| v != "restart")
            }
            b"gridSpan" if depth == 1 => {
                self.span = attr(e, b"val")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(1)
                    .clamp(1, MAX_COLUMNS);
            }
            // Grid columns left empty before the row's first cell: empty cells, so its cells stay under their
            // headings.
            b"gridBefore" if depth == 1 => {
                let before: usize = attr(e, b"val")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0)
                    .min(MAX_COLUMNS);
                if let Some(row) = self.table.rows.last_mut() {
                    if row.is_empty() {
                        row.extend((0..before).map(|_| Cell::default()));
                    }
                }
            }
            // A tab in a cell or a line is a gap between words.
            b"tab" if self.moved_away == 0 => self.paragraph.push(' '),
            b"br" | b"cr" if self.moved_away == 0 => self.paragraph.push('\n'),
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        match name {
            b"t" => self.in_text = false,
            b"moveFrom" => self.moved_away = self.moved_away.saturating_sub(1),
            b"p" => self.paragraph_ended(),
            b"tc" if self.depth == 1 => self.cell_ended(),
            b"tbl" => {
                self.depth = self.depth.saturating_sub(1);
                if self.depth == 0 {
                    if !self.wide_rows.is_empty() {
                        self.table.notes.push(wide_rows_note(&self.wide_rows));
                    }
                    self.tables.push(std::mem::take(&mut self.table));
                    self.lines.clear();
                }
            }
            _ => {}
        }
    }

    fn paragraph_ended(&mut self) {
        let text = plain_text(self.paragraph.trim()).trim().to_string();
        self.paragraph.clear();
        if text.is_empty() {
            return;
        }
        if self.depth == 0 {
            // A line after a table is under it too (审核人：…), until the next table.
            if let Some(before) = self.tables.last_mut() {
                if before.below.len() < LINES_ABOVE {
                    before.below.push(text.clone());
                }
            }
            self.lines.push(text);
        } else {
            if !self.cell.text.is_empty() {
                self.cell.text.push('\n');
            }
            self.cell.text.push_str(&text);
        }
    }

    fn cell_ended(&mut self) {
        let number = self.table.rows.len();
        let Some(row) = self.table.rows.last_mut() else {
            return;
        };
        let done = std::mem::take(&mut self.cell);
        if row.len() >= MAX_COLUMNS {
            // Past the last column read: said when it holds text, never kept.
            if !done.text.is_empty() && self.wide_rows.last() != Some(&number) {
                self.wide_rows.push(number);
            }
        } else {
            row.push(done);
            let room = MAX_COLUMNS - row.len();
            row.extend((1..self.span.min(room + 1)).map(|_| Cell::default()));
        }
    }
}
