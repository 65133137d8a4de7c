//! The same draft open in two tabs must never silently overwrite itself. Tabs talk over a BroadcastChannel: a tab
//! that opens a draft says so; a tab that already has it answers; the newcomer then shows the draft read-only and
//! offers to take over, upon which the other tab saves what it has and becomes read-only in turn.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::BroadcastChannel;

const CHANNEL: &str = "rectify-drafts";

pub use crate::domain::editor::tab::Heard;

/// This tab's part in the conversation about one draft; dropping it ends the conversation.
pub struct TabGuard {
    channel: BroadcastChannel,
    id: String,
    me: String,
    _listener: EventListener,
}

impl TabGuard {
    /// Joins the conversation about draft `id`. `editing()` says whether this tab edits it now (then it answers
    /// newcomers); `heard` gets what other tabs say; `on_takeover` runs before this tab lets go (to save).
    pub fn join(
        id: &str,
        editing: impl Fn() -> bool + 'static,
        on_takeover: impl Fn() + 'static,
        heard: impl Fn(Heard) + 'static,
    ) -> Option<TabGuard> {
        let channel = BroadcastChannel::new(CHANNEL).ok()?;
        let me = super::clock::new_id();
        let (id_owned, me_owned, reply) = (id.to_string(), me.clone(), channel.clone());
        let listener = EventListener::new(&channel, "message", move |event| {
            let Some(text) = event
                .dyn_ref::<web_sys::MessageEvent>()
                .and_then(|m| m.data().as_string())
            else {
                return;
            };
            let mut parts = text.splitn(3, ':');
            let (Some(kind), Some(draft), Some(from)) = (parts.next(), parts.next(), parts.next())
            else {
                return;
            };
            if draft != id_owned || from == me_owned {
                return;
            }
            match kind {
                "hello" if editing() => {
                    let _ = reply.post_message(&format!("here:{id_owned}:{me_owned}").into());
                }
                "here" => heard(Heard::OpenElsewhere),
                "takeover" if editing() => {
                    on_takeover();
                    heard(Heard::TakenOver);
                    let _ = reply.post_message(&format!("released:{id_owned}:{me_owned}").into());
                }
                "released" => heard(Heard::Released),
                _ => {}
            }
        });
        let guard = TabGuard {
            channel,
            id: id.to_string(),
            me,
            _listener: listener,
        };
        guard.say("hello");
        Some(guard)
    }

    /// Asks the tab that edits the draft to let go.
    pub fn take_over(&self) {
        self.say("takeover");
    }

    fn say(&self, kind: &str) {
        let _ = self
            .channel
            .post_message(&format!("{kind}:{}:{}", self.id, self.me).into());
    }
}

impl Drop for TabGuard {
    fn drop(&mut self) {
        self.channel.close();
    }
}

/// Calls `changed(stored)` when another tab stores or removes draft `key` (`None`: removed).
pub fn on_storage_change(key: String, changed: impl Fn(Option<String>) + 'static) -> EventListener {
    let window: web_sys::EventTarget = gloo::utils::window().into();
    EventListener::new(&window, "storage", move |event| {
        if let Some(e) = event.dyn_ref::<web_sys::StorageEvent>() {
            if e.key().as_deref() == Some(key.as_str()) {
                changed(e.new_value());
            }
        }
    })
}
