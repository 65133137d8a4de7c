//! What a 整改时限 cell of a table says: a date in any of the ways people write one, 立行立改, 长期坚持; or why it
//! could not be read, to be said in the preview and filled in by hand.
//!
//! A deadline written as a span (2026年3月至6月, 2026年4-12月, 2026年7月1日至12月31日) is due at the span's end; a
//! quarter (2026年第2季度, 第三季度末) at the quarter's last day; a half year (2026年上半年) at its last day; a
//! month alone (2026年6月, 2026.12, 二〇二六年六月底) at its last day. What cannot be read for sure is said, never
//! guessed.

use chrono::{Datelike, NaiveDate};

use crate::domain::dates;
use crate::domain::list::model::Deadline;

/// The deadline a cell says, or why not (in words for the preview).
pub fn read(cell: &str) -> Result<Deadline, String> {
    let text = normalized(cell);
    if text.is_empty() {
        return Err("没有填写".into());
    }
    if text.contains("长期") {
        return Ok(Deadline::LongTerm);
    }
    if text.contains("立行立改") || text.contains("立即") || text.contains("即知即改") {
        return Ok(Deadline::Immediate {
            date: date_in(&text).ok().map(dates::iso),
        });
    }
    date_in(&text).map(|date| Deadline::ByDate {
        date: dates::iso(date),
    })
}

/// The cell without spaces, its full-width digits and punctuation as ASCII, and numbers written in Chinese
/// numerals (二〇二六年, 十二月, 第三季度) as digits.
fn normalized(cell: &str) -> String {
    let plain: String = cell
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '／' => '/',
            '－' | '—' | '–' | '―' | '～' | '~' | '〜' => '-',
            c => c,
        })
        .collect();
    chinese_numbers_as_digits(&plain)
}

