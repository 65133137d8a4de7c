//! 调度: two rounds of files from three branches a week apart, and every figure of the week, the silent branch,
//! the changes since the previous file, the 督办单's measures and the paragraph exactly.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, NaiveDate};
use rectify::domain::file::export::export;
use rectify::domain::list::model::{Closing, Deadline, Document, Extension, Status, Update};
use rectify::domain::office::branches::Unit;
use rectify::domain::office::consolidate::consolidate;
use rectify::domain::office::dispatch::{dispatch, supervision_number, Figures};
use rectify::domain::office::period::Period;
use rectify::domain::sample::org_list;

/// A file received: its name, and its bytes or why it could not be read.
type Received = (String, Result<Vec<u8>, String>);

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The file as exported at `when` (local time, +08:00).
fn file(doc: &Document, name: &str, when: &str) -> Received {
    let now = DateTime::parse_from_rfc3339(&format!("{when}T09:30:00+08:00")).unwrap();
    (name.to_string(), Ok(export(doc, true, now).bytes))
}

/// Every measure due by `date`, not started, no notes.
fn list(seed: u32, branch: &str, date: &str) -> Document {
    let mut doc = org_list(seed, branch, 2, 2);
    for m in doc.problems.iter_mut().flat_map(|p| p.measures.iter_mut()) {
        m.deadline = Deadline::ByDate { date: date.into() };
        m.status = Status::InProgress;
        m.updates.clear();
        m.closed = None;
        m.extension = None;
    }
    doc
}

/// The files of the week: 甲 hands in on 6-04 and again on 6-11 with a measure done, one closed, a note and an
/// extension asked; 乙 on 6-04 only, a measure due 6-10 left undone; 丙 for the first time on 6-11. With 乙's list.
fn two_rounds() -> (Vec<Received>, Document) {
    // 甲 hands in on 6-04 and again on 6-11 with a measure done, one closed, a note and an extension asked.
    let a1 = list(1, "甲党支部", "2024-06-30");
    // The second round is the first as exported, changed: its export raises the revision.
    let mut a2 = export(
        &a1,
        true,
        DateTime::parse_from_rfc3339("2024-06-04T09:30:00+08:00").unwrap(),
    )
    .document;
    {
        let m: Vec<_> = a2
            .problems
            .iter_mut()
            .flat_map(|p| p.measures.iter_mut())
            .collect();
        let [m0, m1, m2, _m3] = <[_; 4]>::try_from(m).ok().unwrap();
        m0.status = Status::Done;
        m1.status = Status::Done;
        m1.closed = Some(Closing {
            date: "2024-06-11".into(),
            by: "王书记".into(),
            opinion: "同意销号".into(),
        });
        m2.updates.push(Update {
            date: "2024-06-10".into(),
            text: "已召开专题会".into(),
        });
        m2.extension = Some(Extension {
            new_date: "2024-07-31".into(),
            reason: "需上级批复".into(),
            approved_by: "李局长".into(),
        });
        m2.status = Status::Extended;
    }
    // 乙 handed in on 6-04 only: a measure due 6-10 left undone becomes overdue this week; nothing reported.
    let mut b1 = list(2, "乙党支部", "2024-06-30");
    b1.problems[0].measures[0].deadline = Deadline::ByDate {
        date: "2024-06-10".into(),
    };
    // 丙 hands in for the first time on 6-11: a measure due on 6-15 is 临期, one already overdue since 6-01.
    let mut c1 = list(3, "丙党支部", "2024-06-30");
    c1.problems[1].measures[1].deadline = Deadline::ByDate {
        date: "2024-06-15".into(),
    };
    c1.problems[0].measures[0].deadline = Deadline::ByDate {
        date: "2024-05-31".into(),
    };

    let a2_file = file(&a2, "甲-第二次.json", "2024-06-11");
    let files = vec![
        file(&a1, "甲.json", "2024-06-04"),
        file(&b1, "乙.json", "2024-06-04"),
        a2_file,
        file(&c1, "丙.json", "2024-06-11"),
    ];
    (files, b1)
}

