//! The rules of the campaign's other lists (`docs/format.md` § 15.7), as findings of the same shape as a 检视整改
//! list's: the same paths (`<id>.<key>`), severities and words, so 检查 shows them the same way.

use chrono::NaiveDate;

use crate::domain::dates;
use crate::domain::list::findings::{Finding, Report, Severity};
use crate::domain::list::model::Status;
use crate::domain::list::validate::measure::{deadline_rule, PROGRESS_MIN_CHARS};
use crate::domain::register::model::{
    Achievement, Done, Opinion, Outcome, Register, RegisterKind, SurveyProblem, Topic,
};

/// Findings as the rules run, each at a field: its owner's id, its key, its label and where it sits.
struct Sink {
    findings: Vec<Finding>,
}

impl Sink {
    fn push(
        &mut self,
        severity: Severity,
        at: (&str, &str, &str),
        rule: &'static str,
        message: String,
    ) {
        let (owner, key, location) = at;
        self.findings.push(Finding {
            path: format!("{owner}.{key}"),
            rule,
            severity,
            location: location.to_string(),
            message,
            acknowledged: None,
        });
    }

    fn error(&mut self, at: (&str, &str, &str), rule: &'static str, message: String) {
        self.push(Severity::Error, at, rule, message);
    }

    fn warning(&mut self, at: (&str, &str, &str), rule: &'static str, message: String) {
        self.push(Severity::Warning, at, rule, message);
    }

    /// A field that must be written: an error naming it when it is blank.
    fn required(&mut self, at: (&str, &str, &str), value: &str, label: &str) {
        if value.trim().is_empty() {
            self.error(at, "required", format!("请填写{label}。"));
        }
    }

