//! The items of a register as cards of fields: 调研课题 with the problems they found, 成果, 意见建议; each with 上移,
//! 下移 and 删除, and 纳入检视整改 where the item can be rectified.

use yew::prelude::*;

use super::fields::{choice, words, Control, Form};
use crate::domain::list::model::{Deadline, Status};
use crate::domain::register::edit::Action;
use crate::domain::register::model::{
    Achievement, Channel, Done, Form as Forms, Opinion, Outcome, Register, SurveyProblem, Topic,
};

/// What the cards need besides the form: 纳入检视整改 of an item, by its id.
#[derive(Clone, PartialEq)]
pub struct Cards {
    pub form: Form,
    pub include: Callback<String>,
}

impl Cards {
    /// 上移, 下移, 删除 of item `id`, named by `what` (`第2条意见建议`) for the screen reader.
    fn actions(&self, id: &str, what: &str) -> Html {
        if self.form.read_only {
            return html! {};
        }
        let send = |action: Action| {
            let edit = self.form.edit.clone();
            Callback::from(move |_: MouseEvent| edit.emit(action.clone()))
        };
        let id = id.to_string();
        html! {
            <div class="item-actions">
                <button type="button" aria-label={format!("上移{what}")} onclick={send(Action::Move { id: id.clone(), by: -1 })}>{ "上移" }</button>
                <button type="button" aria-label={format!("下移{what}")} onclick={send(Action::Move { id: id.clone(), by: 1 })}>{ "下移" }</button>
                <button type="button" class="danger-text" aria-label={format!("删除{what}")} onclick={send(Action::Remove { id })}>{ "删除" }</button>
            </div>
        }
    }

    /// 纳入检视整改, or where the item went.
    fn include_button(&self, id: &str, included: bool) -> Html {
        if included {
            return html! { <p class="notice ok">{ "已纳入检视整改：在本支部《党组织检视整改问题清单》中整改。" }</p> };
        }
        if self.form.read_only {
            return html! {};
        }
        let (include, id) = (self.include.clone(), id.to_string());
        html! {
            <button type="button" onclick={Callback::from(move |_: MouseEvent| include.emit(id.clone()))}>{ "纳入检视整改" }</button>
        }
    }
}

pub fn survey(cards: &Cards, register: &Register) -> Html {
    let categories = &register.header.categories;
    html! {
        { for register.topics.iter().enumerate().map(|(i, t)| topic(cards, i, t, categories)) }
    }
}

fn topic(cards: &Cards, i: usize, t: &Topic, categories: &[String]) -> Html {
    let f = &cards.form;
    let what = format!("第{}个调研课题", i + 1);
    let add = {
        let (edit, topic) = (f.edit.clone(), t.id.clone());
        Callback::from(move |_: MouseEvent| {
            let id = crate::ui::web::clock::new_id();
            edit.emit(Action::AddProblem {
                topic: topic.clone(),
                id,
            })
        })
    };
    html! {
        <section class="card problem" aria-label={what.clone()}>
            <div class="card-head"><h3>{ &what }</h3>{ cards.actions(&t.id, &what) }</div>
            <div class="form-grid">
                { f.field(&t.id, "title", "调研题目", &t.title, Control::Line) }
                { f.field(&t.id, "held", "调研时间", &t.held, Control::Line) }
                { f.field(&t.id, "way", "调研方式/地点", &t.way, Control::Line) }
                { f.field(&t.id, "leader", "牵头领导", &t.leader, Control::Line) }
            </div>
            { f.findings_at(&t.id, "problems") }
            { for t.problems.iter().enumerate().map(|(j, p)| problem(cards, &format!("{what}第{}个问题", j + 1), p, categories)) }
            if !f.read_only {
                <button type="button" onclick={add}>{ "添加发现的问题" }</button>
            }
        </section>
    }
}

