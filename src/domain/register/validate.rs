//! The rules of the campaign's other lists (`docs/format.md` § 15.7), as findings of the same shape as a 检视整改
//! list's: the same paths (`<id>.<key>`), severities and words, so 检查 shows them the same way.

use chrono::NaiveDate;

use crate::domain::dates;
use crate::domain::list::findings::{Finding, Report, Severity};
use crate::domain::list::model::Status;
use crate::domain::list::validate::char_len;
use crate::domain::list::validate::measure::{deadline_rule, PROGRESS_MIN_CHARS};
use crate::domain::register::model::{
    Achievement, Done, Opinion, Outcome, Register, RegisterKind, SurveyProblem, Topic,
};

/// A field a rule looks at: its owner's id and key (the finding's path) and where it sits, as the user reads it.
struct At<'a> {
    owner: &'a str,
    key: &'a str,
    location: String,
}

/// One item the rules look at: its id, and where it sits (`第2条意见建议`).
#[derive(Clone, Copy)]
struct Item<'a> {
    id: &'a str,
    here: &'a str,
}

impl<'a> Item<'a> {
    /// Its field `key`, labelled `label`: `第2条意见建议 · 收集渠道`.
    fn at(self, key: &'a str, label: &str) -> At<'a> {
        At {
            owner: self.id,
            key,
            location: format!("{} · {label}", self.here),
        }
    }
}

/// What a date may be: one that has passed (required, not after today), or a 完成时限 (optional, any day).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Day {
    Past,
    Due,
}

/// Findings as the rules run.
struct Sink {
    findings: Vec<Finding>,
}

impl Sink {
    fn push(&mut self, severity: Severity, at: &At, rule: &'static str, message: String) {
        self.findings.push(Finding {
            path: format!("{}.{}", at.owner, at.key),
            rule,
            severity,
            location: at.location.clone(),
            message,
            acknowledged: None,
        });
    }

    fn error(&mut self, at: &At, rule: &'static str, message: String) {
        self.push(Severity::Error, at, rule, message);
    }

    fn warning(&mut self, at: &At, rule: &'static str, message: String) {
        self.push(Severity::Warning, at, rule, message);
    }

    /// A field that must be written: an error naming it when it is blank.
    fn required(&mut self, at: &At, value: &str, label: &str) {
        if value.trim().is_empty() {
            self.error(at, "required", format!("请填写{label}。"));
        }
    }

    /// A date that must be a real one (`YYYY-MM-DD`); one that has passed is required and not after today.
    fn date(&mut self, at: &At, value: &str, label: &str, day: Day, today: NaiveDate) {
        if value.trim().is_empty() {
            if day == Day::Past {
                self.error(at, "required", format!("请选择{label}。"));
            }
            return;
        }
        match dates::parse(value) {
            None => self.error(
                at,
                "date_invalid",
                format!("{label}“{value}”不是一个有效的日期，请用日期选择框重新选择。"),
            ),
            Some(d) if d > today && day == Day::Past => self.error(
                at,
                "date_in_future",
                format!("{label}{}晚于今天，请核对。", dates::official(d)),
            ),
            Some(_) => {}
        }
    }
}

/// Checks a register against every rule of its kind.
pub fn validate(register: &Register, today: NaiveDate) -> Report {
    let mut sink = Sink {
        findings: Vec::new(),
    };
    let header = &register.header;
    let table_head = Item {
        id: "header",
        here: "表头",
    };
    sink.required(
        &table_head.at("org_name", "党组织名称"),
        &header.org_name,
        "党组织名称",
    );
    let filed = table_head.at("filed_on", "填报日期");
    sink.date(&filed, &header.filed_on, "填报日期", Day::Past, today);
    let filed_on = dates::parse(&header.filed_on);
    let (what, empty) = match register.kind {
        RegisterKind::Survey => ("调研课题", register.topics.is_empty()),
        RegisterKind::Results => ("成果", register.results.is_empty()),
        RegisterKind::Opinions => ("意见建议", register.opinions.is_empty()),
    };
    if empty {
        let list = At {
            owner: "list",
            key: "items",
            location: "清单".into(),
        };
        sink.error(
            &list,
            "list_empty",
            format!("还没有登记{what}，请至少添加一条。"),
        );
    }
    for (i, topic) in register.topics.iter().enumerate() {
        survey_topic(&mut sink, i, topic, filed_on, today);
    }
    for (i, r) in register.results.iter().enumerate() {
        let here = format!("第{}项成果", i + 1);
        achievement(
            &mut sink,
            Item {
                id: &r.id,
                here: &here,
            },
            r,
            today,
        );
    }
    for (i, o) in register.opinions.iter().enumerate() {
        let here = format!("第{}条意见建议", i + 1);
        opinion_rules(
            &mut sink,
            Item {
                id: &o.id,
                here: &here,
            },
            o,
            today,
        );
    }
    Report {
        findings: sink.findings,
    }
}

