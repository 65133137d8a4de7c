//! Drafts in the browser's localStorage, under the versioned keys of `domain::drafts`.

use std::cell::RefCell;
use std::collections::HashMap;

use super::durable;
use crate::domain::drafts::{self, Draft, DraftError};

/// The browser's localStorage, or why the app may not use it.
pub(crate) fn local() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| "浏览器不允许本程序保存数据（可能处于无痕/隐私模式，或禁用了网站数据）。您输入的内容仍在本页中，请及时“导出JSON”保存到文件。".to_string())
}

thread_local! {
    /// Drafts that localStorage refused (private mode, storage disabled or full): the app keeps working on them in
    /// memory, and says so, until the user exports them.
    static MEMORY: RefCell<HashMap<String, Draft>> = RefCell::new(HashMap::new());
}

/// Saves a draft. The error says what happened and what to do; the document stays in memory either way.
pub fn save(draft: &Draft) -> Result<(), String> {
    let result = save_stored(draft);
    MEMORY.with(|m| {
        let mut m = m.borrow_mut();
        if result.is_err() {
            m.insert(draft.document.id.clone(), draft.clone());
        } else {
            m.remove(&draft.document.id);
        }
    });
    result
}

fn save_stored(draft: &Draft) -> Result<(), String> {
    let key = drafts::key(&draft.document.id);
    let text = drafts::encode(draft);
    super::panic::remember(
        &text,
        crate::domain::export::file_name(&draft.document, false),
    );
    // The crash-proof copy first: it is written even when localStorage is full or refused.
    durable::put(durable::DRAFTS, key.clone(), text.clone());
    let storage = local()?;
    storage
        .set_item(&key, &text)
        .map_err(|_| "浏览器的存储空间已满，最近的修改没能自动保存。您输入的内容仍在本页中，请立即“导出JSON”保存到文件，再删除不需要的旧草稿。".to_string())
}

/// After a crash or an eviction: puts back into localStorage every draft whose IndexedDB copy is newer, or
/// missing there. Returns how many were missing altogether (the browser had cleared them), for telling the user.
pub async fn recover() -> usize {
    let mut missing = 0;
    let Ok(storage) = local() else { return 0 };
    for (key, text) in durable::all(durable::DRAFTS).await {
        if drafts::id_of_key(&key).is_none() {
            continue;
        }
        let Ok(kept) = drafts::decode(&text) else {
            continue;
        };
        let newer = match storage
            .get_item(&key)
            .ok()
            .flatten()
            .map(|t| drafts::decode(&t))
        {
            Some(Ok(current)) => kept.saved_at > current.saved_at,
            Some(Err(_)) => true,
            None => {
                missing += 1;
                true
            }
        };
        if newer {
            let _ = storage.set_item(&key, &text);
        }
    }
    missing
}

pub fn load(id: &str) -> Result<Option<Draft>, DraftError> {
    // A draft that could not be stored is newer in memory than anything in storage.
    if let Some(draft) = MEMORY.with(|m| m.borrow().get(id).cloned()) {
        return Ok(Some(draft));
    }
    let Ok(storage) = local() else {
        return Ok(None);
    };
    match storage.get_item(&drafts::key(id)) {
        Ok(Some(text)) => drafts::decode(&text).map(Some),
        _ => Ok(None),
    }
}

pub fn exists(id: &str) -> bool {
    local()
        .ok()
        .and_then(|s| s.get_item(&drafts::key(id)).ok().flatten())
        .is_some()
}

pub fn delete(id: &str) {
    durable::delete(durable::DRAFTS, drafts::key(id));
    if let Ok(storage) = local() {
        let _ = storage.remove_item(&drafts::key(id));
    }
}

/// Every stored draft, newest first; one that cannot be read is listed with its error rather than hidden.
pub fn all() -> Vec<Result<Draft, (String, DraftError)>> {
    let Ok(storage) = local() else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    let keys: Vec<String> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect();
    let mut found: Vec<Result<Draft, (String, DraftError)>> = keys
        .iter()
        .filter_map(|key| {
            let id = drafts::id_of_key(key)?.to_string();
            let text = storage.get_item(key).ok().flatten()?;
            Some(drafts::decode(&text).map_err(|e| (id, e)))
        })
        .collect();
    crate::domain::order::sort_by(&mut found, |a, b| match (a, b) {
        (Ok(a), Ok(b)) => b.saved_at.cmp(&a.saved_at),
        (Ok(_), Err(_)) => std::cmp::Ordering::Less,
        (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
        (Err(a), Err(b)) => a.0.cmp(&b.0),
    });
    found
}

/// Asks the browser not to evict this app's storage under pressure (`navigator.storage.persist()`), where it
/// offers that; the answer needs nothing from the user and changes nothing if refused.
pub fn ask_to_persist() {
    use wasm_bindgen::JsCast;
    let navigator = gloo::utils::window().navigator();
    let Ok(manager) = js_sys::Reflect::get(&navigator, &"storage".into()) else {
        return;
    };
    if manager.is_undefined() {
        return;
    }
    if let Ok(persist) = js_sys::Reflect::get(&manager, &"persist".into()) {
        if let Some(f) = persist.dyn_ref::<js_sys::Function>() {
            let _ = f.call0(&manager);
        }
    }
}
