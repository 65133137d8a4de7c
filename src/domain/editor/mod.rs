//! The editor's state machine: one open draft, everything around its changes, and nothing of the web.
//!
//! In the style of crux's core: the page sends an `Event` (an edit, a field left, 检查, 撤销, a timer that fired,
//! what the store said of a save, another tab taking over), `update` changes the `Model` and says what the shell
//! must do as `Effect`s (write this draft, call me back in N ms, show these findings at this field, the shape of
//! the list changed, the status changed). The shell (`ui::shell`) only carries effects out: it holds no rule.
//!
//! To follow one keystroke: after the frame that shows it, the field sends `Event::Edit(Action::SetMeasure(…))`; `edit::apply` changes the
//! document; the autosave clock (`autosave`) says when to save, as `Effect::SaveIn(ms)`; when the shell's timer
//! fires it sends `Event::Tick`, and once the save is due `update` asks for the browser's idle moment
//! (`Effect::RequestIdle`); then `Event::Idle` gives `Effect::Encode(draft, n)`, the shell makes the text and sends
//! `Event::Encoded(n)` in the next task, which gives `Effect::WriteEncoded(n, …)` unless something newer came between;
//! the shell writes both stores and sends `Event::Saved(result)` and later `Event::BackedUp(ok)`, which set the
//! status line.

pub mod autosave;
pub mod drafts;
pub mod route;
pub mod shelf;
pub mod tab;

use std::collections::HashSet;
use std::rc::Rc;

use chrono::NaiveDate;

use crate::domain::core::Core;
pub use crate::domain::core::Now;
use crate::domain::editor::autosave::{Autosave, OnItsWay};
use crate::domain::editor::drafts::Draft;
use crate::domain::list::edit::{apply, Action, HeaderField, MemberField, Outcome, Refused, Undo};
use crate::domain::list::findings::{Finding, Report};
use crate::domain::list::model::Document;
use crate::domain::list::progress::{progress, Progress};
use crate::domain::list::validate::{mark_unreadable_date, validate};

/// What the editor shows around the fields: how far the list is, and whether saving works.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Status {
    pub progress: Progress,
    pub errors: usize,
    pub warnings: usize,
    /// When the draft was last written (its save time), "" before the first save of this session.
    pub saved_at: String,
    /// The regular store (localStorage) refused the last save: why, in Chinese.
    pub save_error: Option<String>,
    /// The copy that survives a crash (IndexedDB) cannot be used or refused a write.
    pub backup_error: Option<String>,
    /// Saves since the last export in this tab: after many, the user is reminded to export.
    pub unexported: u32,
    /// Why the last step that adds much at once (pasted rows, gathered lists) was not made, until the next edit.
    pub refused: Option<String>,
    /// Whether the counts of errors and warnings are said: always on a branch's list (how far it is); on a
    /// member's own list only once a field was left or 检查 pressed, so that a blank form does not greet the member
    /// with 6个错误 before anything is typed.
    pub counts_shown: bool,
}

