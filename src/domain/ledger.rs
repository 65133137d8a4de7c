//! 整改台账 (挂账销号): every measure as an entry tracked to its close, the summary figures, the report paragraph,
//! and the rules for progress notes, extensions and closing. Overdue and the 台账编号 are derived, never stored.

use chrono::NaiveDate;

use super::dates;
use crate::domain::list::findings::{Finding, Severity};
use crate::domain::list::model::{
    Closing, Deadline, Document, Extension, Kind, Measure, Status, Update,
};
use crate::domain::list::path::Location;
use crate::domain::list::validate::{validate_measure, Context, Sink};
use crate::domain::papers::print::deadline_text;

/// One measure as the ledger shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// 台账编号: problem position and measure position, e.g. `3-2`. On a member list problems are counted
    /// through the whole list, member after member, so the number stays two parts and unique.
    pub number: String,
    pub measure_id: String,
    /// 姓名 on a member list.
    pub member: String,
    pub category: String,
    pub problem: String,
    pub content: String,
    pub goal: String,
    /// 整改时限 as printed (`2023年12月31日前`), with the extension when there is one.
    pub deadline: String,
    /// The date by which it is due now: the extension's, else the deadline's.
    pub due: Option<NaiveDate>,
    pub lead: String,
    pub dept: String,
    pub status: Status,
    /// The latest progress note, else 完成情况.
    pub latest: String,
    pub overdue: bool,
    /// 临期: due within the next seven days.
    pub due_soon: bool,
    pub closed: bool,
}

impl Entry {
    /// Who answers for it: the 牵头责任人, else (a member list) the member.
    pub fn responsible(&self) -> &str {
        if self.lead.is_empty() {
            &self.member
        } else {
            &self.lead
        }
    }
}

/// The ledger on paper: the entries in runs of one problem each (by the first part of 台账编号), so that its
/// 问题表现 (and 党员) is printed once, merged over its measures, as a filed 台账 is ruled.
pub fn by_problem<'a>(entries: &[&'a Entry]) -> Vec<Vec<&'a Entry>> {
    let problem = |e: &Entry| e.number.split('-').next().unwrap_or("").to_string();
    let mut runs: Vec<Vec<&'a Entry>> = Vec::new();
    for &e in entries {
        match runs.last_mut() {
            Some(run) if problem(run[0]) == problem(e) => run.push(e),
            _ => runs.push(vec![e]),
        }
    }
    runs
}

/// What the ledger table shows: everything, or what the filters keep. Values are the entries' own (a status by
/// its value, names as written), never the labels a select shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub category: String,
    pub status: Option<Status>,
    pub overdue_only: bool,
    pub due_soon_only: bool,
    pub lead: String,
    pub dept: String,
}

impl Filter {
    pub fn keeps(&self, e: &Entry) -> bool {
        (self.category.is_empty() || e.category == self.category)
            && self.status.is_none_or(|s| e.status == s)
            && (!self.overdue_only || e.overdue)
            && (!self.due_soon_only || e.due_soon)
            && (self.lead.is_empty() || e.lead == self.lead)
            && (self.dept.is_empty() || e.dept == self.dept)
    }
}

/// The date a measure is due by now, for overdue: the extension's new date, else a 限期整改 date.
pub fn due_date(m: &Measure) -> Option<NaiveDate> {
    if let Some(d) = m.extension.as_ref().and_then(|e| dates::parse(&e.new_date)) {
        return Some(d);
    }
    match &m.deadline {
        Deadline::ByDate { date } => dates::parse(date),
        _ => None,
    }
}

/// 逾期 (`format.md`): due before today, not done or phased, not closed. Due today is not overdue.
pub fn is_overdue(m: &Measure, today: NaiveDate) -> bool {
    !is_finished(m) && due_date(m).is_some_and(|due| due < today)
}

/// 已完成 or 阶段性完成, or closed: nothing more is due.
pub fn is_finished(m: &Measure) -> bool {
    matches!(m.status, Status::Done | Status::PhasedLongTerm) || m.closed.is_some()
}

/// How far ahead 临期 looks: due within the next seven days, today included.
pub const DUE_SOON_DAYS: u64 = 7;

/// 临期: not finished, not overdue, due within the next `DUE_SOON_DAYS` days (today included).
pub fn due_soon(m: &Measure, today: NaiveDate) -> bool {
    !is_finished(m)
        && due_date(m)
            .is_some_and(|due| today <= due && due < today + chrono::Days::new(DUE_SOON_DAYS))
}

