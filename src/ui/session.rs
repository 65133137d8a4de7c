//! The open draft, shared by every component of the editor and the ledger.
//!
//! Typing goes straight into the document and re-renders nothing: fields keep their own text. A field's findings
//! are recomputed when it is left (or on 检查), and only the fields whose findings changed are told, so a list of
//! 600 measures types as fast as a list of one. Every change is saved to the browser's storage within a second.
//!
//! How the state is kept, and why it cannot panic: one `RefCell` holds it, and every access goes through `read` or
//! `update`, each taking a closure over the state alone. What subscribers must hear is put in an outbox during the
//! update and told only after the borrow has ended, so no callback ever runs while the state is borrowed, and a
//! subscriber may call the session again (edit, subscribe, unsubscribe) as it hears. A subscription is a token:
//! a field may have several subscribers, and dropping a token ends that one subscription and no other.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::{Rc, Weak};

use gloo::timers::callback::Timeout;
use yew::Callback;

use super::web::{clock, durable, storage};
use crate::domain::autosave::Autosave;
use crate::domain::drafts::Draft;
use crate::domain::edit::{apply, Action, Outcome, Refused, Undo};
use crate::domain::findings::{Finding, Report};
use crate::domain::model::Document;
use crate::domain::progress::{progress, Progress};
use crate::domain::validate::{mark_unreadable_date, validate};

/// What the editor shows around the fields: how far the list is, and whether saving works.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Status {
    pub progress: Progress,
    pub errors: usize,
    pub warnings: usize,
    pub saved_at: String,
    pub save_error: Option<String>,
    /// IndexedDB, the copy that survives a crash, cannot be used or refused a write.
    pub backup_error: Option<String>,
    /// Saves since the last export in this tab: after many, the user is reminded to export.
    pub unexported: u32,
}

/// The state of the open draft, as pages read it.
pub struct State {
    pub doc: Document,
    pub report: Rc<Report>,
    /// After 检查, every field shows its findings; before, only fields that were left once.
    pub checked_all: bool,
    /// The last removal, for 撤销.
    pub undo: Option<Undo>,
    /// Tells this session's document from the one a previous session of the same page showed.
    pub generation: u64,
    /// Another tab edits this draft: this one shows it and changes nothing.
    pub read_only: bool,
    /// A member's own list (`Draft::personal`): the editor shows that member alone.
    pub personal: bool,
    touched: HashSet<String>,
    /// Date fields whose text the browser's date picker could not read.
    unreadable: HashSet<String>,
    status: Status,
    autosave: Autosave,
    save_timer: Option<Timeout>,
}

/// One subscriber: what it was last told, and whether its token still lives.
struct Subscriber<T> {
    callback: Callback<T>,
    shown: T,
    alive: Rc<Cell<bool>>,
}

/// A subscription; dropping it ends it. It needs no access to the session, so it can be dropped at any moment,
/// even while the session is busy: the session forgets ended subscriptions the next time it tells anyone.
pub struct Subscription {
    alive: Rc<Cell<bool>>,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        self.alive.set(false);
    }
}

/// Something to tell a subscriber once the state is no longer borrowed.
enum Notice {
    Findings(Callback<Vec<Finding>>, Vec<Finding>),
    Status(Callback<Status>, Status),
    Reshaped(Callback<()>),
}

struct Inner {
    state: State,
    fields: HashMap<String, Vec<Subscriber<Vec<Finding>>>>,
    status_listeners: Vec<Subscriber<Status>>,
    status_changed: bool,
    /// Re-renders the page when the shape of the list changed.
    on_reshape: Callback<()>,
    outbox: Vec<Notice>,
    this: Weak<RefCell<Inner>>,
}

/// The session as components hold it (equal when it is the same session).
#[derive(Clone)]
pub struct SessionHandle(Rc<RefCell<Inner>>);

impl PartialEq for SessionHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl SessionHandle {
    pub fn open(draft: Draft, on_reshape: Callback<()>) -> Self {
        let report = Rc::new(validate(&draft.document, clock::today()));
        let rc = Rc::new_cyclic(|this| {
            RefCell::new(Inner {
                state: State {
                    doc: draft.document,
                    report,
                    checked_all: false,
                    undo: None,
                    generation: next_generation(),
                    read_only: false,
                    personal: draft.personal,
                    touched: HashSet::new(),
                    unreadable: HashSet::new(),
                    status: Status {
                        saved_at: draft.saved_at,
                        ..Status::default()
                    },
                    autosave: Autosave::default(),
                    save_timer: None,
                },
                fields: HashMap::new(),
                status_listeners: Vec::new(),
                status_changed: false,
                on_reshape,
                outbox: Vec::new(),
                this: this.clone(),
            })
        });
        let handle = SessionHandle(rc);
        handle.update(|inner| inner.refresh_status());
        // The copy that survives a crash: if the browser refuses it, the user hears at once, not after typing.
        let weak = Rc::downgrade(&handle.0);
        wasm_bindgen_futures::spawn_local(async move {
            if !durable::available(durable::DRAFTS).await {
                backup_result(&weak, false);
            }
        });
        handle
    }

