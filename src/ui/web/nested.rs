//! A lazy module's pages are Yew apps of their own, mounted inside the app's page. Each module's Yew numbers its
//! app roots from 1, as the start-up module's does, and Yew's event handling takes an event for its own when the
//! number on the element matches: a click on a button of a lazy page ran the app's listener that happened to have
//! the same number (取消 of 导入表格 opened 汇总). A lazy module therefore spends its number 1 on an app that is
//! never shown, before it mounts any page: its pages are 2 and up, which the start-up module's single app never is.

use yew::prelude::*;

#[function_component(Spent)]
fn spent() -> Html {
    html! {}
}

/// Call before a lazy module mounts a page (only the first call does anything).
pub fn apart_from_the_app() {
    thread_local! {
        static DONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if DONE.with(|d| d.replace(true)) {
        return;
    }
    let host = gloo::utils::document()
        .create_element("div")
        .expect("a detached element");
    // Kept, never destroyed: destroying it would not give the number back, and keeping it costs nothing.
    std::mem::forget(yew::Renderer::<Spent>::with_root(host).render());
}
