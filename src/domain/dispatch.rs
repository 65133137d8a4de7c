//! 调度 (the 四个一 rhythm): for a period, what moved in each branch's list — closed, newly completed, newly
//! overdue, extensions asked, progress notes — what falls due in the next days (临期), which branches said nothing,
//! what changed since each branch's previous file, the paragraph for the report, and the 督办单 to send. The
//! previous file of a branch is the highest superseded revision of the same list in the 汇总 set.

use chrono::NaiveDate;

use super::consolidate::{Branch, Consolidation};
use super::dates;
use super::ledger::{due_date, is_finished as finished, is_overdue};
use super::model::{Deadline, Document, Measure, Problem, Status};
use super::path::Location;
use super::period::{closed_in, days_overdue, due_soon, newly_overdue, notes_in, Period};

/// The figures of one branch, or of all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    /// 销号 dated in the period.
    pub closed: usize,
    /// Finished (已完成 or 阶段性完成) in a file handed in during the period, and not in the file before it.
    pub completed: usize,
    /// Became overdue during the period.
    pub newly_overdue: usize,
    /// An extension in a file handed in during the period that the file before it did not have.
    pub extensions: usize,
    /// 进展记录 dated in the period.
    pub notes: usize,
    /// Overdue now.
    pub overdue: usize,
    /// 临期 now.
    pub due_soon: usize,
}

impl Figures {
    fn add(&mut self, o: &Figures) {
        self.closed += o.closed;
        self.completed += o.completed;
        self.newly_overdue += o.newly_overdue;
        self.extensions += o.extensions;
        self.notes += o.notes;
        self.overdue += o.overdue;
        self.due_soon += o.due_soon;
    }

    /// The columns of the 调度表, in its order.
    pub fn cells(&self) -> [usize; 7] {
        [
            self.closed,
            self.completed,
            self.newly_overdue,
            self.extensions,
            self.notes,
            self.overdue,
            self.due_soon,
        ]
    }
}

/// The 调度表's figure columns.
pub const FIGURE_HEADERS: [&str; 7] = [
    "新销号",
    "新完成",
    "新增逾期",
    "申请延期",
    "进展记录",
    "逾期",
    "临期",
];

/// A measure a 督办单 names: overdue or due soon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pressing {
    /// Where it is in the list: `第2个问题 · 第1项措施`.
    pub location: String,
    pub content: String,
    /// 整改时限 as the ledger says it.
    pub deadline: String,
    /// 牵头责任人 (org lists), or the member (member lists).
    pub lead: String,
    /// Days past due; 0 for a measure due soon.
    pub days_overdue: i64,
    /// The due date (a measure is pressing only when it has one).
    pub due_on: Option<NaiveDate>,
}

impl Pressing {
    /// `逾期12天` or `临期（2024年6月11日到期）`.
    pub fn state(&self) -> String {
        if self.days_overdue > 0 {
            format!("逾期{}天", self.days_overdue)
        } else {
            let due = self.due_on.map(dates::official).unwrap_or_default();
            format!("临期（{due}到期）")
        }
    }
}

/// One branch over the period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BranchDispatch {
    pub name: String,
    pub figures: Figures,
    /// Its current file was exported in the period.
    pub new_file: bool,
    /// No progress note in the period and no file exported in it: 未报送进展.
    pub silent: bool,
    /// What changed since its previous file, one line each; empty without a previous file.
    pub changes: Vec<String>,
    /// The revision its changes are counted from, if it handed in before.
    pub previous_revision: Option<u32>,
    /// Overdue measures first (most overdue first), then those due soon (soonest first).
    pub pressing: Vec<Pressing>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dispatch {
    pub period: Period,
    /// The word for the period in the paragraph: 本周, 本月, or the dates.
    pub name: String,
    pub today: NaiveDate,
    pub branches: Vec<BranchDispatch>,
    pub total: Figures,
}

impl Dispatch {
    pub fn silent(&self) -> impl Iterator<Item = &BranchDispatch> {
        self.branches.iter().filter(|b| b.silent)
    }

