//! An Excel (.xlsx) workbook's sheets: the workbook's list of sheets (their order, names, which are hidden, and
//! whether it counts dates from 1904), the shared strings, each sheet's cells (`c` with its reference `r`, type
//! `t` and style `s`), its hidden rows, its merged ranges (`mergeCell`), and which styles are dates (so a date
//! cell reads as a date, not as Excel's day number).

use std::collections::{HashMap, HashSet};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::{attr, bad_xml, entity, File, ReadError, MAX_COLUMNS};
use crate::domain::dates;
use crate::domain::file::table::continued::{the_list, Part};
use crate::domain::file::table::deadline::excel_day;
use crate::domain::file::table::{ooxml_text, Cell, Table, MAX_ROWS};

/// A merged range: its top-left and bottom-right cells (row, column), zero-based.
type Range = ((usize, usize), (usize, usize));

/// A sheet as the workbook lists it.
struct SheetRef {
    name: String,
    part: String,
    hidden: bool,
}

/// What the workbook says of itself and of each sheet.
struct Workbook {
    sheets: Vec<SheetRef>,
    /// Days counted from 1904 (Excel for Mac's old default) rather than from 1900.
    date1904: bool,
}

/// What a sheet's cells need to be read as text.
struct Styles {
    strings: Vec<String>,
    dates: HashSet<usize>,
    date1904: bool,
}

/// The list: the first visible sheet that reads as one, with the visible sheets after it that continue it; or
/// the first visible sheet. Hidden sheets (a 填表示例 kept out of sight) and hidden rows are not read, and said.
pub(crate) fn read(file: &mut File) -> Result<Table, ReadError> {
    let workbook = workbook(file)?;
    let styles = Styles {
        strings: match file.part("xl/sharedStrings.xml")? {
            Some(xml) => shared_strings(&xml)?,
            None => Vec::new(),
        },
        dates: match file.part("xl/styles.xml")? {
            Some(xml) => date_styles(&xml)?,
            None => HashSet::new(),
        },
        date1904: workbook.date1904,
    };
    let hidden: Vec<&str> = workbook
        .sheets
        .iter()
        .filter(|s| s.hidden)
        .map(|s| s.name.as_str())
        .collect();
    let mut parts = Vec::new();
    for sheet_ref in workbook.sheets.iter().filter(|s| !s.hidden) {
        let Some(xml) = file.part(&sheet_ref.part)? else {
            continue;
        };
        let name = format!("工作表“{}”", sheet_ref.name);
        parts.push(Part {
            table: sheet(&xml, &sheet_ref.part, &name, &styles)?,
            name,
        });
    }
    let first = parts.first().map(|p| p.table.clone());
    let mut table = the_list(parts)
        .or(first)
        .ok_or_else(|| ReadError::Damaged("工作簿里没有可见的工作表".into()))?;
    if !hidden.is_empty() {
        table.notes.insert(
            0,
            format!(
                "没有读取隐藏的工作表：{}。",
                hidden
                    .iter()
                    .map(|n| format!("“{n}”"))
                    .collect::<Vec<_>>()
                    .join("、")
            ),
        );
    }
    Ok(table)
}

