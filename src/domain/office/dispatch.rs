//! 调度 (the 四个一 rhythm): for a period, what moved in each 党支部's lists — closed, newly completed, newly
//! overdue, extensions asked, progress notes — what falls due in the next days (临期), which 党支部 said nothing,
//! what changed in each list since the office last had it, the paragraph for the report, and the 督办单 to send.
//!
//! Every row is a 党支部 (`branches::Unit`): both its lists count together, and a 党支部 is silent only when
//! neither list has a note or a new file in the period. What moved is measured against the last file of each list
//! that the office had *before* the period (the files it superseded are kept in the 汇总 set for this), so two
//! hand-ins in one week count the week's whole movement, not only the last step.

use chrono::{Datelike, NaiveDate};

use crate::domain::dates;
use crate::domain::ledger::{due_date, is_finished as finished, is_overdue};
use crate::domain::list::changes::{self, Change};
use crate::domain::list::model::{Deadline, Document, Kind, Measure};
use crate::domain::names;
use crate::domain::office::branches::{exported_on, Branch, Unit};
use crate::domain::office::consolidate::Consolidation;
use crate::domain::office::period::{
    closed_in, days_overdue, due_soon, newly_overdue, notes_in, Period,
};
use crate::domain::office::summary_set::{Issued, MAX_NUMBER};

/// The figures of one 党支部, or of all.
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

/// The 编号 of the `index`-th 督办单 (from 0) of a 调度 whose first is `first` (0 read as 1): 督〔2026〕第3号.
pub fn supervision_number(year: i32, first: u32, index: usize) -> String {
    format!("督〔{year}〕第{}号", u64::from(first.max(1)) + index as u64)
}

/// The period a 督办单 was printed for, as the set keeps it: `2026-11-30..2026-12-06`.
pub fn period_key(period: &Period) -> String {
    format!("{}..{}", dates::iso(period.from), dates::iso(period.to))
}

/// The 编号 each 督办单 of `d` carries, in `to_supervise`'s order: the one its 党支部 was given for this period
/// when its 督办单 was printed before (a 调度 printed again keeps its numbers); else the next free one from
/// `first` (0 read as 1), passing over every number given this year, so no number is given twice.
pub fn supervision_numbers(d: &Dispatch, issued: &[Issued], first: u32) -> Vec<Issued> {
    let year = d.today.year();
    let period = period_key(&d.period);
    let given: std::collections::HashSet<u32> = issued
        .iter()
        .filter(|i| i.year == year)
        .map(|i| i.number)
        .collect();
    let mut next = first.max(1);
    d.to_supervise()
        .map(|b| {
            let branch = names::key(&b.name);
            if let Some(was) = issued
                .iter()
                .find(|i| i.period == period && i.branch == branch)
            {
                return was.clone();
            }
            while given.contains(&next) {
                next = next.saturating_add(1);
            }
            let number = next;
            next = next.saturating_add(1);
            Issued {
                period: period.clone(),
                branch,
                year,
                number,
            }
        })
        .collect()
}

/// The 编号 the office writes for the next 督办单 (`下一份督办单的编号`), read: a whole number from 1 to
/// `MAX_NUMBER`, and not one already given this year.
pub fn next_number(text: &str, issued: &[Issued], year: i32) -> Result<u32, String> {
    let number = text
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=MAX_NUMBER).contains(n))
        .ok_or_else(|| format!("编号应是1到{MAX_NUMBER}之间的整数，请重新填写。"))?;
    let last = issued
        .iter()
        .filter(|i| i.year == year)
        .map(|i| i.number)
        .max();
    match last {
        Some(last) if number <= last => Err(format!(
            "{year}年的督办单已编到第{last}号，第{number}号已经用过或在它之前：请填{}或更大的号，以免重号。",
            last + 1
        )),
        _ => Ok(number),
    }
}

/// A measure a 督办单 names: overdue or due soon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pressing {
    /// Which of the 党支部's lists it is in.
    pub list: Kind,
    /// Whose it is, in a member list.
    pub member: Option<String>,
    /// The problem it belongs to, in words (its 问题表现).
    pub problem: String,
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

    /// `逾期12天` or `临期`: on a 督办单, whose 整改时限 column says the date beside it.
    pub fn short_state(&self) -> String {
        if self.days_overdue > 0 {
            format!("逾期{}天", self.days_overdue)
        } else {
            "临期".to_string()
        }
    }

    /// `党组织清单` or `党员清单（刘洋）`: where the 党支部 finds it.
    pub fn list_label(&self) -> String {
        match &self.member {
            Some(name) => format!("{}（{name}）", self.list.short_name()),
            None => self.list.short_name().to_string(),
        }
    }
}

/// One list of a 党支部 over the period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListDispatch {
    pub kind: Kind,
    /// The revision the office has now.
    pub revision: u32,
    /// The revision its movement is measured from: the last the office had before the period.
    pub baseline: Option<u32>,
    /// Files of it handed in during the period (distinct revisions).
    pub new_files: usize,
    /// What changed from the baseline to the last file of the period.
    pub changes: Vec<Change>,
}

