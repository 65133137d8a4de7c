//! The central office's set of received files (汇总), kept on the office's computer so files can be added over
//! weeks: what is kept of each file, and what goes to the consolidation. Where it is kept is the browser layer's
//! business (`ui::web::summary_store`); what is kept is decided here.

use serde::{Deserialize, Serialize};

use super::branches::Join;
use super::consolidate::{self, Consolidation, Verdict};
use super::encoding;
use super::model::Document;
use super::names::key;
use super::review::office::Draft;

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
                    super::import::import(bytes).err().map(|e| e.message()),
                ),
            };
            self.files.push(Kept {
                name: name.clone(),
                text,
                refused,
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
    use crate::domain::consolidate::consolidate;
    use crate::domain::export::export;
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
        use crate::domain::import::import;
        use crate::domain::review::office::ReviewEdit;
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
        ReviewEdit::Verdict(crate::domain::review::Verdict::Returned)
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
