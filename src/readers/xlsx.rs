//! An Excel (.xlsx) workbook's sheets: the shared strings, each sheet's cells (`c` with its reference `r`, type
//! `t` and style `s`), its merged ranges (`mergeCell`), and which styles are dates (so a date cell reads as a
//! date, not as Excel's day number).

use std::collections::{HashMap, HashSet};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::{attr, bad_xml, entity, part, Archive, ReadError};
use crate::domain::dates;
use crate::domain::table::columns::find_header;
use crate::domain::table::deadline::excel_day;
use crate::domain::table::{Cell, Table, MAX_ROWS};

/// Columns read at most: a list has a dozen; a sheet formatted to column XFD has sixteen thousand empty ones.
const MAX_COLUMNS: usize = 64;

/// The first sheet that reads as a list; or the first sheet.
pub fn read(archive: &mut Archive) -> Result<Table, ReadError> {
    let strings = match part(archive, "xl/sharedStrings.xml")? {
        Some(xml) => shared_strings(&xml)?,
        None => Vec::new(),
    };
    let date_styles = match part(archive, "xl/styles.xml")? {
        Some(xml) => date_styles(&xml)?,
        None => HashSet::new(),
    };
    let mut names: Vec<String> = archive
        .file_names()
        .filter(|n| n.starts_with("xl/worksheets/") && n.ends_with(".xml"))
        .map(str::to_string)
        .collect();
    // sheet1, sheet2, … sheet10 in their order (the workbook's first sheet is sheet1 in every writer seen).
    names.sort_by_key(|n| (n.len(), n.clone()));
    let mut first = None;
    for name in names {
        let Some(xml) = part(archive, &name)? else {
            continue;
        };
        let table = sheet(&xml, &name, &strings, &date_styles)?;
        if find_header(&table).is_some() {
            return Ok(table);
        }
        first.get_or_insert(table);
    }
    first.ok_or_else(|| ReadError::Damaged("工作簿里没有工作表".into()))
}

