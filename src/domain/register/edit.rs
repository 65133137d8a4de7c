//! Every change to a register, as the form, a pasted or imported table and the tests make it: fields are set by
//! the item's id and the key the file uses (`docs/format.md` § 15), so one setter serves the form and the table
//! reader alike.

use crate::domain::list::model::{Campaign, Closing, Deadline, Header, Status};
use crate::domain::register::model::{
    choice_of, Achievement, Channel, Done, Feedback, Form, Opinion, Outcome, Register,
    SurveyProblem, Topic,
};

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A header field by its key (`org_name`, `parent_org`, `filed_on`, `filed_by`, `phone`, `reviewer`).
    SetHeader(&'static str, String),
    /// 活动: the campaign the register belongs to (`None`: the 2023 主题教育), as a list's.
    SetCampaign(Option<Campaign>),
    AddTopic {
        id: String,
    },
    /// A problem found by 调研 `topic`.
    AddProblem {
        topic: String,
        id: String,
    },
    AddResult {
        id: String,
    },
    AddOpinion {
        id: String,
    },
    /// A field of the item `id` (a topic, a problem, a 成果 or an 意见建议) by its key.
    Set {
        id: String,
        key: &'static str,
        value: String,
    },
    Remove {
        id: String,
    },
    /// One place up (`-1`) or down (`1`) among its own.
    Move {
        id: String,
        by: isize,
    },
}

/// Applies `action`; false when it changed nothing (an id no longer there, a code not among the choices).
pub fn apply(register: &mut Register, action: Action) -> bool {
    match action {
        Action::SetHeader(key, value) => set_header(&mut register.header, key, value),
        Action::SetCampaign(campaign) => {
            let changed = register.header.campaign != campaign;
            // A batch is the 2023 主题教育's alone.
            if campaign.is_some() {
                register.header.batch = None;
            }
            register.header.campaign = campaign;
            changed
        }
        Action::AddTopic { id } => {
            register.topics.push(Topic {
                id,
                ..Topic::default()
            });
            true
        }
        Action::AddProblem { topic, id } => {
            let Some(t) = register.topics.iter_mut().find(|t| t.id == topic) else {
                return false;
            };
            t.problems.push(SurveyProblem::new(id));
            true
        }
        Action::AddResult { id } => {
            register.results.push(Achievement {
                id,
                ..Achievement::default()
            });
            true
        }
        Action::AddOpinion { id } => {
            register.opinions.push(Opinion {
                id,
                ..Opinion::default()
            });
            true
        }
        Action::Set { id, key, value } => set(register, &id, key, value),
        Action::Remove { id } => remove(register, &id),
        Action::Move { id, by } => move_item(register, &id, by),
    }
}

impl SurveyProblem {
    pub fn new(id: String) -> Self {
        SurveyProblem {
            id,
            category: String::new(),
            description: String::new(),
            measure: String::new(),
            lead: String::new(),
            dept: String::new(),
            deadline: Deadline::ByDate {
                date: String::new(),
            },
            status: Status::NotStarted,
            progress: String::new(),
            closed: None,
            included: None,
        }
    }
}

fn set_header(header: &mut Header, key: &str, value: String) -> bool {
    let field = match key {
        "org_name" => &mut header.org_name,
        "parent_org" => &mut header.parent_org,
        "filed_on" => &mut header.filed_on,
        "filed_by" => &mut header.filed_by,
        "phone" => &mut header.phone,
        "reviewer" => &mut header.reviewer,
        _ => return false,
    };
    replace(field, value)
}

fn replace(field: &mut String, value: String) -> bool {
    let changed = *field != value;
    *field = value;
    changed
}

/// Sets an optional choice from its label; `""` clears it.
fn choose<T: Copy + PartialEq>(
    field: &mut Option<T>,
    all: &[T],
    label: impl Fn(T) -> &'static str,
    value: &str,
) -> bool {
    let chosen = choice_of(all, label, value);
    if chosen.is_none() && !value.trim().is_empty() {
        return false;
    }
    let changed = *field != chosen;
    *field = chosen;
    changed
}

