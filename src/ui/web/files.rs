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

/// Reads every file of `list` in turn, telling `progress(done, total)` after each, then calls `done(files)` with
/// (name, bytes) pairs. A file that cannot be read comes back empty (and so gets the empty-file verdict).
pub fn read_all(
    list: Vec<web_sys::File>,
    progress: impl Fn(usize, usize) + 'static,
    done: impl FnOnce(Vec<(String, Vec<u8>)>) + 'static,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let total = list.len();
        let mut out = Vec::with_capacity(total);
        for (i, file) in list.into_iter().enumerate() {
            let bytes = match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                Err(_) => Vec::new(),
            };
            out.push((file.name(), bytes));
            progress(i + 1, total);
        }
        done(out);
    });
}

/// The files of a `FileList` (from a picker or a drop).
pub fn from_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
