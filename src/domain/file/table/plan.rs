//! The draft a table makes, and what of it could not be read: what the preview shows before 确认导入.

use super::columns::{find_header, Field};
use super::{deadline, header, Table};
use crate::domain::list::model::{Document, Kind, Measure, Member, Problem};
use crate::domain::names::key;

/// What a table makes: the columns as matched (or as the user changed them), the list, and what could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// Each column's heading as the table writes it (or, when it has no header row, its first cell), and the field
    /// it fills.
    pub columns: Vec<(String, Field)>,
    /// Whether the table had a header row; pasted rows often have none.
    pub headed: bool,
    pub document: Document,
    /// What was not read, a sentence each, with the row it is in (第5行).
    pub unread: Vec<String>,
    /// What was read from where, and what the reading put together or left out on purpose (a 续表, a hidden
    /// sheet, one member's rows found in several places), a sentence each.
    pub notes: Vec<String>,
    /// Whether the table's title named the list's campaign; where it did not, the list takes the one the user
    /// works in (the start page's last choice, 汇总's 活动).
    pub campaign_named: bool,
}

impl Plan {
    /// The name of column `i`'s choice: its heading, or for rows without one, what its first row says.
    pub fn column_label(&self, i: usize) -> String {
        let text = self.columns[i].0.replace('\n', "");
        if self.headed {
            format!("第{}列“{text}”导入为", i + 1)
        } else if text.is_empty() {
            format!("第{}列导入为", i + 1)
        } else {
            let short: String = text.chars().take(10).collect();
            let more = if short.len() < text.len() { "…" } else { "" };
            format!("第{}列（第一行是“{short}{more}”）导入为", i + 1)
        }
    }

    pub fn problems(&self) -> usize {
        self.document.problems.len()
            + self
                .document
                .members
                .iter()
                .map(|m| m.problems.len())
                .sum::<usize>()
    }

    pub fn measures(&self) -> usize {
        let of = |ps: &[Problem]| ps.iter().map(|p| p.measures.len()).sum::<usize>();
        of(&self.document.problems)
            + self
                .document
                .members
                .iter()
                .map(|m| of(&m.problems))
                .sum::<usize>()
    }
}

/// Why a table makes no list.
#[derive(Clone, Debug, PartialEq)]
pub enum TableError {
    /// No row names the columns of a list.
    NoHeader,
    /// The columns are there but no row under them has a problem or a measure.
    NoRows,
    TooManyRows,
}

impl TableError {
    pub fn message(&self) -> String {
        match self {
            TableError::NoHeader => "没有找到检视整改问题清单的表格：表格的第一行（表头）应有“问题表现”“整改措施”“整改时限”等列名。请检查是否选对了文件，或把表头改成这些名称后再导入。".into(),
            TableError::NoRows => "找到了清单的表头，但表头下面没有问题和整改措施。请检查文件内容。".into(),
            TableError::TooManyRows => format!("表格超过 {} 行，不像一份检视整改清单，没有导入。请只保留清单所在的表格后再试。", super::MAX_ROWS),
        }
    }
}

