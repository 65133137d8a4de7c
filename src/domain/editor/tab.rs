//! One tab edits a draft at a time, whether in 填写 or in 台账: both pages hold a session on the same stored draft,
//! and two sessions saving in turn would each overwrite what the other saved. What this tab does when it hears of
//! another tab, and when another tab writes the draft, as data: the shell (`ui::claim`) talks to the other tabs and
//! carries out what this says.

/// Whether this tab edits the draft.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TabState {
    #[default]
    Editing,
    /// Another tab had it open first.
    ReadOnly,
    /// Another tab took it over.
    TakenOver,
}

/// What another tab did to the draft while this tab was editing it (on its start page: no tab edits it there).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Foreign {
    /// A file was imported over it: this tab now shows the imported list.
    Replaced,
    /// It was deleted: what this tab shows is the only copy left.
    Deleted,
}

/// What another tab said about the draft this tab has open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heard {
    /// Another tab already has it open for editing.
    OpenElsewhere,
    /// Another tab took it over: this tab must stop editing.
    TakenOver,
    /// The tab that had it saved everything and let go: this tab can load it and edit.
    Released,
}

/// What happened to the draft from outside this tab.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TabEvent {
    Heard(Heard),
    /// Another tab wrote the stored draft (`true`), or deleted it (`false`).
    Written(bool),
}

/// What this tab's session must do about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TabEffect {
    /// Forget the change waiting to be saved: it must not be written over what the other tab wrote.
    DiscardPending,
}

/// This tab's claim on one draft.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tab {
    pub state: TabState,
    pub foreign: Option<Foreign>,
    /// Changes whenever the page must load the draft again (it was released to this tab, or the tab that edits it
    /// saved, or a file was imported over it); the page's session is keyed on it.
    pub reload: u32,
}

impl Tab {
    pub fn editing(&self) -> bool {
        self.state == TabState::Editing
    }

    pub fn update(&mut self, event: TabEvent) -> Option<TabEffect> {
        match event {
            TabEvent::Heard(Heard::OpenElsewhere) => self.state = TabState::ReadOnly,
            TabEvent::Heard(Heard::TakenOver) => self.state = TabState::TakenOver,
            TabEvent::Heard(Heard::Released) => {
                self.state = TabState::Editing;
                self.reload += 1;
            }
            // A read-only view follows the tab that edits.
            TabEvent::Written(_) if !self.editing() => self.reload += 1,
            // This tab edits the draft, yet another tab wrote it: its start page imported a file over it (the user
            // said to replace it). The import wins, so a change still waiting here must not be saved over it.
            TabEvent::Written(true) => {
                self.foreign = Some(Foreign::Replaced);
                self.reload += 1;
                return Some(TabEffect::DiscardPending);
            }
            // Deleted: saved again only if the user goes on.
            TabEvent::Written(false) => self.foreign = Some(Foreign::Deleted),
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_tab_is_read_only_until_released_and_follows_what_the_editing_tab_saves() {
        let mut tab = Tab::default();
        assert_eq!(tab.update(TabEvent::Heard(Heard::OpenElsewhere)), None);
        assert!(!tab.editing());
        // The other tab saves: this one loads it again, and drops nothing (it changes nothing while read-only).
        assert_eq!(tab.update(TabEvent::Written(true)), None);
        assert_eq!((tab.reload, tab.foreign), (1, None));
        tab.update(TabEvent::Heard(Heard::Released));
        assert_eq!((tab.state, tab.reload), (TabState::Editing, 2));
        tab.update(TabEvent::Heard(Heard::TakenOver));
        assert_eq!(tab.state, TabState::TakenOver);
    }

    #[test]
    fn a_file_imported_over_the_draft_in_another_tab_wins_over_what_waits_here() {
        let mut tab = Tab::default();
        assert_eq!(
            tab.update(TabEvent::Written(true)),
            Some(TabEffect::DiscardPending)
        );
        assert_eq!((tab.foreign, tab.reload), (Some(Foreign::Replaced), 1));
        let mut tab = Tab::default();
        assert_eq!(
            tab.update(TabEvent::Written(false)),
            None,
            "deleted: kept here"
        );
        assert_eq!((tab.foreign, tab.reload), (Some(Foreign::Deleted), 0));
    }
}
