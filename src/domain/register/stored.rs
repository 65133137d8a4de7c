//! A register as this computer keeps it while it is filled in: in localStorage and IndexedDB under
//! `rectify.v1.register.<id>`, the text beginning with its save time as a list draft's does (`drafts::saved_at_of`
//! reads it, so the crash recovery and the two-tab check treat both alike). The start page lists them from a light
//! reading of that text, without the register's types, so that its module carries none of them.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::editor::drafts::{saved_at_of, STORAGE_VERSION};
use crate::domain::register::file::read_value;
use crate::domain::register::model::{Register, RegisterKind};

pub const KEY_PREFIX: &str = "rectify.v1.register.";

pub fn key(id: &str) -> String {
    format!("{KEY_PREFIX}{id}")
}

/// The register id of a storage key, if it is a register's key.
pub fn id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(KEY_PREFIX).filter(|id| !id.is_empty())
}

#[derive(Serialize)]
struct Stored<'a> {
    storage: u64,
    saved_at: &'a str,
    register: &'a Register,
}

/// A register and when it was saved.
#[derive(Clone, Debug, PartialEq)]
pub struct Kept {
    pub register: Register,
    pub saved_at: String,
}

pub fn encode(register: &Register, saved_at: &str) -> String {
    serde_json::to_string(&Stored {
        storage: STORAGE_VERSION,
        saved_at,
        register,
    })
    .expect("a register always serialises")
}

/// Reads a stored register; the error says what is wrong, as an import's would.
pub fn decode(text: &str) -> Result<Kept, String> {
    #[derive(Deserialize)]
    struct Raw {
        saved_at: String,
        register: Value,
    }
    let raw: Raw = serde_json::from_str(text).map_err(|_| UNREADABLE.to_string())?;
    let register = read_value(&raw.register).map_err(|e| e.message())?;
    Ok(Kept {
        register,
        saved_at: raw.saved_at,
    })
}

/// Said when another tab saved the register since this page read it: nothing is written over it.
pub const WRITTEN_ELSEWHERE: &str = "这份清单刚在另一个窗口中被修改过。为免覆盖那边的内容，本窗口的这次修改没有保存。请刷新本页（按F5）看到最新内容后再修改。";

const UNREADABLE: &str =
    "这份清单在本机保存的内容已损坏，无法打开。如有导出的文件，请重新“导入文件”。";

/// The newer of the two stored copies (localStorage's and the backup's), by their save times.
pub fn newest<'a>(local: Option<&'a str>, backup: Option<&'a str>) -> Option<&'a str> {
    let at = |t: &str| saved_at_of(t).and_then(crate::domain::dates::instant_millis);
    match (local, backup) {
        (Some(l), Some(b)) if at(b) > at(l) => Some(b),
        (Some(l), _) => Some(l),
        (None, b) => b,
    }
}

/// What the start page shows of a stored register, read without its types.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    pub id: String,
    pub kind: RegisterKind,
    pub org_name: String,
    pub saved_at: String,
    /// How many items (调研问题, 成果, 意见建议) it holds.
    pub items: usize,
}

impl RegisterKind {
    /// The code the file writes (`survey`), which the address uses too.
    pub fn code(self) -> &'static str {
        match self {
            RegisterKind::Survey => "survey",
            RegisterKind::Results => "results",
            RegisterKind::Opinions => "opinions",
        }
    }

    pub fn of_code(code: &str) -> Option<RegisterKind> {
        RegisterKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// A stored register as the start page lists it; None when the text is not one.
pub fn listed(id: &str, text: &str) -> Option<Listed> {
    let value: Value = serde_json::from_str(text).ok()?;
    let register = value.get("register")?;
    let kind = RegisterKind::of_code(register.get("kind")?.as_str()?)?;
    let count = |key: &str| {
        register
            .get(key)
            .and_then(Value::as_array)
            .map_or(0, Vec::len)
    };
    let items = match kind {
        RegisterKind::Survey => {
            (register.get("topics").and_then(Value::as_array)).map_or(0, |ts| {
                ts.iter()
                    .map(|t| {
                        t.get("problems")
                            .and_then(Value::as_array)
                            .map_or(0, Vec::len)
                    })
                    .sum()
            })
        }
        RegisterKind::Results => count("results"),
        RegisterKind::Opinions => count("opinions"),
    };
    let text_at = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or_default().to_string();
    Some(Listed {
        id: id.to_string(),
        kind,
        org_name: text_at(register.get("header").and_then(|h| h.get("org_name"))),
        saved_at: text_at(value.get("saved_at")),
        items,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::list::model::Header;
    use crate::domain::register::edit::{apply, Action};

    #[test]
    fn a_kept_register_reads_back_and_lists_without_its_types() {
        let header = Header {
            org_name: "第1派出所党支部".into(),
            ..Header::default()
        };
        let mut r = Register::new(RegisterKind::Survey, "r1".into(), header);
        apply(&mut r, Action::AddTopic { id: "t".into() });
        apply(
            &mut r,
            Action::AddProblem {
                topic: "t".into(),
                id: "p".into(),
            },
        );
        let text = encode(&r, "2026-06-30T09:30:00+08:00");
        assert_eq!(saved_at_of(&text), Some("2026-06-30T09:30:00+08:00"));
        assert_eq!(decode(&text).unwrap().register, r);
        let listed = listed("r1", &text).unwrap();
        assert_eq!(
            (listed.kind, listed.org_name.as_str(), listed.items),
            (RegisterKind::Survey, "第1派出所党支部", 1)
        );
        assert_eq!(id_of_key(&key("r1")), Some("r1"));
        assert!(decode("{").unwrap_err().contains("已损坏"));
    }

    #[test]
    fn the_newer_copy_opens() {
        let r = Register::new(RegisterKind::Opinions, "r".into(), Header::default());
        let old = encode(&r, "2026-06-30T09:30:00+08:00");
        let new = encode(&r, "2026-06-30T09:31:00+08:00");
        assert_eq!(newest(Some(&old), Some(&new)), Some(new.as_str()));
        assert_eq!(newest(Some(&new), Some(&old)), Some(new.as_str()));
        assert_eq!(newest(None, Some(&old)), Some(old.as_str()));
    }
}
