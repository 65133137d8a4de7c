//! The editor's state machine (`domain::editor`), natively: what a user notices, by sending it the events a page
//! sends and reading the effects the shell would carry out.
#![cfg(not(target_arch = "wasm32"))]

use rectify::domain::editor::autosave::{MAX_WAIT_MS, QUIET_MS};
use rectify::domain::editor::drafts::{Draft, WRITTEN_ELSEWHERE};
use rectify::domain::editor::{update, Effect, Event, Model, Now, NO_BACKUP};
use rectify::domain::list::edit::{Action, HeaderField, MeasureField, Outcome, Pasted};
use rectify::domain::list::gather::{plan, Incoming};
use rectify::domain::list::model::{Document, Kind};
use rectify::domain::sample::{member_list, org_list};

fn at(millis: u64) -> Now {
    // 2024-06-01 09:30:00 in China, and `millis` after it.
    let start = chrono::DateTime::parse_from_rfc3339("2024-06-01T09:30:00+08:00").unwrap();
    Now::of(start + chrono::Duration::milliseconds(millis as i64))
}

fn open(doc: Document) -> Model {
    Model::open(
        Draft {
            document: doc,
            saved_at: String::new(),
            personal: false,
        },
        at(0).today(),
        None,
    )
}

fn saves(effects: &[Effect]) -> usize {
    effects
        .iter()
        .filter(|e| matches!(e, Effect::Save(..) | Effect::RequestIdle))
        .count()
}

fn findings_at<'a>(
    effects: &'a [Effect],
    path: &str,
) -> Option<&'a Vec<rectify::domain::list::findings::Finding>> {
    effects.iter().find_map(|e| match e {
        Effect::Findings(p, f) if p == path => Some(f),
        _ => None,
    })
}

/// Sends a typed key at `millis` into the org list's first measure's 措施内容.
fn type_key(m: &mut Model, millis: u64, text: &str) -> Vec<Effect> {
    let id = m.doc.problems[0].measures[0].id.clone();
    update(
        m,
        Event::Edit(Action::SetMeasure(id, MeasureField::Content, text.into())),
        &at(millis),
    )
}

#[test]
fn a_fields_findings_appear_when_it_is_left_not_while_it_is_typed() {
    let mut m = open(org_list(1, "交警大队党支部", 1, 1));
    let path = "header.filed_by";
    update(&mut m, Event::Watch(path.into()), &at(0));
    let typed = update(
        &mut m,
        Event::Edit(Action::SetHeader(HeaderField::FiledBy, String::new())),
        &at(10),
    );
    assert!(
        findings_at(&typed, path).is_none(),
        "typing shows nothing yet"
    );
    assert!(m.shown_at(path).is_empty());
    let left = update(&mut m, Event::Leave(path.into()), &at(20));
    let shown = findings_at(&left, path).expect("the field is told");
    assert_eq!(shown[0].rule, "filed_by_required");
    // Filled in again, it is told it is fine.
    update(
        &mut m,
        Event::Edit(Action::SetHeader(HeaderField::FiledBy, "陈晓燕".into())),
        &at(30),
    );
    let fixed = update(&mut m, Event::Leave(path.into()), &at(40));
    assert_eq!(findings_at(&fixed, path), Some(&Vec::new()));
}

#[test]
fn 检查_shows_every_fields_findings_and_the_status_counts_them() {
    let mut doc = org_list(1, "交警大队党支部", 2, 1);
    doc.header.filed_by.clear();
    doc.problems[1].description.clear();
    let mut m = open(doc);
    let paths = [
        "header.filed_by".to_string(),
        format!("{}.description", m.doc.problems[1].id),
    ];
    for p in &paths {
        update(&mut m, Event::Watch(p.clone()), &at(0));
    }
    assert_eq!(m.status.errors, 2);
    let checked = update(&mut m, Event::CheckAll, &at(5));
    for p in &paths {
        assert_eq!(findings_at(&checked, p).map(Vec::len), Some(1), "{p}");
    }
    assert!(m.checked_all);
    // Pressed again on step 3 itself, where nothing navigates: 检查结果 is redrawn with what was typed since.
    type_key(&mut m, 10, "张三");
    let again = update(&mut m, Event::CheckAll, &at(20));
    assert!(again.contains(&Effect::Reshaped));
    assert_eq!(m.report.error_count(), 2);
    assert!(m.report.has("content_short"), "the typed text is checked");
}

