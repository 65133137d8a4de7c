//! 办理 one ledger entry: status and 完成情况, progress notes, an extension, closing (销号). Each step goes to the
//! domain, which applies it or refuses it with its reasons; this panel only shows the answer.

use yew::prelude::*;

use crate::domain::codes::{code, from_code};
use crate::domain::dates;
use crate::domain::list::edit::{Action, MeasureField, Outcome, Refused};
use crate::domain::list::model::{Closing, Extension, Measure, Status, Update};
use crate::ui::components::said::said;
use crate::ui::session::SessionHandle;
use crate::ui::web::clock;

#[derive(Properties, PartialEq)]
pub struct EntryPanelProps {
    pub measure: String,
    pub number: String,
}

/// A labelled input of a small form; `kind` is `text`, `date` or `textarea`.
fn input(id: String, label: &str, kind: &str, value: &UseStateHandle<String>) -> Html {
    let oninput = {
        let value = value.clone();
        Callback::from(move |e: InputEvent| {
            use wasm_bindgen::JsCast;
            let v = e.target().map(|t| {
                if let Some(a) = t.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                    a.value()
                } else {
                    t.unchecked_into::<web_sys::HtmlInputElement>().value()
                }
            });
            value.set(v.unwrap_or_default());
        })
    };
    html! {
        <div class="field">
            <label for={id.clone()}>{ label }</label>
            if kind == "textarea" {
                <textarea id={id} rows="2" value={(**value).clone()} {oninput} />
            } else {
                <input id={id} type={kind.to_string()} value={(**value).clone()} {oninput} />
            }
        </div>
    }
}

/// What a step's message says: done, or why the domain's rules refused it.
fn answer(
    result: Result<Outcome, Refused>,
    done: &str,
    refused_prefix: &str,
) -> Result<String, String> {
    match result {
        Ok(_) => Ok(done.to_string()),
        Err(refused) => Err(format!("{refused_prefix}{}", refused.message())),
    }
}

/// What the panel says after a step.
type Said = Option<Result<String, String>>;

/// The props of each form of the panel: the measure, and where to say what happened.
#[derive(Properties, PartialEq)]
struct FormProps {
    measure: Measure,
    on_said: Callback<Said>,
}

/// The id of a field of the panel of `measure`.
fn id(measure: &Measure, part: &str) -> String {
    format!("ledger-{}-{part}", measure.id)
}

#[function_component(EntryPanel)]
pub fn entry_panel(props: &EntryPanelProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside the ledger");
    let message = use_state(|| None as Said);
    let Some(m) = session.read(|s| {
        s.doc
            .all_measures()
            .find(|m| m.id == props.measure)
            .cloned()
    }) else {
        return html! {};
    };
    let on_said = {
        let message = message.clone();
        Callback::from(move |said: Said| message.set(said))
    };
    html! {
        <div class="entry-panel" role="group" aria-label={format!("办理台账{}", props.number)}>
            { said(&message) }
            <StatusForm measure={m.clone()} on_said={on_said.clone()} />
            <div class="ledger-forms">
                <NoteForm measure={m.clone()} on_said={on_said.clone()} />
                <ExtensionForm measure={m.clone()} on_said={on_said.clone()} />
                <ClosingForm measure={m} {on_said} />
            </div>
        </div>
    }
}

/// 整改状态 and 完成情况.
#[function_component(StatusForm)]
fn status_form(props: &FormProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside the ledger");
    let m = &props.measure;
    let progress = use_state(|| m.progress.clone());
    let set_status = {
        let (session, mid, on_said) = (session.clone(), m.id.clone(), props.on_said.clone());
        Callback::from(move |e: Event| {
            if let Some(status) = from_code::<Status>(&crate::ui::dom::value_of(e.target())) {
                session.edit_and_refresh(Action::SetStatus(mid.clone(), status));
                on_said.emit(Some(Ok(format!("整改状态已改为“{}”。", status.label()))));
            }
        })
    };
    let save_progress = {
        let (session, mid, progress, on_said) = (
            session.clone(),
            m.id.clone(),
            progress.clone(),
            props.on_said.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            session.edit_and_refresh(Action::SetMeasure(
                mid.clone(),
                MeasureField::Progress,
                (*progress).clone(),
            ));
            on_said.emit(Some(Ok("完成情况已保存。".into())));
        })
    };
    html! {
        <>
            <div class="form-grid">
                <div class="field">
                    <label for={id(m, "status")}>{ "整改状态" }</label>
                    <select id={id(m, "status")} onchange={set_status}>
                        { for Status::ALL.iter().map(|s| html! { <option value={code(s)} selected={*s == m.status}>{ s.label() }</option> }) }
                    </select>
                </div>
            </div>
            <form class="ledger-form" onsubmit={save_progress}>
                { input(id(m, "progress"), "完成情况", "textarea", &progress) }
                <button type="submit">{ "保存完成情况" }</button>
            </form>
        </>
    }
}

