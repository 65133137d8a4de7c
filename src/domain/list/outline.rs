//! Where things are in a big list, so the editor can show one part of it at a time: the member a field belongs to,
//! the page of problems that holds a field, and the members' index (党员名单) with each member's state.

use std::collections::HashMap;

use crate::domain::list::findings::Report;
use crate::domain::list::model::{Document, Member};

/// How many problems of an org list the editor shows at once: a list of 2,000 problems would otherwise be a page
/// of a million elements. Ten problems (thirty measures, three hundred fields) are made within half a second on an
/// old office PC (4× CPU throttle); twenty took twice that, in one task the user waits through.
pub const PROBLEMS_PER_PAGE: usize = 10;

/// How many problems of a page are drawn in the first task; the others follow in the next, so that no task of
/// opening a page is half a second on an old PC (ten problems with their measures were; three are a fifth of it).
pub const PROBLEMS_DRAWN_FIRST: usize = 3;

/// How many of page `page`'s problems to draw at once: `PROBLEMS_DRAWN_FIRST`, and always as far as the problem
/// the address names (`focused`, its index from `problem_of`), so that its field can take the focus as soon as the
/// page is there.
pub fn drawn_first(doc: &Document, page: usize, focused: Option<usize>) -> usize {
    let on_page = doc
        .problems
        .len()
        .saturating_sub(page * PROBLEMS_PER_PAGE)
        .min(PROBLEMS_PER_PAGE);
    let through_focus = focused
        .filter(|i| page_of(*i) == page)
        .map_or(0, |i| i % PROBLEMS_PER_PAGE + 1);
    PROBLEMS_DRAWN_FIRST.max(through_focus).min(on_page)
}

/// The owner of a finding path (`<measure id>.content` → the measure id; `header.org_name` → `header`).
fn owner(path: &str) -> &str {
    path.split('.').next().unwrap_or(path)
}

/// Which member of a member list holds the object or field `id_or_path` (a member, problem or measure id, or a
/// finding path of one of them).
pub fn member_of(doc: &Document, id_or_path: &str) -> Option<usize> {
    let id = owner(id_or_path);
    doc.members.iter().position(|m| {
        m.id == id
            || m.problems
                .iter()
                .any(|p| p.id == id || p.measures.iter().any(|x| x.id == id))
    })
}

/// Which page of an org list's problems holds problem `index`, counted from 0.
pub fn page_of(index: usize) -> usize {
    index / PROBLEMS_PER_PAGE
}

/// Which problem of an org list holds the object or field `id_or_path` (a problem or measure id, or a finding
/// path of one of them).
pub fn problem_of(doc: &Document, id_or_path: &str) -> Option<usize> {
    let id = owner(id_or_path);
    doc.problems
        .iter()
        .position(|p| p.id == id || p.measures.iter().any(|m| m.id == id))
}

/// Where a member stands, as the index says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MemberState {
    /// No problem yet: the member has not handed in (未交).
    NotHandedIn,
    /// Handed in, with this many errors.
    Errors(usize),
    Complete,
}

impl MemberState {
    pub fn label(&self) -> String {
        match self {
            MemberState::NotHandedIn => "未交".to_string(),
            MemberState::Errors(n) => format!("{n}个错误"),
            MemberState::Complete => "完成".to_string(),
        }
    }
}

/// The members who have not handed in, as a line to copy into a reminder: "未交清单的党员（2名）：张三、李四。".
/// `None` when everyone has.
pub fn not_handed_in_text(rows: &[MemberRow]) -> Option<String> {
    let names: Vec<&str> = rows
        .iter()
        .filter(|r| r.state == MemberState::NotHandedIn)
        .map(|r| r.name.as_str())
        .collect();
    (!names.is_empty()).then(|| {
        format!(
            "未交清单的党员（{}名）：{}。",
            names.len(),
            names.join("、")
        )
    })
}

/// One line of the members' index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberRow {
    pub id: String,
    /// The name, or 第N名党员 while it is empty.
    pub name: String,
    pub state: MemberState,
    /// Whether the branch wrote its 支部意见.
    pub opinion: bool,
}

/// The members' index of a member list: every member with their state, from the findings of `report`.
pub fn member_rows(doc: &Document, report: &Report) -> Vec<MemberRow> {
    let mut owner_of: HashMap<&str, usize> = HashMap::new();
    for (i, m) in doc.members.iter().enumerate() {
        owner_of.insert(&m.id, i);
        for p in &m.problems {
            owner_of.insert(&p.id, i);
            for x in &p.measures {
                owner_of.insert(&x.id, i);
            }
        }
    }
    let mut errors = vec![0usize; doc.members.len()];
    for f in report.errors() {
        if let Some(&i) = owner_of.get(owner(&f.path)) {
            errors[i] += 1;
        }
    }
    doc.members
        .iter()
        .zip(errors)
        .enumerate()
        .map(|(i, (m, errors))| MemberRow {
            id: m.id.clone(),
            name: display_name(i, m),
            state: if m.problems.is_empty() {
                MemberState::NotHandedIn
            } else if errors > 0 {
                MemberState::Errors(errors)
            } else {
                MemberState::Complete
            },
            opinion: !m.branch_opinion.trim().is_empty(),
        })
        .collect()
}

