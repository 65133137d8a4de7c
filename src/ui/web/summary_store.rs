//! Where the central office's set of received files (`domain::summary_set`) is kept on this computer.
//!
//! The set lives in IndexedDB: a bureau's files (two lists from each of dozens of branches) soon outgrow the few
//! megabytes of localStorage, which the drafts need too. A set that an earlier version kept in localStorage is
//! moved over on first load.
//!
//! Beside it, a stamp that every write raises: a tab writes only over the stamp it last read or wrote
//! (`durable::swap`), and says on a BroadcastChannel that it wrote, so that the other tabs of 汇总 show the set as
//! stored (`domain::summary_page` decides what a tab does with what it hears).

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::BroadcastChannel;

use crate::domain::office::summary_page::Stored;
use crate::domain::office::summary_set::SummarySet;
use crate::ui::web::durable::{self, Swapped};

const KEY: &str = "rectify.v1.summary";
const STAMP: &str = "rectify.v1.summary.stamp";
const CHANNEL: &str = "rectify-summary";

const REFUSED: &str = "浏览器没能保存收到的文件（存储空间不足，或不允许本程序保存数据）。本次汇总结果仍可查看、导出和打印，但关闭页面后需要重新导入这些文件。";

fn local() -> Option<web_sys::Storage> {
    super::storage::local().ok()
}

fn parse(text: Option<String>) -> Option<SummarySet> {
    text.and_then(|text| serde_json::from_str(&text).ok())
}

/// The set as kept and its stamp (empty and 0 when there is none).
pub async fn load() -> (SummarySet, u64) {
    let read = durable::read_together(durable::SUMMARY, &[KEY, STAMP]).await;
    let stamp = read
        .get(1)
        .cloned()
        .flatten()
        .and_then(|v| v.as_f64())
        .map_or(0, |n| n as u64);
    if let Some(set) = parse(read.first().cloned().flatten().and_then(|v| v.as_string())) {
        return (set, stamp);
    }
    let Some(old) = parse(local().and_then(|s| s.get_item(KEY).ok().flatten())) else {
        return (SummarySet::empty(), stamp);
    };
    // Kept by an earlier version in localStorage: moved, and removed there only once it is safely written.
    match keep(&old, stamp).await {
        Stored::Written(stamp) => {
            if let Some(s) = local() {
                let _ = s.remove_item(KEY);
            }
            (old, stamp)
        }
        _ => (old, stamp),
    }
}

/// Keeps the set if the stored one's stamp is still `expected`, and says so to the other tabs.
pub async fn keep(set: &SummarySet, expected: u64) -> Stored {
    let Ok(text) = serde_json::to_string(set) else {
        return Stored::Failed("无法保存汇总。".to_string());
    };
    match durable::swap(durable::SUMMARY, KEY, STAMP, expected, &text).await {
        Some(Swapped::Written(stamp)) => {
            if let Ok(channel) = BroadcastChannel::new(CHANNEL) {
                let _ = channel.post_message(&wasm_bindgen::JsValue::from_f64(stamp as f64));
                channel.close();
            }
            Stored::Written(stamp)
        }
        Some(Swapped::Stale(stamp, text)) => Stored::Stale(
            Box::new(parse(text).unwrap_or_else(SummarySet::empty)),
            stamp,
        ),
        None => Stored::Failed(REFUSED.to_string()),
    }
}

/// Calls `heard` with each stamp another tab says it stored, until the listener is dropped.
pub fn listen(heard: impl Fn(u64) + 'static) -> Option<(BroadcastChannel, EventListener)> {
    let channel = BroadcastChannel::new(CHANNEL).ok()?;
    let listener = EventListener::new(&channel, "message", move |event| {
        if let Some(stamp) = event
            .dyn_ref::<web_sys::MessageEvent>()
            .and_then(|m| m.data().as_f64())
        {
            heard(stamp as u64);
        }
    });
    Some((channel, listener))
}
