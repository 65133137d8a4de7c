//! A panic must never leave a blank page or lose the user's work: it shows a Chinese message with a link that
//! saves the list as it was last saved, made while the app still runs (after the panic the wasm is gone, so the
//! link is a plain blob download that needs none of it).

use std::cell::RefCell;

use wasm_bindgen::JsCast;

thread_local! {
    /// The last saved draft, as stored, and the file name it would export under.
    static LAST: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
}

/// Remembers the draft just saved, for the panic screen.
pub fn remember(stored: String, file_name: String) {
    LAST.with(|l| *l.borrow_mut() = Some((stored, file_name)));
}

/// The remembered draft as a list file (pretty JSON of its document), if there is one.
fn rescue_file() -> Option<(String, String)> {
    let (stored, name) = LAST.with(|l| l.borrow().clone())?;
    let value: serde_json::Value = serde_json::from_str(&stored).ok()?;
    let text = serde_json::to_string_pretty(value.get("document")?).ok()?;
    Some((name, text))
}

fn blob_url(text: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&js_sys::JsString::from(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

pub fn install() {
    // Through Yew, which otherwise installs its own console-only hook when the app is rendered.
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("rectify panicked: {info}").into());
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(body) = document.body() else { return };
        let Ok(notice) = document.create_element("div") else {
            return;
        };
        notice.set_class_name("panic-notice");
        notice.set_attribute("role", "alert").ok();
        let Ok(text) = document.create_element("p") else {
            return;
        };
        text.set_text_content(Some(
            "程序出现了意外错误，无法继续。已经自动保存的内容仍在本机浏览器中；请先点下面的链接把清单另存为文件，再关闭本页后重新打开。如果问题反复出现，请把此页截图发给技术人员。",
        ));
        let _ = notice.append_child(&text);
        if let Some((name, file)) = rescue_file() {
            if let (Some(url), Ok(link)) = (blob_url(&file), document.create_element("a")) {
                let _ = link.set_attribute("href", &url);
                let _ = link.set_attribute("download", &name);
                link.set_class_name("button-link primary");
                link.set_text_content(Some("导出内存中的清单"));
                let _ = notice.append_child(&link);
            }
        }
        let _ = body
            .dyn_ref::<web_sys::HtmlElement>()
            .map(|b| b.prepend_with_node_1(&notice));
    }));
}