    /// Reads the state. The closure must not call the session.
    pub fn read<R>(&self, f: impl FnOnce(&State) -> R) -> R {
        f(&self.0.borrow().state)
    }

    /// Changes the state, then tells every subscriber what it must hear, after the borrow has ended.
    fn update<R>(&self, f: impl FnOnce(&mut Inner) -> R) -> R {
        let (result, notices) = {
            let mut inner = self.0.borrow_mut();
            let result = f(&mut inner);
            inner.post_status();
            (result, std::mem::take(&mut inner.outbox))
        };
        for notice in notices {
            match notice {
                Notice::Findings(callback, findings) => callback.emit(findings),
                Notice::Status(callback, status) => callback.emit(status),
                Notice::Reshaped(callback) => callback.emit(()),
            }
        }
        result
    }

    /// Whether this tab may change the draft (another tab may be editing it).
    pub fn set_read_only(&self, read_only: bool) {
        self.update(|inner| inner.state.read_only = read_only);
    }

    pub fn is_read_only(&self) -> bool {
        self.read(|s| s.read_only)
    }

    /// Applies a change made in a form. Typing (`Outcome::Changed`) only schedules a save; a change of shape
    /// re-checks the list and re-renders the page. What a form changes is never refused (a half-written list is
    /// kept and checked, not rejected): only the ledger's steps have rules of their own, and they go by `step`.
    pub fn edit(&self, action: Action) -> Outcome {
        self.update(|inner| inner.edit(action, false))
            .unwrap_or(Outcome::Unchanged)
    }

    /// Applies a change that other parts of the page show (an acknowledgement, a category): re-checks and
    /// re-renders the page whatever it changed.
    pub fn edit_and_refresh(&self, action: Action) -> Outcome {
        self.update(|inner| inner.edit(action, true))
            .unwrap_or(Outcome::Unchanged)
    }

    /// A ledger step (a progress note, an extension, a closing): applied and shown, or refused by the domain's
    /// rules with every reason, changing nothing.
    pub fn step(&self, action: Action) -> Result<Outcome, Refused> {
        self.update(|inner| inner.edit(action, true))
    }

    /// Puts back the last removal (or takes back the last gathering), and saves at once: a whole-list step.
    pub fn undo(&self) {
        self.update(|inner| {
            if let Some(removed) = inner.state.undo.take() {
                // A restore has no rules that could refuse it.
                let _ = inner.edit(Action::Restore(Box::new(removed)), false);
                inner.state.undo = None;
                inner.save();
            }
        });
    }

    /// A field was left: from now on it shows its findings.
    pub fn leave(&self, path: &str) {
        self.update(|inner| {
            inner.state.touched.insert(path.to_string());
            inner.revalidate();
        });
    }

    /// 检查: every field shows its findings.
    pub fn check_all(&self) {
        self.update(|inner| {
            inner.state.checked_all = true;
            inner.revalidate();
        });
    }

    /// A date field's text could (or could not) be read by the browser's date picker.
    pub fn set_unreadable(&self, path: &str, unreadable: bool) {
        self.update(|inner| {
            let set = &mut inner.state.unreadable;
            if unreadable {
                set.insert(path.to_string());
            } else {
                set.remove(path);
            }
        });
    }

    /// A field on the page hears of its findings through `callback` for as long as the subscription lives.
    /// Returns what it should show now.
    pub fn subscribe(
        &self,
        path: &str,
        callback: Callback<Vec<Finding>>,
    ) -> (Vec<Finding>, Subscription) {
        self.update(|inner| {
            let shown = inner.shown_at(path);
            let alive = Rc::new(Cell::new(true));
            inner
                .fields
                .entry(path.to_string())
                .or_default()
                .push(Subscriber {
                    callback,
                    shown: shown.clone(),
                    alive: alive.clone(),
                });
            (shown, Subscription { alive })
        })
    }

    /// The status bar hears of the status through `callback` for as long as the subscription lives.
    pub fn listen_status(&self, callback: Callback<Status>) -> (Status, Subscription) {
        self.update(|inner| {
            let alive = Rc::new(Cell::new(true));
            let status = inner.state.status.clone();
            inner.status_listeners.push(Subscriber {
                callback,
                shown: status.clone(),
                alive: alive.clone(),
            });
            (status, Subscription { alive })
        })
    }

    /// Writes the draft now (leaving the page, exporting).
    pub fn save_now(&self) {
        self.update(Inner::save);
    }

    /// Forgets a change still waiting to be saved: the stored draft was replaced from another tab, and what this
    /// session holds must not be written over it.
    pub fn discard_pending(&self) {
        self.update(|inner| {
            inner.state.save_timer = None;
            inner.state.autosave.saved();
        });
    }

    /// Saves now if a change is still waiting to be saved (the editor closes, the page is hidden).
    pub fn flush(&self) {
        self.update(|inner| {
            if inner.state.autosave.pending() {
                inner.save();
            }
        });
    }

