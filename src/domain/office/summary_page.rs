//! 汇总's state machine: the received set and what the page shows of it, changed only by `update` (a
//! `core::Core`). Every event — files read, a file removed, names joined, a review edited, the set loaded from
//! this computer — is applied to the set *as it is then*: a read that finishes late never overwrites what was
//! done meanwhile. What must be kept on this computer is an effect; the page keeps it and reports back.
//!
//! The set is one thing, whatever the tabs. It is stored with a stamp that every write raises, and a tab writes
//! only over the stamp it last read or wrote (`Effect::Keep { expected }`, compared and written in one step by
//! the store). A tab whose set another tab stored since gets that set back (`Stored::Stale`), takes its own steps
//! again on top of it (`summary_set::Step`) and writes that; what it could not take again it says. A tab also
//! hears when another stores the set (`Event::Foreign`) and shows it at once.

use std::rc::Rc;

use crate::domain::core::{Core, Now};
use crate::domain::office::branches::Unit;
use crate::domain::office::consolidate::Consolidation;
use crate::domain::office::review::office::{Draft, ReviewEdit};
use crate::domain::office::summary_set::{FileKey, Issued, Step, SummarySet};

/// What was made of the set's files, with how long reading and checking them took (shown, read by the bench).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Made {
    pub consolidation: Consolidation,
    pub millis: f64,
}

/// What a write of the set came to.
#[derive(Clone, Debug, PartialEq)]
pub enum Stored {
    /// Written; the set's stamp is now this.
    Written(u64),
    /// Not written: another tab stored the set since this tab read it; here is what is stored, and its stamp.
    Stale(Box<SummarySet>, u64),
    /// The browser refused to keep it: why, in Chinese.
    Failed(String),
}

/// Files chosen or dropped at once, read: the list files (name and bytes), the Word or Excel tables that give no
/// list (name and why), and how many tables wait for their preview (taken one by one, `Event::Table`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Arrived {
    pub lists: Vec<(String, Vec<u8>)>,
    pub refused: Vec<(String, String)>,
    pub waiting: usize,
}

