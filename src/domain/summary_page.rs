//! 汇总's state machine: the received set and what the page shows of it, changed only by `update` (a
//! `core::Core`). Every event — files read, a file removed, names joined, a review edited, the set loaded from
//! this computer — is applied to the set *as it is then*: a read that finishes late never overwrites what was
//! done meanwhile. What must be kept on this computer is an effect; the page keeps it and reports back.

use std::rc::Rc;

use super::branches::Unit;
use super::consolidate::{consolidate, Consolidation};
use super::core::{Core, Now};
use super::review::office::{Draft, ReviewEdit};
use super::summary_set::SummarySet;

/// What was made of the set's files, with how long reading and checking them took (shown, read by the bench).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Made {
    pub consolidation: Consolidation,
    pub millis: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The set kept on this computer arrived (files are taken only after it, so it cannot overwrite them).
    Loaded(SummarySet),
    /// Files read so far, of how many.
    Reading(usize, usize),
    /// Files read: name and bytes.
    Read(Vec<(String, Vec<u8>)>),
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
    /// The 督办单's issuer and first number, as the office wrote them.
    Issuer(String, u32),
    /// What keeping the set on this computer gave.
    Kept(Result<(), String>),
    /// What the page did itself (a CSV saved), to say.
    Said(Result<String, String>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Keep this set on this computer, then send `Event::Kept`.
    Keep(SummarySet),
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
            to_say: None,
            clock,
        }
    }

    /// Reads and checks every file again (the files changed), and groups the lists into 党支部.
    fn consolidate(&mut self, now: &Now) {
        let start = (self.clock)();
        let consolidation = consolidate(&self.set.inputs(), now.today());
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

    /// Keeps the set as consolidated: a file that is not a list keeps only its name and why.
    fn keep(&mut self, say: Option<String>, out: &mut Vec<Effect>) {
        self.to_say = say;
        out.push(Effect::Keep(self.set.to_keep(&self.made.consolidation)));
    }
}

/// Applies `event` to the model as it is now; returns what the page must do.
pub fn update(m: &mut Model, event: Event, now: &Now) -> Vec<Effect> {
    let mut out = Vec::new();
    match event {
        Event::Loaded(set) => {
            m.set = Rc::new(set);
            m.loaded = true;
            m.consolidate(now);
        }
        Event::Reading(done, total) => m.reading = Some((done, total)),
        Event::Read(files) => {
            m.reading = None;
            let count = files.len();
            Rc::make_mut(&mut m.set).add(&files);
            m.consolidate(now);
            m.keep(Some(format!("已读取{count}个文件。")), &mut out);
        }
        Event::Remove(index) => {
            m.selected = None;
            let name = m.set.files.get(index).map(|f| f.name.clone());
            if let Some(name) = name {
                Rc::make_mut(&mut m.set).remove(index);
                m.consolidate(now);
                m.keep(Some(format!("已移除“{name}”。")), &mut out);
            }
        }
        Event::Clear(drop_reviews) => {
            m.selected = None;
            let kept = if drop_reviews {
                0
            } else {
                m.set.unexported_reviews()
            };
            m.set = Rc::new(m.set.cleared(drop_reviews));
            m.consolidate(now);
            let said = if kept > 0 {
                format!(
                    "已清空收到的文件（应报送名单、合并的名称和{kept}条未导出的审核意见保留）。"
                )
            } else {
                "已清空收到的文件（应报送名单和合并的名称保留）。".to_string()
            };
            m.keep(Some(said), &mut out);
        }
        Event::Expected(text) => {
            Rc::make_mut(&mut m.set).set_expected(&text);
            m.regroup();
            m.keep(None, &mut out);
        }
        Event::Join { name, with } => {
            Rc::make_mut(&mut m.set).join(&name, &with);
            m.regroup();
            m.keep(
                Some(format!(
                    "已把“{name}”合并到“{with}”，两者按同一党支部统计。"
                )),
                &mut out,
            );
        }
        Event::Unjoin(index) => {
            Rc::make_mut(&mut m.set).unjoin(index);
            m.regroup();
            m.keep(Some("已撤销合并。".to_string()), &mut out);
        }
        Event::Review { of, edit } => {
            let set = Rc::make_mut(&mut m.set);
            let mut draft = set
                .reviews
                .iter()
                .find(|d| d.list == of.list)
                .cloned()
                .unwrap_or(of);
            edit.apply(&mut draft, &mut set.reviewer);
            set.keep_review(draft);
            // A review written changes the set, not what was received: nothing is read again.
            m.keep(None, &mut out);
        }
        Event::Open(list) => {
            m.back_to = match list {
                None => m.selected.take(),
                Some(_) => None,
            };
            m.selected = list;
        }
        Event::Dispatching(on) => m.dispatching = on,
        Event::Issuer(issuer, first) => {
            let set = Rc::make_mut(&mut m.set);
            set.issuer = issuer;
            set.first_number = first;
            m.keep(None, &mut out);
        }
        Event::Kept(Ok(())) => {
            if let Some(said) = m.to_say.take() {
                m.notice = Some(Ok(said));
            }
        }
        Event::Kept(Err(e)) => m.notice = Some(Err(e)),
        Event::Said(said) => m.notice = Some(said),
    }
    out.push(Effect::Changed);
    out
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
    use crate::domain::export::export;
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
            Effect::Keep(set) => Some(set),
            _ => None,
        })
    }

    #[test]
    fn a_set_loaded_late_does_not_undo_what_was_received_and_what_was_kept_is_said_once_kept() {
        let mut m = Model::new(|| 0.0);
        update(&mut m, Event::Loaded(SummarySet::empty()), &now());
        let effects = update(&mut m, Event::Read(vec![file(1, "甲党支部")]), &now());
        assert_eq!(kept(&effects).unwrap().files.len(), 1);
        assert_eq!(m.notice, None, "said only once kept");
        update(&mut m, Event::Kept(Ok(())), &now());
        assert_eq!(m.notice, Some(Ok("已读取1个文件。".into())));
        // A review written while a second read is under way, then the read: both are there.
        let list = &m.made.consolidation.lists[0];
        let of = Draft::of(&list.document, &list.digest);
        update(
            &mut m,
            Event::Review {
                of,
                edit: ReviewEdit::Comment {
                    path: "list".into(),
                    text: "请补充".into(),
                },
            },
            &now(),
        );
        let effects = update(&mut m, Event::Read(vec![file(2, "乙党支部")]), &now());
        let set = kept(&effects).unwrap();
        assert_eq!((set.files.len(), set.reviews.len()), (2, 1));
        assert_eq!(m.unit.branches.len(), 2);
    }

    #[test]
    fn joins_and_the_expected_list_regroup_without_reading_the_files_again() {
        let mut m = Model::new(|| 0.0);
        update(&mut m, Event::Loaded(SummarySet::empty()), &now());
        update(
            &mut m,
            Event::Read(vec![
                file(1, "交警大队党支部"),
                file(2, "中共××县公安局交警大队支部委员会"),
            ]),
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
        let id = crate::domain::import::import(&first.1).unwrap().document.id;
        update(&mut m, Event::Open(Some(id.clone())), &now());
        assert_eq!(m.opened(), None);
        update(&mut m, Event::Loaded(SummarySet::empty()), &now());
        update(
            &mut m,
            Event::Read(vec![file(2, "乙党支部"), first]),
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
