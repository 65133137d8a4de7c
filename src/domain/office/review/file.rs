//! The review file (审核意见文件): what 导出审核意见 writes and 导入文件 reads. Small pretty JSON, sealed with the
//! same digest as a list file (`docs/format.md` § 12), read with the same limits and never trusted: every way it
//! can be wrong is a `ReviewError` that says in Chinese what is wrong and what to do.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Comment, ListRef, Verdict, REVIEW_FORMAT, REVIEW_VERSION};
use crate::domain::dates;
use crate::domain::file::digest::digest_of;
use crate::domain::file::encoding;
use crate::domain::file::export::windows_safe;
use crate::domain::file::import::MAX_NESTING;
use crate::domain::list::model::Meta;
use crate::domain::APP_VERSION;

/// A review is a few kilobytes; anything near this is not one.
pub const MAX_REVIEW_BYTES: usize = 2 * 1024 * 1024;
/// One comment per problem and measure of the biggest list the app handles (2,000 × 4), with room.
pub const MAX_COMMENTS: usize = 10_000;
/// A comment or an answer is a few sentences.
pub const MAX_TEXT_CHARS: usize = 2_000;

/// The review file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Review {
    /// Always `"rectify-review"`.
    pub format: String,
    /// `1`.
    pub version: u32,
    /// The list reviewed.
    pub list: ListRef,
    pub verdict: Verdict,
    /// 审核人.
    #[serde(default)]
    pub reviewer: String,
    /// 审核日期, `YYYY-MM-DD`.
    pub reviewed_on: String,
    /// The comments, in the list's order.
    #[serde(default)]
    pub comments: Vec<Comment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReviewError {
    TooLarge,
    NotJson,
    /// Not a review file at all (a list file, say): the importer of lists should read it.
    NotAReview,
    NewerVersion(u64),
    Malformed(String),
    /// The content differs from what `meta.digest` sealed.
    Changed,
    TooMany,
    TooLong,
}

impl ReviewError {
    pub fn message(&self) -> String {
        match self {
            ReviewError::TooLarge => "文件太大，不是审核意见文件。请确认选对了文件。".into(),
            ReviewError::NotJson | ReviewError::NotAReview => {
                "这不是审核意见文件。请使用办公室“导出审核意见”得到的原文件。".into()
            }
            ReviewError::NewerVersion(v) => format!(
                "这份审核意见由更新版本的程序写出（格式版本{v}），本程序读不了。请使用最新版本的本程序打开。"
            ),
            ReviewError::Malformed(what) => format!(
                "审核意见文件内容不完整或有误：{what}。未作任何改动。请向办公室索取原文件，不要手工修改它。"
            ),
            ReviewError::Changed => "审核意见文件在导出后被改动过（校验码不符），未作任何改动。请向办公室索取原文件。".into(),
            ReviewError::TooMany => format!(
                "审核意见文件里的意见超过{MAX_COMMENTS}条，不像是本程序写出的文件，未作任何改动。"
            ),
            ReviewError::TooLong => format!(
                "审核意见文件里有一条意见超过{MAX_TEXT_CHARS}个字，不像是本程序写出的文件，未作任何改动。"
            ),
        }
    }
}

/// Whether `bytes` claim to be a review file (its `format`), cheaply, before anything else reads them.
fn is_review(bytes: &[u8]) -> bool {
    // The key is near the top of a file this app wrote; a hand-made file is found by the full read below.
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head);
    head.contains(&format!("\"{REVIEW_FORMAT}\""))
}

/// A file that says it is a review, read as one; `None` for any other file (the list importer explains those).
pub fn classify(bytes: &[u8]) -> Option<Result<Review, ReviewError>> {
    if !is_review(bytes) {
        return None;
    }
    match read(bytes) {
        Err(ReviewError::NotAReview | ReviewError::NotJson) => None,
        other => Some(other),
    }
}

/// What is wrong in a review file that does not read, in Chinese: where (the list reviewed, the verdict, which
/// comment, which field) and what it should be. serde says what is wrong but not always which field; each field
/// of a part is read on its own to find it.
fn malformed(value: &Value, whole: &serde_json::Error) -> ReviewError {
    use crate::domain::file::import::{describe_structure, structure_problem};
    use crate::domain::list::model::Kind;
    fn bad<T: serde::de::DeserializeOwned>(part: &Value, key: &str) -> Option<serde_json::Error> {
        part.get(key).and_then(|v| T::deserialize(v.clone()).err())
    }
    let list_field = |list: &Value| {
        bad::<String>(list, "id")
            .map(|e| ("id", e))
            .or_else(|| bad::<u32>(list, "revision").map(|e| ("revision", e)))
            .or_else(|| bad::<String>(list, "digest").map(|e| ("digest", e)))
            .or_else(|| bad::<String>(list, "org_name").map(|e| ("org_name", e)))
            .or_else(|| bad::<Kind>(list, "kind").map(|e| ("kind", e)))
            .or_else(|| bad::<String>(list, "seen").map(|e| ("seen", e)))
    };
    let comment_field = |c: &Value| {
        ["path", "text", "seen", "answer", "earlier_text"]
            .iter()
            .find_map(|k| bad::<String>(c, k).map(|e| (*k, e)))
            .or_else(|| bad::<bool>(c, "revised").map(|e| ("revised", e)))
    };
    let mut located: Option<(String, serde_json::Error)> = None;
    if let Some(list) = value.get("list") {
        if let Err(e) = ListRef::deserialize(list) {
            located = Some(match list_field(list) {
                Some((k, e)) => (format!("list.{k}"), e),
                None => ("list".to_string(), e),
            });
        }
    }
    if located.is_none() {
        located = bad::<Verdict>(value, "verdict").map(|e| ("verdict".to_string(), e));
    }
    if located.is_none() {
        if let Some(comments) = value.get("comments").and_then(Value::as_array) {
            located = comments.iter().enumerate().find_map(|(i, c)| {
                Comment::deserialize(c)
                    .err()
                    .map(|e| match comment_field(c) {
                        Some((k, e)) => (format!("comments[{i}].{k}"), e),
                        None => (format!("comments[{i}]"), e),
                    })
            });
        }
    }
    let text = match located {
        Some((path, e)) => describe_structure(&path, &structure_problem(&e)),
        None => describe_structure("", &structure_problem(whole)),
    };
    ReviewError::Malformed(text)
}

