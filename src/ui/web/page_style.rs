//! A stylesheet made through the CSSOM (a constructed `CSSStyleSheet` adopted by the document). The print preview
//! uses it for the `@page` rules that carry the list's own 校验码; the Content-Security-Policy allows it, where an
//! inline `<style>` would be refused.

use wasm_bindgen::{JsCast, JsValue};

fn adopted() -> Option<js_sys::Array> {
    js_sys::Reflect::get(&gloo::utils::document(), &"adoptedStyleSheets".into())
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Array>().ok())
}

fn set_adopted(list: &js_sys::Array) {
    let _ = js_sys::Reflect::set(&gloo::utils::document(), &"adoptedStyleSheets".into(), list);
}

/// Whether printed pages get the `@page` margin boxes (page numbers, 校验码): Chromium 131 and later. Older kernels,
/// still common in 360安全浏览器 and 奇安信, print the pages without them, and no CSS feature query can tell, so the
/// browser's version decides.
pub fn margin_boxes() -> bool {
    let agent = gloo::utils::window()
        .navigator()
        .user_agent()
        .unwrap_or_default();
    chromium_major(&agent).is_some_and(|major| major >= 131)
}

/// The major version in `Chrome/108.0.5359.125`.
fn chromium_major(agent: &str) -> Option<u32> {
    let (_, rest) = agent.split_once("Chrome/")?;
    rest.split('.').next()?.parse().ok()
}

/// Adds `css` to the document; the returned sheet removes it again. None where the browser cannot.
pub fn add(css: &str) -> Option<JsValue> {
    let constructor = js_sys::Reflect::get(&js_sys::global(), &"CSSStyleSheet".into()).ok()?;
    let sheet = js_sys::Reflect::construct(
        constructor.dyn_ref::<js_sys::Function>()?,
        &js_sys::Array::new(),
    )
    .ok()?;
    let replace = js_sys::Reflect::get(&sheet, &"replaceSync".into()).ok()?;
    replace
        .dyn_ref::<js_sys::Function>()?
        .call1(&sheet, &css.into())
        .ok()?;
    // A new array: before Chromium 99 the adopted list is frozen and cannot be pushed to.
    let list: js_sys::Array = adopted()?.iter().collect();
    list.push(&sheet);
    set_adopted(&list);
    Some(sheet)
}

pub fn remove(sheet: &JsValue) {
    if let Some(list) = adopted() {
        let kept: js_sys::Array = list.iter().filter(|s| s != sheet).collect();
        set_adopted(&kept);
    }
}
