//! 汇总台账: every measure of every list that counts, with its branch, filtered by branch and overdue, shown a
//! page at a time (a bureau's ledger runs to thousands of rows); 导出CSV (in the unit summary) has them all.

use chrono::NaiveDate;
use yew::prelude::*;

use super::Made;
use crate::domain::office::branches::{Unit, UnitFilter};
use crate::domain::office::paging::Pages;
use crate::ui::shared::Shared;

/// How many rows of the consolidated ledger a page shows.
pub const PAGE_ROWS: usize = 200;

#[derive(Properties, PartialEq)]
pub struct UnitLedgerProps {
    pub made: Shared<Made>,
    pub unit: Shared<Unit>,
    pub today: NaiveDate,
}

#[function_component(UnitLedger)]
pub fn unit_ledger(props: &UnitLedgerProps) -> Html {
    let filter = use_state(UnitFilter::default);
    let page = use_state(|| 0usize);
    let entries = use_memo(
        (props.made.clone(), props.unit.clone(), props.today),
        |(made, unit, today)| unit.entries(&made.consolidation, *today),
    );
    let shown: Vec<_> = entries
        .iter()
        .filter(|(b, e, _)| filter.keeps(b, e))
        .collect();
    let pages = Pages::new(shown.len(), PAGE_ROWS);
    let at = pages.clamp(*page);
    let go = |to: usize| {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| page.set(to))
    };
    let on_branch = {
        let (filter, page) = (filter.clone(), page.clone());
        Callback::from(move |e: Event| {
            filter.set(UnitFilter {
                branch: crate::ui::dom::value_of(e.target()),
                ..(*filter).clone()
            });
            page.set(0);
        })
    };
    let on_overdue = {
        let (filter, page) = (filter.clone(), page.clone());
        Callback::from(move |_: Event| {
            filter.set(UnitFilter {
                overdue_only: !filter.overdue_only,
                ..(*filter).clone()
            });
            page.set(0);
        })
    };
    let pager = html! {
        <nav class="pager no-print" aria-label="汇总台账分页">
            <button type="button" disabled={at == 0} onclick={go(at.saturating_sub(1))}>{ "上一页" }</button>
            <span role="status">{ pages.label(at) }</span>
            <button type="button" disabled={at + 1 >= pages.count()} onclick={go(at + 1)}>{ "下一页" }</button>
        </nav>
    };
    html! {
        <section class="no-print" aria-labelledby="unit-ledger-heading">
            <h2 id="unit-ledger-heading">{ format!("汇总台账（{}项）", entries.len()) }</h2>
            <div class="filters form-grid no-print" role="group" aria-label="筛选汇总台账">
                <div class="field">
                    <label for="unit-branch">{ "按党支部" }</label>
                    <select id="unit-branch" onchange={on_branch}>
                        <option value="" selected={filter.branch.is_empty()}>{ "全部" }</option>
                        { for props.unit.reporting().map(|b| html! { <option value={b.name.clone()} selected={b.name == filter.branch}>{ &b.name }</option> }) }
                    </select>
                </div>
                <label class="choice" for="unit-overdue">
                    <input type="checkbox" id="unit-overdue" checked={filter.overdue_only} onchange={on_overdue} />
                    { "只看逾期" }
                </label>
            </div>
            { pager.clone() }
            <table class="list ledger unit-ledger">
                <thead><tr><th>{ "党支部" }</th><th>{ "台账编号" }</th><th>{ "问题表现" }</th><th>{ "整改措施" }</th><th>{ "整改时限" }</th><th>{ "责任人" }</th><th>{ "整改状态" }</th></tr></thead>
                <tbody>
                    { for shown[pages.rows(at)].iter().map(|(b, e, _)| html! {
                        <tr class={classes!(e.overdue.then_some("overdue-row"))}>
                            <td>{ b }</td><td>{ &e.number }</td><td class="text">{ &e.problem }</td><td class="text">{ &e.content }</td>
                            <td>{ &e.deadline }</td><td>{ e.responsible() }</td>
                            <td>{ e.status.label() }if e.overdue { <span class="badge overdue">{ "逾期" }</span> }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            if pages.count() > 1 { { pager } }
        </section>
    }
}
