//! 调研问题清单, 成果转化清单 and 意见建议台账 (`domain::register`): made, filled in, checked, printed and exported on
//! one page, a page of the ledger's module (no branch pays for it at start-up). `open` holds the register and saves
//! it; `items` and `fields` are its form; `paper` how it prints.

mod fields;
mod items;
mod open;
mod paper;

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::editor::route::Route;
use crate::domain::list::model::Header;
use crate::domain::papers::request::Request;
use crate::domain::register::model::{Register, RegisterKind};
use crate::domain::register::{stored, validate::validate};
use crate::ui::components::office_export::OfficeExport;
use crate::ui::stored::use_shelf;
use crate::ui::web::storage::{self, Shelf};
use crate::ui::web::{campaigns, clock, location};
use fields::{Control, Form};
use open::{Open, Shared};

#[derive(Properties, PartialEq)]
pub struct RegisterProps {
    /// The register's id, or `new/<kind>` to make one.
    pub what: String,
}

/// What opening the register gave, when it gave no register.
#[derive(Clone, PartialEq)]
enum Opening {
    Reading,
    Open,
    Failed(String),
}

#[function_component(RegisterPage)]
pub fn register_page(props: &RegisterProps) -> Html {
    let shelf = use_shelf();
    let shared: Shared = (*use_memo((), |_| Rc::new(std::cell::RefCell::new(None)))).clone();
    let opening = use_state(|| Opening::Reading);
    let rerender = use_force_update();
    {
        let (shared, shelf, opening) = (shared.clone(), shelf.clone(), opening.clone());
        use_effect_with(props.what.clone(), move |what| {
            let what = what.clone();
            let (into, shelf_in) = (shared.clone(), shelf.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = open_or_make(&shelf_in, &what).await;
                match result {
                    Ok(open) => {
                        *into.borrow_mut() = Some(open);
                        opening.set(Opening::Open);
                    }
                    Err(e) => opening.set(Opening::Failed(e)),
                }
            });
            // A change still waiting is written when the page is hidden or closed, as the lists' editor does.
            let window: web_sys::EventTarget = gloo::utils::window().into();
            let document: web_sys::EventTarget = gloo::utils::document().into();
            let flush = |target: &web_sys::EventTarget, event: &'static str| {
                let (shared, shelf) = (shared.clone(), shelf.clone());
                gloo::events::EventListener::new(target, event, move |_| {
                    open::flush(&shared, &shelf)
                })
            };
            let listeners = [
                flush(&window, "pagehide"),
                flush(&document, "visibilitychange"),
            ];
            move || {
                drop(listeners);
                open::flush(&shared, &shelf)
            }
        });
    }
    match &*opening {
        Opening::Reading => html! { <p class="muted" role="status">{ "正在打开……" }</p> },
        Opening::Failed(e) => html! {
            <section>
                <p class="crumbs"><a href="#/">{ "← 返回首页" }</a></p>
                <p class="notice error" role="alert">{ e }</p>
            </section>
        },
        Opening::Open => {
            let rerender = Callback::from(move |_: ()| rerender.force_update());
            page(&shared, &shelf, rerender)
        }
    }
}

/// The stored register `what` names, or a new one of the kind it names: saved at once, and the address made its own.
async fn open_or_make(shelf: &Shelf, what: &str) -> Result<Open, String> {
    if let Some(kind) = what.strip_prefix("new/").and_then(RegisterKind::of_code) {
        let register = Register::new(kind, clock::new_id(), new_header());
        let mut open = Open::new(register, None);
        open::save(shelf, &mut open);
        location::replace(&Route::Register(open.register.id.clone()));
        return Ok(open);
    }
    let (text, known) = storage::load_register(what).await.ok_or_else(|| {
        "本机没有找到这份清单。它可能已被删除，或是在另一台电脑、另一个浏览器中保存的。".to_string()
    })?;
    let kept = stored::decode(&text)?;
    Ok(Open::new(kept.register, known))
}

/// A new register's header: this computer's 党组织 and people as its newest list says them, the 活动 last chosen,
/// today as 填报日期.
fn new_header() -> Header {
    let newest = storage::all_local().into_iter().find_map(Result::ok);
    let mut header = newest.map(|d| d.document.header).unwrap_or_default();
    header.campaign = campaigns::last();
    header.batch = None;
    header.filed_on = crate::domain::dates::iso(clock::today());
    header
}

