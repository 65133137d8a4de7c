//! IndexedDB, for what localStorage cannot do.
//!
//! A second copy of every draft, because localStorage is not enough to survive a crash: Chromium keeps
//! localStorage writes in memory for seconds before they reach the disk (a killed browser loses them), while an
//! IndexedDB transaction is on disk when it completes. localStorage stays the copy the app reads, being
//! synchronous; at start-up, any draft whose IndexedDB copy is newer is put back into localStorage.
//!
//! And the 汇总 set of received files, which outgrows localStorage's few megabytes once there are a hundred files
//! or so.

use js_sys::{Array, Promise};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

/// Where in IndexedDB something is kept: a database of its own for each kind of thing, so that no version of the
/// app ever has to upgrade a database that an older copy of the app (another file on the same PC) still opens.
#[derive(Clone, Copy, Debug)]
pub struct Place {
    database: &'static str,
    store: &'static str,
}

/// Every draft, as stored in localStorage, under the same key.
pub const DRAFTS: Place = Place {
    database: "rectify",
    store: "drafts",
};
/// The central office's set of received files (too large for localStorage once there are a hundred or so).
pub const SUMMARY: Place = Place {
    database: "rectify-summary",
    store: "summary",
};

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

async fn open(place: Place) -> Option<IdbDatabase> {
    let factory = web_sys::window()?.indexed_db().ok()??;
    let request = factory.open_with_u32(place.database, 1).ok()?;
    let upgrade = {
        let request = request.clone();
        Closure::once_into_js(move || {
            if let Ok(db) = request.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
                let _ = db.create_object_store(place.store);
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

/// Whether IndexedDB can be used at all (private modes and site-data settings refuse it, or its getter throws).
pub async fn available(place: Place) -> bool {
    match open(place).await {
        Some(db) => {
            db.close();
            true
        }
        None => false,
    }
}

/// Writes `text` under `key` and waits until it is on disk; false when it could not be written.
pub async fn write(place: Place, key: &str, text: &str) -> bool {
    write_value(place, key, &JsValue::from_str(text)).await
}

/// Writes a string already made in JavaScript under `key` and waits until it is on disk.
pub async fn write_value(place: Place, key: &str, value: &JsValue) -> bool {
    let Some(db) = open(place).await else {
        return false;
    };
    let written = match db.transaction_with_str_and_mode(place.store, IdbTransactionMode::Readwrite)
    {
        Ok(tx) => {
            let put = tx
                .object_store(place.store)
                .and_then(|s| s.put_with_key(value, &JsValue::from_str(key)));
            put.is_ok() && JsFuture::from(committed(&tx)).await.is_ok()
        }
        Err(_) => false,
    };
    db.close();
    written
}

/// What a compare-and-write found.
pub enum Swapped {
    /// Written; the stamp is now this.
    Written(u64),
    /// Not written: the stamp was this, and the text under the key this.
    Stale(u64, Option<String>),
}

/// Writes `text` under `key` and raises the stamp kept under `stamp_key` by one — only if that stamp is still
/// `expected` (no stamp reads 0). The stamp is read and both are written in one transaction, so two tabs cannot
/// both write over the same stamp: the browser runs their transactions one after the other. `None` when
/// IndexedDB could not be used or refused the write.
pub async fn swap(
    place: Place,
    key: &str,
    stamp_key: &str,
    expected: u64,
    text: &str,
) -> Option<Swapped> {
    use std::cell::RefCell;
    use std::rc::Rc;
    let db = open(place).await?;
    let found: Rc<RefCell<Option<Swapped>>> = Rc::new(RefCell::new(None));
    let committed_ok =
        match db.transaction_with_str_and_mode(place.store, IdbTransactionMode::Readwrite) {
            Ok(tx) => {
                let store = tx.object_store(place.store).ok();
                let request = store
                    .as_ref()
                    .and_then(|s| s.get(&JsValue::from_str(stamp_key)).ok());
                if let (Some(store), Some(request)) = (store, request) {
                    let (key, stamp_key, text) =
                        (key.to_string(), stamp_key.to_string(), text.to_string());
                    let (found, asked) = (found.clone(), request.clone());
                    // Inside the request's own callback, so the transaction is still the one the stamp was read in.
                    let on_stamp = Closure::once_into_js(move || {
                        let stamp = asked
                            .result()
                            .ok()
                            .and_then(|v| v.as_f64())
                            .map_or(0, |n| n as u64);
                        if stamp == expected {
                            let next = stamp + 1;
                            let _ = store
                                .put_with_key(&JsValue::from_str(&text), &JsValue::from_str(&key));
                            let _ = store.put_with_key(
                                &JsValue::from_f64(next as f64),
                                &JsValue::from_str(&stamp_key),
                            );
                            *found.borrow_mut() = Some(Swapped::Written(next));
                        } else if let Ok(read) = store.get(&JsValue::from_str(&key)) {
                            let (found, read_back) = (found.clone(), read.clone());
                            let on_text = Closure::once_into_js(move || {
                                let text = read_back.result().ok().and_then(|v| v.as_string());
                                *found.borrow_mut() = Some(Swapped::Stale(stamp, text));
                            });
                            read.set_onsuccess(Some(on_text.unchecked_ref()));
                        }
                    });
                    request.set_onsuccess(Some(on_stamp.unchecked_ref()));
                    JsFuture::from(committed(&tx)).await.is_ok()
                } else {
                    false
                }
            }
            Err(_) => false,
        };
    db.close();
    let outcome = found.borrow_mut().take();
    outcome.filter(|_| committed_ok)
}

/// The texts under `keys`, read in one transaction (so they belong together), each if there is one.
pub async fn read_together(place: Place, keys: &[&str]) -> Vec<Option<JsValue>> {
    use std::cell::RefCell;
    use std::rc::Rc;
    let Some(db) = open(place).await else {
        return vec![None; keys.len()];
    };
    let values: Rc<RefCell<Vec<Option<JsValue>>>> = Rc::new(RefCell::new(vec![None; keys.len()]));
    if let Ok(tx) = db.transaction_with_str(place.store) {
        if let Ok(store) = tx.object_store(place.store) {
            for (i, key) in keys.iter().enumerate() {
                if let Ok(request) = store.get(&JsValue::from_str(key)) {
                    let (values, asked) = (values.clone(), request.clone());
                    let done = Closure::once_into_js(move || {
                        values.borrow_mut()[i] = asked.result().ok().filter(|v| !v.is_undefined());
                    });
                    request.set_onsuccess(Some(done.unchecked_ref()));
                }
            }
            let _ = JsFuture::from(committed(&tx)).await;
        }
    }
    db.close();
    let out = values.borrow().clone();
    out
}

/// The text under `key`, if there is one.
pub async fn read(place: Place, key: &str) -> Option<String> {
    read_value(place, key).await.map(String::from)
}

/// The text under `key` as a JavaScript string, if there is one.
pub async fn read_value(place: Place, key: &str) -> Option<js_sys::JsString> {
    let db = open(place).await?;
    let request = db
        .transaction_with_str(place.store)
        .and_then(|tx| tx.object_store(place.store))
        .and_then(|s| s.get(&JsValue::from_str(key)))
        .ok();
    let value = match request {
        Some(request) => JsFuture::from(settled(&request)).await.ok(),
        None => None,
    };
    db.close();
    value?.dyn_into().ok()
}

pub fn delete(place: Place, key: String) {
    wasm_bindgen_futures::spawn_local(async move {
        let Some(db) = open(place).await else { return };
        if let Ok(tx) = db.transaction_with_str_and_mode(place.store, IdbTransactionMode::Readwrite)
        {
            if let Ok(store) = tx.object_store(place.store) {
                let _ = store.delete(&JsValue::from_str(&key));
            }
        }
        db.close();
    });
}

/// Every (key, text) kept at `place`; empty where IndexedDB is not available.
pub async fn all(place: Place) -> Vec<(String, String)> {
    let Some(db) = open(place).await else {
        return Vec::new();
    };
    let Ok(tx) = db.transaction_with_str(place.store) else {
        return Vec::new();
    };
    let Ok(store) = tx.object_store(place.store) else {
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
