//! The central office's set of received files (汇总), kept on the office's computer so files can be added over
//! weeks: what is kept of each file, and what goes to the consolidation. Where it is kept is the browser layer's
//! business (`ui::web::summary_store`); what is kept is decided here.

use serde::{Deserialize, Serialize};

use crate::domain::file::encoding;
use crate::domain::list::model::Document;
use crate::domain::names::key;
use crate::domain::office::branches::Join;
use crate::domain::office::consolidate::{self, Consolidation, Verdict};
use crate::domain::office::review::office::{Draft, ReviewEdit};

/// The version of the kept shape below.
pub const STORAGE_VERSION: u32 = 1;

/// One file as kept: a list keeps its text (so it can be checked again as the days go by); a file that is not a
/// list keeps only its name and why it is not one.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Kept {
    pub name: String,
    /// The file's text, when it is text.
    #[serde(default)]
    pub text: Option<String>,
    /// Why the file is not a list, when its text is not kept.
    #[serde(default)]
    pub refused: Option<String>,
    /// Read from a branch's Word or Excel table (来自表格): its text is the list made of it, unsealed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub table: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SummarySet {
    pub storage: u32,
    pub files: Vec<Kept>,
    /// 应报送的党支部, one name each.
    #[serde(default)]
    pub expected: Vec<String>,
    /// The office's 审核意见, one per list file reviewed (kept after export, for 审核 and 未答复).
    #[serde(default)]
    pub reviews: Vec<Draft>,
    /// 审核人: the last name the office wrote, offered again.
    #[serde(default)]
    pub reviewer: String,
    /// Names the office said are one 党支部 (合并为同一党支部), in the order it said so.
    #[serde(default)]
    pub joined: Vec<Join>,
    /// Who issues the 督办单 (the office's name), written once and printed on every one.
    #[serde(default)]
    pub issuer: String,
    /// The 编号 of the first 督办单 of the next 调度 printed (督〔year〕第N号), as the office set it.
    #[serde(default)]
    pub first_number: u32,
    /// Every 督办单 printed: which 党支部 of which period got which 编号, so a number is never given twice and a
    /// 调度 printed again keeps its numbers.
    #[serde(default)]
    pub issued: Vec<Issued>,
    /// The 活动 the office chose to consolidate (its key, `campaign::Active::key`); empty: the one worked on now.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub campaign: String,
    /// Lists made on another 党支部's file that the office said are indeed another 党支部's (their line ids,
    /// `consolidate::Said`): asked no more.
    #[serde(default)]
    pub distinct: Vec<String>,
}

/// A 督办单 printed: the 编号 a 党支部 got for a period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issued {
    /// The period, as `调度`'s key says it (`2026-11-30..2026-12-06`).
    pub period: String,
    /// The 党支部's name key (`names::key`).
    pub branch: String,
    /// The year of the 编号 (督〔year〕第N号).
    #[serde(default)]
    pub year: i32,
    pub number: u32,
}

/// The highest 督办单 编号 the office may set or reach: a 编号 past it is a typo, and would overflow a count.
pub const MAX_NUMBER: u32 = 99_999;

/// Which received file a step means, without holding its text: its name, and the length and a hash of what is
/// kept of it. Two tabs' sets are told apart file by file with it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FileKey {
    name: String,
    len: usize,
    hash: u64,
}

impl FileKey {
    pub fn of(file: &Kept) -> FileKey {
        use std::hash::{Hash, Hasher};
        let body = file
            .text
            .as_deref()
            .or(file.refused.as_deref())
            .unwrap_or("");
        // The standard hasher with its fixed keys: the same text gives the same key in every tab.
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        body.hash(&mut hasher);
        FileKey {
            name: file.name.clone(),
            len: body.len(),
            hash: hasher.finish(),
        }
    }
}

/// One thing the office did to its set. A tab keeps its steps until they are stored, so that when another tab
/// stored the set first, they are taken again on top of what that tab stored, and nothing of either is lost.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Files read (as `add` keeps them).
    Add(Vec<Kept>),
    /// 移除 of one file.
    Remove(FileKey),
    /// 清空收到的文件 of the files this tab showed; `true` drops the reviews not yet exported too.
    Clear {
        files: Vec<FileKey>,
        reviews: bool,
    },
    /// The 应报送名单 as typed.
    Expected(String),
    Join {
        name: String,
        with: String,
    },
    Unjoin(Join),
    /// A change of the review of the list `of` is of.
    Review {
        of: Draft,
        edit: ReviewEdit,
    },
    /// The 督办单's issuer (签发单位), as the office wrote it. A step of its own, apart from the number: a tab
    /// taking its steps again on another tab's set must not put back the number it showed when the name changed.
    Issuer(String),
    /// The 编号 of the next 督办单, as the office wrote it.
    FirstNumber(u32),
    /// 督办单 printed with these numbers.
    Issue(Vec<Issued>),
    /// The lists counted under these line ids are another 党支部's, as counted (not a rename): asked no more.
    Distinct(Vec<String>),
    /// 汇总哪个活动: the key of the 活动 to consolidate.
    Campaign(String),
}

