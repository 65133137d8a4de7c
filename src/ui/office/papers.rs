//! The office's papers, each laid out for paper rather than the screen's tables restyled: the 汇总 (its figures
//! under their headings, the 按类别 and 各党支部 tables of its workbook, 合计 once), the 调度表 (a table of its own,
//! 合计 once at its end, then the changes page by page with each 党支部 said again where its block goes on) and
//! the 督办单 (one notice per sheet, a long one numbered by its own pages). Shown only in print (`paper-only`); the
//! screen's views are `screen-only`.

use chrono::NaiveDate;
use yew::prelude::*;

use crate::domain::dates;
use crate::domain::office::branches::Unit;
use crate::domain::office::consolidate::Consolidation;
use crate::domain::office::dispatch::{BranchDispatch, Dispatch, FIGURE_HEADERS};
use crate::domain::papers::layouts::{changes_pages, notice_sheets, Piece};
use crate::domain::papers::ledger_book::{other_lists_sheet, summary_paper_sheets};
use crate::domain::papers::sheet::Sheet;

/// A table of the workbook's model on paper: its heading row, its rows (a row that starts with 合计 is the total).
fn sheet_table(sheet: &Sheet, class: &'static str) -> Html {
    html! {
        <table class={classes!("list", "paper-table", class)}>
            <thead><tr>{ for sheet.columns.iter().map(|c| html! { <th>{ &c.header }</th> }) }</tr></thead>
            <tbody>
                { for sheet.rows.iter().map(|r| {
                    let total = r.cells.first().is_some_and(|c| c.shown() == "合计");
                    html! {
                        <tr class={classes!(total.then_some("total"))}>
                            { for r.cells.iter().map(|c| html! { <td>{ c.shown() }</td> }) }
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}

/// The 汇总 on paper.
pub fn summary_paper(c: &Consolidation, unit: &Unit, today: NaiveDate, issuer: &str) -> Html {
    let [branches, categories] = summary_paper_sheets(c, unit, today);
    let mut figures = vec![
        ("党支部", unit.reporting().count().to_string()),
        ("清单", c.lists.len().to_string()),
    ];
    figures.extend(unit.total().figures());
    html! {
        <section class="paper-only summary-paper" aria-hidden="true">
            <header class="doc-head">
                if !issuer.trim().is_empty() { <p class="paper-issuer">{ issuer.trim() }</p> }
                <h1 class="doc-title">{ "检视整改情况汇总" }</h1>
                <p class="paper-as-of">{ c.as_of_line(&dates::official(today)) }</p>
            </header>
            <table class="list paper-table paper-figures">
                <thead><tr>{ for figures.iter().map(|(k, _)| html! { <th>{ *k }</th> }) }</tr></thead>
                <tbody><tr>{ for figures.iter().map(|(_, v)| html! { <td>{ v.clone() }</td> }) }</tr></tbody>
            </table>
            <h2>{ "情况说明" }</h2>
            <p class="paper-report">{ unit.report(c, today) }</p>
            <h2>{ "各类别问题和整改措施" }</h2>
            { sheet_table(&categories, "paper-categories") }
            <h2 class="paper-break">{ "各党支部报送情况" }</h2>
            { sheet_table(&branches, "paper-branches") }
            if !c.registers.is_empty() {
                <h2 class="paper-break">{ "调研问题、成果转化和意见建议情况" }</h2>
                { sheet_table(&other_lists_sheet(c, unit, &c.as_of_line(&dates::official(today))), "paper-other") }
            }
        </section>
    }
}

/// The 调度表 on paper: its heading and paragraph, its table with 合计 at the end, who said nothing, and the
/// changes page by page.
pub fn dispatch_paper(d: &Dispatch) -> Html {
    let silent: Vec<&str> = d.silent().map(|b| b.name.as_str()).collect();
    let pages = changes_pages(d);
    html! {
        <section class="paper-only dispatch-paper" aria-hidden="true">
            <header class="doc-head">
                <h1 class="doc-title">{ format!("调度表（{}）", d.period.label()) }</h1>
                <p class="paper-as-of">{ &d.as_of }</p>
            </header>
            <p class="paper-report">{ d.paragraph() }</p>
            <table class="list paper-table paper-dispatch">
                <thead>
                    <tr>
                        <th>{ "序号" }</th><th>{ "党支部" }</th>
                        { for FIGURE_HEADERS.iter().map(|h| html! { <th>{ *h }</th> }) }
                        <th>{ "本期报送" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for d.branches.iter().enumerate().map(|(i, b)| html! {
                        <tr>
                            <td>{ i + 1 }</td><td class="name">{ &b.name }</td>
                            { for b.figures.cells().iter().map(|n| html! { <td>{ n }</td> }) }
                            <td>{ b.reported() }</td>
                        </tr>
                    }) }
                    <tr class="total">
                        <td colspan="2">{ "合计" }</td>
                        { for d.total.cells().iter().map(|n| html! { <td>{ n }</td> }) }
                        <td>{ format!("{}个未报送", silent.len()) }</td>
                    </tr>
                </tbody>
            </table>
            <p class="paper-silent">
                { "未报送进展的党支部：" }
                { if silent.is_empty() { "没有".to_string() } else { silent.join("、") } }
                { "。逾期和临期的措施见发给各党支部的督办单。" }
            </p>
            if d.branches.iter().any(|b| b.new_file) {
                { for pages.iter().enumerate().map(|(i, page)| html! {
                    <div class="paper-page">
                        if i == 0 { <h2>{ "与上次报送相比的变化" }</h2> }
                        { changes_page(page) }
                    </div>
                }) }
            }
        </section>
    }
}

/// One page of the changes: its pieces, the rows of one table together.
fn changes_page(page: &[Piece]) -> Html {
    let mut out: Vec<Html> = Vec::new();
    let mut rows: Vec<Html> = Vec::new();
    let flush = |rows: &mut Vec<Html>, out: &mut Vec<Html>| {
        if !rows.is_empty() {
            out.push(html! {
                <table class="list paper-table paper-changes">
                    <thead><tr><th>{ "位置" }</th><th>{ "项目" }</th><th>{ "原内容" }</th><th>{ "修改后" }</th></tr></thead>
                    <tbody>{ for rows.drain(..) }</tbody>
                </table>
            });
        }
    };
    for piece in page {
        match piece {
            Piece::Row(c) => rows.push(html! {
                <tr><td>{ &c.place }</td><td>{ &c.field }</td><td class="text">{ &c.before }</td><td class="text">{ &c.after }</td></tr>
            }),
            Piece::Head => {}
            other => {
                flush(&mut rows, &mut out);
                out.push(match other {
                    Piece::Branch { name, continued } => html! {
                        <h3 class="paper-branch">{ *name }{ if *continued { "（续）" } else { "" } }</h3>
                    },
                    Piece::Summary(text) => html! { <p class="paper-summary">{ text }</p> },
                    _ => html! {},
                });
            }
        }
    }
    flush(&mut rows, &mut out);
    html! { { for out } }
}

/// One 督办单: a sheet of its own (or, when long, its own sheets, numbered 第1页 共2页), its 编号 at the top right,
/// the 落款 at the right at the end of the notice, then the reply part below a cut line.
pub fn notice(b: &BranchDispatch, d: &Dispatch, issuer: &str, number: String) -> Html {
    let issuer = if issuer.trim().is_empty() {
        "（签发单位）"
    } else {
        issuer.trim()
    };
    let sheets = notice_sheets(d, b);
    let count = sheets.len();
    html! {
        <article class="supervision-page" aria-label={format!("督办单：{}", b.name)}>
            { for sheets.iter().enumerate().map(|(k, range)| {
                let last = k + 1 == count;
                html! {
                    <div class="notice-sheet">
                        if k == 0 {
                            <p class="supervision-number">{ number.clone() }</p>
                            <h2 class="supervision-title">{ "检视整改督办单" }</h2>
                            <p class="supervision-to">{ format!("{}：", b.name) }</p>
                            <p class="supervision-request">{ d.supervision_request() }</p>
                        }
                        <table class="list supervision">
                            <thead><tr><th>{ "序号" }</th><th>{ "清单" }</th><th>{ "问题" }</th><th>{ "整改措施" }</th><th>{ "整改时限" }</th><th>{ "责任人" }</th><th>{ "逾期情况" }</th></tr></thead>
                            <tbody>
                                { for b.pressing[range.clone()].iter().enumerate().map(|(i, p)| html! {
                                    <tr>
                                        <td class="center">{ range.start + i + 1 }</td><td>{ p.list.short_name() }</td><td class="text">{ &p.problem }</td><td class="text">{ &p.content }</td>
                                        <td>{ &p.deadline }</td><td>{ &p.lead }</td><td>{ p.short_state() }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                        if last {
                            // 落款: the issuer, its seal and the date, right-aligned at the end of the notice, as in a 公文.
                            <div class="supervision-issuer">
                                <p>{ format!("{issuer}（盖章）") }</p>
                                <p>{ dates::official(d.today) }</p>
                            </div>
                            <div class="supervision-reply">
                                <p class="cut-line">{ "回　执（请沿此线剪下，整改答复后交回）" }</p>
                                <p class="reply-line">{ format!("{}整改答复：", b.name) }</p>
                                <p class="reply-line">{ "\u{00a0}" }</p>
                                <p class="supervision-sign">{ "党支部书记（签字）：＿＿＿＿＿＿　　答复日期：＿＿＿＿年＿＿月＿＿日" }</p>
                            </div>
                        }
                        if count > 1 {
                            <p class="notice-page">{ format!("第{}页 共{count}页", k + 1) }</p>
                        }
                    </div>
                }
            }) }
        </article>
    }
}