/// Reads `table` into a list: with the columns found in its header row, or `columns` when the user chose them
/// (one field per column of the header row). `new_id` gives each member, problem and measure its id. A table
/// whose own columns read no measure is `NoRows`; columns the user chose that read none make an empty plan.
pub fn plan(
    table: &Table,
    columns: Option<&[Field]>,
    new_id: &mut dyn FnMut() -> String,
) -> Result<Plan, TableError> {
    if table.rows.len() > super::MAX_ROWS {
        return Err(TableError::TooManyRows);
    }
    let (at, found) = find_header(table).ok_or(TableError::NoHeader)?;
    // Columns past the last with any text are not columns of the list (and get no choice in the preview).
    let width = table.width();
    let mut fields: Vec<Field> = match columns {
        Some(chosen) => chosen.to_vec(),
        None => found,
    };
    fields.truncate(width);
    let headings: Vec<String> = table.rows[at]
        .iter()
        .take(width)
        .map(|c| c.text.clone())
        .collect();
    let mut lines = table.above.clone();
    lines.extend(table.rows[..at].iter().map(|row| {
        row.iter()
            .map(|c| c.text.as_str())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("    ")
    }));
    // Labelled lines under the table too (审核人：…, 填报人：…): in its rows after the data, or in a Word file after it.
    lines.extend(table.rows[at + 1..].iter().filter_map(|row| {
        let text: Vec<&str> = row
            .iter()
            .map(|c| c.text.as_str())
            .filter(|t| !t.is_empty())
            .collect();
        text.iter()
            .any(|t| t.contains('：') || t.contains(':'))
            .then(|| text.join("    "))
    }));
    lines.extend(table.below.iter().cloned());
    let above = header::read(&lines);
    let kind = if fields.contains(&Field::Name) {
        Kind::Member
    } else {
        above.kind.unwrap_or(Kind::Org)
    };
    let mut document = Document::new(kind, new_id());
    document.header.org_name = above.org_name;
    document.header.filed_on = above.filed_on;
    document.header.filed_by = above.filed_by;
    document.header.reviewer = above.reviewer;
    if let Some(preset) = above.campaign {
        crate::domain::list::campaign::choose(&mut document, preset.campaign());
    }
    // A table none of whose 类别 cells names a category of the list (another campaign's, 六项纪律, a branch's own)
    // brings its own: they become the list's, as written, rather than every problem losing its category.
    let own = own_categories(table, at + 1, &fields, &document.header.categories);
    let own_said = (!own.is_empty()).then(|| {
        format!(
            "表格的问题类别（{}）都不是“六个方面”“四个方面”中的，已按表格的写法作为本清单的类别。",
            own.join("、")
        )
    });
    if !own.is_empty() {
        document.header.categories = own;
    }
    let categories = document.header.categories.clone();
    let rows = Rows {
        table,
        start: at + 1,
        fields: &fields,
        kind,
        categories: &categories,
        then: "导入后请在第2步",
    };
    let plan = finish(
        headings,
        true,
        &fields,
        document,
        rows.read(new_id),
        table.notes.iter().cloned().chain(own_said).collect(),
    );
    let plan = Plan {
        campaign_named: above.campaign.is_some(),
        ..plan
    };
    // Columns the user chose that read nothing still make a plan, so the preview keeps them to choose again.
    if plan.measures() == 0 && columns.is_none() {
        return Err(TableError::NoRows);
    }
    Ok(plan)
}

/// The rows of a table under its header (from `start`), to read as a list of `kind` with `categories`.
pub(super) struct Rows<'a> {
    pub table: &'a Table,
    pub start: usize,
    pub fields: &'a [Field],
    pub kind: Kind,
    pub categories: &'a [String],
    /// When the user can mend what was not read (`Reading::then`).
    pub then: &'static str,
}

impl Rows<'_> {
    pub fn read(&self, new_id: &mut dyn FnMut() -> String) -> Reading {
        let mut reading = Reading {
            kind: self.kind,
            categories: self.categories.to_vec(),
            unread: Vec::new(),
            members: Vec::new(),
            member: None,
            met_again: Vec::new(),
            problems: Vec::new(),
            last: None,
            number: None,
            numbered: 0,
            then: self.then,
        };
        for (i, row) in self.table.rows.iter().enumerate().skip(self.start) {
            reading.row(i + 1, row, self.fields, new_id);
        }
        reading
    }
}

