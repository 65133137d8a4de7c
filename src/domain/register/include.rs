//! 纳入检视整改: a 调研问题 or an 意见建议 put into the branch's 《党组织检视整改问题清单》 as a problem whose 问题来源
//! is 调查研究发现 or 征求意见, its measure carried over, each side naming the other (`Included` on the item,
//! `FoundIn` on the problem) so that the link survives export and import of both files.

use crate::domain::list::campaign::Active;
use crate::domain::list::model::{
    Document, FoundIn, FoundKind, Header, Kind, Measure, Problem, Source,
};
use crate::domain::register::model::{Included, Register, RegisterKind};

/// Why an item was not put into the list; nothing changed in either.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotIncluded {
    /// Only a 《党组织检视整改问题清单》 takes problems of the branch's own.
    NotOrgList,
    /// 成果转化清单 has nothing to rectify.
    NothingToRectify,
    NoSuchItem,
    /// Already in this list, as its problem number …
    Already(usize),
}

impl NotIncluded {
    pub fn message(&self) -> String {
        match self {
            NotIncluded::NotOrgList => {
                "只能纳入《党组织检视整改问题清单》：请先打开或新建本支部的党组织清单。".into()
            }
            NotIncluded::NothingToRectify => {
                "成果转化清单记录的是调研成果，没有需要纳入检视整改的问题。".into()
            }
            NotIncluded::NoSuchItem => "没有找到这一条，可能已被删除。请刷新后再试。".into(),
            NotIncluded::Already(n) => {
                format!("这一条已纳入检视整改，是清单中的第{n}个问题，不必重复纳入。")
            }
        }
    }
}

/// Puts item `item` of `register` into `list` as a new problem `problem_id` (with measure `measure_id` where the
/// item has a measure), and links both. Returns the new problem's number in the list (1-based).
pub fn include(
    register: &mut Register,
    item: &str,
    list: &mut Document,
    problem_id: String,
    measure_id: String,
) -> Result<usize, NotIncluded> {
    if list.kind != Kind::Org {
        return Err(NotIncluded::NotOrgList);
    }
    let kind = match register.kind {
        RegisterKind::Results => return Err(NotIncluded::NothingToRectify),
        RegisterKind::Survey => FoundKind::Survey,
        RegisterKind::Opinions => FoundKind::Opinions,
    };
    let found = FoundIn {
        kind,
        register: register.id.clone(),
        item: item.to_string(),
    };
    if let Some(i) = (list.problems.iter()).position(|p| p.found_in.as_ref() == Some(&found)) {
        return Err(NotIncluded::Already(i + 1));
    }
    let mut problem = Problem::new(problem_id, String::new());
    let mut measure = Measure::new(measure_id, Kind::Org);
    let included = Some(Included {
        list: list.id.clone(),
        problem: problem.id.clone(),
    });
    if kind == FoundKind::Survey {
        let p = (register.topics.iter_mut())
            .flat_map(|t| t.problems.iter_mut())
            .find(|p| p.id == item)
            .ok_or(NotIncluded::NoSuchItem)?;
        problem.category = p.category.clone();
        problem.sources = vec![Source::Research];
        problem.description = p.description.clone();
        if !p.measure.trim().is_empty() {
            measure.content = p.measure.clone();
            measure.deadline = p.deadline.clone();
            measure.lead = Some(p.lead.clone());
            measure.dept = Some(p.dept.clone());
            measure.status = p.status;
            measure.progress = p.progress.clone();
            problem.measures.push(measure);
        }
        p.included = included;
    } else {
        let o = (register.opinions.iter_mut())
            .find(|o| o.id == item)
            .ok_or(NotIncluded::NoSuchItem)?;
        problem.category = o.category.clone();
        problem.sources = vec![Source::Opinions];
        problem.description = o.content.clone();
        if !o.action.trim().is_empty() {
            measure.content = o.action.clone();
            measure.dept = Some(o.dept.clone());
            problem.measures.push(measure);
        }
        o.included = included;
    }
    problem.found_in = Some(found);
    // A category the list does not use is left for the user to choose (检查 says so), never added silently.
    if !list.header.categories.contains(&problem.category) {
        problem.category = String::new();
    }
    list.problems.push(problem);
    Ok(list.problems.len())
}

/// Which of this computer's lists (`lists`, newest first) a register of `header` puts its items into: a
/// 《党组织检视整改问题清单》 of the same 党组织 (names compared without surrounding spaces), one of the register's
/// 活动 before one of another; None when there is none (the user is told to make it first).
pub fn target<T>(header: &Header, lists: &[T], doc: impl Fn(&T) -> &Document) -> Option<usize> {
    let org = header.org_name.trim();
    let active = Active::of(header).key;
    let ours =
        |d: &Document| d.kind == Kind::Org && !org.is_empty() && d.header.org_name.trim() == org;
    let same_campaign = |d: &Document| Active::of(&d.header).key == active;
    (lists
        .iter()
        .position(|l| ours(doc(l)) && same_campaign(doc(l))))
    .or_else(|| lists.iter().position(|l| ours(doc(l))))
}

