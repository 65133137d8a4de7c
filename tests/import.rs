//! Every way a file can be wrong gets its own typed error with a Chinese message that says what and where.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::fixture;
use rectify::domain::file::encoding::NotText;
use rectify::domain::file::import::{
    import, nesting_depth, ImportError, StructureProblem, MAX_FILE_BYTES,
};
use rectify::domain::file::SLICE;
use serde_json::{json, Value};

fn org() -> Value {
    serde_json::from_slice(&fixture("org-complete.json")).unwrap()
}

fn import_value(v: &Value) -> Result<rectify::domain::file::import::Imported, ImportError> {
    import(serde_json::to_string(v).unwrap().as_bytes())
}

fn message_of(v: &Value) -> String {
    import_value(v).unwrap_err().message()
}

#[test]
fn utf16_files_from_notepad_open() {
    let text = String::from_utf8(fixture("org-complete.json")).unwrap();
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let bom: Vec<u8> = [0xEF, 0xBB, 0xBF].into_iter().chain(text.bytes()).collect();
    for bytes in [le, be, bom] {
        let imported = import(&bytes).unwrap();
        assert_eq!(
            imported.document.header.org_name,
            "中共××县公安局交警大队支部委员会"
        );
    }
}

#[test]
fn legacy_encodings_office_files_and_binaries_are_named() {
    let gbk = b"{\"format\":\"rectify-list\",\"org\":\"\xBC\xEC\xCA\xD3\"}";
    let err = import(gbk).unwrap_err();
    assert_eq!(err, ImportError::NotText(NotText::LegacyChinese));
    assert!(err.message().contains("GBK"));
    let docx = [
        b"PK\x03\x04\x14\x00".as_slice(),
        b"[Content_Types].xml word/document.xml",
    ]
    .concat();
    assert!(import(&docx)
        .unwrap_err()
        .message()
        .contains("Word文档（.docx）"));
    assert!(import(b"").unwrap_err().message().contains("空的"));
    assert!(import(&[0u8, 159, 146, 150, 1, 2])
        .unwrap_err()
        .message()
        .contains("不是文字文件"));
}

#[test]
fn files_over_the_limit_are_refused_before_parsing() {
    let big = vec![b' '; MAX_FILE_BYTES + 1];
    let err = import(&big).unwrap_err();
    assert!(matches!(err, ImportError::TooLarge { .. }));
    assert!(
        err.message().contains("文件太大（10.0 MB）"),
        "{}",
        err.message()
    );
    // Tenths of a megabyte, rounded half up, as a user reads them in Explorer.
    let said = |bytes| ImportError::TooLarge { bytes }.message();
    assert!(said(25 * 1_048_576).contains("（25.0 MB）"));
    assert!(said(18_350_080).contains("（17.5 MB）"));
    assert!(said(18_350_079 - 52_429).contains("（17.4 MB）"));
    assert!(said(11_481_907).contains("（11.0 MB）"));
}

#[test]
fn deep_nesting_is_refused_without_a_stack_overflow() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    assert_eq!(import(deep.as_bytes()).unwrap_err(), ImportError::TooDeep);
    // Brackets inside strings do not count.
    let mut v = org();
    v["problems"][0]["remark"] = json!("[".repeat(1000));
    assert!(import_value(&v).is_ok());
}

#[test]
fn nesting_is_counted_across_the_slices_a_long_file_is_read_in() {
    // A backslash the last byte of a slice: the quote after it, first of the next, is still inside the string,
    // and so are the brackets that follow.
    let text = format!("[\"{}\\\"[[[[\"]", "a".repeat(SLICE - 3));
    assert_eq!(&text[SLICE - 1..=SLICE], "\\\"");
    assert_eq!(nesting_depth(&text), 1);
    let text = format!("{}{}", " ".repeat(SLICE - 1), "[".repeat(70));
    assert_eq!(nesting_depth(&text), 70);
}

#[test]
fn a_truncated_file_is_said_to_be_cut_off() {
    let bytes = fixture("org-complete.json");
    let err = import(&bytes[..bytes.len() / 2]).unwrap_err();
    assert!(matches!(
        err,
        ImportError::Syntax {
            truncated: true,
            ..
        }
    ));
    assert!(err.message().contains("截断"));
}

