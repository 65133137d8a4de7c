//! Every change a user can make to a list, as data (`Action`) applied by one pure function (`apply`).
//! The UI only builds actions; what they mean lives here and is tested natively.

use chrono::NaiveDate;

pub use crate::domain::file::table::paste::Pasted;
pub use crate::domain::ledger::Refused;
use crate::domain::ledger::{check_closing, check_extension, check_update};
pub use crate::domain::list::campaign::CampaignField;
use crate::domain::list::gather::{apply_plan, Plan, Tally};
use crate::domain::list::model::*;
pub use crate::domain::list::vocabulary::Preset;
use crate::domain::list::vocabulary::{FOUR_ASPECTS, SIX_ASPECTS};

/// A text field of the header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderField {
    OrgName,
    ParentOrg,
    FiledOn,
    FiledBy,
    Phone,
    Reviewer,
}

/// A text field of a problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemField {
    Category,
    Description,
    Remark,
}

/// A text field of a measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MeasureField {
    Content,
    Goal,
    Lead,
    Owner,
    Dept,
    Progress,
}

/// A text field of a member.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MemberField {
    Name,
    Position,
    BranchOpinion,
}

/// The three kinds of 整改时限, as the form offers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeadlineKind {
    Immediate,
    ByDate,
    LongTerm,
}

impl DeadlineKind {
    pub const ALL: [DeadlineKind; 3] = [
        DeadlineKind::Immediate,
        DeadlineKind::ByDate,
        DeadlineKind::LongTerm,
    ];

    pub fn of(deadline: &Deadline) -> Self {
        match deadline {
            Deadline::Immediate { .. } => DeadlineKind::Immediate,
            Deadline::ByDate { .. } => DeadlineKind::ByDate,
            Deadline::LongTerm => DeadlineKind::LongTerm,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DeadlineKind::Immediate => "立行立改",
            DeadlineKind::ByDate => "限期整改",
            DeadlineKind::LongTerm => "长期坚持",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetHeader(HeaderField, String),
    SetBatch(Option<Batch>),
    /// 活动 chosen (`None`: the 2023 主题教育); see `campaign::choose`.
    SetCampaign(Option<Campaign>),
    /// A field of a campaign defined by hand (名称, 开始日期, 结束日期).
    SetCampaignField(CampaignField, String),
    UsePreset(Preset),
    AddCategory(String),
    RemoveCategory(String),
    /// A problem for the org list (`member: None`) or for a member.
    AddProblem {
        member: Option<String>,
        id: String,
        measure_id: String,
    },
    SetProblem(String, ProblemField, String),
    ToggleSource(String, Source),
    AddMeasure {
        problem: String,
        id: String,
    },
    SetMeasure(String, MeasureField, String),
    SetDeadline {
        measure: String,
        kind: DeadlineKind,
        date: String,
    },
    SetStatus(String, Status),
    AddMember {
        id: String,
        problem_id: String,
        measure_id: String,
    },
    SetMember(String, MemberField, String),
    SetMemberType(String, Option<MemberType>),
    /// Removes a problem, measure or member by id.
    Remove(String),
    /// Undoes a removal or a gathering.
    Restore(Box<Undo>),
    /// 批量添加党员: members by name (with their new ids), without content yet (未交).
    AddRoster(Vec<(String, String)>),
    /// 收集: a gathering plan (`gather::plan`, made with the user's answers against the list as it is now),
    /// applied as one step.
    Gather(Box<Plan>),
    /// 粘贴表格: the problems and members read from pasted rows, added at the end as one step. A member list's
    /// member whose name is in the list gets the problems under that member; a member without a name (rows
    /// without 姓名) goes to `into` (the member open in step 2).
    Paste {
        pasted: Box<Pasted>,
        into: Option<String>,
    },
    /// Moves a problem, measure or member one place up (-1) or down (+1) among its siblings.
    Move(String, i32),
    /// 进展记录: a dated note, kept oldest first. Refused unless dated between filing and `today`, with text.
    AddUpdate {
        measure: String,
        update: Update,
        today: NaiveDate,
    },
    /// 申请延期 (or taking an extension back with `None`). Refused unless the rules of an extension hold.
    SetExtension {
        measure: String,
        extension: Option<Extension>,
        today: NaiveDate,
    },
    /// 销号 (or reopening with `None`). Refused unless the rules of closing hold.
    SetClosing {
        measure: String,
        closing: Option<Closing>,
        today: NaiveDate,
    },
    Acknowledge {
        path: String,
        rule: String,
        reason: String,
    },
    Unacknowledge {
        path: String,
        rule: String,
    },
    /// 导入 of a review file: the checked review (`review::attach::attaching`) attached, replacing any before it.
    AttachReview(Box<AttachedReview>),
    /// 答复 to the comment on `path` (the same text again confirms an answer kept from the comment's earlier
    /// wording).
    AnswerComment {
        path: String,
        answer: String,
    },
    /// 已修改 on the comment on `path`.
    MarkRevised {
        path: String,
        revised: bool,
    },
}

/// What a removal or a gathering changed, so it can be undone.
// Made once per step and boxed where it travels, so the size of its variants does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Undo {
    /// A gathering: the members as they were before it, and what it did.
    Gathering {
        members: Vec<Member>,
        tally: Tally,
    },
    Problem {
        member: Option<String>,
        index: usize,
        problem: Problem,
    },
    Measure {
        problem: String,
        index: usize,
        measure: Measure,
    },
    Member {
        index: usize,
        member: Member,
    },
    /// 粘贴表格: the problems and members as they were before it, and how many problems and measures it added.
    Pasting {
        problems: Vec<Problem>,
        members: Vec<Member>,
        added: (usize, usize),
    },
}

impl Undo {
    /// What was done, as the undo notice says it.
    pub fn describe(&self) -> String {
        match self {
            Undo::Gathering { tally, .. } => tally.text(),
            Undo::Problem { index, .. } => format!("已删除第{}个问题。", index + 1),
            Undo::Measure { index, .. } => format!("已删除第{}项整改措施。", index + 1),
            Undo::Member { member, .. } if !member.name.trim().is_empty() => {
                format!("已删除党员{}。", member.name.trim())
            }
            Undo::Member { index, .. } => format!("已删除第{}名党员。", index + 1),
            Undo::Pasting {
                added: (problems, measures),
                ..
            } => format!("已粘贴{problems}个问题、{measures}项整改措施，加在清单末尾。"),
        }
    }
}

/// What an action did.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// A value changed; the shape of the list did not (no re-render of the whole list is needed).
    Changed,
    /// Something was added, removed or moved.
    Reshaped,
    /// Something was removed or gathered; keep this to undo it.
    Undoable(Box<Undo>),
    /// Nothing matched (an id that no longer exists): nothing changed.
    Unchanged,
}

