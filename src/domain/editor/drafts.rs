//! Drafts as the browser's storage keeps them. The stored shape is versioned apart from the file format, so either
//! can change without the other; an old stored draft is migrated when it is read, never dropped.

use chrono::NaiveDate;
use serde_json::{json, Value};

use crate::domain::dates::instant_millis;
use crate::domain::file::export::to_value;
use crate::domain::file::import::{read_value, ImportError};
use crate::domain::file::unknown;
use crate::domain::list::model::{Document, Kind};
use crate::domain::list::validate::validate;

/// The version of the stored shape below.
pub const STORAGE_VERSION: u64 = 1;
/// Every draft lives under `rectify.v1.draft.<document id>`; the `v1` is the storage version of the key scheme.
pub const KEY_PREFIX: &str = "rectify.v1.draft.";

/// `STEPS[i]` turns a stored draft of storage version `i + 1` into one of version `i + 2`.
const STEPS: &[fn(Value) -> Value] = &[];

/// One draft: the document, when it was last saved (RFC 3339, local time), and whether it is a member's own list.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub document: Document,
    pub saved_at: String,
    /// A member's own list, filled in by the member (started with 新建个人清单, or a file of one member opened):
    /// the editor shows that member alone. A branch's member list is not one even while it has one member, so that
    /// the secretary's roster and gathering stay there as the list grows.
    pub personal: bool,
}

impl Draft {
    /// A draft of `document`: a member's own list when the document is one (`Document::own_member`).
    pub fn of(document: Document, saved_at: String) -> Self {
        let personal = document.own_member().is_some();
        Draft {
            document,
            saved_at,
            personal,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftError {
    /// The stored text is not JSON, or not a stored draft.
    Damaged,
    /// Stored by a newer version of the app.
    Newer(u64),
    /// The document inside does not read as a list.
    Document(ImportError),
}

impl DraftError {
    pub fn message(&self) -> String {
        match self {
            DraftError::Damaged => "这份草稿在浏览器中的存储已损坏，无法打开。".to_string(),
            DraftError::Newer(v) => format!(
                "这份草稿是由更新版本的程序保存的（存储版本{v}），请使用最新版本的程序打开。"
            ),
            DraftError::Document(e) => format!("这份草稿无法打开：{}", e.message()),
        }
    }
}

pub fn key(id: &str) -> String {
    format!("{KEY_PREFIX}{id}")
}

/// The document id of a storage key, if it is a draft's key.
pub fn id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(KEY_PREFIX)
}

/// The stored shape, written straight from the typed document: a big list is saved several times a minute while
/// the user types, and going through a JSON value tree first costs several times as much.
#[derive(serde::Serialize)]
struct Stored<'a> {
    storage: u64,
    saved_at: &'a str,
    personal: bool,
    document: &'a Document,
}

/// The text stored for `draft`. It starts `{"storage":1,"saved_at":"…"`, so `saved_at_of` reads the time without
/// parsing the rest.
pub fn encode(draft: &Draft) -> String {
    // A document with keys of a newer format kept in it goes the slow way, which puts them back.
    if unknown::any(&draft.document) {
        return json!({
            "storage": STORAGE_VERSION,
            "saved_at": draft.saved_at,
            "personal": draft.personal,
            "document": to_value(&draft.document),
        })
        .to_string();
    }
    serde_json::to_string(&Stored {
        storage: STORAGE_VERSION,
        saved_at: &draft.saved_at,
        personal: draft.personal,
        document: &draft.document,
    })
    .expect("a draft always serialises")
}

/// The save time of a stored draft, read from the start of its text without parsing the document; None when the
/// text does not start as `encode` writes it.
pub fn saved_at_of(text: &str) -> Option<&str> {
    let rest = text
        .strip_prefix("{\"storage\":")?
        .trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = rest.strip_prefix(",\"saved_at\":\"")?;
    rest.get(..rest.find('"')?)
}

/// Whether the stored copy of a draft (the start of its text; `None` when there is none) was written by another tab
/// since this one last read or wrote the copy saved at `known`. An editing tab then must not save over it: that tab
/// imported a file over the draft (the user said to replace it), and the storage event telling this tab may not
/// have arrived yet. A copy deleted meanwhile may be saved again (the user goes on typing).
pub fn written_elsewhere(stored: Option<&str>, known: Option<&str>) -> bool {
    match (stored.and_then(saved_at_of), known) {
        (Some(stored), Some(known)) => stored != known,
        _ => false,
    }
}

/// What an editing tab says when it does not save over a copy another tab wrote (`written_elsewhere`).
pub const WRITTEN_ELSEWHERE: &str =
    "这份草稿刚在另一个窗口中被替换（导入了文件），本窗口的这次修改没有保存，以免覆盖那边的内容。";

/// Reads a stored draft, migrating an older stored shape.
pub fn decode(text: &str) -> Result<Draft, DraftError> {
    let value: Value = serde_json::from_str(text).map_err(|_| DraftError::Damaged)?;
    let version = value
        .get("storage")
        .and_then(Value::as_u64)
        .ok_or(DraftError::Damaged)?;
    if version > STORAGE_VERSION {
        return Err(DraftError::Newer(version));
    }
    if version == 0 {
        return Err(DraftError::Damaged);
    }
    let mut value = STEPS[(version - 1) as usize..]
        .iter()
        .fold(value, |v, step| step(v));
    let saved_at = value
        .get("saved_at")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let document = value
        .get_mut("document")
        .map(Value::take)
        .ok_or(DraftError::Damaged)?;
    let personal = value.get("personal").and_then(Value::as_bool);
    let document = read_value(document).map_err(DraftError::Document)?;
    let mut draft = Draft::of(document, saved_at);
    // Kept since this app knew it; a draft stored before is judged by its shape.
    if let Some(personal) = personal {
        draft.personal = personal;
    }
    Ok(draft)
}

/// Where a stored copy of a draft was read from. Every save writes both: localStorage, which the browser may keep
/// in memory for seconds or refuse when full, and IndexedDB, which is on disk when its write completes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Copy {
    /// The browser's localStorage (浏览器的常规存储).
    Local,
    /// The app's IndexedDB copy (本程序的备份).
    Backup,
}

