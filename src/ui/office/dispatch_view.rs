//! 调度 (in 汇总, and for its own list in a 台账): the week's (or month's, or two dates') movement of every 党支部,
//! the 党支部 that said nothing, what changed in each list since the office last had it (old text beside new), the
//! measures overdue or due soon, the paragraph for the report — and the prints: the 调度表 as shown, and 督办单,
//! one page per 党支部 with measures to press (both its lists).

use chrono::{Datelike, NaiveDate};
use yew::prelude::*;

use crate::domain::office::dispatch::{
    next_number, supervision_number, supervision_numbers, BranchDispatch, Dispatch, ListDispatch,
    FIGURE_HEADERS,
};
use crate::domain::office::period::{Period, Span};
use crate::domain::office::summary_set::{Issued, MAX_NUMBER};
use crate::ui::components::commit_field::CommitField;
use crate::ui::components::following::use_following;
use crate::ui::dom::value_of;
use crate::ui::office::papers;
use crate::ui::web::clipboard;
use std::rc::Rc;

#[derive(Properties, PartialEq)]
pub struct DispatchProps {
    pub today: NaiveDate,
    /// The 调度 of the period chosen (named 本周, 本月 or 本期): of the 汇总 set, or of one list in its 台账.
    pub make: Callback<(Period, String), Dispatch>,
    /// Show what changed since the office's file before the period (汇总; a branch's own 台账 has nothing to
    /// compare with).
    #[prop_or_default]
    pub compare: bool,
    /// Who issues the 督办单 and the number of the first, as kept (汇总 keeps them with its set).
    #[prop_or_default]
    pub issuer: AttrValue,
    #[prop_or_default]
    pub first_number: u32,
    /// Told when the office changes the issuer, to keep it.
    #[prop_or_default]
    pub on_issuer: Option<Callback<String>>,
    /// Told when the office changes the next number, to keep it. Each field is told apart: a change of one must
    /// never carry this tab's copy of the other over another tab's.
    #[prop_or_default]
    pub on_first_number: Option<Callback<u32>>,
    /// The 督办单 printed before (汇总 keeps them with its set), so a number is never given twice.
    #[prop_or_default]
    pub issued: Rc<Vec<Issued>>,
    /// Told, as 打印督办单 is pressed, the numbers printed.
    #[prop_or_default]
    pub on_issue: Option<Callback<Vec<Issued>>>,
}

/// The pages the 督办单 print on while they are shown: narrower margins, and none of the page numbers of the whole
/// print (a notice long enough for two sheets numbers them itself, 第1页 共2页). A rule of the document's adopted
/// only then, not a named page: Chromium 109 breaks a page before every block of an element with a page name.
const NOTICE_PAGE: &str =
    "@page { size: A4 landscape; margin: 12mm 20mm; @bottom-center { content: none; } }";

#[function_component(DispatchView)]
pub fn dispatch_view(props: &DispatchProps) -> Html {
    let span = use_state(|| Span::Week);
    let from = use_state(String::new);
    let to = use_state(String::new);
    let supervising = use_state(|| false);
    // What this tab was told last (a branch's own 台账 keeps them nowhere else), following the set's.
    let issuer = use_following(props.issuer.clone());
    let first_number = use_following(props.first_number.max(1));
    let wrong_number = use_state(|| None::<String>);
    use_effect_with(*supervising, |on| {
        let sheet = on
            .then(|| crate::ui::web::page_style::add(NOTICE_PAGE))
            .flatten();
        move || {
            if let Some(sheet) = sheet {
                crate::ui::web::page_style::remove(&sheet);
            }
        }
    });
    let today = props.today;
    let controls = period_controls(&span, &from, &to);
    let (period, name) = match span.period(today, &from, &to) {
        Ok(chosen) => chosen,
        Err(message) => {
            return html! {
                <section class="dispatch" aria-labelledby="dispatch-heading">
                    <h2 id="dispatch-heading">{ "调度" }</h2>
                    { controls }
                    <p class="notice error" role="alert">{ message }</p>
                </section>
            }
        }
    };
    let d = props.make.emit((period, name));
    let show = |on: bool| {
        let supervising = supervising.clone();
        Callback::from(move |_: MouseEvent| supervising.set(on))
    };
    if *supervising {
        // What this tab was told last, or what the set says now (a 调度 printed since, here or in another tab).
        let first = (*first_number).max(props.first_number);
        let numbers = supervision_numbers(&d, &props.issued, first);
        let print = {
            let (numbers, on_issue) = (numbers.clone(), props.on_issue.clone());
            Callback::from(move |_: MouseEvent| {
                // The numbers printed are kept first: the next 调度 goes on from after them.
                if let Some(f) = &on_issue {
                    f.emit(numbers.clone());
                }
                let _ = gloo::utils::window().print();
            })
        };
        let year = d.today.year();
        return html! {
            <section class="supervision-set" aria-label="督办单">
                <div class="toolbar button-row no-print">
                    <button type="button" onclick={show(false)}>{ "返回调度" }</button>
                    <button type="button" onclick={print}>{ "打印督办单" }</button>
                </div>
                { issuer_form(props, (&issuer, &first_number), first, &wrong_number, year) }
                { for d.to_supervise().zip(&numbers).map(|(b, n)| papers::notice(b, &d, &issuer, supervision_number(n.year, n.number, 0))) }
            </section>
        };
    }
    let report = d.paragraph();
    let copy = {
        let report = report.clone();
        Callback::from(move |_: MouseEvent| clipboard::copy(&report, "dispatch-report"))
    };
    html! {
        <>
        <section class="dispatch no-print" aria-labelledby="dispatch-heading">
            <h2 id="dispatch-heading">{ format!("调度表（{}）", d.period.label()) }</h2>
            <p class="as-of">{ &d.as_of }</p>
            { controls }
            <div class="report">
                <h3>{ "情况说明" }<span class="no-print">{ "（可复制到调度材料中）" }</span></h3>
                <p id="dispatch-report">{ &report }</p>
                <button type="button" class="no-print" onclick={copy}>{ "复制这段文字" }</button>
            </div>
            { dispatch_table(&d) }
            <h3>{ "逾期和临期的措施" }</h3>
            { pressing_table(&d) }
            if props.compare {
                { changes_section(&d) }
            }
            <div class="toolbar button-row no-print">
                <button type="button" onclick={Callback::from(|_: MouseEvent| { let _ = gloo::utils::window().print(); })}>{ "打印调度表" }</button>
                <button type="button" onclick={show(true)} disabled={d.to_supervise().next().is_none()}>{ "督办单" }</button>
            </div>
        </section>
        { papers::dispatch_paper(&d) }
        </>
    }
}

