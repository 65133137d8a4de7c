//! What a step said of itself: done (a status, read out politely) or refused (an alert), or nothing yet.

use yew::prelude::*;

/// The outcome of a step as a line of the page: `Ok` a status, `Err` an alert, `None` nothing.
pub fn said(outcome: &Option<Result<String, String>>) -> Html {
    match outcome {
        Some(Ok(text)) => html! { <p class="notice ok" role="status">{ text }</p> },
        Some(Err(text)) => html! { <p class="notice error" role="alert">{ text }</p> },
        None => html! {},
    }
}
