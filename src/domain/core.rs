//! The shape every page's state machine has, in the style of crux's core: a model changed only by `update`, which
//! takes an event and the moment it happens, and returns effects for the shell to carry out (store this, call me
//! back later, show that). The shell (`ui::store`) holds no rule; a core is tested natively by sending it events.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};

/// The moment an event happens, as the shell reads its clock: the two numbers a browser's `Date` gives at once.
/// The local date and the stored save time are derived only when a rule needs them (a save, a check against
/// today), not at each keystroke: formatting them costs more than the edit a key makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Now {
    /// Milliseconds since 1970 (UTC): the autosave's clock, and timings shown to the user.
    pub millis: u64,
    /// The computer's offset from UTC at that moment, in minutes east (China: 480).
    pub offset_minutes: i32,
}

impl Now {
    /// The moment `t`, with its own offset.
    pub fn of(t: DateTime<FixedOffset>) -> Now {
        Now {
            millis: t.timestamp_millis().max(0) as u64,
            offset_minutes: t.offset().local_minus_utc() / 60,
        }
    }

    /// The moment in the computer's local time.
    pub fn local(&self) -> DateTime<FixedOffset> {
        let offset = FixedOffset::east_opt(self.offset_minutes * 60)
            .unwrap_or(FixedOffset::east_opt(0).expect("zero offset"));
        offset
            .timestamp_millis_opt(self.millis as i64)
            .single()
            .unwrap_or_default()
    }

    /// Today, the computer's local date: what overdue and "not in the future" are measured against.
    pub fn today(&self) -> NaiveDate {
        self.local().date_naive()
    }

    /// The local time as a save time is stored (RFC 3339 with milliseconds: two saves in one second stay ordered).
    pub fn stamp(&self) -> String {
        super::dates::rfc3339_millis(self.local())
    }
}

pub trait Core {
    type Event;
    type Effect;
    fn update(&mut self, event: Self::Event, now: &Now) -> Vec<Self::Effect>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_and_the_save_time_are_the_computers_local_ones() {
        // Half past midnight in China is still the day before in UTC: overdue is measured against the local date.
        let t = DateTime::parse_from_rfc3339("2024-06-01T00:30:05.042+08:00").unwrap();
        let now = Now::of(t);
        assert_eq!(now.offset_minutes, 480);
        assert_eq!(now.today(), NaiveDate::from_ymd_opt(2024, 6, 1).unwrap());
        assert_eq!(now.stamp(), "2024-06-01T00:30:05.042+08:00");
        let west = Now::of(DateTime::parse_from_rfc3339("2024-06-01T23:30:00-05:00").unwrap());
        assert_eq!(west.today(), NaiveDate::from_ymd_opt(2024, 6, 1).unwrap());
    }
}
