//! At the office: the review being written of one received list (kept in the 汇总 set), the file it becomes, and
//! what the branch table says of each list (审核, 未答复).

use serde::{Deserialize, Serialize};

use super::attach::unanswered;
use super::file::{Review, MAX_TEXT_CHARS};
use super::{fingerprint, places, ListRef, Verdict};
use crate::domain::list::model::Document;

/// A review as the office writes it, kept in the 汇总 set until it is exported (and after, for the table).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub list: ListRef,
    /// `None` until 通过 or 退回修改 is pressed.
    #[serde(default)]
    pub verdict: Option<Verdict>,
    /// The comment on each path, in the order they were written (put in the list's order when exported).
    #[serde(default)]
    pub comments: Vec<(String, String)>,
    /// Exported as written: nothing of it is lost when the set is cleared.
    #[serde(default)]
    pub exported: bool,
}

impl Draft {
    /// A new review of `doc`, as received: `digest` is the file's digest.
    pub fn of(doc: &Document, digest: &str) -> Self {
        Draft {
            list: ListRef {
                id: doc.id.clone(),
                revision: doc.revision,
                digest: digest.to_string(),
                org_name: doc.header.org_name.clone(),
                kind: doc.kind,
                seen: fingerprint(doc, super::WHOLE_LIST).unwrap_or_default(),
            },
            verdict: None,
            comments: Vec::new(),
            exported: false,
        }
    }

    /// Written (a verdict or a comment) and not exported since: the office's work that only this set holds.
    pub fn unexported(&self) -> bool {
        !self.exported && (self.verdict.is_some() || !self.comments.is_empty())
    }

    pub fn is_of(&self, doc: &Document, digest: &str) -> bool {
        self.list.id == doc.id && self.list.revision == doc.revision && self.list.digest == digest
    }

    /// The comment on `path` (`list`, a problem's or a measure's id), or "".
    pub fn comment(&self, path: &str) -> &str {
        self.comments
            .iter()
            .find(|(p, _)| p == path)
            .map_or("", |(_, t)| t.as_str())
    }

    /// Sets the comment on `path`; an empty one is no comment.
    pub fn set_comment(&mut self, path: &str, text: &str) {
        let text = text.trim();
        self.comments.retain(|(p, _)| p != path);
        if !text.is_empty() {
            self.comments.push((path.to_string(), text.to_string()));
        }
    }

    /// The review file's content: comments in the list's order, each with the fingerprint of what it is on.
    /// `Err` says what is missing.
    pub fn review(&self, doc: &Document, reviewer: &str, today: &str) -> Result<Review, String> {
        let Some(verdict) = self.verdict else {
            return Err("请先选择“通过”或“退回修改”，再导出审核意见。".to_string());
        };
        if verdict == Verdict::Returned && self.comments.is_empty() {
            return Err("退回修改时请至少写一条审核意见，说明要改什么。".to_string());
        }
        // What the branch's import accepts (`file::read`): a longer comment would make the whole file refused there.
        let long: Vec<String> = places(doc)
            .iter()
            .filter_map(|place| {
                let n = self.comment(place.path).chars().count();
                (n > MAX_TEXT_CHARS).then(|| format!("“{}”的意见有{n}字", place.location))
            })
            .collect();
        if !long.is_empty() {
            return Err(format!(
                "{}，超过了{MAX_TEXT_CHARS}字（支部导入时会拒绝整个文件），请删减后再导出。",
                long.join("、")
            ));
        }
        // The file names the list by the id the branch's draft has (a list made on another 党支部's file is counted
        // under a line of its own here).
        let mut list = self.list.clone();
        list.id = crate::domain::office::consolidate::file_id(&list.id).to_string();
        let mut review = Review::new(list, verdict, reviewer, today);
        for place in places(doc) {
            let text = self.comment(place.path);
            if let (false, Some(seen)) = (text.is_empty(), fingerprint(doc, place.path)) {
                review.comments.push(super::Comment {
                    path: place.path.to_string(),
                    text: text.to_string(),
                    seen,
                    ..Default::default()
                });
            }
        }
        Ok(review)
    }
}

/// One change of a review. The page applies it to the review as it stands then: two changes made before the page
/// renders again (a comment left by clicking a verdict) must not undo one another.
#[derive(Clone, Debug, PartialEq)]
pub enum ReviewEdit {
    Comment {
        path: String,
        text: String,
    },
    Verdict(Verdict),
    Reviewer(String),
    /// 导出审核意见 wrote the review as it stands.
    Exported,
}

impl ReviewEdit {
    pub fn apply(self, draft: &mut Draft, reviewer: &mut String) {
        match self {
            ReviewEdit::Comment { path, text } => {
                if draft.comment(&path) != text.trim() {
                    draft.exported = false;
                }
                draft.set_comment(&path, &text);
            }
            ReviewEdit::Verdict(v) => {
                draft.exported &= draft.verdict == Some(v);
                draft.verdict = Some(v);
            }
            ReviewEdit::Reviewer(name) => *reviewer = name.trim().to_string(),
            ReviewEdit::Exported => draft.exported = true,
        }
    }
}

/// 审核 in the branch table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// 待审: no verdict on this revision yet.
    Waiting,
    Passed,
    Returned,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Waiting => "待审",
            Status::Passed => "通过",
            Status::Returned => "退回",
        }
    }
}

/// 审核 and 未答复 of a received list: the verdict given on this very file, and the comments not answered — in the
/// review the file carries back, or, for a file just sent back, every comment of the review.
pub fn status(doc: &Document, digest: &str, drafts: &[Draft]) -> (Status, usize) {
    let mine = drafts.iter().find(|d| d.is_of(doc, digest));
    let status = match mine.and_then(|d| d.verdict) {
        Some(Verdict::Passed) => Status::Passed,
        Some(Verdict::Returned) => Status::Returned,
        None => Status::Waiting,
    };
    let open = match mine {
        Some(d) if d.verdict.is_some() => d.comments.len(),
        // The comments the file carries back without an answer (none when it carries no review).
        _ => unanswered(doc),
    };
    (status, open)
}
