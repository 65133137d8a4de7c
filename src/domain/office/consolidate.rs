//! 汇总: the files of many branches read, checked, de-duplicated and summed up, for the central office.
//!
//! This module is about files: which ones count. Which 党支部 each file belongs to, and every figure by 党支部, is
//! `branches`. Every file gets a verdict. Of several files of the same list (the same document id) the highest revision counts
//! and the others are superseded; the same revision with different content is a conflict, and neither copy counts
//! until the office removes one. A file changed after export still counts, and says so.
//!
//! A file is its branch's, not its document id's: a file carrying the id of another 党支部's list (乙 filled in its
//! list on 甲's handed-in file, renamed the 党支部 and exported) is 乙's list, not 甲's next version. Of one id, the
//! files whose 党支部 (its name, through the office's joins, and its 上级党组织) is not the one of the id's first
//! file are a list of their own (`Line`), counted apart and said, until the office says the two names are one
//! 党支部 (a rename: 合并为同一党支部) or that they are two (`distinct`, which only stops the question).

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::file::import::{import, Seal};
use crate::domain::ledger::{self, Summary};
use crate::domain::list::model::{Document, Header, Kind};
use crate::domain::list::validate::validate;
use crate::domain::names::key;
use crate::domain::office::branches::{Groups, Join};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// A list with no errors, as exported.
    Complete,
    /// A list with errors (a draft) or warnings only, as exported.
    Incomplete { errors: usize, warnings: usize },
    /// Its content does not match its 校验码: changed after export, or damaged. It still counts.
    Changed { errors: usize, warnings: usize },
    /// Not a list file: the importer's message.
    NotAList(String),
    /// The same list handed in again with a higher revision: this copy does not count.
    Superseded { by: String },
    /// The very same file received again (the same bytes of content, a `(1)` copy in the downloads): counted once.
    Duplicate { of: String },
    /// The same list and revision as another file, with different content: neither counts until one is removed.
    Conflict { with: String },
    /// Like a conflict, but a higher revision of the list has arrived since, so neither copy matters for the
    /// figures; still one of the two is not what the branch wrote (a neighbour's copy, most often).
    Forked { with: String },
    /// A list of another 活动 than the one consolidated: lists of two campaigns are never added up.
    OtherCampaign { name: String },
    /// A 调研问题清单, 成果转化清单 or 意见建议台账 that counts (`office::other_lists`): not a 检视整改 list.
    Register(crate::domain::register::model::RegisterKind),
}

impl Verdict {
    /// The verdict in the words of the table.
    pub fn label(&self) -> String {
        match self {
            Verdict::Complete => "完整".to_string(),
            Verdict::Incomplete {
                errors: 0,
                warnings,
            } => format!("完整（{warnings}个提醒）"),
            Verdict::Incomplete { errors, warnings } => {
                format!("不完整（{errors}个错误，{warnings}个提醒）")
            }
            Verdict::Changed { .. } => "导出后被改动过（校验码不符）".to_string(),
            Verdict::NotAList(message) => format!("不是清单文件：{message}"),
            Verdict::Superseded { by } => format!("已被“{by}”取代（同一清单的更新版本）"),
            Verdict::Duplicate { of } => format!("与“{of}”是同一个文件（重复收到），只计一次"),
            Verdict::Conflict { with } => {
                format!("与“{with}”冲突：同一清单、同一修订号，内容却不同（可能是复制的文件）。两份都不计入，请核实后移除其中一份")
            }
            Verdict::Forked { with } => format!(
                "与“{with}”是同一清单、同一修订号，内容却不同（可能是复制的文件）；已有更新的版本，这份不计入。请核实后移除"
            ),
            Verdict::Register(kind) => format!("{}，已计入调研、成果转化和意见建议的统计", kind.title()),
            Verdict::OtherCampaign { name } => format!(
                "属于另一个活动（{name}），不计入本次汇总；在上方“汇总哪个活动”中选择它，即汇总它的清单"
            ),
        }
    }

    /// Whether the file is the branch's own line of its list (it counts or a later one superseded it): not a
    /// conflict, a fork or something that is not a list. Only such files tie names together or are compared.
    pub fn is_own(&self) -> bool {
        self.counts() || matches!(self, Verdict::Superseded { .. } | Verdict::Duplicate { .. })
    }

