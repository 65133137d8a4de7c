//! The office module: 汇总 and 调度 (`rectify::ui::office`), compiled the first time the office uses them, never
//! at a 党支部's start-up. It mounts into an element the app gives it and unmounts when the app leaves the page.

#[cfg(target_arch = "wasm32")]
mod exports {
    use rectify::ui::office::paste_table::{PasteTable, PasteTableProps};
    use rectify::ui::office::table_import::{TableImport, TableImportProps};
    use rectify::ui::office::{summary::Consolidate, ListDispatch, ListDispatchProps};
    use wasm_bindgen::prelude::*;

    enum App {
        Summary(yew::AppHandle<Consolidate>),
        Dispatch(yew::AppHandle<ListDispatch>),
        Table(yew::AppHandle<TableImport>),
        Paste(yew::AppHandle<PasteTable>),
    }

    /// A page of the office module, mounted; `unmount` takes it away.
    #[wasm_bindgen]
    pub struct Mounted(Option<App>);

    #[wasm_bindgen]
    impl Mounted {
        pub fn unmount(&mut self) {
            match self.0.take() {
                Some(App::Summary(app)) => app.destroy(),
                Some(App::Dispatch(app)) => app.destroy(),
                Some(App::Table(app)) => app.destroy(),
                Some(App::Paste(app)) => app.destroy(),
                None => {}
            }
        }
    }

    /// 汇总, in `root`.
    #[wasm_bindgen]
    pub fn mount_summary(root: web_sys::Element) -> Mounted {
        rectify::ui::web::panic::install();
        rectify::ui::web::nested::before_mounting(rectify::ui::web::nested::Module::Office);
        rectify::ui::office::adopt_styles();
        Mounted(Some(App::Summary(
            yew::Renderer::<Consolidate>::with_root(root).render(),
        )))
    }

    /// 调度 of one list (its JSON as the app holds it), in `root`.
    #[wasm_bindgen]
    pub fn mount_dispatch(root: web_sys::Element, list: &str) -> Result<Mounted, JsValue> {
        rectify::ui::web::panic::install();
        rectify::ui::office::adopt_styles();
        let doc = serde_json::from_str(list)
            .map_err(|_| JsValue::from_str("调度所需的清单内容无法读取"))?;
        // Only now: a list that does not read makes no app, and so takes no number.
        rectify::ui::web::nested::before_mounting(rectify::ui::web::nested::Module::Office);
        let props = ListDispatchProps {
            doc,
            today: rectify::ui::web::clock::today(),
        };
        Ok(Mounted(Some(App::Dispatch(
            yew::Renderer::<ListDispatch>::with_root_and_props(root, props).render(),
        ))))
    }

    /// 导入 of a Word or Excel file (its name and bytes): what its table makes, and 确认导入.
    #[wasm_bindgen]
    pub fn mount_table(root: web_sys::Element, name: String, bytes: Vec<u8>) -> Mounted {
        rectify::ui::web::panic::install();
        rectify::ui::web::nested::before_mounting(rectify::ui::web::nested::Module::Office);
        rectify::ui::office::adopt_styles();
        let props = TableImportProps {
            name: name.into(),
            bytes: std::rc::Rc::new(bytes),
            to_set: None,
            on_cancel: None,
            campaign: None,
        };
        Mounted(Some(App::Table(
            yew::Renderer::<TableImport>::with_root_and_props(root, props).render(),
        )))
    }

    /// 粘贴表格 into the list `target` describes (`paste::Target`, JSON); `done` gets what to add, or "".
    #[wasm_bindgen]
    pub fn mount_paste(
        root: web_sys::Element,
        target: &str,
        done: js_sys::Function,
    ) -> Result<Mounted, JsValue> {
        rectify::ui::web::panic::install();
        rectify::ui::office::adopt_styles();
        let target = serde_json::from_str(target)
            .map_err(|_| JsValue::from_str("粘贴表格所需的清单信息无法读取"))?;
        rectify::ui::web::nested::before_mounting(rectify::ui::web::nested::Module::Office);
        let props = PasteTableProps { target, done };
        Ok(Mounted(Some(App::Paste(
            yew::Renderer::<PasteTable>::with_root_and_props(root, props).render(),
        ))))
    }
}

fn main() {}
