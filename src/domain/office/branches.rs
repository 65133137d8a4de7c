//! 党支部: the unit of every figure the office counts. A 党支部 hands in two lists (a 党组织清单 and a 党员清单),
//! each again and again; its files are grouped into one 党支部 here, and 汇总's table, figures and paragraph,
//! 应报送/未报送, 调度, the 督办单 and the 汇总 workbook all count 党支部 from this grouping, never files.
//!
//! Which 党支部 a file belongs to (`docs/format.md` § 13):
//! - names are compared by `names::key` (spaces, full-width forms and case do not make another name);
//! - every revision of one list (one document id) belongs to the same 党支部, so a branch that renames itself
//!   between hand-ins stays one, and its other list under the old name joins it;
//! - the office can say that two names are one 党支部 (合并为同一党支部), kept in the 汇总 set as a `Join`;
//! - a name on the 应报送名单 names the 党支部 it matches; the list's order is the table's order.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::ledger::{self, Entry, Summary};
use crate::domain::list::model::{Document, Header, Kind, Measure};
use crate::domain::names::{key, natural_cmp};
use crate::domain::office::consolidate::{Consolidation, ListFile};

/// The office's word that the 党支部 written `name` is the one written `with` (合并为同一党支部).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Join {
    pub name: String,
    pub with: String,
}

/// One 党支部 with the lists of it that count.
#[derive(Clone, Debug, PartialEq)]
pub struct Branch {
    /// The name shown: as the 应报送名单 writes it, else as its latest file does.
    pub name: String,
    /// Every other way its files (and the office's joins) write it, as written: 曾用名 and variants.
    pub other_names: Vec<String>,
    /// Its lists that count, as positions in `Consolidation::lists`: org lists first.
    pub lists: Vec<usize>,
    /// Its place on the 应报送名单, if it is on it.
    pub expected: Option<usize>,
    /// The figures of its lists together.
    pub summary: Summary,
    pub errors: usize,
    pub warnings: usize,
}

impl Branch {
    /// Whether the 各党支部 table's search keeps this row: the query (spaces and full/half width aside) is part of
    /// its name or of one of its other names. An empty query keeps every row.
    pub fn matches(&self, query: &str) -> bool {
        let q = crate::domain::names::key(query);
        q.is_empty()
            || std::iter::once(&self.name)
                .chain(&self.other_names)
                .any(|n| crate::domain::names::key(n).contains(&q))
    }

    /// Its lists of one kind (normally one; two when it made a second list instead of revising the first).
    pub fn lists_of<'c>(
        &self,
        c: &'c Consolidation,
        kind: Kind,
    ) -> impl Iterator<Item = (usize, &'c ListFile)> + use<'c, '_> {
        self.lists
            .iter()
            .map(move |&i| (i, &c.lists[i]))
            .filter(move |(_, l)| l.document.kind == kind)
    }

    pub fn has(&self, c: &Consolidation, kind: Kind) -> bool {
        self.lists_of(c, kind).next().is_some()
    }

    /// Members of its member lists.
    pub fn members(&self, c: &Consolidation) -> usize {
        self.lists_of(c, Kind::Member)
            .map(|(_, l)| l.document.members.len())
            .sum()
    }

    /// What it has not handed in: `两份清单都没报`, `没报党员清单`, …; `None` when it has both.
    pub fn missing(&self, c: &Consolidation) -> Option<&'static str> {
        match (self.has(c, Kind::Org), self.has(c, Kind::Member)) {
            (true, true) => None,
            (false, false) => Some("两份清单都没报"),
            (false, true) => Some("没报党组织清单"),
            (true, false) => Some("没报党员清单"),
        }
    }
}

/// What 汇总台账 shows: every entry, or one 党支部's, or only those overdue.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnitFilter {
    /// A 党支部's name as shown; empty for all.
    pub branch: String,
    pub overdue_only: bool,
}

impl UnitFilter {
    pub fn keeps(&self, branch: &str, entry: &Entry) -> bool {
        (!self.overdue_only || entry.overdue) && (self.branch.is_empty() || branch == self.branch)
    }
}

/// What the 各党支部 table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// The 应报送名单's order, then natural order (the unit's own).
    Listed,
    Problems,
    Measures,
    Overdue,
    Rate,
    Errors,
}