/// Chinese numerals in `text` as digits: a run with 十 is a value (十二 → 12, 三十一 → 31), a run without is read
/// digit by digit (二〇二六 → 2026).
fn chinese_numbers_as_digits(text: &str) -> String {
    let digit = |c: char| {
        "〇一二三四五六七八九".find(c).map(|i| i / 3).or(match c {
            '零' | '○' | 'Ｏ' => Some(0),
            '两' => Some(2),
            _ => None,
        })
    };
    let mut out = String::with_capacity(text.len());
    let mut run: Vec<char> = Vec::new();
    let flush = |run: &mut Vec<char>, out: &mut String| {
        if run.is_empty() {
            return;
        }
        if let Some(ten) = run.iter().position(|&c| c == '十') {
            let tens = if ten == 0 {
                Some(1)
            } else {
                run[..ten].iter().map(|&c| digit(c)).sum::<Option<usize>>()
            };
            let ones = run[ten + 1..]
                .iter()
                .map(|&c| digit(c))
                .sum::<Option<usize>>();
            match (tens, ones) {
                (Some(t), Some(o)) if ten <= 1 && run.len() - ten <= 2 => {
                    out.push_str(&(t * 10 + o).to_string())
                }
                _ => out.extend(run.iter()),
            }
        } else {
            for &c in run.iter() {
                match digit(c) {
                    Some(d) => out.push(char::from(b'0' + d as u8)),
                    None => out.push(c),
                }
            }
        }
        run.clear();
    };
    for c in text.chars() {
        if c == '十' || digit(c).is_some() {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// One end of what a cell writes: the parts of a date it names.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Parts {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    quarter: Option<u32>,
    /// 1 for 上半年, 2 for 下半年.
    half: Option<u32>,
    /// 年底, 年末, 年内: the year's last day.
    year_end: bool,
}

impl Parts {
    fn any(&self) -> bool {
        self.month.is_some()
            || self.day.is_some()
            || self.quarter.is_some()
            || self.half.is_some()
            || self.year_end
    }
}

/// The date `text` (normalized) is due by: the end of a span, of a quarter, a half year, a month, or the day it
/// names; or an Excel day number (a cell formatted as a number). Why not, in words, when it cannot be sure.
fn date_in(text: &str) -> Result<NaiveDate, String> {
    // A day number; but 2026.12 is a year and a month.
    let dotted_year = text
        .split_once('.')
        .and_then(|(y, _)| y.parse::<i32>().ok())
        .is_some_and(|y| dates::YEARS.contains(&y));
    if let (Ok(serial), false) = (text.parse::<f64>(), dotted_year) {
        return excel_day(serial, false).ok_or_else(not_a_date);
    }
    let words = text.contains('年') || text.contains('月') || text.contains("季度");
    let (start, end) = match span(text, words) {
        // 2026年4-12月: the start's bare 4 is a month, as the end's first number is.
        Some((a, b)) => (
            parts_of(a, words, first_unit(b))?,
            Some(parts_of(b, words, None)?),
        ),
        None => (parts_of(text, words, None)?, None),
    };
    let year = end.and_then(|e| e.year).or(start.year).ok_or_else(|| {
        if start.any() || end.is_some_and(|e| e.any()) || words {
            "没有写明哪一年".to_string()
        } else {
            not_a_date()
        }
    })?;
    if !dates::YEARS.contains(&year) {
        return Err(format!("年份“{year}”不对"));
    }
    let due = match end {
        // 至12月31日: the end's own parts; a day alone (3月1日至31日) is in the start's month.
        Some(e) if e.any() => Parts {
            month: e.month.or(e.day.and(start.month)),
            ..e
        },
        Some(_) => return Err("写了起止，但看不出截止到哪月哪日".into()),
        None => start,
    };
    let bad = || "不是真实的日期".to_string();
    match due {
        Parts {
            quarter: Some(q), ..
        } if (1..=4).contains(&q) => last_day(year, q * 3).ok_or_else(bad),
        Parts {
            quarter: Some(_), ..
        } => Err("季度只能是第1至第4季度".into()),
        Parts { half: Some(h), .. } => last_day(year, h * 6).ok_or_else(bad),
        Parts {
            month: Some(m),
            day: Some(d),
            ..
        } => NaiveDate::from_ymd_opt(year, m, d).ok_or_else(bad),
        Parts { month: Some(m), .. } => last_day(year, m).ok_or_else(bad),
        Parts { year_end: true, .. } => NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(bad),
        Parts { day: Some(_), .. } => Err("只写了日，没有写是哪个月".into()),
        _ => Err("只写了年份，没有写到哪月哪日".into()),
    }
}

fn not_a_date() -> String {
    "不是日期，也不是“立行立改”或“长期坚持”".into()
}

/// A span's two ends: split at 至, 到 or a dash. A dash is a span only in a date written with words (2026年4-12月);
/// in 2026-12-31 it separates the parts of one date.
fn span(text: &str, words: bool) -> Option<(&str, &str)> {
    for mark in ["至", "到"] {
        if let Some((a, b)) = text.split_once(mark) {
            return Some((a, b));
        }
    }
    if words {
        return text.rsplit_once('-');
    }
    None
}

/// The unit written after the first number of `text` (月 in 12月31日).
fn first_unit(text: &str) -> Option<char> {
    let mut chars = text.chars().skip_while(|c| !c.is_ascii_digit());
    chars.find(|c| !c.is_ascii_digit())
}

/// The parts one end of a date names. With words: numbers followed by 年, 月, 日 (号), 季度; 上半年, 下半年, 年底;
/// a number with no unit at the end of the text has the unit `bare` (a span's start: 4 in 4-12月). Without:
/// year, month and day separated by `.`, `/` or `-` (2024.3.31, 2026.12, 2024-03-31).
fn parts_of(text: &str, words: bool, bare: Option<char>) -> Result<Parts, String> {
    let mut parts = Parts {
        half: if text.contains("上半年") {
            Some(1)
        } else if text.contains("下半年") {
            Some(2)
        } else {
            None
        },
        year_end: ["年底", "年末", "年内"].iter().any(|w| text.contains(w)),
        ..Parts::default()
    };
    let chars: Vec<char> = text.chars().collect();
    let mut numbers: Vec<(u32, Option<char>)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let from = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let digits: String = chars[from..i].iter().collect();
            let number = digits.parse::<u32>().map_err(|_| not_a_date())?;
            numbers.push((number, chars.get(i).copied().or(bare)));
        } else {
            i += 1;
        }
    }
    if words {
        for (number, unit) in numbers {
            match unit {
                Some('年') => parts.year = i32::try_from(number).ok(),
                Some('月') => parts.month = Some(number),
                Some('日' | '号') => parts.day = Some(number),
                Some('季') => parts.quarter = Some(number),
                // A bare number next to a dated one (2026年3-6): which part it is cannot be told.
                _ => return Err("有数字没写明是年、月还是日".into()),
            }
        }
        return Ok(parts);
    }
    match numbers.as_slice() {
        [] => Ok(parts),
        [(y, _), rest @ ..] if rest.len() <= 2 => {
            parts.year = i32::try_from(*y).ok();
            parts.month = rest.first().map(|(m, _)| *m);
            parts.day = rest.get(1).map(|(d, _)| *d);
            // 2024.3 with 前 or 底 after it reads as well as without.
            Ok(parts)
        }
        _ => Err(not_a_date()),
    }
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

/// An Excel day number as a date, in this century only: a small number is a count, not a deadline. A workbook in
/// the 1904 date system (`date1904`, Excel for Mac's old default) counts from 1904-01-01, 1,462 days later.
pub fn excel_day(serial: f64, date1904: bool) -> Option<NaiveDate> {
    let serial = if date1904 { serial + 1462.0 } else { serial };
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
        assert_eq!(read("２０２４年３月３１日"), by("2024-03-31"));
    }

    #[test]
    fn spans_quarters_half_years_and_chinese_numerals_are_due_at_their_end() {
        assert_eq!(read("2026年第2季度"), by("2026-06-30"));
        assert_eq!(read("2026年第三季度末"), by("2026-09-30"));
        assert_eq!(read("2026年四季度"), by("2026-12-31"));
        assert_eq!(read("2026年3月至6月"), by("2026-06-30"));
        assert_eq!(read("2026年4-12月"), by("2026-12-31"));
        assert_eq!(read("2026年1月—6月"), by("2026-06-30"));
        assert_eq!(read("2026年1月～6月底"), by("2026-06-30"));
        assert_eq!(read("2026年7月1日至12月31日"), by("2026-12-31"));
        assert_eq!(read("2026年3月1日至31日"), by("2026-03-31"));
        assert_eq!(read("2025年10月至2026年3月"), by("2026-03-31"));
        assert_eq!(read("2026年上半年"), by("2026-06-30"));
        assert_eq!(read("2026年下半年"), by("2026-12-31"));
        assert_eq!(read("二〇二六年六月底"), by("2026-06-30"));
        assert_eq!(read("二〇二六年十二月三十一日前"), by("2026-12-31"));
        assert_eq!(read("2026.12"), by("2026-12-31"));
        assert_eq!(read("2026年内"), by("2026-12-31"));
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
    fn what_is_not_a_date_says_why_and_nothing_is_guessed() {
        assert_eq!(read("年底前"), Err("没有写明哪一年".into()));
        assert_eq!(read("6月底"), Err("没有写明哪一年".into()));
        assert_eq!(read("上半年"), Err("没有写明哪一年".into()));
        assert!(read("尽快").unwrap_err().contains("不是日期"));
        assert_eq!(read("2024年13月1日"), Err("不是真实的日期".into()));
        assert_eq!(read("2026年第5季度"), Err("季度只能是第1至第4季度".into()));
        assert!(read("12").is_err(), "a small number is not a day number");
        assert_eq!(read(""), Err("没有填写".into()));
        assert_eq!(read("2026年"), Err("只写了年份，没有写到哪月哪日".into()));
        assert_eq!(read("2026年3-6"), Err("有数字没写明是年、月还是日".into()));
        assert_eq!(
            read("2026年3月至"),
            Err("写了起止，但看不出截止到哪月哪日".into())
        );
        assert_eq!(read("1.2.3.4"), Err(not_a_date()));
    }

    #[test]
    fn the_1904_date_system_counts_from_1904() {
        // 2024-03-31 is day 45382 from 1900 and 43920 from 1904 (Excel for Mac's old default).
        assert_eq!(
            excel_day(43_920.0, true),
            NaiveDate::from_ymd_opt(2024, 3, 31)
        );
        assert_eq!(
            excel_day(45_382.0, false),
            NaiveDate::from_ymd_opt(2024, 3, 31)
        );
    }
}
