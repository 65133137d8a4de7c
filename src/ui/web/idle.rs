//! The browser's idle moments: where the autosave makes a draft into text, between two keys.

/// Runs `f` in the browser's next idle moment, or after `autosave::IDLE_WAIT_MS` at the latest; false when the
/// browser has no idle callbacks.
pub fn when_idle(f: impl FnOnce() + 'static) -> bool {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(crate::domain::editor::autosave::IDLE_WAIT_MS as u32);
    let callback = Closure::once_into_js(f);
    gloo::utils::window()
        .request_idle_callback_with_options(callback.unchecked_ref(), &options)
        .is_ok()
}
