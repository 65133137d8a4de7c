//! The open draft, shared by every component of the editor.
//!
//! Typing goes straight into the document and re-renders nothing: fields keep their own text. A field's findings
//! are recomputed when it is left (or on 检查), and only fields whose findings changed are told, so a list of 600
//! measures types as fast as a list of one. Every change is saved to the browser's storage within a second.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::Callback;

use super::web::{clock, durable, storage};
use crate::domain::autosave::Autosave;
use crate::domain::drafts::Draft;
use crate::domain::edit::{apply, Action, Outcome, Removed};
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

pub struct Session {
    pub doc: Document,
    pub report: Rc<Report>,
    /// After 检查, every field shows its findings; before, only fields that were left once.
    pub checked_all: bool,
    touched: HashSet<String>,
    fields: HashMap<String, (Callback<Vec<Finding>>, Vec<Finding>)>,
    status_listener: Option<Callback<Status>>,
    status: Status,
    status_changed: bool,
    save_timer: Option<Timeout>,
    autosave: Autosave,
    /// Date fields whose text the browser's date picker could not read.
    unreadable: HashSet<String>,
    /// Tells this session's document from the one a previous session of the same page showed.
    pub generation: u64,
    /// The last removal, for 撤销.
    pub undo: Option<Removed>,
    /// Another tab edits this draft: this one shows it and changes nothing.
    read_only: bool,
    /// Re-renders the editor when the shape of the list changed.
    on_reshape: Callback<()>,
    this: std::rc::Weak<RefCell<Session>>,
}

/// The session as components hold it (equal when it is the same session).
#[derive(Clone)]
pub struct SessionHandle(pub Rc<RefCell<Session>>);

impl PartialEq for SessionHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl SessionHandle {
    pub fn open(draft: Draft, on_reshape: Callback<()>) -> Self {
        let report = Rc::new(validate(&draft.document, clock::today()));
        let rc = Rc::new_cyclic(|this| {
            RefCell::new(Session {
                doc: draft.document,
                report,
                checked_all: false,
                touched: HashSet::new(),
                fields: HashMap::new(),
                status_listener: None,
                status: Status {
                    saved_at: draft.saved_at,
                    ..Status::default()
                },
                status_changed: false,
                save_timer: None,
                autosave: Autosave::default(),
                unreadable: HashSet::new(),
                generation: next_generation(),
                undo: None,
                read_only: false,
                on_reshape,
                this: this.clone(),
            })
        });
        rc.borrow_mut().refresh_status();
        let handle = SessionHandle(rc);
        // The copy that survives a crash: if the browser refuses it, the user hears at once, not after typing.
        let weak = Rc::downgrade(&handle.0);
        wasm_bindgen_futures::spawn_local(async move {
            if !durable::available(durable::DRAFTS).await {
                backup_result(&weak, false);
            }
        });
        handle
    }

    /// Whether this tab may change the draft (another tab may be editing it).
    pub fn set_read_only(&self, read_only: bool) {
        self.0.borrow_mut().read_only = read_only;
    }

    pub fn is_read_only(&self) -> bool {
        self.0.borrow().read_only
    }

    /// Applies a user's change. Typing (`Outcome::Changed`) only schedules a save.
    pub fn edit(&self, action: Action) -> Outcome {
        if self.is_read_only() {
            return Outcome::Unchanged;
        }
        let outcome = {
            let mut s = self.0.borrow_mut();
            let outcome = apply(&mut s.doc, action);
            if outcome != Outcome::Unchanged {
                s.schedule_save();
            }
            if let Outcome::Removed(removed) = &outcome {
                s.undo = Some((**removed).clone());
            }
            outcome
        };
        if matches!(outcome, Outcome::Reshaped | Outcome::Removed(_)) {
            self.revalidate();
            let on_reshape = self.0.borrow().on_reshape.clone();
            on_reshape.emit(());
        }
        self.flush_status();
        outcome
    }

    /// Applies a change that other parts of the page show (an acknowledgement, a category): re-checks and
    /// re-renders the editor.
    pub fn edit_and_refresh(&self, action: Action) {
        let outcome = self.edit(action);
        if outcome == Outcome::Changed {
            self.revalidate();
            let on_reshape = self.0.borrow().on_reshape.clone();
            on_reshape.emit(());
        }
    }

    /// Puts back the last removal.
    pub fn undo(&self) {
        let removed = self.0.borrow_mut().undo.take();
        if let Some(removed) = removed {
            self.edit(Action::Restore(Box::new(removed)));
            self.0.borrow_mut().undo = None;
        }
    }

    /// A date field's text could (or could not) be read by the browser's date picker.
    pub fn set_unreadable(&self, path: &str, unreadable: bool) {
        let mut s = self.0.borrow_mut();
        if unreadable {
            s.unreadable.insert(path.to_string());
        } else {
            s.unreadable.remove(path);
        }
    }

    /// A field was left: from now on it shows its findings.
    pub fn leave(&self, path: &str) {
        self.0.borrow_mut().touched.insert(path.to_string());
        self.revalidate();
    }

    /// 检查: every field shows its findings.
    pub fn check_all(&self) {
        self.0.borrow_mut().checked_all = true;
        self.revalidate();
    }