#[test]
fn a_removal_is_undone_and_a_gathering_is_undone_only_until_the_next_edit() {
    let mut m = open(org_list(1, "交警大队党支部", 2, 2));
    let before = m.doc.clone();
    let problem = m.doc.problems[1].id.clone();
    let removed = update(&mut m, Event::Edit(Action::Remove(problem)), &at(0));
    assert!(removed.contains(&Effect::Reshaped));
    assert!(m.undo.is_some());
    // Another field typed meanwhile: a removal's 撤销 puts back only what was removed.
    type_key(&mut m, 10, "新的措施内容");
    update(&mut m, Event::Undo, &at(20));
    assert_eq!(m.doc.problems.len(), 2);
    assert_eq!(m.doc.problems[1], before.problems[1]);
    assert_eq!(m.doc.problems[0].measures[0].content, "新的措施内容");

    // A gathering's 撤销 is withdrawn by the next edit, which it would take back.
    let mut m = open(member_list(2, "交警大队党支部", 2, 1, 1));
    let own = rectify::domain::file::export::export(
        &member_list(3, "交警大队党支部", 1, 1, 1),
        true,
        chrono::DateTime::parse_from_rfc3339("2024-06-01T09:30:00+08:00").unwrap(),
    );
    let mut fresh = 0;
    let p = plan(
        &m.doc,
        &[Incoming {
            name: own.file_name,
            bytes: own.bytes,
        }],
        &[],
        &mut || {
            fresh += 1;
            format!("fresh-{fresh}")
        },
    );
    let gathered = update(&mut m, Event::Edit(Action::Gather(Box::new(p))), &at(100));
    assert_eq!(
        saves(&gathered),
        1,
        "a gathering is saved at once, not after the pause"
    );
    assert!(m.undo.is_some());
    let member = m.doc.members[0].id.clone();
    let typed = update(
        &mut m,
        Event::Edit(Action::SetMember(
            member,
            rectify::domain::list::edit::MemberField::Position,
            "所长".into(),
        )),
        &at(200),
    );
    assert!(m.undo.is_none(), "撤销 withdrawn");
    assert!(
        typed.contains(&Effect::Reshaped),
        "the page hears that 撤销 is gone"
    );
    assert_eq!(m.doc.members.len(), 3);
}

#[test]
fn a_paste_is_saved_at_once_and_undone_only_until_the_next_edit() {
    let mut m = open(org_list(1, "交警大队党支部", 1, 1));
    let before = m.doc.clone();
    let rows = org_list(2, "别的支部", 3, 2);
    let pasted = Pasted {
        problems: rows.problems.clone(),
        members: Vec::new(),
    };
    let paste = |pasted: &Pasted| {
        Event::Edit(Action::Paste {
            pasted: Box::new(pasted.clone()),
            into: None,
        })
    };
    let effects = update(&mut m, paste(&pasted), &at(100));
    assert_eq!(
        saves(&effects),
        1,
        "a paste is saved at once, not after the pause"
    );
    assert_eq!(m.doc.problems.len(), 4);
    update(&mut m, Event::Undo, &at(150));
    assert_eq!(m.doc, before, "撤销 takes the whole paste back");

    update(&mut m, paste(&pasted), &at(200));
    let typed = type_key(&mut m, 300, "粘贴后改的措施");
    assert!(
        m.undo.is_none(),
        "撤销 withdrawn: it would take the typing back too"
    );
    assert!(
        typed.contains(&Effect::Reshaped),
        "the page hears that 撤销 is gone"
    );
    assert_eq!(m.doc.problems.len(), 4);
}