/// The 党支部 of a consolidation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Unit {
    /// In the order of the 应报送名单, then the others in natural order (第2 before 第10).
    pub branches: Vec<Branch>,
    /// For each list that counts, its 党支部.
    of_list: Vec<usize>,
}

/// Groups keys that are one 党支部: a union-find over the keys of names.
#[derive(Default)]
pub(crate) struct Groups {
    index: HashMap<String, usize>,
    parent: Vec<usize>,
}

impl Groups {
    /// The names the office said are one (合并为同一党支部), grouped.
    pub(crate) fn of_joins(joins: &[Join]) -> Groups {
        let mut g = Groups::default();
        for j in joins {
            g.join(key(&j.name), key(&j.with));
        }
        g
    }

    /// Whether two names are one 党支部 by their keys or the office's joins.
    pub(crate) fn same(&mut self, a: &str, b: &str) -> bool {
        let (a, b) = (key(a), key(b));
        a == b || {
            let (a, b) = (self.node(a), self.node(b));
            self.root(a) == self.root(b)
        }
    }

    fn node(&mut self, k: String) -> usize {
        let next = self.parent.len();
        let at = *self.index.entry(k).or_insert(next);
        if at == next {
            self.parent.push(next);
        }
        at
    }

    fn root(&mut self, mut n: usize) -> usize {
        while self.parent[n] != n {
            self.parent[n] = self.parent[self.parent[n]];
            n = self.parent[n];
        }
        n
    }

    fn join(&mut self, a: String, b: String) {
        let (a, b) = (self.node(a), self.node(b));
        let (ra, rb) = (self.root(a), self.root(b));
        // The smaller root wins, so the grouping does not depend on the order joins are met.
        self.parent[ra.max(rb)] = ra.min(rb);
    }
}

/// The local date a file was exported on (`2024-06-05T09:30:00+08:00` → 2024-06-05): when it was handed in.
pub fn exported_on(doc: &Document) -> Option<NaiveDate> {
    doc.meta
        .as_ref()
        .and_then(|m| m.exported_at.get(..10))
        .and_then(crate::domain::dates::parse)
}

/// Which names two 党支部 share: a name whose files carry two different 上级党组织 (two 第一党支部 of two 党总支)
/// names a 党支部 only together with its 上级党组织.
struct Naming {
    shared: HashSet<String>,
}

impl Naming {
    fn of(c: &Consolidation) -> Naming {
        let mut parents: HashMap<String, HashSet<String>> = HashMap::new();
        for d in c.submissions.iter().filter_map(|s| s.document.as_ref()) {
            let parent = key(&d.header.parent_org);
            if !parent.is_empty() {
                parents
                    .entry(key(&d.header.org_name))
                    .or_default()
                    .insert(parent);
            }
        }
        Naming {
            shared: parents
                .into_iter()
                .filter(|(_, p)| p.len() > 1)
                .map(|(name, _)| name)
                .collect(),
        }
    }

    /// The key a list's 党支部 is grouped by: its name's, with its 上级党组织's where another 党支部 shares the name.
    fn key(&self, h: &Header) -> String {
        let name = key(&h.org_name);
        let parent = key(&h.parent_org);
        if self.shared.contains(&name) && !parent.is_empty() {
            format!("{name}\u{1}{parent}")
        } else {
            name
        }
    }

    /// The name shown: with its 上级党组织 where another 党支部 shares the name.
    fn shown(&self, h: &Header) -> String {
        let name = h.org_name.trim();
        if self.shared.contains(&key(name)) && !h.parent_org.trim().is_empty() {
            format!("{name}（{}）", h.parent_org.trim())
        } else {
            name.to_string()
        }
    }
}

/// The 党支部 as they are found, before they are put in order.
struct Found {
    g: Groups,
    by_root: HashMap<usize, usize>,
    branches: Vec<Branch>,
}

