//! 检查结果: every error and warning of the last check, each a link to its field; warnings can be kept with a reason.

use yew::prelude::*;

use crate::domain::editor::route::Route;
use crate::domain::list::edit::Action;
use crate::domain::list::findings::{Finding, Severity};
use crate::ui::dom;
use crate::ui::flash;
use crate::ui::session::SessionHandle;
use crate::ui::web::location;

#[derive(Properties, PartialEq)]
pub struct CheckProps {
    pub id: String,
    /// Changes whenever the list was re-checked or reshaped.
    pub shape: u64,
}

#[function_component(CheckResults)]
pub fn check_results(props: &CheckProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside an editor");
    let (checked, report) = session.read(|s| (s.checked_all, s.report.clone()));
    let link = |f: &Finding| {
        let (path, id) = (f.path.clone(), props.id.clone());
        let onclick = Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            flash::focus_later(path.clone());
            location::go(&Route::for_finding(&id, &path));
        });
        html! { <a href={format!("#{}", dom::field_id(&f.path))} {onclick}>{ &f.location }</a> }
    };
    let errors: Vec<&Finding> = report.errors().collect();
    let warnings: Vec<&Finding> = report.warnings().collect();
    let summary = if !checked {
        "点上方的“检查”按钮，检查整份清单。".to_string()
    } else {
        report.summary()
    };
    html! {
        <section id="check-results" class="check-results" role="region" aria-labelledby="check-heading">
            <h3 id="check-heading">{ "检查结果" }</h3>
            <p class={if checked && errors.is_empty() { "notice ok" } else { "notice" }}>{ summary }</p>
            if checked && !errors.is_empty() {
                <h4>{ format!("错误（{}）", errors.len()) }</h4>
                <ul class="findings errors">
                    { for errors.iter().map(|f| html! {
                        <li class="finding error"><span class="msg-kind">{ "错误：" }</span>{ link(f) }{ "：" }{ &f.message }</li>
                    }) }
                </ul>
            }
            <super::review::ReviewComments id={props.id.clone()} shape={props.shape} />
            if checked && !warnings.is_empty() {
                <h4>{ format!("提醒（{}）", warnings.len()) }</h4>
                <ul class="findings warnings">
                    { for warnings.iter().map(|f| html! {
                        <li class="finding warning">
                            <span class="msg-kind">{ "提醒：" }</span>{ link(f) }{ "：" }{ &f.message }
                            <KeepWarning finding={(*f).clone()} />
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct KeepProps {
    finding: Finding,
}

/// Keeping a warning: a reason, which travels in the file as `acknowledged`.
#[function_component(KeepWarning)]
fn keep_warning(props: &KeepProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside an editor");
    let open = use_state(|| false);
    let reason = use_state(String::new);
    let f = &props.finding;
    debug_assert_eq!(f.severity, Severity::Warning);
    if let Some(kept) = &f.acknowledged {
        let undo = {
            let (session, path, rule) = (session.clone(), f.path.clone(), f.rule.to_string());
            Callback::from(move |_: MouseEvent| {
                session.edit_and_refresh(Action::Unacknowledge {
                    path: path.clone(),
                    rule: rule.clone(),
                });
            })
        };
        return html! {
            <p class="kept">
                { format!("已保留，理由：{kept}") }
                <button type="button" class="small" onclick={undo}>{ "取消保留" }</button>
            </p>
        };
    }
    if !*open {
        let show = {
            let open = open.clone();
            Callback::from(move |_: MouseEvent| open.set(true))
        };
        return html! { <button type="button" class="small" onclick={show}>{ "保留此提醒" }</button> };
    }
    let input_id = format!("keep-{}-{}", dom::field_id(&f.path), f.rule);
    let typed = {
        let reason = reason.clone();
        Callback::from(move |e: InputEvent| {
            use wasm_bindgen::JsCast;
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                reason.set(input.value());
            }
        })
    };
    let keep = {
        let (session, path, rule, reason) = (
            session.clone(),
            f.path.clone(),
            f.rule.to_string(),
            reason.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if reason.trim().is_empty() {
                return;
            }
            session.edit_and_refresh(Action::Acknowledge {
                path: path.clone(),
                rule: rule.clone(),
                reason: (*reason).clone(),
            });
        })
    };
    html! {
        <form class="inline-form keep" onsubmit={keep}>
            <label for={input_id.clone()}>{ "保留理由" }</label>
            <input id={input_id} type="text" value={(*reason).clone()} oninput={typed} required=true />
            <button type="submit" disabled={reason.trim().is_empty()}>{ "确定保留" }</button>
        </form>
    }
}
