//! 审核: the office's comments on one received list (the whole list, every problem, every measure), the verdict,
//! 导出审核意见; and, when the file carries the branch's answers to an earlier review, each answer beside its
//! comment with whether what it was on changed since.

use chrono::NaiveDate;
use yew::prelude::*;

use crate::domain::dates;
use crate::domain::office::consolidate::ListFile;
use crate::domain::office::review::attach::{shown, Shown};
use crate::domain::office::review::file::MAX_TEXT_CHARS;
pub use crate::domain::office::review::office::{Draft, ReviewEdit};
use crate::domain::office::review::paper::{feedback, Feedback};
use crate::domain::office::review::{places, Verdict, WHOLE_LIST};
use crate::domain::papers::request::Request;
use crate::ui::components::commit_field::CommitField;
use crate::ui::components::following::use_following;
use crate::ui::components::office_export::OfficeExport;
use crate::ui::web::{clock, download};

/// Set on the page's body while the 反馈单 is shown (`data-paper="feedback"`): the stylesheets then show and print
/// it alone.
const PAPER_ATTRIBUTE: &str = "data-paper";

/// The 审核意见反馈单 as it prints, with 打印 and 返回审核 above it (not printed).
fn feedback_sheet(f: &Feedback, back: Callback<MouseEvent>) -> Html {
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    html! {
        <section class="review-paper" aria-labelledby="feedback-heading">
            <div class="button-row no-print">
                <button type="button" class="primary" onclick={print}>{ "打印" }</button>
                <button type="button" onclick={back}>{ "返回审核" }</button>
            </div>
            <div class="paper feedback">
                <h2 id="feedback-heading" class="doc-title">{ "审核意见反馈单" }</h2>
                <p class="doc-title feedback-list">{ &f.list }</p>
                <p class="doc-meta">
                    <span>{ format!("报送单位：{}", f.unit) }</span>
                    <span>{ format!("审核结论：{}", f.verdict) }</span>
                </p>
                <table class="list feedback-table">
                    <thead><tr><th class="c-serial">{ "序号" }</th><th class="c-where">{ "位置" }</th><th class="c-quote">{ "原文（摘录）" }</th><th>{ "审核意见" }</th></tr></thead>
                    <tbody>
                        { for f.rows.iter().enumerate().map(|(i, r)| html! {
                            <tr>
                                <td class="center">{ i + 1 }</td><td>{ &r.location }</td>
                                <td class="text">{ &r.quote }</td><td class="text">{ &r.comment }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                if f.rows.is_empty() {
                    <p>{ "（没有具体意见）" }</p>
                }
                <p class="signatures">
                    <span>{ format!("审核人：{}", f.reviewer) }</span>
                    <span>{ format!("审核日期：{}", f.date) }</span>
                    <span>{ "审核人（签字）：" }<span class="line"></span></span>
                </p>
                <p class="signatures">
                    <span>{ "党支部签收：" }<span class="line"></span></span>
                    <span>{ "签收日期：" }<span class="line short"></span></span>
                </p>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ReviewProps {
    pub list: ListFile,
    /// The review of this file as written so far.
    pub draft: Draft,
    pub reviewer: AttrValue,
    pub today: NaiveDate,
    /// A change of this review (`draft.list` says which), to keep in the set.
    pub on_change: Callback<(Draft, ReviewEdit)>,
}

#[derive(Properties, PartialEq)]
struct ReviewFieldProps {
    id: AttrValue,
    label: AttrValue,
    value: AttrValue,
    #[prop_or_default]
    multiline: bool,
    on_commit: Callback<String>,
}

/// A labelled field of the review, committed when left (`CommitField`); a comment counts its characters as typed.
#[function_component(ReviewField)]
fn review_field(props: &ReviewFieldProps) -> Html {
    let length = use_following(props.value.chars().count());
    let on_typed = {
        let length = length.clone();
        Callback::from(move |text: String| length.set(text.chars().count()))
    };
    // A comment longer than the branch's import takes would make it refuse the whole file: said as it is typed.
    let over = *length > MAX_TEXT_CHARS;
    let count_id = format!("{}-count", props.id);
    html! {
        <div class="review-comment">
            <label for={props.id.clone()}>{ &props.label }</label>
            if props.multiline {
                <CommitField id={props.id.clone()} rows={2} value={props.value.clone()} {on_typed}
                    on_commit={props.on_commit.clone()} described_by={count_id.clone()} invalid={over} />
                <p id={count_id} class={classes!("count", over.then_some("over"))} aria-live="polite">
                    if over {
                        { format!("已写{}字，超过{MAX_TEXT_CHARS}字：支部导入时会拒绝整个审核意见文件，请删减{}字。", *length, *length - MAX_TEXT_CHARS) }
                    } else if *length > MAX_TEXT_CHARS * 9 / 10 {
                        { format!("{}/{MAX_TEXT_CHARS}字", *length) }
                    }
                </p>
            } else {
                <CommitField id={props.id.clone()} value={props.value.clone()} on_commit={props.on_commit.clone()} />
            }
        </div>
    }
}

fn comment_field(
    path: &str,
    label: String,
    draft: &Draft,
    on_change: &Callback<(Draft, ReviewEdit)>,
) -> Html {
    let on_commit = {
        let (draft, path, on_change) = (draft.clone(), path.to_string(), on_change.clone());
        Callback::from(move |text: String| {
            on_change.emit((
                draft.clone(),
                ReviewEdit::Comment {
                    path: path.clone(),
                    text,
                },
            ))
        })
    };
    html! {
        <ReviewField id={format!("review-{path}")} {label} value={draft.comment(path).to_string()} multiline=true {on_commit} />
    }
}

/// While the 反馈单 shows alone (打印反馈单), the body says so, and the rest of the page is hidden.
#[hook]
fn use_paper_shown(on: bool) {
    use_effect_with(on, move |on| {
        let body = gloo::utils::body();
        let _ = if *on {
            body.set_attribute(PAPER_ATTRIBUTE, "feedback")
        } else {
            body.remove_attribute(PAPER_ATTRIBUTE)
        };
        move || {
            let _ = gloo::utils::body().remove_attribute(PAPER_ATTRIBUTE);
        }
    });
}

/// 通过 or 退回修改, pressed when it is the verdict recorded.
fn verdict_button(
    verdict: Verdict,
    draft: &Draft,
    on_change: &Callback<(Draft, ReviewEdit)>,
) -> Html {
    let pressed = if draft.verdict == Some(verdict) {
        "true"
    } else {
        "false"
    };
    let (draft, on_change) = (draft.clone(), on_change.clone());
    let onclick = Callback::from(move |_: MouseEvent| {
        on_change.emit((draft.clone(), ReviewEdit::Verdict(verdict)));
    });
    html! { <button type="button" aria-pressed={pressed} {onclick}>{ verdict.label() }</button> }
}

/// The branch's answers to the review before this one, when there was one.
fn answers_table(answers: &[Shown]) -> Html {
    if answers.is_empty() {
        return Html::default();
    }
    html! {
        <table class="list answers">
            <caption>{ "党支部对上次审核意见的答复" }</caption>
            <thead><tr><th>{ "位置" }</th><th>{ "审核意见" }</th><th>{ "答复" }</th><th>{ "已修改" }</th><th>{ "内容" }</th></tr></thead>
            <tbody>
                { for answers.iter().map(|a| html! {
                    <tr class={classes!((!a.comment.is_answered()).then_some("unanswered"))}>
                        <td>{ a.location.clone().unwrap_or_else(|| "（已删除）".to_string()) }</td>
                        <td class="text">{ &a.comment.text }</td>
                        <td class="text">{ if a.comment.is_answered() { a.comment.answer.clone() } else { "未答复".to_string() } }</td>
                        <td>{ if a.comment.revised { "是" } else { "否" } }</td>
                        <td>{ if a.changed { "审核后已改动" } else { "未改动" } }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

#[function_component(ReviewPanel)]
pub fn review_panel(props: &ReviewProps) -> Html {
    let notice = use_state(|| None::<Result<String, String>>);
    // 打印反馈单 shows the 反馈单 alone, as it prints (the rest of the page is hidden while it shows).
    let paper = use_state(|| None::<Feedback>);
    use_paper_shown(paper.is_some());
    let d = &props.list.document;
    let (draft, reviewer) = (&props.draft, props.reviewer.as_str());
    if let Some(f) = &*paper {
        let back = {
            let paper = paper.clone();
            Callback::from(move |_: MouseEvent| paper.set(None))
        };
        return feedback_sheet(f, back);
    }
    // The review file as it would be exported now, or what is missing.
    let reviewed = {
        let (draft, reviewer, doc, today) =
            (draft.clone(), reviewer.to_string(), d.clone(), props.today);
        move || draft.review(&doc, &reviewer, &dates::iso(today))
    };
    let print_feedback = {
        let (paper, notice, reviewed, doc) =
            (paper.clone(), notice.clone(), reviewed.clone(), d.clone());
        Callback::from(move |_: MouseEvent| match reviewed() {
            Ok(review) => paper.set(Some(feedback(&doc, &review))),
            Err(e) => notice.set(Some(Err(e))),
        })
    };
    let feedback_word = {
        let doc = d.clone();
        Callback::from(move |()| {
            reviewed().map(|review| Request::Feedback {
                list: Box::new(doc.clone()),
                review: Box::new(review),
            })
        })
    };
    let on_reviewer = {
        let (draft, on_change) = (draft.clone(), props.on_change.clone());
        Callback::from(move |name: String| {
            on_change.emit((draft.clone(), ReviewEdit::Reviewer(name)))
        })
    };
    let export = {
        let (draft, reviewer, doc, notice, today, on_change) = (
            draft.clone(),
            reviewer.to_string(),
            d.clone(),
            notice.clone(),
            props.today,
            props.on_change.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let result = draft
                .review(&doc, &reviewer, &dates::iso(today))
                .and_then(|review| {
                    let written = review.write(clock::now());
                    download::save(&written.file_name, &written.bytes, "application/json")
                        .map(|()| format!("已导出“{}”，请把它交给该党支部。", written.file_name))
                });
            if result.is_ok() {
                // Exported: clearing the set no longer loses it.
                on_change.emit((draft.clone(), ReviewEdit::Exported));
            }
            notice.set(Some(result));
        })
    };
    html! {
        <section class="review no-print" aria-labelledby="review-heading">
            <h3 id="review-heading">{ format!("审核（第{}版）", d.revision) }</h3>
            { answers_table(&shown(d)) }
            <ReviewField id="review-reviewer" label="审核人（办公室）" value={reviewer.to_string()} on_commit={on_reviewer} />
            { comment_field(WHOLE_LIST, "审核意见".to_string(), draft, &props.on_change) }
            // Each problem, then its measures: the places of the list, located in one walk.
            { for places(d).into_iter().skip(1).map(|p| html! {
                <div class={if p.is_measure { "review-measure" } else { "review-problem" }}>
                    <p class="review-item"><strong>{ &p.location }</strong>{ "：" }{ p.text }</p>
                    { comment_field(p.path, format!("审核意见（{}）", p.location), draft, &props.on_change) }
                </div>
            }) }
            // The verdict as recorded, said in words at once (not only a button's outline), and whether it has
            // gone to the branch.
            if let Some(v) = draft.verdict {
                <p class="notice ok review-recorded" role="status">
                    { format!("已记录审核结论：{}。", v.label()) }
                    { if draft.exported { "已导出审核意见。" } else { "还没有导出审核意见：点“导出审核意见”把它交给党支部。" } }
                </p>
            }
            <div class="toolbar button-row">
                { verdict_button(Verdict::Passed, draft, &props.on_change) }
                { verdict_button(Verdict::Returned, draft, &props.on_change) }
                <button type="button" onclick={export}>{ "导出审核意见" }</button>
                <button type="button" onclick={print_feedback}>{ "打印反馈单" }</button>
                <OfficeExport label="导出反馈单（Word）" request={feedback_word} />
                {
                    match &*notice {
                        Some(Ok(text)) => html! { <span class="notice ok" role="status">{ text }</span> },
                        Some(Err(text)) => html! { <span class="notice error" role="alert">{ text }</span> },
                        None => html! {},
                    }
                }
            </div>
        </section>
    }
}