/// The copy of a draft that opens, and what the user is told about the other one.
#[derive(Clone, Debug, PartialEq)]
pub struct Chosen {
    pub draft: Draft,
    pub from: Copy,
    /// Said when the two copies differ: which one opened, and why.
    pub notice: Option<String>,
    /// The save time of the localStorage copy as it was read (or written back) when the draft was opened: what
    /// this tab has seen, which the editor's saves expect (`Model::open`, `written_elsewhere`).
    pub known: Option<String>,
}

/// Whether `a` was saved after `b`. Times are compared as instants; one that cannot be read is older.
fn saved_after(a: &Draft, b: &Draft) -> bool {
    use crate::domain::dates::instant_millis;
    instant_millis(&a.saved_at) > instant_millis(&b.saved_at)
}

/// The newer of the two stored copies of one draft, every time a draft is opened: a save that only reached one of
/// them (localStorage full, the browser killed before localStorage reached the disk) must not be hidden by an older
/// copy in the other. A copy that cannot be read counts as missing; when neither can, the local copy's error is
/// what the user sees.
pub fn newest(
    local: Option<Result<Draft, DraftError>>,
    backup: Option<Result<Draft, DraftError>>,
) -> Option<Result<Chosen, DraftError>> {
    let when = |d: &Draft| when(&d.saved_at);
    let chosen = |draft, from, notice| {
        Some(Ok(Chosen {
            draft,
            from,
            notice,
            known: None,
        }))
    };
    match (local, backup) {
        (None, None) => None,
        (Some(Err(e)), None | Some(Err(_))) => Some(Err(e)),
        (None, Some(Err(e))) => Some(Err(e)),
        (Some(Ok(draft)), None | Some(Err(_))) => chosen(draft, Copy::Local, None),
        (None, Some(Ok(backup))) => {
            let notice = only_backup("没有这份草稿", &when(&backup));
            chosen(backup, Copy::Backup, Some(notice))
        }
        (Some(Err(_)), Some(Ok(backup))) => {
            let notice = only_backup("的副本已损坏", &when(&backup));
            chosen(backup, Copy::Backup, Some(notice))
        }
        (Some(Ok(local)), Some(Ok(backup))) => {
            let same = local.saved_at == backup.saved_at && local.document == backup.document;
            if same || !saved_after(&backup, &local) {
                let notice = (!same).then(|| local_newer(&local.saved_at, &backup.saved_at));
                chosen(local, Copy::Local, notice)
            } else {
                let notice = backup_newer(&backup.saved_at, &local.saved_at);
                chosen(backup, Copy::Backup, Some(notice))
            }
        }
    }
}