    /// A date that must be a real one (`YYYY-MM-DD`), when `needed` or written.
    fn date(
        &mut self,
        at: (&str, &str, &str),
        value: &str,
        label: &str,
        needed: bool,
        today: NaiveDate,
    ) {
        if value.trim().is_empty() {
            if needed {
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
            Some(d) if d > today && label != "完成时限" => self.error(
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
    sink.required(
        ("header", "org_name", "表头 · 党组织名称"),
        &header.org_name,
        "党组织名称",
    );
    sink.date(
        ("header", "filed_on", "表头 · 填报日期"),
        &header.filed_on,
        "填报日期",
        true,
        today,
    );
    let filed_on = dates::parse(&header.filed_on);
    let (what, empty) = match register.kind {
        RegisterKind::Survey => ("调研课题", register.topics.is_empty()),
        RegisterKind::Results => ("成果", register.results.is_empty()),
        RegisterKind::Opinions => ("意见建议", register.opinions.is_empty()),
    };
    if empty {
        sink.error(
            ("list", "items", "清单"),
            "list_empty",
            format!("还没有登记{what}，请至少添加一条。"),
        );
    }
    for (i, topic) in register.topics.iter().enumerate() {
        survey_topic(&mut sink, i, topic, filed_on, today);
    }
    for (i, result) in register.results.iter().enumerate() {
        achievement(&mut sink, &format!("第{}项成果", i + 1), result, today);
    }
    for (i, opinion) in register.opinions.iter().enumerate() {
        opinion_rules(&mut sink, &format!("第{}条意见建议", i + 1), opinion, today);
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
    let id = topic.id.as_str();
    sink.required(
        (id, "title", &format!("{here} · 调研题目")),
        &topic.title,
        "调研题目",
    );
    if topic.problems.is_empty() {
        sink.warning(
            (id, "problems", &here),
            "topic_without_problems",
            "这个调研课题还没有登记发现的问题。没有发现问题的，可在调研方式中注明。".into(),
        );
    }
    for (j, problem) in topic.problems.iter().enumerate() {
        let here = format!("{here} · 第{}个问题", j + 1);
        survey_problem(sink, &here, problem, filed_on, today);
    }
}

fn survey_problem(
    sink: &mut Sink,
    here: &str,
    p: &SurveyProblem,
    filed_on: Option<NaiveDate>,
    today: NaiveDate,
) {
    let id = p.id.as_str();
    let at = |key: &'static str, label: &str| (id, key, format!("{here} · {label}"));
    let (f, l) = (at("description", "发现问题"), "发现问题");
    sink.required((f.0, f.1, &f.2), &p.description, l);
    if p.measure.trim().is_empty() {
        // A problem 纳入检视整改 has its measures in that list.
        if p.included.is_none() {
            let f = at("measure", "整改措施");
            sink.warning(
                (f.0, f.1, &f.2),
                "measure_missing",
                "还没有制定整改措施。请填写，或“纳入检视整改”在检视整改清单中制定。".into(),
            );
        }
    } else {
        for (key, label, value) in [("lead", "责任领导", &p.lead), ("dept", "责任单位", &p.dept)]
        {
            let f = at(key, label);
            sink.required((f.0, f.1, &f.2), value, label);
        }
        if let Some((severity, rule, message)) = deadline_rule(filed_on, &p.deadline) {
            let f = at("deadline", "完成时限");
            sink.push(
                severity,
                (f.0, f.1, &f.2),
                rule,
                message.replace("整改时限", "完成时限"),
            );
        }
    }
    if let Some(closed) = &p.closed {
        let f = at("closed", "销号");
        let at = (f.0, f.1, f.2.as_str());
        if !matches!(p.status, Status::Done | Status::PhasedLongTerm) {
            sink.error(at, "close_not_finished", "还没有完成整改，不能销号。请先把整改状态改为“已完成整改”或“阶段性完成并长期坚持”。".into());
        }
        if crate::domain::list::validate::char_len(p.progress.trim()) < PROGRESS_MIN_CHARS {
            sink.error(
                at,
                "close_without_progress",
                format!("销号前请在完成情况中写明整改结果（至少{PROGRESS_MIN_CHARS}个字）。"),
            );
        }
        sink.date(at, &closed.date, "销号日期", true, today);
        sink.required(at, &closed.by, "销号人");
    }
}

fn achievement(sink: &mut Sink, here: &str, r: &Achievement, today: NaiveDate) {
    let id = r.id.as_str();
    for (key, label, value) in [
        ("name", "成果名称", &r.name),
        ("content", "具体内容", &r.content),
        ("dept", "责任单位", &r.dept),
    ] {
        sink.required((id, key, &format!("{here} · {label}")), value, label);
    }
    if r.form.is_none() {
        sink.error(
            (id, "form", &format!("{here} · 转化形式")),
            "required",
            "请选择转化形式。".into(),
        );
    }
    sink.date(
        (id, "due", &format!("{here} · 完成时限")),
        &r.due,
        "完成时限",
        false,
        today,
    );
    match r.done {
        None => sink.error(
            (id, "done", &format!("{here} · 完成情况")),
            "required",
            "请选择完成情况：已完成或推进中。".into(),
        ),
        Some(Done::Done) if r.evidence.trim().is_empty() => sink.warning(
            (id, "evidence", &format!("{here} · 佐证材料")),
            "evidence_missing",
            "已完成的成果，请写明佐证材料（文件名称、文号或会议记录）。".into(),
        ),
        Some(_) => {}
    }
}

fn opinion_rules(sink: &mut Sink, here: &str, o: &Opinion, today: NaiveDate) {
    let id = o.id.as_str();
    if o.channel.is_none() {
        sink.error(
            (id, "channel", &format!("{here} · 收集渠道")),
            "required",
            "请选择收集渠道。".into(),
        );
    }
    sink.date(
        (id, "collected_on", &format!("{here} · 收集日期")),
        &o.collected_on,
        "收集日期",
        true,
        today,
    );
    sink.required(
        (id, "content", &format!("{here} · 意见建议内容")),
        &o.content,
        "意见建议内容",
    );
    sink.required(
        (id, "dept", &format!("{here} · 承办单位")),
        &o.dept,
        "承办单位",
    );
    if o.result.is_some() && o.action.trim().is_empty() {
        sink.error(
            (id, "action", &format!("{here} · 办理措施")),
            "required",
            "已有办理结果，请写明办理措施。".into(),
        );
    }
    match &o.feedback {
        Some(feedback) => {
            let at = (id, "feedback", format!("{here} · 反馈情况"));
            sink.date((at.0, at.1, &at.2), &feedback.date, "反馈日期", true, today);
            sink.required((at.0, at.1, &at.2), &feedback.way, "反馈方式");
        }
        None if matches!(o.result, Some(Outcome::A | Outcome::D)) => sink.warning(
            (id, "feedback", &format!("{here} · 反馈情况")),
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
