//! A value the user changes here while the document changes it elsewhere: a field's text, a choice, a heading.

use yew::prelude::*;

use crate::ui::session::SessionHandle;

/// The value as the user last set it here, replaced whenever the value from outside (undo, a reload, another tab)
/// changes, and whenever the editor's session opens another document — a file imported over this draft in
/// another tab may hold the very value this field last rendered, while the user has typed on since: the field
/// must show the document it now edits, not the text typed into the one it replaced. Setting it re-renders only
/// the component that holds it, not the page around it.
#[hook]
pub fn use_following<T: Clone + PartialEq + 'static>(outside: T) -> UseStateHandle<T> {
    let generation = use_context::<SessionHandle>().map(|s| s.generation());
    let here = use_state(|| outside.clone());
    {
        let here = here.clone();
        use_effect_with((outside, generation), move |(value, _)| {
            here.set(value.clone())
        });
    }
    here
}

/// A text field's text as typed, kept without re-rendering the field per keystroke: the browser already shows what
/// was typed, and a render per key is work an old PC feels. When the value from outside changes (撤销, a reload,
/// another tab) or another document opens, the field's element is given that value directly — its last rendered
/// value may be stale, so a render alone might not touch it.
#[hook]
pub fn use_typed(outside: String, element: NodeRef) -> std::rc::Rc<std::cell::RefCell<String>> {
    let generation = use_context::<SessionHandle>().map(|s| s.generation());
    let typed = use_mut_ref(|| outside.clone());
    {
        let typed = typed.clone();
        use_effect_with((outside, generation), move |(value, _)| {
            if *typed.borrow() != *value {
                typed.replace(value.clone());
                crate::ui::dom::set_value(&element, value);
            }
        });
    }
    typed
}