/// A member's name as lists and headings show it: 第N名党员 while it is empty.
pub fn display_name(index: usize, member: &Member) -> String {
    let name = member.name.trim();
    if name.is_empty() {
        format!("第{}名党员", index + 1)
    } else {
        name.to_string()
    }
}

/// `理论学习 3 · 政治素质 0 · …`: the org list's problems by category, in the header's order, for step 2.
pub fn category_counts(doc: &Document) -> String {
    doc.header
        .categories
        .iter()
        .map(|c| {
            let n = doc.problems.iter().filter(|p| p.category == *c).count();
            format!("{c} {n}")
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::list::validate::validate;
    use crate::domain::sample::{member_list, org_list};
    use chrono::NaiveDate;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 6, 1).unwrap()
    }

    #[test]
    fn a_page_draws_three_problems_first_and_always_the_one_the_address_names() {
        let org = org_list(2, "交警大队党支部", 45, 2);
        assert_eq!(drawn_first(&org, 0, None), PROBLEMS_DRAWN_FIRST);
        let eighth = problem_of(&org, &format!("{}.goal", org.problems[17].measures[1].id));
        assert_eq!(
            drawn_first(&org, 1, eighth),
            8,
            "through the 8th problem of page 2"
        );
        assert_eq!(
            drawn_first(&org, 0, eighth),
            3,
            "a focus on another page changes nothing"
        );
        // The last page holds five problems; an empty list none.
        assert_eq!(
            drawn_first(&org, 4, problem_of(&org, &org.problems[44].id)),
            5
        );
        assert_eq!(drawn_first(&org_list(3, "x", 2, 1), 0, None), 2);
        assert_eq!(drawn_first(&org_list(3, "x", 0, 1), 0, None), 0);
    }

    #[test]
    fn a_field_leads_to_its_member_or_its_page() {
        let doc = member_list(1, "交警大队党支部", 3, 2, 2);
        let measure = &doc.members[2].problems[1].measures[0];
        assert_eq!(member_of(&doc, &format!("{}.content", measure.id)), Some(2));
        assert_eq!(member_of(&doc, &doc.members[1].id), Some(1));
        assert_eq!(member_of(&doc, "header.org_name"), None);

        let org = org_list(2, "交警大队党支部", 45, 2);
        let page = |path: &str| problem_of(&org, path).map(page_of);
        assert_eq!(page(&org.problems[0].id), Some(0));
        assert_eq!(
            page(&format!(
                "{}.lead",
                org.problems[PROBLEMS_PER_PAGE].measures[1].id
            )),
            Some(1)
        );
        assert_eq!(page(&org.problems[44].id), Some(44 / PROBLEMS_PER_PAGE));
        assert_eq!(page("header.filed_on"), None);
    }

    #[test]
    fn the_index_says_who_has_not_handed_in_who_has_errors_and_who_is_done() {
        let mut doc = member_list(1, "交警大队党支部", 3, 1, 1);
        doc.members[0].problems.clear();
        doc.members[1].problems[0].measures[0].content.clear();
        doc.members[2].branch_opinion = "同意。".into();
        doc.members[2].name.clear();
        let rows = member_rows(&doc, &validate(&doc, today()));
        let states: Vec<(String, String, bool)> = rows
            .iter()
            .map(|r| (r.name.clone(), r.state.label(), r.opinion))
            .collect();
        assert_eq!(
            states,
            vec![
                ("党员1".to_string(), "未交".to_string(), false),
                ("党员2".to_string(), "1个错误".to_string(), false),
                ("第3名党员".to_string(), "1个错误".to_string(), true),
            ]
        );
        assert_eq!(
            not_handed_in_text(&rows).as_deref(),
            Some("未交清单的党员（1名）：党员1。")
        );
        doc.members[0] = doc.members[1].clone();
        let rows = member_rows(&doc, &validate(&doc, today()));
        assert_eq!(not_handed_in_text(&rows), None);
    }

    #[test]
    fn categories_are_counted_in_the_headers_order() {
        let doc = crate::domain::sample::org_list(1, "甲党支部", 7, 1);
        assert_eq!(
            super::category_counts(&doc),
            "理论学习 2 · 政治素质 1 · 能力本领 1 · 担当作为 1 · 工作作风 1 · 廉洁自律 1"
        );
    }
}
