//! A register as one table, both ways: the columns each kind prints (print, Word, Excel) and the rows of a
//! register under them; and a Word or Excel table a branch keeps read back into a register, its columns known by
//! the words of their headers (`docs/format.md` § 15.8). Where a branch's table has columns of its own, its words
//! win: a column is taken by what its header says, wherever it stands, and one this app does not know is left out
//! and said.

use crate::domain::dates;
use crate::domain::file::table::{deadline, Cell, Table};
use crate::domain::list::model::{Deadline, Header, Status};
use crate::domain::register::edit::{apply, Action};
use crate::domain::register::model::{
    choice_of, Channel, Done, Form, Outcome, Register, RegisterKind, SurveyProblem,
};

/// A column of a kind's table: the key its cells set (`""` for 序号), its header, its share of the width (in
/// tenths of a percent, as Word's tables) and the other words a branch's header may use for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    pub key: &'static str,
    pub header: &'static str,
    pub width: u16,
    pub also: &'static [&'static str],
}

const fn col(
    key: &'static str,
    header: &'static str,
    width: u16,
    also: &'static [&'static str],
) -> Column {
    Column {
        key,
        header,
        width,
        also,
    }
}

/// 调研问题清单: the 课题's cells (`topic.` keys) on each of its problems' rows.
const SURVEY: &[Column] = &[
    col("", "序号", 40, &["编号"]),
    col(
        "topic.title",
        "调研课题",
        120,
        &["调研题目", "课题名称", "调研内容"],
    ),
    col("category", "问题类别", 70, &["类别", "问题类型"]),
    col(
        "description",
        "发现问题",
        190,
        &[
            "问题表现",
            "存在问题",
            "问题描述",
            "调研发现问题",
            "主要问题",
        ],
    ),
    col("measure", "整改措施", 190, &["措施", "整改举措"]),
    col(
        "lead",
        "责任领导",
        60,
        &["牵头领导", "分管领导", "牵头责任人"],
    ),
    col("dept", "责任单位", 80, &["责任部门", "牵头单位"]),
    col("deadline", "完成时限", 80, &["整改时限", "完成时间"]),
    col("status", "整改状态", 80, &["整改情况", "进展情况"]),
    col("remark", "备注", 90, &[]),
];

const RESULTS: &[Column] = &[
    col("", "序号", 40, &["编号"]),
    col(
        "topic",
        "来源课题",
        120,
        &["调研课题", "调研题目", "课题名称"],
    ),
    col("name", "成果名称", 120, &["成果", "转化成果"]),
    col("form", "转化形式", 80, &["成果形式", "转化方式"]),
    col("content", "具体内容", 230, &["主要内容", "成果内容"]),
    col("dept", "责任单位", 90, &["责任部门", "牵头单位"]),
    col("due", "完成时限", 80, &["完成时间"]),
    col("done", "完成情况", 70, &["进展情况"]),
    col("evidence", "佐证材料", 170, &["佐证", "备注"]),
];

const OPINIONS: &[Column] = &[
    col("", "序号", 35, &["编号"]),
    col("channel", "收集渠道", 65, &["来源", "渠道"]),
    col("collected_on", "收集日期", 70, &["收集时间", "日期"]),
    col("proposer", "提出人", 55, &["提出单位", "反映人"]),
    col(
        "content",
        "意见建议内容",
        200,
        &["意见建议", "主要内容", "具体内容"],
    ),
    col("category", "类别", 55, &["类型"]),
    col("dept", "承办单位", 70, &["办理单位", "责任单位"]),
    col("action", "办理措施", 170, &["办理情况", "整改措施"]),
    col("result", "办理结果", 95, &["办理类别"]),
    col("feedback", "反馈情况", 85, &["是否反馈", "反馈"]),
    col("satisfaction", "满意度", 55, &["满意情况"]),
    col("remark", "备注", 45, &[]),
];

pub fn columns(kind: RegisterKind) -> &'static [Column] {
    match kind {
        RegisterKind::Survey => SURVEY,
        RegisterKind::Results => RESULTS,
        RegisterKind::Opinions => OPINIONS,
    }
}