fn page(shared: &Shared, shelf: &Shelf, rerender: Callback<()>) -> Html {
    let guard = shared.borrow();
    let Some(open) = guard.as_ref() else {
        return html! {};
    };
    let register = &open.register;
    // Findings show once 检查 was pressed: before that, a key need not check the whole register.
    let report = match open.checked {
        true => validate(register, clock::today()),
        false => Default::default(),
    };
    let edit = {
        let (shared, shelf, rerender) = (shared.clone(), shelf.clone(), rerender.clone());
        Callback::from(move |action| {
            let again = rerender.clone();
            open::edit(&shared, &shelf, action, move || again.emit(()));
            rerender.emit(());
        })
    };
    let form = Form {
        edit,
        findings: Rc::new(report.findings.clone()),
        read_only: false,
    };
    let step = |f: fn(&Shelf, &mut Open) -> Result<String, String>| {
        acting(
            shared,
            shelf,
            &rerender,
            move |shelf, open, _: MouseEvent| f(shelf, open),
        )
    };
    let include = acting(shared, shelf, &rerender, |shelf, open, item: String| {
        open::include_item(shelf, open, &item)
    });
    if open.previewing {
        return preview(
            register,
            step(|_, o| {
                o.previewing = false;
                Ok(String::new())
            }),
        );
    }
    let cards = items::Cards {
        form: form.clone(),
        include,
    };
    html! {
        <>
            <p class="crumbs"><a href="#/">{ "← 返回首页" }</a></p>
            <h1>{ register.kind.title() }</h1>
            <p class="muted">{ format!("活动：{}", crate::domain::list::campaign::label(&register.header)) }</p>
            { said(open) }
            { header_form(&form, &register.header) }
            <section aria-labelledby="items-heading">
                <h2 id="items-heading">{ what_it_holds(register.kind) }</h2>
                { match register.kind {
                    RegisterKind::Survey => items::survey(&cards, register),
                    RegisterKind::Results => items::results(&cards, register),
                    RegisterKind::Opinions => items::opinions(&cards, register),
                } }
                { form.findings_at("list", "items") }
                { add_button(register.kind, &form) }
                if open.before_removal.is_some() {
                    <button type="button" onclick={step(undo_removal)}>{ "撤销删除" }</button>
                }
            </section>
            { check_and_export(open, &report, step(check), step(open::export_json), step(|_, o| {
                o.previewing = true;
                Ok(String::new())
            })) }
        </>
    }
}

/// A step on the open register (检查, 导出JSON, 纳入检视整改 …): what it says goes to the status line, and the page
/// shows the register as it left it.
fn acting<A: 'static>(
    shared: &Shared,
    shelf: &Shelf,
    rerender: &Callback<()>,
    step: impl Fn(&Shelf, &mut Open, A) -> Result<String, String> + 'static,
) -> Callback<A> {
    let (shared, shelf, rerender) = (shared.clone(), shelf.clone(), rerender.clone());
    Callback::from(move |arg: A| {
        if let Some(open) = shared.borrow_mut().as_mut() {
            let said = step(&shelf, open, arg);
            open.said = Some(said);
        }
        rerender.emit(());
    })
}

fn what_it_holds(kind: RegisterKind) -> &'static str {
    match kind {
        RegisterKind::Survey => "调研课题和发现的问题",
        RegisterKind::Results => "调研成果及转化情况",
        RegisterKind::Opinions => "意见建议及办理情况",
    }
}

fn check(_: &Shelf, open: &mut Open) -> Result<String, String> {
    open.checked = true;
    Ok(String::new())
}

fn undo_removal(shelf: &Shelf, open: &mut Open) -> Result<String, String> {
    if let Some(before) = open.before_removal.take() {
        open.register = before;
        open::save(shelf, open);
    }
    Ok("已撤销删除。".into())
}

/// The status line: the last save, or what a step did; an error as an alert.
fn said(open: &Open) -> Html {
    match &open.said {
        Some(Ok(text)) if !text.is_empty() => {
            html! { <p class="notice ok" role="status">{ text }</p> }
        }
        Some(Err(text)) => html! { <p class="notice error" role="alert">{ text }</p> },
        _ => html! { <p class="muted" role="status">{ "修改会自动保存在本机。" }</p> },
    }
}

fn header_form(form: &Form, h: &Header) -> Html {
    html! {
        <section class="card" aria-labelledby="header-heading">
            <h2 id="header-heading">{ "表头信息" }</h2>
            <div class="form-grid">
                { form.field("header", "org_name", "党组织名称", &h.org_name, Control::Line) }
                { form.field("header", "parent_org", "上级党组织", &h.parent_org, Control::Line) }
                { form.field("header", "filed_on", "填报日期", &h.filed_on, Control::Date) }
                { form.field("header", "filed_by", "填报人", &h.filed_by, Control::Line) }
                { form.field("header", "phone", "联系电话", &h.phone, Control::Line) }
                { form.field("header", "reviewer", "审核人（支部书记）", &h.reviewer, Control::Line) }
                { campaign_choice(form, h) }
            </div>
        </section>
    }
}

