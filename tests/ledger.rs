//! 整改台账: overdue, extension, closing, the figures and the report, and the CSV, by the rules of format.md.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::NaiveDate;
use common::fixture;
use rectify::domain::file::import::import;
use rectify::domain::ledger::*;
use rectify::domain::list::edit::{apply, Action, Outcome, Refused};
use rectify::domain::list::model::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn org() -> Document {
    import(&fixture("org-complete.json")).unwrap().document
}

fn measure_due(date: &str, status: Status) -> Measure {
    let mut m = Measure::new("m".into(), Kind::Org);
    m.deadline = Deadline::ByDate { date: date.into() };
    m.status = status;
    m
}

#[test]
fn overdue_starts_the_day_after_the_deadline() {
    let m = measure_due("2023-12-31", Status::InProgress);
    assert!(!is_overdue(&m, day(2023, 12, 30)), "the day before");
    assert!(!is_overdue(&m, day(2023, 12, 31)), "the day of");
    assert!(is_overdue(&m, day(2024, 1, 1)), "the day after");
}

#[test]
fn finished_or_closed_measures_are_never_overdue() {
    for status in [Status::Done, Status::PhasedLongTerm] {
        assert!(!is_overdue(
            &measure_due("2023-12-31", status),
            day(2024, 6, 1)
        ));
    }
    let mut m = measure_due("2023-12-31", Status::NotDone);
    assert!(is_overdue(&m, day(2024, 6, 1)));
    m.closed = Some(Closing {
        date: "2024-01-05".into(),
        by: "县局".into(),
        opinion: String::new(),
    });
    assert!(!is_overdue(&m, day(2024, 6, 1)));
}

#[test]
fn long_term_and_immediate_measures_have_no_due_date() {
    let mut m = measure_due("2023-12-31", Status::NotStarted);
    m.deadline = Deadline::LongTerm;
    assert!(!is_overdue(&m, day(2030, 1, 1)));
    m.deadline = Deadline::Immediate { date: None };
    assert!(!is_overdue(&m, day(2030, 1, 1)));
}

#[test]
fn an_extension_moves_the_due_date() {
    let mut m = measure_due("2023-12-31", Status::Extended);
    m.extension = Some(Extension {
        new_date: "2024-03-31".into(),
        reason: "资金".into(),
        approved_by: "张局长".into(),
    });
    assert!(!is_overdue(&m, day(2024, 3, 31)));
    assert!(is_overdue(&m, day(2024, 4, 1)));
}

#[test]
fn entries_are_numbered_by_problem_and_measure() {
    let doc = org();
    let e = entries(&doc, day(2024, 1, 1));
    let numbers: Vec<&str> = e.iter().map(|e| e.number.as_str()).collect();
    assert_eq!(
        numbers,
        vec!["1-1", "1-2", "2-1", "2-2", "3-1", "4-1", "5-1"]
    );
    assert_eq!(e[0].deadline, "2023年12月31日前");
    assert!(
        e[0].overdue,
        "not started and past its deadline on 2024-01-01"
    );
    assert!(!e[5].overdue && e[5].closed);
    assert_eq!(
        e[5].latest,
        "10月完成两期轮训共86人次，11月回访不满意人次降至3人次，考核细则已印发执行。"
    );
}

#[test]
fn member_lists_count_problems_through_the_whole_list() {
    let doc = import(&fixture("member-complete.json")).unwrap().document;
    let e = entries(&doc, day(2024, 1, 11));
    assert_eq!(e[0].number, "1-1");
    assert_eq!(e[1].number, "2-1");
    assert_eq!(e[0].member, "刘洋");
}

#[test]
fn the_summary_counts_status_overdue_and_closed() {
    let s = summary(&org(), day(2024, 1, 1));
    assert_eq!((s.problems, s.measures), (5, 7));
    assert_eq!(s.count(Status::Done), 1);
    assert_eq!(s.count(Status::PhasedLongTerm), 1);
    assert_eq!(s.count(Status::NotStarted), 5);
    assert_eq!(s.closed, 1);
    assert_eq!(s.overdue, 2, "the two 2023-12-31 measures");
    assert_eq!(s.rate(), "28.6%", "2 of 7 finished");
}