/// A row of the table: its cells under `columns(kind)`, and for 调研问题清单 how many rows its 课题 spans (on the
/// first row of each 课题; 0 on the others), for the print and Word to merge.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub cells: Vec<String>,
    pub span: usize,
}

/// The rows of a register's table, in order; a 课题 without problems is one row.
pub fn rows(register: &Register) -> Vec<Row> {
    let mut rows = Vec::new();
    match register.kind {
        RegisterKind::Survey => {
            let mut n = 0;
            for topic in &register.topics {
                let empty = SurveyProblem::new(String::new());
                let problems: Vec<&SurveyProblem> = if topic.problems.is_empty() {
                    vec![&empty]
                } else {
                    topic.problems.iter().collect()
                };
                for (i, p) in problems.iter().enumerate() {
                    n += usize::from(!p.id.is_empty());
                    let number = if p.id.is_empty() {
                        String::new()
                    } else {
                        n.to_string()
                    };
                    rows.push(Row {
                        cells: vec![
                            number,
                            topic.title.clone(),
                            p.category.clone(),
                            p.description.clone(),
                            p.measure.clone(),
                            p.lead.clone(),
                            p.dept.clone(),
                            deadline_text(&p.deadline),
                            status_text(p),
                            remark(
                                p.included.is_some(),
                                p.closed.as_ref().map(|c| c.date.as_str()),
                            ),
                        ],
                        span: if i == 0 { problems.len() } else { 0 },
                    });
                }
            }
        }
        RegisterKind::Results => {
            for (i, r) in register.results.iter().enumerate() {
                rows.push(Row {
                    cells: vec![
                        (i + 1).to_string(),
                        r.topic.clone(),
                        r.name.clone(),
                        r.form.map(|f| f.label()).unwrap_or_default().to_string(),
                        r.content.clone(),
                        r.dept.clone(),
                        date_text(&r.due),
                        r.done.map(|d| d.label()).unwrap_or_default().to_string(),
                        r.evidence.clone(),
                    ],
                    span: 1,
                });
            }
        }
        RegisterKind::Opinions => {
            for (i, o) in register.opinions.iter().enumerate() {
                let feedback = match &o.feedback {
                    Some(f) => {
                        let parts: Vec<String> = [date_text(&f.date), f.way.trim().to_string()]
                            .into_iter()
                            .filter(|p| !p.is_empty())
                            .collect();
                        match parts.is_empty() {
                            true => "已反馈".to_string(),
                            false => format!("已反馈（{}）", parts.join("，")),
                        }
                    }
                    None => "未反馈".to_string(),
                };
                rows.push(Row {
                    cells: vec![
                        (i + 1).to_string(),
                        o.channel.map(|c| c.label()).unwrap_or_default().to_string(),
                        date_text(&o.collected_on),
                        o.proposer.clone(),
                        o.content.clone(),
                        o.category.clone(),
                        o.dept.clone(),
                        o.action.clone(),
                        o.result.map(|r| r.label()).unwrap_or_default().to_string(),
                        feedback,
                        o.satisfaction.clone(),
                        remark(o.included.is_some(), None),
                    ],
                    span: 1,
                });
            }
        }
    }
    rows
}

fn date_text(date: &str) -> String {
    dates::parse(date)
        .map(dates::official)
        .unwrap_or_else(|| date.to_string())
}

fn deadline_text(deadline: &Deadline) -> String {
    match deadline {
        Deadline::Immediate { .. } => "立行立改".into(),
        Deadline::LongTerm => "长期坚持".into(),
        Deadline::ByDate { date } if date.trim().is_empty() => String::new(),
        Deadline::ByDate { date } => format!("{}前", date_text(date)),
    }
}

fn status_text(p: &SurveyProblem) -> String {
    match &p.closed {
        Some(_) => format!("{}（已销号）", p.status.label()),
        None => p.status.label().to_string(),
    }
}

