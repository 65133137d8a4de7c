//! 填写: the guided flow of one list — 表头信息 → 问题与整改措施 → 检查 → 导出 — around one editor session.

mod check;
mod deadline;
mod header_form;
mod measure_card;
mod member_card;
mod problem_card;
mod problems;
mod status;
mod toolbar;

use gloo::events::EventListener;
use yew::prelude::*;

use crate::domain::model::Kind;
use crate::ui::route::{Route, Step};
use crate::ui::session::SessionHandle;
use crate::ui::web::tabs::{self, Heard, TabGuard};
use crate::ui::web::{location, storage};
use crate::ui::{dom, flash};

/// Whether this tab edits the draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TabState {
    Editing,
    /// Another tab had it open first.
    ReadOnly,
    /// Another tab took it over.
    TakenOver,
}

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub id: String,
    pub step: Step,
}

/// Which step shows the field of a finding path.
pub fn step_of(path: &str) -> Step {
    if path.starts_with("header.") || path == "id" {
        Step::Header
    } else {
        Step::Problems
    }
}

/// The props of a part of the editor that shows the shape of the list.
#[derive(Properties, PartialEq)]
pub struct ShapeProps {
    /// Changes whenever something was added, removed or moved.
    pub shape: u64,
}

fn step_title(step: Step, kind: Kind) -> &'static str {
    match (step, kind) {
        (Step::Header, _) => "表头信息",
        (Step::Problems, Kind::Org) => "问题与整改措施",
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
    let tab = use_state(|| TabState::Editing);
    let reload = use_state(|| 0u32);
    let guard = use_mut_ref(|| None::<TabGuard>);
    let editing = use_mut_ref(|| true);
    // The session as it is now (a reload makes a new one): what a takeover must save.
    let live = use_mut_ref(|| None::<SessionHandle>);
    let session = use_memo(
        (props.id.clone(), *reload),
        move |(id, _)| match storage::load(id) {
            Ok(Some(draft)) => Ok(SessionHandle::open(draft, bump)),
            Ok(None) => Err(
                "本机没有找到这份草稿。它可能已被删除，或是在另一台电脑、另一个浏览器中保存的。"
                    .to_string(),
            ),
            Err(e) => Err(e.message()),
        },
    );
    let flash_message = use_state(flash::take);
    {
        let (live, tab, reload, guard, editing) = (
            live.clone(),
            tab.clone(),
            reload.clone(),
            guard.clone(),
            editing.clone(),
        );
        use_effect_with(props.id.clone(), move |id| {
            let key = crate::domain::drafts::key(id);
            let saver = live.clone();
            let (tab_heard, reload_heard) = (tab.clone(), reload.clone());
            let is_editing = editing.clone();
            *guard.borrow_mut() = TabGuard::join(
                id,
                move || *is_editing.borrow(),
                move || {
                    if let Some(h) = saver.borrow().as_ref() {
                        h.flush();
                    }
                },
                move |heard| match heard {
                    Heard::OpenElsewhere => tab_heard.set(TabState::ReadOnly),
                    Heard::TakenOver => tab_heard.set(TabState::TakenOver),
                    Heard::Released => {
                        tab_heard.set(TabState::Editing);
                        reload_heard.set(*reload_heard + 1);
                    }
                },
            );
            let follow = {
                let (tab, reload) = (tab.clone(), reload.clone());
                tabs::on_storage_change(key, move || {
                    if *tab != TabState::Editing {
                        reload.set(*reload + 1);
                    }
                })
            };
            move || {
                guard.borrow_mut().take();
                drop(follow);
            }
        });
    }

    // Whatever happens to the page, a change waiting to be saved is saved.
    {
        let session = session.clone();
        use_effect_with(session, |session| {
            let handle = (**session).as_ref().ok().cloned();
            let listeners = handle.clone().map(|h| {
                let window: web_sys::EventTarget = gloo::utils::window().into();
                let document: web_sys::EventTarget = gloo::utils::document().into();
                let (a, b) = (h.clone(), h.clone());
                [
                    EventListener::new(&window, "pagehide", move |_| a.flush()),
                    EventListener::new(&document, "visibilitychange", move |_| b.flush()),
                ]
            });
            move || {
                drop(listeners);
                if let Some(h) = handle {
                    h.flush();
                }
            }
        });
    }
    // A link of 检查结果 leads here: focus its field once the step has rendered.
    use_effect(|| {
        if let Some(path) = flash::take_focus() {
            if !dom::focus(&path) {
                flash::focus_later(path);
            }
        }
    });

    let handle = match &*session {
        Ok(handle) => handle.clone(),
        Err(message) => {
            return html! {
                <section aria-labelledby="editor-missing">
                    <h1 id="editor-missing">{ "无法打开草稿" }</h1>
                    <p class="notice error" role="alert">{ message }</p>
                    <button type="button" onclick={Callback::from(|_: MouseEvent| location::go(&Route::Home))}>{ "返回首页" }</button>
                </section>
            };
        }
    };
    *live.borrow_mut() = Some(handle.clone());
    let read_only = *tab != TabState::Editing;
    *editing.borrow_mut() = !read_only;
    handle.set_read_only(read_only);
    let take_over = {
        let guard = guard.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(g) = guard.borrow().as_ref() {
                g.take_over();
            }
        })
    };
    let (kind, title, org_name) = {
        let s = handle.0.borrow();
        (
            s.doc.kind,
            s.doc.kind.title(),
            s.doc.header.org_name.clone(),
        )
    };
    let id = props.id.clone();
    let go = move |step: Step| {
        let id = id.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            location::go(&Route::Edit(id.clone(), step));
        })
    };
    let step = props.step;
    let shape = *shape.borrow();
    let body = match step {
        Step::Header => html! { <header_form::HeaderForm {shape} /> },
        Step::Problems => html! { <problems::Problems {shape} /> },
        Step::Check => html! { <check::CheckResults id={props.id.clone()} {shape} /> },
        Step::Export => toolbar::export_step(&handle),
    };
    html! {
        <ContextProvider<SessionHandle> context={handle.clone()}>
            <header class="editor-head">
                <p class="crumbs"><a href="#/">{ "首页" }</a>{ " › " }{ kind.short_name() }</p>
                <h1>{ format!("《{title}》") }</h1>
                <p class="subtitle">{ if org_name.trim().is_empty() { "（未填写党组织名称）".to_string() } else { org_name } }</p>
                <status::StatusBar />
                <toolbar::Toolbar id={props.id.clone()} />
            </header>
            if let Some(message) = (*flash_message).clone() {
                <p class="notice warning" role="alert">{ message }</p>
            }
            if *tab == TabState::ReadOnly {
                <div class="notice warning" role="alert">
                    <p>{ "这份草稿已在另一个窗口（标签页）中打开。为了不互相覆盖，本窗口只供查看，不能修改。" }</p>
                    <button type="button" class="primary" onclick={take_over}>{ "在本窗口继续编辑" }</button>
                    <span class="muted">{ "（另一个窗口会先保存，再改为只读）" }</span>
                </div>
            }
            if *tab == TabState::TakenOver {
                <p class="notice warning" role="alert">{ "这份草稿已在另一个窗口中继续编辑，本窗口的修改都已保存，现在改为只读。要在这里编辑，请关闭另一个窗口后刷新本页。" }</p>
            }
            <nav class="steps" aria-label="填写步骤">
                <ol>
                    { for Step::ALL.iter().enumerate().map(|(i, s)| {
                        let current = (*s == step).then_some("step");
                        html! {
                            <li class={classes!(current.map(|_| "current"))}>
                                <a href={Route::Edit(props.id.clone(), *s).hash()} aria-current={current} onclick={go(*s)}>
                                    { format!("{}. {}", i + 1, step_title(*s, kind)) }
                                </a>
                            </li>
                        }
                    }) }
                </ol>
            </nav>
            { toolbar::undo_notice(&handle) }
            <section class="step-body" aria-labelledby="step-heading">
                <h2 id="step-heading">{ step_title(step, kind) }</h2>
                <fieldset class="step-fieldset" disabled={read_only}>{ body }</fieldset>
            </section>
            <nav class="step-nav" aria-label="上一步和下一步">
                if let Some(prev) = step.previous() {
                    <a class="button-link" href={Route::Edit(props.id.clone(), prev).hash()} onclick={go(prev)}>{ "← 上一步" }</a>
                }
                if let Some(next) = step.next() {
                    <a class="button-link primary" href={Route::Edit(props.id.clone(), next).hash()} onclick={go(next)}>{ "下一步 →" }</a>
                }
            </nav>
        </ContextProvider<SessionHandle>>
    }
}