#[test]
fn typing_is_saved_after_a_pause_and_never_later_than_the_bound_however_steady() {
    let mut m = open(org_list(1, "交警大队党支部", 1, 1));
    // One key: a save asked for after the quiet time.
    let first = type_key(&mut m, 1_000, "甲");
    assert_eq!(first, [Effect::SaveIn(QUIET_MS)]);
    assert!(m.pending());
    // The timer fires: the save is due.
    let fired = update(&mut m, Event::Tick, &at(1_000 + QUIET_MS));
    assert_eq!(saves(&fired), 1);
    assert!(!m.pending());
    // The browser's idle moment comes: the autosave is made into text.
    update(&mut m, Event::Idle, &at(1_000 + QUIET_MS + 20));

    // Steady typing, a key every 100 ms for 3 s: saved at least every MAX_WAIT_MS, and the timer is not re-armed
    // on every key.
    let mut saved_at = Vec::new();
    let mut timer: Option<u64> = None;
    let mut armed = 0;
    let start = 10_000;
    for t in (start..start + 3_000).step_by(10) {
        if timer == Some(t) {
            timer = None;
            for e in update(&mut m, Event::Tick, &at(t)) {
                match e {
                    // Typing's autosave waits for an idle moment between keys; nothing else does. The browser
                    // gives one at once here, and the text is written in the task after.
                    Effect::RequestIdle => {
                        saved_at.push(t);
                        let made = update(&mut m, Event::Idle, &at(t));
                        let [Effect::Encode(_, n)] = &made[..] else {
                            panic!("{made:?}")
                        };
                        let written = update(&mut m, Event::Encoded(*n), &at(t));
                        assert_eq!(written, [Effect::WriteEncoded(*n, None)]);
                    }
                    Effect::Save(..) => {
                        panic!("typing's autosave is written when the browser is idle")
                    }
                    Effect::SaveIn(ms) => timer = Some(t + ms),
                    _ => {}
                }
            }
        }
        if (t - start) % 100 == 0 {
            for e in type_key(&mut m, t, &format!("键{t}")) {
                if let Effect::SaveIn(ms) = e {
                    timer = Some(t + ms);
                    armed += 1;
                }
            }
        }
    }
    assert!(saved_at.len() >= 3, "{saved_at:?}");
    let gaps: Vec<u64> = saved_at.windows(2).map(|w| w[1] - w[0]).collect();
    assert!(
        saved_at[0] - start <= MAX_WAIT_MS && gaps.iter().all(|g| *g <= MAX_WAIT_MS + 100),
        "{saved_at:?}"
    );
    assert!(
        armed <= saved_at.len() + 1,
        "the timer is armed once per save, not per key ({armed})"
    );
}

#[test]
fn typing_is_saved_in_an_idle_moment_while_leaving_and_exporting_save_at_once() {
    let mut m = open(org_list(1, "交警大队党支部", 1, 1));
    type_key(&mut m, 1_000, "甲");
    let fired = update(&mut m, Event::Tick, &at(1_000 + QUIET_MS));
    assert_eq!(fired, [Effect::RequestIdle]);
    let made = update(&mut m, Event::Idle, &at(1_000 + QUIET_MS + 20));
    assert!(
        matches!(&made[..], [Effect::Encode(d, 1)] if d.document.problems[0].measures[0].content == "甲"),
        "{made:?}"
    );
    assert_eq!(
        update(&mut m, Event::Encoded(1), &at(1_000 + QUIET_MS + 21)),
        [Effect::WriteEncoded(1, None)]
    );
    type_key(&mut m, 2_000, "甲乙");
    let now = update(&mut m, Event::SaveNow, &at(2_010));
    assert!(
        matches!(&now[..], [Effect::Save(d, _)] if d.document.problems[0].measures[0].content == "甲乙"),
        "{now:?}"
    );
    type_key(&mut m, 3_000, "甲乙丙");
    let hidden = update(&mut m, Event::Flush, &at(3_010));
    assert!(matches!(&hidden[..], [Effect::Save(..)]), "{hidden:?}");
}