    /// Branches a 督办单 goes to: those with overdue or due-soon measures.
    pub fn to_supervise(&self) -> impl Iterator<Item = &BranchDispatch> {
        self.branches.iter().filter(|b| !b.pressing.is_empty())
    }

    /// The paragraph for the report: `本周（…）新销号X项，新完成Y项……截至…逾期Z项，临期W项……`.
    pub fn paragraph(&self) -> String {
        let t = &self.total;
        let mut text = format!(
            "{}（{}），全单位新销号{}项，新完成{}项，新增逾期{}项，申请延期{}项，新增进展记录{}条。截至{}，逾期{}项，临期{}项（{}日内到期）。",
            self.name,
            self.period.label(),
            t.closed,
            t.completed,
            t.newly_overdue,
            t.extensions,
            t.notes,
            dates::official(self.today),
            t.overdue,
            t.due_soon,
            super::period::DUE_SOON_DAYS,
        );
        let silent: Vec<&str> = self.silent().map(|b| b.name.as_str()).collect();
        if silent.is_empty() {
            text.push_str("各党支部均报送了进展。");
        } else {
            text.push_str(&format!(
                "{}个党支部本期未报送进展：{}。",
                silent.len(),
                silent.join("、")
            ));
        }
        let to_supervise = self.to_supervise().count();
        if to_supervise > 0 {
            text.push_str(&format!("拟向{to_supervise}个党支部发督办单。"));
        }
        text
    }
}

/// 调度 of the consolidated set for `period` (named `name`), as of `today`.
pub fn dispatch(c: &Consolidation, period: Period, name: &str, today: NaiveDate) -> Dispatch {
    let mut total = Figures::default();
    let branches: Vec<BranchDispatch> = c
        .branches
        .iter()
        .map(|b| {
            let previous = previous_of(c, b);
            let d = branch_dispatch(&b.document, previous, &period, today);
            total.add(&d.figures);
            d
        })
        .collect();
    Dispatch {
        period,
        name: name.to_string(),
        today,
        branches,
        total,
    }
}

/// 调度 of one list, at the branch (its 台账): its own movement over the period, without a previous file.
pub fn dispatch_list(doc: &Document, period: Period, name: &str, today: NaiveDate) -> Dispatch {
    let branch = branch_dispatch(doc, None, &period, today);
    Dispatch {
        period,
        name: name.to_string(),
        today,
        total: branch.figures,
        branches: vec![branch],
    }
}

/// The highest revision below the branch's own among the superseded files of the same list.
fn previous_of<'a>(c: &'a Consolidation, b: &Branch) -> Option<&'a Document> {
    c.submissions
        .iter()
        .filter_map(|s| s.document.as_ref())
        .filter(|d| d.id == b.document.id && d.revision < b.document.revision)
        .max_by_key(|d| d.revision)
}

fn exported_on(doc: &Document) -> Option<NaiveDate> {
    // The local date the exporter wrote: `2024-06-05T09:30:00+08:00` → 2024-06-05.
    doc.meta
        .as_ref()
        .and_then(|m| m.exported_at.get(..10))
        .and_then(dates::parse)
}