/// Said when the crash-proof copy cannot be written.
pub const NO_BACKUP: &str = "浏览器不允许本程序使用备份存储（IndexedDB），可能处于无痕/隐私模式或禁用了网站数据。您输入的内容仍会保存在浏览器的常规存储中，但浏览器意外关闭时最近几秒的修改可能丢失。请及时“导出JSON”保存到文件。";

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// A change made in a form. Typing (`Outcome::Changed`) only schedules a save; a change of shape re-checks
    /// the list and reshapes the page. What a form changes is never refused.
    Edit(Action),
    /// A change that other parts of the page show (an acknowledgement, a category, an answer left): re-checks and
    /// reshapes whatever it changed.
    EditAndRefresh(Action),
    /// A ledger step (a note, an extension, a closing): applied and shown, or refused with every reason.
    Step(Action),
    /// A field was left: from now on it shows its findings.
    Leave(String),
    /// 检查: every field shows its findings.
    CheckAll,
    /// 撤销: puts back the last removal or takes back the last gathering.
    Undo,
    /// A date field's text could (`false`) or could not (`true`) be read by the browser's date picker.
    Unreadable(String, bool),
    /// The page shows the findings of this field (sent once per field shown) — or no longer does.
    Watch(String),
    Unwatch(String),
    /// The timer asked for by `Effect::SaveIn` fired.
    Tick,
    /// Save now (leaving the page, before an export).
    SaveNow,
    /// Save now if a change waits (the page is hidden or closed).
    Flush,
    /// What the regular store said of the last `Effect::Save`.
    Saved(Result<(), String>),
    /// What the crash-proof store said of a save (or that it cannot be used at all).
    BackedUp(bool),
    /// Another tab edits this draft (`true`), or this tab edits it again.
    ReadOnly(bool),
    /// The stored draft was replaced from another tab: a change waiting here must not be written over it.
    DiscardPending,
    /// The browser's idle moment asked for by `Effect::RequestIdle` came: the autosave waiting is made into text.
    Idle,
    /// The task after the autosave with this number was made into text (`Effect::Encode`): it is written now,
    /// unless something newer took its place meanwhile.
    Encoded(u64),
    /// An export raised the revision and sealed the document: keep it and save it.
    Exported(Box<Document>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Write this draft to both stores, then send `Event::Saved` (and `Event::BackedUp` when the copy is done) —
    /// unless the stored copy is no longer the one saved at `.1`, which this tab last read or wrote: another tab
    /// wrote it since (`drafts::written_elsewhere`), and then the save fails with that reason.
    Save(Box<Draft>, Option<String>),
    /// Send `Event::Idle` in the browser's next idle moment (within `autosave::IDLE_WAIT_MS`; at once where the
    /// browser has no idle callbacks). The autosave of steady typing waits for it: written at once it could fall
    /// just before a key and hold that key's frame back (`autosave::OnItsWay` says which copy is written when).
    RequestIdle,
    /// Make this draft into the text the stores keep, as autosave number `.1`, and send `Event::Encoded(.1)` in
    /// the task after: the two halves of an autosave are a task each, so a key waits for one at most.
    Encode(Box<Draft>, u64),
    /// Write the text made for autosave number `.0` to both stores, then send `Event::Saved` (and
    /// `Event::BackedUp`), as `Save` does, expecting the stored copy saved at `.1`.
    WriteEncoded(u64, Option<String>),
    /// Send `Event::Tick` in this many milliseconds (replacing any timer asked for before).
    SaveIn(u64),
    /// The field of this path now shows these findings.
    Findings(String, Vec<Finding>),
    /// Something was added, removed or moved: the page re-renders its parts.
    Reshaped,
    /// The status line changed.
    Status(Status),
}

/// The open draft and everything the editor knows about it.
#[derive(Clone, Debug)]
pub struct Model {
    pub doc: Document,
    pub report: Rc<Report>,
    /// After 检查, every field shows its findings; before, only fields that were left once.
    pub checked_all: bool,
    /// The last removal or gathering, for 撤销.
    pub undo: Option<Undo>,
    /// Another tab edits this draft: this one shows it and changes nothing.
    pub read_only: bool,
    /// A member's own list (`Draft::personal`): the editor shows that member alone.
    pub personal: bool,
    pub status: Status,
    /// What the last `Edit`, `EditAndRefresh` or `Step` did.
    pub last: Result<Outcome, Refused>,
    touched: HashSet<String>,
    /// Date fields whose text the browser's date picker could not read.
    unreadable: HashSet<String>,
    /// The fields the page shows, each with what it shows now (a list: it is only ever walked whole).
    watched: Vec<(String, Vec<Finding>)>,
    autosave: Autosave,
    /// When the waiting change is due to be saved (on the `Now::millis` clock).
    save_due: Option<u64>,
    /// When the shell's timer will send `Tick`: asked for again only when a save comes due sooner, so steady
    /// typing does not re-arm a timer on every key.
    armed: Option<u64>,
    /// The save time of the save under way, and whether it is the one an export asked for.
    saving: Option<(String, bool)>,
    /// The autosave on its way: the draft waiting for an idle moment, or the number of the one made into text.
    on_its_way: OnItsWay<Box<Draft>, u64>,
    /// Whether an idle moment was asked for and has not come yet.
    idle_asked: bool,
    /// The number of the last autosave made into text.
    encoded: u64,
    /// The save time of the stored copy as this tab last read or wrote it (`None`: there was none, or it is kept
    /// in memory): a stored copy saved at another time was written by another tab since.
    known: Option<String>,
}

