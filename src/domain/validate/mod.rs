//! Every rule of `format.md` as a function from a document to findings.
//!
//! The rules are split by the object they look at, so the UI can check one problem or one measure when a field is
//! left, without re-checking the whole document on every keystroke.

mod document;
mod header;
mod measure;
mod problem;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use super::dates;
use super::findings::{Finding, Report, Severity};
use super::model::{Document, Kind};

pub use document::validate_document_structure;
pub use header::validate_header;
pub use measure::validate_measure;
pub use problem::validate_problem;

/// What every rule may need besides the object it checks.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    pub kind: Kind,
    /// 填报日期, when it is a real date.
    pub filed_on: Option<NaiveDate>,
    /// Today, from the caller's clock: dates of progress and closing may not be in the future.
    pub today: NaiveDate,
    pub categories: &'a [String],
}

impl<'a> Context<'a> {
    pub fn of(doc: &'a Document, today: NaiveDate) -> Self {
        Context {
            kind: doc.kind,
            filed_on: dates::parse(&doc.header.filed_on),
            today,
            categories: &doc.header.categories,
        }
    }
}

/// Collects findings as the rules run.
#[derive(Default)]
pub struct Sink {
    pub findings: Vec<Finding>,
}

impl Sink {
    pub fn error(&mut self, path: String, rule: &'static str, location: String, message: String) {
        self.push(Severity::Error, path, rule, location, message);
    }

    pub fn warning(&mut self, path: String, rule: &'static str, location: String, message: String) {
        self.push(Severity::Warning, path, rule, location, message);
    }

    fn push(&mut self, severity: Severity, path: String, rule: &'static str, location: String, message: String) {
        self.findings.push(Finding {
            path,
            rule,
            severity,
            location,
            message,
            acknowledged: None,
        });
    }
}

/// Checks the whole document against every rule; warnings the filler kept carry their reason.
pub fn validate(doc: &Document, today: NaiveDate) -> Report {
    let ctx = Context::of(doc, today);
    let mut sink = Sink::default();
    validate_header(&ctx, &doc.header, &mut sink);
    validate_document_structure(doc, &mut sink);
    for (member_index, member) in doc.members.iter().enumerate() {
        document::validate_member(member_index, member, &mut sink);
    }
    for (location, problem) in problems_with_locations(doc) {
        validate_problem(&ctx, &location, problem, &mut sink);
    }
    apply_acknowledgements(doc, &mut sink);
    Report {
        findings: sink.findings,
    }
}

/// Every problem with where it sits, in document order.
pub fn problems_with_locations(
    doc: &Document,
) -> Vec<(super::path::Location, &super::model::Problem)> {
    use super::path::Location;
    let own = doc
        .problems
        .iter()
        .enumerate()
        .map(|(i, p)| (Location::document().problem(i), p));
    let members = doc.members.iter().enumerate().flat_map(|(mi, m)| {
        m.problems
            .iter()
            .enumerate()
            .map(move |(i, p)| (Location::member(mi, &m.name).problem(i), p))
    });
    own.chain(members).collect()
}

/// Marks the warnings that the document keeps with a reason, and points at acknowledgements without one.
fn apply_acknowledgements(doc: &Document, sink: &mut Sink) {
    let mut missing_reason = Vec::new();
    for finding in sink.findings.iter_mut() {
        if finding.severity != Severity::Warning {
            continue;
        }
        let kept = doc
            .acknowledged
            .iter()
            .find(|a| a.path == finding.path && a.rule == finding.rule);
        match kept {
            Some(ack) if !ack.reason.trim().is_empty() => {
                finding.acknowledged = Some(ack.reason.trim().to_string())
            }
            Some(_) => missing_reason.push((finding.path.clone(), finding.location.clone())),
            None => {}
        }
    }
    for (path, location) in missing_reason {
        sink.warning(
            path,
            "acknowledgement_reason",
            location,
            "这条提醒标记为“保留”，但没有写理由。请写明保留的理由（例如“该问题确属普遍性问题”），或者按提醒修改。"
                .to_string(),
        );
    }
}

/// Characters as the user counts them, after trimming.
pub(crate) fn char_len(text: &str) -> usize {
    text.trim().chars().count()
}