/// The plan of what was read into `document`.
pub(super) fn finish(
    headings: Vec<String>,
    headed: bool,
    fields: &[Field],
    mut document: Document,
    reading: Reading,
    mut notes: Vec<String>,
) -> Plan {
    if reading.numbered > 0 {
        notes.push(format!(
            "去掉了{}处问题或措施前手写的编号（如“1．”“（2）”“①”“一是”）：打印和导出时由本程序编号。",
            reading.numbered
        ));
    }
    notes.extend(reading.met_again.iter().map(|(name, rows)| {
        let rows: Vec<String> = rows.iter().map(|r| r.to_string()).collect();
        format!(
            "党员“{name}”的问题分在表格的几处（第{}行），已合并为一名党员。",
            rows.join("、")
        )
    }));
    match document.kind {
        Kind::Org => document.problems = reading.problems,
        Kind::Member => document.members = reading.members,
    }
    Plan {
        campaign_named: false,
        columns: headings
            .into_iter()
            .zip(fields.iter().copied().chain(std::iter::repeat(Field::Skip)))
            .collect(),
        headed,
        document,
        unread: reading.unread,
        notes,
    }
}

/// The list as it is read, a row at a time.
pub(super) struct Reading {
    kind: Kind,
    categories: Vec<String>,
    unread: Vec<String>,
    members: Vec<Member>,
    /// The member whose rows are being read: the last named.
    member: Option<usize>,
    /// Members whose rows stand in several places of the table (a table sorted by category), with the rows where
    /// their name was met again.
    met_again: Vec<(String, Vec<usize>)>,
    /// An org list's problems; a member list's go into the member being read.
    problems: Vec<Problem>,
    /// The measure of the row before, whose cells a merged cell continues.
    last: Option<Measure>,
    /// The 序号 of the problem being read, when the table numbers its problems.
    number: Option<String>,
    /// How many problems and measures had a number typed before them (taken off).
    numbered: usize,
    /// When the user can mend what was not read, as its sentence ends: "导入后请在第2步" for a file.
    then: &'static str,
}

impl Reading {
    fn problems(&mut self) -> &mut Vec<Problem> {
        match (self.kind, self.member) {
            (Kind::Member, Some(m)) => &mut self.members[m].problems,
            _ => &mut self.problems,
        }
    }

    /// The member a row names becomes the one whose rows are read: one already read when the name is theirs
    /// (however it is spaced: 王　芳 is 王芳), else a new one.
    fn member_named(&mut self, name: &str, number: usize, new_id: &mut dyn FnMut() -> String) {
        let named = key(name);
        match self.members.iter().position(|m| key(&m.name) == named) {
            Some(m) if Some(m) == self.member => {}
            Some(m) => {
                self.member = Some(m);
                self.last = None;
                let who = self.members[m].name.clone();
                match self.met_again.iter_mut().find(|(n, _)| *n == who) {
                    Some((_, rows)) => rows.push(number),
                    None => self.met_again.push((who, vec![number])),
                }
            }
            None => {
                let mut member = Member::new(new_id());
                member.name = name.to_string();
                self.members.push(member);
                self.member = Some(self.members.len() - 1);
                self.last = None;
            }
        }
    }

    fn row(
        &mut self,
        number: usize,
        row: &[super::Cell],
        fields: &[Field],
        new_id: &mut dyn FnMut() -> String,
    ) {
        let r = Row { cells: row, fields };
        self.say_uncomputed(number, &r);
        let measure_text = self.unnumbered(&r, Field::Measure);
        let has_measure = !measure_text.is_empty()
            || !r.text(Field::Goal).is_empty()
            || !r.text(Field::Deadline).is_empty();
        let problem_text = if r.fresh(Field::Problem) {
            self.unnumbered(&r, Field::Problem)
        } else {
            r.text(Field::Problem)
        };
        // A line of labels under the table (审核人：张伟    填报人：王芳), whatever column its cells fall in.
        let labels_only = measure_text.is_empty()
            && problem_text.is_empty()
            && row
                .iter()
                .filter(|c| !c.text.trim().is_empty())
                .all(|c| c.text.contains('：') || c.text.contains(':'));
        if labels_only || (!has_measure && problem_text.is_empty()) {
            return; // an empty row, a 合计 or a signature line
        }
        // A name written again under itself (a template merged per problem) is the same member, and so is a name
        // met again further down (a table sorted by category).
        if self.kind == Kind::Member && (r.fresh(Field::Name) || self.members.is_empty()) {
            self.member_named(&r.text(Field::Name), number, new_id);
        }
        self.problem_of(number, &r, problem_text, new_id);
        if !has_measure {
            self.unread.push(format!(
                "第{number}行：问题没有整改措施，{}补上。",
                self.then
            ));
            return;
        }
        let measure = self.measure_of(number, &r, measure_text, new_id);
        self.last = Some(measure.clone());
        if let Some(problem) = self.problems().last_mut() {
            problem.measures.push(measure);
        }
    }

