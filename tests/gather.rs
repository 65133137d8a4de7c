//! 收集: the rules of gathering members' own lists into the branch's member list.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{now, today};
use rectify::domain::edit::{apply, Action, Gathering, Outcome, Undo};
use rectify::domain::export::{export, file_name, to_value};
use rectify::domain::gather::{
    plan, roster_names, Choice, Concern, Incoming, Plan, Target, Verdict,
};
use rectify::domain::import::import;
use rectify::domain::model::{Document, Kind};
use rectify::domain::sample::{member_list, org_list};
use rectify::domain::validate::validate;

const BRANCH: &str = "中共××县公安局交警大队支部委员会";

/// A member's own list (a member list of one member), as the member exports it.
fn personal(seed: u32, name: &str, branch: &str) -> Document {
    let mut doc = member_list(seed, branch, 1, 2, 2);
    doc.members[0].name = name.into();
    doc
}

fn file(doc: &Document) -> Incoming {
    let out = export(doc, true, now());
    Incoming {
        name: out.file_name,
        bytes: out.bytes,
    }
}

/// The same list, changed and exported again: its revision is raised.
fn revised(doc: &Document, change: &str) -> Document {
    let mut doc = import(&file(doc).bytes).unwrap().document;
    doc.members[0].problems[0].description = change.into();
    let again = export(&doc, true, now());
    import(&again.bytes).unwrap().document
}

fn branch_with_roster(names: &[&str]) -> Document {
    let mut doc = Document::new(Kind::Member, "6a1c7e2d-0000-4000-8000-000000000001".into());
    doc.header.org_name = BRANCH.into();
    doc.header.filed_on = "2024-01-10".into();
    doc.header.filed_by = "陈晓燕".into();
    let names = names
        .iter()
        .enumerate()
        .map(|(i, n)| (format!("roster-{i}"), n.to_string()))
        .collect();
    apply(&mut doc, Action::AddRoster(names)).unwrap();
    doc
}

fn ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("fresh-{n}")
    }
}

fn gather(
    doc: &mut Document,
    files: &[Incoming],
    answers: impl Fn(&Plan) -> Vec<Choice>,
) -> (Plan, Outcome) {
    let p = plan(doc, files, &mut ids());
    let answers = answers(&p);
    let outcome = apply(
        doc,
        Action::Gather(Box::new(Gathering {
            plan: p.clone(),
            answers,
        })),
    )
    .unwrap();
    (p, outcome)
}

fn take_all(p: &Plan) -> Vec<Choice> {
    vec![Choice::Take; p.items.len()]
}

fn names(doc: &Document) -> Vec<&str> {
    doc.members.iter().map(|m| m.name.as_str()).collect()
}

#[test]
fn a_roster_fills_from_the_files_and_a_member_who_did_not_hand_in_stays_open() {
    let mut doc = branch_with_roster(&["刘洋", "周静", "王强", "李娜"]);
    let files: Vec<Incoming> = [(1, "刘洋"), (2, "周静"), (3, "王强")]
        .iter()
        .map(|(seed, name)| file(&personal(*seed, name, BRANCH)))
        .collect();
    let (p, outcome) = gather(&mut doc, &files, take_all);
    assert!(p.items.iter().all(|i| matches!(
        i.verdict,
        Verdict::Proposed { target: Target::Fill(_), ref concerns, .. } if concerns.is_empty()
    )));
    let Outcome::Undoable(undo) = outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(
        undo.describe(),
        "收集完成：新增0名，补交3名（名单中的未交党员），替换0名，未变0名；回答了0个问题。"
    );
    assert_eq!(
        names(&doc),
        ["刘洋", "周静", "王强", "李娜"],
        "the roster's order is kept"
    );
    let report = validate(&doc, today());
    let open: Vec<&str> = report
        .errors()
        .filter(|f| f.rule == "member_problems_required")
        .map(|f| f.location.as_str())
        .collect();
    assert_eq!(
        open,
        ["第4名党员（李娜） · 问题"],
        "李娜 has not handed in: the list is not complete"
    );
    assert!(!report.has("duplicate_id"));
    let origin = doc.members[0]
        .origin
        .as_ref()
        .expect("where 刘洋 came from");
    assert_eq!(origin.revision, 1);
    assert!(origin.digest.starts_with("sha256:"));
}

