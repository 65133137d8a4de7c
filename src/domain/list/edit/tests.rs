//! The actions applied to small lists: what each changes, what it leaves, and how a removal is undone.

use super::*;
use crate::domain::list::vocabulary::FOUR_ASPECTS;

/// The actions of these tests are never refused.
fn apply(doc: &mut Document, action: Action) -> Outcome {
    super::apply(doc, action).expect("not refused")
}

fn org() -> Document {
    let mut doc = Document::new(Kind::Org, "doc".into());
    apply(
        &mut doc,
        Action::AddProblem {
            member: None,
            id: "p1".into(),
            measure_id: "m1".into(),
        },
    );
    doc
}

#[test]
fn a_new_problem_comes_with_one_measure_in_the_first_category() {
    let doc = org();
    assert_eq!(doc.problems[0].category, "理论学习");
    assert_eq!(doc.problems[0].measures.len(), 1);
    assert_eq!(
        doc.problems[0].measures[0].lead.as_deref(),
        Some(""),
        "org measures have a lead to fill in"
    );
}

#[test]
fn a_new_problem_takes_the_category_of_the_one_before() {
    let mut doc = org();
    apply(
        &mut doc,
        Action::SetProblem("p1".into(), ProblemField::Category, "工作作风".into()),
    );
    apply(
        &mut doc,
        Action::AddProblem {
            member: None,
            id: "p2".into(),
            measure_id: "m2".into(),
        },
    );
    assert_eq!(doc.problems[1].category, "工作作风");
}

#[test]
fn typing_changes_one_field_and_says_the_shape_is_the_same() {
    let mut doc = org();
    let outcome = apply(
        &mut doc,
        Action::SetMeasure("m1".into(), MeasureField::Content, "每月学习".into()),
    );
    assert_eq!(outcome, Outcome::Changed);
    assert_eq!(doc.problems[0].measures[0].content, "每月学习");
    assert_eq!(
        apply(
            &mut doc,
            Action::SetMeasure("gone".into(), MeasureField::Content, "x".into())
        ),
        Outcome::Unchanged
    );
}

#[test]
fn removing_and_undoing_puts_the_problem_back_where_it_was() {
    let mut doc = org();
    apply(
        &mut doc,
        Action::AddProblem {
            member: None,
            id: "p2".into(),
            measure_id: "m2".into(),
        },
    );
    apply(
        &mut doc,
        Action::AddProblem {
            member: None,
            id: "p3".into(),
            measure_id: "m3".into(),
        },
    );
    let before = doc.clone();
    let Outcome::Undoable(removed) = apply(&mut doc, Action::Remove("p2".into())) else {
        panic!()
    };
    assert_eq!(removed.describe(), "已删除第2个问题。");
    assert_eq!(doc.problems.len(), 2);
    apply(&mut doc, Action::Restore(removed));
    assert_eq!(doc, before);
}

#[test]
fn removing_a_measure_or_member_can_be_undone() {
    let mut doc = Document::new(Kind::Member, "doc".into());
    apply(
        &mut doc,
        Action::AddMember {
            id: "a".into(),
            problem_id: "p1".into(),
            measure_id: "m1".into(),
        },
    );
    apply(
        &mut doc,
        Action::AddMeasure {
            problem: "p1".into(),
            id: "m2".into(),
        },
    );
    apply(
        &mut doc,
        Action::SetMember("a".into(), MemberField::Name, "刘洋".into()),
    );
    let before = doc.clone();
    for id in ["m1", "a"] {
        let Outcome::Undoable(removed) = apply(&mut doc, Action::Remove(id.into())) else {
            panic!()
        };
        apply(&mut doc, Action::Restore(removed));
        assert_eq!(doc, before);
    }
    let Outcome::Undoable(removed) = apply(&mut doc, Action::Remove("a".into())) else {
        panic!()
    };
    assert_eq!(removed.describe(), "已删除党员刘洋。");
}

#[test]
fn member_measures_have_no_lead_or_unit() {
    let mut doc = Document::new(Kind::Member, "doc".into());
    apply(
        &mut doc,
        Action::AddMember {
            id: "a".into(),
            problem_id: "p1".into(),
            measure_id: "m1".into(),
        },
    );
    let m = &doc.members[0].problems[0].measures[0];
    assert!(m.lead.is_none() && m.dept.is_none() && m.owner.is_none());
    assert_eq!(doc.members[0].problems[0].category, "学习贯彻党的创新理论");
}

#[test]
fn moving_swaps_with_the_neighbour_and_stops_at_the_ends() {
    let mut doc = org();
    apply(
        &mut doc,
        Action::AddProblem {
            member: None,
            id: "p2".into(),
            measure_id: "m2".into(),
        },
    );
    assert_eq!(
        apply(&mut doc, Action::Move("p2".into(), -1)),
        Outcome::Reshaped
    );
    assert_eq!(doc.problems[0].id, "p2");
    assert_eq!(
        apply(&mut doc, Action::Move("p2".into(), -1)),
        Outcome::Unchanged
    );
    apply(
        &mut doc,
        Action::AddMeasure {
            problem: "p1".into(),
            id: "m9".into(),
        },
    );
    apply(&mut doc, Action::Move("m9".into(), -1));
    assert_eq!(doc.problems[1].measures[0].id, "m9");
}