/// 进展记录: the notes so far and a new one.
#[function_component(NoteForm)]
fn note_form(props: &FormProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside the ledger");
    let m = &props.measure;
    let today = clock::today();
    let date = use_state(|| dates::iso(today));
    let text = use_state(String::new);
    let add = {
        let (session, mid, on_said) = (session.clone(), m.id.clone(), props.on_said.clone());
        let (date, text) = (date.clone(), text.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let update = Update {
                date: (*date).clone(),
                text: (*text).clone(),
            };
            let result = session.step(Action::AddUpdate {
                measure: mid.clone(),
                update,
                today,
            });
            if result.is_ok() {
                text.set(String::new());
            }
            on_said.emit(Some(answer(result, "进展记录已添加。", "")));
        })
    };
    html! {
        <form class="ledger-form" onsubmit={add}>
            <h4>{ "进展记录" }</h4>
            <ul class="updates">
                { for m.updates.iter().map(|u| html! { <li>{ format!("{}：{}", dates::official_text(&u.date), u.text) }</li> }) }
            </ul>
            { input(id(m, "note-date"), "进展日期", "date", &date) }
            { input(id(m, "note-text"), "进展情况", "textarea", &text) }
            <button type="submit">{ "添加进展" }</button>
        </form>
    }
}

/// 申请延期: the new date, the reason, who approved it.
#[function_component(ExtensionForm)]
fn extension_form(props: &FormProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside the ledger");
    let m = &props.measure;
    let was = m.extension.clone().unwrap_or_default();
    let date = use_state(|| was.new_date.clone());
    let reason = use_state(|| was.reason.clone());
    let by = use_state(|| was.approved_by.clone());
    let extend = {
        let (session, mid, on_said) = (session.clone(), m.id.clone(), props.on_said.clone());
        let (date, reason, by) = (date.clone(), reason.clone(), by.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let ext = Extension {
                new_date: date.trim().to_string(),
                reason: reason.trim().to_string(),
                approved_by: by.trim().to_string(),
            };
            let result = session.step(Action::SetExtension {
                measure: mid.clone(),
                extension: Some(ext),
                today: clock::today(),
            });
            on_said.emit(Some(answer(
                result,
                "已登记延期，整改状态改为“申请延期”。",
                "",
            )));
        })
    };
    html! {
        <form class="ledger-form" onsubmit={extend}>
            <h4>{ "申请延期" }</h4>
            { input(id(m, "ext-date"), "延期后的日期", "date", &date) }
            { input(id(m, "ext-reason"), "延期理由", "text", &reason) }
            { input(id(m, "ext-by"), "批准人", "text", &by) }
            <button type="submit">{ "登记延期" }</button>
        </form>
    }
}

/// 销号, or 撤销销号 of a measure closed.
#[function_component(ClosingForm)]
fn closing_form(props: &FormProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside the ledger");
    let m = &props.measure;
    let today = clock::today();
    let date = use_state(|| dates::iso(today));
    let by = use_state(String::new);
    let opinion = use_state(|| "整改到位，同意销号".to_string());
    let step = |closing: Option<Closing>, done: &'static str, prefix: &'static str| {
        let (session, mid, on_said) = (session.clone(), m.id.clone(), props.on_said.clone());
        move || {
            let result = session.step(Action::SetClosing {
                measure: mid.clone(),
                closing: closing.clone(),
                today,
            });
            on_said.emit(Some(answer(result, done, prefix)));
        }
    };
    if let Some(closed) = &m.closed {
        let reopen = step(None, "已撤销销号。", "");
        return html! {
            <div class="ledger-form">
                <h4>{ "销号" }</h4>
                <p>{ format!("已于{}由{}销号。{}", dates::official_text(&closed.date), closed.by, closed.opinion) }</p>
                <button type="button" onclick={Callback::from(move |_: MouseEvent| reopen())}>{ "撤销销号" }</button>
            </div>
        };
    }
    let close = {
        let (date, by, opinion) = (date.clone(), by.clone(), opinion.clone());
        let (session, mid, on_said) = (session.clone(), m.id.clone(), props.on_said.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let closing = Closing {
                date: date.trim().to_string(),
                by: by.trim().to_string(),
                opinion: opinion.trim().to_string(),
            };
            let result = session.step(Action::SetClosing {
                measure: mid.clone(),
                closing: Some(closing),
                today,
            });
            on_said.emit(Some(answer(result, "已销号。", "不能销号：")));
        })
    };
    html! {
        <form class="ledger-form" onsubmit={close}>
            <h4>{ "销号" }</h4>
            { input(id(m, "close-date"), "销号日期", "date", &date) }
            { input(id(m, "close-by"), "销号人", "text", &by) }
            { input(id(m, "close-opinion"), "销号意见", "text", &opinion) }
            <button type="submit">{ "确认销号" }</button>
        </form>
    }
}