impl Found {
    /// The 党支部 grouped under `node` (a name's key, or `Naming::key`), opened with `name` if it is new.
    fn open(&mut self, node: String, name: &str) -> usize {
        let n = self.g.node(node);
        let root = self.g.root(n);
        let branches = &mut self.branches;
        *self.by_root.entry(root).or_insert_with(|| {
            branches.push(Branch {
                name: name.trim().to_string(),
                other_names: Vec::new(),
                lists: Vec::new(),
                expected: None,
                summary: Summary::default(),
                errors: 0,
                warnings: 0,
            });
            branches.len() - 1
        })
    }

    /// Every file of one list (the one that counts and those it superseded) is one 党支部. Files in conflict are
    /// not: a copy by another branch must not join two branches.
    fn tie_revisions(&mut self, c: &Consolidation, naming: &Naming) {
        let mut first_of_id: HashMap<&str, String> = HashMap::new();
        for s in c.submissions.iter().filter(|s| s.verdict.is_own()) {
            let Some(d) = s.document.as_ref() else {
                continue;
            };
            let k = naming.key(&d.header);
            match first_of_id.get(d.id.as_str()) {
                Some(first) => self.g.join(first.clone(), k),
                None => {
                    self.g.node(k.clone());
                    first_of_id.insert(d.id.as_str(), k);
                }
            }
        }
    }

    /// Each name on the 应报送名单 names a 党支部, in the list's order.
    fn expected(&mut self, expected: &[String]) {
        let names = expected.iter().map(|e| e.trim()).filter(|e| !e.is_empty());
        for (i, name) in names.enumerate() {
            let b = self.open(key(name), name);
            let branch = &mut self.branches[b];
            if branch.expected.is_none() {
                branch.expected = Some(i);
                branch.name = name.to_string();
            } else if key(&branch.name) != key(name) {
                branch.other_names.push(name.to_string());
            }
        }
    }

    /// Each list that counts goes to its 党支部, in the order of their export: the latest file names a 党支部
    /// that is not on the 应报送名单. Returns each list's 党支部.
    fn lists(&mut self, c: &Consolidation, naming: &Naming) -> Vec<usize> {
        let mut order: Vec<usize> = (0..c.lists.len()).collect();
        let at = |i: usize| {
            c.lists[i]
                .document
                .meta
                .as_ref()
                .map(|m| m.exported_at.clone())
        };
        crate::domain::order::sort_by(&mut order, |&a, &b| at(a).cmp(&at(b)));
        let mut of_list = vec![0; c.lists.len()];
        for &i in &order {
            let l = &c.lists[i];
            let name = naming.shown(&l.document.header);
            let b = self.open(naming.key(&l.document.header), &name);
            of_list[i] = b;
            let branch = &mut self.branches[b];
            branch.lists.push(i);
            branch.summary.add(&l.summary);
            branch.errors += l.errors;
            branch.warnings += l.warnings;
            // The newest file names it; the names before become other names.
            if branch.expected.is_none() && !name.is_empty() && key(&branch.name) != key(&name) {
                let old = std::mem::replace(&mut branch.name, name);
                if !old.is_empty() {
                    branch.other_names.push(old);
                }
            }
        }
        of_list
    }

    /// The other names written on its superseded files and in the office's joins.
    fn other_names(&mut self, c: &Consolidation, joins: &[Join], naming: &Naming) {
        let other = |found: &mut Found, node: String, name: &str| {
            let n = found.g.node(node);
            let root = found.g.root(n);
            let Some(&b) = found.by_root.get(&root) else {
                return;
            };
            let branch = &mut found.branches[b];
            let k = key(name);
            if !name.is_empty()
                && key(&branch.name) != k
                && !branch.other_names.iter().any(|o| key(o) == k)
            {
                branch.other_names.push(name.to_string());
            }
        };
        for d in c
            .submissions
            .iter()
            .filter(|s| s.verdict.is_own())
            .filter_map(|s| s.document.as_ref())
        {
            other(self, naming.key(&d.header), &naming.shown(&d.header));
        }
        for j in joins {
            other(self, key(&j.name), j.name.trim());
            other(self, key(&j.with), j.with.trim());
        }
        for b in &mut self.branches {
            b.other_names.dedup_by(|a, b| key(a) == key(b));
            crate::domain::order::sort_by(&mut b.lists, |&x, &y| {
                (c.lists[x].document.kind as u8).cmp(&(c.lists[y].document.kind as u8))
            });
        }
    }

