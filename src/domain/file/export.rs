//! Writing a list file: pretty JSON (two spaces, LF), `meta` filled and sealed with the digest, the revision raised
//! when the document changed since the last export, and the file name of `format.md`.

use chrono::{DateTime, FixedOffset};
use serde_json::Value;

use super::unknown;
use crate::domain::dates;
use crate::domain::file::digest::digest_of;
use crate::domain::list::model::{Document, Kind, Meta};
use crate::domain::APP_VERSION;

/// The document as the JSON value the file holds (without `meta` changes): kept unknown keys put back, and the
/// kind's own list always present, even when empty.
pub fn to_value(doc: &Document) -> Value {
    let mut value = serde_json::to_value(doc).expect("a document always serialises");
    unknown::restore(doc, &mut value);
    if let Value::Object(map) = &mut value {
        let own = match doc.kind {
            Kind::Org => "problems",
            Kind::Member => "members",
        };
        map.entry(own).or_insert_with(|| Value::Array(Vec::new()));
        map.insert(
            "version".into(),
            crate::domain::list::campaign::written_version(doc).into(),
        );
    }
    value
}

/// The digest of the document's content as it stands.
pub fn content_digest(doc: &Document) -> String {
    digest_of(&to_value(doc))
}

/// An exported file: the bytes to save, under this name, and the document as it now stands (revision and meta
/// updated) for the app to keep.
#[derive(Clone, Debug, PartialEq)]
pub struct Exported {
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub document: Document,
}

/// `doc` as the next export will write it: its revision raised when the content changed since the last export.
pub fn prepare(doc: &Document) -> Document {
    let mut doc = doc.clone();
    let previous = doc.meta.as_ref().map(|m| m.digest.clone());
    let unchanged = previous.as_deref() == Some(content_digest(&doc).as_str());
    if previous.is_some_and(|p| !p.is_empty()) && !unchanged {
        doc.revision = doc.revision.saturating_add(1);
    }
    doc
}

/// The digest the next export will carry: what a printed page shows, so the paper matches the file.
pub fn next_digest(doc: &Document) -> String {
    content_digest(&prepare(doc))
}

/// Seals and writes `doc`. `complete` comes from validation; `now` is the local time with its offset.
pub fn export(doc: &Document, complete: bool, now: DateTime<FixedOffset>) -> Exported {
    let mut doc = prepare(doc);
    let digest = content_digest(&doc);
    let extra = doc.meta.take().map(|m| m.extra).unwrap_or_default();
    doc.meta = Some(Meta {
        app_version: APP_VERSION.to_string(),
        exported_at: dates::rfc3339(now),
        digest,
        extra,
    });
    let value = to_value(&doc);
    let mut text = crate::domain::file::encoding::escape_controls(
        serde_json::to_string_pretty(&value).expect("a JSON value always serialises"),
    );
    text.push('\n');
    Exported {
        file_name: file_name(&doc, complete),
        bytes: text.into_bytes(),
        document: doc,
    }
}

/// Room for what an export adds to the document's text (`meta`, a raised revision), generously.
const META_ROOM: usize = 1024;

/// Whether `doc`, exported, makes a file the importer (and so 汇总) reads back: not over its size bound. What
/// the app makes of a table, pasted rows or gathered lists is checked before it is made, so it never holds a list
/// it cannot hand in; the reason says the size and what to do.
pub fn fits(doc: &Document) -> Result<(), String> {
    let bytes = serde_json::to_string_pretty(&to_value(doc))
        .map(|t| t.len())
        .unwrap_or(usize::MAX)
        .saturating_add(META_ROOM);
    too_large(bytes).map_or(Ok(()), Err)
}

/// Why a list file of `bytes` bytes cannot be handed in, if it cannot: the importer refuses it.
pub fn too_large(bytes: usize) -> Option<String> {
    let limit = crate::domain::file::import::MAX_FILE_BYTES;
    // Tenths of a megabyte in integers: formatting a float would bring its code into the start-up module.
    let tenths = bytes / (1_048_576 / 10);
    (bytes > limit).then(|| {
        format!(
            "这份清单的文件将有 {}.{} MB，超过本程序能读入的 {} MB：导出后本程序和汇总都无法再打开它。多半是某些单元格或字段的内容过长（例如把整篇材料贴进了一格），请删减后再试。",
            tenths / 10,
            tenths % 10,
            limit / 1_048_576
        )
    })
}

/// `{kind}-{org_name}[-{member}]-{YYYYMMDD}[-第N版][-草稿].json`, with the characters Windows forbids replaced by
/// `_`. A member's own list (a member list of one member) carries the member's name: whose it is. A list handed in
/// again (revision 2 on) says which 版, so two hand-ins in one folder are told apart.
pub fn file_name(doc: &Document, complete: bool) -> String {
    let org = doc.header.org_name.trim();
    let org = if org.is_empty() { "未填单位" } else { org };
    let date = dates::parse(&doc.header.filed_on)
        .map(dates::compact)
        .unwrap_or_else(|| "未填日期".to_string());
    let draft = if complete { "" } else { "-草稿" };
    let whose = match doc.own_member() {
        Some(m) if !m.name.trim().is_empty() => format!("-{}", m.name.trim()),
        Some(_) => "-未填姓名".to_string(),
        None => String::new(),
    };
    let version = if doc.revision > 1 {
        format!("-第{}版", doc.revision)
    } else {
        String::new()
    };
    let name = format!(
        "{}-{org}{whose}-{date}{version}{draft}",
        doc.kind.short_name()
    );
    format!("{}.json", windows_safe(&name))
}

/// A file name without the characters Windows forbids (replaced by `_`) and without trailing dots or spaces.
pub fn windows_safe(name: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| match c {
            '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    safe.trim_end_matches(['.', ' ']).to_string()
}
