//! A second copy of every draft in IndexedDB, because localStorage is not enough to survive a crash: Chromium
//! keeps localStorage writes in memory for seconds before they reach the disk (a killed browser loses them),
//! while an IndexedDB transaction is on disk when it completes. localStorage stays the copy the app reads, being
//! synchronous; at start-up, any draft whose IndexedDB copy is newer is put back into localStorage.

use js_sys::{Array, Promise};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "rectify";
const STORE: &str = "drafts";

/// A promise that settles with the request's result.
fn settled(request: &IdbRequest) -> Promise {
    let request = request.clone();
    Promise::new(&mut |resolve, reject| {
        let ok = {
            let request = request.clone();
            Closure::once_into_js(move || {
                let _ = resolve.call1(
                    &JsValue::NULL,
                    &request.result().unwrap_or(JsValue::UNDEFINED),
                );
            })
        };
        let failed = Closure::once_into_js(move || {
            let _ = reject.call0(&JsValue::NULL);
        });
        request.set_onsuccess(Some(ok.unchecked_ref()));
        request.set_onerror(Some(failed.unchecked_ref()));
    })
}

async fn open() -> Option<IdbDatabase> {
    let factory = web_sys::window()?.indexed_db().ok()??;
    let request = factory.open_with_u32(DATABASE, 1).ok()?;
    let upgrade = {
        let request = request.clone();
        Closure::once_into_js(move || {
            if let Ok(db) = request.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
                let _ = db.create_object_store(STORE);
            }
        })
    };
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    JsFuture::from(settled(&request))
        .await
        .ok()?
        .dyn_into::<IdbDatabase>()
        .ok()
}

/// Writes `text` under `key` (fire and forget: the localStorage copy is already there).
pub fn put(key: String, text: String) {
    wasm_bindgen_futures::spawn_local(async move {
        let Some(db) = open().await else { return };
        if let Ok(tx) = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite) {
            if let Ok(store) = tx.object_store(STORE) {
                let _ = store.put_with_key(&JsValue::from_str(&text), &JsValue::from_str(&key));
            }
        }
        db.close();
    });
}

pub fn delete(key: String) {
    wasm_bindgen_futures::spawn_local(async move {
        let Some(db) = open().await else { return };
        if let Ok(tx) = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite) {
            if let Ok(store) = tx.object_store(STORE) {
                let _ = store.delete(&JsValue::from_str(&key));
            }
        }
        db.close();
    });
}

/// Every (key, text) in IndexedDB; empty where IndexedDB is not available.
pub async fn all() -> Vec<(String, String)> {
    let Some(db) = open().await else {
        return Vec::new();
    };
    let Ok(tx) = db.transaction_with_str(STORE) else {
        return Vec::new();
    };
    let Ok(store) = tx.object_store(STORE) else {
        return Vec::new();
    };
    let (Ok(keys), Ok(values)) = (store.get_all_keys(), store.get_all()) else {
        return Vec::new();
    };
    let keys = JsFuture::from(settled(&keys))
        .await
        .ok()
        .map(|v| Array::from(&v));
    let values = JsFuture::from(settled(&values))
        .await
        .ok()
        .map(|v| Array::from(&v));
    db.close();
    match (keys, values) {
        (Some(keys), Some(values)) => keys
            .iter()
            .zip(values.iter())
            .filter_map(|(k, v)| Some((k.as_string()?, v.as_string()?)))
            .collect(),
        _ => Vec::new(),
    }
}