    /// Whether the file's list is part of the figures.
    pub fn counts(&self) -> bool {
        matches!(
            self,
            Verdict::Complete | Verdict::Incomplete { .. } | Verdict::Changed { .. }
        )
    }
}

/// One file handed in.
#[derive(Clone, Debug, PartialEq)]
pub struct Submission {
    pub file_name: String,
    pub verdict: Verdict,
    pub document: Option<Document>,
    /// The figures of this very file (whether it counts or not), when it is a list.
    pub summary: Option<Summary>,
    /// It carries the id of another 党支部's list (made on that list's file), not yet settled by the office.
    pub copy_of: Option<CopyOf>,
    /// Read from a branch's Word or Excel table (来自表格).
    pub from_table: bool,
}

/// A list made on another 党支部's file: whose list's id it carries.
#[derive(Clone, Debug, PartialEq)]
pub struct CopyOf {
    /// The 党支部 whose list's id the file carries, as that list names it.
    pub branch: String,
    /// The id the file carries (the file's own `id`); the list is counted under an id of its own (its line).
    pub id: String,
}

impl CopyOf {
    /// What the file list says of such a file.
    pub fn label(&self) -> String {
        format!(
            "；清单编号与“{}”的清单相同，党支部却不同：多半是用它报送的文件做模板填写的，已按另一个党支部分开统计",
            self.branch
        )
    }
}

/// What the office has said of whose files are whose, kept with its set: names that are one 党支部, and lists made
/// on another 党支部's file that it says are indeed another 党支部's (their line ids).
#[derive(Clone, Copy, Debug, Default)]
pub struct Said<'a> {
    pub joins: &'a [Join],
    pub distinct: &'a [String],
    /// The files (their positions) read from a branch's Word or Excel table (来自表格): unsealed, and superseded by
    /// any list file of the same kind from the same 党支部.
    pub tables: &'a [usize],
    /// The 活动 the office chose to consolidate (its key); empty: the one worked on now (`campaign::split`).
    pub campaign: &'a str,
}

