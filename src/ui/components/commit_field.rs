//! A field of the office's set, committed when left: the set is written on each change, so not per keystroke.
//!
//! It keeps the text as typed (`use_typed`): a render of the page before the field is left — the write of another
//! field coming back, another tab's news — must not put back the value it last committed. A plain controlled
//! `<input value=…>` does exactly that (Yew sets the element to the rendered value on every render), and so lost
//! a 编号 typed just after the 签发单位 whose write came back in between.

use yew::prelude::*;

use super::following::use_typed;
use crate::ui::dom::value_of;

#[derive(Properties, PartialEq)]
pub struct CommitFieldProps {
    pub id: AttrValue,
    /// The value as the set has it.
    pub value: AttrValue,
    /// A text area of this many rows, or (none) one line.
    #[prop_or_default]
    pub rows: Option<u32>,
    /// `text` unless given (`number`).
    #[prop_or_default]
    pub input_type: Option<AttrValue>,
    #[prop_or_default]
    pub min: Option<AttrValue>,
    #[prop_or_default]
    pub max: Option<AttrValue>,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    #[prop_or_default]
    pub invalid: bool,
    #[prop_or_default]
    pub described_by: Option<AttrValue>,
    /// Told of the text as each key changes it, for what is shown beside the field (a count of characters).
    #[prop_or_default]
    pub on_typed: Option<Callback<String>>,
    /// The text as left.
    pub on_commit: Callback<String>,
}

#[function_component(CommitField)]
pub fn commit_field(props: &CommitFieldProps) -> Html {
    let element = use_node_ref();
    let text = use_typed(props.value.to_string(), element.clone());
    let oninput = {
        let (text, on_typed) = (text.clone(), props.on_typed.clone());
        Callback::from(move |e: InputEvent| {
            let value = value_of(e.target());
            if let Some(f) = &on_typed {
                f.emit(value.clone());
            }
            text.replace(value);
        })
    };
    let onchange = {
        let on_commit = props.on_commit.clone();
        Callback::from(move |e: Event| on_commit.emit(value_of(e.target())))
    };
    let invalid = props.invalid.then_some("true");
    let value = text.borrow().clone();
    match props.rows {
        Some(rows) => html! {
            <textarea ref={element} id={props.id.clone()} rows={rows.to_string()} {value} {oninput} {onchange}
                placeholder={props.placeholder.clone()} aria-invalid={invalid}
                aria-describedby={props.described_by.clone()} />
        },
        None => html! {
            <input ref={element} id={props.id.clone()} type={props.input_type.clone().unwrap_or("text".into())}
                {value} {oninput} {onchange} min={props.min.clone()} max={props.max.clone()}
                placeholder={props.placeholder.clone()} aria-invalid={invalid}
                aria-describedby={props.described_by.clone()} />
        },
    }
}
