//! The writers module: Excel and Word files, compiled on the first export (see `rectify::writers`). `write` takes
//! the JSON of a `domain::papers::request::Request` and gives `{ name, bytes, notices }`, or the reason it cannot.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    pub fn write(request: &str) -> Result<JsValue, JsValue> {
        let written = rectify::writers::write(request).map_err(|e| JsValue::from_str(&e))?;
        let file = js_sys::Object::new();
        js_sys::Reflect::set(&file, &"name".into(), &written.name.into())?;
        js_sys::Reflect::set(
            &file,
            &"bytes".into(),
            &js_sys::Uint8Array::from(written.bytes.as_slice()).into(),
        )?;
        let notices = js_sys::Array::new();
        for n in written.notices {
            notices.push(&n.into());
        }
        js_sys::Reflect::set(&file, &"notices".into(), &notices.into())?;
        Ok(file.into())
    }
}

fn main() {}
