//! How far a list is: the required fields of `format.md` that have something in them. Shown while filling in,
//! beside the errors, so the user sees the list grow towards complete.

use crate::domain::list::model::{Deadline, Document, Kind, Measure, Problem};
use crate::domain::list::required::is_required;

/// Filled and required field counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub filled: usize,
    pub required: usize,
}

impl Progress {
    /// Whole percent, rounded down, so 100 only shows when everything is there.
    pub fn percent(self) -> u32 {
        if self.required == 0 {
            return 0;
        }
        (self.filled * 100 / self.required) as u32
    }

    /// Counts the field `key` when a list of `kind` requires it.
    fn count_if(&mut self, kind: Kind, key: &str, filled: bool) {
        if is_required(kind, key) {
            self.required += 1;
            self.filled += usize::from(filled);
        }
    }
}

fn has(text: &str) -> bool {
    !text.trim().is_empty()
}

pub fn progress(doc: &Document) -> Progress {
    let kind = doc.kind;
    let mut p = Progress::default();
    let h = &doc.header;
    for (key, value) in [
        ("org_name", &h.org_name),
        ("filed_on", &h.filed_on),
        ("filed_by", &h.filed_by),
        ("reviewer", &h.reviewer),
    ] {
        p.count_if(kind, key, has(value));
    }
    match kind {
        Kind::Org => {
            p.count_if(kind, "problems", !doc.problems.is_empty());
            doc.problems.iter().for_each(|pr| problem(&mut p, pr, kind));
        }
        Kind::Member => {
            p.count_if(kind, "members", !doc.members.is_empty());
            for m in &doc.members {
                p.count_if(kind, "name", has(&m.name));
                p.count_if(kind, "problems", !m.problems.is_empty());
                m.problems.iter().for_each(|pr| problem(&mut p, pr, kind));
            }
        }
    }
    p
}

fn problem(p: &mut Progress, problem: &Problem, kind: Kind) {
    p.count_if(kind, "category", has(&problem.category));
    p.count_if(kind, "sources", !problem.sources.is_empty());
    p.count_if(kind, "description", has(&problem.description));
    p.count_if(kind, "measures", !problem.measures.is_empty());
    problem.measures.iter().for_each(|m| measure(p, m, kind));
}

fn measure(p: &mut Progress, m: &Measure, kind: Kind) {
    p.count_if(kind, "content", has(&m.content));
    let dated = !matches!(&m.deadline, Deadline::ByDate { date } if date.trim().is_empty());
    p.count_if(kind, "deadline", dated);
    p.count_if(kind, "goal", has(&m.goal));
    p.count_if(kind, "lead", m.lead.as_deref().is_some_and(has));
    p.count_if(kind, "dept", m.dept.as_deref().is_some_and(has));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::list::edit::Action;

    fn apply(doc: &mut Document, action: Action) {
        crate::domain::list::edit::apply(doc, action).expect("not refused");
    }
    use crate::domain::sample::org_list;

    #[test]
    fn a_complete_list_is_at_one_hundred_percent() {
        let p = progress(&org_list(1, "交警大队党支部", 3, 2));
        assert_eq!(p.filled, p.required);
        assert_eq!(p.percent(), 100);
    }

    #[test]
    fn a_new_list_starts_low_and_grows_as_fields_are_filled() {
        let mut doc = Document::new(Kind::Org, "d".into());
        assert_eq!(
            progress(&doc),
            Progress {
                filled: 0,
                required: 5
            }
        );
        apply(
            &mut doc,
            Action::AddProblem {
                member: None,
                id: "p".into(),
                measure_id: "m".into(),
            },
        );
        let before = progress(&doc);
        apply(
            &mut doc,
            Action::SetProblem(
                "p".into(),
                crate::domain::list::edit::ProblemField::Description,
                "说明".into(),
            ),
        );
        assert_eq!(progress(&doc).filled, before.filled + 1);
        assert!(progress(&doc).percent() < 100);
    }
}
