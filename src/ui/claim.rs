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

/// This tab's claim on one draft.
pub struct Claim {
    pub state: TabState,
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

    /// What the page shows while another tab edits the draft; nothing while this tab edits it.
    pub fn notice(&self) -> Html {
        match self.state {
            TabState::Editing => html! {},
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
    let reload = use_state(|| 0u32);
    let guard = use_mut_ref(|| None::<TabGuard>);
    let editing = use_mut_ref(|| true);
    let live = use_mut_ref(|| None::<SessionHandle>);
    *editing.borrow_mut() = *state == TabState::Editing;
    {
        let (live, state, reload, guard, editing) = (
            live.clone(),
            state.clone(),
            reload.clone(),
            guard.clone(),
            editing.clone(),
        );
        use_effect_with(id.to_string(), move |id| {
            let key = crate::domain::drafts::key(id);
            let (heard_state, heard_reload) = (state.clone(), reload.clone());
            *guard.borrow_mut() = TabGuard::join(
                id,
                move || *editing.borrow(),
                move || {
                    if let Some(session) = live.borrow().as_ref() {
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
            // A read-only view follows the tab that edits.
            let follow = tabs::on_storage_change(key, move || {
                if *state != TabState::Editing {
                    reload.set(*reload + 1);
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
        reload: *reload,
        live,
        take_over,
    }
}
