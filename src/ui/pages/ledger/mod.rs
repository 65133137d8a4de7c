//! 整改台账: every measure tracked to its close (挂账销号), the figures, the report paragraph, CSV and print.

mod entry_panel;
mod paper;
mod summary;

use yew::prelude::*;

use crate::domain::codes::{code, from_code};
use crate::domain::editor::route::{Route, Step};
use crate::domain::ledger::{self, Entry, Filter};
use crate::domain::list::model::{Document, Kind, Status};
use crate::domain::papers::request::Request;
use crate::domain::{dates, order};
use crate::ui::claim::use_claim;
use crate::ui::components::lazy_page::LazyPage;
use crate::ui::components::office_export::OfficeExport;
use crate::ui::session::SessionHandle;
use crate::ui::stored::{use_shelf, use_stored_draft, Loaded};
use crate::ui::web::lazy::Page;
use crate::ui::web::{clock, download, location};

#[derive(Properties, PartialEq)]
pub struct LedgerProps {
    pub id: String,
}

/// A labelled select of a filter: 全部 plus `choices`, each a (value, label) pair.
fn filter_select(
    id: &str,
    label: &str,
    value: &str,
    choices: Vec<(String, String)>,
    on: Callback<String>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        use wasm_bindgen::JsCast;
        if let Some(s) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        {
            on.emit(s.value());
        }
    });
    html! {
        <div class="field">
            <label for={id.to_string()}>{ label }</label>
            <select id={id.to_string()} {onchange}>
                <option value="" selected={value.is_empty()}>{ "全部" }</option>
                { for choices.into_iter().map(|(v, l)| html! { <option value={v.clone()} selected={v == value}>{ l }</option> }) }
            </select>
        </div>
    }
}

#[function_component(Ledger)]
pub fn ledger_page(props: &LedgerProps) -> Html {
    let rerender = use_force_update();
    // The ledger changes the draft too: it claims it like 填写 does, so two tabs never overwrite each other.
    let claim = use_claim(&props.id);
    let shelf = use_shelf();
    let stored = use_stored_draft(&shelf, &props.id, claim.tab.reload);
    let session = use_memo(stored.clone(), move |stored| match &*stored.loaded {
        Loaded::Found(chosen) => Some(SessionHandle::open(
            shelf.clone(),
            chosen.draft.clone(),
            chosen.known.clone(),
            Callback::from(move |_| rerender.force_update()),
        )),
        _ => None,
    });
    let filter = use_state(Filter::default);
    let open = use_state(|| None::<String>);
    let notice = use_state(|| None::<String>);
    // 打印 shows the page as it will print first (as the list's 打印 does), with 打印 and 返回台账.
    let previewing = use_state(|| false);
    {
        let session = session.clone();
        use_effect_with(session, |s| {
            let s = (**s).clone();
            move || {
                if let Some(s) = s {
                    s.flush();
                }
            }
        });
    }
    let Some(session) = (*session).clone() else {
        if let Loaded::Reading = &*stored.loaded {
            return html! { <p class="muted" role="status">{ "正在打开台账……" }</p> };
        }
        return html! {
            <section>
                <h1>{ "整改台账" }</h1>
                <p class="notice error" role="alert">{ "本机没有找到这份清单，无法打开台账。" }</p>
            </section>
        };
    };
    claim.hold(&session);
    let today = clock::today();
    let doc = session.read(|s| s.doc.clone());
    let all = ledger::entries(&doc, today);
    let shown: Vec<&Entry> = all.iter().filter(|e| filter.keeps(e)).collect();
    let id = props.id.clone();
    let back = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        location::go(&Route::Edit(id.clone(), Step::Header));
    });
    let member_list = doc.kind == Kind::Member;
    html! {
        <ContextProvider<SessionHandle> context={session.clone()}>
          <div class={classes!("ledger-page", previewing.then_some("ledger-preview"))}>
            if *previewing {
                { preview_controls(&previewing) }
            }
            <p class="crumbs no-print"><a href={Route::Edit(props.id.clone(), Step::Header).hash()} onclick={back}>{ "← 返回填写" }</a></p>
            <header class="doc-head ledger-head">
                <h1 class="doc-title">{ format!("{}检视整改问题整改台账", doc.header.org_name.trim()) }</h1>
                <p class="as-of">{ crate::domain::list::campaign::as_of_line(&doc.header, &dates::official(today)) }</p>
            </header>
            { claim.notice() }
            <summary::SummaryBlock doc={doc.clone()} {today} />
            <LedgerDispatch doc={doc.clone()} />
            { ledger_toolbar(&doc, today, &notice, &previewing) }
            <section aria-labelledby="entries-heading">
                <h2 id="entries-heading">
                    { "台账" }<span class="no-print">{ format!("（{}项，显示{}项）", all.len(), shown.len()) }</span>
                </h2>
                { filters(&all, &doc, &filter) }
                { entries_table(&shown, member_list, &open, claim.read_only()) }
                { paper::paper_table(&shown, member_list) }
            </section>
          </div>
        </ContextProvider<SessionHandle>>
    }
}

