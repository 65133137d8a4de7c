//! Reading a list file from its bytes. Never panics, whatever the bytes: every way a file can be wrong is an
//! `ImportError` whose message says, in Chinese, what is wrong, where, and what to do.

use std::collections::HashSet;

use serde_json::Value;

use super::{unknown, SLICE};
use crate::domain::file::digest::digest_of;
use crate::domain::file::encoding::{self, NotText};
use crate::domain::list::model::Document;
use crate::domain::list::path::describe_json_path;
use crate::domain::{FORMAT_NAME, FORMAT_VERSION};

/// Checked before anything is parsed. A real list is well under 1 MB; 40 members × 5 problems × 3 measures is
/// about 300 KB.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
/// The format nests about ten levels deep; anything much deeper is not a list file and could exhaust the stack.
pub const MAX_NESTING: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    NotText(NotText),
    TooDeep,
    Syntax {
        line: usize,
        column: usize,
        truncated: bool,
    },
    NotAnObject {
        found: &'static str,
    },
    NotOurFormat {
        found: Option<String>,
    },
    BadVersion,
    NewerVersion {
        found: u64,
    },
    /// A field is missing, has the wrong type or an unknown code: `path` is where, `problem` what.
    Structure {
        path: String,
        problem: StructureProblem,
    },
    DuplicateId {
        id: String,
        path: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StructureProblem {
    Missing(String),
    WrongType {
        found: String,
        expected: String,
    },
    /// A code that is not one of the codes of the field; `expected` lists those (as serde names them).
    UnknownCode {
        found: String,
        expected: Vec<String>,
    },
    Other(String),
}

/// Whether the file is as it was exported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seal {
    /// `meta.digest` matches the content.
    Intact,
    /// The content differs from what `meta.digest` sealed: changed after export, or damaged.
    Changed { stated: String, actual: String },
    /// No digest in the file (a draft never exported, or written by hand).
    Unsealed,
}

/// A file that was read: the document and whether its seal holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub document: Document,
    pub seal: Seal,
    /// The digest of the file's content as it is (whatever its `meta.digest` says).
    pub digest: String,
}

/// Reads a list file.
pub fn import(bytes: &[u8]) -> Result<Imported, ImportError> {
    import_value(parse(bytes)?)
}

/// The first half of `import`: the file's bytes as JSON, checked for size, encoding and depth. Apart so that a
/// caller can let the page breathe between the halves: on an old PC each half of a 4 MB list is a third of a
/// second.
pub fn parse(bytes: &[u8]) -> Result<Value, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let text = encoding::decode(bytes).map_err(ImportError::NotText)?;
    if nesting_depth(&text) > MAX_NESTING {
        return Err(ImportError::TooDeep);
    }
    let value: Value = serde_json::from_str(&text).map_err(|e| ImportError::Syntax {
        line: e.line(),
        column: e.column(),
        truncated: e.is_eof(),
    })?;
    Ok(value)
}

/// Reads a list document that is already JSON.
pub fn import_value(value: Value) -> Result<Imported, ImportError> {
    let version = check_format(&value)?;
    let stated = value
        .get("meta")
        .and_then(|m| m.get("digest"))
        .and_then(Value::as_str)
        .map(str::to_string);
    let digest = digest_of(&value);
    let seal = match stated {
        Some(stated) if !stated.is_empty() => {
            if digest == stated {
                Seal::Intact
            } else {
                Seal::Changed {
                    stated,
                    actual: digest.clone(),
                }
            }
        }
        _ => Seal::Unsealed,
    };
    let document = read_typed(value, version)?;
    Ok(Imported {
        document,
        seal,
        digest,
    })
}

/// Reads a list document the app stored itself (a draft): the same checks, but no digest to compare, which on a
/// big list is a good part of the time reading takes.
pub fn read_value(value: Value) -> Result<Document, ImportError> {
    let version = check_format(&value)?;
    read_typed(value, version)
}

/// The format and version of a document: ours, and not newer than this app.
fn check_format(value: &Value) -> Result<u64, ImportError> {
    let Value::Object(top) = value else {
        return Err(ImportError::NotAnObject {
            found: json_type(value),
        });
    };
    match top.get("format") {
        Some(Value::String(f)) if f == FORMAT_NAME => {}
        Some(Value::String(f)) => {
            return Err(ImportError::NotOurFormat {
                found: Some(f.clone()),
            })
        }
        _ => return Err(ImportError::NotOurFormat { found: None }),
    }
    let version = top
        .get("version")
        .and_then(Value::as_u64)
        .ok_or(ImportError::BadVersion)?;
    if version > u64::from(FORMAT_VERSION) {
        return Err(ImportError::NewerVersion { found: version });
    }
    Ok(version)
}

/// The typed document of a value of `version`: migrated, read, its unknown keys kept, its ids unique.
fn read_typed(value: Value, version: u64) -> Result<Document, ImportError> {
    let value = crate::domain::file::migrate::to_current(value, version)
        .map_err(|_| ImportError::BadVersion)?;
    let mut document =
        crate::domain::list::locate::read_document(&value).map_err(structure_error)?;
    unknown::collect(&value, &mut document);
    check_unique_ids(&document)?;
    Ok(document)
}

