//! The table of 党支部: one row per 党支部 with both its lists (a list opens read-only), its figures, 审核 and
//! 未答复, and the 合计; sortable by the figures (`Unit::sorted`), in the 应报送名单's order otherwise.

use yew::prelude::*;

use crate::domain::list::model::Kind;
use crate::domain::office::branches::{Branch, Column, Unit};
use crate::domain::office::consolidate::Consolidation;
use crate::domain::office::review::office::status;
use crate::domain::office::summary_set::SummarySet;
use crate::ui::shared::Shared;

use super::Made;

#[derive(Properties, PartialEq)]
pub struct BranchesProps {
    pub made: Shared<Made>,
    pub unit: Shared<Unit>,
    /// The set, for the office's reviews (审核, 未答复).
    pub set: Shared<SummarySet>,
    /// Opens a list (its document id).
    pub on_open: Callback<String>,
}

/// The id of the button that opens a list: where focus returns when its view is closed.
pub fn open_id(document_id: &str) -> String {
    format!("open-{}", crate::ui::dom::field_id(document_id))
}

/// The cell of one kind of list: a button per list that opens it (`第2版`), or 未报.
fn list_cell(c: &Consolidation, b: &Branch, kind: Kind, on_open: &Callback<String>) -> Html {
    let lists: Vec<_> = b.lists_of(c, kind).collect();
    if lists.is_empty() {
        return html! { <td class="missing-list">{ "未报" }</td> };
    }
    html! {
        <td>
            { for lists.into_iter().map(|(_, l)| {
                let id = l.document.id.clone();
                html! {
                <button type="button" class="link" id={open_id(&id)} onclick={on_open.reform(move |_: MouseEvent| id.clone())}
                    aria-label={format!("查看 {} 的{}", b.name, kind.short_name())}>{ format!("第{}版", l.document.revision) }</button>
            }}) }
        </td>
    }
}

/// 审核 and 未答复 of a 党支部's lists: one status per list (named by kind when it has both).
fn review_cells(c: &Consolidation, b: &Branch, set: &SummarySet) -> (String, usize) {
    let mut words = Vec::new();
    let mut open = 0;
    for &i in &b.lists {
        let l = &c.lists[i];
        let (review, unanswered) = status(&l.document, &l.digest, &set.reviews);
        open += unanswered;
        words.push((l.document.kind, review.label()));
    }
    let text = match words.as_slice() {
        [(_, one)] => one.to_string(),
        many => many
            .iter()
            .map(|(k, w)| {
                format!(
                    "{}{w}",
                    if *k == Kind::Org {
                        "党组织："
                    } else {
                        "党员："
                    }
                )
            })
            .collect::<Vec<_>>()
            .join("；"),
    };
    (text, open)
}