/// The content of the draft an effect writes or makes into text.
fn content(effect: &Effect) -> &str {
    match effect {
        Effect::Save(d, _) | Effect::Encode(d, _) => &d.document.problems[0].measures[0].content,
        other => panic!("not a draft: {other:?}"),
    }
}

#[test]
fn an_autosave_goes_in_two_halves_and_the_newest_copy_is_always_the_one_written() {
    let mut m = open(org_list(1, "交警大队党支部", 1, 1));
    let due = |m: &mut Model, t: u64, text: &str| {
        type_key(m, t, text);
        update(m, Event::Tick, &at(t + QUIET_MS))
    };
    // One idle moment is asked for, however many autosaves come before it; it makes the newest into text.
    assert_eq!(due(&mut m, 0, "甲"), [Effect::RequestIdle]);
    assert_eq!(due(&mut m, 1_000, "甲乙"), []);
    let made = update(&mut m, Event::Idle, &at(1_400));
    assert_eq!((made.len(), content(&made[0])), (1, "甲乙"));
    // A newer autosave between the halves: the older text is never written; the newer waits for its moment.
    assert_eq!(due(&mut m, 2_000, "甲乙丙"), [Effect::RequestIdle]);
    assert_eq!(update(&mut m, Event::Encoded(1), &at(2_400)), []);
    let made = update(&mut m, Event::Idle, &at(2_450));
    assert!(matches!(&made[..], [Effect::Encode(_, 2)]) && content(&made[0]) == "甲乙丙");
    // The page hidden between the halves: the text made is written at once, and the task after writes nothing.
    assert_eq!(
        update(&mut m, Event::Flush, &at(2_460)),
        [Effect::WriteEncoded(2, None)]
    );
    assert_eq!(update(&mut m, Event::Encoded(2), &at(2_470)), []);
    // Hidden before the idle moment: the draft waiting is written as it is; the idle moment then makes nothing.
    due(&mut m, 3_000, "丁");
    let hidden = update(&mut m, Event::Flush, &at(3_400));
    assert!(matches!(&hidden[..], [Effect::Save(..)]) && content(&hidden[0]) == "丁");
    assert_eq!(update(&mut m, Event::Idle, &at(3_410)), []);
    // A change typed after the autosave: the flush writes the newer draft, which holds both.
    due(&mut m, 4_000, "戊");
    type_key(&mut m, 4_350, "戊己");
    let hidden = update(&mut m, Event::Flush, &at(4_360));
    assert!(matches!(&hidden[..], [Effect::Save(..)]) && content(&hidden[0]) == "戊己");
    assert_eq!(update(&mut m, Event::Idle, &at(4_370)), []);
    // 保存 (SaveNow) between the halves writes at once; the text made for the autosave is not written after it.
    due(&mut m, 5_000, "庚");
    let made = update(&mut m, Event::Idle, &at(5_400));
    let [Effect::Encode(_, n)] = &made[..] else {
        panic!("{made:?}")
    };
    let now = update(&mut m, Event::SaveNow, &at(5_410));
    assert!(matches!(&now[..], [Effect::Save(..)]));
    assert_eq!(update(&mut m, Event::Encoded(*n), &at(5_420)), []);
    // Another tab replaced the stored draft: what waited here is dropped, before or after it was made.
    due(&mut m, 6_000, "辛");
    update(&mut m, Event::DiscardPending, &at(6_400));
    assert_eq!(update(&mut m, Event::Idle, &at(6_410)), []);
    due(&mut m, 7_000, "壬");
    let made = update(&mut m, Event::Idle, &at(7_400));
    let [Effect::Encode(_, n)] = &made[..] else {
        panic!("{made:?}")
    };
    update(&mut m, Event::DiscardPending, &at(7_410));
    assert_eq!(update(&mut m, Event::Encoded(*n), &at(7_420)), []);
    assert_eq!(update(&mut m, Event::Flush, &at(7_430)), []);
}