impl Model {
    /// The editor on `draft`, checked as of `today`; `known` is the save time of the stored copy as it was read
    /// when the draft was opened (`drafts::Chosen::known`).
    pub fn open(draft: Draft, today: NaiveDate, known: Option<String>) -> Model {
        let mut model = Model {
            status: Status {
                saved_at: draft.saved_at,
                ..Status::default()
            },
            doc: draft.document,
            report: Rc::default(),
            checked_all: false,
            undo: None,
            read_only: false,
            personal: draft.personal,
            last: Ok(Outcome::Unchanged),
            touched: HashSet::new(),
            unreadable: HashSet::new(),
            watched: Vec::new(),
            autosave: Autosave::default(),
            save_due: None,
            armed: None,
            saving: None,
            on_its_way: OnItsWay::Nothing,
            idle_asked: false,
            encoded: 0,
            known,
        };
        model.report = Rc::new(model.checked(today));
        model.refresh_status();
        model
    }

    /// The list checked as of `today`, as this editor says it.
    fn checked(&self, today: NaiveDate) -> Report {
        let mut report = validate(&self.doc, today);
        self.name_said_once(&mut report);
        report
    }

    /// What the field of `path` shows: its findings once it was left or after 检查, else nothing.
    pub fn shown_at(&self, path: &str) -> Vec<Finding> {
        if self.checked_all || self.touched.contains(path) {
            self.report.at(path).cloned().collect()
        } else {
            Vec::new()
        }
    }

    /// Whether a change waits to be saved.
    pub fn pending(&self) -> bool {
        self.autosave.pending()
    }

    fn refresh_status(&mut self) {
        self.status.counts_shown = !self.personal || self.checked_all || !self.touched.is_empty();
        self.status.progress = progress(&self.doc);
        self.status.errors = self.report.error_count();
        self.status.warnings = self.report.open_warning_count();
    }

    /// Checks the list again and says which shown fields now show something else.
    fn revalidate(&mut self, today: NaiveDate, out: &mut Vec<Effect>) {
        let mut report = self.checked(today);
        for path in &self.unreadable {
            mark_unreadable_date(&mut report, path);
        }
        self.report = Rc::new(report);
        self.refresh_status();
        let mut watched = std::mem::take(&mut self.watched);
        for (path, shown) in &mut watched {
            let now = self.shown_at(path);
            if *shown != now {
                *shown = now.clone();
                out.push(Effect::Findings(path.clone(), now));
            }
        }
        self.watched = watched;
    }

    /// Writes the draft at once: newer than any autosave on its way, which is then not written at all.
    fn save(&mut self, now: &Now, for_export: bool, out: &mut Vec<Effect>) {
        self.on_its_way = OnItsWay::Nothing;
        let draft = self.saved_draft(now, for_export);
        out.push(Effect::Save(draft, self.known.clone()));
    }

    /// The autosave: it waits for the browser's idle moment, replacing any older one on its way (even one made
    /// into text).
    fn save_when_idle(&mut self, now: &Now, out: &mut Vec<Effect>) {
        let draft = self.saved_draft(now, false);
        self.on_its_way.wait(draft);
        if !std::mem::replace(&mut self.idle_asked, true) {
            out.push(Effect::RequestIdle);
        }
    }

    /// The idle moment: the autosave waiting is made into text (nothing when a save, a flush or a discard took it).
    fn idle(&mut self, out: &mut Vec<Effect>) {
        self.idle_asked = false;
        if let OnItsWay::Waiting(draft) = std::mem::take(&mut self.on_its_way) {
            self.encoded += 1;
            self.on_its_way = OnItsWay::Made(self.encoded);
            out.push(Effect::Encode(draft, self.encoded));
        }
    }

    /// The task after: the text made is written, unless a newer autosave, a save or a discard took its place.
    fn encoded(&mut self, number: u64, out: &mut Vec<Effect>) {
        if self.on_its_way == OnItsWay::Made(number) {
            self.on_its_way = OnItsWay::Nothing;
            out.push(Effect::WriteEncoded(number, self.known.clone()));
        }
    }

