//! Helpers shared by the native integration tests.
#![allow(dead_code)]

use chrono::{DateTime, FixedOffset, NaiveDate};
use std::path::PathBuf;

/// `tests/fixtures/`: the sample files, byte for byte as an independent implementation sealed them.
pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn fixture(name: &str) -> Vec<u8> {
    let path = fixture_path(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// A fixed today, so that the tests do not change with the calendar.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 6, 1).unwrap()
}

pub fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2024-06-01T09:30:00+08:00").unwrap()
}
