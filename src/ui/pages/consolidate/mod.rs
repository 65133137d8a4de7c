//! 汇总 for the central office: many branch files chosen or dropped at once, each with a verdict, a table of
//! branches, the unit's figures and chart, the consolidated ledger with CSV, a printable summary, and the
//! branches still missing. The set is kept on this computer and can be cleared.
//!
//! This file holds the page's state (the set, and what was made of it) and lays the parts out; each part is a
//! file of its own.

mod branch_view;
mod branches;
mod chart;
mod expected;
mod receive;
mod review;
mod unit;
mod unit_ledger;

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::domain::consolidate::{consolidate, Consolidation};
use crate::domain::dispatch::dispatch;
use crate::domain::period::Period;
use crate::domain::summary_set::SummarySet;
use crate::ui::components::dispatch_view::DispatchView;
use crate::ui::shared::Shared;
use crate::ui::web::{clock, files, summary_store};

/// What was made of the set, with how long reading and checking took (shown, and read by the benchmark).
pub struct Made {
    pub consolidation: Consolidation,
    pub millis: f64,
}

fn make(set: &SummarySet) -> Made {
    let start = js_sys::Date::now();
    let consolidation = consolidate(&set.inputs(), clock::today());
    Made {
        consolidation,
        millis: js_sys::Date::now() - start,
    }
}

/// The set as far as the consolidation is concerned: its files. A review written or a reviewer's name changes the
/// set but not what was received, and must not consolidate every file again.
#[derive(Clone)]
struct FilesOf(Shared<SummarySet>);

impl PartialEq for FilesOf {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0 || self.0.files == other.0.files
    }
}

/// What the page says after an action: done, or what went wrong.
pub type Notice = UseStateHandle<Option<Result<String, String>>>;

/// A change of the set waiting to be kept on this computer once it is consolidated (the consolidation says which
/// files are lists), and what to say when it is kept.
type ToKeep = Rc<RefCell<Option<Option<String>>>>;

