//! What is drawn a task later: the rest of a page whose first part the user sees at once. Only when one page is
//! too much for one task on an old PC (see `outline::drawn_first`).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DeferredProps {
    /// What is shown: a new one is again drawn a task later (the next page of problems).
    pub of: u64,
    pub children: Html,
}

#[function_component(Deferred)]
pub fn deferred(props: &DeferredProps) -> Html {
    // Which `of` may be drawn: none at first, then each one after a task of its own.
    let ready = use_state(|| None::<u64>);
    {
        let ready = ready.clone();
        use_effect_with(props.of, move |of| {
            let of = *of;
            let timer = gloo::timers::callback::Timeout::new(0, move || ready.set(Some(of)));
            move || drop(timer)
        });
    }
    if *ready == Some(props.of) {
        props.children.clone()
    } else {
        html! { <div class="deferred" aria-busy="true"></div> }
    }
}
