//! Rules that look across the document: its identity, the lists it must have, unique ids, repeated descriptions,
//! and each member's own fields.

use std::collections::HashMap;

use super::header::person;
use super::{char_len, Field, Sink};
use crate::domain::ids;
use crate::domain::list::model::{Document, Kind, Member};
use crate::domain::list::path::Location;

pub fn validate_document_structure(doc: &Document, sink: &mut Sink) {
    let whole = |key| Field::new("", key, Location::document());
    if !ids::is_uuid(&doc.id) {
        sink.error(
            &whole("id"),
            "document_id_format",
            format!(
                "清单编号“{}”不是有效的UUID。这个文件可能被手工改过，请用本程序重新导出。",
                doc.id
            ),
        );
    }
    match doc.kind {
        Kind::Org if doc.problems.is_empty() => sink.error(
            &whole("problems"),
            "problems_required",
            "清单里还没有问题，请点“添加问题”至少填写一个问题。".into(),
        ),
        Kind::Member if doc.members.is_empty() => sink.error(
            &whole("members"),
            "members_required",
            "清单里还没有党员，请点“添加党员”。".into(),
        ),
        _ => {}
    }
    unique_ids(doc, sink);
    repeated_descriptions(doc, sink);
    repeated_members(doc, sink);
}

/// The same name twice in a member list is most often one member whose rows were typed in two places (a table
/// sorted by category); now and then two members who share a name, which the warning's reason can say.
fn repeated_members(doc: &Document, sink: &mut Sink) {
    let mut first: HashMap<String, usize> = HashMap::new();
    for (index, member) in doc.members.iter().enumerate() {
        let name = crate::domain::names::key(&member.name);
        if name.is_empty() {
            continue;
        }
        match first.get(&name) {
            None => {
                first.insert(name, index);
            }
            Some(&earlier) => sink.warning(
                &Field::new(&member.id, "name", Location::member(index, &member.name)),
                "member_duplicate",
                format!(
                    "党员“{}”在清单里出现了不止一次（第{}名和第{}名）。如果是同一个人，请把问题并到一处并删除多余的一名；如果确是同名的两人，请保留这条提醒并写明理由。",
                    member.name.trim(),
                    earlier + 1,
                    index + 1
                ),
            ),
        }
    }
}

pub fn validate_member(index: usize, member: &Member, sink: &mut Sink) {
    let location = Location::member(index, &member.name);
    person(
        sink,
        &Field::new(&member.id, "name", location),
        &member.name,
        true,
    );
    if member.problems.is_empty() {
        sink.error(
            &Field::new(&member.id, "problems", location),
            "member_problems_required",
            "这名党员还没有问题，请至少填写一个检视出的问题。".into(),
        );
    }
}

/// Every id must be unique in the document: the app, acknowledgements and the ledger find things by it.
fn unique_ids(doc: &Document, sink: &mut Sink) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut all: Vec<&str> = doc.members.iter().map(|m| m.id.as_str()).collect();
    for (_, p) in doc.all_problems() {
        all.push(&p.id);
        all.extend(p.measures.iter().map(|m| m.id.as_str()));
    }
    for id in all {
        let count = seen.entry(id).or_default();
        *count += 1;
        if *count == 2 {
            let message = if id.trim().is_empty() {
                "有多个条目没有编号。这个文件可能被手工改过，请用本程序重新导出。".to_string()
            } else {
                format!("编号“{id}”用了不止一次。这个文件可能被手工改过或复制粘贴出错，请删除重复的条目后重新导出。")
            };
            sink.error(
                &Field::new(id, "id", Location::document()),
                "duplicate_id",
                message,
            );
        }
    }
}

/// The same description twice usually means a copy that was never adapted.
fn repeated_descriptions(doc: &Document, sink: &mut Sink) {
    let mut first: HashMap<String, Location> = HashMap::new();
    for (location, problem) in super::problems_with_locations(doc) {
        let text: String = problem.description.split_whitespace().collect();
        if char_len(&text) == 0 {
            continue;
        }
        match first.get(&text) {
            None => {
                first.insert(text, location);
            }
            Some(earlier) => sink.warning(
                &Field::new(&problem.id, "description", location),
                "description_duplicate",
                format!(
                    "这条问题表现和“{earlier}”的完全一样。如果是复制来的，请改写成这里的具体情况。"
                ),
            ),
        }
    }
}
