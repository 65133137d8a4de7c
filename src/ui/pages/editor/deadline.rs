//! 整改时限: 立行立改, 限期整改 (with a date), or 长期坚持, as radio buttons.

use yew::prelude::*;

use crate::domain::list::edit::{Action, DeadlineKind};
use crate::domain::list::model::Deadline;
use crate::domain::list::required::is_required;
use crate::ui::components::findings::{described_by, invalid, messages, use_findings};
use crate::ui::components::following::use_following;
use crate::ui::dom;
use crate::ui::session::SessionHandle;

#[derive(Properties, PartialEq)]
pub struct DeadlineProps {
    pub measure: AttrValue,
    pub deadline: Deadline,
}

#[function_component(DeadlineField)]
pub fn deadline_field(props: &DeadlineProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside an editor");
    let path = format!("{}.deadline", props.measure);
    let kind_of_list = session.read(|s| s.doc.kind);
    let findings = use_findings(&path);
    // The field re-renders itself when the kind changes (the date picker comes and goes); nothing else does.
    let kind = use_following(DeadlineKind::of(&props.deadline));
    let date = use_following(props.deadline.date().unwrap_or("").to_string());
    let group_id = dom::field_id(&path);
    let name = format!("{group_id}-kind");
    let choose = |k: DeadlineKind| {
        let (session, kind, date, id, path) = (
            session.clone(),
            kind.clone(),
            date.clone(),
            props.measure.to_string(),
            path.clone(),
        );
        Callback::from(move |_: Event| {
            kind.set(k);
            session.edit(Action::SetDeadline {
                measure: id.clone(),
                kind: k,
                date: (*date).clone(),
            });
            session.leave(&path);
        })
    };
    let set_date = {
        let (session, kind, date, id) = (
            session.clone(),
            kind.clone(),
            date.clone(),
            props.measure.to_string(),
        );
        let path = path.clone();
        Callback::from(move |e: InputEvent| {
            let value = dom::date_input(e.target(), &session, &path);
            date.set(value.clone());
            session.edit(Action::SetDeadline {
                measure: id.clone(),
                kind: *kind,
                date: value,
            });
        })
    };
    let left = {
        let (session, path) = (session.clone(), path.clone());
        Callback::from(move |e: FocusEvent| {
            dom::date_input(e.target(), &session, &path);
            session.leave(&path)
        })
    };
    let date_id = format!("{group_id}-date");
    html! {
        <fieldset id={group_id.clone()} class="field wide choices deadline" aria-invalid={invalid(&findings)} aria-describedby={described_by(&path, false)}>
            <legend>
                { "整改时限" }
                if is_required(kind_of_list, "deadline") { <span class="required" aria-hidden="true">{ " *" }</span> }
            </legend>
            { for DeadlineKind::ALL.iter().enumerate().map(|(n, k)| {
                // By position, not `{:?}`: Debug formatting is kilobytes of the start-up module.
                let id = format!("{group_id}-{n}");
                html! {
                    <label class="choice" for={id.clone()}>
                        <input type="radio" id={id} name={name.clone()} checked={*kind == *k} onchange={choose(*k)} />
                        { k.label() }
                    </label>
                }
            }) }
            if *kind == DeadlineKind::ByDate {
                <span class="date">
                    <label for={date_id.clone()}>{ "完成日期" }</label>
                    <input id={date_id} type="date" value={(*date).clone()} oninput={set_date} onblur={left}
                        aria-invalid={invalid(&findings)} aria-describedby={dom::message_id(&path)} />
                </span>
            }
            { messages(&path, &findings) }
        </fieldset>
    }
}
