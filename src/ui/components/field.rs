//! A labelled text field (one line or several). It keeps its own text while the user types: nothing re-renders per
//! keystroke (the browser shows what was typed). It is checked when first left.

use std::rc::Rc;

use yew::prelude::*;

use super::findings::{described_by, invalid, messages, use_findings};
use super::following::use_typed;
use crate::ui::dom;
use crate::ui::session::SessionHandle;
use crate::ui::web::idle;

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// The finding path of this field (`header.org_name`, `<measure id>.content`).
    pub path: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    #[prop_or_default]
    pub multiline: bool,
    #[prop_or_default]
    pub required: bool,
    /// `text` unless given (`date`, `tel`).
    #[prop_or_default]
    pub input_type: Option<AttrValue>,
    /// A hint and one real example, shown under the field.
    #[prop_or_default]
    pub hint: Option<(&'static str, &'static str)>,
    pub on_input: Callback<String>,
}

#[function_component(TextField)]
pub fn text_field(props: &TextFieldProps) -> Html {
    let session = use_context::<SessionHandle>().expect("fields live inside an editor session");
    let findings = use_findings(&props.path);
    // The text as typed: nothing re-renders per keystroke; the document gets the text through `on_input`.
    let element = use_node_ref();
    let text = use_typed(props.value.to_string(), element.clone());
    let id = dom::field_id(&props.path);
    // The key's value is read into the document after the frame that shows it (`ui::typing`): the key's own event
    // only notes that the field has keys waiting. A date is read at once: its picker changes it without keys.
    let waiting = use_mut_ref(|| false);
    let read: Rc<dyn Fn()> = {
        let (on_input, text, waiting, element) = (
            props.on_input.clone(),
            text.clone(),
            waiting.clone(),
            element.clone(),
        );
        Rc::new(move || {
            if std::mem::take(&mut *waiting.borrow_mut()) {
                if let Some(field) = element.get() {
                    let value = dom::value_of(Some(field.into()));
                    text.replace(value.clone());
                    on_input.emit(value);
                }
            }
        })
    };
    let oninput = {
        let (session, path, is_date) = (session.clone(), props.path.clone(), is_date(props));
        let (on_input, text, read) = (props.on_input.clone(), text.clone(), read.clone());
        Callback::from(move |e: InputEvent| {
            // No ancestor listens for a field's input: stopped here, Yew does not go on to look up every one of the
            // twenty-odd elements above the field for a listener, on every key.
            e.stop_propagation();
            if is_date {
                let value = dom::date_input(e.target(), &session, &path);
                text.replace(value.clone());
                on_input.emit(value);
            } else if !waiting.replace(true) {
                session.typing(read.clone());
                idle::after_paint(read.clone());
            }
        })
    };
    // A date picker changes without typing: its change counts as leaving it.
    let onblur = {
        let (path, session, is_date) = (props.path.clone(), session.clone(), is_date(props));
        let read = read.clone();
        Callback::from(move |e: FocusEvent| {
            read();
            if is_date {
                dom::date_input(e.target(), &session, &path);
            }
            session.leave(&path)
        })
    };
    let onchange = {
        let (path, is_date) = (props.path.clone(), is_date(props));
        Callback::from(move |_: Event| {
            if is_date {
                session.leave(&path)
            }
        })
    };
    let described = described_by(&props.path, props.hint.is_some());
    let control = if props.multiline {
        html! {
            <textarea ref={element} id={id.clone()} rows="3" value={text.borrow().clone()} {oninput} {onblur}
                aria-invalid={invalid(&findings)} aria-describedby={described} aria-required={props.required.to_string()} />
        }
    } else {
        html! {
            <input ref={element} id={id.clone()} type={props.input_type.clone().unwrap_or("text".into())} value={text.borrow().clone()}
                {oninput} {onblur} {onchange}
                aria-invalid={invalid(&findings)} aria-describedby={described} aria-required={props.required.to_string()} />
        }
    };
    html! {
        <div class={classes!("field", props.multiline.then_some("wide area"))}>
            <label for={id}>
                { &props.label }
                if props.required { <span class="required" aria-hidden="true">{ " *" }</span> }
            </label>
            { control }
            if let Some((hint, example)) = props.hint {
                <div id={dom::hint_id(&props.path)} class="hint">
                    <p>{ hint }</p>
                    <p class="example">{ example }</p>
                </div>
            }
            { messages(&props.path, &findings) }
        </div>
    }
}

fn is_date(props: &TextFieldProps) -> bool {
    props.input_type.as_deref() == Some("date")
}
