//! 汇总 for the central office: many branch files chosen or dropped at once, each with a verdict, a table of
//! branches, the unit's figures and chart, the consolidated ledger with CSV, a printable summary, and the
//! branches still missing. The set is kept on this computer and can be cleared.

mod branch_view;
mod branches;
mod chart;

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::consolidate::{consolidate, Consolidation};
use crate::domain::dates;
use crate::domain::model::Status;
use crate::ui::components::confirm::Confirm;
use crate::ui::web::summary_store::{self, SummarySet};
use crate::ui::web::{clipboard, clock, download, files};

/// How many rows of the consolidated ledger the page shows at once; the CSV has them all.
const LEDGER_ROWS: usize = 200;

/// The set and what was made of it, with how long reading and checking took (shown, and read by the benchmark).
#[derive(PartialEq)]
struct Made {
    consolidation: Consolidation,
    millis: f64,
}

fn make(set: &SummarySet) -> Made {
    let start = js_sys::Date::now();
    let consolidation = consolidate(&set.inputs(), clock::today());
    Made {
        consolidation,
        millis: js_sys::Date::now() - start,
    }
}

/// What the page says after an action: done, or what went wrong.
type Notice = UseStateHandle<Option<Result<String, String>>>;

/// Keeps `next` on this computer, then says `done` (or why the set could not be kept).
fn keep(next: SummarySet, notice: Notice, done: Option<String>) {
    wasm_bindgen_futures::spawn_local(async move {
        match summary_store::save(&next).await {
            Ok(()) => {
                if let Some(done) = done {
                    notice.set(Some(Ok(done)));
                }
            }
            Err(e) => notice.set(Some(Err(e))),
        }
    });
}

