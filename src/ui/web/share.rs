//! Sending a file through the device's share sheet (the Web Share API with files): on a phone, straight to WeChat,
//! QQ or mail. Nothing goes over the network from the app: the share sheet hands the file to the app the user
//! picks. Where the browser cannot share files, the file is saved as a download instead, and the page says where.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// What became of a file to send.
pub enum Sent {
    /// Handed to the share sheet, which the user finished.
    Shared,
    /// The user closed the share sheet without sending.
    Cancelled,
    /// This browser cannot share files: saved as a download under this name.
    Saved,
}

/// The share function of `navigator`, when it shares a file like this one.
fn share_of(file: &web_sys::File) -> Option<(JsValue, js_sys::Function, JsValue)> {
    let navigator: JsValue = gloo::utils::window().navigator().into();
    let can = js_sys::Reflect::get(&navigator, &"canShare".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let share = js_sys::Reflect::get(&navigator, &"share".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let data = js_sys::Object::new();
    js_sys::Reflect::set(&data, &"files".into(), &js_sys::Array::of1(file)).ok()?;
    let able = can.call1(&navigator, &data).ok()?.as_bool() == Some(true);
    able.then_some((navigator, share, data.into()))
}

/// Sends `bytes` as a file named `name` through the share sheet, with `title` for the message it goes with; or,
/// where the browser cannot, saves it as a download.
pub async fn send(name: &str, bytes: &[u8], mime: &str, title: &str) -> Result<Sent, String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::FilePropertyBag::new();
    options.set_type(mime);
    let file = web_sys::File::new_with_u8_array_sequence_and_options(&parts, name, &options).ok();
    let Some((navigator, share, data)) = file.as_ref().and_then(share_of) else {
        super::download::save(name, bytes, mime)?;
        return Ok(Sent::Saved);
    };
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let promise = share
        .call1(&navigator, &data)
        .map_err(|_| "手机没有打开分享。请改用“导出JSON”保存文件后再发送。".to_string())?;
    match JsFuture::from(js_sys::Promise::from(promise)).await {
        Ok(_) => Ok(Sent::Shared),
        Err(e) => {
            let aborted = js_sys::Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .is_some_and(|n| n == "AbortError");
            if aborted {
                Ok(Sent::Cancelled)
            } else {
                // Refused (a browser that shares text but not this file): saved instead.
                super::download::save(name, bytes, mime)?;
                Ok(Sent::Saved)
            }
        }
    }
}