/// A list file that counts (the highest revision of its list), with its figures. Its document's id is its line's:
/// the file's own id, or for a list made on another 党支部's file, that id with `~` and a mark of its 党支部.
#[derive(Clone, Debug, PartialEq)]
pub struct ListFile {
    pub file_name: String,
    /// The file's digest as received: which file a review is of.
    pub digest: String,
    pub document: Document,
    pub summary: Summary,
    pub errors: usize,
    pub warnings: usize,
    pub verdict: Verdict,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Consolidation {
    pub submissions: Vec<Submission>,
    /// The lists that count, in the order their files were received.
    pub lists: Vec<ListFile>,
    /// The 活动 of the lists received, with how many files each; more than one: only `campaign`'s count.
    pub campaigns: Vec<crate::domain::list::campaign::Share>,
    /// The key of the 活动 consolidated, when any list was received.
    pub campaign: Option<String>,
    /// The 调研问题清单, 成果转化清单 and 意见建议台账 that count, in the order received.
    pub registers: Vec<crate::domain::office::other_lists::RegisterFile>,
}

struct Read {
    file_name: String,
    document: Document,
    digest: String,
    changed: bool,
    copy_of: Option<CopyOf>,
}

/// A file as received: its bytes, or (for a file kept from an earlier session that was not a list) why it was
/// refused then.
pub type Received = Result<Vec<u8>, String>;

/// Reads, checks and de-duplicates `files` (name, bytes or an earlier refusal), nothing said by the office.
pub fn consolidate(files: &[(String, Received)], today: NaiveDate) -> Consolidation {
    consolidate_as(files, today, Said::default())
}

/// Whether two headers are one 党支部's: the same name (by its key or the office's joins), and no two different
/// 上级党组织 (an empty one says nothing).
pub(crate) fn same_branch(a: &Header, b: &Header, names: &mut Groups) -> bool {
    let parents = (key(&a.parent_org), key(&b.parent_org));
    names.same(&a.org_name, &b.org_name)
        && (parents.0.is_empty() || parents.1.is_empty() || parents.0 == parents.1)
}

/// Whether two lists are one 党支部's by their headers alone (no joins): what the start page asks before a file
/// replaces a draft of the same id.
pub fn one_branch(a: &Header, b: &Header) -> bool {
    same_branch(a, b, &mut Groups::default())
}

/// The id a list made on another 党支部's file is counted under: its own id, `~`, and eight hex digits of its
/// 党支部's name and 上级党组织 (the same for every file of that 党支部, whichever tab or day reads it).
fn line_id(id: &str, header: &Header) -> String {
    let mark = crate::domain::file::digest::digest_of(&serde_json::json!([
        key(&header.org_name),
        key(&header.parent_org)
    ]));
    format!("{id}~{}", &mark[7..15])
}

/// The id written in a file whose line is `id` (the file's own, without a line's mark).
pub fn file_id(id: &str) -> &str {
    id.split('~').next().unwrap_or(id)
}

/// Gives each read file of another 党支部 than the first file of its id (lowest revision, then earliest export) a
/// line of its own.
fn lines(read: &mut [Option<Read>], said: Said) {
    let mut names = Groups::of_joins(said.joins);
    let mut first: HashMap<String, usize> = HashMap::new();
    for (i, r) in read.iter().enumerate() {
        let Some(r) = r else { continue };
        let rank = |r: &Read| {
            (
                r.document.revision,
                r.document
                    .meta
                    .as_ref()
                    .map(|m| m.exported_at.clone())
                    .unwrap_or_default(),
            )
        };
        match first.get(&r.document.id) {
            Some(&f) if read[f].as_ref().map(rank) <= Some(rank(r)) => {}
            _ => {
                first.insert(r.document.id.clone(), i);
            }
        }
    }
    let owners: Vec<Option<Header>> = read
        .iter()
        .map(|r| {
            r.as_ref()
                .and_then(|r| first.get(&r.document.id))
                .and_then(|&f| read[f].as_ref())
                .map(|f| f.document.header.clone())
        })
        .collect();
    for (r, owner) in read.iter_mut().zip(owners) {
        let (Some(r), Some(owner)) = (r, owner) else {
            continue;
        };
        if same_branch(&r.document.header, &owner, &mut names) {
            continue;
        }
        let own = r.document.id.clone();
        r.document.id = line_id(&own, &r.document.header);
        if !said.distinct.contains(&r.document.id) {
            r.copy_of = Some(CopyOf {
                branch: owner.org_name.trim().to_string(),
                id: own,
            });
        }
    }
}

/// A list read from a table is superseded by a list file of the same kind from the same 党支部 (its name, through
/// the office's joins): once the branch hands in its file, that file counts. Of two tables of one 党支部 and kind,
/// the one received later counts: each reading makes a list of its own id, which would otherwise count twice.
fn superseded_tables(read: &[Option<Read>], verdicts: &mut [Option<Verdict>], said: Said) {
    let mut names = Groups::of_joins(said.joins);
    for &t in said.tables {
        let Some(Some(table)) = read.get(t) else {
            continue;
        };
        let by = read.iter().enumerate().find_map(|(i, r)| {
            let r = r.as_ref()?;
            (i != t
                && (!said.tables.contains(&i) || i > t)
                && r.document.kind == table.document.kind
                && same_branch(&r.document.header, &table.document.header, &mut names))
            .then(|| r.file_name.clone())
        });
        if let Some(by) = by {
            verdicts[t] = Some(Verdict::Superseded { by });
        }
    }
}

/// Keeps the lists of the 活动 consolidated (`said`, else the one worked on now); the others are set aside with
/// their verdict, so that lists of two campaigns are never added up or grouped together.
fn of_one_campaign(
    read: &mut [Option<Read>],
    verdicts: &mut [Option<Verdict>],
    said: &str,
) -> (Vec<crate::domain::list::campaign::Share>, Option<String>) {
    use crate::domain::list::campaign::{split, Active};
    let (shares, chosen) = split(
        read.iter().flatten().map(|r| {
            let at = r
                .document
                .meta
                .as_ref()
                .map_or("", |m| m.exported_at.as_str());
            (&r.document.header, at)
        }),
        said,
    );
    if shares.len() > 1 {
        for (i, slot) in read.iter_mut().enumerate() {
            let Some(r) = slot else { continue };
            let active = Active::of(&r.document.header);
            if Some(&active.key) != chosen.as_ref() {
                verdicts[i] = Some(Verdict::OtherCampaign { name: active.name });
                *slot = None;
            }
        }
    }
    (shares, chosen)
}

/// Reads, checks and de-duplicates `files` (name, bytes or an earlier refusal), with what the office said of whose
/// files are whose. In phases: every file read; the lists of another 活动 set aside; the tables a list file
/// supersedes; the copies of each list grouped (the highest revision wins); what counts, checked and summed.
pub fn consolidate_as(files: &[(String, Received)], today: NaiveDate, said: Said) -> Consolidation {
    let mut verdicts: Vec<Option<Verdict>> = vec![None; files.len()];
    let mut read = read_all(files, &mut verdicts);
    let (campaigns, campaign) = of_one_campaign(&mut read, &mut verdicts, said.campaign);
    let registers =
        crate::domain::office::other_lists::registers(files, &mut verdicts, campaign.as_deref());
    lines(&mut read, said);
    superseded_tables(&read, &mut verdicts, said);
    copies(&read, &mut verdicts);
    let mut out = Consolidation {
        campaigns,
        campaign,
        registers,
        ..Consolidation::default()
    };
    for (i, r) in read.into_iter().enumerate() {
        let verdict = verdicts[i].take();
        out.take(&files[i].0, r, verdict, today, said.tables.contains(&i));
    }
    out
}

/// Phase 1: every file read as a list, or its verdict said (not a list, and why).
fn read_all(files: &[(String, Received)], verdicts: &mut [Option<Verdict>]) -> Vec<Option<Read>> {
    let mut read: Vec<Option<Read>> = Vec::with_capacity(files.len());
    for (i, (name, received)) in files.iter().enumerate() {
        let imported = match received {
            Ok(bytes) => import(bytes).map_err(|e| e.message()),
            Err(message) => Err(message.clone()),
        };
        match imported {
            Err(message) => {
                verdicts[i] = Some(Verdict::NotAList(message));
                read.push(None);
            }
            Ok(imported) => {
                let digest = imported.digest;
                read.push(Some(Read {
                    file_name: name.clone(),
                    changed: matches!(imported.seal, Seal::Changed { .. }),
                    document: imported.document,
                    digest,
                    copy_of: None,
                }));
            }
        }
    }
    read
}

/// Phase 4: the copies of each list grouped by its id; the highest revision wins, the others are older versions,
/// copies or forks, and two different files of the top revision are a conflict.
fn copies(read: &[Option<Read>], verdicts: &mut [Option<Verdict>]) {
    let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, r) in read.iter().enumerate() {
        if let Some(r) = r {
            groups.entry(r.document.id.as_str()).or_default().push(i);
        }
    }
    for indices in groups.values() {
        let rev = |i: usize| read[i].as_ref().map(|r| r.document.revision).unwrap_or(0);
        // Below the top: two files of one revision with different content are a fork, whichever came first.
        let forked_with = |i: usize| {
            indices.iter().copied().find(|&j| {
                j != i
                    && rev(j) == rev(i)
                    && read[j].as_ref().map(|r| &r.digest) != read[i].as_ref().map(|r| &r.digest)
            })
        };
        let top = indices.iter().map(|&i| rev(i)).max().unwrap_or(0);
        let best: Vec<usize> = indices.iter().copied().filter(|&i| rev(i) == top).collect();
        let name = |i: usize| {
            read[i]
                .as_ref()
                .map(|r| r.file_name.clone())
                .unwrap_or_default()
        };
        let digest = |i: usize| {
            read[i]
                .as_ref()
                .map(|r| r.digest.clone())
                .unwrap_or_default()
        };
        let keep = best[0];
        let conflicting: Vec<usize> = best
            .iter()
            .copied()
            .filter(|&i| digest(i) != digest(keep))
            .collect();
        if conflicting.is_empty() {
            for &i in indices.iter().filter(|&&i| i != keep) {
                verdicts[i] = Some(match forked_with(i) {
                    Some(j) => Verdict::Forked { with: name(j) },
                    None if digest(i) == digest(keep) => Verdict::Duplicate { of: name(keep) },
                    None => Verdict::Superseded { by: name(keep) },
                });
            }
        } else {
            for &i in &best {
                let other = best
                    .iter()
                    .copied()
                    .find(|&j| j != i && digest(j) != digest(i))
                    .unwrap_or(keep);
                verdicts[i] = Some(Verdict::Conflict { with: name(other) });
            }
            for &i in indices.iter().filter(|i| !best.contains(i)) {
                verdicts[i] = Some(match forked_with(i) {
                    Some(j) => Verdict::Forked { with: name(j) },
                    None => Verdict::Superseded { by: name(keep) },
                });
            }
        }
    }
}