/// The deepest nesting of arrays and objects, counted without parsing (strings are skipped).
pub fn nesting_depth(text: &str) -> usize {
    let mut nesting = Nesting::default();
    for slice in text.as_bytes().chunks(SLICE) {
        nesting.read(slice);
    }
    nesting.deepest
}

/// Where the count of `nesting_depth` stands between slices.
#[derive(Default)]
struct Nesting {
    depth: usize,
    deepest: usize,
    in_string: bool,
    escaped: bool,
}

impl Nesting {
    #[inline(never)]
    fn read(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if self.in_string {
                match b {
                    _ if self.escaped => self.escaped = false,
                    b'\\' => self.escaped = true,
                    b'"' => self.in_string = false,
                    _ => {}
                }
                continue;
            }
            match b {
                b'"' => self.in_string = true,
                b'{' | b'[' => {
                    self.depth += 1;
                    self.deepest = self.deepest.max(self.depth);
                }
                b'}' | b']' => self.depth = self.depth.saturating_sub(1),
                _ => {}
            }
        }
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "空值（null）",
        Value::Bool(_) => "真假值",
        Value::Number(_) => "数字",
        Value::String(_) => "文字",
        Value::Array(_) => "数组（列表）",
        Value::Object(_) => "对象",
    }
}

/// Turns serde's English into a typed problem. Its messages are stable: `missing field `x``,
/// `invalid type: integer `5`, expected a string`, `unknown variant `x`, expected one of ...`.
fn structure_error(located: crate::domain::list::locate::Located) -> ImportError {
    ImportError::Structure {
        path: located.path,
        problem: structure_problem(&located.error),
    }
}

/// What serde found wrong, as a typed problem (its message is English; this app never shows it).
pub fn structure_problem(error: &serde_json::Error) -> StructureProblem {
    let text = error.to_string();
    // serde quotes names in backticks: `x`.
    let quoted = |s: &str| s.split('`').nth(1).unwrap_or("").to_string();
    let all_quoted = |s: &str| -> Vec<String> {
        s.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    };
    if let Some(rest) = text.strip_prefix("missing field ") {
        StructureProblem::Missing(quoted(rest))
    } else if let Some(rest) = text.strip_prefix("unknown variant ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        StructureProblem::UnknownCode {
            found: quoted(found),
            expected: all_quoted(expected),
        }
    } else if let Some(rest) = text
        .strip_prefix("invalid type: ")
        .or_else(|| text.strip_prefix("invalid value: "))
    {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        StructureProblem::WrongType {
            found: type_in_chinese(found),
            expected: type_in_chinese(expected),
        }
    } else {
        // Anything else serde says has no words here: say what it is about without its English.
        StructureProblem::Other("内容不合规定".to_string())
    }
}

/// `{where}处{what is wrong}`, in Chinese: a structure problem at a JSON path of a list or a review file.
pub fn describe_structure(path: &str, problem: &StructureProblem) -> String {
    let at = describe_json_path(path);
    let what = match problem {
        StructureProblem::Missing(field) => {
            let label = crate::domain::labels::field_label(field);
            let name = if label.is_empty() {
                field.clone()
            } else {
                format!("{label}（{field}）")
            };
            format!("缺少必需的“{name}”")
        }
        StructureProblem::WrongType { found, expected } => {
            format!("内容类型不对：应当是{expected}，实际是{found}")
        }
        StructureProblem::UnknownCode { found, expected } if expected.is_empty() => {
            format!("代码“{found}”不是规定的取值")
        }
        StructureProblem::UnknownCode { found, expected } => format!(
            "代码“{found}”不是规定的取值（应为{}）",
            expected
                .iter()
                .map(|e| format!("“{e}”"))
                .collect::<Vec<_>>()
                .join("、")
        ),
        StructureProblem::Other(text) => text.clone(),
    };
    format!("{at}处{what}")
}

fn type_in_chinese(serde_words: &str) -> String {
    let w = serde_words.trim();
    let named = [
        ("a string", "文字"),
        ("string", "文字"),
        ("integer", "整数"),
        ("u32", "正整数"),
        ("floating point", "小数"),
        ("boolean", "真假值"),
        ("null", "空值（null）"),
        ("unit value", "空值（null）"),
        ("a sequence", "列表"),
        ("sequence", "列表"),
        ("struct", "对象"),
        ("map", "对象"),
        ("internally tagged enum", "带类型的对象"),
        ("option", "可空的值"),
    ];
    for (en, zh) in named {
        if w == en || w.starts_with(&format!("{en} ")) || w.starts_with(&format!("struct {en}")) {
            return zh.to_string();
        }
    }
    if w.starts_with("struct ") || w.contains("map") {
        return "对象".to_string();
    }
    if w.starts_with("enum") || w.starts_with("variant") {
        return "规定的代码".to_string();
    }
    if w.contains("sequence") {
        return "列表".to_string();
    }
    if w.contains("string") {
        return "文字".to_string();
    }
    w.to_string()
}

