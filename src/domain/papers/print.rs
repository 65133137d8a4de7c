//! What the printed lists show, derived from a document: titles, the header line, the table rows with their spans,
//! dates in the official form, signatures, the 校验码 and whether the paper is a draft. The UI lays it out; the
//! print stylesheet makes it A4 landscape.

use crate::domain::dates;
use crate::domain::file::digest::short_code;
use crate::domain::file::export::next_digest;
use crate::domain::list::model::{Deadline, Document, Measure, Member, Problem};

/// Everything around the table of a printed list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heading {
    /// `中共××支部委员会`, or a line to write it on.
    pub org_line: String,
    /// `…主题教育检视整改问题清单`.
    pub title_line: String,
    /// `填报单位：…`
    pub unit: String,
    /// `填报日期：2023年10月15日`
    pub filed_on: String,
    /// The first 12 hex digits of the digest the file will carry.
    pub code: String,
    /// True when the list has errors: every page says 草稿.
    pub draft: bool,
    pub filed_by: String,
    pub phone: String,
}

pub fn heading(doc: &Document, complete: bool) -> Heading {
    let h = &doc.header;
    // The list's own campaign: 党纪学习教育检视整改问题清单; a list naming none, the 2023 主题教育's.
    let title = crate::domain::list::campaign::Active::of(h).title(doc.kind);
    Heading {
        org_line: h.org_name.trim().to_string(),
        title_line: title,
        unit: match doc.own_member() {
            // A member's own list says whose it is.
            Some(m) => format!(
                "填报单位：{}\u{3000}党员：{}",
                h.org_name.trim(),
                m.name.trim()
            ),
            None => format!("填报单位：{}", h.org_name.trim()),
        },
        filed_on: format!("填报日期：{}", dates::official_text(h.filed_on.trim())),
        code: short_code(&next_digest(doc)),
        draft: !complete,
        filed_by: h.filed_by.trim().to_string(),
        phone: h.phone.trim().to_string(),
    }
}

/// 整改时限 as print shows it: `2023年12月31日前`, `立行立改`, `长期坚持`.
pub fn deadline_text(deadline: &Deadline) -> String {
    match deadline {
        Deadline::ByDate { date } if date.trim().is_empty() => String::new(),
        Deadline::ByDate { date } => format!("{}前", dates::official_text(date.trim())),
        Deadline::Immediate { date: Some(d) } if !d.trim().is_empty() => {
            format!("立行立改（{}前）", dates::official_text(d.trim()))
        }
        Deadline::Immediate { .. } => "立行立改".to_string(),
        Deadline::LongTerm => "长期坚持".to_string(),
    }
}

/// One measure's row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeasureRow {
    /// `1. 制定…`: numbered within its problem.
    pub content: String,
    pub goal: String,
    pub deadline: String,
    pub lead: String,
    pub dept: String,
}

/// One problem and the rows of its measures; its own cells span them all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProblemBlock {
    /// 序号, counted through the whole table.
    pub serial: usize,
    pub category: String,
    pub sources: String,
    pub description: String,
    pub measures: Vec<MeasureRow>,
}

impl ProblemBlock {
    /// Rows this problem takes (at least one, so a problem without measures still prints).
    pub fn span(&self) -> usize {
        self.measures.len().max(1)
    }
}

fn measure_row(n: usize, m: &Measure) -> MeasureRow {
    MeasureRow {
        content: format!("{n}. {}", m.content.trim()),
        goal: m.goal.trim().to_string(),
        deadline: deadline_text(&m.deadline),
        lead: m.lead.as_deref().unwrap_or("").trim().to_string(),
        dept: m.dept.as_deref().unwrap_or("").trim().to_string(),
    }
}

fn block(serial: usize, p: &Problem) -> ProblemBlock {
    ProblemBlock {
        serial,
        category: p.category.trim().to_string(),
        sources: p
            .sources
            .iter()
            .map(|s| s.formal())
            .collect::<Vec<_>>()
            .join("；"),
        description: p.description.trim().to_string(),
        measures: p
            .measures
            .iter()
            .enumerate()
            .map(|(i, m)| measure_row(i + 1, m))
            .collect(),
    }
}

/// The org list's table: every problem with its measures, in the document's order.
pub fn org_rows(doc: &Document) -> Vec<ProblemBlock> {
    doc.problems
        .iter()
        .enumerate()
        .map(|(i, p)| block(i + 1, p))
        .collect()
}

/// A member with their problems, for the branch table of a member list and for one page per member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberBlock {
    pub serial: usize,
    pub name: String,
    pub position: String,
    pub member_type: String,
    pub problems: Vec<ProblemBlock>,
    pub branch_opinion: String,
}

impl MemberBlock {
    /// Rows this member takes in the branch table.
    pub fn span(&self) -> usize {
        self.problems
            .iter()
            .map(ProblemBlock::span)
            .sum::<usize>()
            .max(1)
    }
}