impl Consolidation {
    /// Phase 5, one file: a list that counts is checked and summed (`lists`); every file is a submission.
    fn take(
        &mut self,
        file_name: &str,
        r: Option<Read>,
        verdict: Option<Verdict>,
        today: NaiveDate,
        from_table: bool,
    ) {
        let file_name = file_name.to_string();
        let Some(r) = r else {
            self.submissions.push(Submission {
                file_name,
                verdict: verdict.unwrap_or(Verdict::Complete),
                document: None,
                summary: None,
                copy_of: None,
                // A table that gave no list is a file that is not a list, like any other.
                from_table: false,
            });
            return;
        };
        let verdict = match verdict {
            Some(v) => v,
            None => self.counted(&file_name, &r, today),
        };
        let summary = match self.lists.last() {
            Some(l) if verdict.counts() => l.summary.clone(),
            _ => ledger::summary(&r.document, today),
        };
        self.submissions.push(Submission {
            file_name,
            verdict,
            document: Some(r.document),
            summary: Some(summary),
            copy_of: r.copy_of,
            from_table,
        });
    }

    /// A list that counts: checked, its verdict said from its findings, and kept with its figures.
    fn counted(&mut self, file_name: &str, r: &Read, today: NaiveDate) -> Verdict {
        let report = validate(&r.document, today);
        let (errors, warnings) = (report.error_count(), report.open_warning_count());
        let verdict = if r.changed {
            Verdict::Changed { errors, warnings }
        } else if errors == 0 && warnings == 0 {
            Verdict::Complete
        } else {
            Verdict::Incomplete { errors, warnings }
        };
        self.lists.push(ListFile {
            file_name: file_name.to_string(),
            digest: r.digest.clone(),
            summary: ledger::summary(&r.document, today),
            document: r.document.clone(),
            errors,
            warnings,
            verdict: verdict.clone(),
        });
        verdict
    }
}