/// Every measure of the document as a ledger entry, in document order.
pub fn entries(doc: &Document, today: NaiveDate) -> Vec<Entry> {
    let mut out = Vec::new();
    for (pi, (member, p)) in doc.all_problems().enumerate() {
        for (mi, m) in p.measures.iter().enumerate() {
            let mut deadline = deadline_text(&m.deadline);
            if let Some(ext) = m
                .extension
                .as_ref()
                .filter(|e| !e.new_date.trim().is_empty())
            {
                deadline = format!(
                    "{deadline}（延期至{}）",
                    dates::official_text(ext.new_date.trim())
                );
            }
            let latest = m
                .updates
                .last()
                .map(|u| format!("{}：{}", dates::official_text(&u.date), u.text.trim()))
                .unwrap_or_else(|| m.progress.trim().to_string());
            out.push(Entry {
                number: format!("{}-{}", pi + 1, mi + 1),
                measure_id: m.id.clone(),
                member: member
                    .map(|x| x.name.trim().to_string())
                    .unwrap_or_default(),
                category: p.category.clone(),
                problem: p.description.trim().to_string(),
                content: m.content.trim().to_string(),
                goal: m.goal.trim().to_string(),
                deadline,
                due: due_date(m),
                lead: m.lead.as_deref().unwrap_or("").trim().to_string(),
                dept: m.dept.as_deref().unwrap_or("").trim().to_string(),
                status: m.status,
                latest,
                overdue: is_overdue(m, today),
                due_soon: due_soon(m, today),
                closed: m.closed.is_some(),
            });
        }
    }
    out
}

/// 整改完成率 in tenths of a percent: (已完成整改 + 阶段性完成并长期坚持) / 措施总数, rounded half up.
/// None when there are no measures: a rate of nothing is not 0%.
pub fn completion_permille(finished: usize, measures: usize) -> Option<u64> {
    if measures == 0 {
        return None;
    }
    let (f, m) = (finished as u64, measures as u64);
    Some((f * 1000 + m / 2) / m)
}

/// `66.7%`, `50%`, or `—` for no measures: one decimal, a trailing `.0` dropped.
pub fn percent_text(permille: Option<u64>) -> String {
    match permille {
        None => "—".to_string(),
        Some(p) if p % 10 == 0 => format!("{}%", p / 10),
        Some(p) => format!("{}.{}%", p / 10, p % 10),
    }
}

/// The word for an overdue measure, as figures and badges say it.
pub const OVERDUE: &str = "逾期";

/// The figures of a ledger (or of a category, or of a whole unit).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub problems: usize,
    pub measures: usize,
    /// Counts by status, in the order of `Status::ALL`.
    pub by_status: [usize; 6],
    pub overdue: usize,
    pub closed: usize,
}

impl Summary {
    pub fn count(&self, status: Status) -> usize {
        let i = Status::ALL.iter().position(|s| *s == status).unwrap_or(0);
        self.by_status[i]
    }

    /// 已完成整改 and 阶段性完成并长期坚持 both count as finished for the rate.
    pub fn finished(&self) -> usize {
        self.count(Status::Done) + self.count(Status::PhasedLongTerm)
    }

    pub fn rate(&self) -> String {
        percent_text(completion_permille(self.finished(), self.measures))
    }

    /// The figures as every page shows them, in this order: the totals, each status, 逾期, 已销号, the rate.
    pub fn figures(&self) -> Vec<(&'static str, String)> {
        let statuses = [
            Status::Done,
            Status::PhasedLongTerm,
            Status::InProgress,
            Status::Extended,
            Status::NotStarted,
            Status::NotDone,
        ];
        let mut out = vec![
            ("问题总数", self.problems.to_string()),
            ("措施总数", self.measures.to_string()),
        ];
        out.extend(statuses.map(|s| (s.label(), self.count(s).to_string())));
        out.push((OVERDUE, self.overdue.to_string()));
        out.push(("已销号", self.closed.to_string()));
        out.push(("整改完成率", self.rate()));
        out
    }

    pub fn add(&mut self, other: &Summary) {
        self.problems += other.problems;
        self.measures += other.measures;
        for (a, b) in self.by_status.iter_mut().zip(other.by_status) {
            *a += b;
        }
        self.overdue += other.overdue;
        self.closed += other.closed;
    }
}