    /// The page is hidden or closed: whatever waits is written now. A change since the autosave on its way makes a
    /// newer draft, which holds it; else the autosave itself goes, as a draft or as the text already made.
    fn flush(&mut self, now: &Now, out: &mut Vec<Effect>) {
        let on_its_way = std::mem::take(&mut self.on_its_way);
        if self.pending() {
            self.save(now, false, out);
            return;
        }
        match on_its_way {
            OnItsWay::Waiting(draft) => out.push(Effect::Save(draft, self.known.clone())),
            OnItsWay::Made(number) => out.push(Effect::WriteEncoded(number, self.known.clone())),
            OnItsWay::Nothing => {}
        }
    }

    fn saved_draft(&mut self, now: &Now, for_export: bool) -> Box<Draft> {
        self.autosave.saved();
        self.save_due = None;
        let saved_at = now.stamp();
        self.saving = Some((saved_at.clone(), for_export));
        Box::new(Draft {
            document: self.doc.clone(),
            saved_at,
            personal: self.personal,
        })
    }

    fn schedule_save(&mut self, now: &Now, out: &mut Vec<Effect>) {
        let due = now.millis + self.autosave.changed(now.millis);
        self.save_due = Some(due);
        self.arm(due, now, out);
    }

    fn arm(&mut self, due: u64, now: &Now, out: &mut Vec<Effect>) {
        if self
            .armed
            .is_none_or(|armed| due < armed || armed < now.millis)
        {
            self.armed = Some(due);
            out.push(Effect::SaveIn(due.saturating_sub(now.millis)));
        }
    }

    /// On a member's own list the member's 姓名 is 填报人 typed once (`name_follows`), and the page shows only
    /// 填报人: what is wrong with the name is said there, once, not again for a field the user cannot see.
    fn name_said_once(&self, report: &mut Report) {
        let Some(member) = self.doc.own_member().filter(|_| self.personal) else {
            return;
        };
        if member.name == self.doc.header.filed_by {
            let path = format!("{}.name", member.id);
            report.findings.retain(|f| f.path != path);
        }
    }

    /// On a member's own list the member types their name once, as 填报人: it is also the member's 姓名.
    fn name_follows(&self, action: &Action) -> Option<Action> {
        let Action::SetHeader(HeaderField::FiledBy, name) = action else {
            return None;
        };
        let member = self.doc.own_member().filter(|_| self.personal)?;
        Some(Action::SetMember(
            member.id.clone(),
            MemberField::Name,
            name.clone(),
        ))
    }

    fn edit(&mut self, action: Action, refresh: bool, now: &Now, out: &mut Vec<Effect>) {
        if self.read_only {
            self.last = Ok(Outcome::Unchanged);
            return;
        }
        // A whole-list step is saved at once, not after the typing pause: a browser closed right after it keeps it.
        let whole_list = matches!(
            action,
            Action::Gather(_)
                | Action::AddRoster(_)
                | Action::Paste { .. }
                | Action::Restore(_)
                | Action::AttachReview(_)
        );
        let follows = self.name_follows(&action);
        // A step that adds much at once (rows of a table, members' lists) must leave a list that can still be
        // exported and read back: checked after, and taken back with the reason when it does not.
        let grows = matches!(
            action,
            Action::Gather(_) | Action::AddRoster(_) | Action::Paste { .. }
        );
        let before = grows.then(|| self.doc.clone());
        let outcome = match apply(&mut self.doc, action) {
            Ok(outcome) => outcome,
            Err(refused) => {
                self.last = Err(refused);
                return;
            }
        };
        if let Some(before) = before {
            if let Err(why) = crate::domain::file::export::fits(&self.doc) {
                self.doc = before;
                self.status.refused = Some(format!("没有加入清单，清单没有变化：{why}"));
                self.last = Err(Refused(vec![why]));
                return;
            }
        }
        self.status.refused = None;
        if let Some(follows) = follows {
            // Cannot be refused: the member exists, and a name is any text.
            let _ = apply(&mut self.doc, follows);
        }
        // 撤销 of a gathering or a paste puts the whole list of members (or problems) back as it was: once anything
        // else changes it would take that change back too, so it is no longer offered (a removal's 撤销 puts back
        // only what was removed).
        let gathering_withdrawn = matches!(outcome, Outcome::Changed | Outcome::Reshaped)
            && matches!(
                self.undo,
                Some(Undo::Gathering { .. } | Undo::Pasting { .. })
            );
        if gathering_withdrawn {
            self.undo = None;
        }
        if let Outcome::Undoable(undo) = &outcome {
            self.undo = Some((**undo).clone());
        }
        if outcome != Outcome::Unchanged {
            if whole_list {
                self.save(now, false, out);
            } else {
                self.schedule_save(now, out);
            }
        }
        let reshaped =
            gathering_withdrawn || matches!(outcome, Outcome::Reshaped | Outcome::Undoable(_));
        if reshaped || (refresh && outcome == Outcome::Changed) {
            self.revalidate(now.today(), out);
            out.push(Effect::Reshaped);
        }
        self.last = Ok(outcome);
    }
}

