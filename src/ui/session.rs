//! The open draft, shared by every component of the editor and the ledger: the shell of `domain::editor`.
//!
//! Every rule — what an edit does, when to save, which fields show what, 撤销, read-only — is the domain's
//! (`domain::editor::update`, tested natively). This file is what components ask of the draft; `ui::shell` carries
//! out the core's effects (writes, the save timer, telling fields and the status line). Who listens is
//! `ui::listeners`.

use std::cell::RefCell;
use std::rc::Rc;

use yew::Callback;

pub use super::listeners::Subscription;
use super::shell::{carry_out, send, Shell};
use super::store::Store;
use super::web::{durable, storage};
use crate::domain::editor::drafts::Draft;
pub use crate::domain::editor::Status;
use crate::domain::editor::{Event, Model};
use crate::domain::list::edit::{Action, Outcome, Refused};
use crate::domain::list::findings::Finding;
use crate::domain::list::model::Document;

/// The session as components hold it (equal when it is the same session).
#[derive(Clone)]
pub struct SessionHandle {
    store: Store<Model>,
    shell: Rc<Shell>,
}

impl PartialEq for SessionHandle {
    fn eq(&self, other: &Self) -> bool {
        self.store == other.store
    }
}

impl SessionHandle {
    /// A session on `draft`, whose stored copy this tab read as saved at `known` (`drafts::Chosen::known`).
    pub fn open(
        shelf: storage::Shelf,
        draft: Draft,
        known: Option<String>,
        on_reshape: Callback<()>,
    ) -> Self {
        super::web::press::follow();
        let store = Store::new(Model::open(draft, super::web::clock::today(), known));
        let shell = Rc::new(Shell {
            on_reshape: RefCell::new(Some(on_reshape)),
            shelf,
            ..Shell::default()
        });
        let carrier = Rc::downgrade(&shell);
        store.carry_out_with(move |store, effect| {
            if let Some(shell) = carrier.upgrade() {
                carry_out(store, &shell, effect);
            }
        });
        // The copy that survives a crash: if the browser refuses it, the user hears at once, not after typing.
        let weak = store.downgrade();
        wasm_bindgen_futures::spawn_local(async move {
            if !durable::available(durable::DRAFTS).await {
                send(&weak, Event::BackedUp(false));
            }
        });
        SessionHandle { store, shell }
    }

    /// A field's keys wait to be read into the document (after the frame that shows them): `read` takes them.
    pub fn typing(&self, read: Rc<dyn Fn()>) {
        self.shell.typing.hold(read);
    }

    /// Sends `event` once any keys still waiting in a field are in the document.
    fn send(&self, event: Event) {
        self.shell.typing.read();
        self.store.send(event);
    }

    /// Reads the model. The closure must not call the session.
    pub fn read<R>(&self, f: impl FnOnce(&Model) -> R) -> R {
        self.store.read(f)
    }

    /// Tells this session's document from the one a previous session of the same page showed.
    pub fn generation(&self) -> u64 {
        self.store.serial()
    }

    pub fn set_read_only(&self, read_only: bool) {
        if self.is_read_only() != read_only {
            self.store.send(Event::ReadOnly(read_only));
        }
    }

    pub fn is_read_only(&self) -> bool {
        self.read(|m| m.read_only)
    }

    /// A change made in a form (`Event::Edit`): what it did.
    pub fn edit(&self, action: Action) -> Outcome {
        self.send(Event::Edit(action));
        self.read(|m| m.last.clone()).unwrap_or(Outcome::Unchanged)
    }

    /// A change that other parts of the page show (`Event::EditAndRefresh`).
    pub fn edit_and_refresh(&self, action: Action) -> Outcome {
        self.send(Event::EditAndRefresh(action));
        self.read(|m| m.last.clone()).unwrap_or(Outcome::Unchanged)
    }

    /// A ledger step: applied and shown, or refused by the domain's rules with every reason, changing nothing.
    pub fn step(&self, action: Action) -> Result<Outcome, Refused> {
        self.send(Event::Step(action));
        self.read(|m| m.last.clone())
    }

    pub fn undo(&self) {
        self.send(Event::Undo);
    }

    /// The user left the field at `path`: its findings are shown (after a press that left it is released).
    pub fn leave(&self, path: &str) {
        let (store, path) = (self.store.clone(), path.to_string());
        super::web::press::after_press(move || store.send(Event::Leave(path)));
    }

    pub fn check_all(&self) {
        self.send(Event::CheckAll);
    }

    pub fn set_unreadable(&self, path: &str, unreadable: bool) {
        self.store
            .send(Event::Unreadable(path.to_string(), unreadable));
    }

    /// A field on the page hears of its findings through `callback` for as long as the subscription lives.
    /// Returns what it should show now.
    pub fn subscribe(
        &self,
        path: &str,
        callback: Callback<Vec<Finding>>,
    ) -> (Vec<Finding>, Subscription) {
        let (first, subscription) = self.shell.fields.subscribe(path, callback);
        if first {
            self.store.send(Event::Watch(path.to_string()));
        }
        (self.read(|m| m.shown_at(path)), subscription)
    }

    /// The status bar hears of the status through `callback` for as long as the subscription lives.
    pub fn listen_status(&self, callback: Callback<Status>) -> (Status, Subscription) {
        let subscription = self.shell.status.add(callback);
        (self.read(|m| m.status.clone()), subscription)
    }

    /// Writes the draft now (leaving the page, exporting).
    pub fn save_now(&self) {
        self.send(Event::SaveNow);
    }

    /// Forgets a change still waiting to be saved: the stored draft was replaced from another tab.
    pub fn discard_pending(&self) {
        self.shell.encoded.take();
        self.shell.typing.forget();
        self.store.send(Event::DiscardPending);
    }

    /// Saves now if a change is still waiting to be saved (the editor closes, the page is hidden): also an
    /// autosave still waiting for an idle moment.
    pub fn flush(&self) {
        self.send(Event::Flush);
    }

    /// Replaces the document (after an export updated its revision and meta) and saves it.
    pub fn replace_document(&self, doc: Document) {
        self.send(Event::Exported(Box::new(doc)));
    }
}
