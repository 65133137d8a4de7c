//! 审核意见 at the branch: the office's comments attached to the list, each answered here (答复, 已修改) in the
//! region 检查结果, each shown beside its problem or measure, and what is still open said at the top.

use yew::prelude::*;

use crate::domain::dates;
use crate::domain::editor::route::Route;
use crate::domain::list::edit::Action;
use crate::domain::list::model::Document;
use crate::domain::office::review::attach::{not_ready, shown, unanswered, Shown};
use crate::domain::office::review::{comment_on, field_of};
use crate::ui::dom::value_of;
use crate::ui::flash;
use crate::ui::session::SessionHandle;
use crate::ui::web::location;

/// The comment on a problem or measure, beside it: what the office said and what was answered.
pub fn beside(doc: &Document, id: &str) -> Html {
    let Some(c) = comment_on(doc, id) else {
        return html! {};
    };
    html! {
        <p class="review-note">
            <span class="msg-kind">{ "审核意见：" }</span>{ &c.text }
            <span class="answer">{
                if c.is_answered() { format!("（已答复：{}）", c.answer) }
                else if !c.earlier_text.is_empty() { "（意见已修改，请在“检查”一步确认答复）".to_string() }
                else { "（未答复，请在“检查”一步答复）".to_string() }
            }</span>
        </p>
    }
}

/// What is still open, at the top of the editor: nothing once every comment is answered.
pub fn banner(doc: &Document) -> Html {
    match not_ready(doc) {
        Some(text) => html! { <p class="notice review" role="status">{ text }</p> },
        None => html! {},
    }
}

#[derive(Properties, PartialEq)]
pub struct ReviewProps {
    pub id: String,
    /// Changes whenever the list was re-checked or reshaped: an answer left, 已修改 ticked.
    pub shape: u64,
}

/// The comments with their answers, in 检查结果.
#[function_component(ReviewComments)]
pub fn review_comments(props: &ReviewProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside an editor");
    // Each comment with the field its link leads to, read in one go: the document itself is not cloned.
    let (review, comments) = session.read(|s| {
        let comments: Vec<(Shown, Option<String>)> = shown(&s.doc)
            .into_iter()
            .map(|c| {
                let field = field_of(&s.doc, &c.comment.path);
                (c, field)
            })
            .collect();
        (s.doc.review.clone(), comments)
    });
    let Some(review) = review else {
        return html! {};
    };
    let open = session.read(|s| unanswered(&s.doc));
    html! {
        <>
            <h4>{ format!("审核意见（{}条，{}条未答复）", comments.len(), open) }</h4>
            <p class="muted">{ format!("办公室{}于{}审核第{}版：{}。请逐条写明答复；按意见改了清单的，勾选“已修改”。",
                if review.reviewer.is_empty() { String::new() } else { format!("（{}）", review.reviewer) },
                dates::official_text(&review.reviewed_on), review.list.revision, review.verdict.label()) }</p>
            <ul class="findings review">
                { for comments.iter().map(|(c, field)| html! { <Comment id={props.id.clone()} shown={c.clone()} field={field.clone()} /> }) }
            </ul>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct CommentProps {
    id: String,
    shown: Shown,
    /// The field its link leads to.
    field: Option<String>,
}

#[function_component(Comment)]
fn comment(props: &CommentProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside an editor");
    let c = &props.shown.comment;
    let at = props
        .shown
        .location
        .clone()
        .unwrap_or_else(|| "（已删除的内容）".to_string());
    let answer = |refresh: bool| {
        let (session, path) = (session.clone(), c.path.clone());
        move |value: String| {
            let action = Action::AnswerComment {
                path: path.clone(),
                answer: value,
            };
            if refresh {
                session.edit_and_refresh(action);
            } else {
                session.edit(action);
            }
        }
    };
    let typed = {
        let answer = answer(false);
        Callback::from(move |e: InputEvent| answer(value_of(e.target())))
    };
    // Leaving the field re-renders the counts (typing alone only saves).
    let left = {
        let answer = answer(true);
        Callback::from(move |e: Event| answer(value_of(e.target())))
    };
    let revised = {
        let (session, path) = (session.clone(), c.path.clone());
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            let checked = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .is_some_and(|i| i.checked());
            session.edit_and_refresh(Action::MarkRevised {
                path: path.clone(),
                revised: checked,
            });
        })
    };
    let link = match &props.field {
        Some(field) => {
            let (field, id) = (field.clone(), props.id.clone());
            let onclick = Callback::from(move |e: MouseEvent| {
                e.prevent_default();
                flash::focus_later(field.clone());
                location::go(&Route::for_finding(&id, &field));
            });
            html! { <a href="#" {onclick}>{ &at }</a> }
        }
        None => html! { <span>{ &at }</span> },
    };
    let answer_id = format!("answer-{}", c.path);
    let revised_id = format!("revised-{}", c.path);
    // The office reworded the comment after the branch answered it: the answer stands once confirmed.
    let confirm = {
        let (session, path, answer) = (session.clone(), c.path.clone(), c.answer.clone());
        Callback::from(move |_: MouseEvent| {
            session.edit_and_refresh(Action::AnswerComment {
                path: path.clone(),
                answer: answer.clone(),
            });
        })
    };
    html! {
        <li class={classes!("finding", "review", (!c.is_answered()).then_some("open"))}>
            <span class="msg-kind">{ "审核意见：" }</span>{ link }{ "：" }{ &c.text }
            if props.shown.changed && props.shown.location.is_some() {
                <span class="muted">{ "（审核后已改动）" }</span>
            }
            if !c.earlier_text.is_empty() {
                <p class="reworded" role="note">
                    <strong>{ "意见已修改，请确认答复。" }</strong>
                    { format!("原来的意见是：“{}”。下面是当时写的答复，仍然合适就点“确认答复”，否则改写它。", c.earlier_text) }
                    <button type="button" onclick={confirm}>{ "确认答复" }</button>
                </p>
            }
            <div class="inline-form answer">
                <label for={answer_id.clone()}>{ format!("答复（{at}）") }</label>
                <input id={answer_id} type="text" value={c.answer.clone()} oninput={typed} onchange={left} />
                <input id={revised_id.clone()} type="checkbox" checked={c.revised} onchange={revised} />
                <label for={revised_id}>{ format!("已修改（{at}）") }</label>
            </div>
        </li>
    }
}
