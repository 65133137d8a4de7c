//! At the branch: a review attached to the draft it is of, its comments answered, and whether the list is ready to
//! hand in again.

use super::file::Review;
use super::{fingerprint, places, AttachedReview, Comment, WHOLE_LIST};
use crate::domain::file::export::content_digest;
use crate::domain::list::model::Document;

/// Why a review is not attached; nothing changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// This computer has no draft with the review's document id.
    NoSuchList { org_name: String, revision: u32 },
    /// The draft was exported again after the revision reviewed.
    OlderRevision { reviewed: u32, here: u32 },
    /// The review is of a revision this computer never exported (the list was exported elsewhere).
    NewerRevision { reviewed: u32, here: u32 },
    /// This very review is attached already.
    AlreadyAttached,
}

impl Refused {
    pub fn message(&self) -> String {
        match self {
            Refused::NoSuchList { org_name, revision } => format!(
                "这份审核意见是对“{}”清单第{revision}版的，本机没有这份清单的草稿，未作任何改动。请在填写这份清单的电脑上导入，或先导入这份清单的文件。",
                if org_name.trim().is_empty() { "未填单位" } else { org_name.trim() }
            ),
            Refused::OlderRevision { reviewed, here } => format!(
                "这份审核意见针对的是第{reviewed}版，本机的清单已导出到第{here}版，意见可能已经过时，未作任何改动。请把第{here}版报送办公室，等待对它的审核意见。"
            ),
            Refused::NewerRevision { reviewed, here } => format!(
                "这份审核意见针对的是第{reviewed}版，本机的清单只到第{here}版：第{reviewed}版是在另一台电脑上导出的，未作任何改动。请在那台电脑上导入。"
            ),
            Refused::AlreadyAttached => "这份审核意见已经附在清单上了，未作改动。".to_string(),
        }
    }
}

/// A review ready to attach, and what the user is told.
#[derive(Clone, Debug, PartialEq)]
pub struct Attaching {
    pub review: AttachedReview,
    /// The draft changed since the revision the office reviewed: the comments may point at text already changed.
    pub changed_since: bool,
}

impl Attaching {
    pub fn message(&self) -> String {
        let verdict = self.review.verdict.label();
        let n = self.review.comments.len();
        // "Answer each one" is the banner's to say (`not_ready`): it goes once every comment is answered, where this
        // notice stays for the page's life.
        let mut text = format!("已附上审核意见（{verdict}，{n}条意见）。");
        if n == 0 {
            text = format!("已附上审核意见（{verdict}，没有具体意见）。");
        }
        if self.changed_since {
            text.push_str(&format!(
                "注意：审核的是第{}版，本机的清单在那之后又改过，意见所指的内容可能已经不同，请逐条核对。",
                self.review.list.revision
            ));
        }
        text
    }
}

/// Checks `review` against `draft` (the draft with the review's document id, if this computer has one).
pub fn attaching(draft: Option<&Document>, review: &Review) -> Result<Attaching, Refused> {
    let Some(draft) = draft.filter(|d| d.id == review.list.id) else {
        return Err(Refused::NoSuchList {
            org_name: review.list.org_name.clone(),
            revision: review.list.revision,
        });
    };
    let digest = review.digest();
    if draft.review.as_ref().is_some_and(|r| r.digest == digest) {
        return Err(Refused::AlreadyAttached);
    }
    let (reviewed, here) = (review.list.revision, draft.revision);
    if reviewed < here {
        return Err(Refused::OlderRevision { reviewed, here });
    }
    if reviewed > here {
        return Err(Refused::NewerRevision { reviewed, here });
    }
    // Answers already written to a comment the office repeats (a second review of the same revision) are kept; to
    // a comment it reworded, kept too, with the wording they answered, to be confirmed.
    let previous = draft
        .review
        .as_ref()
        .map(|r| r.comments.as_slice())
        .unwrap_or(&[]);
    let comments = review
        .comments
        .iter()
        .map(|c| {
            let kept = previous
                .iter()
                .find(|p| p.path == c.path && !p.answer.trim().is_empty());
            let earlier_text = match kept {
                Some(p) if p.text != c.text => {
                    if p.earlier_text.is_empty() {
                        p.text.clone()
                    } else {
                        p.earlier_text.clone()
                    }
                }
                _ => String::new(),
            };
            Comment {
                answer: kept.map(|p| p.answer.clone()).unwrap_or_default(),
                revised: kept.is_some_and(|p| p.revised),
                earlier_text,
                ..c.clone()
            }
        })
        .collect();
    Ok(Attaching {
        review: AttachedReview {
            digest,
            list: review.list.clone(),
            verdict: review.verdict,
            reviewer: review.reviewer.clone(),
            reviewed_on: review.reviewed_on.clone(),
            comments,
        },
        changed_since: changed_since(draft, &review.list),
    })
}

/// Whether the branch changed its list since the revision reviewed: what it writes (the list's fingerprint, § 12.4),
/// never the review it carries or its answers. A review file of an earlier version has no fingerprint of the list:
/// then the list's digest, with and without the review it carries, is compared with the file's.
fn changed_since(draft: &Document, list: &super::ListRef) -> bool {
    if !list.seen.is_empty() {
        return fingerprint(draft, WHOLE_LIST).as_deref() != Some(list.seen.as_str());
    }
    let mut bare = draft.clone();
    bare.review = None;
    content_digest(draft) != list.digest && content_digest(&bare) != list.digest
}

/// Comments not yet answered.
pub fn unanswered(doc: &Document) -> usize {
    doc.review.as_ref().map_or(0, |r| {
        r.comments.iter().filter(|c| !c.is_answered()).count()
    })
}

/// "Not ready to hand in again": why, or `None` when every comment is answered (or there is no review).
pub fn not_ready(doc: &Document) -> Option<String> {
    let open = unanswered(doc);
    (open > 0).then(|| format!("还有{open}条审核意见没有答复，请逐条答复：答复后才能再次报送。"))
}

/// One comment as the branch or the office reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    pub comment: Comment,
    /// Where it sits now, or `None` when the problem or measure is gone.
    pub location: Option<String>,
    /// Whether what it is on changed since the review (gone counts as changed).
    pub changed: bool,
}

/// The comments of the review attached to `doc`, each with where it sits and whether it changed since.
pub fn shown(doc: &Document) -> Vec<Shown> {
    let Some(review) = &doc.review else {
        return Vec::new();
    };
    let places = places(doc);
    review
        .comments
        .iter()
        .map(|c| Shown {
            location: places
                .iter()
                .find(|p| p.path == c.path)
                .map(|p| p.location.clone()),
            changed: fingerprint(doc, &c.path).as_deref() != Some(c.seen.as_str()),
            comment: c.clone(),
        })
        .collect()
}
