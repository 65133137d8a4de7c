//! `.xlsx` from a `domain::papers::sheet::Book`, with rust_xlsxwriter: a merged title and its lines, the header
//! row frozen and repeated on every printed page, text always as text (never a formula), counts as numbers, rates
//! as percentages, dates as dates, marked rows shaded, A4 landscape one or two pages wide (`Sheet::pages_wide`)
//! with its footer.

use rust_xlsxwriter::{
    Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::domain::dates;
use crate::domain::papers::sheet::{row_points as row_height, Book, Cell, Sheet, TITLE_POINTS};

/// A4 in Excel's paper codes.
const A4: u8 = 9;
const BODY_FONT: &str = "仿宋";
const HEADING_FONT: &str = "黑体";
/// The shade of a marked (逾期) row.
const MARKED: u32 = 0xFCE4E4;

/// What went wrong in rust_xlsxwriter, in Chinese (its messages are English).
fn why(e: XlsxError) -> String {
    match e {
        XlsxError::MaxStringLengthExceeded => "有一段文字超过了Excel一个单元格能放的字数".into(),
        XlsxError::RowColumnLimitError => "表格超过了Excel的行数或列数上限".into(),
        XlsxError::SheetnameLengthExceeded(_)
        | XlsxError::SheetnameCannotBeBlank(_)
        | XlsxError::SheetnameContainsInvalidCharacter(_)
        | XlsxError::SheetnameStartsOrEndsWithApostrophe(_)
        | XlsxError::SheetnameReused(_) => "工作表的名称不合Excel的规定".into(),
        _ => "写Excel文件时出了错".into(),
    }
}

struct Formats {
    title: Format,
    line: Format,
    header: Format,
    note: Format,
}

impl Formats {
    fn new() -> Self {
        let base = Format::new().set_font_name(BODY_FONT).set_font_size(11);
        Formats {
            title: Format::new()
                .set_font_name("方正小标宋简体")
                .set_font_size(18)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            line: base.clone().set_align(FormatAlign::Center),
            header: Format::new()
                .set_font_name(HEADING_FONT)
                .set_font_size(11)
                .set_bold()
                .set_text_wrap()
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(Color::RGB(0xEEEEEE)),
            note: base
                .set_text_wrap()
                .set_align(FormatAlign::Left)
                .set_align(FormatAlign::Top),
        }
    }

    /// The format of a table cell: text wraps and sits at the left, numbers and dates in the middle.
    fn cell(centred: bool, marked: bool) -> Format {
        let f = Format::new()
            .set_font_name(BODY_FONT)
            .set_font_size(10.5)
            .set_text_wrap()
            .set_border(FormatBorder::Thin)
            .set_align(if centred {
                FormatAlign::Center
            } else {
                FormatAlign::Left
            })
            .set_align(FormatAlign::VerticalCenter);
        if marked {
            f.set_background_color(Color::RGB(MARKED))
        } else {
            f
        }
    }
}

/// The Excel date of `YYYY-MM-DD`.
fn excel_date(text: &str) -> Option<ExcelDateTime> {
    use chrono::Datelike;
    let d = dates::parse(text)?;
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8).ok()
}

fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    marked: bool,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Empty => {
            ws.write_blank(row, col, &Formats::cell(false, marked))?;
        }
        Cell::Text(text) => {
            // write_string, never write: a text that starts with `=` stays text.
            ws.write_string_with_format(row, col, text, &Formats::cell(false, marked))?;
        }
        Cell::Count(n) => {
            ws.write_number_with_format(row, col, *n as f64, &Formats::cell(true, marked))?;
        }
        Cell::Permille(p) => {
            let f = Formats::cell(true, marked).set_num_format("0.0%");
            ws.write_number_with_format(row, col, *p as f64 / 1000.0, &f)?;
        }
        Cell::Date { date, suffix } => match excel_date(date) {
            Some(d) => {
                let f = Formats::cell(true, marked)
                    .set_num_format(format!("yyyy\"年\"m\"月\"d\"日{suffix}\""));
                ws.write_datetime_with_format(row, col, d, &f)?;
            }
            None => {
                ws.write_string_with_format(row, col, date, &Formats::cell(false, marked))?;
            }
        },
    }
    Ok(())
}

/// Whether a cell is shown centred (and so merged centred too).
fn centred(cell: &Cell) -> bool {
    !matches!(cell, Cell::Text(_) | Cell::Empty)
}

