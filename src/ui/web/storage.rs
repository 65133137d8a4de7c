//! Drafts in the browser's localStorage, under the versioned keys of `domain::drafts`.

use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;

use super::durable;
use crate::domain::dates::instant_millis;
use crate::domain::editor::drafts::{self, Chosen, Copy, Draft, DraftError};
use crate::domain::editor::shelf;
use crate::domain::register::stored as register;

/// The browser's localStorage, or why the app may not use it.
pub(crate) fn local() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| "浏览器不允许本程序保存数据（可能处于无痕/隐私模式，或禁用了网站数据）。您输入的内容仍在本页中，请及时“导出JSON”保存到文件。".to_string())
}

/// A backup waiting to be written, and who hears how it went.
type Pending = (JsValue, Box<dyn FnOnce(bool)>);

/// One app's shelf (`domain::editor::shelf`: refused drafts, the draft just made, the backups waiting), held by
/// the app's root (`ui::stored::use_shelf`); this file does what it says.
#[derive(Clone, Default)]
pub struct Shelf(Rc<RefCell<shelf::Shelf<Pending>>>);

impl PartialEq for Shelf {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A draft made into the text both stores keep: the first half of a save. The autosave makes it in one task and
/// writes it in the next (`session`), so that neither holds a key's frame back as long as both did (at 4× CPU a
/// 600-measure list's text took 20 ms to make and 20 ms to write).
pub struct Encoded<'a> {
    /// Kept in memory when localStorage refuses it: borrowed where the caller keeps the draft anyway.
    draft: Cow<'a, Draft>,
    key: String,
    text: String,
    /// `text` as a JavaScript string, made once for both stores: for a big list the conversion costs as much as a
    /// write.
    value: JsValue,
}

