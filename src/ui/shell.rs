//! The editor's shell: carries out the effects of `domain::editor`'s core for a session (`ui::session`) — writes
//! drafts to the stores, runs the save timer, tells the fields and the status line what they must show, and
//! re-renders the page when the shape of the list changed.

use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::Callback;

use super::listeners::{Fields, Listeners};
use super::store::{Store, WeakStore};
use super::typing::Typing;
use super::web::{idle, storage};
use crate::domain::editor::{Effect, Event, Model, Status};

/// What the shell holds besides the model: who listens, the save timer, the text made and the app's shelf.
#[derive(Default)]
pub(super) struct Shell {
    pub(super) fields: Fields,
    pub(super) status: Listeners<Status>,
    pub(super) on_reshape: RefCell<Option<Callback<()>>>,
    pub(super) timer: RefCell<Option<Timeout>>,
    /// The text made for an autosave (`Effect::Encode`), by its number, until the core says to write it.
    pub(super) encoded: RefCell<Option<(u64, storage::Encoded<'static>)>>,
    pub(super) shelf: storage::Shelf,
    /// A field's keys not yet read into the document, read before anything else is asked.
    pub(super) typing: Typing,
}

impl Shell {
    /// Writes a draft's text to both stores, tells the core how it went; never over another tab's newer copy.
    fn write(
        &self,
        store: &Store<Model>,
        encoded: storage::Encoded<'static>,
        known: Option<String>,
    ) {
        let weak = store.downgrade();
        let backed_up = move |ok| send(&weak, Event::BackedUp(ok));
        let result = storage::save_own(&self.shelf, encoded, known.as_deref(), backed_up);
        store.send(Event::Saved(result));
    }
}

pub(super) fn send(store: &WeakStore<Model>, event: Event) {
    if let Some(store) = store.upgrade() {
        store.send(event);
    }
}

/// Carries out one effect of the editor's core.
pub(super) fn carry_out(store: &Store<Model>, shell: &Rc<Shell>, effect: Effect) {
    match effect {
        Effect::Save(draft, known) => {
            shell.write(store, storage::encode(Cow::Owned(*draft)), known)
        }
        Effect::RequestIdle => {
            let idle = store.downgrade();
            if !idle::when_idle(move || send(&idle, Event::Idle)) {
                // No idle callbacks in this browser: the autosave is made at once.
                store.send(Event::Idle);
            }
        }
        Effect::Encode(draft, number) => {
            *shell.encoded.borrow_mut() = Some((number, storage::encode(Cow::Owned(*draft))));
            let weak = store.downgrade();
            Timeout::new(0, move || send(&weak, Event::Encoded(number))).forget();
        }
        Effect::WriteEncoded(number, expected) => {
            let made = shell.encoded.borrow_mut().take();
            match made {
                Some((made, encoded)) if made == number => shell.write(store, encoded, expected),
                // Made for another autosave: the core said which to write, and it is not this one.
                _ => {}
            }
        }
        Effect::SaveIn(ms) => {
            let weak = store.downgrade();
            *shell.timer.borrow_mut() =
                Some(Timeout::new(ms as u32, move || send(&weak, Event::Tick)));
        }
        Effect::Findings(path, findings) => {
            if !shell.fields.tell(&path, findings) {
                // Nobody shows this field any more: the core need not keep track of it.
                store.send(Event::Unwatch(path));
            }
        }
        Effect::Reshaped => {
            let callback = shell.on_reshape.borrow().clone();
            if let Some(callback) = callback {
                callback.emit(());
            }
        }
        Effect::Status(status) => {
            shell.status.tell(status);
        }
    }
}
