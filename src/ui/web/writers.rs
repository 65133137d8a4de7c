//! The Excel and Word writers: a module of their own, compiled on the first export (`rectifyWriters()` of the
//! page's script, see tools/bundle.py) and kept for the next ones.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::reason;

use crate::domain::papers::request::Request;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = globalThis, js_name = rectifyWriters, catch)]
    fn rectify_writers() -> Result<js_sys::Promise, JsValue>;
}

fn field(object: &JsValue, name: &str) -> Result<JsValue, JsValue> {
    js_sys::Reflect::get(object, &name.into())
}

/// A file made: its name, its bytes, and what it could not hold as the list has it.
pub struct Made {
    pub name: String,
    pub bytes: Vec<u8>,
    pub notices: Vec<String>,
}

/// The file `request` asks for, or why not, in Chinese (the module says why in Chinese itself).
pub async fn write(request: &Request) -> Result<Made, String> {
    let failed = |e: JsValue| {
        format!(
            "导出所需的组件没能启动（{}）。请刷新页面后重试。",
            reason(e)
        )
    };
    let json = serde_json::to_string(request).map_err(|_| {
        "要导出的内容无法交给导出组件，什么都没有导出。请刷新页面后重试。".to_string()
    })?;
    let module = JsFuture::from(rectify_writers().map_err(failed)?)
        .await
        .map_err(failed)?;
    let write: js_sys::Function = field(&module, "write")
        .map_err(failed)?
        .dyn_into()
        .map_err(failed)?;
    let refused = |e: JsValue| reason(e);
    let file = write
        .call1(&JsValue::NULL, &JsValue::from_str(&json))
        .map_err(refused)?;
    let name = field(&file, "name")
        .map_err(refused)?
        .as_string()
        .unwrap_or_default();
    let bytes = js_sys::Uint8Array::new(&field(&file, "bytes").map_err(refused)?).to_vec();
    let notices = field(&file, "notices")
        .ok()
        .filter(js_sys::Array::is_array)
        .map(|n| {
            js_sys::Array::from(&n)
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default();
    Ok(Made {
        name,
        bytes,
        notices,
    })
}

/// The type of a file by its name.
pub fn mime(name: &str) -> &'static str {
    if name.ends_with(".docx") {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    } else {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    }
}
