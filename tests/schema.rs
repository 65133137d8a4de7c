//! The committed JSON Schema is the one the types give, and every export validates against it.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{fixture, now};
use rectify::domain::file::export::export;
use rectify::domain::file::import::import;
use rectify::domain::file::schema::schema_json;
use rectify::domain::file::unknown;
use rectify::domain::list::model::{Document, Kind};

const COMMITTED: &str = "schema/rectify-list.v2.schema.json";
/// Version 1's schema as it was committed: a list that names no campaign is still exactly a version 1 file.
const FIRST: &str = "schema/rectify-list.v1.schema.json";
const REVIEW: &str = "schema/rectify-review.v1.schema.json";
const REGISTER: &str = "schema/rectify-register.v1.schema.json";

fn is_current(committed: &str, generated: String) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(committed);
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "{committed} is out of date: run `UPDATE_SCHEMA=1 cargo test --test schema` and commit it"
    );
}

#[test]
fn the_committed_schema_is_current() {
    is_current(COMMITTED, schema_json());
}

#[test]
fn the_committed_review_schema_is_current_and_a_written_review_validates() {
    is_current(REVIEW, rectify::domain::file::schema::review_schema_json());
    let schema: serde_json::Value =
        serde_json::from_str(&rectify::domain::file::schema::review_schema_json()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let received = import(&fixture("org-complete.json")).unwrap();
    let mut draft =
        rectify::domain::office::review::office::Draft::of(&received.document, &received.digest);
    draft.set_comment("list", "问题要具体。");
    draft.verdict = Some(rectify::domain::office::review::Verdict::Returned);
    let review = draft
        .review(&received.document, "王明", "2024-06-05")
        .unwrap();
    let written: serde_json::Value = serde_json::from_slice(&review.write(now()).bytes).unwrap();
    assert!(validator.is_valid(&written));
    let mut bad = written.clone();
    bad["verdict"] = "maybe".into();
    assert!(!validator.is_valid(&bad), "an unknown verdict is refused");
}

/// Every register of the simulated campaign, exported, validates against the committed register schema; a code not
/// among the choices does not.
#[test]
fn the_committed_register_schema_is_current_and_every_exported_register_validates() {
    is_current(
        REGISTER,
        rectify::domain::file::schema::register_schema_json(),
    );
    let schema: serde_json::Value =
        serde_json::from_str(&rectify::domain::file::schema::register_schema_json()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let start = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let registers = rectify::domain::sample::registers::other_lists(start);
    for r in &registers {
        let out = rectify::domain::register::file::export(r, true, now());
        let written: serde_json::Value = serde_json::from_slice(&out.bytes).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&written)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", out.file_name);
    }
    let last = registers.last().unwrap();
    let mut bad = rectify::domain::register::file::to_value(last);
    bad["opinions"][0]["result"] = "E".into();
    assert!(!validator.is_valid(&bad), "an unknown 办理结果 is refused");
}

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(&schema_json()).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

#[test]
fn every_export_validates_against_the_schema() {
    let validator = validator();
    let mut docs: Vec<Document> = [
        "org-complete.json",
        "member-complete.json",
        "org-draft-with-errors.json",
    ]
    .iter()
    .map(|name| import(&fixture(name)).unwrap().document)
    .collect();
    // A member gathered from a member's own list carries its origin (an addition to version 1).
    let mut gathered = rectify::domain::sample::member_list(3, "交警大队党支部", 2, 1, 1);
    gathered.members[0].origin = Some(rectify::domain::list::model::Origin {
        list: "25d203a2-2d50-46a8-a152-94622d8a28db".into(),
        member: "1488e5f1-8fc7-469d-9a79-9e6ac94f3b24".into(),
        revision: 2,
        digest: format!("sha256:{}", "0".repeat(64)),
        content: format!("sha256:{}", "1".repeat(64)),
    });
    docs.push(gathered);
    docs.push(Document::new(
        Kind::Org,
        "12332330-9568-482d-8adf-6ea52b047cfe".into(),
    ));
    docs.push(Document::new(
        Kind::Member,
        "12332330-9568-482d-8adf-6ea52b047cfe".into(),
    ));
    let first = first_validator();
    let legacy = docs.len();
    // Lists of another campaign, a preset and one of a branch's own.
    let mut discipline = docs[0].clone();
    rectify::domain::list::campaign::choose(
        &mut discipline,
        rectify::domain::list::campaign::preset("discipline_2024")
            .unwrap()
            .campaign(),
    );
    docs.push(discipline);
    let mut own = docs[1].clone();
    rectify::domain::list::campaign::choose(
        &mut own,
        Some(rectify::domain::list::model::Campaign {
            preset: "custom".into(),
            name: "2026年度专题组织生活会".into(),
            start: "2026-11-01".into(),
            ..Default::default()
        }),
    );
    docs.push(own);
    for (i, doc) in docs.into_iter().enumerate() {
        let out = export(&doc, false, now());
        let value: serde_json::Value = serde_json::from_slice(&out.bytes).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", out.file_name);
        let version = value["version"].as_u64().unwrap();
        if i < legacy {
            assert_eq!(version, 1, "{}: no campaign, version 1", out.file_name);
            assert!(
                first.is_valid(&value),
                "{}: a version 1 file",
                out.file_name
            );
        } else {
            assert_eq!(version, 2, "{}: a campaign named, version 2", out.file_name);
        }
    }
}

fn first_validator() -> jsonschema::Validator {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(FIRST);
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

#[test]
fn the_schema_refuses_what_the_importer_refuses() {
    let validator = validator();
    let mut value: serde_json::Value =
        serde_json::from_slice(&fixture("org-complete.json")).unwrap();
    value["problems"][0]["measures"][0]["status"] = "finished".into();
    assert!(!validator.is_valid(&value));
}

#[test]
fn the_kept_key_lists_name_every_field_of_the_schema() {
    let schema: serde_json::Value = serde_json::from_str(&schema_json()).unwrap();
    let props = |def: &str| -> Vec<String> {
        let node = if def.is_empty() {
            &schema
        } else {
            &schema["$defs"][def]
        };
        let mut keys: Vec<String> = node["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    };
    let sorted = |keys: &[&str]| {
        let mut k: Vec<String> = keys.iter().map(|s| s.to_string()).collect();
        k.sort();
        k
    };
    assert_eq!(props(""), sorted(unknown::DOCUMENT_KEYS));
    assert_eq!(props("Header"), sorted(unknown::HEADER_KEYS));
    assert_eq!(props("Problem"), sorted(unknown::PROBLEM_KEYS));
    assert_eq!(props("Measure"), sorted(unknown::MEASURE_KEYS));
    assert_eq!(props("Member"), sorted(unknown::MEMBER_KEYS));
    assert_eq!(props("Meta"), sorted(unknown::META_KEYS));
}
