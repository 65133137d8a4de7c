//! 填写: the guided flow of one list — 表头信息 → 问题与整改措施 → 检查 → 导出 — around one editor session.

mod check;
mod deadline;
mod gathering;
mod header_form;
mod measure_card;
mod member_card;
mod member_index;
mod paste;
mod problem_card;
mod problems;
mod review;
mod status;
mod toolbar;

use gloo::events::EventListener;
use yew::prelude::*;

use crate::domain::editor::route::{Route, Step};
use crate::domain::list::model::Kind;
use crate::ui::claim::use_claim;
use crate::ui::session::SessionHandle;
use crate::ui::stored::{use_shelf, use_stored_draft, Loaded, MISSING};
use crate::ui::web::location;
use crate::ui::{dom, flash};

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub id: String,
    pub step: Step,
    /// On step 2: the member, problem or measure whose part of a big list to show (`Route::At`).
    #[prop_or_default]
    pub focus: Option<String>,
}

/// The props of a part of the editor that shows the shape of the list.
#[derive(Properties, PartialEq)]
pub struct ShapeProps {
    /// Changes whenever something was added, removed or moved.
    pub shape: u64,
}

fn step_title(step: Step, kind: Kind, personal: bool) -> &'static str {
    match (step, kind) {
        (Step::Header, _) => "表头信息",
        (Step::Problems, Kind::Org) => "问题与整改措施",
        (Step::Problems, Kind::Member) if personal => "我的问题与整改措施",
        (Step::Problems, Kind::Member) => "党员、问题与整改措施",
        (Step::Check, _) => "检查",
        (Step::Export, _) => "导出与打印",
    }
}

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    // The shape of the list (what was added, removed, moved) is counted; the step bodies take the count as a prop
    // and so re-render when it changes, while fields that only hold typed text do not.
    let rerender = use_force_update();
    let shape = use_mut_ref(|| 0u64);
    let bump = {
        let shape = shape.clone();
        Callback::from(move |_| {
            *shape.borrow_mut() += 1;
            rerender.force_update();
        })
    };
    // Two tabs on one draft: this tab edits, or shows it read-only while another tab edits.
    let claim = use_claim(&props.id);
    let shelf = use_shelf();
    let stored = use_stored_draft(&shelf, &props.id, claim.tab.reload);
    let session = use_memo(stored.clone(), move |stored| match &*stored.loaded {
        Loaded::Reading => Err(None),
        Loaded::Found(chosen) => Ok(SessionHandle::open(
            shelf.clone(),
            chosen.draft.clone(),
            chosen.known.clone(),
            bump,
        )),
        Loaded::Missing => Err(Some(MISSING.to_string())),
        Loaded::Unreadable(message) => Err(Some(message.clone())),
    });
    let flash_message = use_state(flash::take);

    use_flush_on_leave((*session).as_ref().ok().cloned());
    // A link of 检查结果 leads here: focus its field once the step has rendered.
    use_effect(|| {
        if let Some(path) = flash::take_focus() {
            if !dom::focus(&path) {
                flash::focus_later(path);
            }
        }
    });

    // Step 3 is 检查: arriving there (from the steps, or with a 审核意见 just imported) checks the whole list.
    {
        let ready = (*session).as_ref().ok().cloned();
        use_effect_with((props.step, ready.is_some()), move |(step, _)| {
            if let (Step::Check, Some(session)) = (step, ready) {
                session.check_all();
            }
        });
    }

    let handle = match &*session {
        Ok(handle) => handle.clone(),
        Err(None) => return html! { <p class="muted" role="status">{ "正在打开草稿……" }</p> },
        Err(Some(message)) => return cannot_open(message.clone()),
    };
    claim.hold(&handle);
    let read_only = claim.read_only();
    let (kind, title, org_name, personal) = handle.read(|s| {
        (
            s.doc.kind,
            s.doc.kind.title(),
            s.doc.header.org_name.clone(),
            s.personal,
        )
    });
    let step = props.step;
    let shape = *shape.borrow();
    let body = match step {
        Step::Header => html! { <header_form::HeaderForm {shape} /> },
        Step::Problems => html! {
            <problems::Problems id={props.id.clone()} {shape} focus={props.focus.clone().map(AttrValue::from)} />
        },
        Step::Check => html! { <check::CheckResults id={props.id.clone()} {shape} /> },
        Step::Export => toolbar::export_step(&handle),
    };
    html! {
        <ContextProvider<SessionHandle> context={handle.clone()}>
            <header class="editor-head">
                <p class="crumbs"><a href="#/">{ "首页" }</a>{ " › " }{ if personal { "个人清单" } else { kind.short_name() } }</p>
                <h1>{ format!("《{title}》") }</h1>
                <p class="subtitle">{ if org_name.trim().is_empty() { "（未填写党组织名称）".to_string() } else { org_name } }</p>
                <status::StatusBar />
                <toolbar::Toolbar id={props.id.clone()} />
            </header>
            if let Some(message) = (*flash_message).clone() {
                <p class="notice warning" role="alert">{ message }</p>
            }
            { handle.read(|s| review::banner(&s.doc)) }
            if let Some(notice) = stored.notice() {
                <p class="notice warning" role="alert">{ notice }</p>
            }
            { claim.notice() }
            { steps(&props.id, step, kind, personal) }
            { toolbar::undo_notice(&handle) }
            <section class="step-body" aria-labelledby="step-heading">
                <h2 id="step-heading">{ step_title(step, kind, personal) }</h2>
                <fieldset class="step-fieldset" disabled={read_only}>{ body }</fieldset>
            </section>
            { step_nav(&props.id, step) }
        </ContextProvider<SessionHandle>>
    }
}