impl Consolidation {
    /// The first day of the 活动 consolidated, when it has one.
    pub fn started(&self) -> Option<NaiveDate> {
        (self.campaigns.iter())
            .find(|c| Some(&c.key) == self.campaign.as_ref())
            .and_then(|c| c.start)
    }

    /// The line under an office paper's title: `截至…`, after the 活动 consolidated when it is not the 2023
    /// 主题教育 (whose papers keep the line they always had).
    pub fn as_of_line(&self, as_of: &str) -> String {
        let named = (self.campaigns.iter())
            .find(|c| Some(&c.key) == self.campaign.as_ref())
            .filter(|c| c.key != crate::domain::list::campaign::THEME_2023);
        match named {
            Some(c) => format!("{}\u{3000}截至{as_of}", c.name),
            None => format!("截至{as_of}"),
        }
    }

    /// Whether some file was counted under a line of its own (a list made on another 党支部's file): then which
    /// names are one 党支部 decides which files count, and a join is a reason to read the files again.
    pub fn has_lines(&self) -> bool {
        self.submissions
            .iter()
            .filter_map(|s| s.document.as_ref())
            .any(|d| d.id.contains('~'))
    }

    /// The figures of every list that counts.
    pub fn total(&self) -> Summary {
        let mut total = Summary::default();
        for l in &self.lists {
            total.add(&l.summary);
        }
        total
    }

    /// Every file of the list with this document id that is the branch's own: the one that counts and those it
    /// superseded (not files in conflict, nor forks), with their positions among the submissions.
    pub fn files_of(&self, id: &str) -> impl Iterator<Item = (usize, &Document)> {
        let id = id.to_string();
        self.submissions
            .iter()
            .enumerate()
            .filter(|(_, s)| s.verdict.is_own())
            .filter_map(move |(i, s)| s.document.as_ref().filter(|d| d.id == id).map(|d| (i, d)))
    }