#[test]
fn a_member_handed_in_again_replaces_and_an_older_or_identical_one_changes_nothing() {
    let mut doc = branch_with_roster(&[]);
    let v1 = personal(1, "刘洋", BRANCH);
    let v2 = revised(
        &v1,
        "对新修订的道路交通安全法实施条例学得不深，执法依据把握不准，已补学三章。",
    );
    assert_eq!(v2.revision, 2);
    gather(&mut doc, &[file(&v1)], take_all);
    let (p, _) = gather(&mut doc, &[file(&v2)], take_all);
    assert!(matches!(
        p.items[0].verdict,
        Verdict::Proposed {
            target: Target::Replace(_),
            ..
        }
    ));
    assert_eq!(doc.members.len(), 1);
    assert_eq!(doc.members[0].origin.as_ref().unwrap().revision, 2);
    assert!(doc.members[0].problems[0]
        .description
        .ends_with("已补学三章。"));

    for (older, why) in [(&v2, "已经收集过"), (&v1, "较旧的一版")] {
        let before = doc.clone();
        let (p, outcome) = gather(&mut doc, &[file(older)], take_all);
        let Verdict::Unchanged(said) = &p.items[0].verdict else {
            panic!("{:?}", p.items[0])
        };
        assert!(said.contains(why), "{said}");
        assert_eq!(outcome, Outcome::Unchanged);
        assert_eq!(doc, before);
    }
}

#[test]
fn what_the_branch_changed_since_gathering_is_shown_and_asked_and_its_opinion_is_kept() {
    let mut doc = branch_with_roster(&[]);
    let v1 = personal(1, "刘洋", BRANCH);
    gather(&mut doc, &[file(&v1)], take_all);
    doc.members[0].problems[1].description = "支部改写的问题表现，比党员本人写的更具体。".into();
    doc.members[0].branch_opinion = "同意。".into();
    let v2 = revised(&v1, "本人修改后的第一个问题的表现，写得更具体了一些。");
    let p = plan(&doc, &[file(&v2)], &mut ids());
    let item = &p.items[0];
    assert!(item.asks());
    let Verdict::Proposed { concerns, .. } = &item.verdict else {
        panic!()
    };
    assert_eq!(
        concerns,
        &[Concern::BranchChanged {
            overwritten: vec!["第1个问题".into(), "第2个问题".into()]
        }]
    );
    assert!(item.question().contains("替换会覆盖：第1个问题、第2个问题"));
    // Skipped: nothing changes.
    let before = doc.clone();
    gather(&mut doc, &[file(&v2)], |p| {
        vec![Choice::Skip; p.items.len()]
    });
    assert_eq!(doc, before);
    // Taken: the new revision, and the branch's 支部意见 stays.
    gather(&mut doc, &[file(&v2)], take_all);
    assert_eq!(doc.members[0].origin.as_ref().unwrap().revision, 2);
    assert_eq!(doc.members[0].branch_opinion, "同意。");
    // A 支部意见 alone is the branch's own field: changing it is not a change to ask about.
    doc.members[0].branch_opinion = "同意，请抓好落实。".into();
    let v3 = revised(
        &v2,
        "第三版。对条例学得不深，执法依据把握不准，已补学三章并考试合格。",
    );
    assert!(!plan(&doc, &[file(&v3)], &mut ids()).items[0].asks());
}

#[test]
fn another_branch_a_changed_file_and_a_name_from_another_list_are_asked_about() {
    let mut doc = branch_with_roster(&[]);
    gather(&mut doc, &[file(&personal(1, "刘洋", BRANCH))], take_all);

    let other = file(&personal(2, "周静", "中共××县公安局治安大队支部委员会"));
    let mut changed = file(&personal(3, "王强", BRANCH));
    let text = String::from_utf8(changed.bytes.clone()).unwrap();
    changed.bytes = text.replacen("民警", "辅警", 1).into_bytes();
    let same_name = file(&personal(4, "刘洋", BRANCH));
    let files = [other, changed, same_name];
    let p = plan(&doc, &files, &mut ids());
    let concerns: Vec<&Vec<Concern>> = p
        .items
        .iter()
        .map(|i| match &i.verdict {
            Verdict::Proposed { concerns, .. } => concerns,
            v => panic!("{v:?}"),
        })
        .collect();
    assert_eq!(
        concerns[0],
        &vec![Concern::OtherBranch {
            theirs: "中共××县公安局治安大队支部委员会".into()
        }]
    );
    assert_eq!(concerns[1], &vec![Concern::ChangedAfterExport]);
    assert!(matches!(concerns[2][..], [Concern::SameName { .. }]));
    let choices: Vec<Choice> = p.items[2].choices().into_iter().map(|(c, _)| c).collect();
    assert_eq!(
        choices,
        [Choice::Take, Choice::ReplaceSameName, Choice::Skip]
    );

    // Answered: the other branch's member is not taken, the changed file is, the namesake replaces 刘洋.
    let (_, outcome) = gather(&mut doc, &files, |_| {
        vec![Choice::Skip, Choice::Take, Choice::ReplaceSameName]
    });
    let Outcome::Undoable(undo) = outcome else {
        panic!()
    };
    assert_eq!(
        undo.describe(),
        "收集完成：新增1名，替换1名，未变0名，未收集1名；回答了3个问题。"
    );
    assert_eq!(names(&doc), ["刘洋", "王强"]);
    assert!(!validate(&doc, today()).has("duplicate_id"));
}

