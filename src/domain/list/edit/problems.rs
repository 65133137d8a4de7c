//! Changes of a problem and its measures: added, their fields, 问题来源, 整改时限 and status.

use super::*;

/// Applies one of the problem and measure actions (`change` routes only those here).
pub(super) fn change(doc: &mut Document, action: Action) -> Outcome {
    match action {
        Action::AddProblem {
            member,
            id,
            measure_id,
        } => {
            let problem = new_problem(doc, member.as_deref(), id, measure_id);
            match member {
                None => doc.problems.push(problem),
                Some(member) => match find_member(doc, &member) {
                    Some(m) => m.problems.push(problem),
                    None => return Outcome::Unchanged,
                },
            }
            Outcome::Reshaped
        }
        Action::SetProblem(id, field, value) => {
            let problem = find_problem(doc, &id);
            set_text(
                problem.map(|p| match field {
                    ProblemField::Category => &mut p.category,
                    ProblemField::Description => &mut p.description,
                    ProblemField::Remark => &mut p.remark,
                }),
                value,
            )
        }
        Action::ToggleSource(id, source) => match find_problem(doc, &id) {
            Some(p) => {
                if p.sources.contains(&source) {
                    p.sources.retain(|s| *s != source);
                } else {
                    // Kept in the order of the vocabulary, so the file and print read the same every time.
                    p.sources.push(source);
                    crate::domain::order::sort_by(&mut p.sources, Ord::cmp);
                }
                Outcome::Changed
            }
            None => Outcome::Unchanged,
        },
        Action::AddMeasure { problem, id } => {
            let kind = doc.kind;
            match find_problem(doc, &problem) {
                Some(p) => {
                    p.measures.push(Measure::new(id, kind));
                    Outcome::Reshaped
                }
                None => Outcome::Unchanged,
            }
        }
        Action::SetMeasure(id, field, value) => {
            let measure = find_measure(doc, &id);
            let slot = measure.map(|m| match field {
                MeasureField::Content => &mut m.content,
                MeasureField::Goal => &mut m.goal,
                MeasureField::Progress => &mut m.progress,
                MeasureField::Lead => m.lead.get_or_insert_with(String::new),
                MeasureField::Owner => m.owner.get_or_insert_with(String::new),
                MeasureField::Dept => m.dept.get_or_insert_with(String::new),
            });
            set_text(slot, value)
        }
        Action::SetDeadline {
            measure,
            kind,
            date,
        } => match find_measure(doc, &measure) {
            Some(m) => {
                let date = date.trim().to_string();
                m.deadline = match kind {
                    DeadlineKind::Immediate => Deadline::Immediate {
                        date: (!date.is_empty()).then_some(date),
                    },
                    DeadlineKind::ByDate => Deadline::ByDate { date },
                    DeadlineKind::LongTerm => Deadline::LongTerm,
                };
                Outcome::Changed
            }
            None => Outcome::Unchanged,
        },
        Action::SetStatus(id, status) => match find_measure(doc, &id) {
            Some(m) => {
                m.status = status;
                Outcome::Changed
            }
            None => Outcome::Unchanged,
        },
        _ => Outcome::Unchanged,
    }
}

/// The category a new problem starts in: the one of the problem before it, else the first in use.
fn next_category(doc: &Document, member: Option<&str>) -> String {
    let previous = match member {
        None => doc.problems.last(),
        Some(id) => doc
            .members
            .iter()
            .find(|m| m.id == id)
            .and_then(|m| m.problems.last()),
    };
    previous
        .map(|p| p.category.clone())
        .or_else(|| doc.header.categories.first().cloned())
        .unwrap_or_default()
}

pub(super) fn new_problem(
    doc: &Document,
    member: Option<&str>,
    id: String,
    measure_id: String,
) -> Problem {
    let mut problem = Problem::new(id, next_category(doc, member));
    problem.measures.push(Measure::new(measure_id, doc.kind));
    problem
}
