//! 办理 one ledger entry: status and 完成情况, progress notes, an extension, closing (销号). Each step goes to the
//! domain, which applies it or refuses it with its reasons; this panel only shows the answer.

use yew::prelude::*;

use crate::domain::codes::{code, from_code};
use crate::domain::dates;
use crate::domain::edit::{Action, MeasureField, Outcome, Refused};
use crate::domain::model::{Closing, Extension, Kind, Measure, Status, Update};
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

#[function_component(EntryPanel)]
pub fn entry_panel(props: &EntryPanelProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside the ledger");
    let found: Option<Measure> = session.read(|s| {
        s.doc
            .all_measures()
            .find(|m| m.id == props.measure)
            .cloned()
    });
    // Hooks run the same way every time, so the forms start from an empty measure if this one is gone.
    let m = found
        .clone()
        .unwrap_or_else(|| Measure::new(props.measure.clone(), Kind::Org));
    let today = clock::today();
    let today_text = dates::iso(today);
    let message = use_state(|| None::<Result<String, String>>);
    let progress = use_state(|| m.progress.clone());
    let note_date = use_state(|| today_text.clone());
    let note_text = use_state(String::new);
    let ext_date = use_state(|| {
        m.extension
            .as_ref()
            .map(|e| e.new_date.clone())
            .unwrap_or_default()
    });
    let ext_reason = use_state(|| {
        m.extension
            .as_ref()
            .map(|e| e.reason.clone())
            .unwrap_or_default()
    });
    let ext_by = use_state(|| {
        m.extension
            .as_ref()
            .map(|e| e.approved_by.clone())
            .unwrap_or_default()
    });
    let close_date = use_state(|| today_text.clone());
    let close_by = use_state(String::new);
    let close_opinion = use_state(|| "整改到位，同意销号".to_string());
    let n = &props.number;
    let id = |part: &str| format!("ledger-{}-{part}", props.measure);

    let set_status = {
        let (session, mid, message) = (session.clone(), props.measure.clone(), message.clone());
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            if let Some(s) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            {
                if let Some(status) = from_code::<Status>(&s.value()) {
                    session.edit_and_refresh(Action::SetStatus(mid.clone(), status));
                    message.set(Some(Ok(format!("整改状态已改为“{}”。", status.label()))));
                }
            }
        })
    };
    let save_progress = {
        let (session, mid, progress, message) = (
            session.clone(),
            props.measure.clone(),
            progress.clone(),
            message.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            session.edit_and_refresh(Action::SetMeasure(
                mid.clone(),
                MeasureField::Progress,
                (*progress).clone(),
            ));
            message.set(Some(Ok("完成情况已保存。".into())));
        })
    };
    let add_note = {
        let (session, mid, message) = (session.clone(), props.measure.clone(), message.clone());
        let (date, text) = (note_date.clone(), note_text.clone());
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
            message.set(Some(answer(result, "进展记录已添加。", "")));
        })
    };
    let extend = {
        let (session, mid, message) = (session.clone(), props.measure.clone(), message.clone());
        let (date, reason, by) = (ext_date.clone(), ext_reason.clone(), ext_by.clone());
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
                today,
            });
            message.set(Some(answer(
                result,
                "已登记延期，整改状态改为“申请延期”。",
                "",
            )));
        })
    };
    let close = {
        let (session, mid, message) = (session.clone(), props.measure.clone(), message.clone());
        let (date, by, opinion) = (close_date.clone(), close_by.clone(), close_opinion.clone());
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
            message.set(Some(answer(result, "已销号。", "不能销号：")));
        })
    };
    let reopen = {
        let (session, mid, message) = (session.clone(), props.measure.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            let result = session.step(Action::SetClosing {
                measure: mid.clone(),
                closing: None,
                today,
            });
            message.set(Some(answer(result, "已撤销销号。", "")));
        })
    };
    if found.is_none() {
        return html! {};
    }
    html! {
        <div class="entry-panel" role="group" aria-label={format!("办理台账{n}")}>
            {
                match (*message).clone() {
                    Some(Ok(text)) => html! { <p class="notice ok" role="status">{ text }</p> },
                    Some(Err(text)) => html! { <p class="notice error" role="alert">{ text }</p> },
                    None => html! {},
                }
            }
            <div class="form-grid">
                <div class="field">
                    <label for={id("status")}>{ "整改状态" }</label>
                    <select id={id("status")} onchange={set_status}>
                        { for Status::ALL.iter().map(|s| html! { <option value={code(s)} selected={*s == m.status}>{ s.label() }</option> }) }
                    </select>
                </div>
            </div>
            <form class="ledger-form" onsubmit={save_progress}>
                { input(id("progress"), "完成情况", "textarea", &progress) }
                <button type="submit">{ "保存完成情况" }</button>
            </form>
            <div class="ledger-forms">
                <form class="ledger-form" onsubmit={add_note}>
                    <h4>{ "进展记录" }</h4>
                    <ul class="updates">
                        { for m.updates.iter().map(|u| html! { <li>{ format!("{}：{}", dates::official_text(&u.date), u.text) }</li> }) }
                    </ul>
                    { input(id("note-date"), "进展日期", "date", &note_date) }
                    { input(id("note-text"), "进展情况", "textarea", &note_text) }
                    <button type="submit">{ "添加进展" }</button>
                </form>
                <form class="ledger-form" onsubmit={extend}>
                    <h4>{ "申请延期" }</h4>
                    { input(id("ext-date"), "延期后的日期", "date", &ext_date) }
                    { input(id("ext-reason"), "延期理由", "text", &ext_reason) }
                    { input(id("ext-by"), "批准人", "text", &ext_by) }
                    <button type="submit">{ "登记延期" }</button>
                </form>
                if let Some(closed) = &m.closed {
                    <div class="ledger-form">
                        <h4>{ "销号" }</h4>
                        <p>{ format!("已于{}由{}销号。{}", dates::official_text(&closed.date), closed.by, closed.opinion) }</p>
                        <button type="button" onclick={reopen}>{ "撤销销号" }</button>
                    </div>
                } else {
                    <form class="ledger-form" onsubmit={close}>
                        <h4>{ "销号" }</h4>
                        { input(id("close-date"), "销号日期", "date", &close_date) }
                        { input(id("close-by"), "销号人", "text", &close_by) }
                        { input(id("close-opinion"), "销号意见", "text", &close_opinion) }
                        <button type="submit">{ "确认销号" }</button>
                    </form>
                }
            </div>
        </div>
    }
}
