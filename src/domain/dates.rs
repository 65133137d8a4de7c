//! Calendar dates as the format writes them (`YYYY-MM-DD`) and as official documents print them.

use chrono::{DateTime, Datelike, FixedOffset, Months, NaiveDate, Timelike};

// Dates are read and written by hand rather than with chrono's `format`/`parse_from_str`: those bring a whole
// format-string engine into the wasm for four fixed shapes.

/// The years a date of a list may fall in. A year outside is a typo (`0000`, `20233` cut to four digits), not a
/// date of this campaign or of anything it tracks.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// A real calendar date written exactly `YYYY-MM-DD`, in the years 1900–2100; anything else (`2023-2-30`,
/// `2023/10/15`, `0000-01-01`) is `None`.
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
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().ok();
    let year = number(0..4)? as i32;
    if !YEARS.contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

/// `2023-10-15`, as the format and date pickers write dates.
pub fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// RFC 3339 with the offset, to the second: `2024-06-01T09:30:00+08:00` (`meta.exported_at`, "last saved").
pub fn rfc3339(t: DateTime<FixedOffset>) -> String {
    let offset = t.offset().local_minus_utc();
    let sign = if offset < 0 { '-' } else { '+' };
    let offset = offset.abs();
    format!(
        "{}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        iso(t.date_naive()),
        t.hour(),
        t.minute(),
        t.second(),
        offset / 3600,
        offset % 3600 / 60
    )
}

/// RFC 3339 with milliseconds: `2024-06-01T09:30:00.123+08:00`. Drafts are saved several times a second while the
/// user types; the time of the save tells which of two stored copies is newer.
pub fn rfc3339_millis(t: DateTime<FixedOffset>) -> String {
    let seconds = rfc3339(t);
    let millis = t.timestamp_subsec_millis().min(999);
    format!("{}.{millis:03}{}", &seconds[..19], &seconds[19..])
}

/// Milliseconds since 1970 (UTC) of a time written by `rfc3339` or `rfc3339_millis`; None for anything else.
pub fn instant_millis(stored: &str) -> Option<i64> {
    let date = parse(stored.get(0..10)?)?;
    let b = stored.as_bytes();
    if b.get(10) != Some(&b'T') || b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<i64> {
        let s = stored.get(r)?;
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    let (h, m, s) = (digits(11..13)?, digits(14..16)?, digits(17..19)?);
    let (millis, rest) = match stored.get(19..20)? {
        "." => (digits(20..23)?, stored.get(23..)?),
        _ => (0, stored.get(19..)?),
    };
    let offset = match rest.as_bytes() {
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let minutes = rest[1..3].parse::<i64>().ok()? * 60 + rest[4..6].parse::<i64>().ok()?;
            if *sign == b'-' {
                -minutes
            } else {
                minutes
            }
        }
        b"Z" => 0,
        _ => return None,
    };
    let days = date
        .signed_duration_since(NaiveDate::from_ymd_opt(1970, 1, 1)?)
        .num_days();
    Some((((days * 24 + h) * 60 + m - offset) * 60 + s) * 1000 + millis)
}

/// `2024年6月1日 09:30:05`, to the second: to tell apart two saves of the same minute.
pub fn official_time_seconds(stored: &str) -> Option<String> {
    let seconds = stored.get(16..19).filter(|s| {
        let b = s.as_bytes();
        b[0] == b':' && b[1].is_ascii_digit() && b[2].is_ascii_digit()
    })?;
    Some(format!("{}{seconds}", official_time(stored)?))
}

/// `2024年6月1日 09:30` from a time stored by `rfc3339`; None for anything else.
pub fn official_time(stored: &str) -> Option<String> {
    let date = parse(stored.get(0..10)?)?;
    let time = stored.get(11..16)?;
    let shape = time.as_bytes();
    let ok = stored.as_bytes().get(10) == Some(&b'T')
        && shape[2] == b':'
        && shape
            .iter()
            .enumerate()
            .all(|(i, b)| i == 2 || b.is_ascii_digit());
    ok.then(|| format!("{} {time}", official(date)))
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
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
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
    fn years_before_1900_and_after_2100_are_not_dates() {
        assert!(parse("0000-01-01").is_none());
        assert!(parse("1899-12-31").is_none());
        assert!(parse("1900-01-01").is_some());
        assert!(parse("2100-12-31").is_some());
        assert!(parse("2101-01-01").is_none());
        assert!(parse("9999-12-31").is_none());
    }

    #[test]
    fn saved_times_compare_as_instants_whatever_their_offset() {
        let t = DateTime::parse_from_rfc3339("2024-06-01T09:30:05.042+08:00").unwrap();
        assert_eq!(rfc3339_millis(t), "2024-06-01T09:30:05.042+08:00");
        assert_eq!(
            instant_millis("2024-06-01T09:30:05.042+08:00"),
            Some(t.timestamp_millis())
        );
        assert_eq!(
            instant_millis("2024-06-01T01:30:05Z"),
            Some(t.timestamp_millis() - 42)
        );
        // The same instant in another zone, and an older draft saved without milliseconds.
        assert_eq!(
            instant_millis("2024-05-31T20:00:05.042-05:30"),
            instant_millis("2024-06-01T09:30:05.042+08:00")
        );
        assert!(
            instant_millis("2024-06-01T09:30:05+08:00")
                < instant_millis("2024-06-01T09:30:05.001+08:00")
        );
        assert_eq!(instant_millis("2024-06-01 09:30"), None);
        assert_eq!(instant_millis(""), None);
    }

    #[test]
    fn official_dates_are_not_zero_padded() {
        let d = NaiveDate::from_ymd_opt(2023, 9, 5).unwrap();
        assert_eq!(official(d), "2023年9月5日");
        assert_eq!(official_text("2023-12-31"), "2023年12月31日");
    }

    #[test]
    fn times_are_written_in_rfc_3339_with_their_offset() {
        let t = DateTime::parse_from_rfc3339("2024-06-01T09:30:05+08:00").unwrap();
        assert_eq!(rfc3339(t), "2024-06-01T09:30:05+08:00");
        let t = DateTime::parse_from_rfc3339("2024-01-31T23:05:00-05:30").unwrap();
        assert_eq!(rfc3339(t), "2024-01-31T23:05:00-05:30");
        assert_eq!(
            official_time("2024-06-01T09:30:05+08:00").as_deref(),
            Some("2024年6月1日 09:30")
        );
        assert_eq!(official_time("garbage"), None);
        assert_eq!(
            official_time_seconds("2024-06-01T09:30:05.042+08:00").as_deref(),
            Some("2024年6月1日 09:30:05")
        );
        assert_eq!(
            iso(NaiveDate::from_ymd_opt(2023, 9, 5).unwrap()),
            "2023-09-05"
        );
        assert_eq!(
            compact(NaiveDate::from_ymd_opt(2023, 9, 5).unwrap()),
            "20230905"
        );
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