/// `newest` of the two stored texts, reading only the newer one when their save times tell which (`saved_at_of`):
/// a big list is several megabytes of JSON, and opening it must not parse it twice.
pub fn newest_stored(
    local: Option<&str>,
    backup: Option<&str>,
) -> Option<Result<Chosen, DraftError>> {
    if let (Some(l), Some(b)) = (local, backup) {
        if l == b {
            return Some(decode(l).map(|draft| Chosen {
                draft,
                from: Copy::Local,
                notice: None,
                known: None,
            }));
        }
        if let (Some(at_l), Some(at_b)) = (saved_at_of(l), saved_at_of(b)) {
            let backup_is_newer = instant_millis(at_b) > instant_millis(at_l);
            let (text, from) = if backup_is_newer {
                (b, Copy::Backup)
            } else {
                (l, Copy::Local)
            };
            if let Ok(draft) = decode(text) {
                let notice = if backup_is_newer {
                    Some(backup_newer(at_b, at_l))
                } else {
                    (at_l != at_b).then(|| local_newer(at_l, at_b))
                };
                return Some(Ok(Chosen {
                    draft,
                    from,
                    notice,
                    known: None,
                }));
            }
        }
    }
    newest(local.map(decode), backup.map(decode))
}

fn when(saved_at: &str) -> String {
    crate::domain::dates::official_time_seconds(saved_at).unwrap_or_else(|| "时间不详".to_string())
}

/// The save times of two copies as the notice says them: to the second, and to the millisecond when they fall in
/// the same second (saves come several a second while someone types; "newer" beside the same time reads wrong).
fn both_when(newer: &str, older: &str) -> (String, String) {
    let (a, b) = (when(newer), when(older));
    if a != b {
        return (a, b);
    }
    let millis = |at: &str| {
        at.get(19..23)
            .filter(|m| m.starts_with('.'))
            .map_or(String::new(), str::to_string)
    };
    (
        format!("{a}{}", millis(newer)),
        format!("{b}{}", millis(older)),
    )
}

fn local_newer(local_at: &str, backup_at: &str) -> String {
    let (newer, older) = both_when(local_at, backup_at);
    format!(
        "本机存有这份草稿的两份副本：已打开浏览器常规存储中较新的一份（保存于{newer}），本程序备份中的一份较旧（保存于{older}）。"
    )
}

fn backup_newer(backup_at: &str, local_at: &str) -> String {
    let (newer, older) = both_when(backup_at, local_at);
    format!(
        "本机存有这份草稿的两份副本：已打开本程序备份中较新的一份（保存于{newer}）。浏览器常规存储中的一份较旧（保存于{older}），可能是存储空间已满时没能写入。"
    )
}

fn only_backup(why: &str, when: &str) -> String {
    format!("浏览器的常规存储中{why}，已从本程序的备份中打开（保存于{when}）。")
}

/// What the start page lists of a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub id: String,
    pub kind: Kind,
    /// 党组织名称, or a stand-in while it is empty.
    pub name: String,
    pub saved_at: String,
    pub complete: bool,
    pub errors: usize,
    pub measures: usize,
    /// What kind of list, as the start page names it: 党组织清单, 党员清单, or 个人清单（刘洋）.
    pub kind_name: String,
    /// Its 活动, as the start page names it: 党纪学习教育, 主题教育（第二批）.
    pub campaign: String,
}

