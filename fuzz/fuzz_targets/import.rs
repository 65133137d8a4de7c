//! Any bytes through the importer, and whatever it accepts through validation and export: nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rectify::domain::file::{export, import};
use rectify::domain::list::validate;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(imported) = import::import(bytes) {
        let today = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
        let report = validate::validate(&imported.document, today);
        let now = chrono::DateTime::parse_from_rfc3339("2024-06-01T09:30:00+08:00").unwrap();
        let out = export::export(&imported.document, report.is_complete(), now);
        import::import(&out.bytes).expect("an export always imports again");
    }
});