#[function_component(Consolidate)]
pub fn consolidate_page() -> Html {
    // The set kept on this computer arrives from IndexedDB a moment after the page opens; files are taken only then,
    // so that the kept set cannot overwrite them.
    let set = use_state(summary_store::empty);
    let loaded = use_state(|| false);
    {
        let (set, loaded) = (set.clone(), loaded.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                set.set(summary_store::load().await);
                loaded.set(true);
            });
        });
    }
    let made = use_memo((*set).clone(), |set| Rc::new(make(set)));
    let reading = use_state(|| None::<(usize, usize)>);
    let notice = use_state(|| None::<Result<String, String>>);
    let selected = use_state(|| None::<usize>);
    let asking_clear = use_state(|| false);
    let only_overdue = use_state(|| false);
    let branch_filter = use_state(String::new);
    let today = clock::today();

    let add_files = {
        let (set, reading, notice) = (set.clone(), reading.clone(), notice.clone());
        Callback::from(move |list: Vec<web_sys::File>| {
            if list.is_empty() {
                return;
            }
            let (set, notice, progress, done_reading) = (
                set.clone(),
                notice.clone(),
                reading.clone(),
                reading.clone(),
            );
            reading.set(Some((0, list.len())));
            files::read_all(
                list,
                move |done, total| progress.set(Some((done, total))),
                move |read| {
                    let mut next = (*set).clone();
                    next.add(&read);
                    done_reading.set(None);
                    set.set(next.clone());
                    keep(
                        next,
                        notice.clone(),
                        Some(format!("已读取{}个文件。", read.len())),
                    );
                },
            );
        })
    };
    let on_pick = {
        let add_files = add_files.clone();
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                let list = files::from_list(input.files());
                input.set_value("");
                add_files.emit(list);
            }
        })
    };
    let on_drop = {
        let add_files = add_files.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            add_files.emit(files::from_list(e.data_transfer().and_then(|d| d.files())));
        })
    };
    let on_drag_over = Callback::from(|e: DragEvent| e.prevent_default());

    let c = &made.consolidation;
    let total = c.total();
    let report = c.report(today);
    let export_csv = {
        let (made, notice) = (made.clone(), notice.clone());
        Callback::from(move |_: MouseEvent| {
            let name = format!("汇总台账-{}.csv", dates::compact(today));
            notice.set(Some(
                download::save(
                    &name,
                    &made.consolidation.csv(today),
                    "text/csv;charset=utf-8",
                )
                .map(|()| format!("已导出“{name}”。")),
            ));
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let copy = {
        let report = report.clone();
        Callback::from(move |_: MouseEvent| clipboard::copy(&report, "unit-report"))
    };
    let expected_text = set.expected.join("\n");
    let on_expected = {
        let (set, notice) = (set.clone(), notice.clone());
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            if let Some(area) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            {
                let mut next = (*set).clone();
                next.expected = area
                    .value()
                    .lines()
                    .map(|l| l.trim().to_string())
                    .filter(|l| !l.is_empty())
                    .collect();
                set.set(next.clone());
                keep(next, notice.clone(), None);
            }
        })
    };
    let missing = c.missing(&set.expected);
    let clear = {
        let (set, asking, notice, selected) = (
            set.clone(),
            asking_clear.clone(),
            notice.clone(),
            selected.clone(),
        );
        Callback::from(move |_| {
            let next = summary_store::cleared(&set);
            set.set(next.clone());
            selected.set(None);
            asking.set(false);
            keep(
                next,
                notice.clone(),
                Some("已清空收到的文件（应报送名单保留）。".into()),
            );
        })
    };
    let entries = c.entries(today);
    let shown: Vec<_> = entries
        .iter()
        .filter(|(b, e, _)| {
            (!*only_overdue || e.overdue) && (branch_filter.is_empty() || *b == *branch_filter)
        })
        .collect();

    html! {
        <>
            <p class="crumbs no-print"><a href="#/">{ "首页" }</a>{ " › 汇总" }</p>
            <header class="intro">
                <h1>{ "汇总" }</h1>
                <p>{ "主题教育办公室用：一次选择或拖入各党支部报送的清单文件，逐个检查并汇总。文件只在本机处理，不会上传。" }</p>
            </header>
            <section class="no-print" aria-labelledby="receive-heading">
                <h2 id="receive-heading">{ "收到的文件" }</h2>
                if *loaded {
                    <div class="drop-zone" ondrop={on_drop} ondragover={on_drag_over}>
                        <label class="file-button">
                            <input type="file" multiple=true accept=".json,application/json" onchange={on_pick} />
                            <span>{ "导入文件" }</span>
                        </label>
                        <span class="muted">{ "可一次选择多个文件，也可以把文件拖到这里。" }</span>
                    </div>
                } else {
                    <p class="muted" role="status">{ "正在读取本机保存的汇总……" }</p>
                }
                if let Some((done, total)) = *reading {
                    <div class="reading">
                        <label for="reading-progress">{ format!("正在读取 {done}/{total}") }</label>
                        <progress id="reading-progress" max={total.to_string()} value={done.to_string()} />
                    </div>
                }
                {
                    match (*notice).clone() {
                        Some(Ok(t)) => html! { <p class="notice ok" role="status">{ t }</p> },
                        Some(Err(t)) => html! { <p class="notice error" role="alert">{ t }</p> },
                        None => html! {},
                    }
                }
                if !c.submissions.is_empty() {
                    <table class="list verdicts">
                        <caption>{ format!("共{}个文件（读取并检查用时 ", c.submissions.len()) }<span id="consolidate-ms">{ made.millis.round() as u64 }</span>{ " 毫秒）" }</caption>
                        <thead><tr><th>{ "文件名" }</th><th>{ "结论" }</th></tr></thead>
                        <tbody>
                            { for c.submissions.iter().map(|s| html! {
                                <tr class={classes!(if s.verdict.counts() { "counts" } else { "not-counted" })}><td>{ &s.file_name }</td><td>{ s.verdict.label() }</td></tr>
                            }) }
                        </tbody>
                    </table>
                    <div class="button-row">
                        <button type="button" class="danger-text" onclick={{ let a = asking_clear.clone(); Callback::from(move |_: MouseEvent| a.set(true)) }}>{ "清空收到的文件" }</button>
                    </div>
                    if *asking_clear {
                        <Confirm message="确定清空本机保存的全部收到文件吗？清空后需要重新导入。" confirm_label="确定清空"
                            on_confirm={clear} on_cancel={{ let a = asking_clear.clone(); Callback::from(move |_| a.set(false)) }} />
                    }
                }
            </section>
            if !c.branches.is_empty() {
                <section aria-labelledby="unit-heading">
                    <h2 id="unit-heading">{ "全单位汇总" }</h2>
                    <p class="as-of">{ format!("截至{}", dates::official(today)) }</p>
                    <dl class="figures">
                        { for [
                            ("党支部", c.branch_names().len().to_string()),
                            ("清单", c.branches.len().to_string()),
                            ("问题总数", total.problems.to_string()),
                            ("措施总数", total.measures.to_string()),
                            ("已完成整改", total.count(Status::Done).to_string()),
                            ("阶段性完成并长期坚持", total.count(Status::PhasedLongTerm).to_string()),
                            ("正在整改", total.count(Status::InProgress).to_string()),
                            ("申请延期", total.count(Status::Extended).to_string()),
                            ("未整改", total.count(Status::NotStarted).to_string()),
                            ("逾期", total.overdue.to_string()),
                            ("已销号", total.closed.to_string()),
                            ("整改完成率", total.rate()),
                        ].into_iter().map(|(k, v)| html! { <div class="figure"><dt>{ k }</dt><dd>{ v }</dd></div> }) }
                    </dl>
                    { chart::category_chart(&c.by_category(today)) }
                    <div class="report">
                        <h3>{ "情况说明（可复制到总结材料中）" }</h3>
                        <p id="unit-report">{ &report }</p>
                        <button type="button" class="no-print" onclick={copy}>{ "复制这段文字" }</button>
                    </div>
                    <div class="toolbar button-row no-print">
                        <button type="button" onclick={export_csv}>{ "导出CSV" }</button>
                        <button type="button" onclick={print}>{ "打印" }</button>
                    </div>
                </section>
                <section aria-labelledby="branches-heading">
                    <h2 id="branches-heading">{ "各党支部" }</h2>
                    <branches::BranchTable branches={c.branches.clone()} on_open={{ let s = selected.clone(); Callback::from(move |i| s.set(Some(i))) }} />
                </section>
                if let Some(branch) = selected.and_then(|i| c.branches.get(i)) {
                    { branch_view::branch_view(branch, today, { let s = selected.clone(); Callback::from(move |_| s.set(None)) }) }
                }
                <section class="no-print" aria-labelledby="unit-ledger-heading">
                    <h2 id="unit-ledger-heading">{ format!("汇总台账（{}项）", entries.len()) }</h2>
                    <div class="filters form-grid no-print" role="group" aria-label="筛选汇总台账">
                        <div class="field">
                            <label for="unit-branch">{ "按党支部" }</label>
                            <select id="unit-branch" onchange={{ let f = branch_filter.clone(); Callback::from(move |e: Event| {
                                use wasm_bindgen::JsCast;
                                if let Some(s) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) { f.set(s.value()); }
                            }) }}>
                                <option value="" selected={branch_filter.is_empty()}>{ "全部" }</option>
                                { for c.branch_names().into_iter().map(|b| html! { <option value={b.clone()} selected={b == *branch_filter}>{ b.clone() }</option> }) }
                            </select>
                        </div>
                        <label class="choice" for="unit-overdue">
                            <input type="checkbox" id="unit-overdue" checked={*only_overdue} onchange={{ let o = only_overdue.clone(); Callback::from(move |_: Event| o.set(!*o)) }} />
                            { "只看逾期" }
                        </label>
                    </div>
                    <table class="list ledger unit-ledger">
                        <thead><tr><th>{ "党支部" }</th><th>{ "台账编号" }</th><th>{ "问题表现" }</th><th>{ "整改措施" }</th><th>{ "整改时限" }</th><th>{ "责任人" }</th><th>{ "整改状态" }</th></tr></thead>
                        <tbody>
                            { for shown.iter().take(LEDGER_ROWS).map(|(b, e, _)| html! {
                                <tr class={classes!(e.overdue.then_some("overdue-row"))}>
                                    <td>{ b }</td><td>{ &e.number }</td><td class="text">{ &e.problem }</td><td class="text">{ &e.content }</td>
                                    <td>{ &e.deadline }</td><td>{ if e.lead.is_empty() { &e.member } else { &e.lead } }</td>
                                    <td>{ e.status.label() }if e.overdue { <span class="badge overdue">{ "逾期" }</span> }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                    if shown.len() > LEDGER_ROWS {
                        <p class="muted">{ format!("共{}项，页面上显示前{LEDGER_ROWS}项；请用筛选缩小范围，或“导出CSV”查看全部。", shown.len()) }</p>
                    }
                </section>
            }
            <section class="no-print" aria-labelledby="expected-heading">
                <h2 id="expected-heading">{ "还有哪些党支部没报" }</h2>
                <div class="field wide">
                    <label for="expected">{ "应报送的党支部（每行一个，名称与清单中的党组织名称一致）" }</label>
                    <textarea id="expected" rows="4" value={expected_text} onchange={on_expected} />
                </div>
                if set.expected.is_empty() {
                    <p class="muted">{ "填写应报送的党支部名单后，这里会列出还没有报送的党支部。" }</p>
                } else if missing.is_empty() {
                    <p class="notice ok">{ "名单上的党支部都已报送党组织清单和党员清单。" }</p>
                } else {
                    <ul class="missing">
                        { for missing.iter().map(|(name, org, member)| {
                            let what = match (org, member) { (true, true) => "两份清单都没报", (true, false) => "没报党组织清单", _ => "没报党员清单" };
                            html! { <li>{ format!("{name}：{what}") }</li> }
                        }) }
                    </ul>
                }
            </section>
        </>
    }
}