impl Summary {
    pub fn of(draft: &Draft, today: NaiveDate) -> Self {
        let doc = &draft.document;
        let report = validate(doc, today);
        let name = doc.header.org_name.trim();
        Summary {
            id: doc.id.clone(),
            kind: doc.kind,
            name: if name.is_empty() {
                "（未填写党组织名称）".to_string()
            } else {
                name.to_string()
            },
            saved_at: draft.saved_at.clone(),
            complete: report.is_complete(),
            errors: report.error_count(),
            measures: doc.all_measures().count(),
            kind_name: match doc.own_member() {
                Some(m) if draft.personal => {
                    format!(
                        "个人清单（{}）",
                        crate::domain::list::outline::display_name(0, m)
                    )
                }
                _ => doc.kind.short_name().to_string(),
            },
            campaign: crate::domain::list::campaign::label(&doc.header),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_saved_by_another_tab_since_is_not_saved_over_but_a_deleted_one_is() {
        let mine = encode(&Draft::of(
            Document::new(Kind::Org, "d".into()),
            "2024-03-01T10:00:00.000+08:00".into(),
        ));
        let theirs = encode(&Draft::of(
            Document::new(Kind::Org, "d".into()),
            "2024-03-01T10:00:01.500+08:00".into(),
        ));
        let known = Some("2024-03-01T10:00:00.000+08:00");
        assert!(
            !written_elsewhere(Some(&mine), known),
            "the copy this tab wrote"
        );
        assert!(
            written_elsewhere(Some(&theirs), known),
            "another tab's import since"
        );
        assert!(
            !written_elsewhere(None, known),
            "deleted: saved again as the user goes on"
        );
        assert!(
            !written_elsewhere(Some(&theirs), None),
            "never read or written here: nothing to compare"
        );
        assert!(!written_elsewhere(Some("not a draft"), known));
    }
    use crate::domain::sample::member_list;

    #[test]
    fn a_stored_draft_reads_back_unchanged() {
        let draft = Draft::of(
            member_list(3, "交警大队党支部", 2, 2, 2),
            "2024-06-01T09:30:00+08:00".into(),
        );
        assert_eq!(decode(&encode(&draft)).unwrap(), draft);
    }

    #[test]
    fn the_save_time_is_read_without_parsing_the_document_whichever_way_it_was_written() {
        let mut draft = Draft::of(
            member_list(3, "交警大队党支部", 2, 2, 2),
            "2024-06-01T09:30:00.123+08:00".into(),
        );
        let fast = encode(&draft);
        assert_eq!(saved_at_of(&fast), Some("2024-06-01T09:30:00.123+08:00"));
        assert_eq!(decode(&fast).unwrap(), draft);
        // With a key of a newer format kept, the slow way: the same start, the key kept.
        draft.document.members[0]
            .extra
            .insert("future".into(), serde_json::json!({"x": 1}));
        let slow = encode(&draft);
        assert_eq!(saved_at_of(&slow), Some("2024-06-01T09:30:00.123+08:00"));
        assert_eq!(decode(&slow).unwrap(), draft);
        assert_eq!(saved_at_of("{\"document\":{}}"), None);
    }

    #[test]
    fn a_branch_list_of_one_member_stays_a_branch_list_and_an_old_draft_is_judged_by_its_shape() {
        let mut branch = Draft::of(
            member_list(3, "交警大队党支部", 1, 1, 1),
            "2024-06-01T09:30:00+08:00".into(),
        );
        assert!(
            branch.personal,
            "one member: a member's own list, by the format"
        );
        branch.personal = false;
        assert!(
            !decode(&encode(&branch)).unwrap().personal,
            "the branch's choice is kept"
        );
        let mut old: Value = serde_json::from_str(&encode(&branch)).unwrap();
        old.as_object_mut().unwrap().remove("personal");
        assert!(
            decode(&old.to_string()).unwrap().personal,
            "stored before the flag: by its shape"
        );
    }

    #[test]
    fn damaged_and_newer_storage_is_refused_with_a_message() {
        assert_eq!(decode("{not json"), Err(DraftError::Damaged));
        assert_eq!(decode(r#"{"storage": 1}"#), Err(DraftError::Damaged));
        assert_eq!(
            decode(r#"{"storage": 9, "document": {}}"#),
            Err(DraftError::Newer(9))
        );
        assert!(DraftError::Newer(9).message().contains("更新版本"));
    }

    fn saved(org: &str, at: &str) -> Draft {
        let mut document = member_list(1, "交警大队党支部", 1, 1, 1);
        document.header.org_name = org.into();
        Draft::of(document, at.into())
    }

    #[test]
    fn the_newer_copy_opens_and_the_user_is_told_when_they_differ() {
        let older = saved("旧", "2024-06-01T09:30:00.100+08:00");
        let newer = saved("新", "2024-06-01T09:30:00.900+08:00");

        let c = newest(Some(Ok(older.clone())), Some(Ok(newer.clone())))
            .unwrap()
            .unwrap();
        assert_eq!(
            (c.from, c.draft.document.header.org_name.as_str()),
            (Copy::Backup, "新")
        );
        assert!(c.notice.unwrap().contains("备份中较新的一份"));
        // Two saves in the same second are told apart by their milliseconds.
        assert_eq!(
            backup_newer("2024-06-01T09:30:05.600+08:00", "2024-06-01T09:30:05.120+08:00"),
            "本机存有这份草稿的两份副本：已打开本程序备份中较新的一份（保存于2024年6月1日 09:30:05.600）。浏览器常规存储中的一份较旧（保存于2024年6月1日 09:30:05.120），可能是存储空间已满时没能写入。"
        );

        let c = newest(Some(Ok(newer.clone())), Some(Ok(older.clone())))
            .unwrap()
            .unwrap();
        assert_eq!(
            (c.from, c.draft.document.header.org_name.as_str()),
            (Copy::Local, "新")
        );
        assert!(c.notice.unwrap().contains("常规存储中较新的一份"));

        let c = newest(Some(Ok(newer.clone())), Some(Ok(newer.clone())))
            .unwrap()
            .unwrap();
        assert_eq!(
            (c.from, c.notice),
            (Copy::Local, None),
            "the same copy twice says nothing"
        );
    }

    #[test]
    fn from_the_stored_texts_the_newer_opens_with_the_same_words() {
        let older = encode(&saved("旧", "2024-06-01T09:30:00.100+08:00"));
        let newer = encode(&saved("新", "2024-06-01T09:30:00.900+08:00"));
        for (local, backup) in [(&older, &newer), (&newer, &older), (&newer, &newer)] {
            let by_text = newest_stored(Some(local), Some(backup)).unwrap().unwrap();
            let by_draft = newest(Some(decode(local)), Some(decode(backup)))
                .unwrap()
                .unwrap();
            assert_eq!(by_text, by_draft);
        }
        let c = newest_stored(Some("{damaged"), Some(&newer))
            .unwrap()
            .unwrap();
        assert_eq!(c.from, Copy::Backup);
        assert_eq!(newest_stored(None, None), None);
    }

    #[test]
    fn a_copy_only_in_the_backup_opens_from_it() {
        let draft = saved("新", "2024-06-01T09:30:00+08:00");
        let c = newest(None, Some(Ok(draft.clone()))).unwrap().unwrap();
        assert_eq!(c.from, Copy::Backup);
        assert!(c.notice.unwrap().contains("没有这份草稿"));
        let c = newest(Some(Err(DraftError::Damaged)), Some(Ok(draft)))
            .unwrap()
            .unwrap();
        assert!(c.notice.unwrap().contains("已损坏"));
    }

    #[test]
    fn without_a_readable_copy_the_local_error_is_said() {
        assert_eq!(newest(None, None), None);
        assert_eq!(
            newest(
                Some(Err(DraftError::Newer(3))),
                Some(Err(DraftError::Damaged))
            ),
            Some(Err(DraftError::Newer(3)))
        );
        let draft = saved("新", "2024-06-01T09:30:00+08:00");
        let c = newest(Some(Ok(draft)), Some(Err(DraftError::Damaged)))
            .unwrap()
            .unwrap();
        assert_eq!((c.from, c.notice), (Copy::Local, None));
    }

    #[test]
    fn keys_carry_the_storage_version_and_the_document_id() {
        assert_eq!(key("abc"), "rectify.v1.draft.abc");
        assert_eq!(id_of_key("rectify.v1.draft.abc"), Some("abc"));
        assert_eq!(id_of_key("other"), None);
    }

    #[test]
    fn a_summary_says_whether_the_list_is_complete() {
        let today = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
        let mut draft = Draft::of(member_list(3, "交警大队党支部", 2, 1, 1), String::new());
        let summary = Summary::of(&draft, today);
        assert!(summary.complete);
        assert_eq!(summary.measures, 2);
        draft.document.header.org_name.clear();
        let summary = Summary::of(&draft, today);
        assert!(!summary.complete);
        assert_eq!(summary.name, "（未填写党组织名称）");
    }
}
