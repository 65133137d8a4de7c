//! Long tables shown a page at a time (the consolidated ledger of a bureau runs to thousands of rows): which rows
//! a page holds, and how the page is named.

use std::ops::Range;

/// Rows of a long table as pages of `size`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pages {
    pub total: usize,
    pub size: usize,
}

impl Pages {
    pub fn new(total: usize, size: usize) -> Self {
        Pages {
            total,
            size: size.max(1),
        }
    }

    /// How many pages; an empty table still has its one (empty) page.
    pub fn count(&self) -> usize {
        self.total.div_ceil(self.size).max(1)
    }

    /// The page shown when `page` (from 0) is asked for: the last one when the table has shrunk below it.
    pub fn clamp(&self, page: usize) -> usize {
        page.min(self.count() - 1)
    }

    /// The rows of page `page` (from 0, clamped).
    pub fn rows(&self, page: usize) -> Range<usize> {
        let start = self.clamp(page) * self.size;
        start..(start + self.size).min(self.total)
    }

    /// `第2页，共5页（第201–400项，共1000项）`.
    pub fn label(&self, page: usize) -> String {
        if self.total == 0 {
            return "没有符合条件的措施".to_string();
        }
        self.label_of(page, "项", "项")
    }

    /// The label with the words of what the rows are: `label_of(0, "个问题", "个")` is
    /// `第1页，共3页（第1–20个问题，共45个）`.
    pub fn label_of(&self, page: usize, item: &str, unit: &str) -> String {
        let rows = self.rows(page);
        format!(
            "第{}页，共{}页（第{}–{}{item}，共{}{unit}）",
            self.clamp(page) + 1,
            self.count(),
            rows.start + 1,
            rows.end,
            self.total
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thousand_rows_are_five_pages_of_two_hundred() {
        let pages = Pages::new(1000, 200);
        assert_eq!(pages.count(), 5);
        assert_eq!(pages.rows(0), 0..200);
        assert_eq!(pages.rows(4), 800..1000);
        assert_eq!(pages.label(1), "第2页，共5页（第201–400项，共1000项）");
    }

    #[test]
    fn the_last_page_holds_the_rest_and_a_page_past_the_end_is_the_last() {
        let pages = Pages::new(401, 200);
        assert_eq!(pages.count(), 3);
        assert_eq!(pages.rows(2), 400..401);
        assert_eq!(pages.rows(9), 400..401);
        assert_eq!(pages.clamp(9), 2);
    }

    #[test]
    fn an_empty_table_has_one_empty_page() {
        let pages = Pages::new(0, 200);
        assert_eq!(pages.count(), 1);
        assert_eq!(pages.rows(0), 0..0);
        assert_eq!(pages.label(0), "没有符合条件的措施");
    }
}
