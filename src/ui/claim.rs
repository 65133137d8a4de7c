//! One tab edits a draft at a time, whether it edits it in 填写 or in 台账: both pages hold a session on the same
//! stored draft, and two sessions saving in turn would each overwrite what the other saved. A page claims the
//! draft with `use_claim`; while another tab holds it, the page is read-only, follows what that tab saves, and
//! offers to take over.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::ui::session::SessionHandle;
use crate::ui::web::tabs::{self, Heard, TabGuard};

/// Whether this tab edits the draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TabState {
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

/// This tab's claim on one draft.
pub struct Claim {
    pub state: TabState,
    pub foreign: Option<Foreign>,
    /// Changes whenever the page must load the draft again (it was released to this tab, or the tab that edits
    /// it saved); key the page's session on it.
    pub reload: u32,
    /// The page puts its session here as it renders, so that a takeover saves what this tab has.
    pub live: Rc<RefCell<Option<SessionHandle>>>,
    pub take_over: Callback<MouseEvent>,
}

impl Claim {
    pub fn read_only(&self) -> bool {
        self.state != TabState::Editing
    }

    /// Hands the page's session to the claim and makes it read-only while another tab edits.
    pub fn hold(&self, session: &SessionHandle) {
        *self.live.borrow_mut() = Some(session.clone());
        session.set_read_only(self.read_only());
    }

    /// What the page shows while another tab edits the draft, or after another tab replaced or deleted it.
    pub fn notice(&self) -> Html {
        match self.state {
            TabState::Editing => match self.foreign {
                None => html! {},
                Some(Foreign::Replaced) => html! {
                    <p class="notice warning no-print" role="alert">{ "这份草稿刚在另一个窗口中被导入的文件替换，本窗口已改为显示替换后的内容。" }</p>
                },
                Some(Foreign::Deleted) => html! {
                    <p class="notice warning no-print" role="alert">{ "这份草稿刚在另一个窗口中被删除。本窗口的内容还在：继续编辑会重新保存它；如需保留，也可以点“导出JSON”存成文件。" }</p>
                },
            },
            TabState::ReadOnly => html! {
                <div class="notice warning no-print" role="alert">
                    <p>{ "这份草稿已在另一个窗口（标签页）中打开。为了不互相覆盖，本窗口只供查看，不能修改。" }</p>
                    <button type="button" class="primary" onclick={self.take_over.clone()}>{ "在本窗口继续编辑" }</button>
                    <span class="muted">{ "（另一个窗口会先保存，再改为只读）" }</span>
                </div>
            },
            TabState::TakenOver => html! {
                <p class="notice warning no-print" role="alert">{ "这份草稿已在另一个窗口中继续编辑，本窗口的修改都已保存，现在改为只读。要在这里编辑，请关闭另一个窗口后刷新本页。" }</p>
            },
        }
    }
}

/// Claims draft `id` for this tab, or learns that another tab has it.
#[hook]
pub fn use_claim(id: &str) -> Claim {
    let state = use_state(|| TabState::Editing);
    let foreign = use_state(|| None::<Foreign>);
    let reload = use_state(|| 0u32);
    let guard = use_mut_ref(|| None::<TabGuard>);
    let live = use_mut_ref(|| None::<SessionHandle>);
    {
        let (live, state, foreign, reload, guard) = (
            live.clone(),
            state.clone(),
            foreign.clone(),
            reload.clone(),
            guard.clone(),
        );
        use_effect_with(id.to_string(), move |id| {
            let key = crate::domain::editor::drafts::key(id);
            // A state handle reads the state as it is now, not as it was when the effect ran.
            let (editing, heard_state, heard_reload, saver) =
                (state.clone(), state.clone(), reload.clone(), live.clone());
            *guard.borrow_mut() = TabGuard::join(
                id,
                move || *editing == TabState::Editing,
                move || {
                    if let Some(session) = saver.borrow().as_ref() {
                        session.flush();
                    }
                },
                move |heard| match heard {
                    Heard::OpenElsewhere => heard_state.set(TabState::ReadOnly),
                    Heard::TakenOver => heard_state.set(TabState::TakenOver),
                    Heard::Released => {
                        heard_state.set(TabState::Editing);
                        heard_reload.set(*heard_reload + 1);
                    }
                },
            );
            let follow = tabs::on_storage_change(key, move |stored| {
                // A read-only view follows the tab that edits.
                if *state != TabState::Editing {
                    reload.set(*reload + 1);
                    return;
                }
                // This tab edits the draft, yet another tab wrote it: its start page imported a file over it (the
                // user said to replace it) or deleted it. The import wins, so a change still waiting here must not
                // be saved over it; a deleted draft is saved again only if the user goes on.
                match stored {
                    Some(_) => {
                        if let Some(session) = live.borrow().as_ref() {
                            session.discard_pending();
                        }
                        foreign.set(Some(Foreign::Replaced));
                        reload.set(*reload + 1);
                    }
                    None => foreign.set(Some(Foreign::Deleted)),
                }
            });
            move || {
                guard.borrow_mut().take();
                drop(follow);
            }
        });
    }
    let take_over = Callback::from(move |_: MouseEvent| {
        if let Some(g) = guard.borrow().as_ref() {
            g.take_over();
        }
    });
    Claim {
        state: *state,
        foreign: *foreign,
        reload: *reload,
        live,
        take_over,
    }
}
