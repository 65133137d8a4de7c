//! 汇总: the files of many branches read, checked, de-duplicated and summed up, for the central office.
//!
//! Every file gets a verdict. Of several files of the same list (the same document id) the highest revision counts
//! and the others are superseded; the same revision with different content is a conflict, and neither copy counts
//! until the office removes one. A file changed after export still counts, and says so.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::import::{import, Seal};
use super::ledger::{self, Entry, Summary};
use super::model::{Document, Kind, Measure};
use super::validate::validate;

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
    /// The same list handed in again with a higher revision (or the same file twice): this copy does not count.
    Superseded { by: String },
    /// The same list and revision as another file, with different content: neither counts until one is removed.
    Conflict { with: String },
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
            Verdict::Conflict { with } => {
                format!("与“{with}”冲突：同一清单、同一修订号，内容却不同。请核实后删除其中一份")
            }
        }
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
}

/// A list that counts, with its figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Branch {
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
    pub branches: Vec<Branch>,
}

struct Read {
    file_name: String,
    document: Document,
    digest: String,
    changed: bool,
}

/// A file as received: its bytes, or (for a file kept from an earlier session that was not a list) why it was
/// refused then.
pub type Received = Result<Vec<u8>, String>;

/// Reads, checks and de-duplicates `files` (name, bytes or an earlier refusal).
pub fn consolidate(files: &[(String, Received)], today: NaiveDate) -> Consolidation {
    let mut verdicts: Vec<Option<Verdict>> = vec![None; files.len()];
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
                }));
            }
        }
    }
    // Group the copies of each list; the highest revision wins.
    let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, r) in read.iter().enumerate() {
        if let Some(r) = r {
            groups.entry(r.document.id.as_str()).or_default().push(i);
        }
    }
    for indices in groups.values() {
        let rev = |i: usize| read[i].as_ref().map(|r| r.document.revision).unwrap_or(0);
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
                verdicts[i] = Some(Verdict::Superseded { by: name(keep) });
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
                verdicts[i] = Some(Verdict::Superseded { by: name(keep) });
            }
        }
    }
    let mut out = Consolidation::default();
    for (i, r) in read.into_iter().enumerate() {
        let file_name = files[i].0.clone();
        let Some(r) = r else {
            out.submissions.push(Submission {
                file_name,
                verdict: verdicts[i].take().unwrap_or(Verdict::Complete),
                document: None,
            });
            continue;
        };
        let verdict = match verdicts[i].take() {
            Some(v) => v,
            None => {
                let report = validate(&r.document, today);
                let (errors, warnings) = (report.error_count(), report.open_warning_count());
                let verdict = if r.changed {
                    Verdict::Changed { errors, warnings }
                } else if errors == 0 && warnings == 0 {
                    Verdict::Complete
                } else {
                    Verdict::Incomplete { errors, warnings }
                };
                out.branches.push(Branch {
                    file_name: file_name.clone(),
                    digest: r.digest.clone(),
                    summary: ledger::summary(&r.document, today),
                    document: r.document.clone(),
                    errors,
                    warnings,
                    verdict: verdict.clone(),
                });
                verdict
            }
        };
        out.submissions.push(Submission {
            file_name,
            verdict,
            document: Some(r.document),
        });
    }
    out
}

impl Consolidation {
    /// The figures of every list that counts.
    pub fn total(&self) -> Summary {
        let mut total = Summary::default();
        for b in &self.branches {
            total.add(&b.summary);
        }
        total
    }

    /// The figures by category, over all lists that count, in the order categories first appear.
    pub fn by_category(&self, today: NaiveDate) -> Vec<(String, Summary)> {
        let mut out: Vec<(String, Summary)> = Vec::new();
        for b in &self.branches {
            for (category, s) in ledger::by_category(&b.document, today) {
                match out.iter_mut().find(|(c, _)| *c == category) {
                    Some((_, total)) => total.add(&s),
                    None => out.push((category, s)),
                }
            }
        }
        out
    }

    /// Distinct branches (by 党组织名称) among the lists that count.
    pub fn branch_names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for b in &self.branches {
            let name = b.document.header.org_name.trim().to_string();
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names
    }

    /// Which of the `expected` branches have not handed in an org list or a member list yet.
    pub fn missing(&self, expected: &[String]) -> Vec<(String, bool, bool)> {
        expected
            .iter()
            .map(|e| e.trim())
            .filter(|e| !e.is_empty())
            .filter_map(|e| {
                let has = |kind: Kind| {
                    self.branches
                        .iter()
                        .any(|b| b.document.kind == kind && b.document.header.org_name.trim() == e)
                };
                let (org, member) = (has(Kind::Org), has(Kind::Member));
                (!org || !member).then(|| (e.to_string(), !org, !member))
            })
            .collect()
    }