#[test]
fn a_week_of_two_rounds_of_files() {
    // Wednesday 2024-06-12; the week is 6-10 … 6-16.
    let today = day(2024, 6, 12);
    let week = Period::week_of(today);

    let (files, b1) = two_rounds();
    let c = consolidate(&files, today);
    let unit = Unit::of(&c, &[], &[]);
    let d = dispatch(&c, &unit, week, "本周", today);
    let of = |name: &str| d.branches.iter().find(|b| b.name == name).unwrap();

    let a = of("甲党支部");
    assert_eq!(a.lists[0].baseline, Some(1));
    assert!(a.new_file && !a.silent);
    assert_eq!(
        a.figures,
        Figures {
            closed: 1,
            completed: 2,
            newly_overdue: 0,
            extensions: 1,
            notes: 1,
            overdue: 0,
            due_soon: 0
        }
    );
    let changes: Vec<String> = a.lists[0]
        .changes
        .iter()
        .map(|c| format!("{}|{}|{}|{}", c.place, c.field, c.before, c.after))
        .collect();
    assert_eq!(
        changes,
        [
            "第1个问题第1项措施|整改状态|正在整改|已完成整改",
            "第1个问题第2项措施|整改状态|正在整改|已完成整改",
            "第1个问题第2项措施|销号||2024年6月11日 王书记：同意销号",
            "第2个问题第1项措施|整改状态|正在整改|申请延期",
            "第2个问题第1项措施|延期||延期至2024年7月31日（理由：需上级批复；批准人：李局长）",
            "第2个问题第1项措施|新增进展记录||2024年6月10日：已召开专题会",
        ]
    );
    assert_eq!(
        a.lists[0].summary(),
        "党组织清单：第2版与第1版相比，改动6处："
    );

    let b = of("乙党支部");
    assert!(b.silent, "no note, no file this week");
    assert_eq!(b.figures.newly_overdue, 1);
    assert_eq!(b.figures.overdue, 1);
    assert!(b.lists[0].changes.is_empty() && b.lists[0].new_files == 0);
    assert_eq!(b.lists[0].summary(), "党组织清单：本期没有报送新文件。");
    assert_eq!(b.pressing.len(), 1);
    assert_eq!(b.pressing[0].state(), "逾期2天");
    assert_eq!(b.pressing[0].deadline, "2024年6月10日前");
    assert_eq!(b.pressing[0].problem, b1.problems[0].description.trim());
    assert_eq!(b.pressing[0].list_label(), "党组织清单");

    let cc = of("丙党支部");
    assert!(cc.new_file && !cc.silent);
    assert_eq!(cc.figures.due_soon, 1);
    assert_eq!(cc.figures.overdue, 1);
    assert_eq!(cc.figures.newly_overdue, 0, "overdue since before the week");
    assert_eq!(cc.figures.completed, 0);
    let states: Vec<String> = cc.pressing.iter().map(|p| p.state()).collect();
    assert_eq!(
        states,
        ["逾期12天", "临期（2024年6月15日到期）"],
        "most overdue first"
    );

    assert_eq!(
        d.total,
        Figures {
            closed: 1,
            completed: 2,
            newly_overdue: 1,
            extensions: 1,
            notes: 1,
            overdue: 2,
            due_soon: 1
        }
    );
    assert_eq!(d.to_supervise().count(), 2);
    assert_eq!(
        d.paragraph(),
        "本周（2024年6月10日至2024年6月16日），全单位新销号1项，新完成2项，新增逾期1项，申请延期1项，新增进展记录1条。\
         截至2024年6月12日，逾期2项，临期1项（7日内到期）。1个党支部本期未报送进展：乙党支部。拟向2个党支部发督办单。"
    );

    // The week before: 甲 and 乙 handed in then, 丙 had not; nothing was closed or noted.
    let before = dispatch(&c, &unit, week.previous(), "上周", today);
    assert!(before
        .branches
        .iter()
        .all(|b| b.figures.closed == 0 && b.figures.notes == 0));
    assert!(
        !before
            .branches
            .iter()
            .find(|b| b.name == "乙党支部")
            .unwrap()
            .silent,
        "乙 handed in on 6-04"
    );
}

#[test]
fn a_branch_sees_its_own_week_and_its_ledger_marks_and_filters_what_is_due_soon() {
    use rectify::domain::ledger::{entries, Filter};
    use rectify::domain::office::dispatch::dispatch_list;
    let today = day(2024, 6, 12);
    let mut doc = list(4, "丁党支部", "2024-06-30");
    doc.problems[0].measures[1].deadline = Deadline::ByDate {
        date: "2024-06-18".into(),
    };
    doc.problems[1].measures[0].deadline = Deadline::ByDate {
        date: "2024-06-19".into(),
    };
    doc.problems[1].measures[1].updates.push(Update {
        date: "2024-06-11".into(),
        text: "已整改一半".into(),
    });
    let all = entries(&doc, today);
    let soon: Vec<&str> = all
        .iter()
        .filter(|e| e.due_soon)
        .map(|e| e.number.as_str())
        .collect();
    assert_eq!(soon, ["1-2"], "6-18 is the seventh day; 6-19 is not");
    let filter = Filter {
        due_soon_only: true,
        ..Filter::default()
    };
    assert_eq!(all.iter().filter(|e| filter.keeps(e)).count(), 1);

    let d = dispatch_list(&doc, Period::week_of(today), "本周", today);
    assert_eq!(d.branches.len(), 1);
    assert_eq!(
        d.total,
        Figures {
            notes: 1,
            due_soon: 1,
            ..Figures::default()
        }
    );
    assert!(!d.branches[0].silent, "a progress note this week");
}