    /// The files received in one line, and whether any needs the office's attention (not a list, a conflict or a
    /// fork, changed after export). When none does, the page folds the file list to this line.
    pub fn files_line(&self) -> (String, bool) {
        let total = self.submissions.len();
        let superseded = self
            .submissions
            .iter()
            .filter(|s| matches!(s.verdict, Verdict::Superseded { .. }))
            .count();
        let duplicates = self
            .submissions
            .iter()
            .filter(|s| matches!(s.verdict, Verdict::Duplicate { .. }))
            .count();
        let counting = self.lists.len();
        let others = self
            .submissions
            .iter()
            .filter(|s| matches!(s.verdict, Verdict::OtherCampaign { .. }))
            .count();
        let attention = self.submissions.iter().any(|s| {
            s.copy_of.is_some()
                || !matches!(
                    s.verdict,
                    Verdict::Complete
                        | Verdict::Incomplete { .. }
                        | Verdict::Superseded { .. }
                        | Verdict::Duplicate { .. }
                        | Verdict::OtherCampaign { .. }
                )
        });
        let mut line = format!("共{total}个文件：{counting}份清单计入汇总");
        // A table counts without a 校验码: the office should know how many of its figures rest on one.
        let tables = self
            .submissions
            .iter()
            .filter(|s| s.from_table && s.verdict.counts())
            .count();
        if tables > 0 {
            line.push_str(&format!("（其中{tables}份来自表格，没有校验码）"));
        }
        if superseded > 0 {
            line.push_str(&format!("，{superseded}个是已被新版本取代的旧版本"));
        }
        if duplicates > 0 {
            line.push_str(&format!("，{duplicates}个是重复收到的同一文件"));
        }
        let copies = self
            .submissions
            .iter()
            .filter(|s| s.copy_of.is_some())
            .count();
        if copies > 0 {
            line.push_str(&format!(
                "，{copies}份的清单编号与其他党支部的相同（多半是用别人的文件做模板填的，见下表）"
            ));
        }
        if others > 0 {
            line.push_str(&format!(
                "，{others}份属于其他活动（分开汇总，见上方“汇总哪个活动”）"
            ));
        }
        let other = total - counting - superseded - duplicates - others;
        if other > 0 {
            line.push_str(&format!("，{other}个需要核实（见下表）"));
        }
        line.push('。');
        (line, attention)
    }

    /// The figures by category, over all lists that count, in the order categories first appear.
    pub fn by_category(&self, today: NaiveDate) -> Vec<(String, Summary)> {
        self.by_category_where(today, |_| true)
    }

    /// The figures by category of the lists of one kind: the org lists' 六个方面 and the member lists' 四个方面
    /// are different questions, counted apart.
    pub fn by_category_of(&self, kind: Kind, today: NaiveDate) -> Vec<(String, Summary)> {
        self.by_category_where(today, |d| d.kind == kind)
    }