fn survey_topic(
    sink: &mut Sink,
    i: usize,
    topic: &Topic,
    filed_on: Option<NaiveDate>,
    today: NaiveDate,
) {
    let here = format!("第{}个调研课题", i + 1);
    let item = Item {
        id: &topic.id,
        here: &here,
    };
    sink.required(&item.at("title", "调研题目"), &topic.title, "调研题目");
    if topic.problems.is_empty() {
        let whole = At {
            owner: &topic.id,
            key: "problems",
            location: here.clone(),
        };
        sink.warning(
            &whole,
            "topic_without_problems",
            "这个调研课题还没有登记发现的问题。没有发现问题的，可在调研方式中注明。".into(),
        );
    }
    for (j, problem) in topic.problems.iter().enumerate() {
        let here = format!("{here} · 第{}个问题", j + 1);
        let item = Item {
            id: &problem.id,
            here: &here,
        };
        survey_problem(sink, item, problem, filed_on, today);
    }
}

fn survey_problem(
    sink: &mut Sink,
    item: Item,
    p: &SurveyProblem,
    filed_on: Option<NaiveDate>,
    today: NaiveDate,
) {
    sink.required(
        &item.at("description", "发现问题"),
        &p.description,
        "发现问题",
    );
    if p.measure.trim().is_empty() {
        // A problem 纳入检视整改 has its measures in that list.
        if p.included.is_none() {
            sink.warning(
                &item.at("measure", "整改措施"),
                "measure_missing",
                "还没有制定整改措施。请填写，或“纳入检视整改”在检视整改清单中制定。".into(),
            );
        }
    } else {
        for (key, label, value) in [("lead", "责任领导", &p.lead), ("dept", "责任单位", &p.dept)]
        {
            sink.required(&item.at(key, label), value, label);
        }
        if let Some((severity, rule, message)) = deadline_rule(filed_on, &p.deadline) {
            let message = message.replace("整改时限", "完成时限");
            sink.push(severity, &item.at("deadline", "完成时限"), rule, message);
        }
    }
    if let Some(closed) = &p.closed {
        let at = item.at("closed", "销号");
        if !matches!(p.status, Status::Done | Status::PhasedLongTerm) {
            sink.error(&at, "close_not_finished", "还没有完成整改，不能销号。请先把整改状态改为“已完成整改”或“阶段性完成并长期坚持”。".into());
        }
        if char_len(p.progress.trim()) < PROGRESS_MIN_CHARS {
            sink.error(
                &at,
                "close_without_progress",
                format!("销号前请在完成情况中写明整改结果（至少{PROGRESS_MIN_CHARS}个字）。"),
            );
        }
        sink.date(&at, &closed.date, "销号日期", Day::Past, today);
        sink.required(&at, &closed.by, "销号人");
    }
}

fn achievement(sink: &mut Sink, item: Item, r: &Achievement, today: NaiveDate) {
    for (key, label, value) in [
        ("name", "成果名称", &r.name),
        ("content", "具体内容", &r.content),
        ("dept", "责任单位", &r.dept),
    ] {
        sink.required(&item.at(key, label), value, label);
    }
    if r.form.is_none() {
        sink.error(
            &item.at("form", "转化形式"),
            "required",
            "请选择转化形式。".into(),
        );
    }
    sink.date(
        &item.at("due", "完成时限"),
        &r.due,
        "完成时限",
        Day::Due,
        today,
    );
    match r.done {
        None => sink.error(
            &item.at("done", "完成情况"),
            "required",
            "请选择完成情况：已完成或推进中。".into(),
        ),
        Some(Done::Done) if r.evidence.trim().is_empty() => sink.warning(
            &item.at("evidence", "佐证材料"),
            "evidence_missing",
            "已完成的成果，请写明佐证材料（文件名称、文号或会议记录）。".into(),
        ),
        Some(_) => {}
    }
}

