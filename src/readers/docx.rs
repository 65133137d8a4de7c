//! A Word (.docx) file's tables: `word/document.xml`, its tables (`w:tbl`) with their rows (`w:tr`) and cells
//! (`w:tc`), a cell's vertical merge (`w:vMerge`, "continue" when it has no `restart`) and its span over grid
//! columns (`w:gridSpan`), and the paragraphs above each table.

use quick_xml::events::Event;
use quick_xml::Reader;

use super::{attr, bad_xml, entity, part, Archive, ReadError};
use crate::domain::table::columns::find_header;
use crate::domain::table::{Cell, Table, MAX_ROWS};

const PART: &str = "word/document.xml";

/// The first table that reads as a list, with the paragraphs above it; or the first table.
pub fn read(archive: &mut Archive) -> Result<Table, ReadError> {
    let xml = part(archive, PART)?.ok_or(ReadError::NoTable)?;
    let tables = tables(&xml)?;
    let first = tables
        .iter()
        .position(|t| find_header(t).is_some())
        .unwrap_or(0);
    tables.into_iter().nth(first).ok_or(ReadError::NoTable)
}

/// How many paragraphs above a table are kept as its title and header lines.
const LINES_ABOVE: usize = 12;

/// Every table of the body (a table in a table is the text of its cell), each with the paragraphs before it.
fn tables(xml: &str) -> Result<Vec<Table>, ReadError> {
    let mut reader = Reader::from_str(xml);
    let mut tables = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    // Depth of tables: 0 in the body, 1 in a table's cell, more in a table inside it.
    let mut depth = 0usize;
    let mut table = Table::default();
    let mut cell = Cell::default();
    // The grid columns the cell being read spans (`w:gridSpan`): the others get empty cells, so columns stay in line.
    let mut span = 1usize;
    let mut paragraph = String::new();
    let mut in_text = false;
    loop {
        let event = reader.read_event().map_err(|_| bad_xml(PART))?;
        match event {
            Event::DocType(_) => return Err(ReadError::Entities),
            Event::Start(e) => match e.local_name().as_ref() {
                b"tbl" => {
                    depth += 1;
                    if depth == 1 {
                        let start = lines.len().saturating_sub(LINES_ABOVE);
                        table = Table {
                            above: lines[start..].to_vec(),
                            rows: Vec::new(),
                        };
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
                b"t" => in_text = true,
                b"p" => paragraph.clear(),
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                b"vMerge" if depth == 1 => {
                    cell.continued = attr(&e, b"val").is_none_or(|v| v != "restart")
                }
                b"gridSpan" if depth == 1 => {
                    span = attr(&e, b"val")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1)
                        .clamp(1, 64);
                }
                // A tab in a cell or a line is a gap between words.
                b"tab" => paragraph.push(' '),
                b"br" | b"cr" => paragraph.push('\n'),
                _ => {}
            },
            Event::Text(t) if in_text => {
                paragraph.push_str(&t.decode().map_err(|_| bad_xml(PART))?)
            }
            Event::GeneralRef(r) if in_text => paragraph.push_str(&entity(&r)?),
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" => {
                    let text = paragraph.trim().to_string();
                    if depth == 0 {
                        if !text.is_empty() {
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
                    if let Some(row) = table.rows.last_mut() {
                        row.push(std::mem::take(&mut cell));
                        row.extend((1..span).map(|_| Cell::default()));
                    }
                }
                b"tbl" => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        tables.push(std::mem::take(&mut table));
                        lines.clear();
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    if tables.is_empty() {
        return Err(ReadError::NoTable);
    }
    Ok(tables)
}
