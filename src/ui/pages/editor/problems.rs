//! The problems of an org list, or the members of a member list, with their add buttons.

use std::rc::Rc;

use yew::prelude::*;

use super::ShapeProps;

use super::member_card::MemberCard;
use super::problem_card::ProblemCard;
use crate::domain::edit::Action;
use crate::domain::model::Kind;
use crate::ui::dom;
use crate::ui::session::{SessionHandle, State};
use crate::ui::web::clock;

#[function_component(Problems)]
pub fn problems(_: &ShapeProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside an editor");
    session.read(|s| list(&session, s))
}

/// The problems (or members) of the list as the session has it.
fn list(session: &SessionHandle, s: &State) -> Html {
    let kind = s.doc.kind;
    let categories = Rc::new(s.doc.header.categories.clone());
    match kind {
        Kind::Org => {
            let count = s.doc.problems.len();
            let add = {
                let session = session.clone();
                Callback::from(move |_: MouseEvent| {
                    session.edit(Action::AddProblem {
                        member: None,
                        id: clock::new_id(),
                        measure_id: clock::new_id(),
                    });
                })
            };
            let by_category: Vec<String> = categories
                .iter()
                .map(|c| {
                    format!(
                        "{c} {}",
                        s.doc.problems.iter().filter(|p| p.category == *c).count()
                    )
                })
                .collect();
            html! {
                <>
                    <p class="muted category-summary">{ "各类别的问题数：" }{ by_category.join(" · ") }</p>
                    if count == 0 {
                        <p class="muted">{ "还没有问题。点“添加问题”开始；每个问题下至少要有一项整改措施。" }</p>
                    }
                    { for s.doc.problems.iter().enumerate().map(|(i, p)| html! {
                        <ProblemCard key={p.id.clone()} problem={p.clone()} index={i} count={count} {kind}
                            categories={categories.clone()} />
                    }) }
                    <button type="button" id={dom::field_id("problems")} class="add" onclick={add}>{ "添加问题" }</button>
                </>
            }
        }
        Kind::Member => {
            let count = s.doc.members.len();
            let add = {
                let session = session.clone();
                Callback::from(move |_: MouseEvent| {
                    session.edit(Action::AddMember {
                        id: clock::new_id(),
                        problem_id: clock::new_id(),
                        measure_id: clock::new_id(),
                    });
                })
            };
            html! {
                <>
                    if count == 0 {
                        <p class="muted">{ "还没有党员。点“添加党员”，再填写每名党员检视出的问题和整改措施。" }</p>
                    }
                    { for s.doc.members.iter().enumerate().map(|(i, m)| html! {
                        <MemberCard key={m.id.clone()} member={m.clone()} index={i} count={count} categories={categories.clone()} />
                    }) }
                    <button type="button" id={dom::field_id("members")} class="add" onclick={add}>{ "添加党员" }</button>
                </>
            }
        }
    }
}
