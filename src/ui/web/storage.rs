//! Drafts in the browser's localStorage, under the versioned keys of `domain::drafts`.

use crate::domain::drafts::{self, Draft, DraftError};

fn local() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| "浏览器不允许本程序保存数据（可能处于无痕/隐私模式，或禁用了网站数据）。您输入的内容仍在本页中，请及时“导出JSON”保存到文件。".to_string())
}

/// Saves a draft. The error says what happened and what to do; the document stays in memory either way.
pub fn save(draft: &Draft) -> Result<(), String> {
    let storage = local()?;
    storage
        .set_item(&drafts::key(&draft.document.id), &drafts::encode(draft))
        .map_err(|_| "浏览器的存储空间已满，最近的修改没能自动保存。您输入的内容仍在本页中，请立即“导出JSON”保存到文件，再删除不需要的旧草稿。".to_string())
}

pub fn load(id: &str) -> Result<Option<Draft>, DraftError> {
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
    found.sort_by(|a, b| match (a, b) {
        (Ok(a), Ok(b)) => b.saved_at.cmp(&a.saved_at),
        (Ok(_), Err(_)) => std::cmp::Ordering::Less,
        (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
        (Err(a), Err(b)) => a.0.cmp(&b.0),
    });
    found
}
