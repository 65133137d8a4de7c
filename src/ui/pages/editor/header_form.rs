//! 表头信息: who files the list, when, and the categories it uses.

use yew::prelude::*;

use super::ShapeProps;

use crate::domain::edit::{Action, HeaderField, Preset};
use crate::domain::labels::field_label;
use crate::domain::model::{Batch, Kind};
use crate::ui::components::choice::Select;
use crate::ui::components::field::TextField;
use crate::ui::components::findings::{messages, use_findings};
use crate::ui::dom;
use crate::ui::session::SessionHandle;

#[function_component(HeaderForm)]
pub fn header_form(_: &ShapeProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside an editor");
    let (header, kind) = {
        let s = session.0.borrow();
        (s.doc.header.clone(), s.doc.kind)
    };
    let text = |key: &'static str,
                field: HeaderField,
                value: &str,
                required: bool,
                input_type: Option<&'static str>| {
        let session = session.clone();
        let on_input = Callback::from(move |v: String| {
            session.edit(Action::SetHeader(field, v));
        });
        html! {
            <TextField path={format!("header.{key}")} label={field_label(key)} value={value.to_string()}
                {required} input_type={input_type.map(AttrValue::from)} {on_input} />
        }
    };
    let batch = {
        let session = session.clone();
        Callback::from(move |v: String| {
            let batch = match v.as_str() {
                "first" => Some(Batch::First),
                "second" => Some(Batch::Second),
                _ => None,
            };
            session.edit(Action::SetBatch(batch));
        })
    };
    let batch_value = match header.batch {
        Some(Batch::First) => "first",
        Some(Batch::Second) => "second",
        None => "",
    };
    html! {
        <div class="form-grid">
            { text("org_name", HeaderField::OrgName, &header.org_name, true, None) }
            { text("parent_org", HeaderField::ParentOrg, &header.parent_org, false, None) }
            <Select path="header.batch" label={field_label("batch")} selected={batch_value}
                options={vec![("".into(), "（未填）".into()), ("first".into(), Batch::First.label().into()), ("second".into(), Batch::Second.label().into())]}
                on_change={batch} />
            { text("filed_on", HeaderField::FiledOn, &header.filed_on, true, Some("date")) }
            { text("filed_by", HeaderField::FiledBy, &header.filed_by, true, None) }
            { text("phone", HeaderField::Phone, &header.phone, false, Some("tel")) }
            { text("reviewer", HeaderField::Reviewer, &header.reviewer, kind == Kind::Org, None) }
            <Categories categories={header.categories.clone()} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct CategoriesProps {
    categories: Vec<String>,
}

/// The categories in use: a preset (六个方面 / 四个方面) plus the branch's own.
#[function_component(Categories)]
fn categories(props: &CategoriesProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside an editor");
    let findings = use_findings("header.categories");
    let new_name = use_state(String::new);
    let preset = |p: Preset| {
        let session = session.clone();
        Callback::from(move |_: MouseEvent| {
            session.edit(Action::UsePreset(p));
        })
    };
    let add = {
        let (session, new_name) = (session.clone(), new_name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            session.edit(Action::AddCategory((*new_name).clone()));
            new_name.set(String::new());
        })
    };
    let typed = {
        let new_name = new_name.clone();
        Callback::from(move |e: InputEvent| {
            use wasm_bindgen::JsCast;
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                new_name.set(input.value());
            }
        })
    };
    html! {
        <fieldset id={dom::field_id("header.categories")} class="field wide categories" aria-describedby={dom::message_id("header.categories")}>
            <legend>{ "本清单使用的类别" }</legend>
            <div class="button-row">
                <button type="button" onclick={preset(Preset::SixAspects)}>{ "使用“六个方面”" }</button>
                <button type="button" onclick={preset(Preset::FourAspects)}>{ "使用“四个方面”" }</button>
            </div>
            <ul class="category-list">
                { for props.categories.iter().map(|c| {
                    let remove = {
                        let (session, c) = (session.clone(), c.clone());
                        Callback::from(move |_: MouseEvent| {
                            session.edit(Action::RemoveCategory(c.clone()));
                        })
                    };
                    html! {
                        <li key={c.clone()}>
                            <span>{ c }</span>
                            <button type="button" class="small" onclick={remove} aria-label={format!("去掉类别“{c}”")}>{ "去掉" }</button>
                        </li>
                    }
                }) }
            </ul>
            <form class="inline-form" onsubmit={add}>
                <label for="new-category">{ "自定义类别名称" }</label>
                <input id="new-category" type="text" value={(*new_name).clone()} oninput={typed} />
                <button type="submit">{ "添加类别" }</button>
            </form>
            { messages("header.categories", &findings) }
        </fieldset>
    }
}
