//! 调度's periods (本周, 本月, two dates) and the questions asked of a measure over one: closed, noted, newly
//! overdue, due soon (临期). Weeks start on Monday; both ends of a period belong to it; dates are local dates.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::domain::dates;
use crate::domain::ledger::{due_date, is_overdue};
pub use crate::domain::ledger::{due_soon, DUE_SOON_DAYS};
use crate::domain::list::model::Measure;

/// A span of days, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// 本周: Monday to Sunday of the week holding `day`.
    pub fn week_of(day: NaiveDate) -> Self {
        let from = day - Days::new(u64::from(day.weekday().num_days_from_monday()));
        Period {
            from,
            to: from + Days::new(6),
        }
    }

    /// 本月: the first to the last day of the month holding `day`.
    pub fn month_of(day: NaiveDate) -> Self {
        let from = day.with_day(1).expect("every month has a first day");
        let to = from + Months::new(1) - Days::new(1);
        Period { from, to }
    }

    /// Two dates typed by the user, in either order; `Err` says which is not a date.
    pub fn between(a: &str, b: &str) -> Result<Self, String> {
        let read = |text: &str, which: &str| {
            dates::parse(text)
                .ok_or_else(|| format!("{which}“{text}”不是有效日期，请按“2024-06-03”的格式填写。"))
        };
        let (a, b) = (read(a, "开始日期")?, read(b, "结束日期")?);
        Ok(Period {
            from: a.min(b),
            to: a.max(b),
        })
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// The period of the same length just before this one: "since last time".
    pub fn previous(&self) -> Self {
        let days = (self.to - self.from).num_days() as u64 + 1;
        Period {
            from: self.from - Days::new(days),
            to: self.from - Days::new(1),
        }
    }

    /// `2024年6月3日至2024年6月9日`.
    pub fn label(&self) -> String {
        format!(
            "{}至{}",
            dates::official(self.from),
            dates::official(self.to)
        )
    }

    fn holds(&self, text: &str) -> bool {
        dates::parse(text).is_some_and(|d| self.contains(d))
    }
}

/// What the user chose in 调度: 本周, 本月, or two dates (自定义).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    Week,
    Month,
    Dates,
}

impl Span {
    /// The period chosen as of `today`, with its word for the paragraph (本周, 本月, 本期); `Err` says what to fill
    /// in or which date is not one.
    pub fn period(
        self,
        today: NaiveDate,
        from: &str,
        to: &str,
    ) -> Result<(Period, String), String> {
        match self {
            Span::Week => Ok((Period::week_of(today), "本周".to_string())),
            Span::Month => Ok((Period::month_of(today), "本月".to_string())),
            Span::Dates if from.trim().is_empty() || to.trim().is_empty() => {
                Err("请填写开始日期和结束日期。".to_string())
            }
            Span::Dates => Period::between(from, to).map(|p| (p, "本期".to_string())),
        }
    }
}

/// 销号 in the period.
pub fn closed_in(m: &Measure, p: &Period) -> bool {
    m.closed.as_ref().is_some_and(|c| p.holds(&c.date))
}

/// 进展记录 dated in the period.
pub fn notes_in(m: &Measure, p: &Period) -> usize {
    m.updates.iter().filter(|u| p.holds(&u.date)).count()
}

/// Became overdue during the period: not finished, and its due date fell in the period's days before `today`
/// (due on day D, it is overdue from D + 1).
pub fn newly_overdue(m: &Measure, p: &Period, today: NaiveDate) -> bool {
    is_overdue(m, today)
        && due_date(m).is_some_and(|due| {
            let overdue_from = due + Days::new(1);
            p.contains(overdue_from) && overdue_from <= today
        })
}

