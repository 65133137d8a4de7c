//! The figures of a ledger: totals, counts by status, overdue, closed, the completion rate, a table by category,
//! and the report paragraph to copy.

use chrono::NaiveDate;
use yew::prelude::*;

use crate::domain::ledger::{by_category, report, summary, OVERDUE};
use crate::domain::list::model::{Document, Status};
use crate::ui::web::clipboard;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub doc: Document,
    pub today: NaiveDate,
}

#[function_component(SummaryBlock)]
pub fn summary_block(props: &SummaryProps) -> Html {
    let copied = use_state(|| false);
    let s = summary(&props.doc, props.today);
    let text = report(&props.doc, props.today);
    let copy = {
        let (text, copied) = (text.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            clipboard::copy(&text, "report-text");
            copied.set(true);
        })
    };
    let figures = s.figures();
    html! {
        <section class="ledger-summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{ "汇总" }</h2>
            <dl class="figures">
                { for figures.iter().map(|(k, v)| html! {
                    <div class={classes!("figure", (*k == OVERDUE && s.overdue > 0).then_some("alarm"))}><dt>{ *k }</dt><dd>{ v }</dd></div>
                }) }
            </dl>
            <table class="list by-category">
                <caption>{ "按问题类别" }</caption>
                <thead><tr><th>{ "问题类别" }</th><th>{ "问题" }</th><th>{ "措施" }</th><th>{ "已完成" }</th><th>{ "正在整改" }</th><th>{ "逾期" }</th><th>{ "完成率" }</th></tr></thead>
                <tbody>
                    { for by_category(&props.doc, props.today).iter().map(|(c, s)| html! {
                        <tr>
                            <td>{ c }</td><td class="center">{ s.problems }</td><td class="center">{ s.measures }</td>
                            <td class="center">{ s.finished() }</td><td class="center">{ s.count(Status::InProgress) }</td>
                            <td class="center">{ s.overdue }</td><td class="center">{ s.rate() }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <div class="report">
                <h3>{ "情况说明" }<span class="no-print">{ "（可复制到总结材料中）" }</span></h3>
                <p id="report-text">{ &text }</p>
                <button type="button" class="no-print" onclick={copy}>{ "复制这段文字" }</button>
                if *copied { <span class="muted no-print" role="status">{ " 已复制。" }</span> }
            </div>
            <p class="muted definition no-print">{ "整改完成率 =（已完成整改 + 阶段性完成并长期坚持）÷ 措施总数，四舍五入保留一位小数；没有措施时显示“—”。逾期：限期整改（或延期后）的日期已过、尚未完成也未销号。" }</p>
        </section>
    }
}
