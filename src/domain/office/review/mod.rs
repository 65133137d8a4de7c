//! 审核意见: the office's review of a branch's list, and the branch's answers to it (`docs/format.md` § 12).
//!
//! The office writes a small review file (`file`): which list and revision it read, the verdict, and comments on
//! the list as a whole, on problems and on measures, each with a fingerprint of what it commented on. The branch
//! attaches it to its draft (`attach`), answers each comment, and the next export carries the answers under the
//! document's `review` key. The office reads them back beside its own review (`office`).

pub mod attach;
pub mod file;
pub mod office;
pub mod paper;

use serde_json::Value;

use crate::domain::file::digest::digest_of;
pub use crate::domain::list::model::{AttachedReview, Comment, ListRef, Verdict};
use crate::domain::list::model::{Document, Kind, Measure, Problem};
use crate::domain::list::path::Location;

/// The `format` of a review file.
pub const REVIEW_FORMAT: &str = "rectify-review";
/// The review file's version that this app writes and the newest it reads.
pub const REVIEW_VERSION: u32 = 1;
/// The path of a comment on the list as a whole.
pub const WHOLE_LIST: &str = "list";

/// The fingerprint of what a comment is on, in `doc`: `None` when there is no such problem or measure.
///
/// It is the digest of `docs/format.md` § 6 over an object made here (none has a `meta` key to leave out). Only what the branch
/// writes counts (a measure's 措施内容, 整改目标, 时限 and 责任人; a problem's fields and its
/// measures), not the ledger's 进展 and 销号, which move on after the review without answering it.
pub fn fingerprint(doc: &Document, path: &str) -> Option<String> {
    if path == WHOLE_LIST {
        let parts: Vec<Value> = doc.all_problems().map(|(_, p)| problem_value(p)).collect();
        let header = serde_json::to_value(&doc.header).unwrap_or(Value::Null);
        return Some(digest_of(
            &serde_json::json!({ "header": header, "problems": parts }),
        ));
    }
    for (_, problem) in doc.all_problems() {
        if problem.id == path {
            return Some(digest_of(&problem_value(problem)));
        }
        if let Some(m) = problem.measures.iter().find(|m| m.id == path) {
            return Some(digest_of(&measure_value(m)));
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

/// A place the office can comment on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place<'a> {
    /// `list`, or the problem's or measure's id.
    pub path: &'a str,
    /// As the user reads it: `整个清单`, `第2个问题`, `第2名党员（刘洋） · 第1个问题 · 第3项措施`.
    pub location: String,
    /// The problem's 问题表现 or the measure's 措施内容 ("" for the list).
    pub text: &'a str,
    pub is_measure: bool,
}

/// Every place of `doc` in the list's order — the list as a whole, then each problem followed by its measures —
/// found in one walk.
pub fn places(doc: &Document) -> Vec<Place<'_>> {
    fn walk<'d>(out: &mut Vec<Place<'d>>, at: Location, problems: &'d [Problem]) {
        for (pi, p) in problems.iter().enumerate() {
            let here = at.problem(pi);
            out.push(Place {
                path: &p.id,
                location: here.to_string(),
                text: &p.description,
                is_measure: false,
            });
            for (mi, m) in p.measures.iter().enumerate() {
                out.push(Place {
                    path: &m.id,
                    location: here.measure(mi).to_string(),
                    text: &m.content,
                    is_measure: true,
                });
            }
        }
    }
    let mut out = vec![Place {
        path: WHOLE_LIST,
        location: "整个清单".to_string(),
        text: "",
        is_measure: false,
    }];
    match doc.kind {
        Kind::Org => walk(&mut out, Location::document(), &doc.problems),
        Kind::Member => {
            for (i, member) in doc.members.iter().enumerate() {
                walk(
                    &mut out,
                    Location::member(i, &member.name),
                    &member.problems,
                );
            }
        }
    }
    out
}

/// Where a comment sits (see `Place::location`); `None` when the list has no such problem or measure (any more).
pub fn locate(doc: &Document, path: &str) -> Option<String> {
    places(doc)
        .into_iter()
        .find(|p| p.path == path)
        .map(|p| p.location)
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