/// Days past its due date (0 when not overdue): "逾期N天" on a 督办单.
pub fn days_overdue(m: &Measure, today: NaiveDate) -> i64 {
    match due_date(m) {
        Some(due) if is_overdue(m, today) => (today - due).num_days(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::list::model::{Closing, Deadline, Kind, Status, Update};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn due(date: &str) -> Measure {
        let mut m = Measure::new("m".into(), Kind::Org);
        m.deadline = Deadline::ByDate { date: date.into() };
        m
    }

    #[test]
    fn a_week_runs_monday_to_sunday_and_a_month_first_to_last() {
        // 2024-06-05 is a Wednesday; 2024-06-09 a Sunday; 2024-06-10 a Monday.
        let week = Period::week_of(day(2024, 6, 5));
        assert_eq!((week.from, week.to), (day(2024, 6, 3), day(2024, 6, 9)));
        assert_eq!(
            Period::week_of(day(2024, 6, 9)),
            week,
            "Sunday ends the week"
        );
        assert_eq!(
            Period::week_of(day(2024, 6, 10)).from,
            day(2024, 6, 10),
            "Monday starts one"
        );
        assert_eq!(Period::week_of(day(2024, 1, 1)).from, day(2024, 1, 1));
        assert_eq!(
            Period::week_of(day(2023, 12, 31)).from,
            day(2023, 12, 25),
            "across a year"
        );
        let feb = Period::month_of(day(2024, 2, 14));
        assert_eq!(
            (feb.from, feb.to),
            (day(2024, 2, 1), day(2024, 2, 29)),
            "a leap year"
        );
        assert_eq!(Period::month_of(day(2023, 12, 31)).to, day(2023, 12, 31));
        assert_eq!(week.previous(), Period::week_of(day(2024, 5, 31)));
        assert_eq!(week.label(), "2024年6月3日至2024年6月9日");
    }

    #[test]
    fn a_span_names_its_period() {
        let today = day(2024, 6, 5);
        assert_eq!(
            Span::Week.period(today, "", ""),
            Ok((Period::week_of(today), "本周".into()))
        );
        assert_eq!(Span::Month.period(today, "", "").unwrap().1, "本月");
        assert!(Span::Dates
            .period(today, "", "2024-06-01")
            .unwrap_err()
            .contains("请填写"));
        let (p, name) = Span::Dates
            .period(today, "2024-06-09", "2024-06-03")
            .unwrap();
        assert_eq!((p.from, name.as_str()), (day(2024, 6, 3), "本期"));
    }

    #[test]
    fn both_ends_belong_to_the_period_and_dates_come_in_either_order() {
        let p = Period::between("2024-06-09", "2024-06-03").unwrap();
        assert!(p.contains(day(2024, 6, 3)) && p.contains(day(2024, 6, 9)));
        assert!(!p.contains(day(2024, 6, 2)) && !p.contains(day(2024, 6, 10)));
        assert!(Period::between("2024-06-31", "2024-07-01")
            .unwrap_err()
            .contains("开始日期"));
    }

    #[test]
    fn closings_and_notes_count_by_their_own_dates() {
        let p = Period::week_of(day(2024, 6, 5));
        let mut m = due("2024-06-30");
        m.updates = ["2024-06-02", "2024-06-03", "2024-06-09", "2024-06-10"]
            .iter()
            .map(|d| Update {
                date: d.to_string(),
                text: "x".into(),
            })
            .collect();
        assert_eq!(notes_in(&m, &p), 2);
        m.closed = Some(Closing {
            date: "2024-06-09".into(),
            ..Closing::default()
        });
        assert!(closed_in(&m, &p));
        m.closed = Some(Closing {
            date: "2024-06-10".into(),
            ..Closing::default()
        });
        assert!(!closed_in(&m, &p));
    }

    #[test]
    fn newly_overdue_is_due_the_day_before_the_period_through_yesterday() {
        let p = Period::week_of(day(2024, 6, 5)); // 6-3 … 6-9
        let today = day(2024, 6, 9);
        assert!(
            newly_overdue(&due("2024-06-02"), &p, today),
            "overdue from Monday 6-3"
        );
        assert!(
            newly_overdue(&due("2024-06-08"), &p, today),
            "overdue from today"
        );
        assert!(
            !newly_overdue(&due("2024-06-01"), &p, today),
            "overdue before the week"
        );
        assert!(
            !newly_overdue(&due("2024-06-09"), &p, today),
            "due today is not overdue"
        );
        let mut done = due("2024-06-04");
        done.status = Status::Done;
        assert!(!newly_overdue(&done, &p, today));
        assert_eq!(days_overdue(&due("2024-06-02"), today), 7);
    }

    #[test]
    fn due_soon_is_today_and_the_next_six_days_unfinished() {
        let today = day(2024, 6, 5);
        assert!(due_soon(&due("2024-06-05"), today), "due today");
        assert!(due_soon(&due("2024-06-11"), today), "the seventh day");
        assert!(!due_soon(&due("2024-06-12"), today));
        assert!(!due_soon(&due("2024-06-04"), today), "overdue, not 临期");
        let mut long = Measure::new("m".into(), Kind::Org);
        long.deadline = Deadline::LongTerm;
        assert!(!due_soon(&long, today));
    }
}
