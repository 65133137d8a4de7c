//! 汇总 for the central office: many branch files chosen or dropped at once, each with a verdict, a table of
//! 党支部 (each with both its lists), the unit's figures and chart, the consolidated ledger with CSV, a printable
//! summary, and the 党支部 still missing. The set is kept on this computer; a file can be removed, names joined,
//! and the set cleared.
//!
//! The page's state is `domain::summary_page` (its rules tested natively) in a `ui::store::Store`: this file
//! carries out its effects (keep the set, render again) and lays the parts out; each part is a file of its own.

mod branch_view;
mod branches;
mod campaigns;
mod chart;
mod copies;
mod expected;
mod joins;
mod receive;
mod review;
mod unit;
mod unit_ledger;
mod waiting;

use std::rc::Rc;

use chrono::Datelike;
use yew::prelude::*;

use crate::domain::editor::route::Route;
use crate::domain::office::branches::Unit;
use crate::domain::office::dispatch::dispatch;
use crate::domain::office::period::Period;
pub use crate::domain::office::summary_page::Made;
use crate::domain::office::summary_page::{Effect, Event, Model};
use crate::domain::office::summary_set::SummarySet;
use crate::ui::dom;
use crate::ui::office::dispatch_view::DispatchView;
use crate::ui::office::papers;
use crate::ui::office::table_import::TableImport;
use crate::ui::shared::Shared;
use crate::ui::store::Store;
use crate::ui::web::{clock, location, summary_store};

/// The page's store: created once, its effects carried out here, the set kept on this computer loaded into it.
#[hook]
fn use_desk() -> Store<Model> {
    let rerender = use_force_update();
    let desk = use_memo((), move |_| {
        let store = Store::new(Model::new(js_sys::Date::now));
        store.carry_out_with(move |store, effect| match effect {
            Effect::Keep { set, expected } => {
                let weak = store.downgrade();
                wasm_bindgen_futures::spawn_local(async move {
                    let kept = summary_store::keep(&set, expected).await;
                    if let Some(store) = weak.upgrade() {
                        store.send(Event::Kept(kept));
                    }
                });
            }
            Effect::Reload => reload(store.downgrade()),
            Effect::Changed => rerender.force_update(),
        });
        store
    });
    {
        // Another tab of 汇总 stored the set: it is read and shown here (the core decides how).
        let weak = desk.downgrade();
        use_effect_with((), move |_| {
            let heard = summary_store::listen(move |stamp| {
                if let Some(store) = weak.upgrade() {
                    if store.read(|m| m.stamp) != stamp {
                        reload(store.downgrade());
                    }
                }
            });
            move || drop(heard)
        });
    }
    {
        // The address says which list is open (`#/summary/list/<id>`): followed from the start, and on every
        // change (a list opened, 返回汇总, the browser's back button).
        let weak = desk.downgrade();
        use_effect_with((), move |_| {
            let open = move |hash: String| {
                if let (Some(store), Route::Consolidate(list)) =
                    (weak.upgrade(), Route::parse(&hash))
                {
                    store.send(Event::Open(list));
                }
            };
            open(location::hash());
            let listener = location::on_hash_change(open);
            move || drop(listener)
        });
    }
    {
        // The set kept on this computer arrives a moment after the page opens; files are taken only then.
        let weak = desk.downgrade();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let (set, stamp) = summary_store::load().await;
                if let Some(store) = weak.upgrade() {
                    store.send(Event::Loaded(set, stamp));
                }
            });
        });
    }
    (*desk).clone()
}

/// Reads the set as stored and gives it to the page as another tab's.
fn reload(weak: crate::ui::store::WeakStore<Model>) {
    wasm_bindgen_futures::spawn_local(async move {
        let (set, stamp) = summary_store::load().await;
        if let Some(store) = weak.upgrade() {
            store.send(Event::Foreign(set, stamp));
        }
    });
}

/// A callback that sends the event `f` makes of what it is given.
fn sender<T: 'static>(desk: &Store<Model>, f: fn(T) -> Event) -> Callback<T> {
    let desk = desk.clone();
    Callback::from(move |x| desk.send(f(x)))
}

/// What the parts are given of the model: shared, so comparing props costs nothing.
struct View {
    set: Shared<SummarySet>,
    made: Shared<Made>,
    unit: Shared<Unit>,
}

