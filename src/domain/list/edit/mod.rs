//! Every change a user can make to a list, as data (`Action`) applied by one pure function (`apply`).
//! The UI only builds actions; what they mean lives here and is tested natively.

use chrono::NaiveDate;

mod header;
mod ledger;
mod members;
mod problems;
mod review;
mod structure;

pub use crate::domain::file::table::paste::Pasted;
pub use crate::domain::ledger::Refused;
use crate::domain::ledger::{check_closing, check_extension, check_update};
pub use crate::domain::list::campaign::CampaignField;
use crate::domain::list::gather::{Plan, Tally};
use crate::domain::list::model::*;
pub use crate::domain::list::vocabulary::Preset;

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

/// Routes an action to the family of changes it belongs to.
fn change(doc: &mut Document, action: Action) -> Outcome {
    match action {
        a @ (Action::SetHeader { .. }
        | Action::SetBatch { .. }
        | Action::SetCampaign { .. }
        | Action::SetCampaignField { .. }
        | Action::UsePreset { .. }
        | Action::AddCategory { .. }
        | Action::RemoveCategory { .. }) => header::change(doc, a),
        a @ (Action::AddProblem { .. }
        | Action::SetProblem { .. }
        | Action::ToggleSource { .. }
        | Action::AddMeasure { .. }
        | Action::SetMeasure { .. }
        | Action::SetDeadline { .. }
        | Action::SetStatus { .. }) => problems::change(doc, a),
        a
        @ (Action::AddMember { .. } | Action::SetMember { .. } | Action::SetMemberType { .. }) => {
            members::change(doc, a)
        }
        a @ (Action::Remove { .. }
        | Action::Restore { .. }
        | Action::AddRoster { .. }
        | Action::Gather { .. }
        | Action::Paste { .. }
        | Action::Move { .. }) => structure::change(doc, a),
        a
        @ (Action::AddUpdate { .. } | Action::SetExtension { .. } | Action::SetClosing { .. }) => {
            ledger::change(doc, a)
        }
        a @ (Action::Acknowledge { .. }
        | Action::Unacknowledge { .. }
        | Action::AttachReview { .. }
        | Action::AnswerComment { .. }
        | Action::MarkRevised { .. }) => review::change(doc, a),
    }
}

#[cfg(test)]
mod tests;
