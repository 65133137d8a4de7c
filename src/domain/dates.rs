//! Calendar dates as the format writes them (`YYYY-MM-DD`) and as official documents print them.

use chrono::{Datelike, Months, NaiveDate};

/// A real calendar date written exactly `YYYY-MM-DD`; anything else (`2023-2-30`, `2023/10/15`) is `None`.
pub fn parse(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape_ok {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// `2023年9月30日`: the official form, never zero-padded (GB/T 9704).
pub fn official(date: NaiveDate) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

/// The official form of a stored date, or the text itself when it is not a real date.
pub fn official_text(text: &str) -> String {
    parse(text)
        .map(official)
        .unwrap_or_else(|| text.to_string())
}

/// `20231015`, as file names carry it.
pub fn compact(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

/// True when `later` is more than twelve calendar months after `from`.
pub fn more_than_a_year_after(from: NaiveDate, later: NaiveDate) -> bool {
    match from.checked_add_months(Months::new(12)) {
        Some(limit) => later > limit,
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_real_dates_in_the_iso_shape_parse() {
        assert!(parse("2023-10-15").is_some());
        assert!(parse("2024-02-29").is_some());
        assert!(parse("2023-02-29").is_none());
        assert!(parse("2023-2-28").is_none());
        assert!(parse("2023/10/15").is_none());
        assert!(parse("").is_none());
        assert!(parse("２０２３-10-15").is_none());
    }

    #[test]
    fn official_dates_are_not_zero_padded() {
        let d = NaiveDate::from_ymd_opt(2023, 9, 5).unwrap();
        assert_eq!(official(d), "2023年9月5日");
        assert_eq!(official_text("2023-12-31"), "2023年12月31日");
    }

    #[test]
    fn twelve_months_is_the_limit_not_more() {
        let from = NaiveDate::from_ymd_opt(2023, 10, 15).unwrap();
        assert!(!more_than_a_year_after(
            from,
            NaiveDate::from_ymd_opt(2024, 10, 15).unwrap()
        ));
        assert!(more_than_a_year_after(
            from,
            NaiveDate::from_ymd_opt(2024, 10, 16).unwrap()
        ));
    }
}