#[test]
fn deadlines_take_their_kind_and_date() {
    let mut doc = org();
    apply(
        &mut doc,
        Action::SetDeadline {
            measure: "m1".into(),
            kind: DeadlineKind::ByDate,
            date: "2023-12-31".into(),
        },
    );
    assert_eq!(
        doc.problems[0].measures[0].deadline,
        Deadline::ByDate {
            date: "2023-12-31".into()
        }
    );
    apply(
        &mut doc,
        Action::SetDeadline {
            measure: "m1".into(),
            kind: DeadlineKind::Immediate,
            date: "".into(),
        },
    );
    assert_eq!(
        doc.problems[0].measures[0].deadline,
        Deadline::Immediate { date: None }
    );
    apply(
        &mut doc,
        Action::SetDeadline {
            measure: "m1".into(),
            kind: DeadlineKind::LongTerm,
            date: "2023-12-31".into(),
        },
    );
    assert_eq!(doc.problems[0].measures[0].deadline, Deadline::LongTerm);
}

#[test]
fn sources_toggle_and_keep_the_vocabulary_order() {
    let mut doc = org();
    apply(
        &mut doc,
        Action::ToggleSource("p1".into(), Source::Superior),
    );
    apply(
        &mut doc,
        Action::ToggleSource("p1".into(), Source::Research),
    );
    assert_eq!(
        doc.problems[0].sources,
        vec![Source::Research, Source::Superior]
    );
    apply(
        &mut doc,
        Action::ToggleSource("p1".into(), Source::Research),
    );
    assert_eq!(doc.problems[0].sources, vec![Source::Superior]);
}

#[test]
fn presets_switch_and_custom_categories_stay() {
    let mut doc = org();
    apply(&mut doc, Action::AddCategory("执法规范".into()));
    apply(&mut doc, Action::AddCategory("执法规范".into()));
    apply(&mut doc, Action::UsePreset(Preset::FourAspects));
    assert_eq!(doc.header.categories.len(), 5);
    assert_eq!(doc.header.categories[4], "执法规范");
    apply(&mut doc, Action::RemoveCategory("执法规范".into()));
    assert_eq!(doc.header.categories, FOUR_ASPECTS);
}

#[test]
fn a_kept_warning_is_recorded_once_and_can_be_taken_back() {
    let mut doc = org();
    let ack = |reason: &str| Action::Acknowledge {
        path: "p1.description".into(),
        rule: "description_short".into(),
        reason: reason.into(),
    };
    apply(&mut doc, ack("确属实情"));
    apply(&mut doc, ack(" 上级原话 "));
    assert_eq!(doc.acknowledged.len(), 1);
    assert_eq!(doc.acknowledged[0].reason, "上级原话");
    apply(
        &mut doc,
        Action::Unacknowledge {
            path: "p1.description".into(),
            rule: "description_short".into(),
        },
    );
    assert!(doc.acknowledged.is_empty());
}

fn pasted_problem(id: &str, measures: usize) -> Problem {
    let mut problem = Problem::new(id.into(), "理论学习".into());
    for i in 0..measures {
        problem
            .measures
            .push(Measure::new(format!("{id}-m{i}"), Kind::Org));
    }
    problem
}

#[test]
fn pasted_rows_are_added_at_the_end_and_undone_as_one_step() {
    let mut doc = org();
    let before = doc.clone();
    let pasted = Pasted {
        problems: vec![pasted_problem("x1", 2), pasted_problem("x2", 1)],
        members: Vec::new(),
    };
    let outcome = apply(
        &mut doc,
        Action::Paste {
            pasted: Box::new(pasted),
            into: None,
        },
    );
    let ids: Vec<&str> = doc.problems.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["p1", "x1", "x2"]);
    let Outcome::Undoable(undo) = outcome else {
        panic!("a paste can be undone")
    };
    assert_eq!(
        undo.describe(),
        "已粘贴2个问题、3项整改措施，加在清单末尾。"
    );
    apply(&mut doc, Action::Restore(undo));
    assert_eq!(doc, before);
    let nothing = Action::Paste {
        pasted: Box::default(),
        into: None,
    };
    assert_eq!(apply(&mut doc, nothing), Outcome::Unchanged);
}

#[test]
fn pasted_members_join_the_member_of_their_name_or_the_open_one() {
    let mut doc = Document::new(Kind::Member, "doc".into());
    apply(
        &mut doc,
        Action::AddRoster(vec![
            ("a".into(), "王芳".into()),
            ("b".into(), "李强".into()),
        ]),
    );
    let member = |id: &str, name: &str, problem: &str| {
        let mut m = Member::new(id.into());
        m.name = name.into();
        m.problems.push(pasted_problem(problem, 1));
        m
    };
    let pasted = Pasted {
        problems: Vec::new(),
        members: vec![
            member("n1", "王 芳", "x1"),
            member("n2", "赵敏", "x2"),
            member("n3", "", "x3"),
        ],
    };
    apply(
        &mut doc,
        Action::Paste {
            pasted: Box::new(pasted),
            into: Some("b".into()),
        },
    );
    let shape: Vec<(&str, Vec<&str>)> = doc
        .members
        .iter()
        .map(|m| {
            (
                m.name.as_str(),
                m.problems.iter().map(|p| p.id.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        [
            ("王芳", vec!["x1"]),
            ("李强", vec!["x3"]),
            ("赵敏", vec!["x2"])
        ]
    );
}
