//! One problem: its category, sources, description and remark, and its measures.

use std::rc::Rc;

use yew::prelude::*;

use super::measure_card::MeasureCard;
use crate::domain::codes::{code, from_code};
use crate::domain::labels::{field_hint, field_label};
use crate::domain::list::edit::{Action, ProblemField};
use crate::domain::list::model::{Kind, Problem, Source};
use crate::domain::list::required::is_required;
use crate::ui::components::choice::{CheckGroup, Select};
use crate::ui::components::field::TextField;
use crate::ui::components::item_actions::ItemActions;
use crate::ui::dom;
use crate::ui::session::SessionHandle;
use crate::ui::web::clock;

#[derive(Properties, PartialEq)]
pub struct ProblemCardProps {
    pub problem: Problem,
    pub index: usize,
    pub count: usize,
    pub kind: Kind,
    pub categories: Rc<Vec<String>>,
}

#[function_component(ProblemCard)]
pub fn problem_card(props: &ProblemCardProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside an editor");
    let p = &props.problem;
    let path = |key: &str| format!("{}.{key}", p.id);
    let set = |field: ProblemField| {
        let (session, id) = (session.clone(), p.id.clone());
        Callback::from(move |v: String| {
            session.edit(Action::SetProblem(id.clone(), field, v));
        })
    };
    let toggle = {
        let (session, id) = (session.clone(), p.id.clone());
        Callback::from(move |key: String| {
            if let Some(source) = from_code::<Source>(&key) {
                session.edit(Action::ToggleSource(id.clone(), source));
            }
        })
    };
    let add_measure = {
        let (session, id) = (session.clone(), p.id.clone());
        Callback::from(move |_: MouseEvent| {
            session.edit(Action::AddMeasure {
                problem: id.clone(),
                id: clock::new_id(),
            });
        })
    };
    let category_changed = {
        let (session, id) = (session.clone(), p.id.clone());
        Callback::from(move |v: String| {
            // The category summary above the list counts by category: show it anew.
            session.edit_and_refresh(Action::SetProblem(id.clone(), ProblemField::Category, v));
        })
    };
    // The 问题来源 the list's campaign offers, and any the problem already has.
    let active = session.read(|s| crate::domain::list::campaign::Active::of(&s.doc.header));
    let offered = |s: Source| active.offers(s);
    let name = format!("问题{}", props.index + 1);
    let heading_id = format!("h-{}", p.id);
    html! {
        <article class="card problem" aria-labelledby={heading_id.clone()}>
            <div class="card-head">
                <h3 id={heading_id}>{ &name }</h3>
                <ItemActions id={p.id.clone()} name={name.clone()} index={props.index} count={props.count} with="及其整改措施" />
            </div>
            { session.read(|s| super::review::beside(&s.doc, &p.id)) }
            if let Some(from) = crate::domain::register::include::came_from(p) {
                <p class="hint">{ format!("{from}（纳入检视整改）") }</p>
            }
            <div class="form-grid">
                <Select path={path("category")} label={field_label("category")} selected={p.category.clone()} required={is_required(props.kind, "category")}
                    options={props.categories.iter().map(|c| (AttrValue::from(c.clone()), AttrValue::from(c.clone()))).collect::<Vec<_>>()}
                    on_change={category_changed} />
                <CheckGroup path={path("sources")} legend={field_label("sources")} required={is_required(props.kind, "sources")} on_toggle={toggle}
                    options={Source::ALL.iter().filter(|s| offered(**s) || p.sources.contains(s)).map(|s| (AttrValue::from(code(s)), AttrValue::from(s.label()), p.sources.contains(s))).collect::<Vec<_>>()} />
                <TextField path={path("description")} label={field_label("description")} value={p.description.clone()} multiline=true required={is_required(props.kind, "description")}
                    hint={field_hint("description")} on_input={set(ProblemField::Description)} />
                <TextField path={path("remark")} label={field_label("remark")} value={p.remark.clone()} on_input={set(ProblemField::Remark)} />
            </div>
            <div class="measures">
                { for p.measures.iter().enumerate().map(|(i, m)| html! {
                    <MeasureCard key={m.id.clone()} measure={m.clone()} index={i} count={p.measures.len()} kind={props.kind} problem_name={name.clone()} />
                }) }
                <button type="button" id={dom::field_id(&path("measures"))} class="add" onclick={add_measure}>{ "添加整改措施" }</button>
            </div>
        </article>
    }
}