    /// Formulas whose result the file does not hold: something unknown, said (never read as empty).
    fn say_uncomputed(&mut self, number: usize, r: &Row) {
        let uncomputed: Vec<String> = (r.fields.iter())
            .zip(r.cells)
            .filter(|(f, c)| c.uncomputed && **f != Field::Skip)
            .map(|(f, _)| f.label().to_string())
            .collect();
        if !uncomputed.is_empty() {
            self.unread.push(format!(
                "第{number}行：{}是公式，文件里没有保存它算出的内容（保存它的程序不计算公式），没有读入。请用 Excel 或 WPS 打开文件保存一次再导入，或{}填写。",
                uncomputed.join("、"),
                self.then
            ));
        }
    }

    /// A cell's text without the hand numbering at its start (1． （2） ③ 一是), counted to be said once.
    fn unnumbered(&mut self, r: &Row, field: Field) -> String {
        let (t, had) = super::words::without_numbering(&r.text(field));
        self.numbered += usize::from(had);
        t
    }

    /// The row's problem: the one above when its text is written again (unless its 序号 or category says it is
    /// another with the same words), else a new one.
    fn problem_of(
        &mut self,
        number: usize,
        r: &Row,
        problem_text: String,
        new_id: &mut dyn FnMut() -> String,
    ) {
        let number_cell = r.fresh(Field::Number).then(|| r.text(Field::Number));
        let category_cell = r.fresh(Field::Category).then(|| r.text(Field::Category));
        let same_problem = self.problems_ref().last().is_some_and(|p| {
            !r.fresh(Field::Problem)
                || (p.description == problem_text
                    && number_cell
                        .as_ref()
                        .is_none_or(|n| Some(n) == self.number.as_ref())
                    && category_cell
                        .as_deref()
                        .is_none_or(|c| self.category_matches(c, &p.category)))
        });
        if number_cell.is_some() {
            self.number = number_cell;
        }
        if !same_problem {
            let category = self.category(number, &r.text(Field::Category));
            let mut problem = Problem::new(new_id(), category);
            problem.description = problem_text;
            problem.remark = r.text(Field::Remark);
            problem.sources = self.sources(number, &r.text(Field::Source));
            self.problems().push(problem);
        }
    }

