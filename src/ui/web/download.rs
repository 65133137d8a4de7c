//! Saving a file the user asked for: the only way anything leaves the app.

use wasm_bindgen::JsCast;

/// Offers `bytes` as a download named `file_name`.
pub fn save(file_name: &str, bytes: &[u8], mime: &str) -> Result<(), String> {
    let fail = |_| "浏览器没有允许保存文件，请检查浏览器的下载设置后重试。".to_string();
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = gloo::utils::document();
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "无法创建下载链接。".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The browser has taken the blob once click() returns; give it a moment before the URL goes.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