fn summarise<'a>(
    problems: impl Iterator<Item = &'a crate::domain::list::model::Problem>,
    today: NaiveDate,
) -> Summary {
    let mut s = Summary::default();
    for p in problems {
        s.problems += 1;
        for m in &p.measures {
            s.measures += 1;
            let i = Status::ALL.iter().position(|x| *x == m.status).unwrap_or(0);
            s.by_status[i] += 1;
            s.overdue += usize::from(is_overdue(m, today));
            s.closed += usize::from(m.closed.is_some());
        }
    }
    s
}

pub fn summary(doc: &Document, today: NaiveDate) -> Summary {
    summarise(doc.all_problems().map(|(_, p)| p), today)
}

/// The summary of each category in use, in the header's order (categories no problem uses are listed with zeros).
pub fn by_category(doc: &Document, today: NaiveDate) -> Vec<(String, Summary)> {
    let mut names: Vec<String> = doc.header.categories.clone();
    for (_, p) in doc.all_problems() {
        if !names.contains(&p.category) {
            names.push(p.category.clone());
        }
    }
    names
        .into_iter()
        .map(|c| {
            let s = summarise(
                doc.all_problems()
                    .map(|(_, p)| p)
                    .filter(|p| p.category == c),
                today,
            );
            // A problem without a category (a table read without a 类别 column) still gets a row with a name.
            let name = if c.trim().is_empty() {
                UNCATEGORISED.to_string()
            } else {
                c
            };
            (name, s)
        })
        .collect()
}

/// The row of the problems whose category is not filled in, in every table by category.
pub const UNCATEGORISED: &str = "未填类别";

/// The paragraph of an official summary, ready to copy:
/// "截至2023年11月30日，…共检视问题X个，制定整改措施Y项，已完成整改Z项，正在整改W项，整改完成率N%。…"
pub fn report(doc: &Document, today: NaiveDate) -> String {
    let s = summary(doc, today);
    let who = doc.header.org_name.trim();
    let subject = match doc.kind {
        Kind::Org => format!(
            "{who}对照{}目标任务",
            crate::domain::list::campaign::Active::of(&doc.header).short
        ),
        Kind::Member => format!("{who}{}名党员", doc.members.len()),
    };
    paragraph(&dates::official(today), &subject, "检视", &s)
}

/// The sentences of a report from its figures; shared with the consolidation of many branches.
/// `found` is the verb of how the problems were found: 检视 for a branch, 梳理 for a whole unit.
pub fn paragraph(as_of: &str, subject: &str, found: &str, s: &Summary) -> String {
    let mut text = format!(
        "截至{as_of}，{subject}共{found}问题{}个，制定整改措施{}项，已完成整改{}项，正在整改{}项",
        s.problems,
        s.measures,
        s.count(Status::Done),
        s.count(Status::InProgress)
    );
    let extra = [
        (Status::PhasedLongTerm, "阶段性完成并长期坚持"),
        (Status::Extended, "申请延期"),
        (Status::NotStarted, "尚未开始整改"),
        (Status::NotDone, "未完成"),
    ];
    for (status, words) in extra {
        let n = s.count(status);
        if n > 0 {
            text.push_str(&format!("，{words}{n}项"));
        }
    }
    text.push_str(&format!("，整改完成率{}。", s.rate()));
    if s.closed > 0 {
        text.push_str(&format!("已挂账销号{}项。", s.closed));
    }
    if s.overdue > 0 {
        text.push_str(&format!("逾期未完成{}项，需督促加快整改。", s.overdue));
    } else if s.measures > 0 {
        text.push_str("无逾期未完成事项。");
    }
    text
}

/// Why a ledger step was refused: every broken rule, in plain Chinese.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused(pub Vec<String>);

impl Refused {
    pub fn message(&self) -> String {
        self.0.join("")
    }
}

/// Runs the measure rules of `format.md` on `m` as it would be after a ledger step, and refuses the step with the
/// messages of the errors that `concerns` picks. The ledger has no rules of its own, so it cannot drift from them.
fn check_as(
    doc: &Document,
    m: &Measure,
    today: NaiveDate,
    concerns: impl Fn(&Finding) -> bool,
) -> Result<(), Refused> {
    let ctx = Context::of(doc, today);
    let mut sink = Sink::default();
    validate_measure(&ctx, Location::document(), m, &mut sink);
    let reasons: Vec<String> = sink
        .findings
        .into_iter()
        .filter(|f| f.severity == Severity::Error && concerns(f))
        .map(|f| f.message)
        .collect();
    if reasons.is_empty() {
        Ok(())
    } else {
        Err(Refused(reasons))
    }
}