impl ListDispatch {
    /// The line above its changes: `党组织清单：与第2版相比（本期报送2次）`, `…首次报送`, `…本期没有报送新文件`.
    pub fn summary(&self) -> String {
        let kind = self.kind.short_name();
        let times = if self.new_files > 1 {
            format!("（本期报送{}次）", self.new_files)
        } else {
            String::new()
        };
        match (self.new_files, self.baseline) {
            (0, _) => format!("{kind}：本期没有报送新文件。"),
            (_, None) => format!(
                "{kind}：首次报送（第{}版）{times}，没有可比较的上一版。",
                self.revision
            ),
            (_, Some(b)) if self.changes.is_empty() => {
                format!(
                    "{kind}：第{}版与第{b}版相比没有变化{times}。",
                    self.revision
                )
            }
            (_, Some(b)) => format!(
                "{kind}：第{}版与第{b}版相比，改动{}处{times}：",
                self.revision,
                self.changes.len()
            ),
        }
    }
}

/// One 党支部 over the period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BranchDispatch {
    pub name: String,
    pub figures: Figures,
    /// A file of one of its lists was exported in the period.
    pub new_file: bool,
    /// No progress note in the period and no file exported in it, in either list: 未报送进展.
    pub silent: bool,
    /// Its lists, org list first; none for a 党支部 on the 应报送名单 that has handed in nothing.
    pub lists: Vec<ListDispatch>,
    /// Overdue measures of both lists first (most overdue first), then those due soon (soonest first).
    pub pressing: Vec<Pressing>,
}

