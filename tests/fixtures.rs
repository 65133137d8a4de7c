//! The sample files of `tests/fixtures/`, sealed by an independent implementation: what this app finds in each.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{fixture, today};
use rectify::domain::file::export::{export, to_value};
use rectify::domain::file::import::{import, ImportError, Seal};
use rectify::domain::list::model::Kind;
use rectify::domain::list::validate::validate;

#[test]
fn complete_lists_are_intact_and_have_no_errors() {
    for (name, kind) in [
        ("org-complete.json", Kind::Org),
        ("member-complete.json", Kind::Member),
    ] {
        let imported = import(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {}", e.message()));
        assert_eq!(imported.seal, Seal::Intact, "{name}");
        assert_eq!(imported.document.kind, kind);
        let report = validate(&imported.document, today());
        let errors: Vec<_> = report.errors().collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

#[test]
fn the_draft_has_exactly_its_four_errors_and_two_warnings() {
    let imported = import(&fixture("org-draft-with-errors.json")).unwrap();
    assert_eq!(imported.seal, Seal::Intact);
    let report = validate(&imported.document, today());
    let mut found: Vec<(String, &str, &str)> = report
        .findings
        .iter()
        .map(|f| (f.location.clone(), f.rule, f.severity.label()))
        .collect();
    found.sort();
    let mut expected = vec![
        (
            "表头信息 · 审核人（支部书记）".to_string(),
            "reviewer_required",
            "错误",
        ),
        (
            "第1个问题 · 第1项措施 · 牵头责任人（责任领导）".to_string(),
            "lead_required",
            "错误",
        ),
        (
            "第2个问题 · 问题表现".to_string(),
            "description_generic",
            "提醒",
        ),
        (
            "第2个问题 · 问题表现".to_string(),
            "description_short",
            "提醒",
        ),
        (
            "第3个问题 · 第1项措施 · 整改时限".to_string(),
            "deadline_before_filing",
            "错误",
        ),
    ];
    expected.sort();
    assert_eq!(found, expected);
    assert!(!report.is_complete());
    let deadline = report
        .findings
        .iter()
        .find(|f| f.rule == "deadline_before_filing")
        .unwrap();
    assert_eq!(
        deadline.message,
        "整改时限2023年1月1日早于填报日期2023年10月15日，请改为填报日期当天或以后。"
    );
}

#[test]
fn a_file_changed_after_export_opens_but_is_marked() {
    let imported = import(&fixture("bad/changed-after-export.json")).unwrap();
    match imported.seal {
        Seal::Changed { stated, actual } => {
            assert_eq!(
                stated,
                "sha256:030ee8ccfb9775ffb973f623a1d78567df778efef0cd86422463b74f3f3f7123"
            );
            assert_ne!(actual, stated);
        }
        other => panic!("expected a broken seal, got {other:?}"),
    }
    assert!(imported.document.problems[0]
        .description
        .ends_with("（已被改动）"));
}

#[test]
fn a_newer_version_is_refused_by_name() {
    let err = import(&fixture("bad/newer-version.json")).unwrap_err();
    assert_eq!(err, ImportError::NewerVersion { found: 99 });
    assert!(
        err.message().contains("更新版本的程序"),
        "{}",
        err.message()
    );
}

#[test]
fn plain_text_is_not_json() {
    let err = import(&fixture("bad/not-json.json")).unwrap_err();
    assert!(
        matches!(err, ImportError::Syntax { line: 1, .. }),
        "{err:?}"
    );
    assert!(
        err.message().contains("不是有效的JSON格式"),
        "{}",
        err.message()
    );
}

#[test]
fn another_json_format_is_named() {
    let err = import(&fixture("bad/wrong-format.json")).unwrap_err();
    assert_eq!(
        err,
        ImportError::NotOurFormat {
            found: Some("something-else".into())
        }
    );
    assert!(err.message().contains("something-else"));
}

#[test]
fn complete_lists_round_trip_without_loss() {
    for name in [
        "org-complete.json",
        "member-complete.json",
        "org-draft-with-errors.json",
    ] {
        let original: serde_json::Value = serde_json::from_slice(&fixture(name)).unwrap();
        let imported = import(&fixture(name)).unwrap();
        let report = validate(&imported.document, today());
        let exported = export(&imported.document, report.is_complete(), common::now());
        let written: serde_json::Value = serde_json::from_slice(&exported.bytes).unwrap();
        assert_eq!(
            to_value(&import(&exported.bytes).unwrap().document),
            written
        );
        let mut again = written.clone();
        assert_eq!(
            again["meta"]["digest"], original["meta"]["digest"],
            "{name}: same content, same seal"
        );
        assert_eq!(
            again["revision"], original["revision"],
            "{name}: unchanged, so no new revision"
        );
        again["meta"]["exported_at"] = original["meta"]["exported_at"].clone();
        again["meta"]["app_version"] = original["meta"]["app_version"].clone();
        assert_eq!(again, original, "{name}");
    }
}

#[test]
fn every_fixture_digest_agrees_with_python() {
    // The independent implementation of format.md: Python's json.dumps with sorted keys.
    let Ok(out) = std::process::Command::new("python3")
        .arg("-c")
        .arg(
            "import json,hashlib,sys\n\
             d=json.load(open(sys.argv[1],encoding='utf-8')); d.pop('meta',None)\n\
             print('sha256:'+hashlib.sha256(json.dumps(d,sort_keys=True,separators=(',',':'),ensure_ascii=False).encode()).hexdigest())",
        )
        .arg(common::fixture_path("member-complete.json"))
        .output()
    else {
        eprintln!("python3 not found: skipped");
        return;
    };
    let python = String::from_utf8(out.stdout).unwrap();
    let value: serde_json::Value =
        serde_json::from_slice(&fixture("member-complete.json")).unwrap();
    assert_eq!(
        python.trim(),
        rectify::domain::file::digest::digest_of(&value)
    );
}
