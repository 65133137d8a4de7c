//! Keys that this version of the format does not know are kept and written back (`format.md`: "Unknown keys on
//! import are kept where the app can keep them"). They are collected after the typed parse, object by object, and
//! put back after serialisation, so the typed model keeps precise error paths (serde's `flatten` would lose them).

use serde_json::{Map, Value};

use crate::domain::list::model::{Document, Extra, Measure, Member, Problem};

pub const DOCUMENT_KEYS: &[&str] = &[
    "format",
    "version",
    "kind",
    "id",
    "revision",
    "header",
    "problems",
    "members",
    "acknowledged",
    "review",
    "meta",
];
pub const HEADER_KEYS: &[&str] = &[
    "org_name",
    "parent_org",
    "campaign",
    "batch",
    "filed_on",
    "filed_by",
    "phone",
    "reviewer",
    "categories",
];
pub const PROBLEM_KEYS: &[&str] = &[
    "id",
    "category",
    "sources",
    "description",
    "measures",
    "remark",
    "found_in",
];
pub const MEASURE_KEYS: &[&str] = &[
    "id",
    "content",
    "goal",
    "deadline",
    "lead",
    "owner",
    "dept",
    "status",
    "progress",
    "extension",
    "updates",
    "closed",
];
pub const MEMBER_KEYS: &[&str] = &[
    "id",
    "name",
    "position",
    "member_type",
    "problems",
    "branch_opinion",
    "origin",
];
pub const META_KEYS: &[&str] = &["app_version", "exported_at", "digest"];

fn unknown_of(value: Option<&Value>, known: &[&str]) -> Extra {
    match value {
        Some(Value::Object(map)) => map
            .iter()
            .filter(|(k, _)| !known.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        _ => Extra::new(),
    }
}

fn items<'v>(value: Option<&'v Value>, key: &str) -> &'v [Value] {
    match value.and_then(|v| v.get(key)) {
        Some(Value::Array(list)) => list,
        _ => &[],
    }
}

/// Fills every `extra` of `doc` from the JSON it was parsed from.
pub fn collect(source: &Value, doc: &mut Document) {
    doc.extra = unknown_of(Some(source), DOCUMENT_KEYS);
    doc.header.extra = unknown_of(source.get("header"), HEADER_KEYS);
    if let Some(meta) = doc.meta.as_mut() {
        meta.extra = unknown_of(source.get("meta"), META_KEYS);
    }
    collect_problems(items(Some(source), "problems"), &mut doc.problems);
    for (member, value) in doc.members.iter_mut().zip(items(Some(source), "members")) {
        member.extra = unknown_of(Some(value), MEMBER_KEYS);
        collect_problems(items(Some(value), "problems"), &mut member.problems);
    }
}

fn collect_problems(values: &[Value], problems: &mut [Problem]) {
    for (problem, value) in problems.iter_mut().zip(values) {
        problem.extra = unknown_of(Some(value), PROBLEM_KEYS);
        let measures = items(Some(value), "measures");
        for (measure, mv) in problem.measures.iter_mut().zip(measures) {
            measure.extra = unknown_of(Some(mv), MEASURE_KEYS);
        }
    }
}

/// Whether `doc` keeps any unknown key at all (most documents keep none, and can be written without `restore`).
pub fn any(doc: &Document) -> bool {
    let measures = |p: &Problem| p.measures.iter().any(|m| !m.extra.is_empty());
    let problems = |list: &[Problem]| list.iter().any(|p| !p.extra.is_empty() || measures(p));
    !doc.extra.is_empty()
        || !doc.header.extra.is_empty()
        || doc.meta.as_ref().is_some_and(|m| !m.extra.is_empty())
        || problems(&doc.problems)
        || doc
            .members
            .iter()
            .any(|m| !m.extra.is_empty() || problems(&m.problems))
}

/// Puts the kept keys back into the JSON of `doc`. Known keys always win over kept ones.
pub fn restore(doc: &Document, target: &mut Value) {
    merge(target, &doc.extra);
    if let Some(header) = target.get_mut("header") {
        merge(header, &doc.header.extra);
    }
    if let (Some(meta), Some(value)) = (&doc.meta, target.get_mut("meta")) {
        merge(value, &meta.extra);
    }
    if let Some(Value::Array(list)) = target.get_mut("problems") {
        restore_problems(&doc.problems, list);
    }
    if let Some(Value::Array(list)) = target.get_mut("members") {
        for (member, value) in doc.members.iter().zip(list.iter_mut()) {
            restore_member(member, value);
        }
    }
}

fn restore_member(member: &Member, value: &mut Value) {
    merge(value, &member.extra);
    if let Some(Value::Array(list)) = value.get_mut("problems") {
        restore_problems(&member.problems, list);
    }
}

fn restore_problems(problems: &[Problem], values: &mut [Value]) {
    for (problem, value) in problems.iter().zip(values.iter_mut()) {
        merge(value, &problem.extra);
        if let Some(Value::Array(list)) = value.get_mut("measures") {
            for (measure, mv) in problem.measures.iter().zip(list.iter_mut()) {
                restore_measure(measure, mv);
            }
        }
    }
}

fn restore_measure(measure: &Measure, value: &mut Value) {
    merge(value, &measure.extra);
}

fn merge(target: &mut Value, extra: &Map<String, Value>) {
    if let Value::Object(map) = target {
        for (k, v) in extra {
            map.entry(k.clone()).or_insert_with(|| v.clone());
        }
    }
}
