//! Today, now, and fresh ids, from the browser.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::domain::ids;

/// Today in the computer's own time zone: what "overdue" and "not in the future" are measured against.
pub fn today() -> NaiveDate {
    reading().today()
}

/// Now, with the computer's UTC offset (for `meta.exported_at` and "last saved").
pub fn now() -> DateTime<FixedOffset> {
    reading().local()
}

/// Now as a draft's save time is stored (RFC 3339 with milliseconds: two saves in one second stay ordered).
pub fn now_text() -> String {
    reading().stamp()
}

/// A fresh UUID v4 from the browser's cryptographic random source.
pub fn new_id() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !filled {
        // No crypto (very old browser): Math.random is enough for ids that only need to be unique here.
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    ids::uuid_v4(bytes)
}

/// `2024年6月1日 09:30`, for "last saved".
pub fn local_time_text(stored: &str) -> String {
    crate::domain::dates::official_time(stored).unwrap_or_else(|| "—".to_string())
}

/// The clock's reading as a `domain::core::Core` takes it: one `Date`, read at each event (each keystroke);
/// the core derives the date and the save time from it only when it needs them.
pub fn reading() -> crate::domain::core::Now {
    let d = js_sys::Date::new_0();
    crate::domain::core::Now {
        millis: d.get_time() as u64,
        offset_minutes: -(d.get_timezone_offset() as i32),
    }
}