    /// The row's measure, a cell merged down over several measures (牵头责任人 or 整改时限 for all of a problem's)
    /// being each one's.
    fn measure_of(
        &mut self,
        number: usize,
        r: &Row,
        content: String,
        new_id: &mut dyn FnMut() -> String,
    ) -> Measure {
        let above = self.last.take();
        let merged = |field: Field| r.cell(field).is_some_and(|c| c.continued) && above.is_some();
        let from_above = |get: fn(&Measure) -> String| above.as_ref().map(get).unwrap_or_default();
        let mut measure = Measure::new(new_id(), self.kind);
        measure.content = content;
        measure.goal = if merged(Field::Goal) {
            from_above(|m| m.goal.clone())
        } else {
            r.text(Field::Goal)
        };
        measure.progress = if merged(Field::Progress) {
            from_above(|m| m.progress.clone())
        } else {
            r.text(Field::Progress)
        };
        // 整改状态 from its own column, else from what 完成情况 starts with: a 台账 under way stays under way.
        let said = match r.text(Field::Status) {
            s if !s.is_empty() => Some(s),
            _ => Some(measure.progress.clone()).filter(|p| super::words::status(p).is_some()),
        };
        let written = r.text(Field::Deadline);
        match (&above, deadline::read(&written)) {
            (Some(a), _) if merged(Field::Deadline) => measure.deadline = a.deadline.clone(),
            (_, Ok(d)) => measure.deadline = d,
            (_, Err(_)) if written.is_empty() => {
                self.unread
                    .push(format!("第{number}行：没有整改时限，{}填写。", self.then));
            }
            (_, Err(why)) => self.unread.push(format!(
                "第{number}行：整改时限“{written}”{why}，没有读入，{}填写。",
                self.then
            )),
        }
        if self.kind == Kind::Org {
            let or_above = |field: Field, get: fn(&Measure) -> Option<String>| {
                Some(if merged(field) {
                    above.as_ref().and_then(get).unwrap_or_default()
                } else {
                    r.text(field)
                })
            };
            measure.lead = or_above(Field::Lead, |m| m.lead.clone());
            measure.owner = or_above(Field::Owner, |m| m.owner.clone());
            measure.dept = or_above(Field::Unit, |m| m.dept.clone());
        }
        if let Some(said) = said {
            self.status(number, &said, &mut measure);
        }
        measure
    }

    /// The sources a 问题来源 cell names; the words that name none are said.
    fn sources(&mut self, number: usize, written: &str) -> Vec<crate::domain::list::model::Source> {
        let (found, unknown) = super::words::sources(written);
        if !unknown.is_empty() {
            self.unread.push(format!(
                "第{number}行：问题来源“{}”不是规定的来源（征求意见、检视剖析、调查研究、上级点评、巡视巡察、审计、推动发展、谈心谈话、其他）之一，没有读入，{}勾选。",
                unknown.join("、"),
                self.then
            ));
        }
        found
    }

    /// The 整改状态 a cell says, as the rules allow it on `measure`: 已完成 of a 长期坚持 measure is 阶段性完成并长期
    /// 坚持; 延期 without its new date and approver (which a table does not say) stays 正在整改, and is said.
    fn status(&mut self, number: usize, written: &str, measure: &mut Measure) {
        use crate::domain::list::model::{Deadline, Status};
        let Some(status) = super::words::status(written) else {
            self.unread.push(format!(
                "第{number}行：整改状态“{written}”看不出是哪种状态，按“未整改”导入，{}修改。",
                self.then
            ));
            return;
        };
        measure.status = match status {
            Status::Done if measure.deadline == Deadline::LongTerm => Status::PhasedLongTerm,
            Status::Extended => {
                self.unread.push(format!(
                    "第{number}行：整改状态是延期，但表格里没有新的时限和批准人，按“正在整改”导入，导入后请在整改台账中办理延期。"
                ));
                Status::InProgress
            }
            other => other,
        };
    }

    fn problems_ref(&self) -> &[Problem] {
        match (self.kind, self.member) {
            (Kind::Member, Some(m)) => &self.members[m].problems,
            _ => &self.problems,
        }
    }

    /// Whether a category cell names `category` (the one a problem was given).
    fn category_matches(&self, written: &str, category: &str) -> bool {
        self.known_category(written).unwrap_or_default() == category
    }

    /// The list's category a cell names, without a word when it names none.
    fn known_category(&self, written: &str) -> Option<String> {
        let core = category_core(written);
        if core.is_empty() {
            return Some(String::new());
        }
        self.categories
            .iter()
            .find(|c| c.contains(&core) || core.contains(c.as_str()))
            .cloned()
    }

    /// The list's category a cell names (政治素质方面 → 政治素质; 一、理论学习 → 理论学习), or "" with a word why.
    fn category(&mut self, number: usize, written: &str) -> String {
        match self.known_category(written) {
            Some(category) => category,
            None => {
                self.unread.push(format!(
                    "第{number}行：问题类别“{written}”不是本清单的类别（{}）之一，已留空，{}选择。",
                    self.categories.join("、"),
                    self.then
                ));
                String::new()
            }
        }
    }
}