fn remark(included: bool, closed_on: Option<&str>) -> String {
    let mut parts = Vec::new();
    if included {
        parts.push("已纳入检视整改".to_string());
    }
    if let Some(date) = closed_on.filter(|d| !d.trim().is_empty()) {
        parts.push(format!("{}销号", date_text(date)));
    }
    parts.join("；")
}

/// A register read from a table: what it made, and what it could not read, a sentence each.
#[derive(Clone, Debug, PartialEq)]
pub struct Read {
    pub register: Register,
    pub notes: Vec<String>,
}

/// The kind a table is a list of, from the words of its headers: the kind whose own columns it names most, and at
/// least two of them (a 检视整改 list's table names none of the words only these lists use).
pub fn kind_of(table: &Table) -> Option<RegisterKind> {
    let (_, header) = header_row(table)?;
    let own = |kind: RegisterKind| -> &'static [&'static str] {
        match kind {
            RegisterKind::Survey => &[
                "调研课题",
                "调研题目",
                "课题名称",
                "发现问题",
                "调研发现问题",
            ],
            RegisterKind::Results => &["成果名称", "转化形式", "成果形式", "佐证材料", "来源课题"],
            RegisterKind::Opinions => &[
                "收集渠道",
                "意见建议内容",
                "意见建议",
                "办理结果",
                "反馈情况",
                "承办单位",
            ],
        }
    };
    (RegisterKind::ALL.into_iter())
        .map(|k| {
            (
                k,
                header
                    .iter()
                    .filter(|h| own(k).contains(&h.as_str()))
                    .count(),
            )
        })
        .filter(|(_, n)| *n >= 2)
        .max_by_key(|(_, n)| *n)
        .map(|(k, _)| k)
}

/// The first row that names at least two columns of any kind, its cells' words without spaces.
fn header_row(table: &Table) -> Option<(usize, Vec<String>)> {
    let words = |row: &[Cell]| -> Vec<String> {
        row.iter()
            .map(|c| c.text.chars().filter(|c| !c.is_whitespace()).collect())
            .collect()
    };
    (table.rows.iter().enumerate().take(10)).find_map(|(i, row)| {
        let row = words(row);
        let named = RegisterKind::ALL
            .iter()
            .flat_map(|&k| columns(k))
            .filter(|c| !c.key.is_empty() && names(c, &row).is_some());
        (named.count() >= 2).then_some((i, row))
    })
}

/// Where in `row` column `c` stands: its header or one of its other words.
fn names(c: &Column, row: &[String]) -> Option<usize> {
    (row.iter()).position(|h| h == c.header || c.also.contains(&h.as_str()))
}