impl SummarySet {
    /// Takes `step`; what of it could not be taken (a file another tab removed meanwhile, a number another tab
    /// gave meanwhile) is said in Chinese.
    pub fn apply(&mut self, step: &Step) -> Result<(), String> {
        match step {
            Step::Add(files) => self.files.extend(files.iter().cloned()),
            Step::Remove(file) => {
                let at = self.files.iter().position(|f| FileKey::of(f) == *file);
                match at {
                    Some(at) => self.remove(at),
                    None => return Err(format!("“{}”已在另一个窗口中移除。", file.name)),
                }
            }
            Step::Clear { files, reviews } => {
                let kept = self.files.len();
                self.files.retain(|f| !files.contains(&FileKey::of(f)));
                let cleared = self.cleared(*reviews);
                let others = std::mem::take(&mut self.files);
                *self = SummarySet {
                    files: others,
                    ..cleared
                };
                let left = self.files.len();
                if left > 0 && kept > 0 {
                    return Err(format!(
                        "另一个窗口刚收到的{left}个文件没有清空，仍在汇总中。"
                    ));
                }
            }
            Step::Expected(text) => self.set_expected(text),
            Step::Join { name, with } => self.join(name, with),
            Step::Unjoin(join) => self.joined.retain(|j| j != join),
            Step::Review { of, edit } => {
                let mut draft = self
                    .reviews
                    .iter()
                    .find(|d| d.list == of.list)
                    .cloned()
                    .unwrap_or_else(|| of.clone());
                edit.clone().apply(&mut draft, &mut self.reviewer);
                self.keep_review(draft);
            }
            Step::Issuer(issuer) => self.issuer = issuer.clone(),
            Step::FirstNumber(first) => self.first_number = (*first).min(MAX_NUMBER),
            Step::Issue(numbers) => return self.issue(numbers),
            Step::Campaign(key) => self.campaign = key.clone(),
            Step::Distinct(lines) => {
                for line in lines {
                    if !self.distinct.contains(line) {
                        self.distinct.push(line.clone());
                    }
                }
            }
        }
        Ok(())
    }

    /// The files read, checked and de-duplicated, with what the office said of whose files are whose.
    pub fn consolidate(&self, today: chrono::NaiveDate) -> Consolidation {
        let tables: Vec<usize> = (0..self.files.len())
            .filter(|&i| self.files[i].table)
            .collect();
        consolidate::consolidate_as(
            &self.inputs(),
            today,
            consolidate::Said {
                joins: &self.joined,
                distinct: &self.distinct,
                tables: &tables,
                campaign: &self.campaign,
            },
        )
    }

    /// A branch's Word or Excel table, read into `doc` (after its preview), as a file of the set: the list's text,
    /// unsealed, named as the file was.
    pub fn table(name: &str, doc: &Document) -> Kept {
        let text = serde_json::to_string_pretty(&crate::domain::file::export::to_value(doc))
            .unwrap_or_default();
        Kept {
            name: name.to_string(),
            text: Some(text),
            refused: None,
            table: true,
        }
    }

    /// A branch's Word or Excel file that gave no list: kept by its name and why, like any other such file.
    pub fn table_refused(name: &str, why: &str) -> Kept {
        Kept {
            name: name.to_string(),
            text: None,
            refused: Some(why.to_string()),
            table: true,
        }
    }

    /// The 编号 the next 督办单 gets: the office's first number, past every number given.
    pub fn next_number(&self, year: i32) -> u32 {
        let given = self
            .issued
            .iter()
            .filter(|i| i.year == year)
            .map(|i| i.number.saturating_add(1))
            .max()
            .unwrap_or(1);
        self.first_number.max(given).clamp(1, MAX_NUMBER)
    }

    /// The 编号 given to `branch` (a name key) for `period`, if a 督办单 of it was printed.
    pub fn number_of(&self, period: &str, branch: &str) -> Option<&Issued> {
        self.issued
            .iter()
            .find(|i| i.period == period && i.branch == branch)
    }

