//! Choices: a select, a group of radio buttons, a group of checkboxes. A choice counts as leaving the field.

use yew::prelude::*;

use super::findings::{described_by, invalid, messages, use_findings};
use super::following::use_following;
use crate::domain::codes::code;
use crate::ui::dom;
use crate::ui::session::SessionHandle;

/// The options of a select of an enumerated value of `format.md`: each valued by its code, shown by its label,
/// after an empty one named `none` when the value may be left out.
pub fn coded_options<T: Copy + serde::Serialize>(
    values: &[T],
    label: fn(T) -> &'static str,
    none: Option<&'static str>,
) -> Vec<(AttrValue, AttrValue)> {
    let empty = none.map(|n| (AttrValue::from(""), AttrValue::from(n)));
    empty
        .into_iter()
        .chain(
            values
                .iter()
                .map(|v| (AttrValue::from(code(v)), AttrValue::from(label(*v)))),
        )
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct SelectProps {
    pub path: AttrValue,
    pub label: AttrValue,
    /// (value, label) pairs.
    pub options: Vec<(AttrValue, AttrValue)>,
    pub selected: AttrValue,
    #[prop_or_default]
    pub required: bool,
    pub on_change: Callback<String>,
}

#[function_component(Select)]
pub fn select(props: &SelectProps) -> Html {
    let session = use_context::<SessionHandle>().expect("fields live inside an editor session");
    let findings = use_findings(&props.path);
    // The choice as made; kept here so that a re-render of this field never shows an older one.
    let chosen = use_following(props.selected.clone());
    let id = dom::field_id(&props.path);
    let onchange = {
        let on_change = props.on_change.clone();
        let path = props.path.clone();
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            if let Some(select) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            {
                chosen.set(select.value().into());
                on_change.emit(select.value());
                session.leave(&path);
            }
        })
    };
    let selected = (*chosen).clone();
    let known = props.options.iter().any(|(v, _)| *v == selected);
    html! {
        <div class="field">
            <label for={id.clone()}>{ &props.label }</label>
            <select id={id} {onchange} aria-invalid={invalid(&findings)} aria-describedby={described_by(&props.path, false)}>
                if !known {
                    <option value={selected.clone()} selected=true>
                        { if selected.is_empty() { "（请选择）".to_string() } else { selected.to_string() } }
                    </option>
                }
                { for props.options.iter().map(|(value, label)| html! {
                    <option value={value.clone()} selected={*value == selected}>{ label }</option>
                }) }
            </select>
            { messages(&props.path, &findings) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CheckGroupProps {
    pub path: AttrValue,
    pub legend: AttrValue,
    /// (key, label, checked)
    pub options: Vec<(AttrValue, AttrValue, bool)>,
    #[prop_or_default]
    pub required: bool,
    pub on_toggle: Callback<String>,
}

/// Checkboxes in a fieldset (问题来源).
#[function_component(CheckGroup)]
pub fn check_group(props: &CheckGroupProps) -> Html {
    let session = use_context::<SessionHandle>().expect("fields live inside an editor session");
    let findings = use_findings(&props.path);
    let checked = use_following(
        props
            .options
            .iter()
            .map(|(_, _, c)| *c)
            .collect::<Vec<bool>>(),
    );
    let group_id = dom::field_id(&props.path);
    html! {
        <fieldset id={group_id.clone()} class="field wide choices" aria-invalid={invalid(&findings)} aria-describedby={described_by(&props.path, false)}>
            <legend>
                { &props.legend }
                if props.required { <span class="required" aria-hidden="true">{ " *" }</span> }
            </legend>
            { for props.options.iter().enumerate().map(|(i, (key, label, _))| {
                let id = format!("{group_id}-{key}");
                let onchange = {
                    let on_toggle = props.on_toggle.clone();
                    let key = key.to_string();
                    let session = session.clone();
                    let path = props.path.clone();
                    let checked = checked.clone();
                    Callback::from(move |_: Event| {
                        let mut now = (*checked).clone();
                        if let Some(c) = now.get_mut(i) {
                            *c = !*c;
                        }
                        checked.set(now);
                        on_toggle.emit(key.clone());
                        session.leave(&path);
                    })
                };
                html! {
                    <label class="choice" for={id.clone()}>
                        <input type="checkbox" id={id} checked={checked.get(i).copied().unwrap_or(false)} {onchange} />
                        { label }
                    </label>
                }
            }) }
            { messages(&props.path, &findings) }
        </fieldset>
    }
}