#[test]
fn a_top_level_array_is_not_a_list_file() {
    let err = import(b"[1,2,3]").unwrap_err();
    assert_eq!(
        err,
        ImportError::NotAnObject {
            found: "数组（列表）"
        }
    );
    assert!(err.message().contains("最外层是数组"));
}

#[test]
fn missing_format_or_version_is_refused() {
    let mut v = org();
    v.as_object_mut().unwrap().remove("format");
    assert_eq!(
        import_value(&v).unwrap_err(),
        ImportError::NotOurFormat { found: None }
    );
    let mut v = org();
    v["version"] = json!("1");
    assert_eq!(import_value(&v).unwrap_err(), ImportError::BadVersion);
}

#[test]
fn a_wrong_type_names_the_field_and_both_types() {
    let mut v = org();
    v["problems"][2]["measures"][0]["content"] = json!(42);
    let err = import_value(&v).unwrap_err();
    assert_eq!(
        err,
        ImportError::Structure {
            path: "problems[2].measures[0].content".into(),
            problem: StructureProblem::WrongType {
                found: "整数".into(),
                expected: "文字".into()
            },
        }
    );
    assert_eq!(
        err.message(),
        "文件内容有误：第3个问题 · 第1项措施 · 措施内容处内容类型不对：应当是文字，实际是整数。这个文件可能被手工改过或由其他程序生成。请使用本程序“导出JSON”得到的原文件。"
    );
}

#[test]
fn an_unknown_code_names_the_code_and_where() {
    let mut v = org();
    v["problems"][1]["measures"][1]["status"] = json!("finished");
    let err = import_value(&v).unwrap_err();
    assert!(
        matches!(&err, ImportError::Structure { problem: StructureProblem::UnknownCode { found, .. }, .. } if found == "finished")
    );
    assert!(
        err.message()
            .contains("第2个问题 · 第2项措施 · 整改状态处代码“finished”不是规定的取值"),
        "{}",
        err.message()
    );
    let mut v = org();
    v["kind"] = json!("branch");
    assert!(message_of(&v).contains("清单类型处代码“branch”"));
}

#[test]
fn missing_structure_is_named() {
    let mut v = org();
    v.as_object_mut().unwrap().remove("header");
    assert!(
        message_of(&v).contains("缺少必需的“表头信息（header）”"),
        "{}",
        message_of(&v)
    );
    let mut v = org();
    v["problems"][0]["measures"][0]
        .as_object_mut()
        .unwrap()
        .remove("id");
    assert!(
        message_of(&v).contains("第1个问题 · 第1项措施处缺少必需的“编号（id）”"),
        "{}",
        message_of(&v)
    );
}

#[test]
fn duplicate_ids_are_refused_with_where() {
    let mut v = org();
    v["problems"][1]["id"] = v["problems"][0]["id"].clone();
    let err = import_value(&v).unwrap_err();
    assert!(matches!(err, ImportError::DuplicateId { ref path, .. } if path == "problems[1].id"));
    assert!(err.message().contains("第2个问题"));
}

#[test]
fn unknown_keys_are_kept_and_written_back() {
    use rectify::domain::file::export::to_value;
    let mut v = org();
    v["x_bureau_code"] = json!("A-17");
    v["header"]["x_region"] = json!({"code": 4101});
    v["problems"][0]["measures"][1]["x_note"] = json!([1, 2]);
    v["meta"]["x_signer"] = json!("张三");
    let imported = import_value(&v).unwrap();
    let back = to_value(&imported.document);
    assert_eq!(back["x_bureau_code"], json!("A-17"));
    assert_eq!(back["header"]["x_region"], json!({"code": 4101}));
    assert_eq!(back["problems"][0]["measures"][1]["x_note"], json!([1, 2]));
    assert_eq!(back["meta"]["x_signer"], json!("张三"));
    assert_eq!(back, v, "nothing else changes either");
}

#[test]
fn markup_in_text_is_kept_as_text() {
    let mut v = org();
    v["problems"][0]["description"] = json!("<script>alert(1)</script>=HYPERLINK(\"x\")");
    let imported = import_value(&v).unwrap();
    assert_eq!(
        imported.document.problems[0].description,
        "<script>alert(1)</script>=HYPERLINK(\"x\")"
    );
}
