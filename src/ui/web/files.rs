//! Reading the files the user picks.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::Event;

/// Reads the file chosen in the `<input type="file">` of `event`, then calls `done(name, bytes)`.
/// The input is cleared so that choosing the same file again is noticed.
pub fn read_chosen(event: Event, done: impl FnOnce(String, Vec<u8>) + 'static) {
    let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(file) = input.files().and_then(|list| list.get(0)) else {
        return;
    };
    input.set_value("");
    wasm_bindgen_futures::spawn_local(async move {
        let name = file.name();
        let bytes = match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
            Err(_) => Vec::new(),
        };
        done(name, bytes);
    });
}
