//! A lazy module's pages are Yew apps of their own, mounted inside a page of another module: 汇总, 台账 and 打印
//! inside the app's page, 调度 (the office module) inside 台账 (the ledger module). Each module's Yew numbers the
//! app roots it makes from 1, and Yew takes an event for its own when the number on the element matches its
//! root's: a click on a button of the inner page then also ran the outer page's listener that happened to carry
//! the same number (取消 of 导入表格 opened 汇总; 复制这段文字 in 调度 opened a measure's form in 台账).
//!
//! So the numbers are kept apart: the app's single root is 1, the office's pages take even numbers, the ledger's
//! odd numbers from 3. A module spends a number it must not use on an app that is never shown.

use std::cell::Cell;

use yew::prelude::*;

/// The module whose page is about to be mounted.
#[derive(Clone, Copy)]
pub enum Module {
    Office,
    Ledger,
}

impl Module {
    fn may_use(self, number: u32) -> bool {
        match self {
            Module::Office => number.is_multiple_of(2),
            Module::Ledger => !number.is_multiple_of(2) && number >= 3,
        }
    }
}

#[function_component(Spent)]
fn spent() -> Html {
    html! {}
}

thread_local! {
    /// The app roots this module's Yew has made: the next one is numbered one more. Every root the module makes
    /// goes through `before_mounting`, so the count is Yew's.
    static MADE: Cell<u32> = const { Cell::new(0) };
}

/// Call right before a page of `module` is made into an app (`yew::Renderer::…render()`), once per page.
pub fn before_mounting(module: Module) {
    while !module.may_use(MADE.get() + 1) {
        let host = gloo::utils::document()
            .create_element("div")
            .expect("a detached element");
        // Kept, never destroyed: destroying it would not give the number back.
        std::mem::forget(yew::Renderer::<Spent>::with_root(host).render());
        MADE.set(MADE.get() + 1);
    }
    MADE.set(MADE.get() + 1);
}
