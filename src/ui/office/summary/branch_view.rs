//! One list of a 党支部, read-only, with its findings: what the office looks at before asking for a correction.

use chrono::NaiveDate;
use yew::prelude::*;

use crate::domain::dates;
use crate::domain::editor::route::Route;
use crate::domain::ledger::entries;
use crate::domain::list::validate::validate;
use crate::domain::office::branches::Branch;
use crate::domain::office::consolidate::ListFile;

/// A plain function, not a component: it holds no state (a component costs about 1 KB of wasm of its own).
/// `review` is the review panel of this file.
pub fn branch_view(branch: &Branch, list: &ListFile, today: NaiveDate, review: Html) -> Html {
    let d = &list.document;
    let report = validate(d, today);
    let back =
        html! { <a class="button-link" href={Route::Consolidate(None).hash()}>{ "返回汇总" }</a> };
    html! {
        <section class="branch-view" aria-labelledby="branch-view-heading">
            <h2 id="branch-view-heading" tabindex="-1">{ format!("{}《{}》（只读）", branch.name, d.kind.title()) }</h2>
            <p>{ format!("文件：{} · 清单中的党组织名称：{} · 填报日期：{} · 填报人：{} · 第{}版 · {}", list.file_name, d.header.org_name.trim(), dates::official_text(&d.header.filed_on), d.header.filed_by, d.revision, list.verdict.label()) }</p>
            <p class="no-print">{ back.clone() }</p>
            <h3>{ format!("检查发现（{}个错误，{}个提醒）", report.error_count(), report.warnings().count()) }</h3>
            if report.findings.is_empty() {
                <p class="muted">{ "没有发现问题。" }</p>
            } else {
                <ul class="findings">
                    { for report.findings.iter().map(|f| html! {
                        <li class={classes!("finding", if f.severity == crate::domain::list::findings::Severity::Error { "error" } else { "warning" })}>
                            <span class="msg-kind">{ f.severity.label() }{ "：" }</span>{ &f.location }{ "：" }{ &f.message }
                            if let Some(reason) = &f.acknowledged { <span class="kept">{ format!("（已保留：{reason}）") }</span> }
                        </li>
                    }) }
                </ul>
            }
            { review }
            <table class="list ledger">
                <thead><tr><th>{ "台账编号" }</th><th>{ "党员" }</th><th>{ "问题表现" }</th><th>{ "整改措施" }</th><th>{ "整改时限" }</th><th>{ "责任人" }</th><th>{ "整改状态" }</th></tr></thead>
                <tbody>
                    { for entries(d, today).iter().map(|e| html! {
                        <tr class={classes!(e.overdue.then_some("overdue-row"))}>
                            <td>{ &e.number }</td><td>{ &e.member }</td><td class="text">{ &e.problem }</td><td class="text">{ &e.content }</td>
                            <td>{ &e.deadline }</td><td>{ &e.lead }</td>
                            <td>{ e.status.label() }if e.overdue { <span class="badge overdue">{ "逾期" }</span> }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <p class="no-print">{ back }</p>
        </section>
    }
}
