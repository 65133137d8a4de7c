//! Where in a list document a structure error lies, found after the fact.
//!
//! serde reports *what* is wrong ("invalid type: integer `5`, expected a string") but not *where*. A tracking
//! deserializer (serde_path_to_error) says where, but it instantiates every visitor of the model a second time:
//! about 50 KB of the shipped wasm for a path that is only needed when a file is already refused. So the typed
//! read goes straight from the JSON value, and only when it fails does this module walk down the value: a nested
//! part that fails on its own holds the error; among plain fields, the one whose removal cures the object is it.
//! Every step reuses the model's own `Deserialize` for `&Value`, so the walk adds no second copy of the model.

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::domain::list::model::{
    Acknowledgement, Closing, Deadline, Document, Extension, Header, Measure, Member, Meta,
    Problem, Update,
};

/// A structure error and where it lies, as `problems[2].measures[0].status` (`""` for the whole file).
#[derive(Debug)]
pub struct Located {
    pub path: String,
    pub error: serde_json::Error,
}

/// Reads a document; on failure says where the first error lies.
pub fn read_document(value: &Value) -> Result<Document, Located> {
    Document::deserialize(value).map_err(|error| Located {
        path: within(Part::Document, value, String::new()),
        error,
    })
}

/// The parts of the model with fields of their own worth descending into.
#[derive(Clone, Copy)]
enum Part {
    Document,
    Header,
    Problem,
    Measure,
    /// Internally tagged (`{"type": …, "date": …}`): named as a whole, since its tag is read before its fields.
    Deadline,
    Member,
    Extension,
    Update,
    Closing,
    Acknowledgement,
    Meta,
}

impl Part {
    fn read(self, value: &Value) -> Result<(), serde_json::Error> {
        match self {
            Part::Document => Document::deserialize(value).map(drop),
            Part::Header => Header::deserialize(value).map(drop),
            Part::Problem => Problem::deserialize(value).map(drop),
            Part::Measure => Measure::deserialize(value).map(drop),
            Part::Deadline => Deadline::deserialize(value).map(drop),
            Part::Member => Member::deserialize(value).map(drop),
            Part::Extension => Extension::deserialize(value).map(drop),
            Part::Update => Update::deserialize(value).map(drop),
            Part::Closing => Closing::deserialize(value).map(drop),
            Part::Acknowledgement => Acknowledgement::deserialize(value).map(drop),
            Part::Meta => Meta::deserialize(value).map(drop),
        }
    }

    /// The part a field holds (alone, or as the items of a list); `None` for a plain value.
    fn field(self, key: &str) -> Option<Part> {
        Some(match (self, key) {
            (Part::Document, "header") => Part::Header,
            (Part::Document | Part::Member, "problems") => Part::Problem,
            (Part::Document, "members") => Part::Member,
            (Part::Document, "acknowledged") => Part::Acknowledgement,
            (Part::Document, "meta") => Part::Meta,
            (Part::Problem, "measures") => Part::Measure,
            (Part::Measure, "deadline") => Part::Deadline,
            (Part::Measure, "extension") => Part::Extension,
            (Part::Measure, "updates") => Part::Update,
            (Part::Measure, "closed") => Part::Closing,
            _ => return None,
        })
    }
}

/// The path of the error inside `value`, which is known to fail as `part`.
fn within(part: Part, value: &Value, at: String) -> String {
    let (Value::Object(object), false) = (value, matches!(part, Part::Deadline)) else {
        return at;
    };
    for (key, item) in object {
        if let Some(found) = part
            .field(key)
            .and_then(|inner| inside(inner, item, join(&at, key)))
        {
            return found;
        }
    }
    // Every nested part reads. serde checks for missing fields only after every present field has read, so a
    // missing field is the object's own error; otherwise one field is wrong as a whole.
    let own = part
        .read(value)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    if own.starts_with("missing field") {
        return at;
    }
    for (key, item) in object {
        if cured_without(part, object, key) {
            let field = join(&at, key);
            return match item {
                Value::Array(items) => match item_at(part, object, key, items) {
                    Some(i) => format!("{field}[{i}]"),
                    None => field,
                },
                _ => field,
            };
        }
    }
    at
}

/// The path of the error among the items of a list of `inner`, or inside one `inner`; `None` when they read
/// (or when the field is not even of the right shape, which the caller finds by leaving it out).
fn inside(inner: Part, item: &Value, at: String) -> Option<String> {
    match item {
        Value::Array(items) => {
            let i = items.iter().position(|one| inner.read(one).is_err())?;
            Some(within(inner, &items[i], format!("{at}[{i}]")))
        }
        Value::Object(_) if inner.read(item).is_err() => Some(within(inner, item, at)),
        _ => None,
    }
}

/// Whether the object reads once `key` is left out, or then fails only for lacking it.
fn cured_without(part: Part, object: &Map<String, Value>, key: &str) -> bool {
    let mut rest = object.clone();
    rest.shift_remove(key);
    match part.read(&Value::Object(rest)) {
        Ok(()) => true,
        Err(e) => e.to_string().starts_with(&format!("missing field `{key}`")),
    }
}