fn problems_mut(doc: &mut Document) -> impl Iterator<Item = &mut Problem> {
    doc.problems
        .iter_mut()
        .chain(doc.members.iter_mut().flat_map(|m| m.problems.iter_mut()))
}

fn find_problem<'a>(doc: &'a mut Document, id: &str) -> Option<&'a mut Problem> {
    problems_mut(doc).find(|p| p.id == id)
}

fn find_measure<'a>(doc: &'a mut Document, id: &str) -> Option<&'a mut Measure> {
    problems_mut(doc)
        .flat_map(|p| p.measures.iter_mut())
        .find(|m| m.id == id)
}

fn find_member<'a>(doc: &'a mut Document, id: &str) -> Option<&'a mut Member> {
    doc.members.iter_mut().find(|m| m.id == id)
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

fn new_problem(doc: &Document, member: Option<&str>, id: String, measure_id: String) -> Problem {
    let mut problem = Problem::new(id, next_category(doc, member));
    problem.measures.push(Measure::new(measure_id, doc.kind));
    problem
}

fn set_text(target: Option<&mut String>, value: String) -> Outcome {
    match target {
        Some(slot) if *slot != value => {
            *slot = value;
            Outcome::Changed
        }
        _ => Outcome::Unchanged,
    }
}

/// Applies `action` to `doc`, or refuses it with every reason when a rule of `format.md` forbids it (a ledger
/// step: a progress note, an extension, a closing); a refused action changes nothing.
pub fn apply(doc: &mut Document, action: Action) -> Result<Outcome, Refused> {
    check(doc, &action)?;
    Ok(change(doc, action))
}