    /// The paragraph for the unit: "截至…，已收到N个党支部报送的M份清单…共梳理问题X个…".
    pub fn report(&self, today: NaiveDate) -> String {
        let orgs = self
            .branches
            .iter()
            .filter(|b| b.document.kind == Kind::Org)
            .count();
        let members = self.branches.len() - orgs;
        let subject = format!(
            "已收到{}个党支部报送的{}份清单（党组织清单{orgs}份、党员清单{members}份），",
            self.branch_names().len(),
            self.branches.len()
        );
        ledger::paragraph(
            &super::dates::official(today),
            &subject,
            "梳理",
            &self.total(),
        )
    }

    /// The consolidated ledger: every entry of every list that counts, with its branch.
    pub fn entries(&self, today: NaiveDate) -> Vec<(String, Entry, Measure)> {
        let mut out = Vec::new();
        for b in &self.branches {
            let measures: Vec<&Measure> = b.document.all_measures().collect();
            for (e, m) in ledger::entries(&b.document, today)
                .into_iter()
                .zip(measures)
            {
                out.push((b.document.header.org_name.trim().to_string(), e, m.clone()));
            }
        }
        out
    }

    /// The consolidated ledger as CSV: the ledger's columns after a 党支部 column, by the same rules.
    pub fn csv(&self, today: NaiveDate) -> Vec<u8> {
        let mut headers = vec!["党支部"];
        headers.extend(ledger::CSV_HEADERS);
        let rows: Vec<Vec<String>> = self
            .entries(today)
            .iter()
            .map(|(branch, e, m)| {
                let mut row = vec![branch.clone()];
                row.extend(ledger::csv_cells(e, m));
                row
            })
            .collect();
        ledger::csv_bytes(&headers, &rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::export::export;
    use crate::domain::model::Status;
    use crate::domain::sample::{member_list, org_list};

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
        assert_eq!(c.branches.len(), 2);
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
        assert_eq!(c.branches.len(), 1);
        assert_eq!(c.branches[0].document.revision, 2);
        assert_eq!(c.total().count(Status::InProgress), 1);
    }

    #[test]
    fn the_same_file_twice_counts_once() {
        let a = org_list(1, "第一党支部", 2, 2);
        let c = consolidate(&[file("a.json", &a), file("a(1).json", &a)], today());
        assert_eq!(c.branches.len(), 1);
        assert_eq!(
            c.submissions[1].verdict,
            Verdict::Superseded {
                by: "a.json".into()
            }
        );
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
        assert!(c.branches.is_empty());
        assert!(c.submissions[0].verdict.label().contains("冲突"));
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
        assert_eq!(c.branches.len(), 1);
    }

    #[test]
    fn statistics_add_up_over_branches_and_categories() {
        let files: Vec<_> = (0..3)
            .map(|i| {
                file(
                    &format!("{i}.json"),
                    &org_list(i, &format!("第{i}党支部"), 6, 2),
                )
            })
            .collect();
        let mut files = files;
        files.push(file("m.json", &member_list(9, "第0党支部", 2, 2, 1)));
        let c = consolidate(&files, today());
        let total = c.total();
        assert_eq!((total.problems, total.measures), (22, 40));
        let by_cat = c.by_category(today());
        assert_eq!(by_cat.iter().map(|(_, s)| s.measures).sum::<usize>(), 40);
        assert_eq!(c.branch_names().len(), 3);
        assert!(c.report(today()).starts_with("截至2024年6月1日，已收到3个党支部报送的4份清单（党组织清单3份、党员清单1份），共梳理问题22个，制定整改措施40项"));
        assert_eq!(
            c.missing(&["第0党支部".into(), "第1党支部".into(), "第9党支部".into()]),
            vec![
                ("第1党支部".to_string(), false, true),
                ("第9党支部".to_string(), true, true),
            ]
        );
    }

    #[test]
    fn the_consolidated_csv_leads_with_the_branch() {
        let c = consolidate(&[file("a.json", &org_list(1, "第一党支部", 1, 2))], today());
        let bytes = c.csv(today());
        assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert!(text.starts_with("党支部,台账编号,党员,"));
        assert_eq!(text.lines().count(), 3);
        assert!(text.lines().nth(1).unwrap().starts_with("第一党支部,1-1,"));
    }
}