/// Applies `event` to `model` at `now`; returns what the shell must do, in order.
pub fn update(model: &mut Model, event: Event, now: &Now) -> Vec<Effect> {
    let before = model.status.clone();
    let mut out = Vec::new();
    match event {
        Event::Edit(action) => model.edit(action, false, now, &mut out),
        Event::EditAndRefresh(action) | Event::Step(action) => {
            model.edit(action, true, now, &mut out)
        }
        Event::Leave(path) => {
            model.touched.insert(path);
            model.revalidate(now.today(), &mut out);
        }
        Event::CheckAll => {
            model.checked_all = true;
            model.revalidate(now.today(), &mut out);
            // 检查结果 shows the new report even when the page (step 3) does not change.
            out.push(Effect::Reshaped);
        }
        Event::Undo => {
            if let Some(undo) = model.undo.take() {
                model.edit(Action::Restore(Box::new(undo)), false, now, &mut out);
                model.undo = None;
            }
        }
        Event::Unreadable(path, unreadable) => {
            if unreadable {
                model.unreadable.insert(path);
            } else {
                model.unreadable.remove(&path);
            }
        }
        Event::Watch(path) => {
            if !model.watched.iter().any(|(p, _)| *p == path) {
                let shown = model.shown_at(&path);
                model.watched.push((path, shown));
            }
        }
        Event::Unwatch(path) => model.watched.retain(|(p, _)| *p != path),
        Event::Tick => {
            model.armed = None;
            match model.save_due {
                Some(due) if due <= now.millis => model.save_when_idle(now, &mut out),
                // Typing went on since the timer was armed: the save is due later.
                Some(due) => model.arm(due, now, &mut out),
                None => {}
            }
        }
        Event::SaveNow => model.save(now, false, &mut out),
        Event::Flush => model.flush(now, &mut out),
        Event::Idle => model.idle(&mut out),
        Event::Encoded(number) => model.encoded(number, &mut out),
        Event::Saved(result) => {
            let (stamp, for_export) = model.saving.take().unwrap_or_default();
            match result {
                Ok(()) => {
                    model.known = Some(stamp.clone());
                    model.status.saved_at = stamp;
                    model.status.save_error = None;
                    if !for_export {
                        model.status.unexported += 1;
                    }
                }
                // The warning stays until a save succeeds; what was typed stays in the model.
                Err(message) => model.status.save_error = Some(message),
            }
        }
        Event::BackedUp(ok) => {
            model.status.backup_error = (!ok).then(|| NO_BACKUP.to_string());
        }
        Event::ReadOnly(read_only) => model.read_only = read_only,
        Event::DiscardPending => {
            model.autosave.saved();
            model.save_due = None;
            model.on_its_way = OnItsWay::Nothing;
        }
        Event::Exported(doc) => {
            model.doc = *doc;
            model.status.unexported = 0;
            model.save(now, true, &mut out);
        }
    }
    if model.status != before {
        out.push(Effect::Status(model.status.clone()));
    }
    out
}

impl Core for Model {
    type Event = Event;
    type Effect = Effect;

    fn update(&mut self, event: Event, now: &Now) -> Vec<Effect> {
        update(self, event, now)
    }
}
