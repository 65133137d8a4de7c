//! The app's lazy modules, each loaded and compiled the first time one of its pages is asked for (`rectify…()` of
//! the page's script, see tools/bundle.py), then kept: the office's (`src/office_bin.rs`: 汇总, 调度) and the
//! branch's paper work (`src/ledger_bin.rs`: 整改台账, 打印). The start-up module carries neither.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::reason;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = globalThis, js_name = rectifyOffice, catch)]
    fn rectify_office() -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_namespace = globalThis, js_name = rectifyLedger, catch)]
    fn rectify_ledger() -> Result<js_sys::Promise, JsValue>;
}

/// A page of a lazy module as mounted: its `unmount` takes it away. A page that answers the app (粘贴表格) keeps
/// the function it calls alive here.
pub struct Mounted {
    page: JsValue,
    _answer: Option<Closure<dyn FnMut(String)>>,
}

impl Mounted {
    pub fn unmount(&self) {
        if let Ok(unmount) = js_sys::Reflect::get(&self.page, &"unmount".into()) {
            if let Ok(f) = unmount.dyn_into::<js_sys::Function>() {
                let _ = f.call0(&self.page);
            }
        }
    }
}

/// What to mount.
#[derive(Clone, Debug, PartialEq)]
pub enum Page {
    /// 汇总 (the office module).
    Summary,
    /// 调度 of one list, its JSON (the office module).
    Dispatch(String),
    /// A Word or Excel file's table to import: its name and bytes (the office module, which reads those files).
    Table(String, std::rc::Rc<Vec<u8>>),
    /// 粘贴表格 in step 2 (the office module, which reads the clipboard's tables): the list it adds to
    /// (`paste::Target`, JSON), and what is called with the JSON of what to add, or "" when the user cancels.
    Paste(String, yew::Callback<String>),
    /// 整改台账 of a draft (the ledger module).
    Ledger(String),
    /// A 调研问题清单, 成果转化清单 or 意见建议台账 (the ledger module): its id, or `new/<kind>` to make one.
    Register(String),
    /// 打印 of a draft in a layout (the ledger module).
    Print(String, crate::domain::editor::route::Layout),
}

impl Page {
    /// What the page is, as a message says it.
    fn what(&self) -> &'static str {
        match self {
            Page::Summary | Page::Dispatch(_) => "汇总和调度",
            Page::Table(..) => "导入Word和Excel表格",
            Page::Paste(..) => "粘贴表格",
            Page::Ledger(_) => "整改台账",
            Page::Print(..) => "打印",
            Page::Register(_) => "这份清单",
        }
    }
}

/// Loads the page's module (the first time) and mounts `page` in `root`; or says why not, in Chinese.
pub async fn mount(page: &Page, root: &web_sys::Element) -> Result<Mounted, String> {
    let failed = |e: JsValue| {
        format!(
            "{}所需的组件没能启动（{}）。请刷新页面后重试；本机保存的内容不受影响。",
            page.what(),
            reason(e)
        )
    };
    let loading = match page {
        Page::Summary | Page::Dispatch(_) | Page::Table(..) | Page::Paste(..) => rectify_office(),
        Page::Ledger(_) | Page::Print(..) | Page::Register(_) => rectify_ledger(),
    };
    let module = JsFuture::from(loading.map_err(failed)?)
        .await
        .map_err(failed)?;
    let call = |name: &str, args: &js_sys::Array| -> Result<JsValue, String> {
        let f: js_sys::Function = js_sys::Reflect::get(&module, &name.into())
            .map_err(failed)?
            .dyn_into()
            .map_err(failed)?;
        f.apply(&JsValue::NULL, args).map_err(failed)
    };
    let mut answer = None;
    let mounted = match page {
        Page::Summary => call("mount_summary", &js_sys::Array::of1(root))?,
        Page::Dispatch(list) => call(
            "mount_dispatch",
            &js_sys::Array::of2(root, &JsValue::from_str(list)),
        )?,
        Page::Table(name, bytes) => call(
            "mount_table",
            &js_sys::Array::of3(
                root,
                &JsValue::from_str(name),
                &js_sys::Uint8Array::from(bytes.as_slice()),
            ),
        )?,
        Page::Paste(target, done) => {
            let done = done.clone();
            let closure = Closure::<dyn FnMut(String)>::new(move |json: String| done.emit(json));
            let mounted = call(
                "mount_paste",
                &js_sys::Array::of3(root, &JsValue::from_str(target), closure.as_ref()),
            )?;
            answer = Some(closure);
            mounted
        }
        Page::Ledger(id) => call(
            "mount_ledger",
            &js_sys::Array::of2(root, &JsValue::from_str(id)),
        )?,
        Page::Register(what) => call(
            "mount_register",
            &js_sys::Array::of2(root, &JsValue::from_str(what)),
        )?,
        Page::Print(id, layout) => call(
            "mount_print",
            &js_sys::Array::of3(
                root,
                &JsValue::from_str(id),
                &JsValue::from_str(layout.slug()),
            ),
        )?,
    };
    Ok(Mounted {
        page: mounted,
        _answer: answer,
    })
}
