//! One measure (整改措施): what, goal, deadline, who, status, progress.

use yew::prelude::*;

use super::deadline::DeadlineField;
use crate::domain::codes::{code, from_code};
use crate::domain::labels::{field_hint, field_label};
use crate::domain::list::edit::{Action, MeasureField};
use crate::domain::list::model::{Kind, Measure, Status};
use crate::domain::list::required::is_required;
use crate::ui::components::choice::{coded_options, Select};
use crate::ui::components::field::TextField;
use crate::ui::components::item_actions::ItemActions;
use crate::ui::session::SessionHandle;

#[derive(Properties, PartialEq)]
pub struct MeasureCardProps {
    pub measure: Measure,
    pub index: usize,
    pub count: usize,
    pub kind: Kind,
    pub problem_name: AttrValue,
}

#[function_component(MeasureCard)]
pub fn measure_card(props: &MeasureCardProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside an editor");
    let m = &props.measure;
    let path = |key: &str| format!("{}.{key}", m.id);
    let set = |field: MeasureField| {
        let (session, id) = (session.clone(), m.id.clone());
        Callback::from(move |v: String| {
            session.edit(Action::SetMeasure(id.clone(), field, v));
        })
    };
    let status = {
        let (session, id) = (session.clone(), m.id.clone());
        Callback::from(move |v: String| {
            if let Some(s) = from_code::<Status>(&v) {
                session.edit(Action::SetStatus(id.clone(), s));
            }
        })
    };
    let org = props.kind == Kind::Org;
    let name = format!("{}的措施{}", props.problem_name, props.index + 1);
    let text = |key: &'static str, field: MeasureField, value: &str| {
        html! {
            <TextField path={path(key)} label={field_label(key)} value={value.to_string()} required={is_required(props.kind, key)}
                hint={field_hint(key)} multiline={field_hint(key).is_some()} on_input={set(field)} />
        }
    };
    html! {
        <section class="card measure" aria-label={name.clone()}>
            <div class="card-head">
                <h4>{ format!("整改措施{}", props.index + 1) }</h4>
                <ItemActions id={m.id.clone()} name={name} index={props.index} count={props.count} />
            </div>
            { session.read(|s| super::review::beside(&s.doc, &m.id)) }
            <div class="form-grid">
                { text("content", MeasureField::Content, &m.content) }
                { text("goal", MeasureField::Goal, &m.goal) }
                <DeadlineField measure={m.id.clone()} deadline={m.deadline.clone()} />
                if org {
                    { text("lead", MeasureField::Lead, m.lead.as_deref().unwrap_or("")) }
                    { text("owner", MeasureField::Owner, m.owner.as_deref().unwrap_or("")) }
                    { text("dept", MeasureField::Dept, m.dept.as_deref().unwrap_or("")) }
                }
                <Select path={path("status")} label={field_label("status")} selected={code(&m.status)}
                    options={coded_options(&Status::ALL, Status::label, None)} on_change={status} />
                { text("progress", MeasureField::Progress, &m.progress) }
            </div>
        </section>
    }
}
