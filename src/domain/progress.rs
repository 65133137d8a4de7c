//! How far a list is: the required fields of `format.md` that have something in them. Shown while filling in,
//! beside the errors, so the user sees the list grow towards complete.

use super::model::{Deadline, Document, Kind, Measure, Problem};

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

    fn count(&mut self, filled: bool) {
        self.required += 1;
        if filled {
            self.filled += 1;
        }
    }
}

fn has(text: &str) -> bool {
    !text.trim().is_empty()
}

pub fn progress(doc: &Document) -> Progress {
    let org = doc.kind == Kind::Org;
    let h = &doc.header;
    let mut p = Progress::default();
    for (value, needed) in [
        (&h.org_name, true),
        (&h.filed_on, true),
        (&h.filed_by, true),
        (&h.reviewer, org),
    ] {
        if needed {
            p.count(has(value));
        }
    }
    match doc.kind {
        Kind::Org => {
            p.count(!doc.problems.is_empty());
            doc.problems.iter().for_each(|pr| problem(&mut p, pr, org));
        }
        Kind::Member => {
            p.count(!doc.members.is_empty());
            for m in &doc.members {
                p.count(has(&m.name));
                p.count(!m.problems.is_empty());
                m.problems.iter().for_each(|pr| problem(&mut p, pr, org));
            }
        }
    }
    p
}

fn problem(p: &mut Progress, problem: &Problem, org: bool) {
    p.count(has(&problem.category));
    if org {
        p.count(!problem.sources.is_empty());
    }
    p.count(has(&problem.description));
    p.count(!problem.measures.is_empty());
    problem.measures.iter().for_each(|m| measure(p, m, org));
}

fn measure(p: &mut Progress, m: &Measure, org: bool) {
    p.count(has(&m.content));
    p.count(!matches!(&m.deadline, Deadline::ByDate { date } if date.trim().is_empty()));
    if org {
        p.count(has(&m.goal));
        p.count(m.lead.as_deref().is_some_and(has));
        p.count(m.dept.as_deref().is_some_and(has));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::edit::{apply, Action};
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
                crate::domain::edit::ProblemField::Description,
                "说明".into(),
            ),
        );
        assert_eq!(progress(&doc).filled, before.filled + 1);
        assert!(progress(&doc).percent() < 100);
    }
}