#[function_component(Consolidate)]
pub fn consolidate_page() -> Html {
    // The set kept on this computer arrives from IndexedDB a moment after the page opens; files are taken only
    // then, so that the kept set cannot overwrite them.
    let set = use_state(|| Shared::new(SummarySet::empty()));
    let loaded = use_state(|| false);
    {
        let (set, loaded) = (set.clone(), loaded.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                set.set(Shared::new(summary_store::load().await));
                loaded.set(true);
            });
        });
    }
    let made = use_memo(FilesOf((*set).clone()), |set| Shared::new(make(&set.0)));
    let reading = use_state(|| None::<(usize, usize)>);
    let notice: Notice = use_state(|| None);
    let selected = use_state(|| None::<usize>);
    // 调度 shows the period's movement in place of the summary (and prints as the 调度表).
    let dispatching = use_state(|| false);
    let to_keep: ToKeep = use_mut_ref(|| None);
    {
        // Keeps the set as consolidated: once per change, after the consolidation that says what to keep.
        let (set, to_keep, notice) = ((*set).clone(), to_keep.clone(), notice.clone());
        use_effect_with(((*made).clone(), (*set).clone()), move |(made, _)| {
            if let Some(done) = to_keep.borrow_mut().take() {
                let kept = set.to_keep(&made.consolidation);
                wasm_bindgen_futures::spawn_local(async move {
                    match summary_store::save(&kept).await {
                        Ok(()) => notice.set(done.map(Ok)),
                        Err(e) => notice.set(Some(Err(e))),
                    }
                });
            }
        });
    }
    // The set as last changed, for a change made before the page renders again.
    let latest = use_mut_ref(|| (*set).clone());
    *latest.borrow_mut() = (*set).clone();
    let change = {
        let (set, to_keep, latest) = (set.clone(), to_keep.clone(), latest.clone());
        Callback::from(move |(next, done): (SummarySet, Option<String>)| {
            *to_keep.borrow_mut() = Some(done);
            let next = Shared::new(next);
            *latest.borrow_mut() = next.clone();
            set.set(next);
        })
    };
    let add_files = {
        let (set, reading, change) = (set.clone(), reading.clone(), change.clone());
        Callback::from(move |list: Vec<web_sys::File>| {
            if list.is_empty() {
                return;
            }
            let (set, change, progress, done_reading) = (
                set.clone(),
                change.clone(),
                reading.clone(),
                reading.clone(),
            );
            reading.set(Some((0, list.len())));
            files::read_all(
                list,
                move |done, total| progress.set(Some((done, total))),
                move |read| {
                    let mut next = (**set).clone();
                    next.add(&read);
                    done_reading.set(None);
                    change.emit((next, Some(format!("已读取{}个文件。", read.len()))));
                },
            );
        })
    };
    let clear = {
        let (set, change, selected) = (set.clone(), change.clone(), selected.clone());
        Callback::from(move |_| {
            selected.set(None);
            change.emit((
                set.cleared(),
                Some("已清空收到的文件（应报送名单保留）。".into()),
            ));
        })
    };
    let set_expected = {
        let (set, change) = (set.clone(), change.clone());
        Callback::from(move |text: String| {
            let mut next = (**set).clone();
            next.set_expected(&text);
            change.emit((next, None));
        })
    };
    let keep_review = {
        let (latest, change) = (latest.clone(), change.clone());
        Callback::from(move |(of, edit): (review::Draft, review::ReviewEdit)| {
            // Applied to the set as it stands now, not as this render saw it (see `ReviewEdit`).
            let mut next = (**latest.borrow()).clone();
            let mut draft = next
                .reviews
                .iter()
                .find(|d| d.list == of.list)
                .cloned()
                .unwrap_or(of);
            edit.apply(&mut draft, &mut next.reviewer);
            next.keep_review(draft);
            change.emit((next, None));
        })
    };
    let today = clock::today();
    let c = &made.consolidation;
    html! {
        <>
            <p class="crumbs no-print"><a href="#/">{ "首页" }</a>{ " › 汇总" }</p>
            <header class={classes!("intro", dispatching.then_some("no-print"))}>
                <h1>{ "汇总" }</h1>
                <p>{ "主题教育办公室用：一次选择或拖入各党支部报送的清单文件，逐个检查并汇总。文件只在本机处理，不会上传。" }</p>
            </header>
            <receive::Receive loaded={*loaded} reading={*reading} made={(*made).clone()} notice={(*notice).clone()}
                on_files={add_files} on_clear={clear} />
            if !c.branches.is_empty() {
                <div class="view-switch no-print">
                    <button type="button" aria-pressed={if *dispatching { "true" } else { "false" }}
                        onclick={{ let d = dispatching.clone(); Callback::from(move |_: MouseEvent| d.set(!*d)) }}>{ "调度" }</button>
                    <span class="muted">{ if *dispatching { "再点一次返回汇总。" } else { "本周、本月或任意两日之间的进展，未报送的党支部，督办单。" } }</span>
                </div>
            }
            if !c.branches.is_empty() && *dispatching {
                <DispatchView {today} make={{
                    let made = made.clone();
                    Callback::from(move |(period, name): (Period, String)| dispatch(&made.consolidation, period, &name, today))
                }} />
            }
            if !c.branches.is_empty() && !*dispatching {
                { unit::unit_summary(&made, &set, today, notice.clone()) }
                <section aria-labelledby="branches-heading">
                    <h2 id="branches-heading">{ "各党支部" }</h2>
                    <branches::BranchTable made={(*made).clone()} set={(*set).clone()} on_open={{ let s = selected.clone(); Callback::from(move |i| s.set(Some(i))) }} />
                </section>
                if let Some(branch) = selected.and_then(|i| c.branches.get(i)) {
                    { branch_view::branch_view(branch, today, { let s = selected.clone(); Callback::from(move |_| s.set(None)) }, html! {
                        <review::ReviewPanel key={branch.digest.clone()} branch={branch.clone()} draft={set.review_of(&branch.document, &branch.digest)}
                            reviewer={set.reviewer.clone()} {today} on_change={keep_review.clone()} />
                    }) }
                }
                <unit_ledger::UnitLedger made={(*made).clone()} {today} />
            }
            if !*dispatching {
                { expected::expected(&set.expected, c, set_expected) }
            }
        </>
    }
}
