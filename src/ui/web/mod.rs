//! Everything that touches the browser: the address, files, downloads, storage, the clock, the panic screen.

pub mod campaigns;
pub mod clipboard;
pub mod clock;
pub mod download;
pub mod durable;
pub mod files;
pub mod idle;
pub mod lazy;
pub mod location;
pub mod nested;
pub mod page_style;
pub mod panic;
pub mod press;
pub mod share;
pub mod storage;
pub mod summary_store;
pub mod tabs;
pub mod writers;

/// What a rejected promise or a thrown value says: its text, an Error's message, or 未知原因 — for a Chinese message
/// that says why a module or the writers could not start.
fn reason(e: wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "未知原因".to_string())
}