#[function_component(BranchTable)]
pub fn branch_table(props: &BranchesProps) -> Html {
    let order = use_state(|| (Column::Listed, true));
    let query = use_state(String::new);
    let (column, ascending) = *order;
    let unit = &props.unit;
    // 序号 is the row's place in the 应报送名单's (or natural) order, so it stays the same when sorted or searched.
    let rows: Vec<(usize, &Branch)> = unit
        .sorted(column, ascending)
        .into_iter()
        .map(|i| (i, &unit.branches[i]))
        .filter(|(_, b)| b.matches(&query))
        .collect();
    let search = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(crate::ui::dom::value_of(e.target())))
    };
    let head = |col: Column, label: &'static str| {
        let sorted = col == column;
        let aria = sorted.then_some(if ascending { "ascending" } else { "descending" });
        let onclick = {
            let order = order.clone();
            Callback::from(move |_: MouseEvent| {
                order.set((col, if sorted { !ascending } else { true }))
            })
        };
        html! {
            <th aria-sort={aria}>
                <button type="button" class="sort" {onclick}>
                    { label }{ if sorted { if ascending { " ▲" } else { " ▼" } } else { "" } }
                </button>
            </th>
        }
    };
    html! {
        <>
        <p class="branch-search no-print">
            <label for="branch-search">{ "查找党支部" }</label>
            <input id="branch-search" type="search" value={(*query).clone()} oninput={search} placeholder="输入名称中的几个字" />
            if !query.trim().is_empty() {
                <span class="muted" role="status">{ format!("找到{}个党支部", rows.len()) }</span>
            }
        </p>
        <table class="list branches">
            <thead>
                <tr>
                    <th>{ "序号" }</th>
                    { head(Column::Listed, "党支部") }
                    <th>{ "党组织清单" }</th><th>{ "党员清单" }</th><th>{ "党员" }</th>
                    { head(Column::Problems, "问题") }
                    { head(Column::Measures, "措施") }
                    { head(Column::Overdue, "逾期") }
                    <th>{ "已销号" }</th>
                    { head(Column::Rate, "整改完成率") }
                    { head(Column::Errors, "错误") }
                    <th>{ "提醒" }</th><th>{ "审核" }</th><th>{ "未答复" }</th>
                </tr>
            </thead>
            <tbody>
                { for rows.iter().map(|(i, b)| branch_row(*i, b, props)) }
            </tbody>
            { totals(props) }
        </table>
        </>
    }
}

/// One 党支部's row: its name (and the other ways it was written), its lists, figures and review.
fn branch_row(i: usize, b: &Branch, props: &BranchesProps) -> Html {
    let c = &props.made.consolidation;
    let s = &b.summary;
    let (review, unanswered) = review_cells(c, b, &props.set);
    html! {
        <tr class={classes!((s.overdue > 0).then_some("has-overdue"), b.lists.is_empty().then_some("not-handed-in"))}>
            <td class="center">{ i + 1 }</td>
            <th scope="row">
                { &b.name }
                if !b.other_names.is_empty() {
                    <span class="other-names">{ format!("（又写作：{}）", b.other_names.join("、")) }</span>
                }
            </th>
            { list_cell(c, b, Kind::Org, &props.on_open) }
            { list_cell(c, b, Kind::Member, &props.on_open) }
            <td class="center">{ b.members(c) }</td>
            <td class="center">{ s.problems }</td>
            <td class="center">{ s.measures }</td>
            <td class="center">{ s.overdue }</td>
            <td class="center">{ s.closed }</td>
            <td class="center">{ s.rate() }</td>
            <td class="center">{ b.errors }</td>
            <td class="center">{ b.warnings }</td>
            <td>{ review }</td>
            <td class="center">{ unanswered }</td>
        </tr>
    }
}

/// 合计: the reporting 党支部 and every figure summed.
fn totals(props: &BranchesProps) -> Html {
    let (c, unit) = (&props.made.consolidation, &props.unit);
    let total = unit.total();
    html! {
    <tfoot>
        <tr>
            <td></td>
            <th scope="row">{ format!("合计（{}个党支部）", unit.reporting().count()) }</th>
            <td class="center">{ format!("{}份", c.lists.iter().filter(|l| l.document.kind == Kind::Org).count()) }</td>
            <td class="center">{ format!("{}份", c.lists.iter().filter(|l| l.document.kind == Kind::Member).count()) }</td>
            <td class="center">{ unit.branches.iter().map(|b| b.members(c)).sum::<usize>() }</td>
            <td class="center">{ total.problems }</td>
            <td class="center">{ total.measures }</td>
            <td class="center">{ total.overdue }</td>
            <td class="center">{ total.closed }</td>
            <td class="center">{ total.rate() }</td>
            <td class="center">{ unit.branches.iter().map(|b| b.errors).sum::<usize>() }</td>
            <td class="center">{ unit.branches.iter().map(|b| b.warnings).sum::<usize>() }</td>
            <td></td><td></td>
        </tr>
    </tfoot>
    }
}