/// A progress note: a date between the filing date and today, and some text.
pub fn check_update(
    doc: &Document,
    date: &str,
    text: &str,
    today: NaiveDate,
) -> Result<(), Refused> {
    let mut m = Measure::new("update".into(), doc.kind);
    m.deadline = Deadline::LongTerm;
    m.updates.push(Update {
        date: date.trim().into(),
        text: text.into(),
    });
    check_as(doc, &m, today, |f| f.path.starts_with("update.updates["))
}

/// An extension: a new date later than the current deadline, a reason and who approved it.
pub fn check_extension(
    doc: &Document,
    m: &Measure,
    ext: &Extension,
    today: NaiveDate,
) -> Result<(), Refused> {
    let mut m = m.clone();
    m.status = Status::Extended;
    m.extension = Some(ext.clone());
    let prefix = format!("{}.extension", m.id);
    check_as(doc, &m, today, |f| f.path.starts_with(&prefix))
}

/// 销号: only a finished measure with its 完成情况 written, on a date between filing and today, by someone.
pub fn check_closing(
    doc: &Document,
    m: &Measure,
    closing: &Closing,
    today: NaiveDate,
) -> Result<(), Refused> {
    let mut m = m.clone();
    m.closed = Some(closing.clone());
    check_as(doc, &m, today, |f| f.rule.starts_with("closing_"))
}

/// The CSV columns of the ledger.
pub const CSV_HEADERS: [&str; 16] = [
    "台账编号",
    "党员",
    "问题类别",
    "问题表现",
    "整改措施",
    "整改目标",
    "整改时限",
    "牵头责任人",
    "责任单位",
    "整改状态",
    "是否逾期",
    "最新进展",
    "销号日期",
    "销号人",
    "销号意见",
    "延期批准人",
];

/// One entry as CSV cells (without a branch column).
pub fn csv_cells(e: &Entry, m: &Measure) -> Vec<String> {
    let closed = m.closed.clone().unwrap_or_default();
    vec![
        e.number.clone(),
        e.member.clone(),
        e.category.clone(),
        e.problem.clone(),
        e.content.clone(),
        e.goal.clone(),
        e.deadline.clone(),
        e.lead.clone(),
        e.dept.clone(),
        e.status.label().to_string(),
        if e.overdue { "逾期" } else { "" }.to_string(),
        e.latest.clone(),
        dates::official_text(&closed.date),
        closed.by,
        closed.opinion,
        m.extension
            .as_ref()
            .map(|x| x.approved_by.clone())
            .unwrap_or_default(),
    ]
}

/// A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return) gets a leading
/// apostrophe, so Excel and WPS show it as text.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

/// CSV bytes: UTF-8 with a BOM (Excel and WPS then read Chinese correctly), CRLF rows, every cell neutralised.
pub fn csv_bytes(headers: &[&str], rows: &[Vec<String>]) -> Vec<u8> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        writer.write_record(headers).expect("writing to memory");
        for row in rows {
            writer
                .write_record(row.iter().map(|c| neutralise(c)))
                .expect("writing to memory");
        }
        writer.flush().expect("writing to memory");
    }
    out
}

/// The ledger of one document as CSV.
pub fn csv(doc: &Document, today: NaiveDate) -> Vec<u8> {
    let measures: Vec<&Measure> = doc.all_measures().collect();
    let rows: Vec<Vec<String>> = entries(doc, today)
        .iter()
        .zip(measures)
        .map(|(e, m)| csv_cells(e, m))
        .collect();
    csv_bytes(&CSV_HEADERS, &rows)
}

/// `整改台账-{org}-{YYYYMMDD of today}.csv`.
pub fn csv_file_name(doc: &Document, today: NaiveDate) -> String {
    let org = doc.header.org_name.trim();
    let name = format!(
        "整改台账-{}-{}",
        if org.is_empty() { "未填单位" } else { org },
        dates::compact(today)
    );
    crate::domain::file::export::windows_safe(&name) + ".csv"
}