/// Reads `table`'s rows into `register` (of the kind `kind_of` found, under the header it should have), with ids
/// from `new_id`.
pub fn read(table: &Table, mut register: Register, new_id: &mut dyn FnMut() -> String) -> Read {
    let kind = register.kind;
    let mut notes = Vec::new();
    let Some((at, header)) = header_row(table) else {
        notes.push("没有找到表头行（如“收集渠道”“意见建议内容”“成果名称”“调研课题”），无法知道各列是什么。".into());
        return Read { register, notes };
    };
    header_from_lines(table, at, &mut register.header);
    // Each of this kind's columns, by where the table has it; the first match wins.
    let mut taken: Vec<(usize, &Column)> = Vec::new();
    for c in columns(kind)
        .iter()
        .filter(|c| !c.key.is_empty() && c.key != "remark")
    {
        if let Some(i) = names(c, &header).filter(|i| taken.iter().all(|(t, _)| t != i)) {
            taken.push((i, c));
        }
    }
    let unknown: Vec<&str> = (header.iter().enumerate())
        .filter(|(i, h)| !h.is_empty() && taken.iter().all(|(t, _)| t != i))
        .filter(|(_, h)| !matches!(h.as_str(), "序号" | "编号" | "备注"))
        .map(|(_, h)| h.as_str())
        .collect();
    if !unknown.is_empty() {
        notes.push(format!(
            "这些列本程序不认识，没有读入：{}。",
            unknown.join("、")
        ));
    }
    let mut last: Vec<String> = vec![String::new(); header.len()];
    for row in &table.rows[at + 1..] {
        // A cell merged down from the row above says what that one said.
        let cells: Vec<String> = (0..header.len())
            .map(|i| match row.get(i) {
                Some(c) if c.continued => last[i].clone(),
                Some(c) => c.text.trim().to_string(),
                None => String::new(),
            })
            .collect();
        let filled = taken
            .iter()
            .filter(|(i, c)| c.key != "topic.title" && !cells[*i].is_empty())
            .count();
        last.clone_from(&cells);
        if filled == 0 {
            continue;
        }
        let title = (taken.iter().find(|(_, c)| c.key == "topic.title"))
            .map(|(i, _)| cells[*i].clone())
            .unwrap_or_default();
        let id = add_item(&mut register, &title, new_id);
        for (i, c) in taken.iter().filter(|(_, c)| c.key != "topic.title") {
            let value = cell_value(c.key, &cells[*i]);
            if value.is_empty() {
                continue;
            }
            if !understood(c.key, &value) {
                notes.push(format!(
                    "第{}条的“{}”写的是“{}”，不是本程序认识的选项，请在清单中重新选择。",
                    count(&register),
                    c.header,
                    cells[*i]
                ));
                continue;
            }
            // 已反馈（2026年4月5日，电话）: its date and way too.
            if let ("feedback", Some((date, way))) = (c.key, feedback_details(&cells[*i])) {
                for (key, value) in [("feedback.date", date), ("feedback.way", way)] {
                    apply(
                        &mut register,
                        Action::Set {
                            id: id.clone(),
                            key,
                            value,
                        },
                    );
                }
            }
            apply(
                &mut register,
                Action::Set {
                    id: id.clone(),
                    key: c.key,
                    value,
                },
            );
        }
    }
    Read { register, notes }
}

/// The date and way in brackets after 已反馈 (`已反馈（2026年4月5日，电话）`, as this app prints it, or
/// `已反馈(4月5日 当面)`), the date as `YYYY-MM-DD` where it reads as one.
fn feedback_details(text: &str) -> Option<(String, String)> {
    let inner = text.trim().strip_prefix("已反馈")?.trim();
    let inner = inner
        .strip_prefix(['（', '('])?
        .trim_end_matches(['）', ')']);
    let (date, way) = match inner.split_once(['，', ',', ' ', '\u{3000}', '、']) {
        Some((d, w)) => (d.trim(), w.trim()),
        None if inner.ends_with('日') || inner.chars().any(|c| c.is_ascii_digit()) => (inner, ""),
        None => ("", inner),
    };
    let date = cell_value("collected_on", date);
    Some((date, way.to_string()))
}

/// The header as the lines around the table say it (the title, 填报单位, 填报日期, 填报人, 审核人 — above it in a
/// Word file, in the sheet's rows above its header row in Excel, or under it), where the header says nothing.
fn header_from_lines(table: &Table, at: usize, header: &mut Header) {
    let row_text = |row: &Vec<Cell>| {
        let cells: Vec<&str> = row
            .iter()
            .map(|c| c.text.trim())
            .filter(|t| !t.is_empty())
            .collect();
        cells.join("\u{3000}")
    };
    let lines: Vec<String> = (table.above.iter().cloned())
        .chain(table.rows[..at].iter().map(row_text))
        .chain(table.below.iter().cloned())
        .collect();
    let above = crate::domain::file::table::header::read(&lines);
    for (field, found) in [
        (&mut header.org_name, above.org_name),
        (&mut header.filed_on, above.filed_on),
        (&mut header.filed_by, above.filed_by),
        (&mut header.reviewer, above.reviewer),
    ] {
        if field.trim().is_empty() {
            *field = found;
        }
    }
    if let Some(preset) = above.campaign {
        header.campaign = preset.campaign();
    }
}