#[test]
fn a_督办单_lists_the_most_overdue_first_then_the_soonest_due_by_date_not_by_text() {
    use rectify::domain::office::dispatch::dispatch_list;
    let today = day(2024, 6, 5);
    let mut doc = list(5, "戊党支部", "2024-06-30");
    let due = |doc: &mut Document, p: usize, m: usize, date: &str| {
        doc.problems[p].measures[m].deadline = Deadline::ByDate { date: date.into() };
    };
    due(&mut doc, 0, 0, "2024-06-10");
    due(&mut doc, 0, 1, "2024-06-09");
    due(&mut doc, 1, 0, "2024-06-01");
    due(&mut doc, 1, 1, "2024-05-20");
    let d = dispatch_list(&doc, Period::week_of(today), "本周", today);
    let states: Vec<String> = d.branches[0].pressing.iter().map(|p| p.state()).collect();
    assert_eq!(
        states,
        [
            "逾期16天",
            "逾期4天",
            "临期（2024年6月9日到期）",
            "临期（2024年6月10日到期）"
        ]
    );
}

#[test]
fn a_督办单_is_numbered_from_the_number_the_office_set_one_per_党支部() {
    assert_eq!(
        supervision_number(2026, 0, 0),
        "督〔2026〕第1号",
        "unset reads as 1"
    );
    assert_eq!(supervision_number(2026, 12, 0), "督〔2026〕第12号");
    assert_eq!(supervision_number(2026, 12, 2), "督〔2026〕第14号");
}

#[test]
fn a_督办单_number_is_never_given_twice_and_a_调度_printed_again_keeps_its_numbers() {
    use rectify::domain::office::dispatch::{next_number, period_key, supervision_numbers};
    use rectify::domain::office::summary_set::{Step, SummarySet};
    let today = day(2026, 12, 9);
    let overdue = |seed, name| list(seed, name, "2026-12-01");
    let files = vec![
        file(&overdue(1, "甲党支部"), "甲.json", "2026-11-20"),
        file(&overdue(2, "乙党支部"), "乙.json", "2026-11-20"),
    ];
    let c = consolidate(&files, today);
    let unit = Unit::of(&c, &[], &[]);
    let week = Period::week_of(today);
    let d = dispatch(&c, &unit, week, "本周", today);
    let mut set = SummarySet::empty();
    // The office sets the first number to 5 and prints: 第5号, 第6号, kept.
    set.apply(&Step::Issuer("办公室".into())).unwrap();
    set.apply(&Step::FirstNumber(5)).unwrap();
    let first = supervision_numbers(&d, &set.issued, set.next_number(2026));
    assert_eq!(first.iter().map(|n| n.number).collect::<Vec<_>>(), [5, 6]);
    set.apply(&Step::Issue(first.clone())).unwrap();
    // Printed again for the same week: the same numbers. The next 调度 (another week) goes on at 7.
    assert_eq!(
        supervision_numbers(&d, &set.issued, set.next_number(2026)),
        first
    );
    let next_week = Period::week_of(day(2026, 12, 16));
    let later = dispatch(&c, &unit, next_week, "本周", day(2026, 12, 16));
    let numbers = supervision_numbers(&later, &set.issued, set.next_number(2026));
    assert_eq!(numbers.iter().map(|n| n.number).collect::<Vec<_>>(), [7, 8]);
    assert_eq!(numbers[0].period, period_key(&next_week));
    // Kept as JSON and read back (a reload): the same.
    let again: SummarySet = serde_json::from_str(&serde_json::to_string(&set).unwrap()).unwrap();
    assert_eq!(again.next_number(2026), 7);
    // A number already given, or out of bounds, is refused with what to write.
    let refused = next_number("6", &set.issued, 2026).unwrap_err();
    assert!(
        refused.contains("已编到第6号") && refused.contains("请填7"),
        "{refused}"
    );
    assert!(next_number("4294967295", &set.issued, 2026).is_err());
    assert!(next_number("0", &set.issued, 2026).is_err());
    assert_eq!(next_number(" 9 ", &set.issued, 2026), Ok(9));
    assert_eq!(
        next_number("1", &set.issued, 2027),
        Ok(1),
        "a new year starts again"
    );
    // Two tabs printing at once: the second's numbers, taken on top of the first's, are said to clash.
    let mut other = SummarySet::empty();
    other.apply(&Step::Issue(numbers.clone())).unwrap();
    let mut clash = numbers.clone();
    clash[0].branch = "丙党支部".into();
    clash.truncate(1);
    assert!(other
        .apply(&Step::Issue(clash))
        .unwrap_err()
        .contains("第7号重号了"));
}

#[test]
fn the_issuer_and_the_first_number_are_kept_when_the_files_are_cleared() {
    let mut set = rectify::domain::office::summary_set::SummarySet::empty();
    set.issuer = "中共××县公安局委员会主题教育办公室".into();
    set.first_number = 7;
    let cleared = set.cleared(true);
    assert_eq!(
        (cleared.issuer.as_str(), cleared.first_number),
        (set.issuer.as_str(), 7)
    );
    let old: rectify::domain::office::summary_set::SummarySet =
        serde_json::from_str(r#"{"storage":1,"files":[]}"#).unwrap();
    assert_eq!(
        (old.issuer.as_str(), old.first_number),
        ("", 0),
        "a set kept before reads"
    );
}
