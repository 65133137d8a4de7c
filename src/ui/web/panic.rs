//! A panic must never leave a blank page: it shows a Chinese message instead.

use wasm_bindgen::JsCast;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("rectify panicked: {info}").into());
        let Some(body) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
        else {
            return;
        };
        let Ok(notice) = body
            .owner_document()
            .expect("a body has a document")
            .create_element("div")
        else {
            return;
        };
        notice.set_class_name("panic-notice");
        notice.set_attribute("role", "alert").ok();
        notice.set_text_content(Some(
            "程序出现了意外错误，无法继续。已经自动保存的内容仍在本机浏览器中；请关闭本页后重新打开。如果问题反复出现，请把此页截图发给技术人员。",
        ));
        let _ = body
            .dyn_ref::<web_sys::HtmlElement>()
            .map(|b| b.prepend_with_node_1(&notice));
    }));
}