impl From<Vec<(String, Vec<u8>)>> for Arrived {
    fn from(lists: Vec<(String, Vec<u8>)>) -> Self {
        Arrived {
            lists,
            ..Arrived::default()
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The set kept on this computer arrived, with its stamp (files are taken only after it, so it cannot
    /// overwrite them).
    Loaded(SummarySet, u64),
    /// Files read so far, of how many.
    Reading(usize, usize),
    /// Files read, all chosen or dropped at once.
    Read(Arrived),
    /// A branch's Word or Excel table, read into this list after its preview (计入汇总).
    Table {
        name: String,
        list: Box<crate::domain::list::model::Document>,
    },
    /// 移除 of the file at this position.
    Remove(usize),
    /// 清空收到的文件; `true` drops the reviews not yet exported too.
    Clear(bool),
    /// The 应报送名单 as typed.
    Expected(String),
    /// 合并为同一党支部.
    Join { name: String, with: String },
    /// 撤销合并 of the join at this position.
    Unjoin(usize),
    /// A change of the review of a received list (`of` says which list).
    Review { of: Draft, edit: ReviewEdit },
    /// A list opened read-only as a view of its own (its document id, from the address), or closed (back to
    /// the table, at the row it was opened from).
    Open(Option<String>),
    /// 调度 shown instead of the summary, or not.
    Dispatching(bool),
    /// The 督办单's issuer (签发单位), as the office wrote it.
    Issuer(String),
    /// The 编号 of the next 督办单, as the office wrote it.
    FirstNumber(u32),
    /// 督办单 printed with these numbers.
    Issue(Vec<Issued>),
    /// The office says the lists counted under these line ids (made on another 党支部's file) are that other
    /// 党支部's indeed.
    Distinct(Vec<String>),
    /// 汇总哪个活动: the key of the 活动 to consolidate.
    Campaign(String),
    /// What keeping the set on this computer gave.
    Kept(Stored),
    /// Another tab stored the set: here it is, with its stamp.
    Foreign(SummarySet, u64),
    /// What the page did itself (a CSV saved), to say.
    Said(Result<String, String>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Keep this set on this computer if the stored set's stamp is still `expected`, then send `Event::Kept`.
    Keep { set: Box<SummarySet>, expected: u64 },
    /// Read the set as stored and send it as `Event::Foreign`: another tab stored it while this tab was writing.
    Reload,
    /// The model changed: render again.
    Changed,
}

#[derive(Clone, Debug)]
pub struct Model {
    pub set: Rc<SummarySet>,
    pub made: Rc<Made>,
    pub unit: Rc<Unit>,
    pub loaded: bool,
    pub reading: Option<(usize, usize)>,
    /// What the page says after an action: done, or what went wrong.
    pub notice: Option<Result<String, String>>,
    /// The document id of the list opened as a view of its own.
    pub selected: Option<String>,
    /// The list last closed: the table scrolls back to its 党支部's row.
    pub back_to: Option<String>,
    pub dispatching: bool,
    /// The stamp of the set as stored when this tab last read or wrote it (0: nothing stored yet).
    pub stamp: u64,
    /// Steps taken here that are not yet known to be stored, oldest first.
    pending: Vec<Step>,
    /// How many of `pending` the write under way carries; `None` when no write is under way.
    writing: Option<usize>,
    /// Another tab said it stored the set while this tab was writing: read it again once the write is done.
    heard: bool,
    /// What putting this tab's steps on top of another tab's set said, to say with what is said once kept.
    rebased: Option<String>,
    /// What to say once the set is kept.
    to_say: Option<String>,
    /// A clock for timing the consolidation (milliseconds).
    clock: fn() -> f64,
}

impl Model {
    /// The opened list: its position among the lists that count. `None` also when the address names a list that
    /// is not (or no longer) in the set.
    pub fn opened(&self) -> Option<usize> {
        let id = self.selected.as_deref()?;
        self.made
            .consolidation
            .lists
            .iter()
            .position(|l| l.document.id == id)
    }

    pub fn new(clock: fn() -> f64) -> Model {
        Model {
            set: Rc::new(SummarySet::empty()),
            made: Rc::new(Made::default()),
            unit: Rc::new(Unit::default()),
            loaded: false,
            reading: None,
            notice: None,
            selected: None,
            back_to: None,
            dispatching: false,
            stamp: 0,
            pending: Vec::new(),
            writing: None,
            heard: false,
            rebased: None,
            to_say: None,
            clock,
        }
    }

    /// Reads and checks every file again (the files changed), and groups the lists into 党支部.
    fn consolidate(&mut self, now: &Now) {
        let start = (self.clock)();
        let consolidation = self.set.consolidate(now.today());
        self.made = Rc::new(Made {
            consolidation,
            millis: (self.clock)() - start,
        });
        self.regroup();
    }

    /// Groups again (the joins or the 应报送名单 changed): the files need not be read again.
    fn regroup(&mut self) {
        self.unit = Rc::new(Unit::of(
            &self.made.consolidation,
            &self.set.joined,
            &self.set.expected,
        ));
    }

    /// Takes a step of the office's: applied to the set as it is, then kept on this computer; `say` is said once
    /// it is kept.
    fn take(&mut self, step: Step, say: Option<String>, now: &Now, out: &mut Vec<Effect>) {
        // Joins decide which files count once some list was made on another 党支部's file.
        let names = matches!(step, Step::Join { .. } | Step::Unjoin(_));
        let files = matches!(
            step,
            Step::Add(_)
                | Step::Remove(_)
                | Step::Clear { .. }
                | Step::Distinct(_)
                | Step::Campaign(_)
        ) || (names && self.made.consolidation.has_lines());
        let regroup = names || matches!(step, Step::Expected(_));
        // Taken on this tab's own set, a step always takes (the set is what this tab shows).
        let _ = Rc::make_mut(&mut self.set).apply(&step);
        self.pending.push(step);
        if files {
            self.consolidate(now);
        } else if regroup {
            self.regroup();
        }
        if say.is_some() {
            self.to_say = say;
        }
        self.write(out);
    }

    /// Writes the steps not yet stored, unless a write is under way (then the next write takes them).
    fn write(&mut self, out: &mut Vec<Effect>) {
        if self.writing.is_some() || self.pending.is_empty() || !self.loaded {
            return;
        }
        self.writing = Some(self.pending.len());
        out.push(Effect::Keep {
            set: Box::new(self.set.to_keep(&self.made.consolidation)),
            expected: self.stamp,
        });
    }

    /// Another tab's set, stored with `stamp`: this tab's steps not yet stored are taken again on top of it.
    /// What could not be taken again is said, with the news that the tabs' work was put together.
    fn rebase(&mut self, stored: SummarySet, stamp: u64, now: &Now) {
        let mut set = stored;
        let not_taken: Vec<String> = self
            .pending
            .iter()
            .filter_map(|step| set.apply(step).err())
            .collect();
        let keys = |s: &SummarySet| s.files.iter().map(FileKey::of).collect::<Vec<_>>();
        let files_changed = keys(&set) != keys(&self.set);
        self.set = Rc::new(set);
        self.stamp = stamp;
        if files_changed {
            self.consolidate(now);
        } else {
            self.regroup();
        }
        let mut said = if self.pending.is_empty() {
            "另一个窗口更新了汇总，本窗口已同步显示。".to_string()
        } else {
            "另一个窗口也在使用汇总：已把它保存的内容和本窗口的操作合在一起保存。".to_string()
        };
        if !not_taken.is_empty() {
            // What this tab meant to say of a step that could not be taken again would be wrong.
            self.to_say = None;
        }
        for why in not_taken {
            said.push_str(&why);
        }
        self.notice = Some(Ok(said.clone()));
        if !self.pending.is_empty() {
            self.rebased = Some(said);
        }
    }
}

/// Applies `event` to the model as it is now; returns what the page must do.
pub fn update(m: &mut Model, event: Event, now: &Now) -> Vec<Effect> {
    let mut out = Vec::new();
    match event {
        Event::Loaded(set, stamp) => {
            m.set = Rc::new(set);
            m.stamp = stamp;
            m.loaded = true;
            m.consolidate(now);
        }
        Event::Reading(done, total) => m.reading = Some((done, total)),
        Event::Open(list) => {
            m.back_to = match list {
                None => m.selected.take(),
                Some(_) => None,
            };
            m.selected = list;
        }
        Event::Dispatching(on) => m.dispatching = on,
        Event::Kept(stored) => m.kept(stored, now, &mut out),
        Event::Foreign(stored, stamp) => {
            if m.writing.is_some() {
                // The write under way comes back stale (then its steps are taken again on top of what is
                // stored), or written before the other tab's, which is then read again.
                m.heard = true;
            } else if stamp != m.stamp && m.loaded {
                m.rebase(stored, stamp, now);
            }
        }
        Event::Said(said) => m.notice = Some(said),
        // A step of the set: what the user did, taken and kept (a review written changes the set, not what was
        // received: nothing is read again).
        event => {
            if let Some((step, said)) = m.step_of(event) {
                m.take(step, said, now, &mut out);
            }
        }
    }
    out.push(Effect::Changed);
    out
}

impl Model {
    /// The step of the set an event asks for, with what the page says once it is kept; none when there is
    /// nothing to do (a file or a join no longer there).
    fn step_of(&mut self, event: Event) -> Option<(Step, Option<String>)> {
        match event {
            Event::Read(arrived) => {
                self.reading = None;
                let waiting = arrived.waiting;
                let count = arrived.lists.len() + arrived.refused.len() + waiting;
                let mut read = SummarySet::empty();
                read.add(&arrived.lists);
                let mut files = read.files;
                files.extend(
                    (arrived.refused.iter())
                        .map(|(name, why)| SummarySet::table_refused(name, why)),
                );
                let said = if waiting > 0 {
                    format!("已读取{count}个文件；其中{waiting}个Word或Excel表格，请在下面逐个核对，按“计入汇总”计入。")
                } else {
                    format!("已读取{count}个文件。")
                };
                Some((Step::Add(files), Some(said)))
            }
            Event::Table { name, list } => {
                let kept = SummarySet::table(&name, &list);
                let said = format!("已把表格“{name}”计入汇总（来自表格，没有校验码）。");
                Some((Step::Add(vec![kept]), Some(said)))
            }
            Event::Remove(index) => {
                self.selected = None;
                let file = self.set.files.get(index)?;
                let said = format!("已移除“{}”。", file.name);
                Some((Step::Remove(FileKey::of(file)), Some(said)))
            }
            Event::Clear(drop_reviews) => {
                self.selected = None;
                let kept = if drop_reviews {
                    0
                } else {
                    self.set.unexported_reviews()
                };
                let said = if kept > 0 {
                    format!(
                        "已清空收到的文件（应报送名单、合并的名称和{kept}条未导出的审核意见保留）。"
                    )
                } else {
                    "已清空收到的文件（应报送名单和合并的名称保留）。".to_string()
                };
                let files = self.set.files.iter().map(FileKey::of).collect();
                let step = Step::Clear {
                    files,
                    reviews: drop_reviews,
                };
                Some((step, Some(said)))
            }
            Event::Expected(text) => Some((Step::Expected(text), None)),
            Event::Join { name, with } => {
                let said = format!("已把“{name}”合并到“{with}”，两者按同一党支部统计。");
                Some((Step::Join { name, with }, Some(said)))
            }
            Event::Unjoin(index) => {
                let join = self.set.joined.get(index).cloned()?;
                Some((Step::Unjoin(join), Some("已撤销合并。".to_string())))
            }
            Event::Review { of, edit } => Some((Step::Review { of, edit }, None)),
            Event::Issuer(issuer) => Some((Step::Issuer(issuer), None)),
            Event::FirstNumber(first) => Some((Step::FirstNumber(first), None)),
            Event::Issue(numbers) => Some((Step::Issue(numbers), None)),
            Event::Distinct(lines) => {
                let said = "已确认是另一个党支部的清单，分开统计。".to_string();
                Some((Step::Distinct(lines), Some(said)))
            }
            Event::Campaign(key) => {
                let name = (self.made.consolidation.campaigns.iter())
                    .find(|c| c.key == key)
                    .map(|c| c.name.clone())
                    .unwrap_or_default();
                let said = format!("现在汇总“{name}”的清单；其他活动的文件保留，不计入。");
                Some((Step::Campaign(key), Some(said)))
            }
            // Not a step of the set: `update` takes these itself.
            _ => None,
        }
    }

    /// A write of the set came back: written (its steps done; a notice, another tab heard meanwhile), stale
    /// (another tab wrote first: this tab's steps taken again on top), or failed (kept here for the next one).
    fn kept(&mut self, stored: Stored, now: &Now, out: &mut Vec<Effect>) {
        match stored {
            Stored::Written(stamp) => {
                let carried = self.writing.take().unwrap_or(0);
                self.pending.drain(..carried.min(self.pending.len()));
                self.stamp = stamp;
                let rebased = self.rebased.take();
                match (self.to_say.take(), rebased) {
                    (Some(said), rebased) => {
                        self.notice = Some(Ok(said + &rebased.unwrap_or_default()))
                    }
                    (None, Some(rebased)) => self.notice = Some(Ok(rebased)),
                    (None, None) => {}
                }
                if std::mem::take(&mut self.heard) {
                    out.push(Effect::Reload);
                }
                self.write(out);
            }
            Stored::Stale(stored, stamp) => {
                self.writing = None;
                self.heard = false;
                self.rebase(*stored, stamp, now);
                self.write(out);
            }
            Stored::Failed(e) => {
                // Kept in this tab to be written with the next step; the page says the set is not kept.
                self.writing = None;
                self.notice = Some(Err(e));
            }
        }
    }
}

impl Core for Model {
    type Event = Event;
    type Effect = Effect;

    fn update(&mut self, event: Event, now: &Now) -> Vec<Effect> {
        update(self, event, now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::file::export::export;
    use crate::domain::sample::org_list;

    fn now() -> Now {
        Now::of(chrono::DateTime::parse_from_rfc3339("2024-06-01T09:30:00+08:00").unwrap())
    }

    fn file(seed: u32, branch: &str) -> (String, Vec<u8>) {
        let when = chrono::DateTime::parse_from_rfc3339("2024-06-01T09:30:00+08:00").unwrap();
        let out = export(&org_list(seed, branch, 1, 1), true, when);
        (format!("{branch}.json"), out.bytes)
    }

    fn kept(effects: &[Effect]) -> Option<&SummarySet> {
        effects.iter().find_map(|e| match e {
            Effect::Keep { set, .. } => Some(&**set),
            _ => None,
        })
    }

    /// The browser's store of the set as the shell keeps it: written only over the stamp the writer expects.
    #[derive(Default)]
    struct Disk {
        set: SummarySet,
        stamp: u64,
    }

    impl Disk {
        /// Carries out `effects` of tab `m` as the shell does, and sends back what they gave, until none is left.
        fn serve(&mut self, m: &mut Model, mut effects: Vec<Effect>) {
            while let Some(effect) = effects.pop() {
                let event = match effect {
                    Effect::Keep { set, expected } if expected == self.stamp => {
                        self.set = *set;
                        self.stamp += 1;
                        Event::Kept(Stored::Written(self.stamp))
                    }
                    Effect::Keep { .. } => {
                        Event::Kept(Stored::Stale(Box::new(self.set.clone()), self.stamp))
                    }
                    Effect::Reload => Event::Foreign(self.set.clone(), self.stamp),
                    Effect::Changed => continue,
                };
                effects.extend(update(m, event, &now()));
            }
        }

        fn open(&self) -> Model {
            let mut m = Model::new(|| 0.0);
            update(&mut m, Event::Loaded(self.set.clone(), self.stamp), &now());
            m
        }

        /// What another tab hears when `m`... stored: the set as it is now.
        fn tell(&self, m: &mut Model) {
            update(m, Event::Foreign(self.set.clone(), self.stamp), &now());
        }
    }

    fn first_list(m: &Model) -> Draft {
        let list = &m.made.consolidation.lists[0];
        Draft::of(&list.document, &list.digest)
    }

    fn comment(text: &str) -> ReviewEdit {
        ReviewEdit::Comment {
            path: "list".into(),
            text: text.into(),
        }
    }

    #[test]
    fn a_set_loaded_late_does_not_undo_what_was_received_and_what_was_kept_is_said_once_kept() {
        let mut m = Model::new(|| 0.0);
        update(&mut m, Event::Loaded(SummarySet::empty(), 0), &now());
        let effects = update(
            &mut m,
            Event::Read(vec![file(1, "甲党支部")].into()),
            &now(),
        );
        assert_eq!(kept(&effects).unwrap().files.len(), 1);
        assert_eq!(m.notice, None, "said only once kept");
        update(&mut m, Event::Kept(Stored::Written(1)), &now());
        assert_eq!(m.notice, Some(Ok("已读取1个文件。".into())));
        // A review written while its write is under way, then a read: one write at a time, the next with both.
        let of = first_list(&m);
        let effects = update(
            &mut m,
            Event::Review {
                of,
                edit: comment("请补充"),
            },
            &now(),
        );
        assert!(kept(&effects).is_some());
        let effects = update(
            &mut m,
            Event::Read(vec![file(2, "乙党支部")].into()),
            &now(),
        );
        assert!(kept(&effects).is_none(), "waits for the write under way");
        assert_eq!(m.unit.branches.len(), 2);
        let effects = update(&mut m, Event::Kept(Stored::Written(2)), &now());
        let set = kept(&effects).unwrap();
        assert_eq!((set.files.len(), set.reviews.len()), (2, 1));
    }

    #[test]
    fn two_tabs_of_the_set_lose_neither_files_nor_reviews_nor_the_expected_list() {
        let mut disk = Disk::default();
        let mut one = disk.open();
        let mut two = disk.open();
        // Tab 1 receives a file and writes a review of it.
        let effects = update(
            &mut one,
            Event::Read(vec![file(1, "甲党支部")].into()),
            &now(),
        );
        disk.serve(&mut one, effects);
        let of = first_list(&one);
        let effects = update(
            &mut one,
            Event::Review {
                of,
                edit: comment("请补充整改目标"),
            },
            &now(),
        );
        disk.serve(&mut one, effects);
        // Tab 2, opened before and never told, receives another file and edits the 应报送名单.
        let effects = update(
            &mut two,
            Event::Read(vec![file(2, "乙党支部")].into()),
            &now(),
        );
        disk.serve(&mut two, effects);
        let effects = update(
            &mut two,
            Event::Expected("甲党支部\n乙党支部\n丙党支部".into()),
            &now(),
        );
        disk.serve(&mut two, effects);
        let stored = &disk.set;
        assert_eq!(stored.files.len(), 2, "both tabs' files");
        assert_eq!(stored.reviews.len(), 1, "tab 1's review");
        assert_eq!(stored.expected.len(), 3, "tab 2's 应报送名单");
        assert_eq!(two.set.files.len(), 2, "tab 2 shows tab 1's file too");
        assert!(two
            .notice
            .as_ref()
            .is_some_and(|n| n.as_ref().is_ok_and(|t| t.contains("另一个窗口"))));
        // Tab 1 hears it and shows it; a reload of tab 1 finds everything.
        disk.tell(&mut one);
        assert_eq!((one.set.files.len(), one.set.expected.len()), (2, 3));
        let again = disk.open();
        assert_eq!(again.set.reviews.len(), 1);
        assert_eq!(again.unit.branches.len(), 3);
    }

    #[test]
    fn a_step_another_tab_made_impossible_is_said_and_a_clear_keeps_files_it_never_showed() {
        let mut disk = Disk::default();
        let mut one = disk.open();
        let effects = update(
            &mut one,
            Event::Read(vec![file(1, "甲党支部")].into()),
            &now(),
        );
        disk.serve(&mut one, effects);
        let mut two = disk.open();
        // Tab 2 removes the file; tab 1, not told, removes it too and then receives another.
        let effects = update(&mut two, Event::Remove(0), &now());
        disk.serve(&mut two, effects);
        let effects = update(&mut one, Event::Remove(0), &now());
        disk.serve(&mut one, effects);
        assert!(one.notice.as_ref().is_some_and(|n| n
            .as_ref()
            .is_ok_and(|t| t.contains("“甲党支部.json”已在另一个窗口中移除"))));
        let effects = update(
            &mut two,
            Event::Read(vec![file(2, "乙党支部")].into()),
            &now(),
        );
        disk.serve(&mut two, effects);
        // Tab 1 clears what it shows (nothing): tab 2's new file stays.
        let effects = update(&mut one, Event::Clear(false), &now());
        disk.serve(&mut one, effects);
        assert_eq!(disk.set.files.len(), 1);
        assert_eq!(disk.set.files[0].name, "乙党支部.json");
    }

    #[test]
    fn another_tabs_store_heard_during_a_write_is_read_again_after_it() {
        let mut disk = Disk::default();
        let mut one = disk.open();
        let mut two = disk.open();
        let writing = update(
            &mut one,
            Event::Read(vec![file(1, "甲党支部")].into()),
            &now(),
        );
        // Tab 2 stores first and tab 1 hears it while its own write is under way.
        let effects = update(&mut two, Event::Expected("甲党支部".into()), &now());
        disk.serve(&mut two, effects);
        disk.tell(&mut one);
        assert_eq!(
            one.set.expected.len(),
            0,
            "not taken in the middle of a write"
        );
        disk.serve(&mut one, writing);
        assert_eq!(disk.set.files.len(), 1);
        assert_eq!(disk.set.expected.len(), 1);
        assert_eq!((one.set.files.len(), one.set.expected.len()), (1, 1));
    }

    #[test]
    fn the_issuer_written_in_one_tab_and_the_next_number_in_another_are_both_kept() {
        let mut disk = Disk::default();
        let mut one = disk.open();
        let mut two = disk.open();
        let effects = update(&mut one, Event::Issuer("局主题教育办公室".into()), &now());
        disk.serve(&mut one, effects);
        // Tab 2, never told of the name, writes the number: its step is taken again on tab 1's set.
        let effects = update(&mut two, Event::FirstNumber(5), &now());
        disk.serve(&mut two, effects);
        assert_eq!(disk.set.issuer, "局主题教育办公室");
        assert_eq!(disk.set.next_number(2024), 5);
        // And the other way round: a name written after the number keeps the number.
        let effects = update(&mut one, Event::Issuer("局党委办公室".into()), &now());
        disk.serve(&mut one, effects);
        assert_eq!(
            (disk.set.issuer.as_str(), disk.set.next_number(2024)),
            ("局党委办公室", 5)
        );
    }

    #[test]
    fn a_branchs_table_counts_until_its_list_file_comes() {
        let mut m = Model::new(|| 0.0);
        update(&mut m, Event::Loaded(SummarySet::empty(), 0), &now());
        let mut doc = org_list(7, "治安管理大队党支部", 2, 1);
        doc.meta = None;
        update(
            &mut m,
            Event::Table {
                name: "治安管理大队-检视整改清单.docx".into(),
                list: Box::new(doc),
            },
            &now(),
        );
        let c = &m.made.consolidation;
        assert_eq!(c.lists.len(), 1, "counted");
        assert!(c.submissions[0].from_table);
        assert!(c.submissions[0].verdict.counts());
        update(
            &mut m,
            Event::Read(Arrived {
                refused: vec![("旧格式.doc".into(), "这是旧格式的 Word 文件".into())],
                ..Arrived::default()
            }),
            &now(),
        );
        assert!(matches!(
            m.made.consolidation.submissions[1].verdict,
            crate::domain::office::consolidate::Verdict::NotAList(_)
        ));
        // The branch sends its table again, corrected: that one counts, never both.
        let mut again = org_list(9, "治安管理大队党支部", 3, 1);
        again.meta = None;
        update(
            &mut m,
            Event::Table {
                name: "治安管理大队-检视整改清单（改）.xlsx".into(),
                list: Box::new(again),
            },
            &now(),
        );
        let c = &m.made.consolidation;
        assert_eq!(c.lists.len(), 1, "one list for one 党支部");
        assert!(c.lists[0].file_name.ends_with("（改）.xlsx"));
        assert!(matches!(
            c.submissions[0].verdict,
            crate::domain::office::consolidate::Verdict::Superseded { .. }
        ));
        // The branch's own file of the same list kind arrives: it counts, the table's list no more.
        update(
            &mut m,
            Event::Read(vec![file(8, "治安管理大队党支部")].into()),
            &now(),
        );
        let c = &m.made.consolidation;
        assert!(matches!(
            c.submissions[0].verdict,
            crate::domain::office::consolidate::Verdict::Superseded { .. }
        ));
        assert_eq!(c.lists.len(), 1);
        assert!(!c.lists[0].file_name.ends_with(".docx"));
        assert_eq!(m.unit.branches.len(), 1);
    }

    #[test]
    fn lists_of_two_campaigns_are_consolidated_apart_the_newest_first() {
        let mut m = Model::new(|| 0.0);
        update(&mut m, Event::Loaded(SummarySet::empty(), 0), &now());
        let of = |seed: u32, branch: &str, preset: Option<&str>, when: &str| {
            let mut doc = org_list(seed, branch, 1, 1);
            let campaign =
                preset.and_then(|p| crate::domain::list::campaign::preset(p)?.campaign());
            crate::domain::list::campaign::choose(&mut doc, campaign);
            let when = chrono::DateTime::parse_from_rfc3339(when).unwrap();
            (format!("{branch}.json"), export(&doc, true, when).bytes)
        };
        let files = vec![
            of(1, "甲党支部", None, "2023-12-01T09:00:00+08:00"),
            of(2, "乙党支部", None, "2023-12-02T09:00:00+08:00"),
            of(
                3,
                "甲党支部",
                Some("discipline_2024"),
                "2024-06-01T09:00:00+08:00",
            ),
        ];
        update(&mut m, Event::Read(files.into()), &now());
        let c = &m.made.consolidation;
        assert_eq!(c.campaigns.len(), 2);
        assert_eq!(
            c.campaign.as_deref(),
            Some("discipline_2024"),
            "the newest file's"
        );
        assert_eq!(c.lists.len(), 1);
        assert_eq!(m.unit.branches.len(), 1, "甲 once, of 党纪学习教育 only");
        let others: Vec<_> = (c.submissions.iter())
            .filter(|s| {
                matches!(
                    s.verdict,
                    crate::domain::office::consolidate::Verdict::OtherCampaign { .. }
                )
            })
            .collect();
        assert_eq!(others.len(), 2);
        assert!(others[0]
            .verdict
            .label()
            .contains("属于另一个活动（学习贯彻习近平新时代中国特色社会主义思想主题教育）"));
        assert!(c.files_line().0.contains("2份属于其他活动"));
        // The office consolidates the 2023 主题教育: both its branches, and kept so.
        update(&mut m, Event::Campaign("theme_2023".into()), &now());
        assert_eq!(m.set.campaign, "theme_2023", "kept with the set");
        assert_eq!(m.made.consolidation.lists.len(), 2);
        assert_eq!(m.unit.branches.len(), 2);
    }

    #[test]
    fn joins_and_the_expected_list_regroup_without_reading_the_files_again() {
        let mut m = Model::new(|| 0.0);
        update(&mut m, Event::Loaded(SummarySet::empty(), 0), &now());
        update(
            &mut m,
            Event::Read(
                vec![
                    file(1, "交警大队党支部"),
                    file(2, "中共××县公安局交警大队支部委员会"),
                ]
                .into(),
            ),
            &now(),
        );
        let made = m.made.clone();
        update(
            &mut m,
            Event::Join {
                name: "中共××县公安局交警大队支部委员会".into(),
                with: "交警大队党支部".into(),
            },
            &now(),
        );
        assert!(Rc::ptr_eq(&made, &m.made), "not read again");
        assert_eq!(m.unit.branches.len(), 1);
        update(&mut m, Event::Unjoin(0), &now());
        assert_eq!(m.unit.branches.len(), 2);
        update(&mut m, Event::Remove(1), &now());
        assert_eq!(m.set.files.len(), 1);
        update(&mut m, Event::Clear(false), &now());
        assert!(m.set.files.is_empty() && m.made.consolidation.lists.is_empty());
    }

    #[test]
    fn a_list_opens_by_its_address_and_closing_returns_to_its_row() {
        let mut m = Model::new(|| 0.0);
        // The address may name a list before the set has arrived: it opens once the list is there.
        let first = file(1, "甲党支部");
        let id = crate::domain::file::import::import(&first.1)
            .unwrap()
            .document
            .id;
        update(&mut m, Event::Open(Some(id.clone())), &now());
        assert_eq!(m.opened(), None);
        update(&mut m, Event::Loaded(SummarySet::empty(), 0), &now());
        update(
            &mut m,
            Event::Read(vec![file(2, "乙党支部"), first].into()),
            &now(),
        );
        assert_eq!(m.opened(), Some(1));
        update(&mut m, Event::Open(None), &now());
        assert_eq!(
            (m.opened(), m.back_to.as_deref()),
            (None, Some(id.as_str()))
        );
        update(&mut m, Event::Open(Some("not-here".into())), &now());
        assert_eq!((m.opened(), m.back_to.as_deref()), (None, None));
    }
}