/// Reads a review file: its format, its seal, its limits.
pub fn read(bytes: &[u8]) -> Result<Review, ReviewError> {
    if bytes.len() > MAX_REVIEW_BYTES {
        return Err(ReviewError::TooLarge);
    }
    let text = encoding::decode(bytes).map_err(|_| ReviewError::NotJson)?;
    if crate::domain::file::import::nesting_depth(&text) > MAX_NESTING {
        return Err(ReviewError::Malformed("嵌套过深".into()));
    }
    let value: Value = serde_json::from_str(&text).map_err(|_| ReviewError::NotJson)?;
    if value.get("format").and_then(Value::as_str) != Some(REVIEW_FORMAT) {
        return Err(ReviewError::NotAReview);
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(v) if v > u64::from(REVIEW_VERSION) => return Err(ReviewError::NewerVersion(v)),
        Some(v) if v >= 1 => {}
        _ => return Err(ReviewError::Malformed("没有格式版本".into())),
    }
    let stated = value
        .get("meta")
        .and_then(|m| m.get("digest"))
        .and_then(Value::as_str)
        .unwrap_or_default();
    if stated != digest_of(&value) {
        return Err(ReviewError::Changed);
    }
    let review = Review::deserialize(&value).map_err(|e| malformed(&value, &e))?;
    if review.comments.len() > MAX_COMMENTS {
        return Err(ReviewError::TooMany);
    }
    let mut paths: Vec<&str> = review.comments.iter().map(|c| c.path.as_str()).collect();
    crate::domain::order::sort_by(&mut paths, |a, b| a.cmp(b));
    if paths.windows(2).any(|w| w[0] == w[1]) {
        return Err(ReviewError::Malformed("同一处有两条意见".into()));
    }
    let too_long = |t: &str| t.chars().count() > MAX_TEXT_CHARS;
    if review
        .comments
        .iter()
        .any(|c| too_long(&c.text) || too_long(&c.answer) || c.path.len() > 200)
        || too_long(&review.reviewer)
    {
        return Err(ReviewError::TooLong);
    }
    if dates::parse(&review.reviewed_on).is_none() {
        return Err(ReviewError::Malformed(format!(
            "审核日期“{}”不是日期",
            review.reviewed_on
        )));
    }
    if review.list.id.is_empty() || !review.list.digest.starts_with("sha256:") {
        return Err(ReviewError::Malformed("没有写明审核的是哪份清单".into()));
    }
    Ok(review)
}

/// A written review file: its name and bytes, and its digest.
#[derive(Clone, Debug, PartialEq)]
pub struct Written {
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub digest: String,
}

impl Review {
    pub fn new(list: ListRef, verdict: Verdict, reviewer: &str, reviewed_on: &str) -> Self {
        Review {
            format: REVIEW_FORMAT.to_string(),
            version: REVIEW_VERSION,
            list,
            verdict,
            reviewer: reviewer.trim().to_string(),
            reviewed_on: reviewed_on.to_string(),
            comments: Vec::new(),
            meta: None,
        }
    }

    /// The review sealed and written; `now` is the local time with its offset.
    pub fn write(&self, now: DateTime<FixedOffset>) -> Written {
        let mut review = self.clone();
        review.format = REVIEW_FORMAT.to_string();
        review.version = REVIEW_VERSION;
        review.meta = None;
        let value = serde_json::to_value(&review).expect("a review always serialises");
        let digest = digest_of(&value);
        review.meta = Some(Meta {
            app_version: APP_VERSION.to_string(),
            exported_at: dates::rfc3339(now),
            digest: digest.clone(),
            extra: Default::default(),
        });
        let mut text = crate::domain::file::encoding::escape_controls(
            serde_json::to_string_pretty(&review).expect("a review always serialises"),
        );
        text.push('\n');
        Written {
            file_name: self.file_name(),
            bytes: text.into_bytes(),
            digest,
        }
    }

    /// `审核意见-{org_name}-第{revision}版-{通过|退回修改}-{YYYYMMDD}.json`.
    pub fn file_name(&self) -> String {
        let org = self.list.org_name.trim();
        let org = if org.is_empty() { "未填单位" } else { org };
        let date = dates::parse(&self.reviewed_on)
            .map(dates::compact)
            .unwrap_or_default();
        let name = format!(
            "审核意见-{org}-第{}版-{}-{date}",
            self.list.revision,
            self.verdict.label()
        );
        format!("{}.json", windows_safe(&name))
    }

    /// The digest the file carries, or of the content when it carries none.
    pub fn digest(&self) -> String {
        match &self.meta {
            Some(m) if !m.digest.is_empty() => m.digest.clone(),
            _ => {
                let mut bare = self.clone();
                bare.meta = None;
                digest_of(&serde_json::to_value(&bare).expect("a review always serialises"))
            }
        }
    }
}