#[test]
fn the_figures_name_every_status_once_in_a_fixed_order() {
    let s = summary(&org(), day(2024, 1, 1));
    let figures = s.figures();
    let names: Vec<&str> = figures.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        names,
        vec![
            "问题总数",
            "措施总数",
            "已完成整改",
            "阶段性完成并长期坚持",
            "正在整改",
            "申请延期",
            "未整改",
            "未完成",
            "逾期",
            "已销号",
            "整改完成率"
        ]
    );
    for status in Status::ALL {
        assert!(names.contains(&status.label()), "{status:?}");
    }
    assert_eq!(figures[1].1, "7");
    assert_eq!(figures[10].1, "28.6%");
}

#[test]
fn the_completion_rate_rounds_half_up_to_one_decimal() {
    assert_eq!(percent_text(completion_permille(2, 3)), "66.7%");
    assert_eq!(percent_text(completion_permille(1, 3)), "33.3%");
    assert_eq!(
        percent_text(completion_permille(1, 16)),
        "6.3%",
        "6.25 rounds up"
    );
    assert_eq!(percent_text(completion_permille(1, 2)), "50%");
    assert_eq!(percent_text(completion_permille(7, 7)), "100%");
    assert_eq!(percent_text(completion_permille(0, 7)), "0%");
}

#[test]
fn a_rate_of_no_measures_is_a_dash_not_zero() {
    assert_eq!(completion_permille(0, 0), None);
    let doc = Document::new(Kind::Org, "x".into());
    assert_eq!(summary(&doc, day(2024, 1, 1)).rate(), "—");
}

#[test]
fn the_report_reads_like_an_official_summary() {
    let text = report(&org(), day(2024, 1, 1));
    assert_eq!(
        text,
        "截至2024年1月1日，中共××县公安局交警大队支部委员会对照主题教育目标任务共检视问题5个，制定整改措施7项，已完成整改1项，正在整改0项，阶段性完成并长期坚持1项，尚未开始整改5项，整改完成率28.6%。已挂账销号1项。逾期未完成2项，需督促加快整改。"
    );
}

#[test]
fn categories_are_summarised_in_the_header_order() {
    let rows = by_category(&org(), day(2024, 1, 1));
    let names: Vec<&str> = rows.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "理论学习",
            "政治素质",
            "能力本领",
            "担当作为",
            "工作作风",
            "廉洁自律"
        ]
    );
    assert_eq!(rows[0].1.measures, 2);
    assert_eq!(rows[1].1.measures, 0);
    assert_eq!(rows[1].1.rate(), "—");
    assert_eq!(rows[4].1.rate(), "100%");
}

fn first_measure(doc: &Document) -> Measure {
    doc.problems[0].measures[0].clone()
}

#[test]
fn closing_requires_a_finished_measure_with_progress_a_date_and_who() {
    let doc = org();
    let mut m = first_measure(&doc);
    let closing = Closing {
        date: "2024-01-05".into(),
        by: "县局主题教育办公室".into(),
        opinion: "同意销号".into(),
    };
    let refused = check_closing(&doc, &m, &closing, day(2024, 1, 10)).unwrap_err();
    assert_eq!(refused.0.len(), 2, "{refused:?}");
    assert!(refused.message().contains("的措施才能销号"));
    // The page says 不能销号： before the reasons; the reasons do not say it again.
    assert!(!refused.message().contains("不能销号"));
    assert!(refused.message().contains("至少10个字"));
    m.status = Status::Done;
    m.progress = "已制定学习计划并完成第一次专题研讨。".into();
    assert_eq!(check_closing(&doc, &m, &closing, day(2024, 1, 10)), Ok(()));
    let future = Closing {
        date: "2024-01-11".into(),
        ..closing.clone()
    };
    assert!(check_closing(&doc, &m, &future, day(2024, 1, 10))
        .unwrap_err()
        .message()
        .contains("还没到"));
    let early = Closing {
        date: "2023-10-14".into(),
        ..closing.clone()
    };
    assert!(check_closing(&doc, &m, &early, day(2024, 1, 10))
        .unwrap_err()
        .message()
        .contains("早于填报日期"));
    let nobody = Closing {
        by: " ".into(),
        ..closing
    };
    assert!(check_closing(&doc, &m, &nobody, day(2024, 1, 10))
        .unwrap_err()
        .message()
        .contains("由谁销号"));
}

