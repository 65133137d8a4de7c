//! The writers module: Excel and Word files, compiled on the first export (see `rectify::writers`). `write` takes
//! the JSON of a `domain::office::request::Request` and gives `{ name, bytes }`, or the reason it cannot.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    pub fn write(request: &str) -> Result<JsValue, JsValue> {
        let (name, bytes) = rectify::writers::write(request).map_err(|e| JsValue::from_str(&e))?;
        let file = js_sys::Object::new();
        js_sys::Reflect::set(&file, &"name".into(), &name.into())?;
        js_sys::Reflect::set(
            &file,
            &"bytes".into(),
            &js_sys::Uint8Array::from(bytes.as_slice()).into(),
        )?;
        Ok(file.into())
    }
}

fn main() {}