/// The text of each shared string (`si`), its runs joined; phonetic guides (`rPh`) left out.
fn shared_strings(xml: &str) -> Result<Vec<String>, ReadError> {
    let part = "xl/sharedStrings.xml";
    let mut reader = Reader::from_str(xml);
    let mut strings = Vec::new();
    let (mut in_text, mut in_phonetic) = (false, false);
    loop {
        match reader.read_event().map_err(|_| bad_xml(part))? {
            Event::DocType(_) => return Err(ReadError::Entities),
            Event::Start(e) => match e.local_name().as_ref() {
                b"si" => strings.push(String::new()),
                b"t" => in_text = !in_phonetic,
                b"rPh" => in_phonetic = true,
                _ => {}
            },
            Event::Empty(e) if e.local_name().as_ref() == b"si" => strings.push(String::new()),
            Event::Text(t) if in_text => {
                if let Some(s) = strings.last_mut() {
                    s.push_str(&t.decode().map_err(|_| bad_xml(part))?);
                }
            }
            Event::GeneralRef(r) if in_text => {
                if let Some(s) = strings.last_mut() {
                    s.push_str(&entity(&r)?);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"rPh" => in_phonetic = false,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(strings)
}

/// The indexes of the cell styles (`cellXfs/xf`) whose number format is a date: Excel's built-in 14–22 and
/// 45–47, 57–58 (Chinese), or a custom format with y, m or d outside quotes.
fn date_styles(xml: &str) -> Result<HashSet<usize>, ReadError> {
    let part = "xl/styles.xml";
    let mut reader = Reader::from_str(xml);
    let mut custom_dates = HashSet::new();
    let mut styles = HashSet::new();
    let (mut in_cell_xfs, mut index) = (false, 0usize);
    loop {
        let event = reader.read_event().map_err(|_| bad_xml(part))?;
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e.clone()), false),
            Event::Empty(e) => (Some(e.clone()), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            match e.local_name().as_ref() {
                b"numFmt" => {
                    let id = attr(&e, b"numFmtId").and_then(|v| v.parse::<u32>().ok());
                    let code = attr(&e, b"formatCode").unwrap_or_default();
                    if let Some(id) = id.filter(|_| is_date_format(&code)) {
                        custom_dates.insert(id);
                    }
                }
                b"cellXfs" if !empty => in_cell_xfs = true,
                b"xf" if in_cell_xfs => {
                    let id = attr(&e, b"numFmtId")
                        .and_then(|v| v.parse::<u32>().ok())
                        .unwrap_or(0);
                    if matches!(id, 14..=22 | 45..=47 | 57 | 58) || custom_dates.contains(&id) {
                        styles.insert(index);
                    }
                    index += 1;
                }
                _ => {}
            }
        }
        match event {
            Event::DocType(_) => return Err(ReadError::Entities),
            Event::End(e) if e.local_name().as_ref() == b"cellXfs" => in_cell_xfs = false,
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(styles)
}

/// A number format that shows a date: y, m or d outside quoted text and brackets (`yyyy"年"m"月"d"日"`).
fn is_date_format(code: &str) -> bool {
    let (mut quoted, mut bracket) = (false, false);
    code.chars().any(|c| {
        match c {
            '"' => quoted = !quoted,
            '[' => bracket = true,
            ']' => bracket = false,
            _ => {}
        }
        !quoted && !bracket && matches!(c, 'y' | 'd' | 'Y' | 'D')
    })
}

/// One sheet as a table: row 1 first, every row up to the last with text, merged ranges marked.
fn sheet(
    xml: &str,
    part: &str,
    strings: &[String],
    date_styles: &HashSet<usize>,
) -> Result<Table, ReadError> {
    let mut reader = Reader::from_str(xml);
    let mut cells: HashMap<(usize, usize), String> = HashMap::new();
    let mut merges: Vec<((usize, usize), (usize, usize))> = Vec::new();
    // The cell being read: where, its type and style, and its value so far.
    let mut at: Option<(usize, usize)> = None;
    let (mut kind, mut style) = (String::new(), 0usize);
    let mut value = String::new();
    let mut in_value = false;
    let mut next_row = 0usize;
    let mut last_row = 0usize;
    loop {
        let event = reader.read_event().map_err(|_| bad_xml(part))?;
        match event {
            Event::DocType(_) => return Err(ReadError::Entities),
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                match e.local_name().as_ref() {
                    b"row" => {
                        next_row = attr(e, b"r")
                            .and_then(|r| r.parse::<usize>().ok())
                            .map_or(next_row + 1, |r| r);
                    }
                    b"c" if !empty => {
                        let position = attr(e, b"r")
                            .and_then(|r| reference(&r))
                            .unwrap_or((next_row.max(1) - 1, 0));
                        at = Some(position);
                        kind = attr(e, b"t").unwrap_or_default();
                        style = attr(e, b"s").and_then(|s| s.parse().ok()).unwrap_or(0);
                        value.clear();
                    }
                    b"v" | b"t" if at.is_some() => in_value = true,
                    b"mergeCell" => {
                        if let Some(range) = attr(e, b"ref").and_then(|r| range(&r)) {
                            merges.push(range);
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_value => value.push_str(&t.decode().map_err(|_| bad_xml(part))?),
            Event::GeneralRef(r) if in_value => value.push_str(&entity(&r)?),
            Event::End(e) => match e.local_name().as_ref() {
                b"v" | b"t" => in_value = false,
                b"c" => {
                    if let Some((row, column)) = at.take() {
                        let text = cell_text(&kind, &value, style, strings, date_styles);
                        if column < MAX_COLUMNS && !text.trim().is_empty() {
                            if row >= MAX_ROWS {
                                return Err(ReadError::TooManyRows);
                            }
                            last_row = last_row.max(row + 1);
                            cells.insert((row, column), text.trim().to_string());
                        }
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    let width = cells.keys().map(|(_, c)| c + 1).max().unwrap_or(0);
    let mut rows: Vec<Vec<Cell>> = (0..last_row)
        .map(|r| {
            (0..width)
                .map(|c| Cell::text(cells.remove(&(r, c)).unwrap_or_default()))
                .collect()
        })
        .collect();
    for ((top, left), (bottom, right)) in merges {
        for row in rows.iter_mut().take(bottom + 1).skip(top + 1) {
            for cell in row.iter_mut().take(right + 1).skip(left) {
                *cell = Cell::continued();
            }
        }
    }
    Ok(Table {
        above: Vec::new(),
        rows,
    })
}

/// What a cell shows: a shared string, an inline string, a date (from a date style), or the number as written.
fn cell_text(
    kind: &str,
    value: &str,
    style: usize,
    strings: &[String],
    date_styles: &HashSet<usize>,
) -> String {
    match kind {
        "s" => value
            .trim()
            .parse::<usize>()
            .ok()
            .and_then(|i| strings.get(i))
            .cloned()
            .unwrap_or_default(),
        "inlineStr" | "str" => value.to_string(),
        "b" => if value == "1" { "是" } else { "否" }.to_string(),
        "e" => String::new(),
        _ => match value.parse::<f64>() {
            Ok(n) if date_styles.contains(&style) => excel_day(n)
                .map(dates::iso)
                .unwrap_or_else(|| value.to_string()),
            Ok(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", n as i64),
            _ => value.to_string(),
        },
    }
}

/// `B5` → (row 4, column 1), zero-based.
fn reference(text: &str) -> Option<(usize, usize)> {
    let split = text.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = text.split_at(split);
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let column = letters.bytes().try_fold(0usize, |n, b| {
        b.is_ascii_uppercase()
            .then(|| n * 26 + (b - b'A' + 1) as usize)
    })?;
    let row: usize = digits.parse().ok()?;
    (row >= 1).then(|| (row - 1, column - 1))
}

/// `A3:A5` → its top-left and bottom-right cells.
fn range(text: &str) -> Option<((usize, usize), (usize, usize))> {
    let (from, to) = text.split_once(':')?;
    Some((reference(from)?, reference(to)?))
}