/// The rules an action must meet before it changes anything. Only the ledger's steps have any: everything else a
/// user types is kept and checked by the validator, so that a half-written list can always be saved.
fn check(doc: &Document, action: &Action) -> Result<(), Refused> {
    let measure = |id: &str| doc.all_measures().find(|m| m.id == id);
    match action {
        Action::AddUpdate { update, today, .. } => {
            check_update(doc, &update.date, &update.text, *today)
        }
        Action::SetExtension {
            measure: id,
            extension: Some(ext),
            today,
        } => measure(id).map_or(Ok(()), |m| check_extension(doc, m, ext, *today)),
        Action::SetClosing {
            measure: id,
            closing: Some(closing),
            today,
        } => measure(id).map_or(Ok(()), |m| check_closing(doc, m, closing, *today)),
        _ => Ok(()),
    }
}

fn change(doc: &mut Document, action: Action) -> Outcome {
    match action {
        Action::SetHeader(field, value) => {
            let h = &mut doc.header;
            let slot = match field {
                HeaderField::OrgName => &mut h.org_name,
                HeaderField::ParentOrg => &mut h.parent_org,
                HeaderField::FiledOn => &mut h.filed_on,
                HeaderField::FiledBy => &mut h.filed_by,
                HeaderField::Phone => &mut h.phone,
                HeaderField::Reviewer => &mut h.reviewer,
            };
            set_text(Some(slot), value)
        }
        Action::SetBatch(batch) => {
            doc.header.batch = batch;
            Outcome::Changed
        }
        Action::SetCampaign(campaign) => {
            if campaign == doc.header.campaign {
                return Outcome::Unchanged;
            }
            crate::domain::list::campaign::choose(doc, campaign);
            Outcome::Reshaped
        }
        Action::SetCampaignField(field, value) => {
            match crate::domain::list::campaign::set_field(&mut doc.header, field, value) {
                true => Outcome::Changed,
                false => Outcome::Unchanged,
            }
        }
        Action::UsePreset(preset) => {
            // Custom categories stay; a preset only adds what it names.
            let custom: Vec<String> = doc
                .header
                .categories
                .iter()
                .filter(|c| {
                    !SIX_ASPECTS.contains(&c.as_str()) && !FOUR_ASPECTS.contains(&c.as_str())
                })
                .cloned()
                .collect();
            doc.header.categories = preset
                .categories()
                .iter()
                .map(|c| c.to_string())
                .chain(custom)
                .collect();
            Outcome::Reshaped
        }
        Action::AddCategory(name) => {
            let name = name.trim().to_string();
            if name.is_empty() || doc.header.categories.contains(&name) {
                return Outcome::Unchanged;
            }
            doc.header.categories.push(name);
            Outcome::Reshaped
        }
        Action::RemoveCategory(name) => {
            let before = doc.header.categories.len();
            doc.header.categories.retain(|c| *c != name);
            if doc.header.categories.len() == before {
                Outcome::Unchanged
            } else {
                Outcome::Reshaped
            }
        }
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
        Action::AddMember {
            id,
            problem_id,
            measure_id,
        } => {
            let mut member = Member::new(id);
            // A member list has no problems of its own, so the new problem starts in the first category.
            member
                .problems
                .push(new_problem(doc, None, problem_id, measure_id));
            doc.members.push(member);
            Outcome::Reshaped
        }
        Action::SetMember(id, field, value) => {
            let member = find_member(doc, &id);
            set_text(
                member.map(|m| match field {
                    MemberField::Name => &mut m.name,
                    MemberField::Position => &mut m.position,
                    MemberField::BranchOpinion => &mut m.branch_opinion,
                }),
                value,
            )
        }
        Action::SetMemberType(id, member_type) => match find_member(doc, &id) {
            Some(m) => {
                m.member_type = member_type;
                Outcome::Changed
            }
            None => Outcome::Unchanged,
        },
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
        Action::AddUpdate {
            measure, update, ..
        } => match find_measure(doc, &measure) {
            Some(m) => {
                let update = Update {
                    date: update.date.trim().to_string(),
                    text: update.text.trim().to_string(),
                };
                // Oldest first, as format.md keeps them; a note of the same day goes after the ones there.
                let at = m
                    .updates
                    .iter()
                    .position(|u| u.date > update.date)
                    .unwrap_or(m.updates.len());
                m.updates.insert(at, update);
                Outcome::Changed
            }
            None => Outcome::Unchanged,
        },
        Action::SetExtension {
            measure, extension, ..
        } => match find_measure(doc, &measure) {
            Some(m) => {
                // An extension is the status 申请延期; taken back, the measure is in progress again (a status
                // of 申请延期 without an extension would be an error).
                if extension.is_some() {
                    m.status = Status::Extended;
                } else if m.status == Status::Extended {
                    m.status = Status::InProgress;
                }
                m.extension = extension;
                Outcome::Changed
            }
            None => Outcome::Unchanged,
        },
        Action::SetClosing {
            measure, closing, ..
        } => match find_measure(doc, &measure) {
            Some(m) => {
                m.closed = closing;
                Outcome::Changed
            }
            None => Outcome::Unchanged,
        },
        Action::Acknowledge { path, rule, reason } => {
            let reason = reason.trim().to_string();
            match doc
                .acknowledged
                .iter_mut()
                .find(|a| a.path == path && a.rule == rule)
            {
                Some(existing) => existing.reason = reason,
                None => doc
                    .acknowledged
                    .push(Acknowledgement { path, rule, reason }),
            }
            Outcome::Changed
        }
        Action::Unacknowledge { path, rule } => {
            let before = doc.acknowledged.len();
            doc.acknowledged
                .retain(|a| !(a.path == path && a.rule == rule));
            if before == doc.acknowledged.len() {
                Outcome::Unchanged
            } else {
                Outcome::Changed
            }
        }
        Action::AttachReview(review) => {
            doc.review = Some(*review);
            Outcome::Reshaped
        }
        // Answering (or confirming the answer unchanged) answers the comment as it stands now.
        Action::AnswerComment { path, answer } => match comment_mut(doc, &path) {
            Some(c) if c.answer != answer || !c.earlier_text.is_empty() => {
                c.answer = answer;
                c.earlier_text.clear();
                Outcome::Changed
            }
            _ => Outcome::Unchanged,
        },
        Action::MarkRevised { path, revised } => match comment_mut(doc, &path) {
            Some(c) if c.revised != revised => {
                c.revised = revised;
                Outcome::Changed
            }
            _ => Outcome::Unchanged,
        },
    }
}

