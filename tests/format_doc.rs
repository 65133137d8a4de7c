//! `docs/format.md` is the contract with the office's own programs: its worked example must be a file the app
//! reads as written, and every key and rule code the app knows must be documented there.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::today;
use rectify::domain::file::digest::{short_code, write_canonical};
use rectify::domain::file::export::{file_name, to_value};
use rectify::domain::file::import::{import, Seal};
use rectify::domain::file::unknown;
use rectify::domain::list::validate::validate;

fn read(relative: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn format_md() -> String {
    read("docs/format.md")
}

/// The first ```json block after the worked example's heading.
fn worked_example(doc: &str) -> String {
    let section = doc
        .split("## 10. A worked example")
        .nth(1)
        .expect("docs/format.md has its worked example");
    let start = section.find("```json\n").expect("a json block") + "```json\n".len();
    let end = start + section[start..].find("\n```").expect("the block ends");
    section[start..end].to_string()
}

#[test]
fn the_worked_example_imports_sealed_and_complete() {
    let doc = format_md();
    let example = worked_example(&doc);
    let imported = import(example.as_bytes()).unwrap_or_else(|e| panic!("{}", e.message()));
    assert_eq!(imported.seal, Seal::Intact, "the example's digest is right");
    let report = validate(&imported.document, today());
    assert!(report.findings.is_empty(), "{:#?}", report.findings);

    let mut canonical = Vec::new();
    let mut value = to_value(&imported.document);
    value.as_object_mut().unwrap().remove("meta");
    write_canonical(&value, &mut canonical);
    let canonical = String::from_utf8(canonical).unwrap();
    let prose = doc.replace('\n', " ");
    let prefix_end =
        canonical.find("\"batch\":\"second\",").unwrap() + "\"batch\":\"second\",".len();
    let said = format!(
        "begins `{}` and is {} characters long",
        &canonical[..prefix_end],
        canonical.chars().count()
    );
    assert!(prose.contains(&said), "the page should say: {said}");
    let digest = imported.digest.clone();
    assert!(doc.contains(&format!("is `{}`", short_code(&digest))));
    assert!(doc.contains(&file_name(&imported.document, true)));
}

/// Every key of every object the app reads, as `format.md` must name it in backticks.
#[test]
fn every_key_the_app_knows_is_documented() {
    let doc = format_md();
    // Keys of the small objects, and of a gathered member's origin.
    let nested = [
        "list",
        "member",
        "content",
        "type",
        "date",
        "new_date",
        "reason",
        "approved_by",
        "text",
        "by",
        "opinion",
        "path",
        "rule",
        "preset",
        "name",
        "start",
        "end",
        "org_categories",
        "member_categories",
    ];
    let all = unknown::DOCUMENT_KEYS
        .iter()
        .chain(unknown::HEADER_KEYS)
        .chain(unknown::PROBLEM_KEYS)
        .chain(unknown::MEASURE_KEYS)
        .chain(unknown::MEMBER_KEYS)
        .chain(unknown::META_KEYS)
        .chain(nested.iter());
    let missing: Vec<&&str> = all.filter(|k| !doc.contains(&format!("`{k}`"))).collect();
    assert!(missing.is_empty(), "not in docs/format.md: {missing:?}");
}

/// The rule codes are the quoted `snake_case` words of the validator's sources; each must be in the table of
/// `format.md` (field keys among them are documented anyway).
#[test]
fn every_rule_code_is_documented() {
    let doc = format_md();
    let mut missing = Vec::new();
    for file in [
        "mod.rs",
        "header.rs",
        "problem.rs",
        "measure.rs",
        "document.rs",
        "src/domain/register/validate.rs",
    ] {
        let source = read(&if file.contains('/') {
            file.to_string()
        } else {
            format!("src/domain/list/validate/{file}")
        });
        for word in source.split('"').skip(1).step_by(2) {
            let is_code = word.contains('_')
                && word.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                && !word.starts_with('_');
            if is_code && !doc.contains(&format!("`{word}`")) {
                missing.push(word.to_string());
            }
        }
    }
    assert!(missing.is_empty(), "not in docs/format.md: {missing:?}");
}

/// Every key a register file holds, at any depth, as the simulated campaign's registers write them (each kind, with
/// 销号, 反馈 and 纳入检视整改 set), is named in `format.md` § 15.
#[test]
fn every_key_of_the_register_file_is_documented() {
    use rectify::domain::register::model::Included;
    fn keys(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    out.push(k.clone());
                    keys(v, out);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
            _ => {}
        }
    }
    let doc = format_md();
    let section = doc.split("## 15. The register file").nth(1).expect("§ 15");
    let start = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let mut found = Vec::new();
    for mut r in rectify::domain::sample::registers::other_lists(start) {
        if let Some(p) = r.topics.first_mut().and_then(|t| t.problems.first_mut()) {
            p.included = Some(Included::default());
        }
        if let Some(o) = r.opinions.first_mut() {
            o.included = Some(Included::default());
        }
        let out = rectify::domain::register::file::export(&r, true, common::now());
        keys(&serde_json::from_slice(&out.bytes).unwrap(), &mut found);
    }
    found.sort();
    found.dedup();
    let missing: Vec<&String> = found
        .iter()
        .filter(|k| !section.contains(&format!("`{k}`")) && !doc.contains(&format!("`{k}`")))
        .collect();
    assert!(missing.is_empty(), "not in docs/format.md: {missing:?}");
    for kind in ["survey", "results", "opinions"] {
        assert!(section.contains(&format!("`\"{kind}\"`")), "{kind}");
    }
}