fn set(register: &mut Register, id: &str, key: &str, value: String) -> bool {
    for topic in &mut register.topics {
        if topic.id == id {
            return set_topic(topic, key, value);
        }
        if let Some(p) = topic.problems.iter_mut().find(|p| p.id == id) {
            return set_problem(p, key, value);
        }
    }
    if let Some(r) = register.results.iter_mut().find(|r| r.id == id) {
        return set_result(r, key, value);
    }
    if let Some(o) = register.opinions.iter_mut().find(|o| o.id == id) {
        return set_opinion(o, key, value);
    }
    false
}

fn set_topic(t: &mut Topic, key: &str, value: String) -> bool {
    match key {
        "title" => replace(&mut t.title, value),
        "held" => replace(&mut t.held, value),
        "way" => replace(&mut t.way, value),
        "leader" => replace(&mut t.leader, value),
        _ => false,
    }
}

fn set_problem(p: &mut SurveyProblem, key: &str, value: String) -> bool {
    match key {
        "category" => replace(&mut p.category, value),
        "description" => replace(&mut p.description, value),
        "measure" => replace(&mut p.measure, value),
        "lead" => replace(&mut p.lead, value),
        "dept" => replace(&mut p.dept, value),
        "progress" => replace(&mut p.progress, value),
        // 完成时限: 立行立改, 长期坚持, 限期整改 (keeping its date), or a date (限期整改 by it, as a table says it).
        "deadline" | "deadline.date" => {
            let deadline = match (key, value.trim()) {
                ("deadline", "立行立改") => Deadline::Immediate { date: None },
                ("deadline", "长期坚持") => Deadline::LongTerm,
                ("deadline", "限期整改") => Deadline::ByDate {
                    date: p.deadline.date().unwrap_or_default().to_string(),
                },
                (_, date) => Deadline::ByDate {
                    date: date.to_string(),
                },
            };
            let changed = p.deadline != deadline;
            p.deadline = deadline;
            changed
        }
        "status" => {
            let mut status = Some(p.status);
            let changed = choose(&mut status, &Status::ALL, Status::label, &value);
            p.status = status.unwrap_or_default();
            changed
        }
        "closed.date" | "closed.by" | "closed.opinion" => {
            let closing = p.closed.get_or_insert_with(Closing::default);
            let field = match key {
                "closed.date" => &mut closing.date,
                "closed.by" => &mut closing.by,
                _ => &mut closing.opinion,
            };
            let changed = replace(field, value);
            if *closing == Closing::default() {
                p.closed = None;
            }
            changed
        }
        _ => false,
    }
}

fn set_result(r: &mut Achievement, key: &str, value: String) -> bool {
    match key {
        "topic" => replace(&mut r.topic, value),
        "name" => replace(&mut r.name, value),
        "form" => choose(&mut r.form, &Form::ALL, Form::label, &value),
        "content" => replace(&mut r.content, value),
        "dept" => replace(&mut r.dept, value),
        "due" => replace(&mut r.due, value),
        "done" => choose(&mut r.done, &Done::ALL, Done::label, &value),
        "evidence" => replace(&mut r.evidence, value),
        _ => false,
    }
}

fn set_opinion(o: &mut Opinion, key: &str, value: String) -> bool {
    match key {
        "channel" => choose(&mut o.channel, &Channel::ALL, Channel::label, &value),
        "collected_on" => replace(&mut o.collected_on, value),
        "proposer" => replace(&mut o.proposer, value),
        "content" => replace(&mut o.content, value),
        "category" => replace(&mut o.category, value),
        "dept" => replace(&mut o.dept, value),
        "action" => replace(&mut o.action, value),
        "result" => choose(&mut o.result, &Outcome::ALL, Outcome::label, &value),
        "satisfaction" => replace(&mut o.satisfaction, value),
        // 反馈情况: 已反馈 keeps (or starts) its date and way, 未反馈 drops them.
        "feedback" => {
            let given = value.trim() == "已反馈";
            let changed = given != o.feedback.is_some();
            match (given, &o.feedback) {
                (true, None) => o.feedback = Some(Feedback::default()),
                (false, _) => o.feedback = None,
                _ => {}
            }
            changed
        }
        "feedback.date" | "feedback.way" => {
            let feedback = o.feedback.get_or_insert_with(Feedback::default);
            let field = match key {
                "feedback.date" => &mut feedback.date,
                _ => &mut feedback.way,
            };
            replace(field, value)
        }
        _ => false,
    }
}