fn opinion_rules(sink: &mut Sink, item: Item, o: &Opinion, today: NaiveDate) {
    if o.channel.is_none() {
        sink.error(
            &item.at("channel", "收集渠道"),
            "required",
            "请选择收集渠道。".into(),
        );
    }
    let collected = item.at("collected_on", "收集日期");
    sink.date(&collected, &o.collected_on, "收集日期", Day::Past, today);
    sink.required(
        &item.at("content", "意见建议内容"),
        &o.content,
        "意见建议内容",
    );
    sink.required(&item.at("dept", "承办单位"), &o.dept, "承办单位");
    if o.result.is_some() && o.action.trim().is_empty() {
        sink.error(
            &item.at("action", "办理措施"),
            "required",
            "已有办理结果，请写明办理措施。".into(),
        );
    }
    let at = item.at("feedback", "反馈情况");
    match &o.feedback {
        Some(feedback) => {
            sink.date(&at, &feedback.date, "反馈日期", Day::Past, today);
            sink.required(&at, &feedback.way, "反馈方式");
        }
        None if matches!(o.result, Some(Outcome::A | Outcome::D)) => sink.warning(
            &at,
            "feedback_missing",
            "已办理完毕，还没有向提出人（或收集渠道）反馈。反馈后请登记反馈日期和方式。".into(),
        ),
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::list::model::{Deadline, Header};
    use crate::domain::register::model::{Channel, Feedback};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
    }

    fn header() -> Header {
        Header {
            org_name: "食品药品环境犯罪侦查大队党支部".into(),
            filed_on: "2026-03-10".into(),
            ..Header::default()
        }
    }

    fn rules(r: &Register) -> Vec<(String, &'static str)> {
        let report = validate(r, today());
        report
            .findings
            .into_iter()
            .map(|f| (f.path, f.rule))
            .collect()
    }

    #[test]
    fn an_opinion_handled_but_not_answered_is_a_warning_and_an_answer_needs_its_date_and_way() {
        let mut r = Register::new(RegisterKind::Opinions, "r".into(), header());
        r.opinions.push(Opinion {
            id: "o1".into(),
            channel: Some(Channel::OpenDay),
            collected_on: "2026-04-18".into(),
            content: "建议在开放日增加反诈宣传展板".into(),
            dept: "宣传科".into(),
            action: "已在开放日现场设置反诈展区".into(),
            result: Some(Outcome::A),
            ..Opinion::default()
        });
        assert_eq!(
            rules(&r),
            vec![("o1.feedback".to_string(), "feedback_missing")]
        );
        r.opinions[0].feedback = Some(Feedback {
            date: "2026-13-01".into(),
            way: String::new(),
        });
        assert_eq!(
            rules(&r),
            vec![
                ("o1.feedback".into(), "date_invalid"),
                ("o1.feedback".into(), "required")
            ]
        );
    }

    #[test]
    fn a_survey_problem_follows_the_deadline_rules_and_one_included_needs_no_measure_here() {
        let mut r = Register::new(RegisterKind::Survey, "r".into(), header());
        r.topics.push(Topic {
            id: "t1".into(),
            title: "关于基层警力配置的调研".into(),
            problems: vec![SurveyProblem {
                id: "p1".into(),
                category: String::new(),
                description: "社区警务室警力不足".into(),
                measure: "每个警务室至少配备1名民警".into(),
                lead: "李明".into(),
                dept: "政治处".into(),
                deadline: Deadline::ByDate {
                    date: "2026-03-01".into(),
                },
                status: Status::InProgress,
                progress: String::new(),
                closed: None,
                included: None,
            }],
            ..Topic::default()
        });
        let report = validate(&r, today());
        assert_eq!(report.findings.len(), 1);
        assert_eq!(report.findings[0].rule, "deadline_before_filing");
        assert!(report.findings[0]
            .message
            .starts_with("完成时限2026年3月1日早于填报日期2026年3月10日"));
        assert_eq!(
            report.findings[0].location,
            "第1个调研课题 · 第1个问题 · 完成时限"
        );
        r.topics[0].problems[0].measure.clear();
        assert_eq!(
            rules(&r),
            vec![("p1.measure".to_string(), "measure_missing")]
        );
        r.topics[0].problems[0].included = Some(Default::default());
        assert!(rules(&r).is_empty());
    }

    #[test]
    fn an_empty_register_says_what_to_add() {
        let r = Register::new(RegisterKind::Results, "r".into(), header());
        let report = validate(&r, today());
        assert_eq!(
            report.findings[0].message,
            "还没有登记成果，请至少添加一条。"
        );
    }
}
