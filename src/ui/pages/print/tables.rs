//! The printed tables: the org list, the member list's branch table, blank forms; and the title and signatures
//! around them. Long text wraps inside its cell; a problem's cells span the rows of its measures.
//!
//! Plain functions, not components: they hold no state, and a component costs about 1 KB of wasm of its own.

use yew::prelude::*;

use crate::domain::list::model::{Document, Kind};
use crate::domain::papers::print::{
    blank_rows, member_rows, org_rows, Heading, MeasureRow, ProblemBlock,
};

/// The two centred title lines and `填报单位：… 填报日期：…`.
pub fn title(h: &Heading, blank: bool) -> Html {
    let (org, unit, date) = if blank {
        (
            "中共________________委员会".to_string(),
            "填报单位：".to_string(),
            "填报日期：\u{3000}\u{3000}\u{3000}\u{3000}年\u{3000}\u{3000}月\u{3000}\u{3000}日"
                .to_string(),
        )
    } else {
        (h.org_line.clone(), h.unit.clone(), h.filed_on.clone())
    };
    html! {
        <header class="doc-head">
            <p class="doc-title">{ org }</p>
            <p class="doc-title">{ &h.title_line }</p>
            <p class="doc-meta"><span>{ unit }</span><span>{ date }</span></p>
        </header>
    }
}

/// Signature lines at the end of a list.
pub fn signatures(h: &Heading, blank: bool) -> Html {
    let (by, phone) = if blank {
        (String::new(), String::new())
    } else {
        (h.filed_by.clone(), h.phone.clone())
    };
    html! {
        <p class="signatures">
            <span>{ "党支部书记（签字）：" }<span class="line"></span></span>
            <span>{ "填报人：" }<span class="filled">{ by }</span></span>
            <span>{ "联系电话：" }<span class="filled">{ phone }</span></span>
        </p>
    }
}

/// The cells of one measure row (or empty cells for a problem with none).
fn measure_cells(m: Option<&MeasureRow>, org: bool) -> Html {
    let empty = MeasureRow {
        content: String::new(),
        goal: String::new(),
        deadline: String::new(),
        lead: String::new(),
        dept: String::new(),
    };
    let m = m.unwrap_or(&empty);
    html! {
        <>
            <td class="text">{ &m.content }</td>
            <td class="text">{ &m.goal }</td>
            <td class="nowrap">{ &m.deadline }</td>
            if org {
                <td>{ &m.lead }</td>
                <td>{ &m.dept }</td>
            }
        </>
    }
}

fn problem_rows(p: &ProblemBlock, org: bool, lead_cells: Html) -> Html {
    let span = p.span().to_string();
    let first = p.measures.first();
    let rest = p.measures.iter().skip(1);
    html! {
        <>
            <tr>
                { lead_cells }
                <td rowspan={span.clone()} class="center">{ p.serial }</td>
                <td rowspan={span.clone()}>{ &p.category }</td>
                if org { <td rowspan={span.clone()}>{ &p.sources }</td> }
                <td rowspan={span} class="text">{ &p.description }</td>
                { measure_cells(first, org) }
            </tr>
            { for rest.map(|m| html! { <tr>{ measure_cells(Some(m), org) }</tr> }) }
        </>
    }
}

/// A column head that may wrap only between its words (`|` marks where): "牵头责任人" as 牵头 / 责任人, never 牵头责 / 任人.
pub fn head(class: &'static str, words: &'static str) -> Html {
    let mut parts = words.split('|');
    let first = parts.next().unwrap_or_default();
    html! {
        <th {class}>{ first }{ for parts.map(|w| html! { <><wbr />{ w }</> }) }</th>
    }
}

fn org_head() -> Html {
    html! {
        <thead>
            <tr>
                { head("c-serial", "序号") }{ head("c-cat", "问题|类别") }{ head("c-src", "问题|来源") }
                { head("c-desc", "问题|表现") }{ head("c-measure", "整改|措施") }{ head("c-goal", "整改|目标") }
                { head("c-deadline", "整改|时限") }{ head("c-person", "牵头|责任人") }{ head("c-dept", "责任|单位") }
            </tr>
        </thead>
    }
}

