//! The ledger module: 整改台账, 打印 and the campaign's other lists (`rectify::ui::pages::{ledger, print,
//! register}`), compiled the first time a branch opens one of them, never at start-up. It mounts into an element the app gives it and unmounts when the app leaves
//! the page. Each page opens the draft from storage itself, as it did in the app's own module.

#[cfg(target_arch = "wasm32")]
mod exports {
    use rectify::domain::editor::route::Layout;
    use rectify::ui::pages::ledger::{Ledger, LedgerProps};
    use rectify::ui::pages::print::{PrintPreview, PrintProps};
    use rectify::ui::pages::register::{RegisterPage, RegisterProps};
    use wasm_bindgen::prelude::*;

    enum App {
        Ledger(yew::AppHandle<Ledger>),
        Print(yew::AppHandle<PrintPreview>),
        Register(yew::AppHandle<RegisterPage>),
    }

    /// A page of the ledger module, mounted; `unmount` takes it away.
    #[wasm_bindgen]
    pub struct Mounted(Option<App>);

    #[wasm_bindgen]
    impl Mounted {
        pub fn unmount(&mut self) {
            match self.0.take() {
                Some(App::Ledger(app)) => app.destroy(),
                Some(App::Print(app)) => app.destroy(),
                Some(App::Register(app)) => app.destroy(),
                None => {}
            }
        }
    }

    /// 整改台账 of draft `id`, in `root`.
    #[wasm_bindgen]
    pub fn mount_ledger(root: web_sys::Element, id: String) -> Mounted {
        rectify::ui::web::panic::install();
        rectify::ui::web::nested::before_mounting(rectify::ui::web::nested::Module::Ledger);
        Mounted(Some(App::Ledger(
            yew::Renderer::<Ledger>::with_root_and_props(root, LedgerProps { id }).render(),
        )))
    }

    /// 调研问题清单, 成果转化清单 or 意见建议台账 `what` (an id, or `new/<kind>`), in `root`.
    #[wasm_bindgen]
    pub fn mount_register(root: web_sys::Element, what: String) -> Mounted {
        rectify::ui::web::panic::install();
        rectify::ui::web::nested::before_mounting(rectify::ui::web::nested::Module::Ledger);
        Mounted(Some(App::Register(
            yew::Renderer::<RegisterPage>::with_root_and_props(root, RegisterProps { what })
                .render(),
        )))
    }

    /// 打印 of draft `id` in the layout of `layout` (its slug), in `root`.
    #[wasm_bindgen]
    pub fn mount_print(root: web_sys::Element, id: String, layout: &str) -> Mounted {
        rectify::ui::web::panic::install();
        rectify::ui::web::nested::before_mounting(rectify::ui::web::nested::Module::Ledger);
        let layout = Layout::from_slug(layout).unwrap_or(Layout::Table);
        Mounted(Some(App::Print(
            yew::Renderer::<PrintPreview>::with_root_and_props(root, PrintProps { id, layout })
                .render(),
        )))
    }
}

fn main() {}
