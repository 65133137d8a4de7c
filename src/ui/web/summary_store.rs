//! Where the central office's set of received files (`domain::summary_set`) is kept on this computer.
//!
//! The set lives in IndexedDB: a bureau's files (two lists from each of dozens of branches) soon outgrow the few
//! megabytes of localStorage, which the drafts need too. A set that an earlier version kept in localStorage is
//! moved over on first load.

use crate::domain::summary_set::SummarySet;
use crate::ui::web::durable;

const KEY: &str = "rectify.v1.summary";

fn local() -> Option<web_sys::Storage> {
    super::storage::local().ok()
}

/// The set as kept (empty when there is none).
pub async fn load() -> SummarySet {
    if let Some(set) = durable::read(durable::SUMMARY, KEY)
        .await
        .and_then(|text| serde_json::from_str(&text).ok())
    {
        return set;
    }
    let Some(old) = local()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .and_then(|text| serde_json::from_str::<SummarySet>(&text).ok())
    else {
        return SummarySet::empty();
    };
    // Kept by an earlier version in localStorage: moved, and removed there only once it is safely written.
    if save(&old).await.is_ok() {
        if let Some(s) = local() {
            let _ = s.remove_item(KEY);
        }
    }
    old
}

/// Saves the set and waits until it is written; the error says what it means for the user.
pub async fn save(set: &SummarySet) -> Result<(), String> {
    let text = serde_json::to_string(set).map_err(|_| "无法保存汇总。".to_string())?;
    if durable::write(durable::SUMMARY, KEY, &text).await {
        Ok(())
    } else {
        Err("浏览器没能保存收到的文件（存储空间不足，或不允许本程序保存数据）。本次汇总结果仍可查看、导出和打印，但关闭页面后需要重新导入这些文件。".to_string())
    }
}
