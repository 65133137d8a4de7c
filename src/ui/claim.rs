//! One tab edits a draft at a time, whether it edits it in 填写 or in 台账: both pages hold a session on the same
//! stored draft, and two sessions saving in turn would each overwrite what the other saved. A page claims the
//! draft with `use_claim`; while another tab holds it, the page is read-only, follows what that tab saves, and
//! offers to take over.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::domain::editor::tab::{Tab, TabEffect, TabEvent};
use crate::ui::session::SessionHandle;
use crate::ui::web::tabs::{self, TabGuard};

use crate::domain::editor::tab::{Foreign, TabState};

/// This tab's claim on one draft.
pub struct Claim {
    /// As it is now (`tab.reload` changes whenever the page must load the draft again: key its session on it).
    pub tab: Tab,
    /// The page puts its session here as it renders, so that a takeover saves what this tab has.
    pub live: Rc<RefCell<Option<SessionHandle>>>,
    pub take_over: Callback<MouseEvent>,
}

impl Claim {
    pub fn read_only(&self) -> bool {
        !self.tab.editing()
    }

    /// Hands the page's session to the claim and makes it read-only while another tab edits.
    pub fn hold(&self, session: &SessionHandle) {
        *self.live.borrow_mut() = Some(session.clone());
        session.set_read_only(self.read_only());
    }

    /// What the page shows while another tab edits the draft, or after another tab replaced or deleted it.
    pub fn notice(&self) -> Html {
        match self.tab.state {
            TabState::Editing => match self.tab.foreign {
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

/// Claims draft `id` for this tab, or learns that another tab has it. What each thing heard does is
/// `domain::editor::tab`; this hook talks to the other tabs and carries it out.
#[hook]
pub fn use_claim(id: &str) -> Claim {
    // The claim as it is now (each event reads and changes the latest), and a render when it changed.
    let tab = use_mut_ref(Tab::default);
    let render = use_force_update();
    let guard = use_mut_ref(|| None::<TabGuard>);
    let live = use_mut_ref(|| None::<SessionHandle>);
    {
        let (tab, live, guard) = (tab.clone(), live.clone(), guard.clone());
        use_effect_with(id.to_string(), move |id| {
            let key = crate::domain::editor::drafts::key(id);
            let happened = {
                let (tab, live) = (tab.clone(), live.clone());
                Rc::new(move |event: TabEvent| {
                    let effect = tab.borrow_mut().update(event);
                    if let (Some(TabEffect::DiscardPending), Some(session)) =
                        (effect, live.borrow().as_ref())
                    {
                        session.discard_pending();
                    }
                    render.force_update();
                })
            };
            let (editing, saver, heard) = (tab.clone(), live.clone(), happened.clone());
            *guard.borrow_mut() = TabGuard::join(
                id,
                move || editing.borrow().editing(),
                // Another tab takes over: what this tab has is saved first.
                move || {
                    if let Some(session) = saver.borrow().as_ref() {
                        session.flush();
                    }
                },
                move |h| heard(TabEvent::Heard(h)),
            );
            let follow = tabs::on_storage_change(key, move |stored| {
                happened(TabEvent::Written(stored.is_some()))
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
    let now = *tab.borrow();
    Claim {
        tab: now,
        live,
        take_over,
    }
}