#[test]
fn an_extension_needs_a_later_date_a_reason_and_an_approver() {
    let doc = org();
    let m = first_measure(&doc);
    let ok = Extension {
        new_date: "2024-03-31".into(),
        reason: "需协调资金".into(),
        approved_by: "张局长".into(),
    };
    assert_eq!(check_extension(&doc, &m, &ok, day(2024, 1, 10)), Ok(()));
    let same = Extension {
        new_date: "2023-12-31".into(),
        ..ok.clone()
    };
    assert!(check_extension(&doc, &m, &same, day(2024, 1, 10))
        .unwrap_err()
        .message()
        .contains("必须晚于原定的2023年12月31日"));
    let bare = Extension {
        new_date: "2024-03-31".into(),
        reason: String::new(),
        approved_by: String::new(),
    };
    assert_eq!(
        check_extension(&doc, &m, &bare, day(2024, 1, 10))
            .unwrap_err()
            .0
            .len(),
        2
    );
}

fn note(
    doc: &mut Document,
    id: &str,
    date: &str,
    text: &str,
    today: NaiveDate,
) -> Result<Outcome, Refused> {
    apply(
        doc,
        Action::AddUpdate {
            measure: id.into(),
            update: Update {
                date: date.into(),
                text: text.into(),
            },
            today,
        },
    )
}

#[test]
fn progress_notes_are_dated_between_filing_and_today_and_kept_in_order() {
    let mut doc = org();
    let id = doc.problems[0].measures[0].id.clone();
    let before = doc.clone();
    let today = day(2024, 1, 10);
    assert!(note(&mut doc, &id, "2024-01-11", "已开展", today).is_err());
    assert!(note(&mut doc, &id, "2023-10-01", "已开展", today).is_err());
    let refused = note(&mut doc, &id, "2024-01-05", " ", today).unwrap_err();
    assert!(
        refused.message().contains("进展记录没有内容"),
        "{refused:?}"
    );
    assert_eq!(doc, before, "a refused note changes nothing");
    for (date, text) in [
        ("2024-01-05", "二"),
        ("2023-11-01", "一"),
        ("2024-01-10", "三"),
    ] {
        assert_eq!(note(&mut doc, &id, date, text, today), Ok(Outcome::Changed));
    }
    let texts: Vec<&str> = doc.problems[0].measures[0]
        .updates
        .iter()
        .map(|u| u.text.as_str())
        .collect();
    assert_eq!(texts, vec!["一", "二", "三"]);
    assert_eq!(
        entries(&doc, day(2024, 2, 2))[0].latest,
        "2024年1月10日：三"
    );
}

#[test]
fn a_note_of_the_same_day_goes_after_the_notes_already_there() {
    let mut doc = org();
    let id = doc.problems[0].measures[0].id.clone();
    let today = day(2024, 1, 10);
    for text in ["上午召开推进会", "下午完成整改方案", "晚上报送材料"] {
        note(&mut doc, &id, "2024-01-05", text, today).unwrap();
    }
    note(&mut doc, &id, " 2024-01-04 ", " 前一天 ", today).unwrap();
    let notes: Vec<(&str, &str)> = doc.problems[0].measures[0]
        .updates
        .iter()
        .map(|u| (u.date.as_str(), u.text.as_str()))
        .collect();
    assert_eq!(
        notes,
        vec![
            ("2024-01-04", "前一天"),
            ("2024-01-05", "上午召开推进会"),
            ("2024-01-05", "下午完成整改方案"),
            ("2024-01-05", "晚上报送材料"),
        ]
    );
}