fn problem(cards: &Cards, what: &str, p: &SurveyProblem, categories: &[String]) -> Html {
    let f = &cards.form;
    let category = if categories.is_empty() {
        Control::Line
    } else {
        Control::Choice(categories.to_vec())
    };
    let kind = match p.deadline {
        Deadline::ByDate { .. } => "限期整改",
        Deadline::Immediate { .. } => "立行立改",
        Deadline::LongTerm => "长期坚持",
    };
    let finished = matches!(p.status, Status::Done | Status::PhasedLongTerm) || p.closed.is_some();
    let closed = p.closed.clone().unwrap_or_default();
    html! {
        <section class="card measure" aria-label={what.to_string()}>
            <div class="card-head"><h4>{ what }</h4>{ cards.actions(&p.id, what) }</div>
            <div class="form-grid">
                { f.field(&p.id, "category", "问题类别", &p.category, category) }
                { f.field(&p.id, "description", "发现问题", &p.description, Control::Text) }
                { f.field(&p.id, "measure", "整改措施", &p.measure, Control::Text) }
                { f.field(&p.id, "lead", "责任领导", &p.lead, Control::Line) }
                { f.field(&p.id, "dept", "责任单位", &p.dept, Control::Line) }
                { f.field(&p.id, "deadline", "完成时限", kind, words(&["限期整改", "立行立改", "长期坚持"])) }
                if kind == "限期整改" {
                    { f.field(&p.id, "deadline.date", "完成日期", p.deadline.date().unwrap_or_default(), Control::Date) }
                }
                { f.field(&p.id, "status", "整改状态", p.status.label(), choice(&Status::ALL, Status::label)) }
                { f.field(&p.id, "progress", "完成情况", &p.progress, Control::Text) }
                if finished {
                    { f.field(&p.id, "closed.date", "销号日期", &closed.date, Control::Date) }
                    { f.field(&p.id, "closed.by", "销号人", &closed.by, Control::Line) }
                }
            </div>
            { f.findings_at(&p.id, "closed") }
            { cards.include_button(&p.id, p.included.is_some()) }
        </section>
    }
}

pub fn results(cards: &Cards, register: &Register) -> Html {
    html! { { for register.results.iter().enumerate().map(|(i, r)| result(cards, i, r)) } }
}

fn result(cards: &Cards, i: usize, r: &Achievement) -> Html {
    let (f, what) = (&cards.form, format!("第{}项成果", i + 1));
    let label = |l: Option<&'static str>| l.unwrap_or_default();
    html! {
        <section class="card problem" aria-label={what.clone()}>
            <div class="card-head"><h3>{ &what }</h3>{ cards.actions(&r.id, &what) }</div>
            <div class="form-grid">
                { f.field(&r.id, "topic", "来源课题", &r.topic, Control::Line) }
                { f.field(&r.id, "name", "成果名称", &r.name, Control::Line) }
                { f.field(&r.id, "form", "转化形式", label(r.form.map(Forms::label)), choice(&Forms::ALL, Forms::label)) }
                { f.field(&r.id, "content", "具体内容", &r.content, Control::Text) }
                { f.field(&r.id, "dept", "责任单位", &r.dept, Control::Line) }
                { f.field(&r.id, "due", "完成时限", &r.due, Control::Date) }
                { f.field(&r.id, "done", "完成情况", label(r.done.map(Done::label)), choice(&Done::ALL, Done::label)) }
                { f.field(&r.id, "evidence", "佐证材料", &r.evidence, Control::Text) }
            </div>
        </section>
    }
}

pub fn opinions(cards: &Cards, register: &Register) -> Html {
    html! { { for register.opinions.iter().enumerate().map(|(i, o)| opinion(cards, i, o)) } }
}

fn opinion(cards: &Cards, i: usize, o: &Opinion) -> Html {
    let (f, what) = (&cards.form, format!("第{}条意见建议", i + 1));
    let label = |l: Option<&'static str>| l.unwrap_or_default();
    let feedback = o.feedback.clone();
    let answered = if feedback.is_some() {
        "已反馈"
    } else {
        "未反馈"
    };
    let satisfaction = words(&["满意", "基本满意", "不满意"]);
    html! {
        <section class="card problem" aria-label={what.clone()}>
            <div class="card-head"><h3>{ &what }</h3>{ cards.actions(&o.id, &what) }</div>
            <div class="form-grid">
                { f.field(&o.id, "channel", "收集渠道", label(o.channel.map(Channel::label)), choice(&Channel::ALL, Channel::label)) }
                { f.field(&o.id, "collected_on", "收集日期", &o.collected_on, Control::Date) }
                { f.field(&o.id, "proposer", "提出人", &o.proposer, Control::Line) }
                { f.field(&o.id, "content", "意见建议内容", &o.content, Control::Text) }
                { f.field(&o.id, "category", "类别", &o.category, Control::Line) }
                { f.field(&o.id, "dept", "承办单位", &o.dept, Control::Line) }
                { f.field(&o.id, "action", "办理措施", &o.action, Control::Text) }
                { f.field(&o.id, "result", "办理结果", label(o.result.map(Outcome::label)), choice(&Outcome::ALL, Outcome::label)) }
                { f.field(&o.id, "feedback", "反馈情况", answered, words(&["已反馈", "未反馈"])) }
                if let Some(fb) = feedback {
                    { f.field(&o.id, "feedback.date", "反馈日期", &fb.date, Control::Date) }
                    { f.field(&o.id, "feedback.way", "反馈方式", &fb.way, Control::Line) }
                }
                { f.field(&o.id, "satisfaction", "满意度", &o.satisfaction, satisfaction) }
            </div>
            { cards.include_button(&o.id, o.included.is_some()) }
        </section>
    }
}