/// Ids identify problems, measures and members for editing and for acknowledgements; two alike would make the
/// app change the wrong one, so such a file is refused.
fn check_unique_ids(doc: &Document) -> Result<(), ImportError> {
    let mut seen = HashSet::new();
    let mut check = |id: &str, path: String| {
        if seen.insert(id.to_string()) {
            Ok(())
        } else {
            Err(ImportError::DuplicateId {
                id: id.to_string(),
                path,
            })
        }
    };
    for (pi, p) in doc.problems.iter().enumerate() {
        check(&p.id, format!("problems[{pi}].id"))?;
        for (mi, m) in p.measures.iter().enumerate() {
            check(&m.id, format!("problems[{pi}].measures[{mi}].id"))?;
        }
    }
    for (ni, member) in doc.members.iter().enumerate() {
        check(&member.id, format!("members[{ni}].id"))?;
        for (pi, p) in member.problems.iter().enumerate() {
            check(&p.id, format!("members[{ni}].problems[{pi}].id"))?;
            for (mi, m) in p.measures.iter().enumerate() {
                check(
                    &m.id,
                    format!("members[{ni}].problems[{pi}].measures[{mi}].id"),
                )?;
            }
        }
    }
    Ok(())
}

impl ImportError {
    /// What is wrong, where, and what to do, in plain Chinese.
    pub fn message(&self) -> String {
        const USE_EXPORTED: &str = "请使用本程序“导出JSON”得到的原文件。";
        match self {
            ImportError::TooLarge { bytes } => format!(
                "文件太大（{}.{} MB），不像是检视整改清单文件（一份清单通常不到1 MB，上限是{} MB）。请确认选对了文件。",
                // Tenths of a megabyte by integer arithmetic, rounded half up: no float formatting in the wasm.
                (bytes + 52_429) / 1_048_576,
                (bytes + 52_429) % 1_048_576 * 10 / 1_048_576,
                MAX_FILE_BYTES / 1_048_576
            ),
            ImportError::NotText(NotText::Empty) => {
                "文件是空的（0字节），里面没有清单内容。请确认选对了文件，或重新导出。".to_string()
            }
            ImportError::NotText(NotText::Known(what)) => format!(
                "这是一个{what}，不是清单文件。本程序只能打开它自己导出的.json清单文件。{USE_EXPORTED}"
            ),
            ImportError::NotText(NotText::LegacyChinese) => "文件不是UTF-8编码，看起来是GBK/GB2312等旧编码（用记事本另存为“ANSI”时会这样）。请使用本程序导出的原文件；如果手工改过，请在记事本“另存为”时把编码选为UTF-8。".to_string(),
            ImportError::NotText(NotText::Binary) => format!(
                "文件不是文字文件（像是程序、图片或其他二进制文件），不是清单文件。{USE_EXPORTED}"
            ),
            ImportError::TooDeep => format!(
                "文件的层次嵌套超过{MAX_NESTING}层，不是清单文件的结构。{USE_EXPORTED}"
            ),
            ImportError::Syntax { truncated: true, .. } => "文件内容不完整，在结尾处被截断了（可能复制或下载没有完成）。请重新拷贝或重新导出这个文件。".to_string(),
            ImportError::Syntax { line, column, .. } => format!(
                "文件不是有效的JSON格式：第{line}行第{column}列附近有错误（可能被手工改坏了）。{USE_EXPORTED}"
            ),
            ImportError::NotAnObject { found } => format!(
                "文件最外层是{found}，而清单文件的最外层应当是一个对象（以“{{”开头）。{USE_EXPORTED}"
            ),
            ImportError::NotOurFormat { found: Some(f) } => format!(
                "这是一个JSON文件，但不是检视整改清单（它的格式标记是“{f}”，应为“{FORMAT_NAME}”）。请确认选对了文件。"
            ),
            ImportError::NotOurFormat { found: None } => format!(
                "这是一个JSON文件，但不是检视整改清单（缺少格式标记“format”: “{FORMAT_NAME}”）。请确认选对了文件。"
            ),
            ImportError::BadVersion => format!(
                "文件的格式版本（version）缺失或无效，无法判断怎么读取。{USE_EXPORTED}"
            ),
            ImportError::NewerVersion { found } => format!(
                "这个文件是由更新版本的程序生成的（格式版本{found}，本程序只认识到版本{FORMAT_VERSION}）。请使用最新版本的检视整改清单程序打开它。"
            ),
            ImportError::Structure { path, problem } => format!(
                "文件内容有误：{}。这个文件可能被手工改过或由其他程序生成。{USE_EXPORTED}",
                describe_structure(path, problem)
            ),
            ImportError::DuplicateId { id, path } => format!(
                "文件内容有误：{}处的编号“{id}”与前面的条目重复，程序无法区分它们。这个文件可能被手工复制粘贴过。{USE_EXPORTED}",
                describe_json_path(path)
            ),
        }
    }
}
