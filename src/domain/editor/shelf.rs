//! What a page keeps of drafts besides the two stores: drafts localStorage refused, the draft just made for the
//! page that opens it next, and the IndexedDB backups waiting their turn. The shell (`ui::web::storage`) holds one
//! shelf per app (the start-up module's, each lazy module's) and does what it says; the rules are here.

use std::borrow::Cow;

use crate::domain::editor::drafts::Draft;

/// One app's shelf. `P` is what a waiting backup carries (the text and who hears how it went, in the browser).
pub struct Shelf<P> {
    /// Drafts that localStorage refused (private mode, storage disabled or full): the app keeps working on them in
    /// memory, and says so, until a write succeeds or the user exports them.
    kept: Vec<Draft>,
    /// The draft this app has just made and saved, for the page that opens it (a big list need not be read back).
    handed: Option<Draft>,
    /// Backups wait here while another is being written, one per draft: two writes in flight could reach the disk
    /// in either order, an older copy last. A few drafts at most: a list, not a map.
    waiting: Vec<(String, P)>,
    writing: bool,
}

impl<P> Default for Shelf<P> {
    fn default() -> Self {
        Shelf {
            kept: Vec::new(),
            handed: None,
            waiting: Vec::new(),
            writing: false,
        }
    }
}

impl<P> Shelf<P> {
    /// A draft was written to localStorage, or `refused`: a refused draft is kept here, a written one no longer is.
    pub fn written(&mut self, draft: Cow<'_, Draft>, refused: bool) {
        self.kept.retain(|d| d.document.id != draft.document.id);
        if refused {
            self.kept.push(draft.into_owned());
        }
    }

    /// The copy of draft `id` that only this app holds (localStorage refused it).
    pub fn kept(&self, id: &str) -> Option<&Draft> {
        self.kept.iter().find(|d| d.document.id == id)
    }

    pub fn hand_over(&mut self, draft: Draft) {
        self.handed = Some(draft);
    }

    /// The draft handed over, if it is `id`'s. Taken either way: it serves the next opening only.
    pub fn take_handed(&mut self, id: &str) -> Option<Draft> {
        self.handed.take().filter(|d| d.document.id == id)
    }

    /// A backup of `key` to write. Only the newest text of a draft waits: the one it replaces is dropped, never
    /// written, its listener never told. True when no writer is running: the caller starts one, which takes
    /// `next_backup` until it says none.
    pub fn back_up(&mut self, key: String, backup: P) -> bool {
        self.waiting.retain(|(k, _)| *k != key);
        self.waiting.push((key, backup));
        !std::mem::replace(&mut self.writing, true)
    }

    /// The backup to write next, in the order they came; `None` once none waits, and the writer stops.
    pub fn next_backup(&mut self) -> Option<(String, P)> {
        let next = (!self.waiting.is_empty()).then(|| self.waiting.remove(0));
        self.writing = next.is_some();
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::list::model::{Document, Kind};

    fn draft(id: &str) -> Draft {
        let document = Document::new(Kind::Org, id.to_string());
        Draft::of(document, "2026-12-07T10:00:00+08:00".into())
    }

    #[test]
    fn one_writer_at_a_time_and_only_the_newest_text_of_a_draft_waits() {
        let mut shelf = Shelf::default();
        assert!(
            shelf.back_up("a".into(), 1),
            "the first backup starts a writer"
        );
        assert!(!shelf.back_up("b".into(), 2), "one writer at a time");
        assert!(!shelf.back_up("a".into(), 3));
        assert_eq!(shelf.next_backup(), Some(("b".into(), 2)));
        assert_eq!(
            shelf.next_backup(),
            Some(("a".into(), 3)),
            "a's older text is never written"
        );
        assert!(
            !shelf.back_up("c".into(), 4),
            "the writer still runs until it finds none waiting"
        );
        assert_eq!(shelf.next_backup(), Some(("c".into(), 4)));
        assert_eq!(shelf.next_backup(), None);
        assert!(
            shelf.back_up("a".into(), 5),
            "once it stopped, the next backup starts one again"
        );
    }

    #[test]
    fn a_refused_draft_is_kept_until_a_write_succeeds() {
        let mut shelf: Shelf<()> = Shelf::default();
        shelf.written(Cow::Owned(draft("x")), true);
        assert!(shelf.kept("x").is_some());
        assert!(shelf.kept("y").is_none());
        shelf.written(Cow::Owned(draft("x")), true);
        assert_eq!(shelf.kept.len(), 1, "one copy a draft");
        shelf.written(Cow::Owned(draft("x")), false);
        assert!(shelf.kept("x").is_none());
    }

    #[test]
    fn the_handed_draft_serves_the_next_opening_of_its_own_id_only() {
        let mut shelf: Shelf<()> = Shelf::default();
        shelf.hand_over(draft("x"));
        assert!(shelf.take_handed("y").is_none());
        assert!(
            shelf.take_handed("x").is_none(),
            "taken by the opening of another draft"
        );
        shelf.hand_over(draft("x"));
        assert_eq!(
            shelf.take_handed("x").map(|d| d.document.id),
            Some("x".into())
        );
        assert!(shelf.take_handed("x").is_none());
    }
}
