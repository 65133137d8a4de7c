//! The central office's set of received files, kept on this computer so files can be added over weeks.
//! A file is kept as its decoded text; a file that is not a list keeps only its name and why it was refused.
//!
//! The set lives in IndexedDB: a bureau's files (two lists from each of dozens of branches) soon outgrow the few
//! megabytes of localStorage, which the drafts need too. A set that an earlier version kept in localStorage is
//! moved over on first load.

use serde::{Deserialize, Serialize};

use crate::domain::consolidate;
use crate::domain::encoding;
use crate::domain::import::import;
use crate::ui::web::durable;

const KEY: &str = "rectify.v1.summary";

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Received {
    pub name: String,
    /// The file's text, when it is text.
    #[serde(default)]
    pub text: Option<String>,
    /// Why the file was refused, when it was not text (its bytes are not kept).
    #[serde(default)]
    pub refused: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SummarySet {
    pub storage: u32,
    pub files: Vec<Received>,
    /// 应报送的党支部, one name each.
    #[serde(default)]
    pub expected: Vec<String>,
}

impl SummarySet {
    /// Adds files as read: text files keep their text; others only their name and why they were refused.
    pub fn add(&mut self, files: &[(String, Vec<u8>)]) {
        for (name, bytes) in files {
            let (text, refused) = match encoding::decode(bytes) {
                Ok(text) => (Some(text), None),
                Err(_) => (None, import(bytes).err().map(|e| e.message())),
            };
            self.files.push(Received {
                name: name.clone(),
                text,
                refused,
            });
        }
    }

    /// The files as the consolidation takes them.
    pub fn inputs(&self) -> Vec<(String, consolidate::Received)> {
        self.files
            .iter()
            .map(|f| {
                let received = match (&f.text, &f.refused) {
                    (Some(text), _) => Ok(text.clone().into_bytes()),
                    (None, Some(why)) => Err(why.clone()),
                    (None, None) => Err("文件无法读取。".to_string()),
                };
                (f.name.clone(), received)
            })
            .collect()
    }
}

fn local() -> Option<web_sys::Storage> {
    super::storage::local().ok()
}

pub fn empty() -> SummarySet {
    SummarySet {
        storage: 1,
        ..SummarySet::default()
    }
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
        return empty();
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

/// An empty set that keeps the list of expected branches.
pub fn cleared(set: &SummarySet) -> SummarySet {
    SummarySet {
        expected: set.expected.clone(),
        ..empty()
    }
}