/// Whatever happens to the page, a change waiting to be saved is saved: when it is hidden, closed, or the editor
/// goes.
#[hook]
fn use_flush_on_leave(handle: Option<SessionHandle>) {
    use_effect_with(handle, |handle| {
        let listeners = handle.clone().map(|h| {
            let window: web_sys::EventTarget = gloo::utils::window().into();
            let document: web_sys::EventTarget = gloo::utils::document().into();
            let (a, b) = (h.clone(), h.clone());
            [
                EventListener::new(&window, "pagehide", move |_| a.flush()),
                EventListener::new(&document, "visibilitychange", move |_| b.flush()),
            ]
        });
        let handle = handle.clone();
        move || {
            drop(listeners);
            if let Some(h) = handle {
                h.flush();
            }
        }
    });
}

fn cannot_open(message: String) -> Html {
    html! {
        <section aria-labelledby="editor-missing">
            <h1 id="editor-missing">{ "无法打开草稿" }</h1>
            <p class="notice error" role="alert">{ message }</p>
            <button type="button" onclick={Callback::from(|_: MouseEvent| location::go(&Route::Home))}>{ "返回首页" }</button>
        </section>
    }
}

/// A link to a step that goes there without reloading the page.
fn go(id: &str, step: Step) -> Callback<MouseEvent> {
    let id = id.to_string();
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        location::go(&Route::Edit(id.clone(), step));
    })
}

/// 填写步骤: the four steps, the one shown marked.
fn steps(id: &str, step: Step, kind: Kind, personal: bool) -> Html {
    html! {
        <nav class="steps" aria-label="填写步骤">
            <ol>
                { for Step::ALL.iter().enumerate().map(|(i, s)| {
                    let current = (*s == step).then_some("step");
                    html! {
                        <li class={classes!(current.map(|_| "current"))}>
                            <a href={Route::Edit(id.to_string(), *s).hash()} aria-current={current} onclick={go(id, *s)}>
                                { format!("{}. {}", i + 1, step_title(*s, kind, personal)) }
                            </a>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}

/// 上一步 and 下一步.
fn step_nav(id: &str, step: Step) -> Html {
    html! {
        <nav class="step-nav" aria-label="上一步和下一步">
            if let Some(prev) = step.previous() {
                <a class="button-link" href={Route::Edit(id.to_string(), prev).hash()} onclick={go(id, prev)}>{ "← 上一步" }</a>
            }
            if let Some(next) = step.next() {
                <a class="button-link primary" href={Route::Edit(id.to_string(), next).hash()} onclick={go(id, next)}>{ "下一步 →" }</a>
            }
        </nav>
    }
}