#[test]
fn every_save_expects_the_stored_copy_this_tab_last_read_or_wrote() {
    let opened_at = "2024-06-01T09:00:00.000+08:00".to_string();
    let mut m = Model::open(
        Draft {
            document: org_list(1, "交警大队党支部", 1, 1),
            saved_at: opened_at.clone(),
            personal: false,
        },
        at(0).today(),
        Some(opened_at.clone()),
    );
    let expected = |effects: &[Effect]| match effects {
        [Effect::Save(_, expected)] => expected.clone(),
        other => panic!("{other:?}"),
    };
    type_key(&mut m, 0, "甲");
    assert_eq!(
        expected(&update(&mut m, Event::SaveNow, &at(10))),
        Some(opened_at.clone())
    );
    // Another tab imported a file over the draft: the save is refused by the shell, and the next still expects
    // the copy this tab saw, so it is refused too until that tab's import reaches this one.
    update(&mut m, Event::Saved(Err(WRITTEN_ELSEWHERE.into())), &at(11));
    type_key(&mut m, 20, "甲乙");
    assert_eq!(
        expected(&update(&mut m, Event::SaveNow, &at(30))),
        Some(opened_at)
    );
    // Written: the next save expects this tab's own copy.
    update(&mut m, Event::Saved(Ok(())), &at(31));
    type_key(&mut m, 40, "甲乙丙");
    let written_at = m.status.saved_at.clone();
    assert!(!written_at.is_empty());
    assert_eq!(
        expected(&update(&mut m, Event::SaveNow, &at(50))),
        Some(written_at)
    );
}

#[test]
fn a_failed_save_keeps_warning_until_one_succeeds_and_a_refused_backup_is_said() {
    let mut m = open(org_list(1, "交警大队党支部", 1, 1));
    type_key(&mut m, 0, "甲");
    update(&mut m, Event::SaveNow, &at(10));
    let failed = update(
        &mut m,
        Event::Saved(Err("浏览器的存储空间已满".into())),
        &at(11),
    );
    assert!(
        matches!(&failed[..], [Effect::Status(s)] if s.save_error.as_deref() == Some("浏览器的存储空间已满"))
    );
    assert_eq!(
        m.doc.problems[0].measures[0].content, "甲",
        "what was typed stays"
    );
    type_key(&mut m, 20, "甲乙");
    update(&mut m, Event::Tick, &at(20 + QUIET_MS));
    assert!(
        m.status.save_error.is_some(),
        "still warned while no save succeeded"
    );
    update(&mut m, Event::Saved(Ok(())), &at(400));
    assert_eq!(m.status.save_error, None);
    assert_eq!(m.status.saved_at, at(20 + QUIET_MS).stamp());
    update(&mut m, Event::BackedUp(false), &at(401));
    assert_eq!(m.status.backup_error.as_deref(), Some(NO_BACKUP));
    update(&mut m, Event::BackedUp(true), &at(402));
    assert_eq!(m.status.backup_error, None);
}

#[test]
fn read_only_while_another_tab_edits_and_editing_again_after_taking_over() {
    let mut m = open(org_list(1, "交警大队党支部", 1, 1));
    update(&mut m, Event::ReadOnly(true), &at(0));
    let effects = type_key(&mut m, 10, "在只读窗口里打的字");
    assert!(effects.is_empty());
    assert_eq!(m.last, Ok(Outcome::Unchanged));
    assert_ne!(m.doc.problems[0].measures[0].content, "在只读窗口里打的字");
    assert!(!m.pending());
    // Taken over: this tab edits again.
    update(&mut m, Event::ReadOnly(false), &at(20));
    type_key(&mut m, 30, "接着编辑");
    assert_eq!(m.doc.problems[0].measures[0].content, "接着编辑");
    assert!(m.pending());
    // The draft replaced from another tab: nothing waiting here is written over it.
    update(&mut m, Event::DiscardPending, &at(40));
    assert_eq!(update(&mut m, Event::Tick, &at(40 + QUIET_MS)), []);
}