    /// The 党支部 in the 应报送名单's order, then the others by name; each list's 党支部 by its new place.
    fn into_unit(self, of_list: Vec<usize>) -> Unit {
        let branches = self.branches;
        let mut order: Vec<usize> = (0..branches.len()).collect();
        crate::domain::order::sort_by(&mut order, |&a, &b| {
            let (x, y) = (&branches[a], &branches[b]);
            match (x.expected, y.expected) {
                (Some(i), Some(j)) => i.cmp(&j),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => natural_cmp(&x.name, &y.name),
            }
        });
        let mut place = vec![0; branches.len()];
        for (to, &from) in order.iter().enumerate() {
            place[from] = to;
        }
        let mut sorted: Vec<Option<Branch>> = branches.into_iter().map(Some).collect();
        Unit {
            branches: order.iter().filter_map(|&i| sorted[i].take()).collect(),
            of_list: of_list.into_iter().map(|b| place[b]).collect(),
        }
    }
}

impl Unit {
    /// Groups the lists of `c` into 党支部 by their names (with their 上级党组织 where two 党支部 share a name),
    /// their ids, the office's `joins` and the `expected` names (the 应报送名单, in the office's order). An
    /// expected 党支部 with no list is a 党支部 too: it has handed in nothing.
    pub fn of(c: &Consolidation, joins: &[Join], expected: &[String]) -> Unit {
        let naming = Naming::of(c);
        let mut found = Found {
            g: Groups::of_joins(joins),
            by_root: HashMap::new(),
            branches: Vec::new(),
        };
        found.tie_revisions(c, &naming);
        found.expected(expected);
        let of_list = found.lists(c, &naming);
        found.other_names(c, joins, &naming);
        found.into_unit(of_list)
    }

    /// The 党支部 of the list at `list` (a position in `Consolidation::lists`).
    pub fn branch_of(&self, list: usize) -> &Branch {
        &self.branches[self.of_list[list]]
    }

    /// The positions of the 党支部 sorted by `column` (equal ones keep the unit's order).
    pub fn sorted(&self, column: Column, ascending: bool) -> Vec<usize> {
        let rate = |b: &Branch| {
            ledger::completion_permille(b.summary.finished(), b.summary.measures).unwrap_or(0)
        };
        let mut rows: Vec<usize> = (0..self.branches.len()).collect();
        crate::domain::order::sort_by(&mut rows, |&i, &j| {
            let (a, b) = (&self.branches[i], &self.branches[j]);
            let order = match column {
                Column::Listed => i.cmp(&j),
                Column::Problems => a.summary.problems.cmp(&b.summary.problems),
                Column::Measures => a.summary.measures.cmp(&b.summary.measures),
                Column::Overdue => a.summary.overdue.cmp(&b.summary.overdue),
                Column::Rate => rate(a).cmp(&rate(b)),
                Column::Errors => a.errors.cmp(&b.errors),
            };
            if ascending {
                order
            } else {
                order.reverse()
            }
        });
        rows
    }

    /// The 党支部 that have handed in at least one list that counts.
    pub fn reporting(&self) -> impl Iterator<Item = &Branch> {
        self.branches.iter().filter(|b| !b.lists.is_empty())
    }

    /// The figures of every 党支部 together.
    pub fn total(&self) -> Summary {
        let mut total = Summary::default();
        for b in &self.branches {
            total.add(&b.summary);
        }
        total
    }