/// 调度期间: 本周, 本月, or 自定义 with its two dates.
fn period_controls(
    span: &UseStateHandle<Span>,
    from: &UseStateHandle<String>,
    to: &UseStateHandle<String>,
) -> Html {
    let radio = |value: Span, label: &'static str| {
        let checked = **span == value;
        let span = span.clone();
        let onchange = Callback::from(move |_: Event| span.set(value));
        html! {
            <label class="choice"><input type="radio" name="dispatch-span" {checked} {onchange} />{ label }</label>
        }
    };
    let date = |id: &'static str, label: &'static str, state: &UseStateHandle<String>| {
        let value = state.to_string();
        let state = state.clone();
        let onchange = Callback::from(move |e: Event| state.set(value_of(e.target())));
        html! {
            <span class="inline-form">
                <label for={id}>{ label }</label>
                <input {id} type="date" {value} {onchange} />
            </span>
        }
    };
    html! {
        <fieldset class="dispatch-span no-print">
            <legend>{ "调度期间" }</legend>
            { radio(Span::Week, "本周") }
            { radio(Span::Month, "本月") }
            { radio(Span::Dates, "自定义") }
            if **span == Span::Dates {
                { date("dispatch-from", "开始日期", from) }
                { date("dispatch-to", "结束日期", to) }
            }
        </fieldset>
    }
}

/// 各党支部进展 with its 合计, and the 党支部 that said nothing.
fn dispatch_table(d: &Dispatch) -> Html {
    let silent: Vec<&str> = d.silent().map(|b| b.name.as_str()).collect();
    html! {
        <>
            <table class="list dispatch-table">
                <caption>{ "各党支部进展" }</caption>
                <thead>
                    <tr>
                        <th>{ "党支部" }</th>
                        { for FIGURE_HEADERS.iter().map(|h| html! { <th>{ *h }</th> }) }
                        <th>{ "本期报送" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for d.branches.iter().map(|b| html! {
                        <tr class={classes!(b.silent.then_some("silent"))}>
                            <th scope="row">{ &b.name }</th>
                            { for b.figures.cells().iter().map(|n| html! { <td class="center">{ n }</td> }) }
                            <td>{ b.reported() }</td>
                        </tr>
                    }) }
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{ "合计" }</th>
                        { for d.total.cells().iter().map(|n| html! { <td class="center">{ n }</td> }) }
                        <td>{ format!("{}个未报送", silent.len()) }</td>
                    </tr>
                </tfoot>
            </table>
            <h3>{ "未报送进展的党支部" }</h3>
            if silent.is_empty() {
                <p class="muted">{ "没有：各党支部本期都报送了进展或新文件。" }</p>
            } else {
                <ul class="silent-branches">{ for silent.iter().map(|n| html! { <li>{ *n }</li> }) }</ul>
            }
        </>
    }
}