fn extend(doc: &mut Document, id: &str, extension: Option<Extension>) -> Result<Outcome, Refused> {
    apply(
        doc,
        Action::SetExtension {
            measure: id.into(),
            extension,
            today: day(2024, 1, 10),
        },
    )
}

#[test]
fn an_extension_sets_the_status_and_taking_it_back_resumes_the_work() {
    let mut doc = org();
    let id = doc.problems[0].measures[0].id.clone();
    doc.problems[0].measures[0].status = Status::InProgress;
    let ext = Extension {
        new_date: "2024-03-31".into(),
        reason: "需协调资金".into(),
        approved_by: "张局长".into(),
    };
    extend(&mut doc, &id, Some(ext.clone())).unwrap();
    assert_eq!(doc.problems[0].measures[0].status, Status::Extended);
    assert_eq!(doc.problems[0].measures[0].extension, Some(ext));
    extend(&mut doc, &id, None).unwrap();
    assert_eq!(doc.problems[0].measures[0].status, Status::InProgress);
    assert_eq!(doc.problems[0].measures[0].extension, None);
    // A refused extension leaves the status as it was.
    let before = doc.clone();
    let late = Extension {
        new_date: "2023-12-01".into(),
        ..Extension::default()
    };
    assert_eq!(extend(&mut doc, &id, Some(late)).unwrap_err().0.len(), 3);
    assert_eq!(doc, before);
}

/// A measure broken in ways that are not the step's business: no content, no lead.
fn unfinished_elsewhere(doc: &Document) -> Measure {
    let mut m = first_measure(doc);
    m.content.clear();
    m.lead = Some(String::new());
    m
}

#[test]
fn an_extension_is_judged_by_its_own_rules_only() {
    let doc = org();
    let m = unfinished_elsewhere(&doc);
    let ok = Extension {
        new_date: "2024-03-31".into(),
        reason: "需协调资金".into(),
        approved_by: "张局长".into(),
    };
    assert_eq!(check_extension(&doc, &m, &ok, day(2024, 1, 10)), Ok(()));
    // A closing that breaks its rules is not an extension's concern either.
    let mut closed = m.clone();
    closed.closed = Some(Closing::default());
    assert_eq!(
        check_extension(&doc, &closed, &ok, day(2024, 1, 10)),
        Ok(())
    );
}

#[test]
fn a_closing_is_judged_by_its_own_rules_only() {
    let doc = org();
    let mut m = unfinished_elsewhere(&doc);
    m.status = Status::Done;
    m.progress = "已制定学习计划并完成第一次专题研讨。".into();
    let closing = Closing {
        date: "2024-01-05".into(),
        by: "县局主题教育办公室".into(),
        opinion: String::new(),
    };
    assert_eq!(check_closing(&doc, &m, &closing, day(2024, 1, 10)), Ok(()));
    // An unfinished extension is not a closing's concern; a short 完成情况 is (its rule is a closing rule).
    m.extension = Some(Extension::default());
    assert_eq!(check_closing(&doc, &m, &closing, day(2024, 1, 10)), Ok(()));
    m.progress = "已完成".into();
    let refused = check_closing(&doc, &m, &closing, day(2024, 1, 10)).unwrap_err();
    assert_eq!(refused.0.len(), 1);
    assert!(refused.message().contains("至少10个字"));
}

