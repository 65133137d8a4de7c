//! 调度 (in 汇总, and for its own list in a 台账): the week's (or month's, or two dates') movement of every branch, the branches that said nothing, what
//! changed since each branch's previous file, the measures overdue or due soon, the paragraph for the report — and
//! the prints: the 调度表 as shown, and 督办单, one page per branch with measures to press.

use chrono::NaiveDate;
use yew::prelude::*;

use crate::domain::dates;
use crate::domain::dispatch::{BranchDispatch, Dispatch, FIGURE_HEADERS};
use crate::domain::period::Period;
use crate::ui::dom::value_of;
use crate::ui::web::clipboard;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Span {
    Week,
    Month,
    Dates,
}

#[derive(Properties, PartialEq)]
pub struct DispatchProps {
    pub today: NaiveDate,
    /// The 调度 of the period chosen (named 本周, 本月 or 本期): of the 汇总 set, or of one list in its 台账.
    pub make: Callback<(Period, String), Dispatch>,
}

#[function_component(DispatchView)]
pub fn dispatch_view(props: &DispatchProps) -> Html {
    let span = use_state(|| Span::Week);
    let from = use_state(String::new);
    let to = use_state(String::new);
    let supervising = use_state(|| false);
    let today = props.today;
    let chosen = match *span {
        Span::Week => Ok((Period::week_of(today), "本周".to_string())),
        Span::Month => Ok((Period::month_of(today), "本月".to_string())),
        Span::Dates if from.is_empty() || to.is_empty() => {
            Err("请填写开始日期和结束日期。".to_string())
        }
        Span::Dates => Period::between(&from, &to).map(|p| (p, "本期".to_string())),
    };
    let radio = |value: Span, label: &'static str| {
        let checked = *span == value;
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
    let controls = html! {
        <fieldset class="dispatch-span no-print">
            <legend>{ "调度期间" }</legend>
            { radio(Span::Week, "本周") }
            { radio(Span::Month, "本月") }
            { radio(Span::Dates, "自定义") }
            if *span == Span::Dates {
                { date("dispatch-from", "开始日期", &from) }
                { date("dispatch-to", "结束日期", &to) }
            }
        </fieldset>
    };
    let (period, name) = match chosen {
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
    if *supervising {
        let back = {
            let supervising = supervising.clone();
            Callback::from(move |_: MouseEvent| supervising.set(false))
        };
        return html! {
            <section class="supervision-set" aria-label="督办单">
                <div class="toolbar button-row no-print">
                    <button type="button" onclick={back}>{ "返回调度" }</button>
                    <button type="button" onclick={Callback::from(|_: MouseEvent| { let _ = gloo::utils::window().print(); })}>{ "打印督办单" }</button>
                </div>
                { for d.to_supervise().map(|b| supervision_page(b, &d)) }
            </section>
        };
    }
    let report = d.paragraph();
    let copy = {
        let report = report.clone();
        Callback::from(move |_: MouseEvent| clipboard::copy(&report, "dispatch-report"))
    };
    let supervise = {
        let supervising = supervising.clone();
        Callback::from(move |_: MouseEvent| supervising.set(true))
    };
    let silent: Vec<&str> = d.silent().map(|b| b.name.as_str()).collect();
    html! {
        <section class="dispatch" aria-labelledby="dispatch-heading">
            <h2 id="dispatch-heading">{ format!("调度表（{}）", d.period.label()) }</h2>
            <p class="as-of">{ format!("截至{}", dates::official(today)) }</p>
            { controls }
            <div class="report">
                <h3>{ "情况说明（可复制到调度材料中）" }</h3>
                <p id="dispatch-report">{ &report }</p>
                <button type="button" class="no-print" onclick={copy}>{ "复制这段文字" }</button>
            </div>
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
                            <td>{ if b.new_file { "有新文件" } else if b.silent { "未报送进展" } else { "—" } }</td>
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
            <h3>{ "逾期和临期的措施" }</h3>
            { pressing_table(&d) }
            <h3>{ "与上次报送相比的变化" }</h3>
            <ul class="changes">
                { for d.branches.iter().map(|b| html! {
                    <li>
                        <strong>{ &b.name }</strong>{ "：" }
                        { match b.previous_revision {
                            None => "首次报送，没有可比较的上一版。".to_string(),
                            Some(_) if b.changes.is_empty() => "与上一版相比没有变化。".to_string(),
                            Some(r) => format!("与第{r}版相比：{}。", b.changes.join("；")),
                        } }
                    </li>
                }) }
            </ul>
            <div class="toolbar button-row no-print">
                <button type="button" onclick={Callback::from(|_: MouseEvent| { let _ = gloo::utils::window().print(); })}>{ "打印调度表" }</button>
                <button type="button" onclick={supervise} disabled={d.to_supervise().next().is_none()}>{ "督办单" }</button>
            </div>
        </section>
    }
}

fn pressing_table(d: &Dispatch) -> Html {
    if d.to_supervise().next().is_none() {
        return html! { <p class="muted">{ "没有逾期或临期的措施。" }</p> };
    }
    html! {
        <table class="list pressing">
            <thead><tr><th>{ "党支部" }</th><th>{ "位置" }</th><th>{ "整改措施" }</th><th>{ "整改时限" }</th><th>{ "责任人" }</th><th>{ "情况" }</th></tr></thead>
            <tbody>
                { for d.to_supervise().flat_map(|b| b.pressing.iter().map(move |p| html! {
                    <tr class={classes!(if p.days_overdue > 0 { "overdue-row" } else { "due-soon-row" })}>
                        <td>{ &b.name }</td><td>{ &p.location }</td><td class="text">{ &p.content }</td>
                        <td>{ &p.deadline }</td><td>{ &p.lead }</td><td>{ p.state() }</td>
                    </tr>
                })) }
            </tbody>
        </table>
    }
}

/// One 督办单: a page of its own for one branch.
fn supervision_page(b: &BranchDispatch, d: &Dispatch) -> Html {
    html! {
        <article class="supervision-page" aria-label={format!("督办单：{}", b.name)}>
            <h2 class="supervision-title">{ "检视整改督办单" }</h2>
            <p class="supervision-meta">{ format!("党支部：{}　　　　签发日期：{}", b.name, dates::official(d.today)) }</p>
            <p>{ format!("截至{}，你支部有以下整改措施逾期或将在{}日内到期，请抓紧整改，并于收到本单后3个工作日内书面答复。", dates::official(d.today), crate::domain::period::DUE_SOON_DAYS) }</p>
            <table class="list supervision">
                <thead><tr><th>{ "序号" }</th><th>{ "位置" }</th><th>{ "整改措施" }</th><th>{ "整改时限" }</th><th>{ "牵头责任人" }</th><th>{ "逾期情况" }</th></tr></thead>
                <tbody>
                    { for b.pressing.iter().enumerate().map(|(i, p)| html! {
                        <tr>
                            <td class="center">{ i + 1 }</td><td>{ &p.location }</td><td class="text">{ &p.content }</td>
                            <td>{ &p.deadline }</td><td>{ &p.lead }</td><td>{ p.state() }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <div class="supervision-reply">
                <p>{ "整改答复：" }</p>
                <p class="reply-line">{ "\u{00a0}" }</p>
                <p class="reply-line">{ "\u{00a0}" }</p>
                <p class="reply-line">{ "\u{00a0}" }</p>
                <p>{ "党支部书记（签字）：＿＿＿＿＿＿　　　　答复日期：＿＿＿＿年＿＿月＿＿日" }</p>
            </div>
        </article>
    }
}
