//! What a 整改时限 cell of a table says: a date in any of the ways people write one, 立行立改, 长期坚持; or why it
//! could not be read, to be said in the preview and filled in by hand.

use chrono::{Datelike, NaiveDate};

use crate::domain::dates;
use crate::domain::model::Deadline;

/// The deadline a cell says, or why not (in words for the preview).
pub fn read(cell: &str) -> Result<Deadline, String> {
    let text: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
    if text.is_empty() {
        return Err("没有填写".into());
    }
    if text.contains("长期") {
        return Ok(Deadline::LongTerm);
    }
    if text.contains("立行立改") || text.contains("立即") || text.contains("即知即改") {
        return Ok(Deadline::Immediate {
            date: date_in(&text).map(dates::iso),
        });
    }
    if let Some(date) = date_in(&text) {
        return Ok(Deadline::ByDate {
            date: dates::iso(date),
        });
    }
    if ["年底", "年内", "年末", "月底", "季度", "上半年", "下半年"]
        .iter()
        .any(|w| text.contains(w))
    {
        return Err("没有写明哪一年".into());
    }
    Err("不是日期，也不是“立行立改”或“长期坚持”".into())
}

/// The first date written in `text`: 2024年3月31日(前), 2024年3月底, 2024年3月, 2024年底, 2024-03-31, 2024.3.31,
/// 2024/3/31, or an Excel day number (a cell formatted as a number). A month alone means its last day.
fn date_in(text: &str) -> Option<NaiveDate> {
    if let Ok(serial) = text.parse::<f64>() {
        return excel_day(serial);
    }
    let numbers = numbers_of(text);
    let (year, rest) = numbers.split_first()?;
    let year = i32::try_from(*year)
        .ok()
        .filter(|y| dates::YEARS.contains(y))?;
    match rest {
        [month, day, ..] => NaiveDate::from_ymd_opt(year, *month, *day),
        [month] => last_day(year, *month),
        [] if text.contains("年底") || text.contains("年末") => {
            NaiveDate::from_ymd_opt(year, 12, 31)
        }
        [] => None,
    }
}

/// The runs of digits in `text`, as numbers (at most three: year, month, day).
fn numbers_of(text: &str) -> Vec<u32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .take(3)
        .filter_map(|s| s.parse().ok())
        .collect()
}

fn last_day(year: i32, month: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    Some(next.pred_opt().unwrap_or(first))
}

/// An Excel day number (1900 date system, as Excel and WPS store a date) as a date, in this century only: a small
/// number is a count, not a deadline.
pub fn excel_day(serial: f64) -> Option<NaiveDate> {
    if !(36_526.0..=73_050.0).contains(&serial) {
        return None;
    }
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    base.checked_add_days(chrono::Days::new(serial.trunc() as u64))
        .filter(|d| dates::YEARS.contains(&d.year()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by(date: &str) -> Result<Deadline, String> {
        Ok(Deadline::ByDate { date: date.into() })
    }

    #[test]
    fn dates_are_read_the_ways_people_write_them() {
        assert_eq!(read("2024年3月31日前"), by("2024-03-31"));
        assert_eq!(read("2024年3月31日"), by("2024-03-31"));
        assert_eq!(read("2024年6月底"), by("2024-06-30"));
        assert_eq!(read("2024年2月"), by("2024-02-29"));
        assert_eq!(read("2024年底前"), by("2024-12-31"));
        assert_eq!(read("2024-03-31"), by("2024-03-31"));
        assert_eq!(read("2024.3.31"), by("2024-03-31"));
        assert_eq!(read("2024/3/31"), by("2024-03-31"));
        assert_eq!(read(" 2024 年 3 月 31 日 "), by("2024-03-31"));
        assert_eq!(read("45382"), by("2024-03-31"), "Excel's day number");
    }

    #[test]
    fn immediate_and_long_term_are_kinds_not_dates() {
        assert_eq!(read("长期坚持"), Ok(Deadline::LongTerm));
        assert_eq!(read("立行立改"), Ok(Deadline::Immediate { date: None }));
        assert_eq!(
            read("立行立改，2024年3月底前"),
            Ok(Deadline::Immediate {
                date: Some("2024-03-31".into())
            })
        );
    }

    #[test]
    fn what_is_not_a_date_says_why() {
        assert_eq!(read("年底前"), Err("没有写明哪一年".into()));
        assert!(read("尽快").unwrap_err().contains("不是日期"));
        assert!(read("2024年13月1日").is_err());
        assert!(read("12").is_err(), "a small number is not a day number");
        assert_eq!(read(""), Err("没有填写".into()));
    }
}
