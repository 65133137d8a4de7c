//! The register's form fields: a label, the control, and the findings on it once 检查 has run. Plain functions:
//! they hold no state, and each component costs wasm of its own.

use yew::prelude::*;

use crate::domain::list::findings::Finding;
use crate::domain::register::edit::Action;

/// What every field needs: where its changes go, and the findings to show (empty before 检查).
#[derive(Clone, PartialEq)]
pub struct Form {
    pub edit: Callback<Action>,
    pub findings: std::rc::Rc<Vec<Finding>>,
    pub read_only: bool,
}

/// The kind of control.
#[derive(Clone, PartialEq, Eq)]
pub enum Control {
    Line,
    Text,
    Date,
    /// A select of these labels, with 请选择 first.
    Choice(Vec<String>),
}

impl Form {
    /// The field `key` of item `id` (`header` for the header), labelled `label`, showing `value`.
    pub fn field(
        &self,
        id: &str,
        key: &'static str,
        label: &str,
        value: &str,
        control: Control,
    ) -> Html {
        let path = format!("{id}.{key}");
        let dom_id = format!("r-{id}-{}", key.replace('.', "-"));
        let found: Vec<&Finding> = self.findings.iter().filter(|f| f.path == path).collect();
        let invalid = found
            .iter()
            .any(|f| f.severity == crate::domain::list::findings::Severity::Error);
        let send = {
            let (edit, id) = (self.edit.clone(), id.to_string());
            move |value: String| {
                let action = if id == "header" {
                    Action::SetHeader(key, value)
                } else {
                    Action::Set {
                        id: id.clone(),
                        key,
                        value,
                    }
                };
                edit.emit(action)
            }
        };
        let value_of = |e: &Event| crate::ui::dom::value_of(e.target());
        let control = match control {
            Control::Line | Control::Date => {
                let kind = if matches!(control, Control::Date) {
                    "date"
                } else {
                    "text"
                };
                let oninput =
                    Callback::from(move |e: InputEvent| send(crate::ui::dom::value_of(e.target())));
                html! { <input type={kind} id={dom_id.clone()} value={value.to_string()} {oninput} disabled={self.read_only} aria-invalid={invalid.to_string()} /> }
            }
            Control::Text => {
                let oninput =
                    Callback::from(move |e: InputEvent| send(crate::ui::dom::value_of(e.target())));
                html! { <textarea id={dom_id.clone()} rows="2" value={value.to_string()} {oninput} disabled={self.read_only} aria-invalid={invalid.to_string()} /> }
            }
            Control::Choice(labels) => {
                let onchange = Callback::from(move |e: Event| send(value_of(&e)));
                html! {
                    <select id={dom_id.clone()} {onchange} disabled={self.read_only} aria-invalid={invalid.to_string()}>
                        <option value="" selected={value.is_empty()}>{ "请选择" }</option>
                        { for labels.iter().map(|l| html! { <option value={l.clone()} selected={l == value}>{ l }</option> }) }
                    </select>
                }
            }
        };
        html! {
            <div class="field">
                <label for={dom_id}>{ label }</label>
                { control }
                { messages(&found) }
            </div>
        }
    }

    /// The findings on `id`'s `key` that no field shows (a 销号's rules, a 课题 without problems).
    pub fn findings_at(&self, id: &str, key: &str) -> Html {
        let path = format!("{id}.{key}");
        messages(
            &self
                .findings
                .iter()
                .filter(|f| f.path == path)
                .collect::<Vec<_>>(),
        )
    }
}

fn messages(found: &[&Finding]) -> Html {
    use crate::domain::list::findings::Severity;
    html! {
        { for found.iter().map(|f| html! {
            <p class={classes!("msg", if f.severity == Severity::Error { "error" } else { "warning" })}>
                <span class="msg-kind">{ f.severity.label() }{ "：" }</span>{ &f.message }
            </p>
        }) }
    }
}

/// A choice of these words.
pub fn words(list: &[&str]) -> Control {
    Control::Choice(list.iter().map(|w| w.to_string()).collect())
}

/// A choice of `all`, by their labels.
pub fn choice<T: Copy>(all: &[T], label: fn(T) -> &'static str) -> Control {
    Control::Choice(all.iter().map(|&c| label(c).to_string()).collect())
}
