//! Papers laid out ahead of the browser: how tall a block of text or a table row prints, and where a run of blocks
//! must go on to the next page. The browser breaks pages itself, but it cannot repeat a heading such as
//! `经济犯罪侦查大队党支部（续）` only on the pages where a 党支部's block goes on, nor number one 督办单's pages apart
//! from the next one's; so those papers are split into pages here, from a conservative estimate of every block's
//! height, and each page is printed as a page of its own.
//!
//! The estimate: a CJK character (and full-width punctuation) is one em wide in every CJK font, whatever the
//! office PC has; ASCII letters and digits half an em. A page is filled to `FILL` of its height only, so that an
//! estimate a little short never makes the browser break a page before this layout does.

/// Millimetres in a typographic point.
pub const MM_PER_PT: f32 = 0.3528;

/// Of a page's height, how much this layout fills (the rest is the estimate's margin of error, beside counting each
/// line an em short).
pub const FILL: f32 = 0.95;

/// The text area of an A4 landscape page with the margins of `styles/print.css`, in millimetres.
pub const A4_LANDSCAPE_TEXT: (f32, f32) = (297.0 - 50.0, 210.0 - 47.0);

/// The text area of a 督办单 page (its `@page` in `ui::office::dispatch_view`: 12 mm above and below, 20 mm at the sides).
pub const NOTICE_TEXT: (f32, f32) = (297.0 - 40.0, 210.0 - 24.0);

/// How many ems wide `text` prints: a wide character one em, a narrow one half.
pub fn ems(text: &str) -> f32 {
    text.chars()
        .map(|c| if (c as u32) < 0x2E80 { 0.55 } else { 1.0 })
        .sum()
}

/// How many lines `text` takes in a column `width_mm` wide at `font_pt`: each of its lines wrapped, one at least.
/// A line is counted an em short of the column: Chinese line breaking keeps a closing mark off a line's start and
/// moves the character before it down with it, so lines seldom fill their column (measured in Chromium: 36 ems in a
/// column of 17.9 took three lines).
pub fn lines(text: &str, width_mm: f32, font_pt: f32) -> usize {
    let em = font_pt * MM_PER_PT;
    let per_line = ((width_mm / em + 1e-3).floor() - 1.0).max(1.0);
    text.split('\n')
        .map(|line| ((ems(line) / per_line - 1e-3).ceil() as usize).max(1))
        .sum()
}

/// A table's columns and type: the widths of its columns in millimetres, its font size, its line height (a
/// multiple of the font size) and each cell's padding above and below together with its border.
#[derive(Clone, Debug, PartialEq)]
pub struct Columns {
    pub widths_mm: Vec<f32>,
    pub font_pt: f32,
    pub line: f32,
    /// Each cell's left and right padding together, in millimetres.
    pub padding_x_mm: f32,
    /// Each row's padding above and below together with its border, in millimetres.
    pub padding_y_mm: f32,
}

impl Columns {
    /// Columns of a table `width_mm` wide, each the given share of it (shares of 100).
    pub fn of(width_mm: f32, shares: &[f32], font_pt: f32) -> Columns {
        Columns {
            widths_mm: shares.iter().map(|s| width_mm * s / 100.0).collect(),
            font_pt,
            line: 1.45,
            padding_x_mm: 3.0,
            padding_y_mm: 2.8,
        }
    }

    /// How tall a row of `cells` prints: its tallest cell.
    pub fn row_mm(&self, cells: &[&str]) -> f32 {
        let most = cells
            .iter()
            .zip(&self.widths_mm)
            .map(|(text, w)| lines(text, w - self.padding_x_mm, self.font_pt))
            .max()
            .unwrap_or(1);
        most as f32 * self.line_mm() + self.padding_y_mm
    }

    /// One line of text, in millimetres.
    pub fn line_mm(&self) -> f32 {
        self.font_pt * MM_PER_PT * self.line
    }
}

/// A paragraph of `text` `width_mm` wide at `font_pt`, with `space_mm` below it: how tall it prints.
pub fn paragraph_mm(text: &str, width_mm: f32, font_pt: f32, line: f32, space_mm: f32) -> f32 {
    lines(text, width_mm, font_pt) as f32 * font_pt * MM_PER_PT * line + space_mm
}

/// Where a run of blocks of these heights breaks into pages of `room` millimetres (the first page may have less,
/// `first`, under what stands above the run). A block never parts; one taller than a page has a page of its own.
/// `again` is the height of what each page after a break repeats at its top (a heading, a table's head), and
/// `before(i)` says whether a break may fall just before block `i` (not between a heading and what it heads).
/// Returns the blocks of each page.
pub fn pages(
    heights: &[f32],
    first: f32,
    room: f32,
    again: impl Fn(usize) -> f32,
    before: impl Fn(usize) -> bool,
) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut used, mut left) = (0, 0.0f32, first);
    let mut i = 0;
    while i < heights.len() {
        if used > 0.0 && used + heights[i] > left {
            // Back to the last block a break may fall before, unless that leaves the page empty.
            let mut at = i;
            while at > start && !before(at) {
                at -= 1;
            }
            if at == start {
                at = i;
            }
            out.push(start..at);
            start = at;
            used = again(at);
            left = room;
            i = at;
            continue;
        }
        used += heights[i];
        i += 1;
    }
    if start < heights.len() || out.is_empty() {
        out.push(start..heights.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_wraps_by_its_wide_and_narrow_characters() {
        // 10 pt: an em is 3.528 mm; a 35.28 mm column is counted as holding nine Chinese characters a line.
        assert_eq!(lines("食品药品环境犯罪侦查大队党支部", 35.28, 10.0), 2);
        assert_eq!(lines("一二三四五六七八九", 35.28, 10.0), 1);
        assert_eq!(lines("一二三四五六七八九十", 35.28, 10.0), 2);
        assert_eq!(lines("2026-06-30", 35.28, 10.0), 1, "digits are half an em");
        assert_eq!(lines("", 35.28, 10.0), 1);
        assert_eq!(lines("一行\n两行\n三行", 35.28, 10.0), 3);
    }

    #[test]
    fn a_row_is_as_tall_as_its_tallest_cell() {
        let c = Columns::of(100.0, &[20.0, 80.0], 10.0);
        let one = c.row_mm(&["短", "短"]);
        let three = c.row_mm(&["短", &"长".repeat(50)]);
        assert!((one - (c.line_mm() + c.padding_y_mm)).abs() < 0.01);
        assert!((three - (3.0 * c.line_mm() + c.padding_y_mm)).abs() < 0.01);
    }

    #[test]
    fn blocks_break_into_pages_never_inside_one_and_never_after_a_heading() {
        let heights = [10.0, 30.0, 30.0, 10.0, 30.0, 30.0];
        // Block 3 is a heading: no break just after it.
        let pages = pages(&heights, 70.0, 100.0, |_| 0.0, |i| i != 4);
        assert_eq!(pages, [0..3, 3..6]);
        // What a page repeats at its top takes its room.
        let pages2 = super::pages(&[40.0; 5], 100.0, 100.0, |_| 30.0, |_| true);
        assert_eq!(pages2, [0..2, 2..3, 3..4, 4..5]);
        // A block taller than a page has a page of its own.
        assert_eq!(
            super::pages(&[10.0, 300.0, 10.0], 100.0, 100.0, |_| 0.0, |_| true),
            [0..1, 1..2, 2..3]
        );
        let none = super::pages(&[], 100.0, 100.0, |_| 0.0, |_| true);
        assert_eq!((none.len(), none[0].is_empty()), (1, true));
    }
}
