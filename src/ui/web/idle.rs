//! The browser's idle moments: where the autosave makes a draft into text, between two keys, and where a key
//! typed is read into the document, after the frame that shows it.

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

/// Runs `f` once the frame after now has been drawn (its animation frame, then a task); after 100 ms at the
/// latest, for a hidden page draws no frames. `f` runs twice then: it must do nothing the second time.
pub fn after_paint(f: std::rc::Rc<dyn Fn()>) {
    use gloo::timers::callback::Timeout;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let late = f.clone();
    Timeout::new(100, move || late()).forget();
    let frame = Closure::once_into_js(move || Timeout::new(0, move || f()).forget());
    let _ = gloo::utils::window().request_animation_frame(frame.unchecked_ref());
}