/// 导出CSV, 导出Excel, 打印, and what the last of them said.
fn ledger_toolbar(
    doc: &Document,
    today: chrono::NaiveDate,
    notice: &UseStateHandle<Option<String>>,
    previewing: &UseStateHandle<bool>,
) -> Html {
    let export_csv = {
        let (doc, notice) = (doc.clone(), notice.clone());
        Callback::from(move |_: MouseEvent| {
            let name = ledger::csv_file_name(&doc, today);
            notice.set(Some(
                match download::save(&name, &ledger::csv(&doc, today), "text/csv;charset=utf-8") {
                    Ok(()) => format!("已导出“{name}”，可用Excel或WPS表格打开。"),
                    Err(e) => e,
                },
            ));
        })
    };
    let print = {
        let previewing = previewing.clone();
        Callback::from(move |_: MouseEvent| {
            previewing.set(true);
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
        })
    };
    html! {
        <>
            <div class="toolbar button-row no-print">
                <button type="button" onclick={export_csv}>{ "导出CSV" }</button>
                <OfficeExport label="导出Excel" request={{
                    let doc = doc.clone();
                    Callback::from(move |()| Ok(Request::ledger(doc.clone(), today)))
                }} />
                <button type="button" onclick={print}>{ "打印" }</button>
            </div>
            if let Some(text) = (**notice).clone() {
                <p class="notice ok no-print" role="status">{ text }</p>
            }
        </>
    }
}

/// Above the preview: what it is, 打印 (the browser's dialog) and 返回台账. Not printed.
fn preview_controls(previewing: &UseStateHandle<bool>) -> Html {
    let back = {
        let previewing = previewing.clone();
        Callback::from(move |_: MouseEvent| previewing.set(false))
    };
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    html! {
        <div class="preview-controls" role="region" aria-label="打印预览">
            <h1>{ "打印预览：整改台账" }</h1>
            <p class="muted">{ "下面就是打印出来的样子（A4横向，表头在每页重复）。筛选后的台账只打印筛选出的措施。" }</p>
            <div class="button-row">
                <button type="button" class="primary" onclick={print}>{ "打印" }</button>
                <button type="button" onclick={back}>{ "返回台账" }</button>
            </div>
        </div>
    }
}

/// 筛选: by category, status, person and unit, overdue and due soon.
fn filters(all: &[Entry], doc: &Document, filter: &UseStateHandle<Filter>) -> Html {
    let set = |apply: fn(&mut Filter, String)| {
        let filter = filter.clone();
        Callback::from(move |v: String| {
            let mut f = (*filter).clone();
            apply(&mut f, v);
            filter.set(f);
        })
    };
    let toggle = |apply: fn(&mut Filter)| {
        let filter = filter.clone();
        Callback::from(move |_: Event| {
            let mut f = (*filter).clone();
            apply(&mut f);
            filter.set(f);
        })
    };
    let distinct = |pick: fn(&Entry) -> &String| -> Vec<(String, String)> {
        let mut values: Vec<String> = all
            .iter()
            .map(pick)
            .filter(|s| !s.is_empty())
            .cloned()
            .collect();
        order::sort_by(&mut values, Ord::cmp);
        values.dedup();
        values.into_iter().map(|v| (v.clone(), v)).collect()
    };
    let categories = doc
        .header
        .categories
        .iter()
        .map(|v| (v.clone(), v.clone()))
        .collect();
    let f = (**filter).clone();
    html! {
        <div class="filters form-grid no-print" role="group" aria-label="筛选">
            { filter_select("filter-category", "按问题类别", &f.category, categories, set(|f, v| f.category = v)) }
            { filter_select("filter-status", "按整改状态", &f.status.map(|s| code(&s)).unwrap_or_default(),
                Status::ALL.iter().map(|s| (code(s), s.label().to_string())).collect(), set(|f, v| f.status = from_code(&v))) }
            { filter_select("filter-lead", "按责任人", &f.lead, distinct(|e| &e.lead), set(|f, v| f.lead = v)) }
            { filter_select("filter-dept", "按责任单位", &f.dept, distinct(|e| &e.dept), set(|f, v| f.dept = v)) }
            <label class="choice" for="filter-overdue">
                <input type="checkbox" id="filter-overdue" checked={f.overdue_only} onchange={toggle(|f| f.overdue_only = !f.overdue_only)} />
                { "只看逾期" }
            </label>
            <label class="choice" for="filter-due-soon">
                <input type="checkbox" id="filter-due-soon" checked={f.due_soon_only} onchange={toggle(|f| f.due_soon_only = !f.due_soon_only)} />
                { format!("只看临期（{}日内到期）", ledger::DUE_SOON_DAYS) }
            </label>
        </div>
    }
}

