//! Opening a stored draft for a page (填写, 台账, 打印): the newer of its two stored copies, read again every time
//! the page asks (a reload after another tab saved, a release by another tab).

use std::rc::Rc;

use yew::prelude::*;

use super::web::storage::{self, Shelf};
use crate::domain::editor::drafts::Chosen;

/// What reading the draft gave.
#[derive(Clone, Debug)]
pub enum Loaded {
    /// Still reading (the first time only: a later read keeps showing the last result until it is done).
    Reading,
    Found(Box<Chosen>),
    Missing,
    Unreadable(String),
}

/// The latest read of a draft. Equal when it is the same read, so that a page can key its session on it without
/// comparing documents.
#[derive(Clone, Debug)]
pub struct Stored {
    pub read: u64,
    pub loaded: Rc<Loaded>,
}

impl PartialEq for Stored {
    fn eq(&self, other: &Self) -> bool {
        self.read == other.read
    }
}

impl Stored {
    /// What the user must hear about the copy that opened (the two stored copies differed).
    pub fn notice(&self) -> Option<&str> {
        match &*self.loaded {
            Loaded::Found(chosen) => chosen.notice.as_deref(),
            _ => None,
        }
    }
}

/// Said when a draft is not on this computer.
pub const MISSING: &str =
    "本机没有找到这份草稿。它可能已被删除，或是在另一台电脑、另一个浏览器中保存的。";

/// Reads draft `id`, again whenever `reload` changes.
#[hook]
pub fn use_stored_draft(shelf: &Shelf, id: &str, reload: u32) -> Stored {
    let stored = use_state(|| Stored {
        read: 0,
        loaded: Rc::new(Loaded::Reading),
    });
    let asked = use_mut_ref(|| 0u64);
    {
        let (stored, shelf) = (stored.clone(), shelf.clone());
        use_effect_with((id.to_string(), reload), move |(id, _)| {
            // Only the last read asked for may show: an earlier one that finishes late is dropped.
            let read = {
                let mut asked = asked.borrow_mut();
                *asked += 1;
                *asked
            };
            let id = id.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = match storage::load(&shelf, &id).await {
                    Some(Ok(chosen)) => Loaded::Found(Box::new(chosen)),
                    Some(Err(e)) => Loaded::Unreadable(e.message()),
                    None => Loaded::Missing,
                };
                if *asked.borrow() == read {
                    stored.set(Stored {
                        read,
                        loaded: Rc::new(loaded),
                    });
                }
            });
        });
    }
    (*stored).clone()
}

/// This app's shelf (`storage::Shelf`): the start-up app's, which its root provides, or, on a page of a lazy
/// module (the root of an app of its own), the page's.
#[hook]
pub fn use_shelf() -> Shelf {
    let own = use_memo((), |_| Shelf::default());
    use_context::<Shelf>().unwrap_or_else(|| (*own).clone())
}