impl BranchDispatch {
    /// The 调度表's 本期报送 cell.
    pub fn reported(&self) -> &'static str {
        if self.lists.is_empty() {
            "未报送清单"
        } else if self.new_file {
            "有新文件"
        } else if self.silent {
            "未报送进展"
        } else {
            "有进展记录"
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dispatch {
    pub period: Period,
    /// The word for the period in the paragraph: 本周, 本月, or the dates.
    pub name: String,
    pub today: NaiveDate,
    pub branches: Vec<BranchDispatch>,
    pub total: Figures,
    /// The line under the title: 截至…, after the 活动 when it is not the 2023 主题教育.
    pub as_of: String,
    /// What moved in the campaign's other lists, when any was received (`office::other_lists`).
    pub other: Option<crate::domain::office::other_lists::Moved>,
}

impl Dispatch {
    pub fn silent(&self) -> impl Iterator<Item = &BranchDispatch> {
        self.branches.iter().filter(|b| b.silent)
    }

    /// 党支部 a 督办单 goes to: those with overdue or due-soon measures.
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
            crate::domain::office::period::DUE_SOON_DAYS,
        );
        if let Some(other) = &self.other {
            text.push_str(&other.sentence());
        }
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

/// Working days a 党支部 has to answer a 督办单 in writing.
pub const REPLY_WORKING_DAYS: u32 = 3;

impl Dispatch {
    /// What a 督办单 asks: `截至…，你支部有以下整改措施逾期或将在7日内到期，请抓紧整改，并于收到本单后3个工作日内书面答复。`
    pub fn supervision_request(&self) -> String {
        format!(
            "截至{}，你支部有以下整改措施逾期或将在{}日内到期，请抓紧整改，并于收到本单后{REPLY_WORKING_DAYS}个工作日内书面答复。",
            dates::official(self.today),
            crate::domain::office::period::DUE_SOON_DAYS
        )
    }
}

/// 调度 of the 汇总 set for `period` (named `name`), as of `today`: one row per 党支部 of `unit`.
pub fn dispatch(
    c: &Consolidation,
    unit: &Unit,
    period: Period,
    name: &str,
    today: NaiveDate,
) -> Dispatch {
    // Nothing to dispatch before the 活动 began: a period reaching back before it starts with it.
    let period = match c.started() {
        Some(start) if period.from < start && start <= period.to => Period {
            from: start,
            ..period
        },
        _ => period,
    };
    let mut total = Figures::default();
    let branches: Vec<BranchDispatch> = unit
        .branches
        .iter()
        .map(|b| {
            let d = branch_dispatch(c, b, &period, today);
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
        as_of: c.as_of_line(&crate::domain::dates::official(today)),
        other: (!c.registers.is_empty())
            .then(|| crate::domain::office::other_lists::Moved::of(&c.registers, &period)),
    }
}

/// 调度 of one list, at the branch (its 台账): its own movement over the period, without a file before it.
pub fn dispatch_list(doc: &Document, period: Period, name: &str, today: NaiveDate) -> Dispatch {
    let new_file = exported_on(doc).is_some_and(|d| period.contains(d));
    let files = if new_file { 1 } else { 0 };
    let mut figures = Figures::default();
    let mut pressing = Vec::new();
    let list = list_dispatch(
        doc,
        doc,
        None,
        files,
        &period,
        today,
        &mut figures,
        &mut pressing,
    );
    sort_pressing(&mut pressing);
    let branch = BranchDispatch {
        name: doc.header.org_name.trim().to_string(),
        figures,
        new_file,
        silent: figures.notes == 0 && !new_file,
        lists: vec![list],
        pressing,
    };
    Dispatch {
        period,
        name: name.to_string(),
        today,
        total: figures,
        branches: vec![branch],
        as_of: crate::domain::list::campaign::as_of_line(
            &doc.header,
            &crate::domain::dates::official(today),
        ),
        other: None,
    }
}

/// The files of one list to measure a period with: the one the office had last before the period (the baseline),
/// the last one of the period, and how many were handed in during it.
struct Files<'c> {
    baseline: Option<&'c Document>,
    end: &'c Document,
    in_period: usize,
}

fn files_of<'c>(c: &'c Consolidation, current: &'c Document, p: &Period) -> Files<'c> {
    let mut baseline: Option<&Document> = None;
    let mut end: Option<&Document> = None;
    let mut revisions_in: Vec<u32> = Vec::new();
    for (_, d) in c.files_of(&current.id) {
        // A file without an export date (written by hand) is taken as one the office had all along.
        let on = exported_on(d);
        let before = on.is_none_or(|on| on < p.from);
        if before && baseline.is_none_or(|b| d.revision > b.revision) {
            baseline = Some(d);
        }
        if on.is_none_or(|on| on <= p.to) && end.is_none_or(|e| d.revision > e.revision) {
            end = Some(d);
        }
        if on.is_some_and(|on| p.contains(on)) && !revisions_in.contains(&d.revision) {
            revisions_in.push(d.revision);
        }
    }
    Files {
        baseline,
        end: end.unwrap_or(current),
        in_period: revisions_in.len(),
    }
}

fn branch_dispatch(c: &Consolidation, b: &Branch, p: &Period, today: NaiveDate) -> BranchDispatch {
    let mut figures = Figures::default();
    let mut pressing = Vec::new();
    let mut lists = Vec::new();
    for &i in &b.lists {
        let current = &c.lists[i].document;
        let files = files_of(c, current, p);
        lists.push(list_dispatch(
            current,
            files.end,
            files.baseline,
            files.in_period,
            p,
            today,
            &mut figures,
            &mut pressing,
        ));
    }
    sort_pressing(&mut pressing);
    let new_file = lists.iter().any(|l| l.new_files > 0);
    BranchDispatch {
        name: b.name.clone(),
        figures,
        new_file,
        silent: figures.notes == 0 && !new_file,
        lists,
        pressing,
    }
}

/// One list's movement: figures of dates recorded (closed, notes, overdue) from the file the office has now; what
/// was completed or extended, and what changed, from the baseline to the period's last file.
#[allow(clippy::too_many_arguments)]
fn list_dispatch(
    current: &Document,
    end: &Document,
    baseline: Option<&Document>,
    new_files: usize,
    p: &Period,
    today: NaiveDate,
    f: &mut Figures,
    pressing: &mut Vec<Pressing>,
) -> ListDispatch {
    for (member, problem, m) in measures(current) {
        f.closed += usize::from(closed_in(m, p));
        f.notes += notes_in(m, p);
        f.newly_overdue += usize::from(newly_overdue(m, p, today));
        f.overdue += usize::from(is_overdue(m, today));
        f.due_soon += usize::from(due_soon(m, today));
        if is_overdue(m, today) || due_soon(m, today) {
            pressing.push(Pressing {
                list: current.kind,
                member: member.map(str::to_string),
                problem: problem.trim().to_string(),
                content: m.content.trim().to_string(),
                deadline: deadline_text(m),
                lead: match (&m.lead, member) {
                    (Some(lead), _) if !lead.trim().is_empty() => lead.trim().to_string(),
                    (_, Some(name)) => name.to_string(),
                    _ => String::new(),
                },
                days_overdue: days_overdue(m, today),
                due_on: due_date(m),
            });
        }
    }
    if new_files > 0 {
        let before = |id: &str| baseline.and_then(|d| d.all_measures().find(|m| m.id == id));
        for m in end.all_measures() {
            let was = before(&m.id);
            f.completed += usize::from(finished(m) && !was.is_some_and(finished));
            f.extensions += usize::from(
                m.extension.is_some() && was.is_none_or(|w| w.extension != m.extension),
            );
        }
    }
    let changes = match baseline {
        Some(b) if new_files > 0 => changes::between(b, end),
        _ => Vec::new(),
    };
    ListDispatch {
        kind: current.kind,
        revision: current.revision,
        baseline: baseline.map(|d| d.revision),
        new_files,
        changes,
    }
}

fn sort_pressing(pressing: &mut Vec<Pressing>) {
    // The app's one sort (`order`): another instantiation of the standard sorts costs kilobytes of wasm.
    crate::domain::order::sort_by(pressing, |a, b| {
        b.days_overdue
            .cmp(&a.days_overdue)
            .then(a.due_on.cmp(&b.due_on))
    });
}

/// Every measure with, in a member list, whose it is, and the problem it belongs to.
fn measures(doc: &Document) -> impl Iterator<Item = (Option<&str>, &str, &Measure)> {
    doc.all_problems().flat_map(|(member, p)| {
        let who = member.map(|m| m.name.trim());
        p.measures
            .iter()
            .map(move |m| (who, p.description.as_str(), m))
    })
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