/// The entries, each with 办理 opening its panel.
fn entries_table(
    shown: &[&Entry],
    member_list: bool,
    open: &UseStateHandle<Option<String>>,
    read_only: bool,
) -> Html {
    html! {
        <>
            <table class="list ledger no-print">
                <thead>
                    <tr>
                        <th class="c-number">{ "台账编号" }</th>
                        if member_list { <th class="c-name">{ "党员" }</th> }
                        <th>{ "问题表现" }</th><th>{ "整改措施" }</th><th>{ "整改目标" }</th><th class="c-deadline">{ "整改时限" }</th>
                        if !member_list { <th class="c-person">{ "牵头责任人" }</th><th class="c-dept">{ "责任单位" }</th> }
                        <th class="c-status">{ "整改状态" }</th><th>{ "最新进展" }</th><th class="c-act no-print">{ "办理" }</th>
                    </tr>
                </thead>
                { for shown.iter().map(|e| entry_rows(e, member_list, open, read_only)) }
            </table>
            if shown.is_empty() {
                <p class="muted no-print">{ "没有符合筛选条件的措施。" }</p>
            }
        </>
    }
}

fn entry_rows(
    e: &Entry,
    member_list: bool,
    open: &UseStateHandle<Option<String>>,
    read_only: bool,
) -> Html {
    let is_open = open.as_deref() == Some(e.measure_id.as_str());
    let toggle = {
        let (open, id) = (open.clone(), e.measure_id.clone());
        Callback::from(move |_: MouseEvent| open.set(if is_open { None } else { Some(id.clone()) }))
    };
    let columns = if member_list { 8 } else { 9 };
    html! {
        <tbody key={e.measure_id.clone()} class={classes!(e.overdue.then_some("overdue"), e.due_soon.then_some("due-soon"), e.closed.then_some("closed"))}>
            <tr>
                <td class="center">{ &e.number }</td>
                if member_list { <td>{ &e.member }</td> }
                <td class="text">{ &e.problem }</td>
                <td class="text">{ &e.content }</td>
                <td class="text">{ &e.goal }</td>
                <td class="nowrap">{ &e.deadline }</td>
                if !member_list { <td>{ &e.lead }</td><td>{ &e.dept }</td> }
                <td>
                    { e.status.label() }
                    if e.overdue { <span class="badge overdue">{ "逾期" }</span> }
                    if e.due_soon { <span class="badge due-soon">{ "临期" }</span> }
                    if e.closed { <span class="badge closed">{ "已销号" }</span> }
                </td>
                <td class="text">{ &e.latest }</td>
                <td class="no-print">
                    <button type="button" class="small" aria-expanded={is_open.to_string()} onclick={toggle}
                        aria-label={format!("办理{}", e.number)}>{ if is_open { "收起" } else { "办理" } }</button>
                </td>
            </tr>
            if is_open {
                <tr class="panel-row no-print">
                    <td colspan={(columns + 1).to_string()}>
                        <fieldset class="step-fieldset" disabled={read_only}>
                            <entry_panel::EntryPanel measure={e.measure_id.clone()} number={e.number.clone()} />
                        </fieldset>
                    </td>
                </tr>
            }
        </tbody>
    }
}

#[derive(Properties, PartialEq)]
struct LedgerDispatchProps {
    doc: Document,
}

/// 调度 of this list: the office module's view, loaded when the section is first opened (a 党支部 seldom needs it,
/// and its start-up never pays for it).
#[function_component(LedgerDispatch)]
fn ledger_dispatch(props: &LedgerDispatchProps) -> Html {
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            if let Some(d) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
            {
                open.set(d.open());
            }
        })
    };
    let list = (*open)
        .then(|| serde_json::to_string(&props.doc).ok())
        .flatten();
    html! {
        <details class="ledger-dispatch no-print" {ontoggle}>
            <summary>{ "调度：本周、本月或两日之间的进展" }</summary>
            if let Some(list) = list {
                <LazyPage page={Page::Dispatch(list)} />
            }
        </details>
    }
}