#[test]
fn a_file_that_is_not_a_member_list_is_explained() {
    let doc = branch_with_roster(&[]);
    let org = file(&org_list(1, BRANCH, 1, 1));
    let junk = Incoming {
        name: "说明.docx".into(),
        bytes: b"PK\x03\x04 word".to_vec(),
    };
    let p = plan(&doc, &[org, junk], &mut ids());
    let why: Vec<String> = p
        .items
        .iter()
        .map(|i| match &i.verdict {
            Verdict::Refused(why) => why.clone(),
            v => panic!("{v:?}"),
        })
        .collect();
    assert!(why[0].contains("党组织清单，不是党员清单"), "{}", why[0]);
    assert!(
        why[1].contains("不是清单文件"),
        "the importer's message: {}",
        why[1]
    );
}

#[test]
fn a_whole_gathering_is_one_step_that_undo_takes_back() {
    let mut doc = branch_with_roster(&["刘洋", "李娜"]);
    let before = doc.clone();
    let files = [
        file(&personal(1, "刘洋", BRANCH)),
        file(&personal(2, "周静", BRANCH)),
    ];
    let (_, outcome) = gather(&mut doc, &files, take_all);
    assert_eq!(names(&doc), ["刘洋", "李娜", "周静"]);
    let Outcome::Undoable(undo) = outcome else {
        panic!()
    };
    assert!(matches!(*undo, Undo::Gathering { .. }));
    apply(&mut doc, Action::Restore(undo)).unwrap();
    assert_eq!(doc, before);
}

#[test]
fn ids_taken_in_the_list_are_given_fresh_ones() {
    let mut doc = branch_with_roster(&[]);
    // Two lists made from the same template share every id.
    let a = personal(1, "刘洋", BRANCH);
    let mut b = personal(1, "周静", BRANCH);
    b.id = "0f8e8a64-0000-4000-8000-00000000000b".into();
    gather(&mut doc, &[file(&a), file(&b)], take_all);
    assert_eq!(names(&doc), ["刘洋", "周静"]);
    assert!(!validate(&doc, today()).has("duplicate_id"));
    assert!(doc.members[1].id.starts_with("fresh-"));
    // The origin keeps the member's id in its own list.
    assert_eq!(
        doc.members[1].origin.as_ref().unwrap().member,
        a.members[0].id
    );
}

#[test]
fn where_a_member_came_from_travels_in_the_file() {
    let mut doc = branch_with_roster(&[]);
    gather(&mut doc, &[file(&personal(1, "刘洋", BRANCH))], take_all);
    let out = export(&doc, false, now());
    let back = import(&out.bytes).unwrap().document;
    assert_eq!(back.members[0].origin, doc.members[0].origin);
    let value = to_value(&back);
    let origin = &value["members"][0]["origin"];
    for key in ["list", "member", "revision", "digest", "content"] {
        assert!(!origin[key].is_null(), "{key}");
    }
}

#[test]
fn a_roster_is_one_name_a_line_each_once() {
    let doc = branch_with_roster(&["刘洋"]);
    let (new, there) = roster_names(&doc, " 周静 \n\n刘洋\n王强\n周静\n");
    assert_eq!(new, ["周静", "王强"]);
    assert_eq!(there, ["刘洋"]);
    let mut doc = doc;
    let before = doc.members.len();
    apply(
        &mut doc,
        Action::AddRoster(vec![("x".into(), "刘洋".into()), ("y".into(), " ".into())]),
    )
    .unwrap();
    assert_eq!(
        doc.members.len(),
        before,
        "names already there and empty lines add nobody"
    );
}

#[test]
fn a_members_own_list_is_named_after_the_member() {
    let doc = personal(1, "刘洋", BRANCH);
    assert_eq!(
        file_name(&doc, true),
        "党员清单-中共××县公安局交警大队支部委员会-刘洋-20231015.json"
    );
    let branch = member_list(1, BRANCH, 3, 1, 1);
    assert_eq!(
        file_name(&branch, false),
        "党员清单-中共××县公安局交警大队支部委员会-20231015-草稿.json"
    );
}