/// Adds an empty item of the register's kind, and returns its id. A problem goes under the last 课题 while its
/// row names the same one (or none: a merged cell), else under a new 课题 of `title`.
fn add_item(register: &mut Register, title: &str, new_id: &mut dyn FnMut() -> String) -> String {
    let id = new_id();
    let action = match register.kind {
        RegisterKind::Survey => {
            let same = (register.topics.last()).is_some_and(|t| t.title == title);
            if !same {
                let topic = new_id();
                apply(register, Action::AddTopic { id: topic.clone() });
                let value = title.to_string();
                apply(
                    register,
                    Action::Set {
                        id: topic,
                        key: "title",
                        value,
                    },
                );
            }
            let topic = register
                .topics
                .last()
                .map(|t| t.id.clone())
                .unwrap_or_default();
            Action::AddProblem {
                topic,
                id: id.clone(),
            }
        }
        RegisterKind::Results => Action::AddResult { id: id.clone() },
        RegisterKind::Opinions => Action::AddOpinion { id: id.clone() },
    };
    apply(register, action);
    id
}

/// Whether a choice's cell says one of its choices (any other cell is text, taken as it is).
fn understood(key: &str, value: &str) -> bool {
    match key {
        "channel" => choice_of(&Channel::ALL, Channel::label, value).is_some(),
        "form" => choice_of(&Form::ALL, Form::label, value).is_some(),
        "done" => choice_of(&Done::ALL, Done::label, value).is_some(),
        "result" => choice_of(&Outcome::ALL, Outcome::label, value).is_some(),
        "status" => choice_of(&Status::ALL, Status::label, value).is_some(),
        _ => true,
    }
}

/// What a cell of column `key` sets: dates written the official way (`2026年6月30日前`) as `YYYY-MM-DD`,
/// 已反馈 from any answer that says it was given.
fn cell_value(key: &str, text: &str) -> String {
    match key {
        "collected_on" | "due" | "deadline" => match deadline::read(text) {
            Ok(Deadline::LongTerm) if key == "deadline" => "长期坚持".into(),
            Ok(Deadline::Immediate { .. }) if key == "deadline" => "立行立改".into(),
            Ok(Deadline::ByDate { date }) => date,
            _ => text.to_string(),
        },
        "feedback" if text.starts_with("已反馈") || text == "是" || text == "已" => {
            "已反馈".into()
        }
        "feedback" => "未反馈".into(),
        _ => text.to_string(),
    }
}