/// The sheets in the workbook's order, from `xl/workbook.xml` and its relationships. A workbook that lists none
/// (written by a tool that leaves the list out) has its sheet parts in their names' order, all visible.
fn workbook(file: &mut File) -> Result<Workbook, ReadError> {
    let xml = file.part("xl/workbook.xml")?.unwrap_or_default();
    let targets = match file.part("xl/_rels/workbook.xml.rels")? {
        Some(rels) => relationships(&rels)?,
        None => HashMap::new(),
    };
    let mut reader = Reader::from_str(&xml);
    let mut book = Workbook {
        sheets: Vec::new(),
        date1904: false,
    };
    loop {
        match reader
            .read_event()
            .map_err(|_| bad_xml("xl/workbook.xml"))?
        {
            Event::DocType(_) => return Err(ReadError::Entities),
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"workbookPr" => {
                    book.date1904 = attr(&e, b"date1904").is_some_and(|v| v == "1" || v == "true")
                }
                b"sheet" => {
                    let target = attr(&e, b"id").and_then(|id| targets.get(&id).cloned());
                    if let Some(part) = target {
                        book.sheets.push(SheetRef {
                            name: attr(&e, b"name").unwrap_or_default(),
                            part,
                            hidden: attr(&e, b"state").is_some_and(|s| s != "visible"),
                        });
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    if book.sheets.is_empty() {
        let mut names: Vec<String> = file
            .names()
            .filter(|n| n.starts_with("xl/worksheets/") && n.ends_with(".xml"))
            .map(str::to_string)
            .collect();
        // sheet1, sheet2, … sheet10 in their order.
        names.sort_by_key(|n| (n.len(), n.clone()));
        book.sheets = names
            .into_iter()
            .enumerate()
            .map(|(i, part)| SheetRef {
                name: format!("第{}个工作表", i + 1),
                part,
                hidden: false,
            })
            .collect();
    }
    Ok(book)
}

/// The workbook's relationships: id → the part it names (`worksheets/sheet1.xml` is `xl/worksheets/sheet1.xml`).
fn relationships(xml: &str) -> Result<HashMap<String, String>, ReadError> {
    let mut reader = Reader::from_str(xml);
    let mut out = HashMap::new();
    loop {
        match reader
            .read_event()
            .map_err(|_| bad_xml("xl/_rels/workbook.xml.rels"))?
        {
            Event::DocType(_) => return Err(ReadError::Entities),
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Relationship" => {
                if let (Some(id), Some(target)) = (attr(&e, b"Id"), attr(&e, b"Target")) {
                    let part = match target.strip_prefix('/') {
                        Some(absolute) => absolute.to_string(),
                        None => format!("xl/{target}"),
                    };
                    out.insert(id, part);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
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
    Ok(strings.iter().map(|s| ooxml_text(s)).collect())
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

/// The cell being read: where, its type and style, its value so far, and whether it has a formula.
#[derive(Default)]
struct Reading {
    at: Option<(usize, usize)>,
    kind: String,
    style: usize,
    value: String,
    in_value: bool,
    formula: bool,
}

/// What a sheet's rows leave out: hidden rows and cells past the last column read.
#[derive(Default)]
struct Left {
    hidden_rows: Vec<usize>,
    wide_rows: Vec<usize>,
}

impl Left {
    /// The sentences the preview shows, naming the sheet.
    fn notes(&self, sheet: &str) -> Vec<String> {
        let rows = |rows: &[usize]| {
            let shown: Vec<String> = rows.iter().take(8).map(|r| r.to_string()).collect();
            let more = if rows.len() > 8 {
                format!("等{}行", rows.len())
            } else {
                "行".to_string()
            };
            format!("第{}{more}", shown.join("、"))
        };
        let mut notes = Vec::new();
        if !self.hidden_rows.is_empty() {
            notes.push(format!(
                "{sheet}中隐藏的{}没有读取。",
                rows(&self.hidden_rows)
            ));
        }
        if !self.wide_rows.is_empty() {
            notes.push(format!(
                "{sheet}的{}在第{}列以后还有内容，没有读取（清单最多读{}列）。",
                rows(&self.wide_rows),
                MAX_COLUMNS,
                MAX_COLUMNS
            ));
        }
        notes
    }
}

/// One sheet as a table: row 1 first, every row up to the last with text, merged ranges marked.
fn sheet(xml: &str, part: &str, name: &str, styles: &Styles) -> Result<Table, ReadError> {
    let mut reader = Reader::from_str(xml);
    let mut sheet = Sheet::default();
    // Elements open: some still open at the end means the part was cut short.
    let mut open = 0usize;
    loop {
        let event = reader.read_event().map_err(|_| bad_xml(part))?;
        match event {
            Event::DocType(_) => return Err(ReadError::Entities),
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                open += usize::from(!empty);
                sheet.element(e, empty);
            }
            Event::Text(t) if sheet.cell.in_value => {
                (sheet.cell.value).push_str(&t.decode().map_err(|_| bad_xml(part))?)
            }
            Event::GeneralRef(r) if sheet.cell.in_value => sheet.cell.value.push_str(&entity(&r)?),
            Event::End(e) => {
                open = open.saturating_sub(1);
                match e.local_name().as_ref() {
                    b"v" | b"t" => sheet.cell.in_value = false,
                    b"c" => sheet.cell_ended(styles)?,
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if open > 0 {
        return Err(bad_xml(part));
    }
    sheet.into_table(name)
}

/// A sheet as it is read: the cells with text by (row, column), the merged ranges, and where the reader is.
#[derive(Default)]
struct Sheet {
    cells: HashMap<(usize, usize), Cell>,
    merges: Vec<Range>,
    cell: Reading,
    left: Left,
    /// The row being read (zero-based), whether it is hidden, and the column after the last cell read in it.
    row: usize,
    row_hidden: bool,
    next_column: usize,
    started: bool,
    last_row: usize,
}

impl Sheet {
    fn element(&mut self, e: &quick_xml::events::BytesStart, empty: bool) {
        match e.local_name().as_ref() {
            b"row" => {
                let next = if self.started { self.row + 1 } else { 0 };
                self.row = attr(e, b"r")
                    .and_then(|r| r.parse::<usize>().ok())
                    .filter(|&r| r >= 1)
                    .map_or(next, |r| r - 1);
                self.started = true;
                self.next_column = 0;
                self.row_hidden = attr(e, b"hidden").is_some_and(|v| v == "1" || v == "true");
                if self.row_hidden {
                    self.left.hidden_rows.push(self.row + 1);
                }
            }
            b"c" if !empty => {
                let position = attr(e, b"r")
                    .and_then(|r| reference(&r))
                    .unwrap_or((self.row, self.next_column));
                self.next_column = position.1 + 1;
                self.cell = Reading {
                    at: Some(position),
                    kind: attr(e, b"t").unwrap_or_default(),
                    style: attr(e, b"s").and_then(|s| s.parse().ok()).unwrap_or(0),
                    ..Reading::default()
                };
            }
            b"c" => self.next_column += 1,
            b"v" | b"t" if self.cell.at.is_some() => self.cell.in_value = !empty,
            b"f" if self.cell.at.is_some() => self.cell.formula = true,
            b"mergeCell" => {
                if let Some(range) = attr(e, b"ref").and_then(|r| range(&r)) {
                    self.merges.push(range);
                }
            }
            _ => {}
        }
    }

    /// A cell read to its end: kept when it has text (or a formula with no value), unless its row is hidden or
    /// it lies past the last column read (then said).
    fn cell_ended(&mut self, styles: &Styles) -> Result<(), ReadError> {
        let cell = &mut self.cell;
        let Some((r, column)) = cell.at.take() else {
            return Ok(());
        };
        if self.row_hidden {
            return Ok(());
        }
        // A formula with no value: the program that saved it did not compute it (a formula that gives empty
        // text is typed `str`).
        let read = if cell.formula && cell.value.is_empty() && cell.kind != "str" {
            Cell::uncomputed()
        } else {
            Cell::text(
                cell_text(&cell.kind, &cell.value, cell.style, styles)
                    .trim()
                    .to_string(),
            )
        };
        if read.text.is_empty() && !read.uncomputed {
            return Ok(());
        }
        if column >= MAX_COLUMNS {
            if self.left.wide_rows.last() != Some(&(r + 1)) {
                self.left.wide_rows.push(r + 1);
            }
            return Ok(());
        }
        if r >= MAX_ROWS {
            return Err(ReadError::TooManyRows);
        }
        self.last_row = self.last_row.max(r + 1);
        self.cells.insert((r, column), read);
        Ok(())
    }

    /// The rows up to the last with text, without the hidden ones, as wide as the widest, merges marked.
    fn into_table(mut self, name: &str) -> Result<Table, ReadError> {
        let last_row = self.last_row;
        let width = self.cells.keys().map(|(_, c)| c + 1).max().unwrap_or(0);
        let hidden: HashSet<usize> = self.left.hidden_rows.iter().map(|r| r - 1).collect();
        let mut rows: Vec<Vec<Cell>> = (0..last_row)
            .filter(|r| !hidden.contains(r))
            .map(|r| {
                (0..width)
                    .map(|c| self.cells.remove(&(r, c)).unwrap_or_default())
                    .collect()
            })
            .collect();
        // Rows of the table by the sheet's row number (hidden rows are gone from the table).
        let index: Vec<Option<usize>> = {
            let mut at = 0;
            (0..last_row)
                .map(|r| {
                    (!hidden.contains(&r)).then(|| {
                        at += 1;
                        at - 1
                    })
                })
                .collect()
        };
        mark_merges(&mut rows, &index, &self.merges)?;
        Ok(Table {
            rows,
            notes: self.left.notes(name),
            ..Table::default()
        })
    }
}

/// Marks the cells each merged range covers below its first row as "the same as above". A well-formed sheet's
/// ranges do not overlap, so each cell is marked once at most; ranges that overlap again and again (a hostile
/// file: twenty thousand copies of one range) are refused once the marking has done twice the table's cells,
/// which keeps the work linear in the table.
fn mark_merges(
    rows: &mut [Vec<Cell>],
    index: &[Option<usize>],
    merges: &[Range],
) -> Result<(), ReadError> {
    let cells: usize = rows.iter().map(Vec::len).sum();
    let mut budget = cells.saturating_mul(2).max(1024);
    let mut seen = HashSet::new();
    for &((top, left), (bottom, right)) in merges {
        if !seen.insert((top, left, bottom, right)) {
            continue; // the same range again
        }
        let bottom = bottom.min(index.len().saturating_sub(1));
        for sheet_row in (top + 1)..=bottom {
            let Some(r) = index.get(sheet_row).copied().flatten() else {
                continue;
            };
            let row = &mut rows[r];
            let right = right.min(row.len().saturating_sub(1));
            if left > right {
                break;
            }
            let span = right - left + 1;
            budget = budget
                .checked_sub(span)
                .ok_or(ReadError::OverlappingMerges)?;
            for cell in &mut row[left..=right] {
                *cell = Cell::continued();
            }
        }
    }
    Ok(())
}

/// What a cell shows: a shared string, an inline string, a date (from a date style), or the number as written.
fn cell_text(kind: &str, value: &str, style: usize, styles: &Styles) -> String {
    match kind {
        "s" => value
            .trim()
            .parse::<usize>()
            .ok()
            .and_then(|i| styles.strings.get(i))
            .cloned()
            .unwrap_or_default(),
        "inlineStr" | "str" => ooxml_text(value),
        "b" => if value == "1" { "是" } else { "否" }.to_string(),
        "e" => String::new(),
        _ => match value.parse::<f64>() {
            Ok(n) if styles.dates.contains(&style) => excel_day(n, styles.date1904)
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
fn range(text: &str) -> Option<Range> {
    let (from, to) = text.split_once(':')?;
    Some((reference(from)?, reference(to)?))
}
