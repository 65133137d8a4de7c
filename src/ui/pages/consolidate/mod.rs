//! 汇总 for the central office: many branch files chosen or dropped at once, each with a verdict, a table of
//! 党支部 (each with both its lists), the unit's figures and chart, the consolidated ledger with CSV, a printable
//! summary, and the 党支部 still missing. The set is kept on this computer; a file can be removed, names joined,
//! and the set cleared.
//!
//! This file holds the page's state (the set, and what was made of it) and lays the parts out; each part is a
//! file of its own.

mod branch_view;
mod branches;
mod chart;
mod expected;
mod joins;
mod receive;
mod review;
mod unit;
mod unit_ledger;

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::domain::branches::Unit;
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
    // The 党支部 of what was made: grouped again (cheaply) when the office joins names or edits the 应报送名单.
    let unit = use_memo(
        ((*made).clone(), set.joined.clone(), set.expected.clone()),
        |(made, joined, expected)| Shared::new(Unit::of(&made.consolidation, joined, expected)),
    );
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
        Callback::from(move |drop_reviews: bool| {
            selected.set(None);
            let kept = if drop_reviews {
                0
            } else {
                set.unexported_reviews()
            };
            let said = if kept > 0 {
                format!(
                    "已清空收到的文件（应报送名单、合并的名称和{kept}条未导出的审核意见保留）。"
                )
            } else {
                "已清空收到的文件（应报送名单和合并的名称保留）。".to_string()
            };
            change.emit((set.cleared(drop_reviews), Some(said)));
        })
    };
    let remove = {
        let (latest, change, selected) = (latest.clone(), change.clone(), selected.clone());
        Callback::from(move |index: usize| {
            selected.set(None);
            let mut next = (**latest.borrow()).clone();
            let name = next
                .files
                .get(index)
                .map(|f| f.name.clone())
                .unwrap_or_default();
            next.remove(index);
            change.emit((next, Some(format!("已移除“{name}”。"))));
        })
    };
    // A change of the set's settings (应报送名单, joined names), applied to the set as it stands now.
    let adjust = {
        let (latest, change) = (latest.clone(), change.clone());
        Callback::from(move |edit: Settings| {
            let mut next = (**latest.borrow()).clone();
            let said = match edit {
                Settings::Expected(text) => {
                    next.set_expected(&text);
                    None
                }
                Settings::Join { name, with } => {
                    next.join(&name, &with);
                    Some(format!(
                        "已把“{name}”合并到“{with}”，两者按同一党支部统计。"
                    ))
                }
                Settings::Unjoin(i) => {
                    next.unjoin(i);
                    Some("已撤销合并。".to_string())
                }
            };
            change.emit((next, said));
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
    let any = !c.lists.is_empty();
    html! {
        <>
            <p class="crumbs no-print"><a href="#/">{ "首页" }</a>{ " › 汇总" }</p>
            <header class={classes!("intro", dispatching.then_some("no-print"))}>
                <h1>{ "汇总" }</h1>
                <p>{ "主题教育办公室用：一次选择或拖入各党支部报送的清单文件，逐个检查并汇总。文件只在本机处理，不会上传。" }</p>
            </header>
            <receive::Receive loaded={*loaded} reading={*reading} made={(*made).clone()} notice={(*notice).clone()}
                unexported={set.unexported_reviews()} on_files={add_files} on_clear={clear} on_remove={remove} />
            if any {
                <div class="view-switch no-print">
                    <button type="button" aria-pressed={if *dispatching { "true" } else { "false" }}
                        onclick={{ let d = dispatching.clone(); Callback::from(move |_: MouseEvent| d.set(!*d)) }}>{ "调度" }</button>
                    <span class="muted">{ if *dispatching { "再点一次返回汇总。" } else { "本周、本月或任意两日之间的进展，未报送的党支部，督办单。" } }</span>
                </div>
            }
            if any && *dispatching {
                <DispatchView {today} compare=true make={{
                    let (made, unit) = (made.clone(), unit.clone());
                    Callback::from(move |(period, name): (Period, String)| dispatch(&made.consolidation, &unit, period, &name, today))
                }} />
            }
            if any && !*dispatching {
                { unit::unit_summary(&made, &unit, &set, today, notice.clone()) }
                <section aria-labelledby="branches-heading">
                    <h2 id="branches-heading">{ "各党支部" }</h2>
                    <branches::BranchTable made={(*made).clone()} unit={(*unit).clone()} set={(*set).clone()} on_open={{ let s = selected.clone(); Callback::from(move |i| s.set(Some(i))) }} />
                    <joins::Joins unit={(*unit).clone()} joined={set.joined.clone()} on_change={adjust.clone()} />
                </section>
                if let Some((i, list)) = selected.and_then(|i| c.lists.get(i).map(|l| (i, l))) {
                    { branch_view::branch_view(unit.branch_of(i), list, today, { let s = selected.clone(); Callback::from(move |_| s.set(None)) }, html! {
                        <review::ReviewPanel key={list.digest.clone()} list={list.clone()} draft={set.review_of(&list.document, &list.digest)}
                            reviewer={set.reviewer.clone()} {today} on_change={keep_review.clone()} />
                    }) }
                }
                <unit_ledger::UnitLedger made={(*made).clone()} unit={(*unit).clone()} {today} />
            }
            if !*dispatching {
                { expected::expected(&set.expected, c, &unit, adjust) }
            }
        </>
    }
}

/// A change of the set's settings.
pub enum Settings {
    /// The 应报送名单 as typed, one name a line.
    Expected(String),
    /// 合并为同一党支部: `name` is the 党支部 `with`.
    Join { name: String, with: String },
    /// 撤销合并 of the join at this position.
    Unjoin(usize),
}
