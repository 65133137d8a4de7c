//! The 台账 as it is filed: on paper (and in the print preview) a table of its own, each problem's 问题表现 (and
//! 党员) printed once over its measures, columns sized for A4 landscape, without the 办理 buttons. On screen the
//! working table (`entries_table`) is shown instead.

use yew::prelude::*;

use crate::domain::ledger::{by_problem, Entry};
use crate::ui::pages::print::head;

/// The status as paper says it: with 逾期 or 已销号 in words (the screen's badges are colours).
fn status(e: &Entry) -> String {
    let mut text = e.status.label().to_string();
    if e.overdue {
        text.push_str("（逾期）");
    }
    if e.closed {
        text.push_str("（已销号）");
    }
    text
}

pub fn paper_table(shown: &[&Entry], member_list: bool) -> Html {
    let runs = by_problem(shown);
    html! {
        <table class={classes!("list", "ledger-paper", "paper-only", if member_list { "member" } else { "org" })}>
            <thead>
                <tr>
                    { head("c-number", "编号") }
                    if member_list { { head("c-name", "党员") } }
                    { head("c-desc", "问题|表现") }{ head("c-measure", "整改|措施") }{ head("c-goal", "整改|目标") }
                    { head("c-deadline", "整改|时限") }
                    if !member_list { { head("c-person", "牵头|责任人") }{ head("c-dept", "责任|单位") } }
                    { head("c-status", "整改|状态") }{ head("c-latest", "最新|进展") }
                </tr>
            </thead>
            { for runs.iter().map(|run| {
                let span = run.len().to_string();
                html! {
                    <tbody>
                        { for run.iter().enumerate().map(|(i, e)| html! {
                            <tr>
                                <td class="center">{ &e.number }</td>
                                if i == 0 && member_list { <td rowspan={span.clone()} class="center">{ &e.member }</td> }
                                if i == 0 { <td rowspan={span.clone()} class="text">{ &e.problem }</td> }
                                <td class="text">{ &e.content }</td>
                                <td class="text">{ &e.goal }</td>
                                <td class="center">{ &e.deadline }</td>
                                if !member_list { <td class="center">{ &e.lead }</td><td class="center">{ &e.dept }</td> }
                                <td class="center">{ status(e) }</td>
                                <td class="text">{ &e.latest }</td>
                            </tr>
                        }) }
                    </tbody>
                }
            }) }
        </table>
    }
}
