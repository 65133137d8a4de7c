//! Export: the file name of format.md, the revision rule, and the bytes (pretty JSON, two spaces, LF, sealed).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{fixture, now};
use rectify::domain::file::digest::digest_of;
use rectify::domain::file::export::{export, file_name};
use rectify::domain::file::import::{import, Seal};
use rectify::domain::list::model::{Document, Kind};

fn org() -> Document {
    import(&fixture("org-complete.json")).unwrap().document
}

#[test]
fn file_names_follow_the_format() {
    let mut doc = org();
    doc.header.org_name = "交警大队党支部".into();
    assert_eq!(
        file_name(&doc, true),
        "党组织清单-交警大队党支部-20231015.json"
    );
    assert_eq!(
        file_name(&doc, false),
        "党组织清单-交警大队党支部-20231015-草稿.json"
    );
    // Handed in again: the name says which 版.
    let mut again = doc.clone();
    again.revision = 3;
    assert_eq!(
        file_name(&again, false),
        "党组织清单-交警大队党支部-20231015-第3版-草稿.json"
    );
    let first = export(&doc, true, now()).document;
    let mut changed = first.clone();
    changed.problems[0].remark = "补充说明".into();
    assert_eq!(
        export(&changed, true, now()).file_name,
        format!(
            "党组织清单-交警大队党支部-20231015-第{}版.json",
            first.revision + 1
        ),
        "a re-export after a change is the next 版"
    );
    doc.header.org_name = "一支部/二支部: \"联合\"?*".into();
    assert_eq!(
        file_name(&doc, true),
        "党组织清单-一支部_二支部_ _联合___-20231015.json"
    );
    let member = Document::new(Kind::Member, "x".into());
    assert_eq!(
        file_name(&member, false),
        "党员清单-未填单位-未填日期-草稿.json"
    );
}

#[test]
fn exports_are_pretty_lf_json_without_bom_and_sealed() {
    let out = export(&org(), true, now());
    let text = String::from_utf8(out.bytes.clone()).unwrap();
    assert!(
        text.starts_with("{\n  \"format\": \"rectify-list\""),
        "{}",
        &text[..40]
    );
    assert!(!text.contains('\r'));
    assert!(text.ends_with("}\n"));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["meta"]["digest"], digest_of(&value).as_str());
    assert_eq!(value["meta"]["exported_at"], "2024-06-01T09:30:00+08:00");
    assert_eq!(value["meta"]["app_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(import(&out.bytes).unwrap().seal, Seal::Intact);
}

#[test]
fn an_unchanged_list_keeps_its_revision_and_an_edited_one_raises_it() {
    let first = export(&org(), true, now());
    assert_eq!(first.document.revision, 1);
    let again = export(&first.document, true, now());
    assert_eq!(again.document.revision, 1);
    let mut edited = again.document.clone();
    edited.problems[0].remark = "已在支委会上通报".into();
    let third = export(&edited, true, now());
    assert_eq!(third.document.revision, 2);
    assert_eq!(export(&third.document, true, now()).document.revision, 2);
}

#[test]
fn a_new_list_starts_at_revision_one() {
    let doc = Document::new(Kind::Org, "12332330-9568-482d-8adf-6ea52b047cfe".into());
    let out = export(&doc, false, now());
    assert_eq!(out.document.revision, 1);
    let value: serde_json::Value = serde_json::from_slice(&out.bytes).unwrap();
    assert_eq!(
        value["problems"],
        serde_json::json!([]),
        "the kind's own list is always written"
    );
    assert!(value.get("members").is_none());
}

#[test]
fn control_characters_from_office_cells_are_written_so_that_the_file_reads_back() {
    let mut doc = org();
    // DEL and C1 controls, as a Word or Excel cell, a paste or a keyboard may leave them.
    doc.problems[0].description = "学习不深入\u{85}理论\u{7f}联系实际\u{9f}不够。".into();
    let out = export(&doc, true, now());
    let text = String::from_utf8(out.bytes.clone()).unwrap();
    assert!(text.contains("\\u0085") && text.contains("\\u007f") && text.contains("\\u009f"));
    let back = import(&out.bytes).expect("the app reads its own export");
    assert_eq!(back.seal, Seal::Intact);
    assert_eq!(
        back.document.problems[0].description,
        doc.problems[0].description
    );
}

#[test]
fn a_list_too_large_to_read_back_is_said_before_it_is_made() {
    use rectify::domain::file::export::{fits, too_large};
    let mut doc = org();
    assert_eq!(fits(&doc), Ok(()));
    doc.problems[0].remark = "很长的材料".repeat(800_000);
    let why = fits(&doc).unwrap_err();
    assert!(why.contains("超过本程序能读入的 10 MB"), "{why}");
    assert!(why.contains("请删减"), "{why}");
    assert_eq!(too_large(1024), None);
}
