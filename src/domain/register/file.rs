//! A register as a file (`docs/format.md` § 15): pretty JSON as a list file is, sealed with the same digest, named
//! as a list file is, and read with the same checks of size, encoding and depth.

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;
use serde_json::Value;

use crate::domain::dates;
use crate::domain::file::digest::digest_of;
use crate::domain::file::export::windows_safe;
use crate::domain::file::import::{structure_problem, ImportError, Seal};
use crate::domain::list::model::{Header, Meta};
use crate::domain::register::model::{
    Achievement, Opinion, Register, RegisterKind, SurveyProblem, Topic, REGISTER_FORMAT,
    REGISTER_VERSION,
};
use crate::domain::APP_VERSION;

/// Whether a JSON file is a register (and not a list): its `format`.
pub fn is_register(value: &Value) -> bool {
    value.get("format").and_then(Value::as_str) == Some(REGISTER_FORMAT)
}

/// The register as its file holds it (without `meta` changes): the kind's own array always present.
pub fn to_value(register: &Register) -> Value {
    let mut value = serde_json::to_value(register).expect("a register always serialises");
    if let Value::Object(map) = &mut value {
        let own = match register.kind {
            RegisterKind::Survey => "topics",
            RegisterKind::Results => "results",
            RegisterKind::Opinions => "opinions",
        };
        map.entry(own).or_insert_with(|| Value::Array(Vec::new()));
    }
    value
}

/// The digest of the register's content as it stands.
pub fn content_digest(register: &Register) -> String {
    digest_of(&to_value(register))
}

/// The register as the next export writes it: its revision raised when it changed since the last export.
pub fn prepare(register: &Register) -> Register {
    let mut r = register.clone();
    let previous = r.meta.as_ref().map(|m| m.digest.clone());
    if previous
        .as_deref()
        .is_some_and(|p| !p.is_empty() && p != content_digest(&r))
    {
        r.revision = r.revision.saturating_add(1);
    }
    r
}

/// An exported register: the bytes to save, under this name, and the register as it now stands.
#[derive(Clone, Debug, PartialEq)]
pub struct Exported {
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub register: Register,
}

pub fn export(register: &Register, complete: bool, now: DateTime<FixedOffset>) -> Exported {
    let mut register = prepare(register);
    let digest = content_digest(&register);
    register.meta = Some(Meta {
        app_version: APP_VERSION.to_string(),
        exported_at: dates::rfc3339(now),
        digest,
        extra: Default::default(),
    });
    let mut text = crate::domain::file::encoding::escape_controls(
        serde_json::to_string_pretty(&to_value(&register)).expect("a JSON value always serialises"),
    );
    text.push('\n');
    Exported {
        file_name: file_name(&register, complete, "json"),
        bytes: text.into_bytes(),
        register,
    }
}

/// `调研问题清单-交警大队党支部-20260310-第2版-草稿.json`, as a list file is named (`format.md` § 9).
pub fn file_name(register: &Register, complete: bool, extension: &str) -> String {
    let org = register.header.org_name.trim();
    let org = if org.is_empty() { "未填单位" } else { org };
    let date = dates::parse(&register.header.filed_on)
        .map(dates::compact)
        .unwrap_or_else(|| "未填日期".to_string());
    let version = if register.revision > 1 {
        format!("-第{}版", register.revision)
    } else {
        String::new()
    };
    let draft = if complete { "" } else { "-草稿" };
    let name = format!("{}-{org}-{date}{version}{draft}", register.kind.title());
    format!("{}.{extension}", windows_safe(&name))
}

/// A register file that was read: the register and whether its seal holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub register: Register,
    pub seal: Seal,
    pub digest: String,
}

/// Reads a register from a file's JSON (`file::import::parse` has checked its size, encoding and depth).
pub fn import_value(value: Value) -> Result<Imported, ImportError> {
    let digest = digest_of(&value);
    let stated = (value.get("meta").and_then(|m| m.get("digest")))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let seal = match stated.is_empty() {
        true => Seal::Unsealed,
        false if stated == digest => Seal::Intact,
        false => Seal::Changed {
            stated,
            actual: digest.clone(),
        },
    };
    let register = read_value(&value)?;
    Ok(Imported {
        register,
        seal,
        digest,
    })
}

/// Reads a register the app stored itself, or a file's: format, version, structure and unique ids.
pub fn read_value(value: &Value) -> Result<Register, ImportError> {
    if !is_register(value) {
        let found = value
            .get("format")
            .and_then(Value::as_str)
            .map(str::to_string);
        return Err(ImportError::NotOurFormat { found });
    }
    match value.get("version").and_then(Value::as_u64) {
        None | Some(0) => return Err(ImportError::BadVersion),
        Some(v) if v > u64::from(REGISTER_VERSION) => {
            return Err(ImportError::NewerVersion { found: v })
        }
        Some(_) => {}
    }
    let register = Register::deserialize(value).map_err(|error| ImportError::Structure {
        path: where_wrong(value),
        problem: structure_problem(&error),
    })?;
    unique_ids(&register)?;
    Ok(register)
}