/// Which item of a plain list (`categories`, `sources`) breaks the object.
fn item_at(part: Part, object: &Map<String, Value>, key: &str, items: &[Value]) -> Option<usize> {
    (0..items.len()).find(|&i| {
        let mut kept = items.to_vec();
        kept.remove(i);
        let mut trial = object.clone();
        trial.insert(key.to_string(), Value::Array(kept));
        part.read(&Value::Object(trial)).is_ok()
    })
}

fn join(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_string()
    } else {
        format!("{at}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample;
    use serde_json::json;

    fn member_list() -> Value {
        crate::domain::file::export::to_value(&sample::member_list(1, "第一党支部", 2, 2, 2))
    }

    fn org_list() -> Value {
        crate::domain::file::export::to_value(&sample::org_list(1, "第一党支部", 3, 2))
    }

    fn path_of(value: &Value) -> String {
        read_document(value)
            .expect_err("the document must fail")
            .path
    }

    #[test]
    fn a_good_document_reads() {
        assert!(read_document(&org_list()).is_ok());
        assert!(read_document(&member_list()).is_ok());
    }

    #[test]
    fn a_wrong_plain_field_is_named_with_its_list_positions() {
        let mut v = member_list();
        v["members"][1]["problems"][0]["measures"][0]["goal"] = json!(7);
        assert_eq!(path_of(&v), "members[1].problems[0].measures[0].goal");
        let mut v = org_list();
        v["header"]["filed_on"] = json!(false);
        assert_eq!(path_of(&v), "header.filed_on");
    }

    #[test]
    fn a_missing_required_field_points_at_the_object_that_lacks_it() {
        let mut v = org_list();
        v["problems"][1]["measures"][0]
            .as_object_mut()
            .unwrap()
            .remove("id");
        let located = read_document(&v).unwrap_err();
        assert_eq!(located.path, "problems[1].measures[0]");
        assert!(located.error.to_string().starts_with("missing field `id`"));
        let mut v = org_list();
        v.as_object_mut().unwrap().remove("header");
        assert_eq!(path_of(&v), "");
    }

    #[test]
    fn a_nested_part_of_the_wrong_shape_is_named_as_a_whole() {
        let mut v = org_list();
        v["header"] = json!("支部");
        assert_eq!(path_of(&v), "header");
        let mut v = org_list();
        v["problems"] = json!({"a": 1});
        assert_eq!(path_of(&v), "problems");
        let mut v = org_list();
        v["problems"][2] = json!(3);
        assert_eq!(path_of(&v), "problems[2]");
        let mut v = org_list();
        v["problems"][0]["measures"][0]["extension"] = json!({"new_date": 20261231});
        assert_eq!(path_of(&v), "problems[0].measures[0].extension.new_date");
    }

    #[test]
    fn an_item_of_a_plain_list_is_found() {
        let mut v = org_list();
        v["header"]["categories"][1] = json!(["学习"]);
        assert_eq!(path_of(&v), "header.categories[1]");
        let mut v = org_list();
        v["problems"][0]["sources"] = json!(["research", "gossip"]);
        assert_eq!(path_of(&v), "problems[0].sources[1]");
    }

    #[test]
    fn the_three_deadlines_read_as_the_format_writes_them() {
        let read = |v: Value| Deadline::deserialize(&v).unwrap();
        assert_eq!(
            read(json!({"type": "immediate"})),
            Deadline::Immediate { date: None }
        );
        assert_eq!(
            read(json!({"type": "immediate", "date": "2023-11-30"})),
            Deadline::Immediate {
                date: Some("2023-11-30".into())
            }
        );
        assert_eq!(
            read(json!({"type": "by_date", "date": ""})),
            Deadline::ByDate { date: "".into() }
        );
        assert_eq!(read(json!({"type": "long_term"})), Deadline::LongTerm);
        let unknown = Deadline::deserialize(&json!({"type": "soon"})).unwrap_err();
        assert!(unknown.to_string().starts_with("unknown variant `soon`"));
    }

    #[test]
    fn a_broken_deadline_is_named_at_the_deadline() {
        let mut v = org_list();
        v["problems"][0]["measures"][0]["deadline"] = json!({"type": "by_date"});
        let located = read_document(&v).unwrap_err();
        assert_eq!(located.path, "problems[0].measures[0].deadline");
        assert!(located
            .error
            .to_string()
            .starts_with("missing field `date`"));
        let mut v = org_list();
        v["problems"][0]["measures"][0]["deadline"] = json!({"type": "by_date", "date": 20261231});
        assert_eq!(path_of(&v), "problems[0].measures[0].deadline");
        let mut v = org_list();
        v["problems"][0]["measures"][0]["deadline"] = json!("2026-12-31");
        assert_eq!(path_of(&v), "problems[0].measures[0].deadline");
    }
}
