//! 收集: the rules of gathering members' own lists into the branch's member list.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{now, today};
use rectify::domain::file::export::{export, file_name, to_value};
use rectify::domain::file::import::import;
use rectify::domain::list::edit::{apply, Action, Outcome, Undo};
use rectify::domain::list::gather::{
    plan, roster_names, Choice, Concern, Incoming, Plan, Target, Verdict,
};
use rectify::domain::list::model::{Document, Kind};
use rectify::domain::list::validate::validate;
use rectify::domain::sample::{member_list, org_list};

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

/// Plans, answers as `answers` says of the plan shown, plans again with the answers (as 确认收集 does, against
/// the list as it is then) and applies that.
fn gather(
    doc: &mut Document,
    files: &[Incoming],
    answers: impl Fn(&Plan) -> Vec<Choice>,
) -> (Plan, Outcome) {
    let shown = plan(doc, files, &[], &mut ids());
    let answers = answers(&shown);
    let p = plan(doc, files, &answers, &mut ids());
    let outcome = apply(doc, Action::Gather(Box::new(p.clone()))).unwrap();
    (p, outcome)
}

fn take_all(p: &Plan) -> Vec<Choice> {
    vec![Choice::Take; p.items.len()]
}

fn names(doc: &Document) -> Vec<&str> {
    doc.members.iter().map(|m| m.name.as_str()).collect()
}