fn count(register: &Register) -> usize {
    register.survey_problems().count() + register.results.len() + register.opinions.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::list::model::Header;
    use crate::domain::register::model::{Channel, Outcome};

    fn table(rows: &[&[&str]]) -> Table {
        Table {
            rows: rows.iter().map(|r| Cell::row(r)).collect(),
            ..Table::default()
        }
    }

    fn ids() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("id{n}")
        }
    }

    fn empty(kind: RegisterKind) -> Register {
        Register::new(kind, "r".into(), Header::default())
    }

    #[test]
    fn a_branchs_own_opinion_table_is_read_by_its_header_words_in_its_own_order() {
        let t = table(&[
            &["XX大队意见建议台账"],
            &["填报单位：交通警察大队党支部\u{3000}填报日期：2026年4月30日"],
            &[
                "编号",
                "意见建议",
                "渠道",
                "收集时间",
                "承办单位",
                "办理情况",
                "办理结果",
                "是否反馈",
                "联系电话",
            ],
            &[
                "1",
                "建议增设夜间巡逻",
                "警民恳谈会",
                "2026年4月2日",
                "巡特警大队",
                "已增加夜巡班次",
                "A",
                "是",
                "138",
            ],
            &[
                "2",
                "户籍窗口周末办公",
                "微信群",
                "2026.4.18",
                "户政科",
                "",
                "",
                "否",
                "",
            ],
        ]);
        assert_eq!(kind_of(&t), Some(RegisterKind::Opinions));
        let read = read(&t, empty(RegisterKind::Opinions), &mut ids());
        let h = &read.register.header;
        assert_eq!(
            (h.org_name.as_str(), h.filed_on.as_str()),
            ("交通警察大队党支部", "2026-04-30"),
            "the sheet's rows above its header"
        );
        let o = &read.register.opinions;
        assert_eq!(o.len(), 2);
        assert_eq!(
            (o[0].channel, o[0].result),
            (Some(Channel::Forum), Some(Outcome::A))
        );
        assert_eq!(o[0].collected_on, "2026-04-02");
        assert!(o[0].feedback.is_some() && o[1].feedback.is_none());
        let answered = feedback_details("已反馈（2026年4月5日，电话）");
        assert_eq!(answered, Some(("2026-04-05".into(), "电话".into())));
        assert_eq!(
            feedback_details("已反馈(当面)"),
            Some((String::new(), "当面".into()))
        );
        assert_eq!(feedback_details("未反馈"), None);
        assert_eq!(o[1].collected_on, "2026-04-18");
        assert_eq!(read.notes.len(), 2, "{:?}", read.notes);
        assert!(read.notes[0].contains("联系电话"));
        assert!(read.notes[1].contains("第2条的“收集渠道”写的是“微信群”"));
    }

    #[test]
    fn a_survey_table_groups_its_rows_under_each_topic_merged_or_repeated() {
        let t = table(&[
            &[
                "序号",
                "调研课题",
                "发现问题",
                "整改措施",
                "责任领导",
                "责任单位",
                "完成时限",
            ],
            &[
                "1",
                "基层警力配置",
                "警务室警力不足",
                "充实警力",
                "李明",
                "政治处",
                "2026年第2季度",
            ],
            &["2", "^", "辅警流失率高", "", "", "", ""],
            &[
                "3",
                "执法规范化",
                "案卷归档不及时",
                "每月通报",
                "王强",
                "法制大队",
                "长期坚持",
            ],
        ]);
        assert_eq!(kind_of(&t), Some(RegisterKind::Survey));
        let read = read(&t, empty(RegisterKind::Survey), &mut ids());
        let topics = &read.register.topics;
        assert_eq!(topics.len(), 2);
        assert_eq!(topics[0].problems.len(), 2);
        assert_eq!(
            topics[0].problems[0].deadline,
            Deadline::ByDate {
                date: "2026-06-30".into()
            }
        );
        assert_eq!(topics[1].problems[0].deadline, Deadline::LongTerm);
        let rows = rows(&read.register);
        assert_eq!(
            rows.iter().map(|r| r.span).collect::<Vec<_>>(),
            vec![2, 0, 1]
        );
        assert_eq!(rows[0].cells[7], "2026年6月30日前");
    }

    #[test]
    fn every_kinds_columns_fill_the_width_and_every_row_has_a_cell_under_each() {
        let start = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        for r in crate::domain::sample::registers::other_lists(start) {
            let widths: u16 = columns(r.kind).iter().map(|c| c.width).sum();
            assert_eq!(widths, 1000, "{:?}", r.kind);
            assert!(rows(&r)
                .iter()
                .all(|row| row.cells.len() == columns(r.kind).len()));
        }
    }

    /// The print sizes each column by a class of its width (`styles/print.css`: no inline styles under the CSP).
    #[test]
    fn the_print_stylesheet_has_every_columns_width() {
        let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/styles/print.css"))
            .unwrap();
        for kind in RegisterKind::ALL {
            for c in columns(kind) {
                let rule = format!(
                    "col.w-{} {{ width: {}%; }}",
                    c.width,
                    f64::from(c.width) / 10.0
                );
                assert!(css.contains(&rule), "styles/print.css lacks `{rule}`");
            }
        }
    }

    #[test]
    fn a_rectification_list_is_none_of_these() {
        let t = table(&[&[
            "序号",
            "问题类别",
            "问题表现",
            "整改措施",
            "整改时限",
            "牵头责任人",
            "责任单位",
        ]]);
        assert_eq!(kind_of(&t), None);
    }
}