/// The measures overdue or due soon, 党支部 by 党支部: a line each with the counts, unfolding to the measures
/// (folded when there are many: a bureau has hundreds). On paper only the lines: the 督办单 carry the measures.
fn pressing_table(d: &Dispatch) -> Html {
    if d.to_supervise().next().is_none() {
        return html! { <p class="muted">{ "没有逾期或临期的措施。" }</p> };
    }
    let many = d.to_supervise().map(|b| b.pressing.len()).sum::<usize>() > 20;
    html! {
        <div class="pressing-groups">
            { for d.to_supervise().map(|b| {
                let overdue = b.pressing.iter().filter(|p| p.days_overdue > 0).count();
                let soon = b.pressing.len() - overdue;
                html! {
                    <details class="pressing-group" open={!many}>
                        <summary>{ format!("{}：逾期{overdue}项，临期{soon}项", b.name) }</summary>
                        <table class="list pressing">
                            <thead><tr><th>{ "党支部" }</th><th>{ "清单" }</th><th>{ "问题" }</th><th>{ "整改措施" }</th><th>{ "整改时限" }</th><th>{ "责任人" }</th><th>{ "情况" }</th></tr></thead>
                            <tbody>
                                { for b.pressing.iter().map(|p| html! {
                                    <tr class={classes!(if p.days_overdue > 0 { "overdue-row" } else { "due-soon-row" })}>
                                        <td>{ &b.name }</td><td>{ p.list_label() }</td><td class="text">{ &p.problem }</td><td class="text">{ &p.content }</td>
                                        <td>{ &p.deadline }</td><td>{ &p.lead }</td><td>{ p.state() }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </details>
                }
            }) }
            <p class="print-only">{ "各项措施见发给各党支部的督办单。" }</p>
        </div>
    }
}

/// 签发单位 and the 编号 of the next 督办单: written once, kept (in 汇总), printed on every one. A number already
/// given this year is refused, with the number to write instead.
fn issuer_form(
    props: &DispatchProps,
    (issuer, number): (&UseStateHandle<AttrValue>, &UseStateHandle<u32>),
    first: u32,
    wrong: &UseStateHandle<Option<String>>,
    year: i32,
) -> Html {
    let on_name = {
        let (issuer, on_issuer) = (issuer.clone(), props.on_issuer.clone());
        Callback::from(move |value: String| {
            let name = value.trim().to_string();
            if let Some(f) = &on_issuer {
                f.emit(name.clone());
            }
            issuer.set(name.into());
        })
    };
    let on_number = {
        let (number, on_first, wrong, issued) = (
            number.clone(),
            props.on_first_number.clone(),
            wrong.clone(),
            props.issued.clone(),
        );
        Callback::from(
            move |value: String| match next_number(&value, &issued, year) {
                Ok(first) => {
                    wrong.set(None);
                    if let Some(f) = &on_first {
                        f.emit(first);
                    }
                    number.set(first);
                }
                Err(why) => wrong.set(Some(why)),
            },
        )
    };
    html! {
        <div class="form-grid issuer no-print">
            <div class="field">
                <label for="supervision-issuer">{ "签发单位（印在每份督办单的落款处）" }</label>
                <CommitField id="supervision-issuer" value={(**issuer).clone()} on_commit={on_name}
                    placeholder="例如：中共××县公安局委员会主题教育办公室" />
            </div>
            <div class="field">
                <label for="supervision-first">{ "下一份督办单的编号" }</label>
                <CommitField id="supervision-first" input_type="number" min="1" max={MAX_NUMBER.to_string()}
                    value={first.to_string()} on_commit={on_number} invalid={wrong.is_some()}
                    described_by="supervision-first-hint" />
                if let Some(why) = &**wrong {
                    <p class="error-text" role="alert">{ why }</p>
                }
                <p class="hint" id="supervision-first-hint">{ "还没编号的督办单从这个号起依次编号，例如“督〔2026〕第1号”；打印过的督办单保留原来的编号，下次调度接着往后编。" }</p>
            </div>
        </div>
    }
}

/// 与上次报送相比的变化: for each 党支部 that handed in during the period, each list's files against the one the
/// office had before the period, field by field with the old text beside the new.
fn changes_section(d: &Dispatch) -> Html {
    let reporting: Vec<&BranchDispatch> = d.branches.iter().filter(|b| b.new_file).collect();
    let quiet = d.branches.len() - reporting.len();
    html! {
        <section class="changes" aria-labelledby="changes-heading">
            <h3 id="changes-heading">{ "与上次报送相比的变化" }</h3>
            if reporting.is_empty() {
                <p class="muted">{ "本期没有党支部报送新文件。" }</p>
            }
            { for reporting.iter().map(|b| html! {
                <div class="branch-changes">
                    <h4>{ &b.name }</h4>
                    { for b.lists.iter().filter(|l| l.new_files > 0).map(list_changes) }
                </div>
            }) }
            if quiet > 0 && !reporting.is_empty() {
                <p class="muted">{ format!("其余{quiet}个党支部本期没有报送新文件。") }</p>
            }
        </section>
    }
}

fn list_changes(l: &ListDispatch) -> Html {
    html! {
        <>
            <p class="list-changes">{ l.summary() }</p>
            if !l.changes.is_empty() {
                <table class="list change-table">
                    <thead><tr><th>{ "位置" }</th><th>{ "项目" }</th><th>{ "原内容" }</th><th>{ "修改后" }</th></tr></thead>
                    <tbody>
                        { for l.changes.iter().map(|c| html! {
                            <tr><td>{ &c.place }</td><td>{ &c.field }</td><td class="text">{ &c.before }</td><td class="text">{ &c.after }</td></tr>
                        }) }
                    </tbody>
                </table>
            }
        </>
    }
}