    /// Keeps the numbers of 督办单 printed. A 党支部 already numbered for the period keeps its number; a number
    /// another tab gave to another 党支部 meanwhile is said.
    fn issue(&mut self, numbers: &[Issued]) -> Result<(), String> {
        let mut clashes = Vec::new();
        for n in numbers {
            if self.number_of(&n.period, &n.branch).is_some() {
                continue;
            }
            if self
                .issued
                .iter()
                .any(|i| i.year == n.year && i.number == n.number)
            {
                clashes.push(n.number.to_string());
            }
            self.issued.push(n.clone());
        }
        if clashes.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "另一个窗口同时打印了督办单，第{}号重号了。请重新打开“督办单”核对编号后重新打印。",
                clashes.join("、")
            ))
        }
    }
}

impl SummarySet {
    pub fn empty() -> Self {
        SummarySet {
            storage: STORAGE_VERSION,
            ..SummarySet::default()
        }
    }

    /// Adds files as read. Text is kept as text until the consolidation has said whether it is a list
    /// (`to_keep`); a file that is not even text keeps only its name and why.
    pub fn add(&mut self, files: &[(String, Vec<u8>)]) {
        for (name, bytes) in files {
            let (text, refused) = match encoding::decode(bytes) {
                Ok(text) => (Some(text), None),
                Err(_) => (
                    None,
                    crate::domain::file::import::import(bytes)
                        .err()
                        .map(|e| e.message()),
                ),
            };
            self.files.push(Kept {
                name: name.clone(),
                text,
                refused,
                table: false,
            });
        }
    }

    /// The files as the consolidation takes them.
    pub fn inputs(&self) -> Vec<(String, consolidate::Received)> {
        self.files
            .iter()
            .map(|f| {
                let received = match (&f.text, &f.refused) {
                    (Some(text), _) => Ok(text.clone().into_bytes()),
                    (None, Some(why)) => Err(why.clone()),
                    (None, None) => Err("文件无法读取。".to_string()),
                };
                (f.name.clone(), received)
            })
            .collect()
    }

    /// The set as it is kept on this computer, once `c` (its consolidation) has said which files are lists: a
    /// file that is not a list keeps only its name and the reason, which gives it the same verdict next time.
    pub fn to_keep(&self, c: &Consolidation) -> SummarySet {
        let files = self
            .files
            .iter()
            .zip(&c.submissions)
            .map(|(f, s)| match &s.verdict {
                Verdict::NotAList(why) => Kept {
                    name: f.name.clone(),
                    text: None,
                    refused: Some(why.clone()),
                    table: f.table,
                },
                _ => f.clone(),
            })
            .collect();
        SummarySet {
            files,
            ..self.clone()
        }
    }

    /// The expected branches from a text of one name per line (blank lines and spaces around a name dropped).
    pub fn set_expected(&mut self, text: &str) {
        self.expected = text
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
    }

    /// The set without its files: the 应报送名单, the joined names and the reviewer's name stay, and so do the
    /// reviews not yet exported, unless `drop_unexported` (the office ticked that they go too).
    pub fn cleared(&self, drop_unexported: bool) -> SummarySet {
        SummarySet {
            expected: self.expected.clone(),
            reviewer: self.reviewer.clone(),
            joined: self.joined.clone(),
            issuer: self.issuer.clone(),
            first_number: self.first_number,
            issued: self.issued.clone(),
            distinct: self.distinct.clone(),
            reviews: if drop_unexported {
                Vec::new()
            } else {
                self.reviews
                    .iter()
                    .filter(|r| r.unexported())
                    .cloned()
                    .collect()
            },
            ..SummarySet::empty()
        }
    }

    /// 审核意见 written here and not exported: what clearing would lose.
    pub fn unexported_reviews(&self) -> usize {
        self.reviews.iter().filter(|r| r.unexported()).count()
    }

    /// Removes the file at `index` (移除, to settle a conflict): the rest, and every review, stay.
    pub fn remove(&mut self, index: usize) {
        if index < self.files.len() {
            self.files.remove(index);
        }
    }

    /// Says that `name` is the 党支部 `with` (合并为同一党支部). Nothing to say when they are one name already.
    pub fn join(&mut self, name: &str, with: &str) {
        let (name, with) = (name.trim(), with.trim());
        if name.is_empty() || with.is_empty() || key(name) == key(with) {
            return;
        }
        let join = Join {
            name: name.to_string(),
            with: with.to_string(),
        };
        if !self.joined.contains(&join) {
            self.joined.push(join);
        }
    }

    /// Takes back a join (撤销合并).
    pub fn unjoin(&mut self, index: usize) {
        if index < self.joined.len() {
            self.joined.remove(index);
        }
    }

    /// The review of one received file (`digest` is the file's), as written so far or new.
    pub fn review_of(&self, doc: &Document, digest: &str) -> Draft {
        self.reviews
            .iter()
            .find(|d| d.is_of(doc, digest))
            .cloned()
            .unwrap_or_else(|| Draft::of(doc, digest))
    }

