//! Drafts as the browser's storage keeps them. The stored shape is versioned apart from the file format, so either
//! can change without the other; an old stored draft is migrated when it is read, never dropped.

use chrono::NaiveDate;
use serde_json::{json, Value};

use super::export::to_value;
use super::import::{import_value, ImportError};
use super::model::{Document, Kind};
use super::validate::validate;

/// The version of the stored shape below.
pub const STORAGE_VERSION: u64 = 1;
/// Every draft lives under `rectify.v1.draft.<document id>`; the `v1` is the storage version of the key scheme.
pub const KEY_PREFIX: &str = "rectify.v1.draft.";

/// `STEPS[i]` turns a stored draft of storage version `i + 1` into one of version `i + 2`.
const STEPS: &[fn(Value) -> Value] = &[];

/// One draft: the document and when it was last saved (RFC 3339, local time).
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub document: Document,
    pub saved_at: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftError {
    /// The stored text is not JSON, or not a stored draft.
    Damaged,
    /// Stored by a newer version of the app.
    Newer(u64),
    /// The document inside does not read as a list.
    Document(ImportError),
}

impl DraftError {
    pub fn message(&self) -> String {
        match self {
            DraftError::Damaged => "这份草稿在浏览器中的存储已损坏，无法打开。".to_string(),
            DraftError::Newer(v) => format!(
                "这份草稿是由更新版本的程序保存的（存储版本{v}），请使用最新版本的程序打开。"
            ),
            DraftError::Document(e) => format!("这份草稿无法打开：{}", e.message()),
        }
    }
}

pub fn key(id: &str) -> String {
    format!("{KEY_PREFIX}{id}")
}

/// The document id of a storage key, if it is a draft's key.
pub fn id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(KEY_PREFIX)
}

/// The text stored for `draft`.
pub fn encode(draft: &Draft) -> String {
    json!({
        "storage": STORAGE_VERSION,
        "saved_at": draft.saved_at,
        "document": to_value(&draft.document),
    })
    .to_string()
}

/// Reads a stored draft, migrating an older stored shape.
pub fn decode(text: &str) -> Result<Draft, DraftError> {
    let value: Value = serde_json::from_str(text).map_err(|_| DraftError::Damaged)?;
    let version = value
        .get("storage")
        .and_then(Value::as_u64)
        .ok_or(DraftError::Damaged)?;
    if version > STORAGE_VERSION {
        return Err(DraftError::Newer(version));
    }
    if version == 0 {
        return Err(DraftError::Damaged);
    }
    let mut value = STEPS[(version - 1) as usize..]
        .iter()
        .fold(value, |v, step| step(v));
    let saved_at = value
        .get("saved_at")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let document = value
        .get_mut("document")
        .map(Value::take)
        .ok_or(DraftError::Damaged)?;
    let imported = import_value(document).map_err(DraftError::Document)?;
    Ok(Draft {
        document: imported.document,
        saved_at,
    })
}

/// What the start page lists of a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub id: String,
    pub kind: Kind,
    /// 党组织名称, or a stand-in while it is empty.
    pub name: String,
    pub saved_at: String,
    pub complete: bool,
    pub errors: usize,
    pub measures: usize,
}

impl Summary {
    pub fn of(draft: &Draft, today: NaiveDate) -> Self {
        let doc = &draft.document;
        let report = validate(doc, today);
        let name = doc.header.org_name.trim();
        Summary {
            id: doc.id.clone(),
            kind: doc.kind,
            name: if name.is_empty() {
                "（未填写党组织名称）".to_string()
            } else {
                name.to_string()
            },
            saved_at: draft.saved_at.clone(),
            complete: report.is_complete(),
            errors: report.error_count(),
            measures: doc.all_measures().count(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::member_list;

    #[test]
    fn a_stored_draft_reads_back_unchanged() {
        let draft = Draft {
            document: member_list(3, "交警大队党支部", 2, 2, 2),
            saved_at: "2024-06-01T09:30:00+08:00".into(),
        };
        assert_eq!(decode(&encode(&draft)).unwrap(), draft);
    }

    #[test]
    fn damaged_and_newer_storage_is_refused_with_a_message() {
        assert_eq!(decode("{not json"), Err(DraftError::Damaged));
        assert_eq!(decode(r#"{"storage": 1}"#), Err(DraftError::Damaged));
        assert_eq!(
            decode(r#"{"storage": 9, "document": {}}"#),
            Err(DraftError::Newer(9))
        );
        assert!(DraftError::Newer(9).message().contains("更新版本"));
    }

    #[test]
    fn keys_carry_the_storage_version_and_the_document_id() {
        assert_eq!(key("abc"), "rectify.v1.draft.abc");
        assert_eq!(id_of_key("rectify.v1.draft.abc"), Some("abc"));
        assert_eq!(id_of_key("other"), None);
    }

    #[test]
    fn a_summary_says_whether_the_list_is_complete() {
        let today = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
        let mut draft = Draft {
            document: member_list(3, "交警大队党支部", 2, 1, 1),
            saved_at: String::new(),
        };
        let summary = Summary::of(&draft, today);
        assert!(summary.complete);
        assert_eq!(summary.measures, 2);
        draft.document.header.org_name.clear();
        let summary = Summary::of(&draft, today);
        assert!(!summary.complete);
        assert_eq!(summary.name, "（未填写党组织名称）");
    }
}