#[test]
fn an_export_saves_the_sealed_document_and_resets_the_reminder() {
    let mut m = open(org_list(1, "交警大队党支部", 1, 1));
    for i in 0..3 {
        type_key(&mut m, i * 1000, &format!("第{i}次"));
        update(&mut m, Event::SaveNow, &at(i * 1000 + 1));
        update(&mut m, Event::Saved(Ok(())), &at(i * 1000 + 2));
    }
    assert_eq!(m.status.unexported, 3);
    let mut sealed = m.doc.clone();
    sealed.revision = 2;
    let effects = update(&mut m, Event::Exported(Box::new(sealed)), &at(5000));
    assert!(matches!(&effects[0], Effect::Save(d, _) if d.document.revision == 2));
    update(&mut m, Event::Saved(Ok(())), &at(5001));
    assert_eq!(
        m.status.unexported, 0,
        "the export's own save is not a save to remind about"
    );
}

#[test]
fn a_ledger_step_against_the_rules_is_refused_and_changes_nothing() {
    let mut m = open(org_list(1, "交警大队党支部", 1, 1));
    let before = m.doc.clone();
    let measure = m.doc.problems[0].measures[0].id.clone();
    let effects = update(
        &mut m,
        Event::Step(Action::SetClosing {
            measure,
            closing: Some(rectify::domain::list::model::Closing {
                date: "2024-05-01".into(),
                by: String::new(),
                opinion: String::new(),
            }),
            today: at(0).today(),
        }),
        &at(0),
    );
    assert!(m.last.is_err());
    assert!(effects.is_empty());
    assert_eq!(m.doc, before);
    assert!(Kind::Org == m.doc.kind);
}

#[test]
fn on_a_members_own_list_an_empty_name_is_said_once_at_填报人() {
    // The member types the name once, as 填报人; it is also the member's 姓名, which the page does not show.
    let mut m = Model::open(
        Draft {
            document: member_list(1, "交警大队党支部", 1, 1, 1),
            saved_at: String::new(),
            personal: true,
        },
        at(0).today(),
        None,
    );
    let member = m.doc.members[0].id.clone();
    let named_once = |m: &Model| {
        let paths: Vec<&str> = m.report.errors().map(|f| f.path.as_str()).collect();
        paths.contains(&"header.filed_by") && !paths.contains(&format!("{member}.name").as_str())
    };
    m.doc.header.filed_by.clear();
    m.doc.members[0].name.clear();
    let opened = Model::open(
        Draft {
            document: m.doc.clone(),
            saved_at: String::new(),
            personal: true,
        },
        at(0).today(),
        None,
    );
    assert!(
        named_once(&opened),
        "counted once from the start (the status line's 错误 too)"
    );
    assert_eq!(opened.status.errors, opened.report.errors().count());
    update(
        &mut m,
        Event::Edit(Action::SetHeader(HeaderField::FiledBy, String::new())),
        &at(10),
    );
    update(&mut m, Event::CheckAll, &at(20));
    assert_eq!(m.doc.members[0].name, "", "the name followed 填报人");
    assert!(named_once(&m), "said once after the edit and 检查");
}

#[test]
fn pasted_rows_that_would_make_a_list_too_large_to_hand_in_change_nothing_and_say_why() {
    let mut m = open(org_list(1, "交警大队党支部", 2, 1));
    let before = m.doc.clone();
    let mut rows = org_list(2, "交警大队党支部", 1, 1).problems;
    rows[0].description = "整篇材料贴进了一格。".repeat(1_200_000);
    let effects = update(
        &mut m,
        Event::Edit(Action::Paste {
            pasted: Box::new(Pasted {
                problems: rows,
                members: Vec::new(),
            }),
            into: None,
        }),
        &at(100),
    );
    assert_eq!(m.doc, before, "nothing added");
    assert_eq!(saves(&effects), 0, "nothing to save");
    let said = m.status.refused.clone().expect("the status line says why");
    assert!(said.contains("超过本程序能读入的 10 MB"), "{said}");
    assert!(m.last.is_err());
    type_key(&mut m, 200, "接着改别的");
    assert_eq!(m.status.refused, None, "said until the next edit");
}