/// Where a problem of a 检视整改 list came from, as the list shows it: `来自调研问题清单`.
pub fn came_from(problem: &Problem) -> Option<String> {
    (problem.found_in.as_ref()).map(|f| format!("来自{}", f.kind.label()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::list::model::{Deadline, Header, Status};
    use crate::domain::register::model::{Opinion, SurveyProblem, Topic};

    fn survey() -> Register {
        let mut r = Register::new(RegisterKind::Survey, "reg-1".into(), Header::default());
        r.topics.push(Topic {
            id: "t1".into(),
            title: "基层所队警力配置调研".into(),
            problems: vec![SurveyProblem {
                id: "s1".into(),
                category: "担当作为方面".into(),
                description: "社区警务室警力不足，群众反映见警率低".into(),
                measure: "每个社区警务室至少配备1名民警2名辅警".into(),
                lead: "李明".into(),
                dept: "政治处".into(),
                deadline: Deadline::ByDate {
                    date: "2023-12-31".into(),
                },
                status: Status::InProgress,
                progress: String::new(),
                closed: None,
                included: None,
            }],
            ..Topic::default()
        });
        r
    }

    fn org_list() -> Document {
        let mut d = Document::new(Kind::Org, "list-1".into());
        d.header.categories = vec!["担当作为方面".into()];
        d
    }

    #[test]
    fn a_survey_problem_becomes_a_problem_of_research_with_its_measure_and_both_name_each_other() {
        let (mut register, mut list) = (survey(), org_list());
        let n = include(&mut register, "s1", &mut list, "p9".into(), "m9".into()).unwrap();
        assert_eq!(n, 1);
        let problem = &list.problems[0];
        assert_eq!(problem.sources, vec![Source::Research]);
        assert_eq!(problem.category, "担当作为方面");
        assert_eq!(
            problem.measures[0].content,
            "每个社区警务室至少配备1名民警2名辅警"
        );
        assert_eq!(problem.measures[0].lead.as_deref(), Some("李明"));
        assert_eq!(came_from(problem).as_deref(), Some("来自调研问题清单"));
        let found = problem.found_in.as_ref().unwrap();
        assert_eq!(
            (found.register.as_str(), found.item.as_str()),
            ("reg-1", "s1")
        );
        let included = register.topics[0].problems[0].included.as_ref().unwrap();
        assert_eq!(
            (included.list.as_str(), included.problem.as_str()),
            ("list-1", "p9")
        );
    }

    #[test]
    fn the_target_is_the_same_branchs_org_list_of_the_same_campaign_first() {
        let header = Header {
            org_name: " 第1派出所党支部".into(),
            ..Header::default()
        };
        let with = |kind, name: &str, campaign: Option<&str>| {
            let mut d = Document::new(kind, name.into());
            d.header.org_name = name.into();
            d.header.campaign = campaign
                .and_then(crate::domain::list::campaign::preset)
                .and_then(|p| p.campaign());
            d
        };
        let lists = vec![
            with(Kind::Member, "第1派出所党支部", None),
            with(Kind::Org, "第2派出所党支部", None),
            with(Kind::Org, "第1派出所党支部", Some("discipline_2024")),
            with(Kind::Org, "第1派出所党支部", None),
        ];
        assert_eq!(
            target(&header, &lists, |d| d),
            Some(3),
            "the register names no 活动: the 2023 list's"
        );
        assert_eq!(
            target(&header, &lists[..3], |d| d),
            Some(2),
            "else one of another 活动"
        );
        assert_eq!(
            target(&Header::default(), &lists, |d| d),
            None,
            "no 党组织名称, no list"
        );
    }

    #[test]
    fn twice_is_refused_and_changes_nothing() {
        let (mut register, mut list) = (survey(), org_list());
        include(&mut register, "s1", &mut list, "p9".into(), "m9".into()).unwrap();
        let (r, l) = (register.clone(), list.clone());
        let again = include(&mut register, "s1", &mut list, "p10".into(), "m10".into());
        assert_eq!(again, Err(NotIncluded::Already(1)));
        assert_eq!((register, list), (r, l));
    }

    #[test]
    fn only_an_org_list_takes_it_and_a_category_it_does_not_use_is_left_to_choose() {
        let mut register = Register::new(RegisterKind::Opinions, "reg-2".into(), Header::default());
        register.opinions.push(Opinion {
            id: "o1".into(),
            content: "建议延长户籍窗口周末办公时间".into(),
            category: "服务群众".into(),
            ..Opinion::default()
        });
        let mut member_list = Document::new(Kind::Member, "list-2".into());
        let refused = include(
            &mut register,
            "o1",
            &mut member_list,
            "p".into(),
            "m".into(),
        );
        assert_eq!(refused, Err(NotIncluded::NotOrgList));
        assert!(register.opinions[0].included.is_none());
        let mut list = org_list();
        include(&mut register, "o1", &mut list, "p".into(), "m".into()).unwrap();
        assert_eq!(list.problems[0].sources, vec![Source::Opinions]);
        assert_eq!(
            list.problems[0].category, "",
            "服务群众 is not one of the list's categories"
        );
        assert!(
            list.problems[0].measures.is_empty(),
            "no 办理措施 yet: no measure made up"
        );
    }
}