/// The categories a table's 类别 column names, in the order met, when none of them is one of `known` (else none:
/// the list's own categories stay, and a cell that names none of them is said).
fn own_categories(table: &Table, start: usize, fields: &[Field], known: &[String]) -> Vec<String> {
    let Some(column) = fields.iter().position(|f| *f == Field::Category) else {
        return Vec::new();
    };
    let mut found: Vec<String> = Vec::new();
    for row in table.rows.iter().skip(start) {
        let Some(cell) = row.get(column).filter(|c| !c.continued) else {
            continue;
        };
        let core = category_core(&cell.text);
        // 12 characters at most: a sentence in the column is no category.
        if core.is_empty() || core.chars().count() > 12 {
            continue;
        }
        if known
            .iter()
            .any(|c| c.contains(&core) || core.contains(c.as_str()))
        {
            return Vec::new();
        }
        if !found.contains(&core) {
            found.push(core);
        }
    }
    found
}

/// A category cell's words without numbering and the words 方面 and 问题.
fn category_core(written: &str) -> String {
    written
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .trim_start_matches(|c: char| {
            c.is_ascii_digit() || "一二三四五六七八九十、.．()（）".contains(c)
        })
        .trim_end_matches("方面")
        .trim_end_matches("问题")
        .to_string()
}

/// One row of a table, read through the fields its columns were matched to.
struct Row<'a> {
    cells: &'a [super::Cell],
    fields: &'a [Field],
}