fn member_head() -> Html {
    html! {
        <thead>
            <tr>
                { head("c-name", "姓名") }{ head("c-person", "职务") }{ head("c-serial", "序号") }
                { head("c-cat", "问题|类别") }{ head("c-desc", "检视出的|问题") }{ head("c-measure", "整改|措施") }
                { head("c-goal", "整改|目标") }{ head("c-deadline", "整改|时限") }
            </tr>
        </thead>
    }
}

/// What ends a printed table on every page and at its end: the 校验码 in a footer that the browser repeats on every
/// page the table runs over (any kernel does, where `@page` margin boxes need Chromium 131; the footer belongs to
/// the table, so it covers nothing), and after the last row what closes the list (the signatures), inside the
/// table so that its page carries the footer too.
pub struct TableEnd {
    pub code: Option<String>,
    pub closing: Html,
}

fn table_end(end: &TableEnd, columns: usize) -> Html {
    let colspan = columns.to_string();
    html! {
        if let Some(code) = &end.code {
            <tfoot class="page-code"><tr><td colspan={colspan}>{ format!("校验码：{code}") }</td></tr></tfoot>
        }
    }
}

/// The signatures as the table's last row: inside the last group of rows (kept on one page where it fits), so a
/// page never holds only the header row and the signatures.
fn closing_row(end: &TableEnd, columns: usize) -> Html {
    html! {
        <tr class="closing"><td colspan={columns.to_string()}>{ end.closing.clone() }</td></tr>
    }
}

/// Groups of rows, each kept on one page where it fits, the last one with the signatures.
fn groups(groups: Vec<Html>, end: &TableEnd, columns: usize) -> Html {
    let last = groups.len().saturating_sub(1);
    if groups.is_empty() {
        return html! { <tbody class="closing">{ closing_row(end, columns) }</tbody> };
    }
    html! {
        { for groups.into_iter().enumerate().map(|(i, rows)| html! {
            <tbody class={classes!((i == last).then_some("closing"))}>
                { rows }
                if i == last { { closing_row(end, columns) } }
            </tbody>
        }) }
    }
}

/// 《党组织检视整改问题清单》: each problem a group of rows that is kept on one page where it fits.
pub fn org_table(doc: &Document, end: &TableEnd) -> Html {
    let rows = org_rows(doc)
        .iter()
        .map(|p| problem_rows(p, true, html! {}))
        .collect();
    html! {
        <table class="list org">
            { org_head() }
            { groups(rows, end, 9) }
            { table_end(end, 9) }
        </table>
    }
}

/// The member list as one table: each member spans their problems, each problem its measures.
pub fn member_table(doc: &Document, end: &TableEnd) -> Html {
    let rows = member_rows(doc)
        .iter()
        .map(|m| {
            let span = m.span().to_string();
            html! {
                { for m.problems.iter().enumerate().map(|(i, p)| {
                    let lead = if i == 0 {
                        html! { <><td rowspan={span.clone()}>{ &m.name }</td><td rowspan={span.clone()}>{ &m.position }</td></> }
                    } else {
                        html! {}
                    };
                    problem_rows(p, false, lead)
                }) }
            }
        })
        .collect();
    html! {
        <table class="list member">
            { member_head() }
            { groups(rows, end, 8) }
            { table_end(end, 8) }
        </table>
    }
}

/// 空白表: the table with empty rows, tall enough to write in.
pub fn blank(kind: Kind, rows: usize, end: &TableEnd) -> Html {
    let org = kind == Kind::Org;
    let rows = blank_rows(rows);
    html! {
        <table class={classes!("list", "blank", if org { "org" } else { "member" })}>
            { if org { org_head() } else { member_head() } }
            <tbody>
                { for rows.iter().map(|p| if org {
                    html! { <tr><td class="center">{ p.serial }</td><td></td><td></td><td></td><td></td><td></td><td></td><td></td><td></td></tr> }
                } else {
                    html! { <tr><td></td><td></td><td class="center">{ p.serial }</td><td></td><td></td><td></td><td></td><td></td></tr> }
                }) }
            </tbody>
            <tbody class="closing">{ closing_row(end, if org { 9 } else { 8 }) }</tbody>
            { table_end(end, if org { 9 } else { 8 }) }
        </table>
    }
}
