//! The root: follows the address's hash and shows the page it names.

use yew::prelude::*;

use super::components::lazy_page::LazyPage;
use super::pages::{editor::Editor, home::Home, not_found::not_found};
use super::stored::use_shelf;
use super::web::lazy::Page;
use super::web::location;
use super::web::storage::Shelf;
use crate::domain::editor::route::{Route, Step};

#[function_component(App)]
pub fn app() -> Html {
    let route = use_state(|| Route::parse(&location::hash()));
    // The app's one shelf of drafts (refused, just made, backups waiting), for every page it shows.
    let shelf = use_shelf();
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
        Route::Print(id, layout) => html! { <LazyPage page={Page::Print(id.clone(), *layout)} /> },
        Route::Ledger(id) => html! { <LazyPage page={Page::Ledger(id.clone())} /> },
        // 调研问题清单, 成果转化清单 and 意见建议台账 are pages of the ledger's module: no branch pays for them at start-up.
        Route::Register(id) => html! { <LazyPage page={Page::Register(id.clone())} /> },
        Route::NewRegister(kind) => {
            html! { <LazyPage page={Page::Register(format!("new/{}", kind.code()))} /> }
        }
        // 整改台账, 打印 and the office's 汇总 are in modules of their own, loaded only when entered.
        // 汇总 follows its own address inside the module (a list opened as a view of its own).
        Route::Consolidate(_) => html! { <LazyPage page={Page::Summary} /> },
        #[cfg(feature = "selftest")]
        Route::SelfTestPanic => panic!("the panic screen's self-test (#/selftest/panic)"),
        Route::NotFound(_) => not_found(),
    };
    html! {
        <ContextProvider<Shelf> context={shelf}>
        <main id="main" class={match *route { Route::Print(..) => "page print-page", Route::Ledger(..) | Route::Consolidate(_) | Route::Register(_) | Route::NewRegister(_) => "page wide-page", _ => "page" }}>{ page }</main>
        </ContextProvider<Shelf>>
    }
}