fn remove(register: &mut Register, id: &str) -> bool {
    let before = count(register);
    register.topics.retain(|t| t.id != id);
    for t in &mut register.topics {
        t.problems.retain(|p| p.id != id);
    }
    register.results.retain(|r| r.id != id);
    register.opinions.retain(|o| o.id != id);
    count(register) != before
}

fn count(register: &Register) -> usize {
    register.topics.len()
        + register
            .topics
            .iter()
            .map(|t| t.problems.len())
            .sum::<usize>()
        + register.results.len()
        + register.opinions.len()
}

/// Moves the item `id` by one place among the items it sits with.
fn move_item(register: &mut Register, id: &str, by: isize) -> bool {
    fn shift<T>(items: &mut [T], at: Option<usize>, by: isize) -> bool {
        let Some(at) = at else { return false };
        let Some(to) = at.checked_add_signed(by).filter(|&to| to < items.len()) else {
            return false;
        };
        items.swap(at, to);
        true
    }
    let at = register.topics.iter().position(|t| t.id == id);
    if at.is_some() {
        return shift(&mut register.topics, at, by);
    }
    for t in &mut register.topics {
        let at = t.problems.iter().position(|p| p.id == id);
        if at.is_some() {
            return shift(&mut t.problems, at, by);
        }
    }
    let at = register.results.iter().position(|r| r.id == id);
    if at.is_some() {
        return shift(&mut register.results, at, by);
    }
    let at = register.opinions.iter().position(|o| o.id == id);
    shift(&mut register.opinions, at, by)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::register::model::RegisterKind;

    #[test]
    fn choices_are_set_by_their_words_and_a_word_not_among_them_changes_nothing() {
        let mut r = Register::new(RegisterKind::Opinions, "r".into(), Header::default());
        apply(&mut r, Action::AddOpinion { id: "o".into() });
        let set = |key, value: &str| Action::Set {
            id: "o".into(),
            key,
            value: value.into(),
        };
        assert!(apply(&mut r, set("channel", "警民恳谈会")));
        assert!(apply(&mut r, set("result", "A")));
        assert_eq!(r.opinions[0].result, Some(Outcome::A));
        assert!(apply(&mut r, set("result", "C 已列入计划逐步解决")));
        assert_eq!(r.opinions[0].result, Some(Outcome::C));
        assert!(!apply(&mut r, set("channel", "微信群")), "not a 收集渠道");
        assert_eq!(r.opinions[0].channel, Some(Channel::Forum));
        assert!(apply(&mut r, set("feedback", "已反馈")));
        assert!(apply(&mut r, set("feedback.way", "电话")));
        assert!(apply(&mut r, set("feedback", "未反馈")));
        assert_eq!(r.opinions[0].feedback, None);
    }

    #[test]
    fn a_register_changes_its_campaign_as_a_list_does_and_a_batch_goes_with_the_2023_one() {
        let mut r = Register::new(RegisterKind::Results, "r".into(), Header::default());
        r.header.batch = Some(crate::domain::list::model::Batch::Second);
        let discipline =
            crate::domain::list::campaign::preset("discipline_2024").and_then(|p| p.campaign());
        assert!(apply(&mut r, Action::SetCampaign(discipline.clone())));
        assert_eq!(
            (r.header.campaign.clone(), r.header.batch),
            (discipline, None)
        );
        let same = r.header.campaign.clone();
        assert!(
            !apply(&mut r, Action::SetCampaign(same)),
            "the same: no change"
        );
    }

    #[test]
    fn items_move_among_their_own_and_removing_a_topic_removes_its_problems() {
        let mut r = Register::new(RegisterKind::Survey, "r".into(), Header::default());
        for id in ["t1", "t2"] {
            apply(&mut r, Action::AddTopic { id: id.into() });
        }
        apply(
            &mut r,
            Action::AddProblem {
                topic: "t1".into(),
                id: "p1".into(),
            },
        );
        assert!(apply(
            &mut r,
            Action::Move {
                id: "t2".into(),
                by: -1
            }
        ));
        assert_eq!(r.topics[0].id, "t2");
        assert!(
            !apply(
                &mut r,
                Action::Move {
                    id: "t2".into(),
                    by: -1
                }
            ),
            "already first"
        );
        assert!(apply(&mut r, Action::Remove { id: "t1".into() }));
        assert_eq!(r.survey_problems().count(), 0);
    }
}
