//! Sample documents of any size, built from real-looking text: for benchmarks, the browser speed tests and
//! generated sets of branch files. Deterministic: the same arguments give the same document.

pub mod campaign;
pub mod registers;

use crate::domain::list::model::*;
use crate::domain::list::vocabulary::{FOUR_ASPECTS, SIX_ASPECTS};

/// Ids that read as UUIDs and are unique within one document (`seed` tells documents apart): `n` sits in bytes
/// that the version and variant bits leave alone, so a list of thousands of items has no two alike.
pub(crate) fn id(seed: u32, n: u32) -> String {
    super::ids::uuid_v4(
        [seed.to_be_bytes(), [0x5a; 4], n.to_be_bytes(), [0xa5; 4]]
            .concat()
            .try_into()
            .expect("16 bytes"),
    )
}

fn filled_measure(kind: Kind, id: String, n: u32) -> Measure {
    let mut m = Measure::new(id, kind);
    m.content = format!(
        "每月至少组织{}次专题研讨，每名党员每季度发言1次并形成书面材料（第{n}项）。",
        n % 3 + 1
    );
    m.deadline = match n % 3 {
        0 => Deadline::ByDate {
            date: "2023-12-31".into(),
        },
        1 => Deadline::Immediate { date: None },
        _ => Deadline::LongTerm,
    };
    if kind == Kind::Org {
        m.goal = "发言覆盖率达到100%".into();
        m.lead = Some("王建国".into());
        m.dept = Some(format!("第{}中队", n % 5 + 1));
    }
    m
}

fn filled_problem(
    kind: Kind,
    seed: u32,
    next: &mut u32,
    category: &str,
    measures: usize,
) -> Problem {
    *next += 1;
    let mut p = Problem::new(id(seed, *next), category.to_string());
    p.sources = vec![Source::SelfReview, Source::Opinions];
    p.description = format!(
        "2023年上半年6次集体学习中研讨发言仅2次，结合工作实际谈体会不够（问题{}）。",
        *next
    );
    for _ in 0..measures {
        *next += 1;
        p.measures
            .push(filled_measure(kind, id(seed, *next), *next));
    }
    p
}

fn header(doc: &mut Document, branch: &str) {
    doc.header.org_name = branch.to_string();
    doc.header.parent_org = "中共××县公安局委员会".into();
    doc.header.filed_on = "2023-10-15".into();
    doc.header.filed_by = "陈晓燕".into();
    doc.header.reviewer = "王建国".into();
    doc.header.phone = "13907712345".into();
}

/// A complete org list of `problems` problems with `measures` measures each.
pub fn org_list(seed: u32, branch: &str, problems: usize, measures: usize) -> Document {
    let mut doc = Document::new(Kind::Org, id(seed, 0));
    header(&mut doc, branch);
    let mut next = 0;
    for i in 0..problems {
        let category = SIX_ASPECTS[i % SIX_ASPECTS.len()];
        doc.problems.push(filled_problem(
            Kind::Org,
            seed,
            &mut next,
            category,
            measures,
        ));
    }
    doc
}

/// A complete member list: `members` members, each with `problems` problems of `measures` measures.
pub fn member_list(
    seed: u32,
    branch: &str,
    members: usize,
    problems: usize,
    measures: usize,
) -> Document {
    let mut doc = Document::new(Kind::Member, id(seed, 0));
    header(&mut doc, branch);
    let mut next = 0;
    for i in 0..members {
        next += 1;
        let mut member = Member::new(id(seed, next));
        member.name = format!("党员{}", i + 1);
        member.position = "民警".into();
        for j in 0..problems {
            let category = FOUR_ASPECTS[j % FOUR_ASPECTS.len()];
            member.problems.push(filled_problem(
                Kind::Member,
                seed,
                &mut next,
                category,
                measures,
            ));
        }
        doc.members.push(member);
    }
    doc
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_big_sample_has_no_two_ids_alike() {
        let doc = super::org_list(1, "交警大队党支部", 2000, 3);
        let report = crate::domain::list::validate::validate(
            &doc,
            chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap(),
        );
        assert!(!report.has("duplicate_id"));
    }

    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn samples_are_complete_lists_of_the_size_asked() {
        let today = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
        let org = org_list(1, "交警大队党支部", 17, 3);
        assert_eq!(org.all_measures().count(), 51);
        let members = member_list(2, "交警大队党支部", 40, 5, 3);
        assert_eq!(members.all_measures().count(), 600);
        for doc in [org, members] {
            let report = crate::domain::list::validate::validate(&doc, today);
            assert!(report.findings.is_empty(), "{:#?}", &report.findings[..1]);
        }
    }
}