impl Row<'_> {
    fn cell(&self, field: Field) -> Option<&super::Cell> {
        (self.fields.iter())
            .position(|f| *f == field)
            .and_then(|i| self.cells.get(i))
    }

    fn text(&self, field: Field) -> String {
        (self.cell(field))
            .map(|c| c.text.trim().to_string())
            .unwrap_or_default()
    }

    /// A cell under a merge, or empty, is "the same as above" for the member and the problem; a formula whose
    /// result the file does not hold is not: it is something unknown, said apart.
    fn fresh(&self, field: Field) -> bool {
        (self.cell(field))
            .is_some_and(|c| c.uncomputed || (!c.continued && !c.text.trim().is_empty()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::file::table::counting_ids;
    use crate::domain::file::table::Cell;
    use crate::domain::list::model::Deadline;

    fn row(cells: &[&str]) -> Vec<Cell> {
        Cell::row(cells)
    }

    /// The office's template: a title, the 填报 line, the header, a problem merged over its measures.
    fn org_table() -> Table {
        Table {
            above: vec![],
            notes: vec![],
            below: vec![],
            rows: vec![
                row(&[
                    "交警大队党支部检视整改问题清单",
                    "^",
                    "^",
                    "^",
                    "^",
                    "^",
                    "^",
                ]),
                row(&[
                    "填报单位：交警大队党支部",
                    "",
                    "",
                    "",
                    "填报日期：2024年3月1日",
                    "",
                    "",
                ]),
                row(&[
                    "序号",
                    "问题类别",
                    "问题表现",
                    "整改措施",
                    "整改时限",
                    "牵头责任人",
                    "完成情况",
                ]),
                row(&[
                    "1",
                    "理论学习方面",
                    "学习不深入",
                    "每周集中学习",
                    "2024年3月31日前",
                    "张伟",
                    "已开始",
                ]),
                row(&["^", "^", "^", "撰写心得", "长期坚持", "张伟", ""]),
                row(&[
                    "2",
                    "工作作风",
                    "调研不够",
                    "每月下基层",
                    "立行立改",
                    "李强",
                    "",
                ]),
                row(&["", "", "", "建立台账", "年底前", "", ""]),
                row(&["3", "文风会风", "材料冗长", "精简文件", "", "", ""]),
                row(&["", "", "", "", "", "", ""]),
                row(&["填报人：王芳", "", "", "", "", "", ""]),
            ],
        }
    }

    #[test]
    fn an_org_table_with_merged_problems_makes_each_problem_once_with_its_measures() {
        let plan = plan(&org_table(), None, &mut counting_ids()).unwrap();
        let doc = &plan.document;
        assert_eq!(doc.kind, Kind::Org);
        assert_eq!(doc.header.org_name, "交警大队党支部");
        assert_eq!(doc.header.filed_on, "2024-03-01");
        assert_eq!(plan.problems(), 3);
        assert_eq!(plan.measures(), 5);
        let first = &doc.problems[0];
        assert_eq!(
            (first.category.as_str(), first.description.as_str()),
            ("理论学习", "学习不深入")
        );
        assert_eq!(
            first.measures[0].deadline,
            Deadline::ByDate {
                date: "2024-03-31".into()
            }
        );
        assert_eq!(first.measures[1].deadline, Deadline::LongTerm);
        assert_eq!(first.measures[0].lead.as_deref(), Some("张伟"));
        assert_eq!(
            first.measures[1].deadline,
            Deadline::LongTerm,
            "its own deadline, not the merge's"
        );
        assert_eq!(first.measures[0].progress, "已开始");
        assert_eq!(
            doc.problems[1].measures[0].deadline,
            Deadline::Immediate { date: None }
        );
        assert_eq!(
            doc.problems[1].measures.len(),
            2,
            "an empty problem cell is the problem above"
        );
    }

    #[test]
    fn a_table_of_another_campaigns_categories_brings_them_as_the_lists_own() {
        let table = Table {
            above: vec!["党纪学习教育检视整改问题清单".into()],
            notes: vec![],
            below: vec![],
            rows: vec![
                row(&["问题类别", "问题表现", "整改措施", "整改时限"]),
                row(&[
                    "一、政治纪律方面",
                    "学习条例不深入",
                    "逐章逐条学",
                    "2024年7月底",
                ]),
                row(&[
                    "二、廉洁纪律方面",
                    "公务接待把关不严",
                    "建立接待台账",
                    "长期坚持",
                ]),
                row(&[
                    "二、廉洁纪律方面",
                    "公车使用登记不全",
                    "每月核对",
                    "长期坚持",
                ]),
            ],
        };
        let plan = plan(&table, None, &mut counting_ids()).unwrap();
        assert_eq!(plan.document.header.categories, ["政治纪律", "廉洁纪律"]);
        let campaign = plan
            .document
            .header
            .campaign
            .as_ref()
            .map(|c| c.name.as_str());
        assert_eq!(
            campaign,
            Some("党纪学习教育"),
            "the title names the campaign"
        );
        assert_eq!(plan.document.header.org_name, "", "and no 党组织");
        let categories: Vec<&str> = plan
            .document
            .problems
            .iter()
            .map(|p| p.category.as_str())
            .collect();
        assert_eq!(categories, ["政治纪律", "廉洁纪律", "廉洁纪律"]);
        assert!(plan.unread.is_empty(), "{:?}", plan.unread);
        assert!(plan
            .notes
            .iter()
            .any(|n| n.contains("已按表格的写法作为本清单的类别")));
    }

    #[test]
    fn a_cell_merged_over_several_measures_is_each_measures() {
        let table = Table {
            above: vec![],
            notes: vec![],
            below: vec![],
            rows: vec![
                row(&["问题表现", "整改措施", "整改时限", "牵头责任人", "责任单位"]),
                row(&["学习不深入", "每周学习", "2024年6月底", "张伟", "办公室"]),
                row(&["^", "撰写心得", "^", "^", ""]),
                row(&["调研不够", "下基层", "立行立改", "^", "^"]),
            ],
        };
        let plan = plan(&table, None, &mut counting_ids()).unwrap();
        let all: Vec<(Deadline, Option<String>, Option<String>)> = plan
            .document
            .problems
            .iter()
            .flat_map(|p| &p.measures)
            .map(|m| (m.deadline.clone(), m.lead.clone(), m.dept.clone()))
            .collect();
        let june = Deadline::ByDate {
            date: "2024-06-30".into(),
        };
        let some = |s: &str| Some(s.to_string());
        assert_eq!(
            all,
            [
                (june.clone(), some("张伟"), some("办公室")),
                (june, some("张伟"), some("")),
                (Deadline::Immediate { date: None }, some("张伟"), some("")),
            ],
            "an empty cell is empty; a merged one is the one above"
        );
        assert!(plan.unread.is_empty(), "{:?}", plan.unread);
    }

    #[test]
    fn what_could_not_be_read_is_said_with_its_row() {
        let plan = plan(&org_table(), None, &mut counting_ids()).unwrap();
        assert_eq!(
            plan.unread,
            [
                "第7行：整改时限“年底前”没有写明哪一年，没有读入，导入后请在第2步填写。",
                "第8行：问题类别“文风会风”不是本清单的类别（理论学习、政治素质、能力本领、担当作为、工作作风、廉洁自律）之一，已留空，导入后请在第2步选择。",
                "第8行：没有整改时限，导入后请在第2步填写。",
            ]
        );
        assert_eq!(plan.document.problems[2].category, "");
    }

    #[test]
    fn a_member_table_groups_problems_under_each_name() {
        let table = Table {
            above: vec!["治安大队党支部党员检视整改问题清单".into()],
            notes: vec![],
            below: vec![],
            rows: vec![
                row(&["姓名", "方面", "具体问题", "整改措施", "整改时限", "备注"]),
                row(&[
                    "王芳",
                    "学习贯彻党的创新理论",
                    "学用脱节",
                    "读原著",
                    "2024-06-30",
                    "无",
                ]),
                row(&["^", "^", "^", "写笔记", "2024.6.30", ""]),
                row(&["^", "联系服务群众", "走访少", "每月走访", "长期坚持", ""]),
                row(&[
                    "李强",
                    "发挥先锋模范作用",
                    "带头不够",
                    "承担急难任务",
                    "立行立改",
                    "",
                ]),
            ],
        };
        let plan = plan(&table, None, &mut counting_ids()).unwrap();
        let doc = &plan.document;
        assert_eq!(doc.kind, Kind::Member);
        assert_eq!(doc.header.org_name, "治安大队党支部");
        let names: Vec<_> = doc
            .members
            .iter()
            .map(|m| (m.name.as_str(), m.problems.len()))
            .collect();
        assert_eq!(names, [("王芳", 2), ("李强", 1)]);
        assert_eq!(doc.members[0].problems[0].measures.len(), 2);
        assert_eq!(doc.members[0].problems[0].remark, "无");
        assert_eq!(
            doc.members[0].problems[0].measures[0].lead, None,
            "no 牵头责任人 on a member list"
        );
        assert!(plan.unread.is_empty(), "{:?}", plan.unread);
    }

    #[test]
    fn columns_the_user_chose_are_read_instead() {
        let mut table = org_table();
        // 完成情况 read as 整改目标 instead.
        let chosen = [
            Field::Number,
            Field::Category,
            Field::Problem,
            Field::Measure,
            Field::Deadline,
            Field::Lead,
            Field::Goal,
        ];
        let plan = plan(&table, Some(&chosen), &mut counting_ids()).unwrap();
        assert_eq!(plan.document.problems[0].measures[0].goal, "已开始");
        assert_eq!(plan.columns[6], ("完成情况".to_string(), Field::Goal));
        let skipped = [Field::Skip; 7];
        let nothing = super::plan(&table, Some(&skipped), &mut counting_ids()).unwrap();
        assert_eq!((nothing.measures(), nothing.columns.len()), (0, 7));
        table.rows.truncate(3);
        assert_eq!(
            super::plan(&table, None, &mut counting_ids()),
            Err(TableError::NoRows)
        );
        table.rows.remove(2);
        assert_eq!(
            super::plan(&table, None, &mut counting_ids()),
            Err(TableError::NoHeader)
        );
    }
}
