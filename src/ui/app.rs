//! The root: follows the address's hash and shows the page it names.

use yew::prelude::*;

use super::pages::{
    consolidate::Consolidate, editor::Editor, home::Home, ledger::Ledger, not_found::not_found,
    print::PrintPreview,
};
use super::web::location;
use crate::domain::route::{Route, Step};

#[function_component(App)]
pub fn app() -> Html {
    let route = use_state(|| Route::parse(&location::hash()));
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = location::on_hash_change(move |hash| route.set(Route::parse(&hash)));
            move || drop(listener)
        });
    }
    let page = match &*route {
        Route::Home => html! { <Home /> },
        Route::Edit(id, step) => html! { <Editor id={id.clone()} step={*step} /> },
        Route::At(id, anchor) => {
            html! { <Editor id={id.clone()} step={Step::Problems} focus={Some(anchor.clone())} /> }
        }
        Route::Print(id, layout) => html! { <PrintPreview id={id.clone()} layout={*layout} /> },
        Route::Ledger(id) => html! { <Ledger id={id.clone()} /> },
        Route::Consolidate => html! { <Consolidate /> },
        #[cfg(feature = "selftest")]
        Route::SelfTestPanic => panic!("the panic screen's self-test (#/selftest/panic)"),
        Route::NotFound(_) => not_found(),
    };
    html! {
        <main id="main" class={match *route { Route::Print(..) => "page print-page", Route::Ledger(..) | Route::Consolidate => "page wide-page", _ => "page" }}>{ page }</main>
    }
}