fn member_block(serial: usize, m: &Member) -> MemberBlock {
    MemberBlock {
        serial,
        name: m.name.trim().to_string(),
        position: m.position.trim().to_string(),
        member_type: m
            .member_type
            .map(|t| t.label().to_string())
            .unwrap_or_default(),
        // Problems are numbered within each member.
        problems: m
            .problems
            .iter()
            .enumerate()
            .map(|(i, p)| block(i + 1, p))
            .collect(),
        branch_opinion: m.branch_opinion.trim().to_string(),
    }
}

pub fn member_rows(doc: &Document) -> Vec<MemberBlock> {
    doc.members
        .iter()
        .enumerate()
        .map(|(i, m)| member_block(i + 1, m))
        .collect()
}

/// The pages of 每名党员一页: every member, or only those who handed in (a member without a problem has not: 未交),
/// so the branch does not print empty 草稿 pages for them.
pub fn member_pages(doc: &Document, handed_in_only: bool) -> Vec<MemberBlock> {
    member_rows(doc)
        .into_iter()
        .filter(|m| !handed_in_only || !m.problems.is_empty())
        .collect()
}

/// How many members have not handed in (no problem yet).
pub fn not_handed_in(doc: &Document) -> usize {
    doc.members.iter().filter(|m| m.problems.is_empty()).count()
}

/// Empty problem blocks for a blank form to be filled in by hand.
pub fn blank_rows(count: usize) -> Vec<ProblemBlock> {
    (1..=count)
        .map(|serial| ProblemBlock {
            serial,
            category: String::new(),
            sources: String::new(),
            description: String::new(),
            measures: Vec::new(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::{member_list, org_list};

    #[test]
    fn one_page_per_member_can_leave_out_who_has_not_handed_in() {
        let mut doc = member_list(1, "交警大队党支部", 3, 1, 1);
        doc.members[1].problems.clear();
        assert_eq!(not_handed_in(&doc), 1);
        assert_eq!(member_pages(&doc, false).len(), 3);
        let pages = member_pages(&doc, true);
        assert_eq!(
            pages.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(),
            vec![doc.members[0].name.as_str(), doc.members[2].name.as_str()]
        );
    }

    #[test]
    fn deadlines_print_the_official_way() {
        assert_eq!(
            deadline_text(&Deadline::ByDate {
                date: "2023-12-31".into()
            }),
            "2023年12月31日前"
        );
        assert_eq!(
            deadline_text(&Deadline::ByDate {
                date: "2024-03-05".into()
            }),
            "2024年3月5日前"
        );
        assert_eq!(
            deadline_text(&Deadline::Immediate { date: None }),
            "立行立改"
        );
        assert_eq!(deadline_text(&Deadline::LongTerm), "长期坚持");
    }

    #[test]
    fn the_heading_has_the_official_date_and_twelve_digits_of_the_digest() {
        let doc = org_list(1, "中共××县公安局交警大队支部委员会", 2, 2);
        let h = heading(&doc, true);
        assert_eq!(h.org_line, "中共××县公安局交警大队支部委员会");
        assert_eq!(
            h.title_line,
            "学习贯彻习近平新时代中国特色社会主义思想主题教育检视整改问题清单"
        );
        assert_eq!(h.filed_on, "填报日期：2023年10月15日");
        assert_eq!(h.code.len(), 12);
        assert!(h.code.chars().all(|c| c.is_ascii_hexdigit()));
        assert!(!h.draft);
    }

    #[test]
    fn the_code_on_paper_is_the_code_the_next_export_carries() {
        let mut doc = org_list(1, "交警大队党支部", 1, 1);
        let now = chrono::DateTime::parse_from_rfc3339("2024-06-01T09:30:00+08:00").unwrap();
        let first = crate::domain::file::export::export(&doc, true, now).document;
        doc = first.clone();
        doc.problems[0].remark = "改过".into();
        let printed = heading(&doc, true).code;
        let exported = crate::domain::file::export::export(&doc, true, now).document;
        assert_eq!(printed, short_code(&exported.meta.unwrap().digest));
    }

    #[test]
    fn measures_are_numbered_within_their_problem_and_problems_through_the_table() {
        let rows = org_rows(&org_list(1, "交警大队党支部", 3, 2));
        assert_eq!(
            rows.iter().map(|r| r.serial).collect::<Vec<_>>(),
            vec![1, 2, 3]
        );
        assert!(rows[1].measures[0].content.starts_with("1. "));
        assert!(rows[1].measures[1].content.starts_with("2. "));
        assert_eq!(rows[0].span(), 2);
        assert_eq!(rows[0].sources, "检视剖析；征求意见、群众反映");
    }

    #[test]
    fn members_span_all_their_measure_rows() {
        let rows = member_rows(&member_list(1, "交警大队党支部", 2, 2, 3));
        assert_eq!(rows[0].span(), 6);
        assert_eq!(rows[1].problems[1].serial, 2);
    }
}