#[test]
fn a_closing_goes_through_apply_only_when_its_rules_hold() {
    let mut doc = org();
    let id = doc.problems[0].measures[0].id.clone();
    let close = |doc: &mut Document| {
        apply(
            doc,
            Action::SetClosing {
                measure: id.clone(),
                closing: Some(Closing {
                    date: "2024-01-05".into(),
                    by: "县局".into(),
                    opinion: String::new(),
                }),
                today: day(2024, 1, 10),
            },
        )
    };
    let refused = close(&mut doc).unwrap_err();
    assert!(refused.message().contains("才能销号"), "{refused:?}");
    assert!(doc.problems[0].measures[0].closed.is_none());
    doc.problems[0].measures[0].status = Status::Done;
    doc.problems[0].measures[0].progress = "已制定学习计划并完成第一次专题研讨。".into();
    assert_eq!(close(&mut doc), Ok(Outcome::Changed));
    assert!(doc.problems[0].measures[0].closed.is_some());
}

#[test]
fn the_filter_keeps_entries_by_value_not_by_label() {
    let doc = org();
    let all = entries(&doc, day(2024, 1, 1));
    let kept = |f: &Filter| all.iter().filter(|e| f.keeps(e)).count();
    assert_eq!(kept(&Filter::default()), 7);
    let done = Filter {
        status: Some(Status::Done),
        ..Filter::default()
    };
    assert_eq!(kept(&done), 1);
    let overdue = Filter {
        overdue_only: true,
        ..Filter::default()
    };
    assert_eq!(kept(&overdue), 2);
    let category = Filter {
        category: "理论学习".into(),
        ..Filter::default()
    };
    assert_eq!(kept(&category), 2);
}

#[test]
fn the_csv_opens_in_excel_and_wps_and_runs_no_formula() {
    let mut doc = org();
    doc.problems[0].measures[0].content = "=HYPERLINK(\"http://x\",\"点我\")".into();
    doc.problems[1].measures[0].goal = "+1".into();
    doc.problems[2].measures[0].lead = Some("@王".into());
    let bytes = csv(&doc, day(2024, 1, 1));
    assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF], "UTF-8 with BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut lines = text.split("\r\n");
    assert_eq!(lines.next().unwrap(), CSV_HEADERS.join(","));
    assert!(
        text.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\""),
        "{text}"
    );
    assert!(text.contains(",'+1,"));
    assert!(text.contains(",'@王,"));
    assert!(!text.contains(",=") && !text.contains(",+1"));
    let mut reader = csv::ReaderBuilder::new().from_reader(&bytes[3..]);
    assert_eq!(reader.records().count(), 7, "one row per measure");
}

#[test]
fn the_csv_file_name_carries_the_unit_and_the_day() {
    assert_eq!(
        csv_file_name(&org(), day(2024, 1, 1)),
        "整改台账-中共××县公安局交警大队支部委员会-20240101.csv"
    );
}

#[test]
fn on_paper_a_problem_is_printed_once_over_its_measures() {
    let doc = org();
    let all = entries(&doc, day(2024, 6, 1));
    let refs: Vec<&Entry> = all.iter().collect();
    let runs = by_problem(&refs);
    assert_eq!(runs.len(), doc.problems.len());
    for (run, p) in runs.iter().zip(&doc.problems) {
        assert_eq!(run.len(), p.measures.len());
        assert!(run.iter().all(|e| e.problem == run[0].problem));
    }
    // Filtered, a problem's measures that are left still share one cell; the others are gone.
    let some: Vec<&Entry> = all.iter().filter(|e| e.number.ends_with("-1")).collect();
    assert!(by_problem(&some).iter().all(|run| run.len() == 1));
}

#[test]
fn problems_without_a_category_are_a_named_row() {
    // A table read without a 类别 column: its problems are counted under a name, never under an empty one.
    let mut doc = org();
    doc.problems[0].category.clear();
    let rows = by_category(&doc, day(2024, 1, 1));
    let last = rows.last().expect("rows");
    assert_eq!(last.0, "未填类别");
    assert_eq!(last.1.measures, doc.problems[0].measures.len());
    assert!(rows.iter().all(|(c, _)| !c.is_empty()));
}
