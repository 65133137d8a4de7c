//! 审核意见: the office's review of a branch's list, and the branch's answers to it (`docs/format.md` § 12).
//!
//! The office writes a small review file (`file`): which list and revision it read, the verdict, and comments on
//! the list as a whole, on problems and on measures, each with a fingerprint of what it commented on. The branch
//! attaches it to its draft (`attach`), answers each comment, and the next export carries the answers under the
//! document's `review` key. The office reads them back beside its own review (`office`).

pub mod attach;
pub mod file;
pub mod office;

use serde_json::Value;

use super::digest::digest_of;
pub use super::model::{AttachedReview, Comment, ListRef, Verdict};
use super::model::{Document, Kind, Measure, Problem};
use super::path::Location;

/// The `format` of a review file.
pub const REVIEW_FORMAT: &str = "rectify-review";
/// The review file's version that this app writes and the newest it reads.
pub const REVIEW_VERSION: u32 = 1;
/// The path of a comment on the list as a whole.
pub const WHOLE_LIST: &str = "list";

/// The fingerprint of what a comment is on, in `doc`: `None` when there is no such problem or measure.
///
/// Only what the branch writes counts (a measure's 措施内容, 整改目标, 时限 and 责任人; a problem's fields and its
/// measures), not the ledger's 进展 and 销号, which move on after the review without answering it.
pub fn fingerprint(doc: &Document, path: &str) -> Option<String> {
    if path == WHOLE_LIST {
        let parts: Vec<Value> = doc.all_problems().map(|(_, p)| problem_value(p)).collect();
        let header = serde_json::to_value(&doc.header).unwrap_or(Value::Null);
        return Some(hash(
            &serde_json::json!({ "header": header, "problems": parts }),
        ));
    }
    for (_, problem) in doc.all_problems() {
        if problem.id == path {
            return Some(hash(&problem_value(problem)));
        }
        if let Some(m) = problem.measures.iter().find(|m| m.id == path) {
            return Some(hash(&measure_value(m)));
        }
    }
    None
}

fn measure_value(m: &Measure) -> Value {
    serde_json::json!({
        "content": m.content, "goal": m.goal, "deadline": m.deadline,
        "lead": m.lead, "owner": m.owner, "dept": m.dept,
    })
}

fn problem_value(p: &Problem) -> Value {
    let measures: Vec<Value> = p.measures.iter().map(measure_value).collect();
    serde_json::json!({
        "category": p.category, "sources": p.sources, "description": p.description,
        "remark": p.remark, "measures": measures,
    })
}

/// The digest of § 6 (none of these objects has a `meta` key to leave out).
fn hash(value: &Value) -> String {
    digest_of(value)
}

/// Where a comment sits, as the user reads it: `整个清单`, `第2个问题`, `第2名党员（刘洋） · 第1个问题 · 第3项措施`;
/// `None` when the list has no such problem or measure (any more).
pub fn locate(doc: &Document, path: &str) -> Option<String> {
    if path == WHOLE_LIST {
        return Some("整个清单".to_string());
    }
    let mut found = None;
    let mut look = |at: Location, problems: &[Problem]| {
        for (pi, p) in problems.iter().enumerate() {
            let here = at.problem(pi);
            if p.id == path {
                found = Some(here.to_string());
            }
            if let Some(mi) = p.measures.iter().position(|m| m.id == path) {
                found = Some(here.measure(mi).to_string());
            }
        }
    };
    match doc.kind {
        Kind::Org => look(Location::document(), &doc.problems),
        Kind::Member => {
            for (i, member) in doc.members.iter().enumerate() {
                look(Location::member(i, &member.name), &member.problems);
            }
        }
    }
    found
}

/// The field a comment's link leads to: a problem's 问题表现, a measure's 措施内容; `None` for the whole list or an
/// item that is gone.
pub fn field_of(doc: &Document, path: &str) -> Option<String> {
    for (_, problem) in doc.all_problems() {
        if problem.id == path {
            return Some(format!("{path}.description"));
        }
        if problem.measures.iter().any(|m| m.id == path) {
            return Some(format!("{path}.content"));
        }
    }
    None
}

/// The comment on `path` in the review attached to `doc`, if any: shown beside the problem or measure.
pub fn comment_on<'a>(doc: &'a Document, path: &str) -> Option<&'a Comment> {
    doc.review
        .as_ref()?
        .comments
        .iter()
        .find(|c| c.path == path)
}