/// What each planned member asks about (every item must be a proposal).
fn concerns_of(p: &Plan) -> Vec<&Vec<Concern>> {
    (p.items.iter())
        .map(|i| match &i.verdict {
            Verdict::Proposed { concerns, .. } => concerns,
            v => panic!("{v:?}"),
        })
        .collect()
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
    let p = plan(&doc, &[file(&v2)], &[], &mut ids());
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
    assert!(!plan(&doc, &[file(&v3)], &[], &mut ids()).items[0].asks());
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
    let p = plan(&doc, &files, &[], &mut ids());
    let concerns = concerns_of(&p);
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
    let p = plan(&doc, &[org, junk], &[], &mut ids());
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

/// Issue 25, 4: "刘 洋" and "王　强" (an inner ASCII or full-width space) are the roster's 刘洋 and 王强.
#[test]
fn names_with_a_space_inside_fill_the_roster_and_are_not_added_twice() {
    let mut doc = branch_with_roster(&["刘洋", "王强", "李娜"]);
    let files = [
        file(&personal(1, "刘 洋", BRANCH)),
        file(&personal(2, "王\u{3000}强", BRANCH)),
    ];
    let (p, _) = gather(&mut doc, &files, take_all);
    assert!(p.items.iter().all(|i| !i.asks()));
    assert!(p.items.iter().all(|i| matches!(
        i.verdict,
        Verdict::Proposed {
            target: Target::Fill(_),
            ..
        }
    )));
    assert_eq!(doc.members.len(), 3, "nobody added twice");
    assert!(
        doc.members[..2].iter().all(|m| !m.problems.is_empty()),
        "王强 and 刘洋 handed in"
    );
    let (new, there) = roster_names(&doc, "李 娜\n张　伟\n张伟");
    assert_eq!(
        (new, there),
        (vec!["张　伟".to_string()], vec!["李 娜".to_string()])
    );
}

/// Issue 25, 5: a file built on 周静's file (her list's id and member id, revision 2) with the name 孙丽 does not
/// silently replace her: it asks, and by default gathers nothing.
#[test]
fn a_file_built_on_a_colleagues_file_asks_before_replacing_the_colleague() {
    let mut doc = branch_with_roster(&[]);
    let zhou = personal(1, "周静", BRANCH);
    gather(&mut doc, &[file(&zhou)], take_all);
    let mut sun = import(&file(&zhou).bytes).unwrap().document;
    sun.members[0].name = "孙丽".into();
    sun.header.filed_by = "孙丽".into();
    let sun = import(&export(&sun, true, now()).bytes).unwrap().document;
    assert_eq!((sun.id.as_str(), sun.revision), (zhou.id.as_str(), 2));

    let shown = plan(&doc, &[file(&sun)], &[], &mut ids());
    let item = &shown.items[0];
    assert!(item.asks());
    assert!(
        item.question().contains("替换会让周静从名单中消失"),
        "{}",
        item.question()
    );
    let choices: Vec<Choice> = item.choices().into_iter().map(|(c, _)| c).collect();
    assert_eq!(choices, [Choice::Skip, Choice::AddAsNew, Choice::Take]);
    assert_eq!(shown.members, doc.members, "by default nothing changes");

    let mut as_new = doc.clone();
    gather(&mut as_new, &[file(&sun)], |_| vec![Choice::AddAsNew]);
    assert_eq!(names(&as_new), ["周静", "孙丽"]);
    assert!(!validate(&as_new, today()).has("duplicate_id"));
    let mut replaced = doc.clone();
    gather(&mut replaced, &[file(&sun)], |_| vec![Choice::Take]);
    assert_eq!(names(&replaced), ["孙丽"], "only when the user says so");
}

/// Issue 25, 6: a member whose ids were renamed when gathered (a list made from a shared template) is not said
/// to be changed by the branch when the next revision of the same file comes, though nothing was edited.
#[test]
fn a_member_whose_ids_were_renamed_is_not_taken_for_one_the_branch_changed() {
    let mut doc = branch_with_roster(&[]);
    let a = personal(1, "刘洋", BRANCH);
    let mut b = personal(1, "周静", BRANCH);
    b.id = "0f8e8a64-0000-4000-8000-00000000000b".into();
    gather(&mut doc, &[file(&a), file(&b)], take_all);
    assert!(
        doc.members[1].id.starts_with("fresh-"),
        "周静's ids were taken"
    );
    let b2 = revised(&b, "周静本人修改后的第一个问题，写得更具体。");
    let p = plan(&doc, &[file(&b2)], &[], &mut ids());
    assert!(!p.items[0].asks(), "{:?}", p.items[0].verdict);
    assert!(matches!(
        p.items[0].verdict,
        Verdict::Proposed {
            target: Target::Replace(_),
            ..
        }
    ));
}

/// Issue 25, 6: skipping an item re-plans the items after it in the same batch.
#[test]
fn skipping_an_earlier_item_re_plans_the_later_ones() {
    let mut doc = branch_with_roster(&[]);
    gather(&mut doc, &[file(&personal(9, "刘洋", BRANCH))], take_all);
    // Another 刘洋's list, twice in the batch: revision 1 and revision 2.
    let v1 = personal(1, "刘洋", BRANCH);
    let v2 = revised(&v1, "另一位刘洋修改后的问题表现，写得更具体了一些。");
    let files = [file(&v1), file(&v2)];
    let taken = plan(&doc, &files, &[], &mut ids());
    assert!(matches!(
        taken.items[1].verdict,
        Verdict::Proposed {
            target: Target::Replace(_),
            ..
        }
    ));
    // The first is skipped: the second no longer replaces it, it is a new member of the same name, and asks.
    let skipped = plan(&doc, &files, &[Choice::Skip], &mut ids());
    let Verdict::Proposed {
        target, concerns, ..
    } = &skipped.items[1].verdict
    else {
        panic!()
    };
    assert_eq!(target, &Target::Add);
    assert!(matches!(concerns[..], [Concern::SameName { .. }]));
    assert_eq!(skipped.tally.skipped, 1);
}

#[test]
fn a_members_list_of_another_campaign_is_asked_about() {
    let mut doc = branch_with_roster(&[]);
    rectify::domain::list::campaign::choose(
        &mut doc,
        rectify::domain::list::campaign::preset("discipline_2024")
            .unwrap()
            .campaign(),
    );
    // A member's phone still on the 2023 主题教育, and one that chose the branch's 活动.
    let stale = personal(1, "刘洋", BRANCH);
    let mut current = personal(2, "周静", BRANCH);
    current.header.campaign = doc.header.campaign.clone();
    let p = plan(&doc, &[file(&stale), file(&current)], &[], &mut ids());
    let concerns = concerns_of(&p);
    assert_eq!(
        concerns[0],
        &vec![Concern::OtherCampaign {
            theirs: "学习贯彻习近平新时代中国特色社会主义思想主题教育".into(),
            ours: "党纪学习教育".into()
        }]
    );
    assert!(p.items[0]
        .question()
        .contains("本支部的党员清单属于“党纪学习教育”"));
    assert!(
        concerns[1].is_empty(),
        "the branch's own 活动: nothing to ask"
    );
}
