//! Copying text for the user (the report paragraph), with the element's text selected as a fallback where the
//! browser gives no clipboard (file:// pages in some browsers).

use wasm_bindgen::JsCast;

/// Copies `text`; also selects the text of the element `id`, so Ctrl+C works when the clipboard API does not.
pub fn copy(text: &str, id: &str) {
    let window = gloo::utils::window();
    let clipboard = js_sys::Reflect::get(&window.navigator(), &"clipboard".into()).ok();
    if let Some(clipboard) = clipboard.filter(|c| !c.is_undefined()) {
        if let Ok(write) = js_sys::Reflect::get(&clipboard, &"writeText".into()) {
            if let Some(f) = write.dyn_ref::<js_sys::Function>() {
                // Refused (no permission, as older kernels say of file:// pages): the selection below is the way
                // then; the refusal is awaited so it is not left as an unhandled rejection.
                if let Ok(promise) = f.call1(&clipboard, &text.into()) {
                    if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
                        wasm_bindgen_futures::spawn_local(async move {
                            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
                        });
                    }
                }
            }
        }
    }
    if let (Some(el), Ok(Some(selection))) = (
        gloo::utils::document().get_element_by_id(id),
        window.get_selection(),
    ) {
        let _ = selection.select_all_children(&el);
    }
}
