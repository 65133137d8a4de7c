//! The table of branches: one row per list that counts, sortable by any column; a branch opens read-only.

use yew::prelude::*;

use crate::domain::consolidate::Branch;
use crate::domain::dates;
use crate::domain::model::{Kind, Status};
use crate::domain::review::office::status;
use crate::domain::summary_set::SummarySet;
use crate::ui::shared::Shared;

use super::Made;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Column {
    Branch,
    Kind,
    FiledOn,
    Problems,
    Measures,
    Overdue,
    Rate,
    Errors,
}

impl Column {
    const ALL: [(Column, &'static str); 8] = [
        (Column::Branch, "党支部"),
        (Column::Kind, "清单"),
        (Column::FiledOn, "填报日期"),
        (Column::Problems, "问题"),
        (Column::Measures, "措施"),
        (Column::Overdue, "逾期"),
        (Column::Rate, "整改完成率"),
        (Column::Errors, "错误"),
    ];
}

fn rate_key(b: &Branch) -> u64 {
    crate::domain::ledger::completion_permille(b.summary.finished(), b.summary.measures)
        .unwrap_or(0)
}

fn sort(branches: &mut Vec<&Branch>, column: Column, ascending: bool) {
    crate::domain::order::sort_by(branches, |a, b| {
        let order = match column {
            Column::Branch => a.document.header.org_name.cmp(&b.document.header.org_name),
            Column::Kind => (a.document.kind as u8).cmp(&(b.document.kind as u8)),
            Column::FiledOn => a.document.header.filed_on.cmp(&b.document.header.filed_on),
            Column::Problems => a.summary.problems.cmp(&b.summary.problems),
            Column::Measures => a.summary.measures.cmp(&b.summary.measures),
            Column::Overdue => a.summary.overdue.cmp(&b.summary.overdue),
            Column::Rate => rate_key(a).cmp(&rate_key(b)),
            Column::Errors => a.errors.cmp(&b.errors),
        };
        if ascending {
            order
        } else {
            order.reverse()
        }
    });
}

#[derive(Properties, PartialEq)]
pub struct BranchesProps {
    pub made: Shared<Made>,
    /// The set, for the office's reviews (审核, 未答复).
    pub set: Shared<SummarySet>,
    pub on_open: Callback<usize>,
}

#[function_component(BranchTable)]
pub fn branch_table(props: &BranchesProps) -> Html {
    let order = use_state(|| (Column::Branch, true));
    let (column, ascending) = *order;
    let branches = &props.made.consolidation.branches;
    let mut rows: Vec<&Branch> = branches.iter().collect();
    sort(&mut rows, column, ascending);
    html! {
        <table class="list branches">
            <thead>
                <tr>
                    { for Column::ALL.iter().map(|(c, label)| {
                        let sorted = *c == column;
                        let aria = sorted.then_some(if ascending { "ascending" } else { "descending" });
                        let onclick = {
                            let order = order.clone();
                            let c = *c;
                            Callback::from(move |_: MouseEvent| order.set((c, if sorted { !ascending } else { true })))
                        };
                        html! {
                            <th aria-sort={aria}>
                                <button type="button" class="sort" {onclick}>
                                    { *label }{ if sorted { if ascending { " ▲" } else { " ▼" } } else { "" } }
                                </button>
                            </th>
                        }
                    }) }
                    <th>{ "党员" }</th><th>{ "已完成" }</th><th>{ "正在整改" }</th><th>{ "申请延期" }</th><th>{ "未整改" }</th><th>{ "已销号" }</th><th>{ "提醒" }</th><th>{ "结论" }</th><th>{ "审核" }</th><th>{ "未答复" }</th>
                </tr>
            </thead>
            <tbody>
                { for rows.iter().map(|b| {
                    let index = branches.iter().position(|x| std::ptr::eq(x, *b)).unwrap_or(0);
                    let open = props.on_open.reform(move |_: MouseEvent| index);
                    let s = &b.summary;
                    let d = &b.document;
                    let (review, unanswered) = status(d, &b.digest, &props.set.reviews);
                    html! {
                        <tr class={classes!((s.overdue > 0).then_some("has-overdue"))}>
                            <td><button type="button" class="link" onclick={open} aria-label={format!("查看 {} 的{}", d.header.org_name.trim(), d.kind.short_name())}>{ d.header.org_name.trim() }</button></td>
                            <td>{ d.kind.short_name() }</td>
                            <td>{ dates::official_text(&d.header.filed_on) }</td>
                            <td class="center">{ s.problems }</td>
                            <td class="center">{ s.measures }</td>
                            <td class="center">{ s.overdue }</td>
                            <td class="center">{ s.rate() }</td>
                            <td class="center">{ b.errors }</td>
                            <td class="center">{ if d.kind == Kind::Member { d.members.len().to_string() } else { "—".to_string() } }</td>
                            <td class="center">{ s.finished() }</td>
                            <td class="center">{ s.count(Status::InProgress) }</td>
                            <td class="center">{ s.count(Status::Extended) }</td>
                            <td class="center">{ s.count(Status::NotStarted) }</td>
                            <td class="center">{ s.closed }</td>
                            <td class="center">{ b.warnings }</td>
                            <td>{ b.verdict.label() }</td>
                            <td>{ review.label() }</td>
                            <td class="center">{ unanswered }</td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}