fn write_sheet(ws: &mut Worksheet, sheet: &Sheet, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(&sheet.name)?;
    let last_col = sheet.columns.len().saturating_sub(1) as u16;
    let mut row: u32 = 0;
    // Two pages wide, a centred title would be cut between them: it starts at the left, on the first — and from
    // the second column, since the first is printed again on the second page and would show the title's start.
    let wide = sheet.pages_wide();
    let (title, line_format, from) = if wide > 1 {
        (
            f.title.clone().set_align(FormatAlign::Left),
            f.line.clone().set_align(FormatAlign::Left),
            1,
        )
    } else {
        (f.title.clone(), f.line.clone(), 0)
    };
    ws.merge_range(row, from, row, last_col, &sheet.title, &title)?;
    ws.set_row_height(row, TITLE_POINTS)?;
    for line in sheet.lines.iter().chain(&sheet.not_printed) {
        row += 1;
        ws.merge_range(row, from, row, last_col, line, &line_format)?;
    }
    if sheet.not_printed.is_some() {
        // Only the title and its lines print, the sentence saying how to print part of the table among them.
        ws.set_print_area(0, 0, row, last_col)?;
    }
    row += 1;
    let header = row;
    for (c, column) in sheet.columns.iter().enumerate() {
        ws.set_column_width(c as u16, column.width)?;
        ws.write_string_with_format(header, c as u16, &column.header, &f.header)?;
    }
    ws.set_row_height(header, row_height(sheet.header_lines()))?;
    let first = header + 1;
    // Cells inside a merge below its first row are written by the merge, not one by one.
    let covered = |r: usize, c: usize| {
        sheet
            .merges
            .iter()
            .any(|m| m.column == c && r > m.first && r <= m.last)
    };
    for (r, (data, lines)) in sheet.rows.iter().zip(sheet.row_lines()).enumerate() {
        ws.set_row_height(first + r as u32, row_height(lines))?;
        for (c, cell) in data.cells.iter().enumerate() {
            if covered(r, c) {
                continue;
            }
            let merge = sheet.merges.iter().find(|m| m.column == c && m.first == r);
            match (merge, cell) {
                (Some(m), Cell::Text(text)) => {
                    ws.merge_range(
                        first + r as u32,
                        c as u16,
                        first + m.last as u32,
                        c as u16,
                        text,
                        &Formats::cell(false, data.marked),
                    )?;
                }
                (Some(m), _) => {
                    let f = Formats::cell(centred(cell), data.marked);
                    ws.merge_range(
                        first + r as u32,
                        c as u16,
                        first + m.last as u32,
                        c as u16,
                        "",
                        &f,
                    )?;
                    write_cell(ws, first + r as u32, c as u16, cell, data.marked)?;
                }
                (None, _) => write_cell(ws, first + r as u32, c as u16, cell, data.marked)?,
            }
        }
    }
    row = first + sheet.rows.len() as u32;
    for note in &sheet.notes {
        row += 1;
        ws.merge_range(row, 0, row, last_col, note, &f.note)?;
        ws.set_row_height(row, row_height(sheet.note_lines(note)))?;
    }
    ws.set_freeze_panes(first, 0)?;
    ws.set_repeat_rows(header, header)?;
    // Pages break between problems, so that no merged cell is cut at a page's foot (Excel allows 1,023 breaks).
    let breaks: Vec<u32> = sheet
        .page_breaks()
        .into_iter()
        .take(1023)
        .map(|r| first + r as u32)
        .collect();
    if !breaks.is_empty() && sheet.not_printed.is_none() {
        ws.set_page_breaks(&breaks)?;
    }
    ws.set_landscape();
    ws.set_paper_size(A4);
    // One page wide where the text stays legible; else two, read across before down, the first column (编号,
    // 序号 or 党支部) on both.
    ws.set_print_fit_to_pages(wide, 0);
    if wide > 1 {
        ws.set_page_order(false);
        ws.set_repeat_columns(0, 0)?;
    }
    ws.set_margins(0.6, 0.6, 0.7, 0.8, 0.3, 0.4);
    ws.set_footer(&sheet.footer);
    Ok(())
}

/// The bytes of the `.xlsx` file of `book`.
/// The texts are those of `Book::fit_to_excel` (cleaned and fitted), which `request::Request::make` applies.
pub fn write(book: &Book) -> Result<Vec<u8>, String> {
    let mut workbook = Workbook::new();
    let formats = Formats::new();
    for sheet in &book.sheets {
        let ws = workbook.add_worksheet();
        write_sheet(ws, sheet, &formats).map_err(why)?;
    }
    workbook.save_to_buffer().map_err(why)
}