    /// Recomputes the report and tells the fields whose shown findings changed.
    pub fn revalidate(&self) {
        let notices: Vec<(Callback<Vec<Finding>>, Vec<Finding>)> = {
            let mut s = self.0.borrow_mut();
            let mut report = validate(&s.doc, clock::today());
            for path in &s.unreadable {
                mark_unreadable_date(&mut report, path);
            }
            s.report = Rc::new(report);
            s.refresh_status();
            let report = s.report.clone();
            let checked_all = s.checked_all;
            let touched = std::mem::take(&mut s.touched);
            let mut notices = Vec::new();
            for (path, (callback, shown)) in s.fields.iter_mut() {
                let now: Vec<Finding> = if checked_all || touched.contains(path) {
                    report.at(path).cloned().collect()
                } else {
                    Vec::new()
                };
                if now != *shown {
                    *shown = now.clone();
                    notices.push((callback.clone(), now));
                }
            }
            s.touched = touched;
            notices
        };
        for (callback, findings) in notices {
            callback.emit(findings);
        }
        self.flush_status();
    }

    /// Tells the status listener, outside any borrow of the session: a listener may re-render at once, and the
    /// render reads the session.
    fn flush_status(&self) {
        let pending = {
            let mut s = self.0.borrow_mut();
            if !s.status_changed {
                return;
            }
            s.status_changed = false;
            s.status_listener.clone().map(|l| (l, s.status.clone()))
        };
        if let Some((listener, status)) = pending {
            listener.emit(status);
        }
    }

    /// A field on the page; it hears of its findings through `callback`. Returns what it should show now.
    pub fn subscribe(&self, path: &str, callback: Callback<Vec<Finding>>) -> Vec<Finding> {
        let mut s = self.0.borrow_mut();
        let shown: Vec<Finding> = if s.checked_all || s.touched.contains(path) {
            s.report.at(path).cloned().collect()
        } else {
            Vec::new()
        };
        s.fields.insert(path.to_string(), (callback, shown.clone()));
        shown
    }

    pub fn unsubscribe(&self, path: &str) {
        self.0.borrow_mut().fields.remove(path);
    }

    pub fn listen_status(&self, callback: Callback<Status>) -> Status {
        let mut s = self.0.borrow_mut();
        s.status_listener = Some(callback);
        s.status.clone()
    }

    /// Writes the draft now (leaving the page, exporting).
    pub fn save_now(&self) {
        {
            let mut s = self.0.borrow_mut();
            s.save_timer = None;
            s.autosave.saved();
            s.save();
        }
        self.flush_status();
    }

    /// Forgets a change still waiting to be saved: the stored draft was replaced from another tab, and what this
    /// session holds must not be written over it.
    pub fn discard_pending(&self) {
        let mut s = self.0.borrow_mut();
        s.save_timer = None;
        s.autosave.saved();
    }

    /// Saves now if a change is still waiting to be saved (the editor closes, the page is hidden).
    pub fn flush(&self) {
        if self.0.borrow().autosave.pending() {
            self.save_now();
        }
    }

    /// Replaces the document (after an export updated its revision and meta) and saves it.
    pub fn replace_document(&self, doc: Document) {
        self.0.borrow_mut().doc = doc;
        self.save_now();
        self.0.borrow_mut().status.unexported = 0;
        self.0.borrow_mut().status_changed = true;
        self.flush_status();
    }
}

impl Session {
    fn schedule_save(&mut self) {
        let this = self.this.clone();
        let delay = self.autosave.changed(js_sys::Date::now() as u64);
        self.save_timer = Some(Timeout::new(delay as u32, move || {
            if let Some(rc) = this.upgrade() {
                SessionHandle(rc).save_now();
            }
        }));
    }

    fn save(&mut self) {
        let saved_at = clock::now_text();
        let draft = Draft {
            document: self.doc.clone(),
            saved_at: saved_at.clone(),
        };
        let this = self.this.clone();
        match storage::save(&draft, move |ok| backup_result(&this, ok)) {
            Ok(()) => {
                self.status.saved_at = saved_at;
                self.status.save_error = None;
                self.status.unexported += 1;
            }
            Err(message) => self.status.save_error = Some(message),
        }
        self.status_changed = true;
    }

    fn refresh_status(&mut self) {
        self.status.progress = progress(&self.doc);
        self.status.errors = self.report.error_count();
        self.status.warnings = self.report.open_warning_count();
        self.status_changed = true;
    }
}

/// What the IndexedDB copy did, told to the session if it is still open.
fn backup_result(session: &std::rc::Weak<RefCell<Session>>, ok: bool) {
    let Some(rc) = session.upgrade() else { return };
    let error = (!ok).then(|| storage::NO_BACKUP.to_string());
    {
        let mut s = rc.borrow_mut();
        if s.status.backup_error == error {
            return;
        }
        s.status.backup_error = error;
        s.status_changed = true;
    }
    SessionHandle(rc).flush_status();
}

thread_local! {
    static GENERATION: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

fn next_generation() -> u64 {
    GENERATION.with(|g| {
        g.set(g.get() + 1);
        g.get()
    })
}
