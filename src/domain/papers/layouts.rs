//! The office's papers that are split into pages here (`paper`): the 调度表's changes, where a 党支部's block that
//! goes on over a page says whose it is at the top of the next (`…党支部（续）`, with the table's head again), and
//! the 督办单, one notice per sheet, a long one numbered by its own pages (第1页 共2页).

use std::ops::Range;

use super::paper::{pages, paragraph_mm, Columns, A4_LANDSCAPE_TEXT, FILL, NOTICE_TEXT};
use crate::domain::list::changes::Change;
use crate::domain::office::dispatch::{BranchDispatch, Dispatch, Pressing};

/// The column shares (of 100) of the changes' table: 位置, 项目, 原内容, 修改后.
pub const CHANGE_COLUMNS: [f32; 4] = [22.0, 12.0, 33.0, 33.0];
/// The column shares of a 督办单's table: 序号, 清单, 问题, 整改措施, 整改时限, 责任人, 逾期情况. Sized so that a
/// problem and a measure of about 36 characters and a date with 已延期 each take two lines at `NOTICE_PT`: six such
/// measures and the reply fit one sheet.
pub const NOTICE_COLUMNS: [f32; 7] = [4.0, 9.0, 28.0, 28.0, 13.0, 7.0, 11.0];
/// The size of a 督办单's table text, in points.
pub const NOTICE_PT: f32 = 10.0;
/// Of a 督办单 page's height, how much its layout fills (its parts' heights measured in Chromium).
pub const NOTICE_FILL: f32 = 0.92;

/// The size of the papers' table text, in points.
pub const TABLE_PT: f32 = 10.5;

/// One piece of the 调度表's changes as printed.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece<'a> {
    /// A 党支部's heading; `continued` on a page its block goes on to (`（续）`).
    Branch {
        name: &'a str,
        continued: bool,
    },
    /// The line above a list's changes (`党组织清单：与第2版相比…`).
    Summary(String),
    /// The changes table's head row.
    Head,
    Row(&'a Change),
}

impl Piece<'_> {
    fn mm(&self, width: f32) -> f32 {
        match self {
            Piece::Branch { .. } => 9.0,
            Piece::Summary(text) => paragraph_mm(text, width, TABLE_PT, 1.5, 1.5),
            Piece::Head => 8.0,
            Piece::Row(c) => Columns::of(width, &CHANGE_COLUMNS, TABLE_PT)
                .row_mm(&[&c.place, &c.field, &c.before, &c.after]),
        }
    }
}

/// The 调度表's changes, page by page: the first page under the section's title, every page after a break headed
/// by its 党支部 (`（续）`) and, inside a table, the table's head.
pub fn changes_pages(d: &Dispatch) -> Vec<Vec<Piece<'_>>> {
    let (width, height) = A4_LANDSCAPE_TEXT;
    let room = height * FILL;
    let mut pieces: Vec<Piece> = Vec::new();
    let mut owner: Vec<usize> = Vec::new();
    let reporting: Vec<&BranchDispatch> = d.branches.iter().filter(|b| b.new_file).collect();
    for (b, branch) in reporting.iter().enumerate() {
        pieces.push(Piece::Branch {
            name: &branch.name,
            continued: false,
        });
        owner.push(b);
        for l in branch.lists.iter().filter(|l| l.new_files > 0) {
            pieces.push(Piece::Summary(l.summary()));
            owner.push(b);
            if !l.changes.is_empty() {
                pieces.push(Piece::Head);
                owner.push(b);
                for c in &l.changes {
                    pieces.push(Piece::Row(c));
                    owner.push(b);
                }
            }
        }
    }
    let heights: Vec<f32> = pieces.iter().map(|p| p.mm(width)).collect();
    let branch_mm = 9.0;
    // What a page repeats at its top when a break falls before piece `i`.
    let again = |i: usize| match pieces[i] {
        Piece::Branch { .. } => 0.0,
        Piece::Row(_) => branch_mm + 8.0,
        _ => branch_mm,
    };
    // No break right after a heading, a list's line or a table's head.
    let before = |i: usize| {
        i == 0
            || !matches!(
                pieces[i - 1],
                Piece::Branch { .. } | Piece::Summary(_) | Piece::Head
            )
    };
    // The section's title (and what is said under it) stands above the first page's pieces.
    let split = pages(&heights, room - 14.0, room, again, before);
    split
        .into_iter()
        .map(|range| {
            let mut page = Vec::new();
            if let Some(first) = pieces.get(range.start) {
                if !matches!(first, Piece::Branch { .. }) {
                    let name = &reporting[owner[range.start]].name;
                    page.push(Piece::Branch {
                        name,
                        continued: true,
                    });
                    if matches!(first, Piece::Row(_)) {
                        page.push(Piece::Head);
                    }
                }
            }
            page.extend(pieces[range].iter().cloned());
            page
        })
        .collect()
}

/// A 督办单 split into its sheets: the measures each sheet holds (the last sheet also holds the 落款 and the
/// reply part). One sheet for most: up to six measures fit.
pub fn notice_sheets(d: &Dispatch, b: &BranchDispatch) -> Vec<Range<usize>> {
    let (width, height) = NOTICE_TEXT;
    // Filled further than other papers: its parts' heights are measured, not only estimated.
    let room = height * NOTICE_FILL;
    // As `styles/office.css` sets a 督办单's table on paper (measured in Chromium: a row of two lines is 12.6 mm).
    let columns = Columns {
        line: 1.4,
        padding_y_mm: 2.4,
        ..Columns::of(width, &NOTICE_COLUMNS, NOTICE_PT)
    };
    // The 编号, the title, the 党支部, the request; the table's head.
    let top = 7.0 + 10.5 + 8.0 + paragraph_mm(&d.supervision_request(), width, 12.0, 1.5, 2.0);
    let head = 7.5;
    // 落款 (two lines), the cut line, two lines of 整改答复, the signature line.
    let closing = 46.0;
    // Each page of a long one also carries its number.
    let number = 6.0;
    let mut heights: Vec<f32> = b.pressing.iter().map(|p| row_mm(&columns, p)).collect();
    heights.push(closing);
    let all: f32 = heights.iter().sum::<f32>() + top + head;
    if all <= room {
        return std::iter::once(0..b.pressing.len()).collect();
    }
    let last = heights.len() - 1;
    let split = pages(
        &heights,
        room - top - head - number,
        room - number,
        |_| head,
        |i| i != last,
    );
    split
        .into_iter()
        .map(|r| r.start..r.end.min(b.pressing.len()))
        .filter(|r| !r.is_empty() || r.start == b.pressing.len())
        .collect()
}

fn row_mm(columns: &Columns, p: &Pressing) -> f32 {
    columns.row_mm(&[
        "99",
        p.list.short_name(),
        &p.problem,
        &p.content,
        &p.deadline,
        &p.lead,
        &p.short_state(),
    ])
}