    /// Keeps `draft`, replacing the review of the same file.
    pub fn keep_review(&mut self, draft: Draft) {
        let same = |d: &Draft| d.list == draft.list;
        match self.reviews.iter_mut().find(|d| same(d)) {
            Some(slot) => *slot = draft,
            None => self.reviews.push(draft),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::file::export::export;
    use crate::domain::office::consolidate::consolidate;
    use crate::domain::sample::org_list;
    use chrono::{DateTime, NaiveDate};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 6, 1).unwrap()
    }

    fn list_file() -> (String, Vec<u8>) {
        let now = DateTime::parse_from_rfc3339("2024-06-01T09:30:00+08:00").unwrap();
        let out = export(&org_list(1, "交警大队党支部", 2, 1), true, now);
        (out.file_name, out.bytes)
    }

    #[test]
    fn a_list_keeps_its_text_and_anything_else_only_its_name_and_why() {
        let mut set = SummarySet::empty();
        set.add(&[
            list_file(),
            ("说明.txt".into(), "请查收附件。".as_bytes().to_vec()),
            ("照片.png".into(), vec![0x89, b'P', b'N', b'G', 0, 0, 0, 0]),
        ]);
        let c = consolidate(&set.inputs(), today());
        let kept = set.to_keep(&c);
        assert!(kept.files[0].text.is_some(), "a list keeps its text");
        for f in &kept.files[1..] {
            assert_eq!(f.text, None, "{}", f.name);
            assert!(
                f.refused.as_deref().is_some_and(|r| !r.is_empty()),
                "{}",
                f.name
            );
        }
        // Kept that way, every file gets the same verdict again.
        let again = consolidate(&kept.inputs(), today());
        let verdicts = |c: &Consolidation| {
            c.submissions
                .iter()
                .map(|s| s.verdict.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(verdicts(&again), verdicts(&c));
    }

    #[test]
    fn clearing_keeps_the_reviews_not_yet_exported_unless_told_and_the_joins() {
        use crate::domain::file::import::import;
        use crate::domain::office::review::office::ReviewEdit;
        let mut set = SummarySet::empty();
        let (name, bytes) = list_file();
        set.add(&[(name, bytes.clone())]);
        set.join("中共××县公安局交警大队支部委员会", "交警大队 党支部");
        set.join("交警大队党支部", "交警大队 党支部");
        assert_eq!(
            set.joined.len(),
            1,
            "the same name written another way is no join"
        );
        let list = import(&bytes).unwrap();
        let mut written = Draft::of(&list.document, &list.digest);
        ReviewEdit::Comment {
            path: "list".into(),
            text: "请补充整改目标".into(),
        }
        .apply(&mut written, &mut set.reviewer);
        set.keep_review(written.clone());
        assert_eq!(set.unexported_reviews(), 1);
        let kept = set.cleared(false);
        assert!(kept.files.is_empty());
        assert_eq!((kept.reviews.len(), kept.joined.len()), (1, 1));
        assert!(set.cleared(true).reviews.is_empty(), "ticked: they go too");
        // Exported, a review is on file: clearing does not keep it, and a change makes it unexported again.
        ReviewEdit::Exported.apply(&mut written, &mut set.reviewer);
        set.keep_review(written.clone());
        assert_eq!(set.unexported_reviews(), 0);
        assert!(set.cleared(false).reviews.is_empty());
        ReviewEdit::Verdict(crate::domain::office::review::Verdict::Returned)
            .apply(&mut written, &mut set.reviewer);
        assert!(written.unexported());
        set.unjoin(0);
        assert!(set.joined.is_empty());
    }

    #[test]
    fn removing_a_file_keeps_the_others() {
        let mut set = SummarySet::empty();
        set.add(&[list_file(), ("说明.txt".into(), b"x".to_vec())]);
        set.remove(5);
        assert_eq!(set.files.len(), 2, "nothing at that place, nothing removed");
        set.remove(0);
        assert_eq!(set.files.len(), 1);
        assert_eq!(set.files[0].name, "说明.txt");
    }

    #[test]
    fn clearing_keeps_the_expected_branches() {
        let mut set = SummarySet::empty();
        set.add(&[list_file()]);
        set.set_expected("  交警大队党支部 \n\n治安大队党支部\n");
        assert_eq!(set.expected, ["交警大队党支部", "治安大队党支部"]);
        let cleared = set.cleared(false);
        assert!(cleared.files.is_empty());
        assert_eq!(cleared.expected, set.expected);
        assert_eq!(cleared.storage, STORAGE_VERSION);
    }
}