#[function_component(Consolidate)]
pub fn consolidate_page() -> Html {
    let desk = use_desk();
    let v = desk.read(|m| View {
        set: Shared::from_rc(&m.set),
        made: Shared::from_rc(&m.made),
        unit: Shared::from_rc(&m.unit),
    });
    let (loaded, reading, notice, selected, dispatching) = desk.read(|m| {
        (
            m.loaded,
            m.reading,
            m.notice.clone(),
            m.opened(),
            m.dispatching,
        )
    });
    let (asked, back_to) = desk.read(|m| (m.selected.clone(), m.back_to.clone()));
    // A view changed: the opened list's heading, or back in the table the button it was opened from, takes focus.
    use_effect_with((selected, back_to), |(selected, back_to)| {
        if selected.is_some() {
            // The heading takes focus (screen readers start there); the page shows from its top, crumbs too.
            dom::focus_id("branch-view-heading");
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
        } else if let Some(id) = back_to {
            dom::focus_id(&branches::open_id(id));
        }
    });
    // Word and Excel tables waiting for their preview, one after another.
    let tables = waiting::use_tables(&desk);
    let today = clock::today();
    let any = !v.made.consolidation.lists.is_empty();
    if let Some(i) = selected {
        return opened(&v, i, today, sender(&desk, |e| e));
    }
    if asked.is_some() && loaded {
        return html! {
            <>
                <p class="crumbs"><a href={Route::Consolidate(None).hash()}>{ "← 返回汇总" }</a></p>
                <p class="notice warning" role="alert">{ "汇总中没有这份清单（可能已移除或清空）。请返回汇总重新选择。" }</p>
            </>
        };
    }
    html! {
        <>
            <p class="crumbs no-print"><a href="#/">{ "首页" }</a>{ " › 汇总" }</p>
            <header class="intro no-print">
                <h1>{ "汇总" }</h1>
                <p>{ "上级党组织（主题教育、学习教育办公室）用：一次选择或拖入各党支部报送的清单文件，逐个检查并汇总。文件只在本机处理，不会上传。" }</p>
            </header>
            <receive::Receive {loaded} {reading} made={v.made.clone()} {notice} unexported={v.set.unexported_reviews()}
                on_files={tables.add_files.clone()} on_clear={sender(&desk, Event::Clear)} on_remove={sender(&desk, Event::Remove)} />
            { waiting_table(&tables, &v.made) }
            { campaigns::choice(&v.made, sender(&desk, Event::Campaign)) }
            <copies::Copies made={v.made.clone()} on_change={sender(&desk, |e| e)} />
            if any {
                { view_switch(dispatching, sender(&desk, Event::Dispatching)) }
            }
            if any && dispatching {
                { dispatching_view(&v, today, &desk) }
            }
            if any && !dispatching {
                { summary_view(&v, today, &desk) }
            }
            if !dispatching {
                { expected::expected(&v.set.expected, &v.made.consolidation, &v.unit, sender(&desk, |e| e)) }
            }
        </>
    }
}

/// The first table waiting for its preview, and how many more.
fn waiting_table(tables: &waiting::Tables, made: &Made) -> Html {
    let Some((name, bytes)) = tables.waiting.first() else {
        return Html::default();
    };
    html! {
        <div class="no-print">
            if tables.waiting.len() > 1 { <p class="muted">{ format!("还有{}个表格等着核对。", tables.waiting.len() - 1) }</p> }
            <TableImport key={name.clone()} name={name.clone()} bytes={bytes.clone()}
                to_set={Some(tables.done.clone())} on_cancel={Some(tables.cancel.clone())}
                campaign={made.consolidation.lists.first().map(|l| l.document.header.campaign.clone())} />
        </div>
    }
}

/// 调度 in place of the summary.
fn dispatching_view(v: &View, today: chrono::NaiveDate, desk: &Store<Model>) -> Html {
    html! {
        <DispatchView {today} compare=true issuer={v.set.issuer.clone()} first_number={v.set.next_number(today.year())}
            issued={Rc::new(v.set.issued.clone())} on_issue={Some(sender(desk, Event::Issue))}
            on_issuer={Some(sender(desk, Event::Issuer))} on_first_number={Some(sender(desk, Event::FirstNumber))} make={{
            let (made, unit) = (v.made.clone(), v.unit.clone());
            Callback::from(move |(period, name): (Period, String)| dispatch(&made.consolidation, &unit, period, &name, today))
        }} />
    }
}

/// The summary: the unit's figures, its paper, 各党支部 with the names joined, and the consolidated ledger.
fn summary_view(v: &View, today: chrono::NaiveDate, desk: &Store<Model>) -> Html {
    html! {
        <>
        { unit::unit_summary(&v.made, &v.unit, &v.set, today, sender(desk, Event::Said)) }
        { papers::summary_paper(&v.made.consolidation, &v.unit, today, &v.set.issuer) }
        <section class="no-print" aria-labelledby="branches-heading">
            <h2 id="branches-heading">{ "各党支部" }</h2>
            <branches::BranchTable made={v.made.clone()} unit={v.unit.clone()} set={v.set.clone()}
                on_open={Callback::from(|id: String| location::go(&Route::Consolidate(Some(id))))} />
            <joins::Joins unit={v.unit.clone()} joined={v.set.joined.clone()} on_change={sender(desk, |e| e)} />
        </section>
        <unit_ledger::UnitLedger made={v.made.clone()} unit={v.unit.clone()} {today} />
        </>
    }
}

/// The button that shows 调度 in place of the summary, and back.
fn view_switch(dispatching: bool, on_switch: Callback<bool>) -> Html {
    html! {
        <div class="view-switch no-print">
            <button type="button" aria-pressed={if dispatching { "true" } else { "false" }}
                onclick={on_switch.reform(move |_: MouseEvent| !dispatching)}>{ "调度" }</button>
            <span class="muted">{ if dispatching { "再点一次返回汇总。" } else { "本周、本月或任意两日之间的进展，未报送的党支部，督办单。" } }</span>
        </div>
    }
}

/// The list opened read-only as a view of its own, with its 审核 panel; 返回汇总 goes back to the table.
fn opened(v: &View, i: usize, today: chrono::NaiveDate, send: Callback<Event>) -> Html {
    let c = &v.made.consolidation;
    let list = &c.lists[i];
    let on_review = send.reform(|(of, edit)| Event::Review { of, edit });
    let branch = v.unit.branch_of(i);
    html! {
        <>
            <p class="crumbs no-print">
                <a href="#/">{ "首页" }</a>{ " › " }<a href={Route::Consolidate(None).hash()}>{ "汇总" }</a>{ " › " }{ &branch.name }
            </p>
            { branch_view::branch_view(
                branch,
                list,
                today,
                html! {
                    <review::ReviewPanel key={list.digest.clone()} list={list.clone()} draft={v.set.review_of(&list.document, &list.digest)}
                        reviewer={v.set.reviewer.clone()} {today} on_change={on_review} />
                },
            ) }
        </>
    }
}
