//! One page per member: the member's own list, with 本人签字 and 支部意见.

use yew::prelude::*;

use crate::domain::dates;
use crate::domain::list::campaign::Active;
use crate::domain::list::model::Document;
use crate::domain::list::model::Kind;
use crate::domain::papers::print;

use super::tables::head;

/// Each member's page, its table ending with the signatures, the 支部意见 and the 校验码 (see `TableEnd`).
pub fn member_pages(doc: &Document, code: Option<&str>, handed_in_only: bool) -> Html {
    let h = &doc.header;
    let date = dates::official_text(h.filed_on.trim());
    html! {
        <>
            { for print::member_pages(doc, handed_in_only).iter().map(|m| html! {
                <section class="member-page">
                    <header class="doc-head">
                        <p class="doc-title">{ h.org_name.trim() }</p>
                        <p class="doc-title">{ Active::of(h).title(Kind::Member) }</p>
                        <p class="doc-meta">
                            <span>{ format!("姓名：{}", m.name) }</span>
                            <span>{ format!("职务：{}", m.position) }</span>
                            <span>{ format!("党员类别：{}", m.member_type) }</span>
                            <span>{ format!("填报日期：{date}") }</span>
                        </p>
                    </header>
                    <table class="list member-own">
                        <thead>
                            <tr>
                                { head("c-serial", "序号") }{ head("c-cat", "问题|类别") }{ head("c-desc", "检视出的|问题") }
                                { head("c-measure", "整改|措施") }{ head("c-goal", "整改|目标") }{ head("c-deadline", "整改|时限") }
                            </tr>
                        </thead>
                        { for m.problems.iter().map(|p| {
                            let span = p.span().to_string();
                            let first = p.measures.first();
                            html! {
                                <tbody>
                                    <tr>
                                        <td rowspan={span.clone()} class="center">{ p.serial }</td>
                                        <td rowspan={span.clone()}>{ &p.category }</td>
                                        <td rowspan={span} class="text">{ &p.description }</td>
                                        <td class="text">{ first.map(|x| x.content.clone()).unwrap_or_default() }</td>
                                        <td class="text">{ first.map(|x| x.goal.clone()).unwrap_or_default() }</td>
                                        <td class="nowrap">{ first.map(|x| x.deadline.clone()).unwrap_or_default() }</td>
                                    </tr>
                                    { for p.measures.iter().skip(1).map(|x| html! {
                                        <tr><td class="text">{ &x.content }</td><td class="text">{ &x.goal }</td><td class="nowrap">{ &x.deadline }</td></tr>
                                    }) }
                                </tbody>
                            }
                        }) }
                        <tbody class="closing">
                            <tr class="closing"><td colspan="6">
                                <p class="signatures">
                                    <span>{ "本人签字：" }<span class="line"></span></span>
                                    <span>{ "日期：" }<span class="line short"></span></span>
                                </p>
                                <div class="opinion">
                                    <p>{ "支部意见：" }{ &m.branch_opinion }</p>
                                    <p class="signatures"><span>{ "党支部书记（签字）：" }<span class="line"></span></span></p>
                                </div>
                            </td></tr>
                        </tbody>
                        if let Some(code) = code {
                            <tfoot class="page-code"><tr><td colspan="6">{ format!("校验码：{code}") }</td></tr></tfoot>
                        }
                    </table>
                </section>
            }) }
        </>
    }
}
