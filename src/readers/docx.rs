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
    let mut tables: Vec<Table> = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    // Depth of tables: 0 in the body, 1 in a table's cell, more in a table inside it.
    let mut depth = 0usize;
    let mut table = Table::default();
    let mut cell = Cell::default();
    // The grid columns the cell being read spans (`w:gridSpan`): the others get empty cells, so columns stay in line.
    let mut span = 1usize;
    let mut paragraph = String::new();
    let mut in_text = false;
    // Inside text a tracked change moved away (`w:moveFrom`), which is not read.
    let mut moved_away = 0usize;
    let mut wide_rows: Vec<usize> = Vec::new();
    let mut open = 0usize;
    loop {
        let event = reader.read_event().map_err(|_| bad_xml(PART))?;
        match event {
            Event::DocType(_) => return Err(ReadError::Entities),
            Event::Start(e) => {
                open += 1;
                match e.local_name().as_ref() {
                    b"tbl" => {
                        depth += 1;
                        if depth == 1 {
                            let start = lines.len().saturating_sub(LINES_ABOVE);
                            table = Table {
                                above: lines[start..].to_vec(),
                                ..Table::default()
                            };
                            wide_rows.clear();
                        }
                    }
                    b"tr" if depth == 1 => {
                        if table.rows.len() >= MAX_ROWS {
                            return Err(ReadError::TooManyRows);
                        }
                        table.rows.push(Vec::new());
                    }
                    b"tc" if depth == 1 => {
                        cell = Cell::default();
                        span = 1;
                    }
                    b"moveFrom" => moved_away += 1,
                    b"t" => in_text = moved_away == 0,
                    b"p" => paragraph.clear(),
                    _ => {}
                }
            }
            Event::Empty(e) => match e.local_name().as_ref() {
                b"vMerge" if depth == 1 => {
                    cell.continued = attr(&e, b"val").is_none_or(|v| v != "restart")
                }
                b"gridSpan" if depth == 1 => {
                    span = attr(&e, b"val")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1)
                        .clamp(1, MAX_COLUMNS);
                }
                // Grid columns left empty before the row's first cell: empty cells, so its cells stay under
                // their headings.
                b"gridBefore" if depth == 1 => {
                    let before: usize = attr(&e, b"val")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0)
                        .min(MAX_COLUMNS);
                    if let Some(row) = table.rows.last_mut() {
                        if row.is_empty() {
                            row.extend((0..before).map(|_| Cell::default()));
                        }
                    }
                }
                // A tab in a cell or a line is a gap between words.
                b"tab" if moved_away == 0 => paragraph.push(' '),
                b"br" | b"cr" if moved_away == 0 => paragraph.push('\n'),
                _ => {}
            },
            Event::Text(t) if in_text => {
                paragraph.push_str(&t.decode().map_err(|_| bad_xml(PART))?)
            }
            Event::GeneralRef(r) if in_text => paragraph.push_str(&entity(&r)?),
            Event::End(e) => {
                open = open.saturating_sub(1);
                match e.local_name().as_ref() {
                    b"t" => in_text = false,
                    b"moveFrom" => moved_away = moved_away.saturating_sub(1),
                    b"p" => {
                        let text = plain_text(paragraph.trim()).trim().to_string();
                        if depth == 0 {
                            if !text.is_empty() {
                                // A line after a table is under it too (审核人：…), until the next table.
                                if let Some(before) = tables.last_mut() {
                                    if before.below.len() < LINES_ABOVE {
                                        before.below.push(text.clone());
                                    }
                                }
                                lines.push(text);
                            }
                        } else if !text.is_empty() {
                            if !cell.text.is_empty() {
                                cell.text.push('\n');
                            }
                            cell.text.push_str(&text);
                        }
                        paragraph.clear();
                    }
                    b"tc" if depth == 1 => {
                        let number = table.rows.len();
                        if let Some(row) = table.rows.last_mut() {
                            let done = std::mem::take(&mut cell);
                            if row.len() >= MAX_COLUMNS {
                                // Past the last column read: said when it holds text, never kept.
                                if !done.text.is_empty() && wide_rows.last() != Some(&number) {
                                    wide_rows.push(number);
                                }
                            } else {
                                row.push(done);
                                let room = MAX_COLUMNS - row.len();
                                row.extend((1..span.min(room + 1)).map(|_| Cell::default()));
                            }
                        }
                    }
                    b"tbl" => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            if !wide_rows.is_empty() {
                                table.notes.push(wide_rows_note(&wide_rows));
                            }
                            tables.push(std::mem::take(&mut table));
                            lines.clear();
                        }
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    // Elements still open at the end: the part was cut short (a file not copied to its end).
    if open > 0 {
        return Err(bad_xml(PART));
    }
    if tables.is_empty() {
        return Err(ReadError::NoTable);
    }
    Ok(tables)
}