/// Where in a register that does not read the first wrong part lies: the first of its parts that does not read on
/// its own (`opinions[3]`, `topics[0].problems[2]`), or the whole file.
fn where_wrong(value: &Value) -> String {
    fn fails<T: for<'de> Deserialize<'de>>(v: &Value) -> bool {
        T::deserialize(v).is_err()
    }
    let items = |key: &str| {
        value
            .get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    if value.get("header").is_some_and(fails::<Header>) {
        return "header".into();
    }
    for (i, topic) in items("topics").iter().enumerate() {
        let problems = topic.get("problems").and_then(Value::as_array);
        for (j, p) in problems.into_iter().flatten().enumerate() {
            if fails::<SurveyProblem>(p) {
                return format!("topics[{i}].problems[{j}]");
            }
        }
        if fails::<Topic>(topic) {
            return format!("topics[{i}]");
        }
    }
    for (key, read) in [
        ("results", fails::<Achievement> as fn(&Value) -> bool),
        ("opinions", fails::<Opinion>),
    ] {
        if let Some(i) = items(key).iter().position(read) {
            return format!("{key}[{i}]");
        }
    }
    String::new()
}

fn unique_ids(register: &Register) -> Result<(), ImportError> {
    let mut ids: Vec<(&str, String)> = Vec::new();
    for (i, t) in register.topics.iter().enumerate() {
        ids.push((&t.id, format!("topics[{i}].id")));
        for (j, p) in t.problems.iter().enumerate() {
            ids.push((&p.id, format!("topics[{i}].problems[{j}].id")));
        }
    }
    ids.extend(
        (register.results.iter().enumerate())
            .map(|(i, r)| (r.id.as_str(), format!("results[{i}].id"))),
    );
    ids.extend(
        (register.opinions.iter().enumerate())
            .map(|(i, o)| (o.id.as_str(), format!("opinions[{i}].id"))),
    );
    let mut seen = std::collections::HashSet::new();
    for (id, path) in ids {
        if !seen.insert(id) {
            return Err(ImportError::DuplicateId {
                id: id.to_string(),
                path,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::register::model::{Channel, Outcome};

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-06-30T09:30:00+08:00").unwrap()
    }

    fn opinions() -> Register {
        let header = Header {
            org_name: "食品药品环境犯罪侦查大队党支部".into(),
            filed_on: "2026-03-10".into(),
            ..Header::default()
        };
        let mut r = Register::new(RegisterKind::Opinions, "9b3c".into(), header);
        r.opinions.push(Opinion {
            id: "o1".into(),
            channel: Some(Channel::Forum),
            collected_on: "2026-04-02".into(),
            content: "建议在辖区药店张贴举报电话".into(),
            dept: "食药环大队".into(),
            result: Some(Outcome::B),
            ..Opinion::default()
        });
        r
    }

    #[test]
    fn an_export_reads_back_sealed_and_a_change_raises_the_revision() {
        let first = export(&opinions(), true, now());
        assert_eq!(
            first.file_name,
            "意见建议台账-食品药品环境犯罪侦查大队党支部-20260310.json"
        );
        let value = crate::domain::file::import::parse(&first.bytes).unwrap();
        let read = import_value(value).unwrap();
        assert_eq!(read.seal, Seal::Intact);
        assert_eq!(read.register, first.register);
        let mut changed = read.register.clone();
        changed.opinions[0].action = "已协调市场监管部门统一张贴".into();
        let second = export(&changed, false, now());
        assert_eq!(second.register.revision, 2);
        assert!(second.file_name.ends_with("-第2版-草稿.json"));
    }

    #[test]
    fn a_wrong_code_says_where() {
        let mut value = to_value(&opinions());
        value["opinions"][0]["result"] = "E".into();
        let e = read_value(&value).unwrap_err();
        let ImportError::Structure { path, .. } = &e else {
            panic!("{e:?}")
        };
        assert_eq!(path, "opinions[0]");
        assert!(e.message().contains("文件内容有误"), "{}", e.message());
    }

    #[test]
    fn a_list_file_is_not_a_register() {
        let value = serde_json::json!({"format": "rectify-list", "version": 2});
        assert!(!is_register(&value));
        assert!(matches!(
            read_value(&value),
            Err(ImportError::NotOurFormat { .. })
        ));
    }
}
