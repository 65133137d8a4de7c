//! Changes of the list's shape: removing and restoring, moving, 批量添加党员, 收集 and 粘贴表格.

use super::*;
use crate::domain::list::gather::apply_plan;

/// Applies one of the structure actions (`change` routes only those here).
pub(super) fn change(doc: &mut Document, action: Action) -> Outcome {
    match action {
        Action::Remove(id) => remove(doc, &id)
            .map(|r| Outcome::Undoable(Box::new(r)))
            .unwrap_or(Outcome::Unchanged),
        Action::Restore(removed) => restore(doc, *removed),
        Action::AddRoster(names) => {
            let mut added = false;
            for (id, name) in names {
                let name = name.trim().to_string();
                if name.is_empty()
                    || doc
                        .members
                        .iter()
                        .any(|m| crate::domain::names::same(&m.name, &name))
                {
                    continue;
                }
                let mut member = Member::new(id);
                member.name = name;
                doc.members.push(member);
                added = true;
            }
            if added {
                Outcome::Reshaped
            } else {
                Outcome::Unchanged
            }
        }
        Action::Gather(plan) => {
            let members = doc.members.clone();
            let tally = apply_plan(doc, &plan);
            if doc.members == members {
                Outcome::Unchanged
            } else {
                Outcome::Undoable(Box::new(Undo::Gathering { members, tally }))
            }
        }
        Action::Paste { pasted, into } => paste(doc, *pasted, into),
        Action::Move(id, delta) => {
            if move_in(&mut doc.members, &id, delta, |m| &m.id)
                || move_in(&mut doc.problems, &id, delta, |p| &p.id)
                || doc
                    .members
                    .iter_mut()
                    .any(|m| move_in(&mut m.problems, &id, delta, |p| &p.id))
                || problems_mut(doc).any(|p| move_in(&mut p.measures, &id, delta, |m| &m.id))
            {
                Outcome::Reshaped
            } else {
                Outcome::Unchanged
            }
        }
        _ => Outcome::Unchanged,
    }
}

/// Swaps the item `id` with its neighbour; false when `id` is not in `items` or is already at that end.
fn move_in<T>(items: &mut [T], id: &str, delta: i32, id_of: impl Fn(&T) -> &String) -> bool {
    let Some(at) = items.iter().position(|item| id_of(item) == id) else {
        return false;
    };
    let to = at as i64 + i64::from(delta);
    if to < 0 || to >= items.len() as i64 {
        // Found but at the end already: nothing to do, and no other list holds this id.
        return false;
    }
    items.swap(at, to as usize);
    true
}

fn remove(doc: &mut Document, id: &str) -> Option<Undo> {
    if let Some(index) = doc.members.iter().position(|m| m.id == id) {
        let member = doc.members.remove(index);
        return Some(Undo::Member { index, member });
    }
    if let Some(index) = doc.problems.iter().position(|p| p.id == id) {
        let problem = doc.problems.remove(index);
        return Some(Undo::Problem {
            member: None,
            index,
            problem,
        });
    }
    for member in doc.members.iter_mut() {
        if let Some(index) = member.problems.iter().position(|p| p.id == id) {
            let problem = member.problems.remove(index);
            return Some(Undo::Problem {
                member: Some(member.id.clone()),
                index,
                problem,
            });
        }
    }
    for problem in problems_mut(doc) {
        if let Some(index) = problem.measures.iter().position(|m| m.id == id) {
            let measure = problem.measures.remove(index);
            return Some(Undo::Measure {
                problem: problem.id.clone(),
                index,
                measure,
            });
        }
    }
    None
}

/// Adds pasted problems and members (`Action::Paste`); undoable as one step.
fn paste(doc: &mut Document, pasted: Pasted, into: Option<String>) -> Outcome {
    let count = |ps: &[Problem]| (ps.len(), ps.iter().map(|p| p.measures.len()).sum::<usize>());
    let mut added = count(&pasted.problems);
    if added.0 == 0 && pasted.members.iter().all(|m| m.problems.is_empty()) {
        return Outcome::Unchanged;
    }
    let before = (doc.problems.clone(), doc.members.clone());
    match doc.kind {
        Kind::Org => doc.problems.extend(pasted.problems),
        Kind::Member => {
            for member in pasted.members {
                let (problems, measures) = count(&member.problems);
                added = (added.0 + problems, added.1 + measures);
                let name = member.name.trim();
                let same = doc.members.iter_mut().position(|m| {
                    if name.is_empty() {
                        into.as_deref() == Some(m.id.as_str())
                    } else {
                        crate::domain::names::same(&m.name, name)
                    }
                });
                match same {
                    Some(i) => doc.members[i].problems.extend(member.problems),
                    None => doc.members.push(member),
                }
            }
        }
    }
    Outcome::Undoable(Box::new(Undo::Pasting {
        problems: before.0,
        members: before.1,
        added,
    }))
}

fn restore(doc: &mut Document, removed: Undo) -> Outcome {
    fn insert<T>(items: &mut Vec<T>, index: usize, item: T) {
        let at = index.min(items.len());
        items.insert(at, item);
    }
    match removed {
        Undo::Gathering { members, .. } => doc.members = members,
        Undo::Pasting {
            problems, members, ..
        } => (doc.problems, doc.members) = (problems, members),
        Undo::Member { index, member } => insert(&mut doc.members, index, member),
        Undo::Problem {
            member: None,
            index,
            problem,
        } => insert(&mut doc.problems, index, problem),
        Undo::Problem {
            member: Some(member),
            index,
            problem,
        } => match find_member(doc, &member) {
            Some(m) => insert(&mut m.problems, index, problem),
            None => return Outcome::Unchanged,
        },
        Undo::Measure {
            problem,
            index,
            measure,
        } => match find_problem(doc, &problem) {
            Some(p) => insert(&mut p.measures, index, measure),
            None => return Outcome::Unchanged,
        },
    }
    Outcome::Reshaped
}