    /// 党支部 on the 应报送名单 that have not handed in both lists, in the list's order, with what is missing.
    pub fn missing<'a>(
        &'a self,
        c: &'a Consolidation,
    ) -> impl Iterator<Item = (&'a Branch, &'static str)> {
        self.branches
            .iter()
            .filter(|b| b.expected.is_some())
            .filter_map(move |b| b.missing(c).map(|m| (b, m)))
    }

    /// 党支部 that hand in but are not on the 应报送名单 (when there is one): a new name to join, or a branch the
    /// list forgot.
    pub fn unlisted(&self) -> impl Iterator<Item = &Branch> {
        let listed = self.branches.iter().any(|b| b.expected.is_some());
        self.branches
            .iter()
            .filter(move |b| listed && b.expected.is_none())
    }

    /// The paragraph for the unit: "截至…，已收到N个党支部报送的M份清单（党组织清单X份、党员清单Y份），共梳理…", then
    /// the campaign's other lists' sentence (`register::figures`) when any was received.
    pub fn report(&self, c: &Consolidation, today: NaiveDate) -> String {
        let orgs = c
            .lists
            .iter()
            .filter(|l| l.document.kind == Kind::Org)
            .count();
        let members = c.lists.len() - orgs;
        let subject = format!(
            "已收到{}个党支部报送的{}份清单（党组织清单{orgs}份、党员清单{members}份），",
            self.reporting().count(),
            c.lists.len()
        );
        let rectification = ledger::paragraph(
            &crate::domain::dates::official(today),
            &subject,
            "梳理",
            &self.total(),
        );
        // The campaign's other lists, in the words of the bureau's report, where any was received.
        let other = crate::domain::register::figures::Figures::total(
            c.registers.iter().map(|r| &r.register),
        );
        format!("{rectification}{}", other.paragraph())
    }

    /// The consolidated ledger: every entry of every list that counts, with its 党支部, 党支部 by 党支部.
    pub fn entries(&self, c: &Consolidation, today: NaiveDate) -> Vec<(String, Entry, Measure)> {
        let mut out = Vec::new();
        for b in &self.branches {
            for &i in &b.lists {
                let doc = &c.lists[i].document;
                for (e, m) in ledger::entries(doc, today)
                    .into_iter()
                    .zip(doc.all_measures())
                {
                    out.push((b.name.clone(), e, m.clone()));
                }
            }
        }
        out
    }

    /// The consolidated ledger as CSV: the ledger's columns after a 党支部 column, by the same rules.
    pub fn csv(&self, c: &Consolidation, today: NaiveDate) -> Vec<u8> {
        let mut headers = vec!["党支部"];
        headers.extend(ledger::CSV_HEADERS);
        let rows: Vec<Vec<String>> = self
            .entries(c, today)
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
    use crate::domain::file::export::export;
    use crate::domain::list::model::Status;
    use crate::domain::office::consolidate::{consolidate, Received};
    use crate::domain::sample::{member_list, org_list};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 6, 1).unwrap()
    }

    fn file(name: &str, doc: &Document, when: &str) -> (String, Received) {
        let now = chrono::DateTime::parse_from_rfc3339(&format!("{when}T09:30:00+08:00")).unwrap();
        (name.to_string(), Ok(export(doc, true, now).bytes))
    }

    fn names(u: &Unit) -> Vec<&str> {
        u.branches.iter().map(|b| b.name.as_str()).collect()
    }

    #[test]
    fn both_lists_of_a_branch_are_one_branch_whatever_the_spaces() {
        let files = vec![
            file("o.json", &org_list(1, "交警大队党支部", 2, 2), "2024-05-20"),
            file(
                "m.json",
                &member_list(2, "交警大队　党支部 ", 3, 1, 1),
                "2024-05-21",
            ),
            file("x.json", &org_list(3, "治安大队党支部", 1, 1), "2024-05-21"),
        ];
        let c = consolidate(&files, today());
        let u = Unit::of(&c, &[], &[]);
        assert_eq!(names(&u), ["交警大队党支部", "治安大队党支部"]);
        let found: Vec<&str> = u
            .branches
            .iter()
            .filter(|b| b.matches(" 交警　"))
            .map(|b| b.name.as_str())
            .collect();
        assert_eq!(found, ["交警大队党支部"]);
        assert!(u.branches.iter().all(|b| b.matches("")));
        let b = &u.branches[0];
        assert_eq!(b.lists.len(), 2);
        assert_eq!(
            c.lists[b.lists[0]].document.kind,
            Kind::Org,
            "org list first"
        );
        assert_eq!((b.summary.problems, b.summary.measures), (2 + 3, 4 + 3));
        assert_eq!(b.members(&c), 3);
        assert_eq!(b.missing(&c), None);
        assert_eq!(u.branches[1].missing(&c), Some("没报党员清单"));
        assert!(u.report(&c, today()).starts_with(
            "截至2024年6月1日，已收到2个党支部报送的3份清单（党组织清单2份、党员清单1份），共梳理问题6个，制定整改措施8项"
        ));
    }

    #[test]
    fn a_branch_that_renames_itself_is_asked_about_and_once_joined_is_one_with_the_new_name() {
        let now = chrono::DateTime::parse_from_rfc3339("2024-05-01T09:30:00+08:00").unwrap();
        let old = export(&org_list(1, "第3派出所党支部", 2, 1), true, now).document;
        let mut renamed = old.clone();
        renamed.header.org_name = "城南派出所党支部".into();
        let files = vec![
            file("o1.json", &old, "2024-05-01"),
            file(
                "m1.json",
                &member_list(2, "第3派出所党支部", 2, 1, 1),
                "2024-05-01",
            ),
            file("o2.json", &renamed, "2024-05-20"),
        ];
        // Unsaid, a list whose 党支部 changed its name may be another 党支部's made on its file: counted apart, asked.
        let c = consolidate(&files, today());
        assert!(c.submissions[2].copy_of.is_some());
        let u = Unit::of(&c, &[], &[]);
        assert_eq!(names(&u), ["城南派出所党支部", "第3派出所党支部"]);
        // The office says it is the same 党支部 renamed (合并为同一党支部): one, under its new name.
        let joins = [Join {
            name: "城南派出所党支部".into(),
            with: "第3派出所党支部".into(),
        }];
        let said = crate::domain::office::consolidate::Said {
            joins: &joins,
            distinct: &[],
            tables: &[],
            campaign: "",
        };
        let c = crate::domain::office::consolidate::consolidate_as(&files, today(), said);
        let u = Unit::of(&c, &joins, &[]);
        assert_eq!(names(&u), ["城南派出所党支部"]);
        assert_eq!(u.branches[0].other_names, ["第3派出所党支部"]);
        assert_eq!(u.branches[0].lists.len(), 2);
    }

    #[test]
    fn two_branches_of_one_name_under_two_parents_are_two_rows() {
        let mut first = org_list(1, "第一党支部", 1, 1);
        first.header.parent_org = "治安大队党总支".into();
        let mut second = org_list(2, "第一党支部", 1, 1);
        second.header.parent_org = "交警大队党总支".into();
        let mut members = member_list(3, "第一党支部", 1, 1, 1);
        members.header.parent_org = "交警大队党总支".into();
        let files = vec![
            file("a.json", &first, "2024-05-20"),
            file("b.json", &second, "2024-05-20"),
            file("c.json", &members, "2024-05-20"),
        ];
        let c = consolidate(&files, today());
        let u = Unit::of(&c, &[], &[]);
        assert_eq!(
            names(&u),
            [
                "第一党支部（交警大队党总支）",
                "第一党支部（治安大队党总支）"
            ]
        );
        assert_eq!(u.branches[0].lists.len(), 2, "its two lists together");
        assert_eq!(u.branches[1].lists.len(), 1);
    }

    #[test]
    fn the_office_joins_two_names_and_the_expected_list_names_and_orders_branches() {
        let files = vec![
            file("o.json", &org_list(1, "交警大队党支部", 1, 1), "2024-05-20"),
            file(
                "m.json",
                &member_list(2, "中共××县公安局交警大队支部委员会", 2, 1, 1),
                "2024-05-20",
            ),
            file(
                "a.json",
                &org_list(3, "第10派出所党支部", 1, 1),
                "2024-05-20",
            ),
            file(
                "b.json",
                &org_list(4, "第2派出所党支部", 1, 1),
                "2024-05-20",
            ),
        ];
        let c = consolidate(&files, today());
        let apart = Unit::of(&c, &[], &[]);
        assert_eq!(apart.branches.len(), 4, "two names, two branches");
        assert_eq!(
            names(&apart),
            [
                "中共××县公安局交警大队支部委员会",
                "交警大队党支部",
                "第2派出所党支部",
                "第10派出所党支部"
            ]
        );
        let joins = [Join {
            name: "中共××县公安局交警大队支部委员会".into(),
            with: "交警大队党支部".into(),
        }];
        let expected: Vec<String> = ["第10派出所党支部", "交警大队 党支部", "禁毒大队党支部"]
            .map(String::from)
            .to_vec();
        let u = Unit::of(&c, &joins, &expected);
        assert_eq!(
            names(&u),
            [
                "第10派出所党支部",
                "交警大队 党支部",
                "禁毒大队党支部",
                "第2派出所党支部"
            ],
            "the list's order and spelling, then the others"
        );
        assert_eq!(u.branches[1].lists.len(), 2);
        assert!(u.branches[1]
            .other_names
            .contains(&"中共××县公安局交警大队支部委员会".to_string()));
        let missing: Vec<(&str, &str)> = u.missing(&c).map(|(b, m)| (b.name.as_str(), m)).collect();
        assert_eq!(
            missing,
            [
                ("第10派出所党支部", "没报党员清单"),
                ("禁毒大队党支部", "两份清单都没报")
            ]
        );
        assert_eq!(
            u.unlisted().map(|b| b.name.as_str()).collect::<Vec<_>>(),
            ["第2派出所党支部"]
        );
        assert!(u
            .report(&c, today())
            .contains("已收到3个党支部报送的4份清单"));
    }

    #[test]
    fn a_file_copied_by_another_branch_joins_no_branches() {
        let a = org_list(1, "第一党支部", 1, 1);
        let mut copy = a.clone();
        copy.header.org_name = "第二党支部".into();
        let files = vec![
            file("a.json", &a, "2024-05-20"),
            file("copy.json", &copy, "2024-05-20"),
            file(
                "b.json",
                &member_list(2, "第二党支部", 1, 1, 1),
                "2024-05-20",
            ),
            file(
                "c.json",
                &member_list(3, "第一党支部", 1, 1, 1),
                "2024-05-20",
            ),
        ];
        let c = consolidate(&files, today());
        let u = Unit::of(&c, &[], &[]);
        assert_eq!(names(&u), ["第一党支部", "第二党支部"]);
        // The copy is 第二党支部's own list (made on 第一's file), not a conflict with 第一's: each has two.
        assert!(u.branches.iter().all(|b| b.lists.len() == 2));
        assert!(c.submissions[1].copy_of.is_some());
    }

    #[test]
    fn the_table_sorts_by_a_figure_and_keeps_the_lists_order_among_equals() {
        let files = vec![
            file(
                "a.json",
                &org_list(1, "第2派出所党支部", 3, 1),
                "2024-05-20",
            ),
            file(
                "b.json",
                &org_list(2, "第10派出所党支部", 1, 1),
                "2024-05-20",
            ),
            file(
                "c.json",
                &org_list(3, "第1派出所党支部", 3, 1),
                "2024-05-20",
            ),
        ];
        let c = consolidate(&files, today());
        let u = Unit::of(&c, &[], &[]);
        let by = |col, asc| {
            u.sorted(col, asc)
                .into_iter()
                .map(|i| u.branches[i].name.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            by(Column::Listed, true),
            ["第1派出所党支部", "第2派出所党支部", "第10派出所党支部"]
        );
        assert_eq!(
            by(Column::Problems, false),
            ["第1派出所党支部", "第2派出所党支部", "第10派出所党支部"]
        );
        assert_eq!(
            by(Column::Problems, true),
            ["第10派出所党支部", "第1派出所党支部", "第2派出所党支部"]
        );
        let entries = u.entries(&c, today());
        let keep = UnitFilter {
            branch: "第10派出所党支部".into(),
            overdue_only: false,
        };
        assert_eq!(
            entries.iter().filter(|(b, e, _)| keep.keeps(b, e)).count(),
            1
        );
        assert_eq!(entries[0].1.responsible(), "王建国");
    }

    #[test]
    fn the_consolidated_csv_leads_with_the_branch() {
        let mut doc = org_list(1, "第一党支部", 1, 2);
        doc.problems[0].measures[0].status = Status::Done;
        let c = consolidate(&[file("a.json", &doc, "2024-05-20")], today());
        let u = Unit::of(&c, &[], &[]);
        let bytes = u.csv(&c, today());
        assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert!(text.starts_with("党支部,台账编号,党员,"));
        assert_eq!(text.lines().count(), 3);
        assert!(text.lines().nth(1).unwrap().starts_with("第一党支部,1-1,"));
    }
}