    fn by_category_where(
        &self,
        today: NaiveDate,
        keep: impl Fn(&Document) -> bool,
    ) -> Vec<(String, Summary)> {
        let mut out: Vec<(String, Summary)> = Vec::new();
        for l in self.lists.iter().filter(|l| keep(&l.document)) {
            for (category, s) in ledger::by_category(&l.document, today) {
                match out.iter_mut().find(|(c, _)| *c == category) {
                    Some((_, total)) => total.add(&s),
                    None => out.push((category, s)),
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::file::export::export;
    use crate::domain::list::model::Status;
    use crate::domain::sample::org_list;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 6, 1).unwrap()
    }

    fn file(name: &str, doc: &Document) -> (String, Received) {
        let now = chrono::DateTime::parse_from_rfc3339("2024-06-01T09:30:00+08:00").unwrap();
        (name.to_string(), Ok(export(doc, true, now).bytes))
    }

    #[test]
    fn every_file_gets_a_verdict() {
        let a = org_list(1, "第一党支部", 2, 2);
        let mut b = org_list(2, "第二党支部", 1, 1);
        b.header.reviewer.clear();
        let files = vec![
            file("a.json", &a),
            file("b.json", &b),
            ("c.docx".into(), Ok(b"PK\x03\x04word/".to_vec())),
            ("d.txt".into(), Err("早先的拒绝".to_string())),
        ];
        let c = consolidate(&files, today());
        assert_eq!(c.submissions[0].verdict, Verdict::Complete);
        assert_eq!(
            c.submissions[1].verdict,
            Verdict::Incomplete {
                errors: 1,
                warnings: 0
            }
        );
        assert!(
            matches!(&c.submissions[2].verdict, Verdict::NotAList(m) if m.contains("Word文档"))
        );
        assert_eq!(c.lists.len(), 2);
        assert_eq!(c.total().measures, 5);
    }

    #[test]
    fn the_higher_revision_wins_and_the_other_is_superseded() {
        let first = org_list(1, "第一党支部", 2, 2);
        let now = chrono::DateTime::parse_from_rfc3339("2024-06-01T09:30:00+08:00").unwrap();
        let exported = export(&first, true, now).document;
        let mut edited = exported.clone();
        edited.problems[0].measures[0].status = Status::InProgress;
        let files = vec![file("v2.json", &edited), file("v1.json", &exported)];
        let c = consolidate(&files, today());
        assert_eq!(c.submissions[0].verdict, Verdict::Complete);
        assert_eq!(
            c.submissions[1].verdict,
            Verdict::Superseded {
                by: "v2.json".into()
            }
        );
        assert_eq!(c.lists.len(), 1);
        assert_eq!(c.lists[0].document.revision, 2);
        assert_eq!(c.total().count(Status::InProgress), 1);
        assert_eq!(
            c.files_line(),
            (
                "共2个文件：1份清单计入汇总，1个是已被新版本取代的旧版本。".to_string(),
                false
            )
        );
    }

    #[test]
    fn the_same_file_twice_counts_once() {
        let a = org_list(1, "第一党支部", 2, 2);
        let c = consolidate(&[file("a.json", &a), file("a(1).json", &a)], today());
        assert_eq!(c.lists.len(), 1);
        assert_eq!(
            c.submissions[1].verdict,
            Verdict::Duplicate {
                of: "a.json".into()
            },
            "the same file, not an older version"
        );
        assert!(c.submissions[1].verdict.label().contains("是同一个文件"));
        let (line, attention) = c.files_line();
        assert_eq!(
            line,
            "共2个文件：1份清单计入汇总，1个是重复收到的同一文件。"
        );
        assert!(!attention);
    }

    #[test]
    fn same_revision_different_content_is_a_conflict_and_neither_counts() {
        let a = org_list(1, "第一党支部", 2, 2);
        let mut b = a.clone();
        b.problems[0].remark = "另一份".into();
        let c = consolidate(&[file("a.json", &a), file("b.json", &b)], today());
        assert_eq!(
            c.submissions[0].verdict,
            Verdict::Conflict {
                with: "b.json".into()
            }
        );
        assert_eq!(
            c.submissions[1].verdict,
            Verdict::Conflict {
                with: "a.json".into()
            }
        );
        assert!(c.lists.is_empty());
        assert!(c.submissions[0].verdict.label().contains("冲突"));
        let (line, attention) = c.files_line();
        assert!(attention, "a conflict is never folded away");
        assert_eq!(line, "共2个文件：0份清单计入汇总，2个需要核实（见下表）。");
    }

    #[test]
    fn a_copy_of_a_revision_below_the_top_is_a_fork_not_a_superseded_file() {
        // Two copies of the same branch's list (two computers of one branch) went apart at revision 2.
        let now = chrono::DateTime::parse_from_rfc3339("2024-06-01T09:30:00+08:00").unwrap();
        let v1 = export(&org_list(1, "第一党支部", 2, 2), true, now).document;
        let mut v2 = v1.clone();
        v2.problems[0].remark = "自己的第二版".into();
        let v2 = export(&v2, true, now).document;
        let mut copy = v1.clone();
        copy.problems[1].remark = "另一台电脑上改的".into();
        let copy = export(&copy, true, now).document;
        assert_eq!(copy.revision, v2.revision);
        let mut v3 = v2.clone();
        v3.problems[0].remark = "第三版".into();
        let files = vec![
            file("v2.json", &v2),
            file("copy.json", &copy),
            file("v3.json", &v3),
        ];
        let c = consolidate(&files, today());
        assert!(
            matches!(&c.submissions[0].verdict, Verdict::Forked { with } if with == "copy.json")
        );
        assert!(matches!(&c.submissions[1].verdict, Verdict::Forked { with } if with == "v2.json"));
        assert!(c.submissions[1]
            .verdict
            .label()
            .contains("可能是复制的文件"));
        assert_eq!(
            c.files_of(&v3.id).count(),
            1,
            "neither fork is the branch's own line"
        );
    }

    #[test]
    fn a_list_made_on_another_branchs_file_is_that_branchs_own_and_said() {
        // 乙 imports 甲's handed-in file, renames the 党支部, edits a problem and exports: 甲's id, 第2版.
        let now = chrono::DateTime::parse_from_rfc3339("2024-06-01T09:30:00+08:00").unwrap();
        let jia = export(&org_list(1, "甲党支部", 2, 2), true, now).document;
        let mut yi = jia.clone();
        yi.header.org_name = "乙党支部".into();
        yi.problems[0].description = "乙党支部自己查摆的问题：学习不深入。".into();
        let yi = export(&yi, true, now).document;
        assert_eq!((yi.id.as_str(), yi.revision), (jia.id.as_str(), 2));
        let files = vec![file("甲.json", &jia), file("乙-第2版.json", &yi)];
        let c = consolidate(&files, today());
        assert!(
            c.submissions.iter().all(|s| s.verdict.counts()),
            "neither supersedes the other"
        );
        assert_eq!(c.lists.len(), 2);
        assert_eq!(c.lists[0].document.id, jia.id, "the first keeps the id");
        assert!(c.lists[1].document.id.starts_with(&format!("{}~", jia.id)));
        assert_eq!(file_id(&c.lists[1].document.id), jia.id);
        let copy = c.submissions[1].copy_of.as_ref().expect("said");
        assert_eq!(copy.branch, "甲党支部");
        assert!(copy.label().contains("多半是用它报送的文件做模板填写的"));
        let (line, attention) = c.files_line();
        assert!(attention);
        assert!(line.contains("1份的清单编号与其他党支部的相同"), "{line}");
        // The office says it is a rename after all (合并为同一党支部): then the higher revision supersedes.
        let joins = [Join {
            name: "乙党支部".into(),
            with: "甲党支部".into(),
        }];
        let joined = consolidate_as(
            &files,
            today(),
            Said {
                joins: &joins,
                distinct: &[],
                tables: &[],
                campaign: "",
            },
        );
        assert!(matches!(
            joined.submissions[0].verdict,
            Verdict::Superseded { .. }
        ));
        assert_eq!(joined.lists.len(), 1);
        // Or that it is another 党支部 indeed: counted apart, asked no more.
        let line_id = c.lists[1].document.id.clone();
        let settled = consolidate_as(
            &files,
            today(),
            Said {
                joins: &[],
                distinct: &[line_id],
                tables: &[],
                campaign: "",
            },
        );
        assert_eq!(settled.lists.len(), 2);
        assert!(settled.submissions.iter().all(|s| s.copy_of.is_none()));
        assert!(!settled.files_line().1);
        // Two 党支部 of one name under two 上级党组织 are two; an empty 上级党组织 says nothing.
        let mut other_parent = yi.clone();
        other_parent.header.org_name = "甲党支部".into();
        other_parent.header.parent_org = "城南派出所党总支".into();
        let mut no_parent = other_parent.clone();
        no_parent.header.parent_org.clear();
        let mut first_parent = other_parent.clone();
        first_parent.header.parent_org = "治安大队党总支".into();
        let mut names = Groups::default();
        assert!(!same_branch(
            &first_parent.header,
            &other_parent.header,
            &mut names
        ));
        assert!(same_branch(
            &other_parent.header,
            &no_parent.header,
            &mut names
        ));
        assert!(same_branch(
            &first_parent.header,
            &no_parent.header,
            &mut names
        ));
    }

    #[test]
    fn a_file_changed_after_export_counts_and_says_so() {
        let a = org_list(1, "第一党支部", 1, 1);
        let (name, bytes) = file("a.json", &a);
        let text = String::from_utf8(bytes.unwrap())
            .unwrap()
            .replace("第一党支部", "第壹党支部");
        let c = consolidate(&[(name, Ok(text.into_bytes()))], today());
        assert!(matches!(c.submissions[0].verdict, Verdict::Changed { .. }));
        assert_eq!(c.lists.len(), 1);
    }
}