    /// Replaces the document (after an export updated its revision and meta) and saves it.
    pub fn replace_document(&self, doc: Document) {
        self.update(|inner| {
            inner.state.doc = doc;
            inner.save();
            inner.state.status.unexported = 0;
            inner.status_changed = true;
        });
    }
}

impl Inner {
    fn edit(&mut self, action: Action, refresh: bool) -> Result<Outcome, Refused> {
        if self.state.read_only {
            return Ok(Outcome::Unchanged);
        }
        let outcome = apply(&mut self.state.doc, action)?;
        if outcome != Outcome::Unchanged {
            self.schedule_save();
        }
        // 撤销 of a gathering puts back every member as it was: once anything else is changed it would take that
        // change back too, so it is no longer offered (a removal's 撤销 puts back only what was removed).
        let gathering_undone = matches!(outcome, Outcome::Changed | Outcome::Reshaped)
            && matches!(self.state.undo, Some(Undo::Gathering { .. }));
        if gathering_undone {
            self.state.undo = None;
        }
        if let Outcome::Undoable(removed) = &outcome {
            self.state.undo = Some((**removed).clone());
        }
        let reshaped =
            gathering_undone || matches!(outcome, Outcome::Reshaped | Outcome::Undoable(_));
        if reshaped || (refresh && outcome == Outcome::Changed) {
            self.revalidate();
            self.outbox.push(Notice::Reshaped(self.on_reshape.clone()));
        }
        Ok(outcome)
    }

    /// What the field of `path` shows now: its findings once it was left or after 检查, else nothing.
    fn shown_at(&self, path: &str) -> Vec<Finding> {
        let s = &self.state;
        if s.checked_all || s.touched.contains(path) {
            s.report.at(path).cloned().collect()
        } else {
            Vec::new()
        }
    }

    /// Recomputes the report and tells the fields whose shown findings changed.
    fn revalidate(&mut self) {
        let mut report = validate(&self.state.doc, clock::today());
        for path in &self.state.unreadable {
            mark_unreadable_date(&mut report, path);
        }
        self.state.report = Rc::new(report);
        self.refresh_status();
        let mut fields = std::mem::take(&mut self.fields);
        fields.retain(|path, subscribers| {
            subscribers.retain(|s| s.alive.get());
            if subscribers.is_empty() {
                return false;
            }
            let now = self.shown_at(path);
            for s in subscribers.iter_mut().filter(|s| s.shown != now) {
                s.shown = now.clone();
                self.outbox
                    .push(Notice::Findings(s.callback.clone(), now.clone()));
            }
            true
        });
        self.fields = fields;
    }

    fn refresh_status(&mut self) {
        let s = &mut self.state;
        s.status.progress = progress(&s.doc);
        s.status.errors = s.report.error_count();
        s.status.warnings = s.report.open_warning_count();
        self.status_changed = true;
    }

    /// Puts the status in the outbox of every listener that has not heard it yet.
    fn post_status(&mut self) {
        if !std::mem::take(&mut self.status_changed) {
            return;
        }
        let status = &self.state.status;
        self.status_listeners.retain(|l| l.alive.get());
        for l in self
            .status_listeners
            .iter_mut()
            .filter(|l| l.shown != *status)
        {
            l.shown = status.clone();
            self.outbox
                .push(Notice::Status(l.callback.clone(), status.clone()));
        }
    }

    fn schedule_save(&mut self) {
        let this = self.this.clone();
        let delay = self.state.autosave.changed(js_sys::Date::now() as u64);
        self.state.save_timer = Some(Timeout::new(delay as u32, move || {
            if let Some(rc) = this.upgrade() {
                SessionHandle(rc).save_now();
            }
        }));
    }

    fn save(&mut self) {
        let s = &mut self.state;
        s.save_timer = None;
        s.autosave.saved();
        let saved_at = clock::now_text();
        let draft = Draft {
            document: s.doc.clone(),
            saved_at: saved_at.clone(),
            personal: s.personal,
        };
        let this = self.this.clone();
        match storage::save(&draft, move |ok| backup_result(&this, ok)) {
            Ok(()) => {
                s.status.saved_at = saved_at;
                s.status.save_error = None;
                s.status.unexported += 1;
            }
            Err(message) => s.status.save_error = Some(message),
        }
        self.status_changed = true;
    }
}

/// What the IndexedDB copy did, told to the session if it is still open.
fn backup_result(session: &Weak<RefCell<Inner>>, ok: bool) {
    let Some(rc) = session.upgrade() else { return };
    let error = (!ok).then(|| storage::NO_BACKUP.to_string());
    SessionHandle(rc).update(|inner| {
        if inner.state.status.backup_error != error {
            inner.state.status.backup_error = error;
            inner.status_changed = true;
        }
    });
}

thread_local! {
    static GENERATION: Cell<u64> = const { Cell::new(0) };
}

fn next_generation() -> u64 {
    GENERATION.with(|g| {
        g.set(g.get() + 1);
        g.get()
    })
}
