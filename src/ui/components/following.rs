//! A value the user changes here while the document changes it elsewhere: a field's text, a choice, a heading.

use yew::prelude::*;

/// The value as the user last set it here, replaced whenever the value from outside (undo, a reload, another tab)
/// changes. Setting it re-renders only the component that holds it, not the page around it.
#[hook]
pub fn use_following<T: Clone + PartialEq + 'static>(outside: T) -> UseStateHandle<T> {
    let here = use_state(|| outside.clone());
    {
        let here = here.clone();
        use_effect_with(outside, move |value| here.set(value.clone()));
    }
    here
}