/// 活动: the presets, the 活动 this computer keeps and the register's own; a new one is defined on a list's 表头信息.
fn campaign_choice(form: &Form, h: &Header) -> Html {
    use crate::domain::register::edit::Action;
    let (mut options, at) = crate::domain::list::campaign::options(&campaigns::kept(), &h.campaign);
    options.pop(); // 自定义新活动…: defined where a list is filled in, then offered here.
    let onchange = {
        let (edit, options) = (form.edit.clone(), options.clone());
        Callback::from(move |e: Event| {
            let picked = crate::ui::dom::value_of(e.target()).parse::<usize>().ok();
            if let Some((_, c)) = picked.and_then(|i| options.get(i)) {
                edit.emit(Action::SetCampaign(c.clone()));
            }
        })
    };
    html! {
        <div class="field">
            <label for="r-header-campaign">{ "活动" }</label>
            <select id="r-header-campaign" {onchange} disabled={form.read_only}>
                { for options.iter().enumerate().map(|(i, (label, _))| html! {
                    <option value={i.to_string()} selected={i == at}>{ label }</option>
                }) }
            </select>
        </div>
    }
}

/// 添加调研课题, 添加成果 or 添加意见建议: a new item at the end.
fn add_button(kind: RegisterKind, form: &Form) -> Html {
    use crate::domain::register::edit::Action;
    let (label, make): (&str, fn(String) -> Action) = match kind {
        RegisterKind::Survey => ("添加调研课题", |id| Action::AddTopic { id }),
        RegisterKind::Results => ("添加成果", |id| Action::AddResult { id }),
        RegisterKind::Opinions => ("添加意见建议", |id| Action::AddOpinion { id }),
    };
    let edit = form.edit.clone();
    let onclick = Callback::from(move |_: MouseEvent| edit.emit(make(clock::new_id())));
    html! { <div class="button-row"><button type="button" class="primary" {onclick}>{ label }</button></div> }
}

/// 检查 and its results; 导出JSON, 导出Word, 导出Excel, 打印.
fn check_and_export(
    open: &Open,
    report: &crate::domain::list::findings::Report,
    check: Callback<MouseEvent>,
    export: Callback<MouseEvent>,
    print: Callback<MouseEvent>,
) -> Html {
    let request = |word: bool| {
        let register = open.register.clone();
        Callback::from(move |_: ()| Ok(Request::register(&register, clock::today(), word)))
    };
    html! {
        <section class="card" aria-labelledby="check-heading">
            <h2 id="check-heading">{ "检查、导出与打印" }</h2>
            <div class="button-row">
                <button type="button" class="primary" onclick={check}>{ "检查" }</button>
                <button type="button" onclick={export}>{ "导出JSON" }</button>
                <OfficeExport label="导出Word" request={request(true)} />
                <OfficeExport label="导出Excel" request={request(false)} />
                <button type="button" onclick={print}>{ "打印" }</button>
            </div>
            if open.checked {
                <section role="region" aria-label="检查结果">
                    if report.findings.is_empty() {
                        <p class="notice ok">{ "检查通过：没有发现错误和提醒。" }</p>
                    } else {
                        <p>{ format!("发现{}个错误、{}个提醒：", report.error_count(), report.warnings().count()) }</p>
                        <ul>
                            { for report.findings.iter().map(|f| html! {
                                <li>{ format!("{}（{}）：{}", f.severity.label(), f.location, f.message) }</li>
                            }) }
                        </ul>
                    }
                </section>
            }
        </section>
    }
}

/// 打印: the register as it prints, with 打印 and 返回; none of the controls prints.
fn preview(register: &Register, back: Callback<MouseEvent>) -> Html {
    let complete = validate(register, clock::today()).is_complete();
    let head = crate::domain::papers::register::heading(register, complete);
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    html! {
        <>
            <div class="print-controls">
                <h1>{ format!("打印预览：《{}》", register.kind.title()) }</h1>
                <p class="muted">{ "下面就是打印出来的样子（A4横向）。" }
                    if head.draft { <strong>{ "清单还有错误，每页都会印上“草稿”。" }</strong> }
                </p>
                <div class="button-row">
                    <button type="button" class="primary" onclick={print}>{ "打印" }</button>
                    <button type="button" onclick={back}>{ "返回填写" }</button>
                </div>
            </div>
            { paper::paper(register, &head) }
        </>
    }
}
