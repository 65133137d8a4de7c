//! IndexedDB, for what localStorage cannot do. A second copy of every draft, because localStorage is not enough to survive a crash: Chromium
//! keeps localStorage writes in memory for seconds before they reach the disk (a killed browser loses them),
//! while an IndexedDB transaction is on disk when it completes. localStorage stays the copy the app reads, being
//! synchronous; at start-up, any draft whose IndexedDB copy is newer is put back into localStorage. And the 汇总 set
//! of received files, which outgrows localStorage's few megabytes once there are a hundred files or so.

use js_sys::{Array, Promise};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

const DATABASE: &str = "rectify";
/// Version 2 added the store of the 汇总 set.
const VERSION: u32 = 2;
/// Every draft, as stored in localStorage, under the same key.
pub const DRAFTS: &str = "drafts";
/// The central office's set of received files (too large for localStorage once there are a hundred or so).
pub const SUMMARY: &str = "summary";

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

/// A promise that settles when the transaction is on disk, or rejects when it fails (a full disk among others).
fn committed(tx: &IdbTransaction) -> Promise {
    let tx = tx.clone();
    Promise::new(&mut |resolve, reject| {
        let done = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = Closure::once_into_js(move || {
            let _ = reject.call0(&JsValue::NULL);
        });
        tx.set_oncomplete(Some(done.unchecked_ref()));
        tx.set_onerror(Some(failed.unchecked_ref()));
        tx.set_onabort(Some(failed.unchecked_ref()));
    })
}

async fn open() -> Option<IdbDatabase> {
    let factory = web_sys::window()?.indexed_db().ok()??;
    let request = factory.open_with_u32(DATABASE, VERSION).ok()?;
    let upgrade = {
        let request = request.clone();
        Closure::once_into_js(move || {
            if let Ok(db) = request.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
                let names = db.object_store_names();
                for store in [DRAFTS, SUMMARY] {
                    if !names.contains(store) {
                        let _ = db.create_object_store(store);
                    }
                }
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

/// Writes `text` under `key` in `store` and waits until it is on disk; false when it could not be written.
pub async fn write(store: &str, key: &str, text: &str) -> bool {
    let Some(db) = open().await else {
        return false;
    };
    let written = match db.transaction_with_str_and_mode(store, IdbTransactionMode::Readwrite) {
        Ok(tx) => {
            let put = tx
                .object_store(store)
                .and_then(|s| s.put_with_key(&JsValue::from_str(text), &JsValue::from_str(key)));
            put.is_ok() && JsFuture::from(committed(&tx)).await.is_ok()
        }
        Err(_) => false,
    };
    db.close();
    written
}

/// The text under `key` in `store`, if there is one.
pub async fn read(store: &str, key: &str) -> Option<String> {
    let db = open().await?;
    let request = db
        .transaction_with_str(store)
        .and_then(|tx| tx.object_store(store))
        .and_then(|s| s.get(&JsValue::from_str(key)))
        .ok();
    let value = match request {
        Some(request) => JsFuture::from(settled(&request)).await.ok(),
        None => None,
    };
    db.close();
    value?.as_string()
}

/// Writes `text` under `key` (fire and forget: the localStorage copy is already there).
pub fn put(store: &'static str, key: String, text: String) {
    wasm_bindgen_futures::spawn_local(async move {
        write(store, &key, &text).await;
    });
}

pub fn delete(store: &'static str, key: String) {
    wasm_bindgen_futures::spawn_local(async move {
        let Some(db) = open().await else { return };
        if let Ok(tx) = db.transaction_with_str_and_mode(store, IdbTransactionMode::Readwrite) {
            if let Ok(store) = tx.object_store(store) {
                let _ = store.delete(&JsValue::from_str(&key));
            }
        }
        db.close();
    });
}

/// Every (key, text) of `store`; empty where IndexedDB is not available.
pub async fn all(store: &str) -> Vec<(String, String)> {
    let Some(db) = open().await else {
        return Vec::new();
    };
    let Ok(tx) = db.transaction_with_str(store) else {
        return Vec::new();
    };
    let Ok(store) = tx.object_store(store) else {
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