fn branch_dispatch(
    doc: &Document,
    previous: Option<&Document>,
    p: &Period,
    today: NaiveDate,
) -> BranchDispatch {
    let new_file = exported_on(doc).is_some_and(|d| p.contains(d));
    let before = |id: &str| previous.and_then(|d| d.all_measures().find(|m| m.id == id));
    let mut f = Figures::default();
    let mut changes = Vec::new();
    let mut pressing = Vec::new();
    for (location, member, m) in located_measures(doc) {
        let was = before(&m.id);
        f.closed += usize::from(closed_in(m, p));
        f.notes += notes_in(m, p);
        f.newly_overdue += usize::from(newly_overdue(m, p, today));
        f.overdue += usize::from(is_overdue(m, today));
        f.due_soon += usize::from(due_soon(m, today));
        if new_file {
            f.completed += usize::from(finished(m) && !was.is_some_and(finished));
            f.extensions += usize::from(
                m.extension.is_some() && was.is_none_or(|w| w.extension != m.extension),
            );
        }
        if previous.is_some() {
            changes.extend(change_of(&location, was, m));
        }
        if is_overdue(m, today) || due_soon(m, today) {
            pressing.push(Pressing {
                location: location.clone(),
                content: m.content.clone(),
                deadline: deadline_text(m),
                lead: match (&m.lead, member) {
                    (Some(lead), _) if !lead.trim().is_empty() => lead.clone(),
                    (_, Some(name)) => name.to_string(),
                    _ => String::new(),
                },
                days_overdue: days_overdue(m, today),
                due_on: due_date(m),
            });
        }
    }
    if let Some(prev) = previous {
        let now: Vec<&str> = doc.all_measures().map(|m| m.id.as_str()).collect();
        let gone = prev
            .all_measures()
            .filter(|m| !now.contains(&m.id.as_str()))
            .count();
        if gone > 0 {
            changes.push(format!("删除了{gone}项措施"));
        }
    }
    // The app's one sort (`order`): another instantiation of the standard sorts costs kilobytes of wasm.
    super::order::sort_by(&mut pressing, |a, b| {
        b.days_overdue
            .cmp(&a.days_overdue)
            .then(a.due_on.cmp(&b.due_on))
    });
    let silent = f.notes == 0 && !new_file;
    BranchDispatch {
        name: doc.header.org_name.trim().to_string(),
        figures: f,
        new_file,
        silent,
        changes,
        previous_revision: previous.map(|d| d.revision),
        pressing,
    }
}

/// Every measure with where it is and, in a member list, whose it is.
fn located_measures(doc: &Document) -> Vec<(String, Option<&str>, &Measure)> {
    fn push<'d>(
        out: &mut Vec<(String, Option<&'d str>, &'d Measure)>,
        at: Location,
        member: Option<&'d str>,
        problems: &'d [Problem],
    ) {
        for (pi, p) in problems.iter().enumerate() {
            for (mi, m) in p.measures.iter().enumerate() {
                out.push((at.problem(pi).measure(mi).to_string(), member, m));
            }
        }
    }
    let mut out = Vec::new();
    push(&mut out, Location::document(), None, &doc.problems);
    for (i, member) in doc.members.iter().enumerate() {
        let at = Location::member(i, &member.name);
        push(&mut out, at, Some(member.name.as_str()), &member.problems);
    }
    out
}

fn deadline_text(m: &Measure) -> String {
    match (&m.deadline, due_date(m)) {
        (Deadline::LongTerm, _) => "长期坚持".to_string(),
        (_, Some(due)) if m.extension.is_some() => format!("{}（已延期）", dates::official(due)),
        (Deadline::Immediate { .. }, Some(due)) => format!("立行立改，{}前", dates::official(due)),
        (_, Some(due)) => format!("{}前", dates::official(due)),
        _ => "立行立改".to_string(),
    }
}

/// What changed in one measure since the previous file, in words.
fn change_of(location: &str, was: Option<&Measure>, m: &Measure) -> Vec<String> {
    let Some(was) = was else {
        return vec![format!("{location}：新增措施")];
    };
    let mut out = Vec::new();
    if was.status != m.status {
        out.push(format!(
            "{location}：{} → {}",
            was.status.label(),
            m.status.label()
        ));
    }
    if was.closed.is_none() && m.closed.is_some() {
        out.push(format!("{location}：已销号"));
    }
    // An extension usually comes with the status 申请延期, already said above.
    if was.extension.is_none() && m.extension.is_some() && m.status != Status::Extended {
        out.push(format!("{location}：申请延期"));
    }
    let notes = m.updates.len().saturating_sub(was.updates.len());
    if notes > 0 {
        out.push(format!("{location}：新增进展记录{notes}条"));
    }
    out
}
