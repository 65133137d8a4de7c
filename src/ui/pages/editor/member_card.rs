//! One member of a member list: name, position, type, their problems and the branch's opinion.

use std::rc::Rc;

use yew::prelude::*;

use super::problem_card::ProblemCard;
use crate::domain::codes::{code, from_code};
use crate::domain::labels::field_label;
use crate::domain::list::edit::{Action, MemberField};
use crate::domain::list::model::{Kind, Member, MemberType};
use crate::domain::list::required::is_required;
use crate::ui::components::choice::{coded_options, Select};
use crate::ui::components::field::TextField;
use crate::ui::components::following::use_following;
use crate::ui::components::item_actions::ItemActions;
use crate::ui::dom;
use crate::ui::session::SessionHandle;
use crate::ui::web::clock;

#[derive(Properties, PartialEq)]
pub struct MemberCardProps {
    pub member: Member,
    pub index: usize,
    pub count: usize,
    pub categories: Rc<Vec<String>>,
    /// A member's own list: the member alone, who is neither moved nor removed.
    #[prop_or_default]
    pub own: bool,
}

#[function_component(MemberCard)]
pub fn member_card(props: &MemberCardProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside an editor");
    let m = &props.member;
    // Typing re-renders nothing (the fields keep their own text), so the heading learns the name as it is typed;
    // a new name from outside (undo, a reload) replaces what was typed.
    let shown_name = use_following(m.name.clone());
    let path = |key: &str| format!("{}.{key}", m.id);
    let set = |field: MemberField| {
        let (session, id, shown_name) = (session.clone(), m.id.clone(), shown_name.clone());
        Callback::from(move |v: String| {
            if field == MemberField::Name {
                shown_name.set(v.clone());
            }
            session.edit(Action::SetMember(id.clone(), field, v));
        })
    };
    let member_type = {
        let (session, id) = (session.clone(), m.id.clone());
        Callback::from(move |v: String| {
            session.edit(Action::SetMemberType(
                id.clone(),
                from_code::<MemberType>(&v),
            ));
        })
    };
    let add_problem = {
        let (session, id) = (session.clone(), m.id.clone());
        Callback::from(move |_: MouseEvent| {
            session.edit(Action::AddProblem {
                member: Some(id.clone()),
                id: clock::new_id(),
                measure_id: clock::new_id(),
            });
        })
    };
    let type_value = m.member_type.map(|t| code(&t)).unwrap_or_default();
    let name = format!("党员{}", props.index + 1);
    let member_name = shown_name.trim();
    let heading_id = format!("h-{}", m.id);
    let count = m.problems.len();
    html! {
        <article class="card member" aria-labelledby={heading_id.clone()}>
            <div class="card-head">
                <h3 id={heading_id}>{ &name }{ if member_name.is_empty() { String::new() } else { format!("：{member_name}") } }</h3>
                if !props.own {
                    <ItemActions id={m.id.clone()} name={name.clone()} index={props.index} count={props.count} with="及其全部问题和措施" />
                }
            </div>
            <div class="form-grid">
                if props.own {
                    // The member's name is typed once, as 填报人 (the domain keeps 姓名 the same).
                    <p class="own-name" id={dom::field_id(&path("name"))} tabindex="-1">
                        { "姓名：" }<strong>{ if member_name.is_empty() { "（未填）" } else { member_name } }</strong>
                        <span class="muted">{ "（即表头的“填报人”，在第1步“表头信息”中填写）" }</span>
                    </p>
                } else {
                    <TextField path={path("name")} label={field_label("name")} value={m.name.clone()} required={is_required(Kind::Member, "name")} on_input={set(MemberField::Name)} />
                }
                <TextField path={path("position")} label={field_label("position")} value={m.position.clone()} on_input={set(MemberField::Position)} />
                <Select path={path("member_type")} label={field_label("member_type")} selected={type_value} on_change={member_type}
                    options={coded_options(&[MemberType::Full, MemberType::Probationary], MemberType::label, Some("（未填）"))} />
            </div>
            { for m.problems.iter().enumerate().map(|(i, p)| html! {
                <ProblemCard key={p.id.clone()} problem={p.clone()} index={i} {count} kind={Kind::Member} categories={props.categories.clone()} />
            }) }
            <button type="button" id={dom::field_id(&path("problems"))} class="add" onclick={add_problem}>{ "添加问题" }</button>
            // 支部意见 is the branch's to write, after the member hands the list in.
            if !props.own {
                <div class="form-grid">
                    <TextField path={path("branch_opinion")} label={field_label("branch_opinion")} value={m.branch_opinion.clone()} multiline=true on_input={set(MemberField::BranchOpinion)} />
                </div>
            }
        </article>
    }
}
