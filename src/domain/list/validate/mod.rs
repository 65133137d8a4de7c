//! Every rule of `format.md` as a function from a document to findings.
//!
//! The rules are split by the object they look at, so the UI can check one problem or one measure when a field is
//! left, without re-checking the whole document on every keystroke.

mod document;
mod header;
pub mod measure;
mod problem;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::domain::dates;
use crate::domain::list::findings::{Finding, Report, Severity};
use crate::domain::list::model::{Document, Kind, Problem};
use crate::domain::list::path::Location;

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

/// A field a rule looks at: its owner (`header`, or the id of a problem, measure or member), its key, and where it
/// sits. The path and the location are only written out when a rule fires.
#[derive(Clone, Debug)]
pub struct Field<'a> {
    owner: &'a str,
    key: Cow<'a, str>,
    /// The key whose label names the field (`new_date` for `extension.new_date`).
    label: &'a str,
    location: Location<'a>,
}

impl<'a> Field<'a> {
    pub fn new(owner: &'a str, key: &'a str, location: Location<'a>) -> Self {
        Field {
            owner,
            key: Cow::Borrowed(key),
            label: key,
            location,
        }
    }

    /// A field inside this one, such as `extension.new_date` or `updates[0].date`.
    pub fn inner(&self, key: String, label: &'a str, location: Location<'a>) -> Self {
        Field {
            owner: self.owner,
            key: Cow::Owned(key),
            label,
            location,
        }
    }

    pub fn path(&self) -> String {
        if self.owner.is_empty() {
            return self.key.to_string();
        }
        format!("{}.{}", self.owner, self.key)
    }
}

/// Collects findings as the rules run.
#[derive(Default)]
pub struct Sink {
    pub findings: Vec<Finding>,
}

impl Sink {
    pub fn error(&mut self, field: &Field, rule: &'static str, message: String) {
        self.push(Severity::Error, field, rule, message);
    }

    pub fn warning(&mut self, field: &Field, rule: &'static str, message: String) {
        self.push(Severity::Warning, field, rule, message);
    }

    fn push(&mut self, severity: Severity, field: &Field, rule: &'static str, message: String) {
        self.findings.push(Finding {
            path: field.path(),
            rule,
            severity,
            location: field.location.field(field.label),
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
        validate_problem(&ctx, location, problem, &mut sink);
    }
    apply_acknowledgements(doc, &mut sink);
    Report {
        findings: sink.findings,
    }
}

/// Every problem with where it sits, in document order.
pub fn problems_with_locations(doc: &Document) -> Vec<(Location<'_>, &Problem)> {
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
            Some(_) => missing_reason.push(Finding {
                rule: "acknowledgement_reason",
                message: "这条提醒标记为“保留”，但没有写理由。请写明保留的理由（例如“该问题确属普遍性问题”），或者按提醒修改。".to_string(),
                acknowledged: None,
                ..finding.clone()
            }),
            None => {}
        }
    }
    sink.findings.extend(missing_reason);
}

/// A date field whose text the browser's date picker could not read (a day that does not exist, such as 2月30日,
/// typed by hand): the document holds no date there, yet the user wrote one, so the field is reported as not a
/// valid date instead of as empty.
pub fn mark_unreadable_date(report: &mut Report, path: &str) {
    for finding in report.findings.iter_mut().filter(|f| f.path == path) {
        let invalid = match finding.rule {
            "filed_on_required" => "filed_on_invalid",
            "deadline_date_required" => "deadline_date_invalid",
            _ => continue,
        };
        let label = finding.location.rsplit(" · ").next().unwrap_or("日期");
        finding.rule = invalid;
        finding.message =
            format!("{label}填的不是一个有效的日期（例如2月没有30日），请用日期选择框重新选择。");
    }
}

/// Characters as the user counts them, after trimming.
pub(crate) fn char_len(text: &str) -> usize {
    text.trim().chars().count()
}
