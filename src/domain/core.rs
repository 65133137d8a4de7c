//! The shape every page's state machine has, in the style of crux's core: a model changed only by `update`, which
//! takes an event and the moment it happens, and returns effects for the shell to carry out (store this, call me
//! back later, show that). The shell (`ui::store`) holds no rule; a core is tested natively by sending it events.

use chrono::NaiveDate;

/// The moment an event happens, as the shell reads its clock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Now {
    /// Milliseconds on a monotonic clock (the autosave's, and timings shown to the user).
    pub millis: u64,
    /// Today, the computer's local date: what overdue and "not in the future" are measured against.
    pub today: NaiveDate,
    /// The local time as a save time is stored (RFC 3339 with milliseconds).
    pub stamp: String,
}

pub trait Core {
    type Event;
    type Effect;
    fn update(&mut self, event: Self::Event, now: &Now) -> Vec<Self::Effect>;
}