pub fn encode(draft: Cow<'_, Draft>) -> Encoded<'_> {
    let key = drafts::key(&draft.document.id);
    let text = drafts::encode(&draft);
    let value = JsValue::from_str(&text);
    Encoded {
        draft,
        key,
        text,
        value,
    }
}

/// An editing tab's save: as `save`, unless another tab wrote the draft since this tab last read or wrote the copy
/// saved at `expected` (an import over it from its start page, whose storage event has not arrived yet). Then
/// nothing is written and the error says so; the change stays in the page until that event replaces it.
pub fn save_own(
    shelf: &Shelf,
    encoded: Encoded,
    expected: Option<&str>,
    on_backup: impl FnOnce(bool) + 'static,
) -> Result<(), String> {
    if written_elsewhere(&encoded.key, expected) {
        return Err(drafts::WRITTEN_ELSEWHERE.to_string());
    }
    write(shelf, encoded, on_backup)
}

/// Whether another tab wrote `key` since this tab last read or wrote the copy saved at `expected`
/// (`drafts::written_elsewhere`, judged by the save time at the start of the stored text).
fn written_elsewhere(key: &str, expected: Option<&str>) -> bool {
    if expected.is_none() {
        return false;
    }
    let stored = local()
        .ok()
        .and_then(|s| get_item(&s, key))
        .map(|t| head(&t));
    drafts::written_elsewhere(stored.as_deref(), expected)
}

/// Said when localStorage refuses a write (full): the backup has it, the page still does.
const STORAGE_FULL: &str = "浏览器的存储空间已满，最近的修改没能保存到常规存储（已写入本程序的备份）。您输入的内容仍在本页中，请立即“导出JSON”保存到文件，再删除不需要的旧草稿。";

/// Said when the crash-proof copy cannot be written (the editor's core says it too).
pub use crate::domain::editor::NO_BACKUP;

/// Saves a draft to both copies. The result is localStorage's: its error says what happened and what to do, and
/// the document stays in memory either way. `on_backup` hears later whether the IndexedDB copy reached the disk.
pub fn save(
    shelf: &Shelf,
    draft: &Draft,
    on_backup: impl FnOnce(bool) + 'static,
) -> Result<(), String> {
    write(shelf, encode(Cow::Borrowed(draft)), on_backup)
}

fn write(
    shelf: &Shelf,
    encoded: Encoded,
    on_backup: impl FnOnce(bool) + 'static,
) -> Result<(), String> {
    let Encoded {
        draft,
        key,
        text,
        value,
    } = encoded;
    // The crash-proof copy first: it is written even when localStorage is full or refused.
    back_up(shelf, key.clone(), value.clone(), Box::new(on_backup));
    let result = local()
        .and_then(|storage| set_item(&storage, &key, &value).map_err(|_| STORAGE_FULL.to_string()));
    super::panic::remember(
        text,
        crate::domain::file::export::file_name(&draft.document, false),
    );
    shelf.0.borrow_mut().written(draft, result.is_err());
    result
}

#[wasm_bindgen]
extern "C" {
    /// localStorage, for reading and writing strings that stay in JavaScript (web-sys's convert them every time).
    type AnyStorage;
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item_value(this: &AnyStorage, key: &str, value: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_value(this: &AnyStorage, key: &str) -> Result<JsValue, JsValue>;
}

fn set_item(storage: &web_sys::Storage, key: &str, value: &JsValue) -> Result<(), JsValue> {
    storage
        .unchecked_ref::<AnyStorage>()
        .set_item_value(key, value)
}

/// `Storage.getItem`, the text left in JavaScript.
fn get_item(storage: &web_sys::Storage, key: &str) -> Option<js_sys::JsString> {
    let value = storage
        .unchecked_ref::<AnyStorage>()
        .get_item_value(key)
        .ok()?;
    value.dyn_into().ok()
}

/// The start of a stored text, where its save time is (`drafts::saved_at_of`).
fn head(text: &js_sys::JsString) -> String {
    text.slice(0, 120).into()
}

fn back_up(shelf: &Shelf, key: String, value: JsValue, on_done: Box<dyn FnOnce(bool)>) {
    if !shelf.0.borrow_mut().back_up(key, (value, on_done)) {
        return;
    }
    let shelf = shelf.clone();
    wasm_bindgen_futures::spawn_local(async move {
        loop {
            let next = shelf.0.borrow_mut().next_backup();
            let Some((key, (value, on_done))) = next else {
                break;
            };
            on_done(durable::write_value(durable::DRAFTS, &key, &value).await);
        }
    });
}

/// After a crash or an eviction: puts back into localStorage every draft whose IndexedDB copy is newer, or
/// missing there. Returns how many were missing altogether (the browser had cleared them), for telling the user.
pub async fn recover() -> usize {
    let mut missing = 0;
    let Ok(storage) = local() else { return 0 };
    for (key, text) in durable::all(durable::DRAFTS).await {
        if drafts::id_of_key(&key).is_none() && register::id_of_key(&key).is_none() {
            continue;
        }
        // Judged by the save times at the start of each text: nothing is parsed at start-up.
        let Some(kept_at) = drafts::saved_at_of(&text).map(instant_millis) else {
            continue;
        };
        let current = storage.get_item(&key).ok().flatten();
        let newer = match current.as_deref().map(drafts::saved_at_of) {
            Some(Some(at)) => kept_at > instant_millis(at),
            Some(None) => true,
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

/// Hands a draft this tab has just made and saved (created or imported) to the page that opens it next, which then
/// need not read back and parse what is already in memory (a big list is megabytes of JSON).
pub fn hand_over(shelf: &Shelf, draft: Draft) {
    shelf.0.borrow_mut().hand_over(draft);
}

/// Opens a draft: this tab's own copy that storage refused, else the newer of the localStorage and IndexedDB
/// copies, read every time (`drafts::newest` says which and what to tell). A newer backup is put back into
/// localStorage where it fits.
pub async fn load(shelf: &Shelf, id: &str) -> Option<Result<Chosen, DraftError>> {
    let key = drafts::key(id);
    // What is stored now is what this tab has seen, whichever copy opens.
    let local_value = local().ok().and_then(|s| get_item(&s, &key));
    let known = (local_value.as_ref().map(head).as_deref())
        .and_then(drafts::saved_at_of)
        .map(str::to_string);
    let kept = shelf.0.borrow().kept(id).cloned();
    if let Some(draft) = kept {
        return Some(Ok(Chosen {
            draft,
            from: Copy::Local,
            notice: None,
            known,
        }));
    }
    let handed = shelf.0.borrow_mut().take_handed(id);
    // Both copies stay JavaScript strings until they are needed whole: a big list is megabytes to convert, and
    // the draft this tab has just handed over needs only their save times.
    let backup = durable::read_value(durable::DRAFTS, &key).await;
    // This tab just made and saved the draft: it needs no reading back, unless another tab saved it since.
    if let Some(draft) = handed {
        let later = |value: &Option<js_sys::JsString>| {
            value
                .as_ref()
                .map(head)
                .as_deref()
                .and_then(drafts::saved_at_of)
                .is_some_and(|at| instant_millis(at) > instant_millis(&draft.saved_at))
        };
        if !later(&local_value) && !later(&backup) {
            return Some(Ok(Chosen {
                draft,
                from: Copy::Local,
                notice: None,
                known,
            }));
        }
    }
    let local_text = local_value.map(String::from);
    let backup = backup.map(String::from);
    let mut chosen = drafts::newest_stored(local_text.as_deref(), backup.as_deref());
    if let Some(Ok(c)) = &mut chosen {
        c.known = known;
        if c.from == Copy::Backup {
            if let Ok(storage) = local() {
                if storage.set_item(&key, &drafts::encode(&c.draft)).is_ok() {
                    c.known = Some(c.draft.saved_at.clone());
                }
            }
        }
    }
    chosen
}

pub fn delete(id: &str) {
    durable::delete(durable::DRAFTS, drafts::key(id));
    if let Ok(storage) = local() {
        let _ = storage.remove_item(&drafts::key(id));
    }
}

/// A stored draft as the start page lists it, or the error that keeps it from opening.
pub type Listed = Result<Draft, (String, DraftError)>;

/// Every draft in localStorage, newest first; one that cannot be read is listed with its error rather than
/// hidden. At once, for the first paint of the start page; `all` adds the backups.
pub fn all_local() -> Vec<Listed> {
    let Ok(storage) = local() else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    let keys: Vec<String> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect();
    let found = keys
        .iter()
        .filter_map(|key| {
            let id = drafts::id_of_key(key)?.to_string();
            let text = storage.get_item(key).ok().flatten()?;
            Some(drafts::decode(&text).map_err(|e| (id, e)))
        })
        .collect();
    newest_first(found)
}

/// Every draft on this computer, each as the newer of its two copies: a draft that only IndexedDB holds (created
/// while localStorage was full) is listed too.
pub async fn all() -> Vec<Listed> {
    let mut ids: Vec<String> = Vec::new();
    let mut backups: Vec<(String, String)> = Vec::new();
    for (key, text) in durable::all(durable::DRAFTS).await {
        if let Some(id) = drafts::id_of_key(&key) {
            ids.push(id.to_string());
            backups.push((id.to_string(), text));
        }
    }
    if let Ok(storage) = local() {
        let count = storage.length().unwrap_or(0);
        ids.extend(
            (0..count)
                .filter_map(|i| storage.key(i).ok().flatten())
                .filter_map(|k| drafts::id_of_key(&k).map(str::to_string)),
        );
    }
    // The app's one sort (`order`): another instantiation of the standard sort costs kilobytes of wasm.
    crate::domain::order::sort_by(&mut ids, Ord::cmp);
    ids.dedup();
    let found = ids
        .into_iter()
        .filter_map(|id| {
            let local = local().ok()?.get_item(&drafts::key(&id)).ok().flatten();
            let chosen = drafts::newest_stored(
                local.as_deref(),
                backups
                    .iter()
                    .find(|(b, _)| *b == id)
                    .map(|(_, t)| t.as_str()),
            )?;
            Some(chosen.map(|c| c.draft).map_err(|e| (id, e)))
        })
        .collect();
    newest_first(found)
}

fn newest_first(mut found: Vec<Listed>) -> Vec<Listed> {
    use crate::domain::dates::instant_millis;
    crate::domain::order::sort_by(&mut found, |a, b| match (a, b) {
        (Ok(a), Ok(b)) => instant_millis(&b.saved_at).cmp(&instant_millis(&a.saved_at)),
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

/// A register's stored text (`domain::register::stored`): the newer of its localStorage and IndexedDB copies, and
/// the save time of localStorage's, which this page has now seen. None when neither holds it.
pub async fn load_register(id: &str) -> Option<(String, Option<String>)> {
    let key = register::key(id);
    let local = local().ok().and_then(|s| s.get_item(&key).ok().flatten());
    let backup = durable::read(durable::DRAFTS, &key).await;
    let known = local
        .as_deref()
        .and_then(drafts::saved_at_of)
        .map(str::to_string);
    let text = register::newest(local.as_deref(), backup.as_deref())?.to_string();
    Some((text, known))
}

/// Saves a register's text to both stores, unless another tab wrote it since this page read or wrote the copy
/// saved at `known`. The error says what happened and what to do; the register stays in the page either way.
pub fn save_register(
    shelf: &Shelf,
    id: &str,
    text: String,
    known: Option<&str>,
) -> Result<(), String> {
    let key = register::key(id);
    if written_elsewhere(&key, known) {
        return Err(register::WRITTEN_ELSEWHERE.to_string());
    }
    let value = JsValue::from_str(&text);
    back_up(shelf, key.clone(), value.clone(), Box::new(|_| {}));
    local().and_then(|s| set_item(&s, &key, &value).map_err(|_| STORAGE_FULL.to_string()))
}

/// Every register in localStorage as the start page lists it, newest first.
pub fn registers() -> Vec<register::Listed> {
    let Ok(storage) = local() else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    let mut found: Vec<register::Listed> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|key| {
            let id = register::id_of_key(&key)?.to_string();
            register::listed(&id, &storage.get_item(&key).ok().flatten()?)
        })
        .collect();
    crate::domain::order::sort_by(&mut found, |a, b| {
        instant_millis(&b.saved_at).cmp(&instant_millis(&a.saved_at))
    });
    found
}

pub fn delete_register(id: &str) {
    durable::delete(durable::DRAFTS, register::key(id));
    if let Ok(storage) = local() {
        let _ = storage.remove_item(&register::key(id));
    }
}