fn comment_mut<'a>(doc: &'a mut Document, path: &str) -> Option<&'a mut Comment> {
    doc.review
        .as_mut()?
        .comments
        .iter_mut()
        .find(|c| c.path == path)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The actions of these tests are never refused.
    fn apply(doc: &mut Document, action: Action) -> Outcome {
        super::apply(doc, action).expect("not refused")
    }

    fn org() -> Document {
        let mut doc = Document::new(Kind::Org, "doc".into());
        apply(
            &mut doc,
            Action::AddProblem {
                member: None,
                id: "p1".into(),
                measure_id: "m1".into(),
            },
        );
        doc
    }

    #[test]
    fn a_new_problem_comes_with_one_measure_in_the_first_category() {
        let doc = org();
        assert_eq!(doc.problems[0].category, "理论学习");
        assert_eq!(doc.problems[0].measures.len(), 1);
        assert_eq!(
            doc.problems[0].measures[0].lead.as_deref(),
            Some(""),
            "org measures have a lead to fill in"
        );
    }

    #[test]
    fn a_new_problem_takes_the_category_of_the_one_before() {
        let mut doc = org();
        apply(
            &mut doc,
            Action::SetProblem("p1".into(), ProblemField::Category, "工作作风".into()),
        );
        apply(
            &mut doc,
            Action::AddProblem {
                member: None,
                id: "p2".into(),
                measure_id: "m2".into(),
            },
        );
        assert_eq!(doc.problems[1].category, "工作作风");
    }

    #[test]
    fn typing_changes_one_field_and_says_the_shape_is_the_same() {
        let mut doc = org();
        let outcome = apply(
            &mut doc,
            Action::SetMeasure("m1".into(), MeasureField::Content, "每月学习".into()),
        );
        assert_eq!(outcome, Outcome::Changed);
        assert_eq!(doc.problems[0].measures[0].content, "每月学习");
        assert_eq!(
            apply(
                &mut doc,
                Action::SetMeasure("gone".into(), MeasureField::Content, "x".into())
            ),
            Outcome::Unchanged
        );
    }

    #[test]
    fn removing_and_undoing_puts_the_problem_back_where_it_was() {
        let mut doc = org();
        apply(
            &mut doc,
            Action::AddProblem {
                member: None,
                id: "p2".into(),
                measure_id: "m2".into(),
            },
        );
        apply(
            &mut doc,
            Action::AddProblem {
                member: None,
                id: "p3".into(),
                measure_id: "m3".into(),
            },
        );
        let before = doc.clone();
        let Outcome::Undoable(removed) = apply(&mut doc, Action::Remove("p2".into())) else {
            panic!()
        };
        assert_eq!(removed.describe(), "已删除第2个问题。");
        assert_eq!(doc.problems.len(), 2);
        apply(&mut doc, Action::Restore(removed));
        assert_eq!(doc, before);
    }

    #[test]
    fn removing_a_measure_or_member_can_be_undone() {
        let mut doc = Document::new(Kind::Member, "doc".into());
        apply(
            &mut doc,
            Action::AddMember {
                id: "a".into(),
                problem_id: "p1".into(),
                measure_id: "m1".into(),
            },
        );
        apply(
            &mut doc,
            Action::AddMeasure {
                problem: "p1".into(),
                id: "m2".into(),
            },
        );
        apply(
            &mut doc,
            Action::SetMember("a".into(), MemberField::Name, "刘洋".into()),
        );
        let before = doc.clone();
        for id in ["m1", "a"] {
            let Outcome::Undoable(removed) = apply(&mut doc, Action::Remove(id.into())) else {
                panic!()
            };
            apply(&mut doc, Action::Restore(removed));
            assert_eq!(doc, before);
        }
        let Outcome::Undoable(removed) = apply(&mut doc, Action::Remove("a".into())) else {
            panic!()
        };
        assert_eq!(removed.describe(), "已删除党员刘洋。");
    }

    #[test]
    fn member_measures_have_no_lead_or_unit() {
        let mut doc = Document::new(Kind::Member, "doc".into());
        apply(
            &mut doc,
            Action::AddMember {
                id: "a".into(),
                problem_id: "p1".into(),
                measure_id: "m1".into(),
            },
        );
        let m = &doc.members[0].problems[0].measures[0];
        assert!(m.lead.is_none() && m.dept.is_none() && m.owner.is_none());
        assert_eq!(doc.members[0].problems[0].category, "学习贯彻党的创新理论");
    }

    #[test]
    fn moving_swaps_with_the_neighbour_and_stops_at_the_ends() {
        let mut doc = org();
        apply(
            &mut doc,
            Action::AddProblem {
                member: None,
                id: "p2".into(),
                measure_id: "m2".into(),
            },
        );
        assert_eq!(
            apply(&mut doc, Action::Move("p2".into(), -1)),
            Outcome::Reshaped
        );
        assert_eq!(doc.problems[0].id, "p2");
        assert_eq!(
            apply(&mut doc, Action::Move("p2".into(), -1)),
            Outcome::Unchanged
        );
        apply(
            &mut doc,
            Action::AddMeasure {
                problem: "p1".into(),
                id: "m9".into(),
            },
        );
        apply(&mut doc, Action::Move("m9".into(), -1));
        assert_eq!(doc.problems[1].measures[0].id, "m9");
    }

    #[test]
    fn deadlines_take_their_kind_and_date() {
        let mut doc = org();
        apply(
            &mut doc,
            Action::SetDeadline {
                measure: "m1".into(),
                kind: DeadlineKind::ByDate,
                date: "2023-12-31".into(),
            },
        );
        assert_eq!(
            doc.problems[0].measures[0].deadline,
            Deadline::ByDate {
                date: "2023-12-31".into()
            }
        );
        apply(
            &mut doc,
            Action::SetDeadline {
                measure: "m1".into(),
                kind: DeadlineKind::Immediate,
                date: "".into(),
            },
        );
        assert_eq!(
            doc.problems[0].measures[0].deadline,
            Deadline::Immediate { date: None }
        );
        apply(
            &mut doc,
            Action::SetDeadline {
                measure: "m1".into(),
                kind: DeadlineKind::LongTerm,
                date: "2023-12-31".into(),
            },
        );
        assert_eq!(doc.problems[0].measures[0].deadline, Deadline::LongTerm);
    }

    #[test]
    fn sources_toggle_and_keep_the_vocabulary_order() {
        let mut doc = org();
        apply(
            &mut doc,
            Action::ToggleSource("p1".into(), Source::Superior),
        );
        apply(
            &mut doc,
            Action::ToggleSource("p1".into(), Source::Research),
        );
        assert_eq!(
            doc.problems[0].sources,
            vec![Source::Research, Source::Superior]
        );
        apply(
            &mut doc,
            Action::ToggleSource("p1".into(), Source::Research),
        );
        assert_eq!(doc.problems[0].sources, vec![Source::Superior]);
    }

    #[test]
    fn presets_switch_and_custom_categories_stay() {
        let mut doc = org();
        apply(&mut doc, Action::AddCategory("执法规范".into()));
        apply(&mut doc, Action::AddCategory("执法规范".into()));
        apply(&mut doc, Action::UsePreset(Preset::FourAspects));
        assert_eq!(doc.header.categories.len(), 5);
        assert_eq!(doc.header.categories[4], "执法规范");
        apply(&mut doc, Action::RemoveCategory("执法规范".into()));
        assert_eq!(doc.header.categories, FOUR_ASPECTS);
    }

    #[test]
    fn a_kept_warning_is_recorded_once_and_can_be_taken_back() {
        let mut doc = org();
        let ack = |reason: &str| Action::Acknowledge {
            path: "p1.description".into(),
            rule: "description_short".into(),
            reason: reason.into(),
        };
        apply(&mut doc, ack("确属实情"));
        apply(&mut doc, ack(" 上级原话 "));
        assert_eq!(doc.acknowledged.len(), 1);
        assert_eq!(doc.acknowledged[0].reason, "上级原话");
        apply(
            &mut doc,
            Action::Unacknowledge {
                path: "p1.description".into(),
                rule: "description_short".into(),
            },
        );
        assert!(doc.acknowledged.is_empty());
    }

    fn pasted_problem(id: &str, measures: usize) -> Problem {
        let mut problem = Problem::new(id.into(), "理论学习".into());
        for i in 0..measures {
            problem
                .measures
                .push(Measure::new(format!("{id}-m{i}"), Kind::Org));
        }
        problem
    }

    #[test]
    fn pasted_rows_are_added_at_the_end_and_undone_as_one_step() {
        let mut doc = org();
        let before = doc.clone();
        let pasted = Pasted {
            problems: vec![pasted_problem("x1", 2), pasted_problem("x2", 1)],
            members: Vec::new(),
        };
        let outcome = apply(
            &mut doc,
            Action::Paste {
                pasted: Box::new(pasted),
                into: None,
            },
        );
        let ids: Vec<&str> = doc.problems.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["p1", "x1", "x2"]);
        let Outcome::Undoable(undo) = outcome else {
            panic!("a paste can be undone")
        };
        assert_eq!(
            undo.describe(),
            "已粘贴2个问题、3项整改措施，加在清单末尾。"
        );
        apply(&mut doc, Action::Restore(undo));
        assert_eq!(doc, before);
        let nothing = Action::Paste {
            pasted: Box::default(),
            into: None,
        };
        assert_eq!(apply(&mut doc, nothing), Outcome::Unchanged);
    }

    #[test]
    fn pasted_members_join_the_member_of_their_name_or_the_open_one() {
        let mut doc = Document::new(Kind::Member, "doc".into());
        apply(
            &mut doc,
            Action::AddRoster(vec![
                ("a".into(), "王芳".into()),
                ("b".into(), "李强".into()),
            ]),
        );
        let member = |id: &str, name: &str, problem: &str| {
            let mut m = Member::new(id.into());
            m.name = name.into();
            m.problems.push(pasted_problem(problem, 1));
            m
        };
        let pasted = Pasted {
            problems: Vec::new(),
            members: vec![
                member("n1", "王 芳", "x1"),
                member("n2", "赵敏", "x2"),
                member("n3", "", "x3"),
            ],
        };
        apply(
            &mut doc,
            Action::Paste {
                pasted: Box::new(pasted),
                into: Some("b".into()),
            },
        );
        let shape: Vec<(&str, Vec<&str>)> = doc
            .members
            .iter()
            .map(|m| {
                (
                    m.name.as_str(),
                    m.problems.iter().map(|p| p.id.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            [
                ("王芳", vec!["x1"]),
                ("李强", vec!["x3"]),
                ("赵敏", vec!["x2"])
            ]
        );
    }
}
