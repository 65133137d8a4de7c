//! Every rule of `format.md`, both ways: each test breaks one thing in a list that is otherwise clean and checks
//! that exactly that rule fires, where it should; `clean_lists_have_no_findings` and the boundary tests check that
//! the rules stay silent when they are kept.

use chrono::NaiveDate;

use super::validate;
use crate::domain::list::findings::{Report, Severity};
use crate::domain::list::model::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 6, 1).unwrap()
}

const P1: &str = "11111111-1111-4111-8111-111111111111";
const M1: &str = "22222222-2222-4222-8222-222222222222";
const MEMBER1: &str = "33333333-3333-4333-8333-333333333333";

fn measure(kind: Kind) -> Measure {
    let mut m = Measure::new(M1.into(), kind);
    m.content = "每月至少组织1次专题研讨，每名党员每季度发言1次。".into();
    m.deadline = Deadline::ByDate {
        date: "2023-12-31".into(),
    };
    if kind == Kind::Org {
        m.goal = "发言覆盖率100%".into();
        m.lead = Some("王建国".into());
        m.dept = Some("交警大队党支部".into());
    }
    m
}

fn problem(kind: Kind, category: &str) -> Problem {
    let mut p = Problem::new(P1.into(), category.into());
    p.sources = vec![Source::SelfReview];
    p.description = "2023年上半年6次集体学习中研讨发言仅2次，结合实际谈体会不够。".into();
    p.measures = vec![measure(kind)];
    p
}

fn header(doc: &mut Document) {
    doc.header.org_name = "中共××县公安局交警大队支部委员会".into();
    doc.header.filed_on = "2023-10-15".into();
    doc.header.filed_by = "陈晓燕".into();
    doc.header.reviewer = "王建国".into();
    doc.header.phone = "13907712345".into();
}

fn org() -> Document {
    let mut doc = Document::new(Kind::Org, "44444444-4444-4444-8444-444444444444".into());
    header(&mut doc);
    doc.problems = vec![problem(Kind::Org, "理论学习")];
    doc
}

fn member_list() -> Document {
    let mut doc = Document::new(Kind::Member, "55555555-5555-4555-8555-555555555555".into());
    header(&mut doc);
    let mut m = Member::new(MEMBER1.into());
    m.name = "刘洋".into();
    m.problems = vec![problem(Kind::Member, "党性修养提高")];
    doc.members = vec![m];
    doc
}

fn measure_of(doc: &mut Document) -> &mut Measure {
    &mut doc.problems[0].measures[0]
}

fn check(doc: &Document) -> Report {
    validate(doc, today())
}

/// Asserts that `rule` fired with `severity` at `path`, and that nothing else did.
fn assert_only(report: &Report, rule: &str, severity: Severity, path: &str) {
    let hits: Vec<_> = report.findings.iter().filter(|f| f.rule == rule).collect();
    assert!(
        !hits.is_empty(),
        "expected {rule}, got {:#?}",
        report.findings
    );
    assert!(
        hits.iter()
            .any(|f| f.path == path && f.severity == severity),
        "{rule} fired at {:?}",
        hits
    );
    let others: Vec<_> = report.findings.iter().filter(|f| f.rule != rule).collect();
    assert!(others.is_empty(), "also fired: {others:#?}");
    for f in &report.findings {
        assert!(!f.message.is_empty() && !f.location.is_empty());
    }
}

macro_rules! fires {
    ($name:ident, $doc:expr, $rule:literal, $severity:ident, $path:expr) => {
        #[test]
        fn $name() {
            assert_only(&check(&$doc), $rule, Severity::$severity, &$path);
        }
    };
    ($name:ident, $doc:expr, |$d:ident| $change:expr, $rule:literal, $severity:ident, $path:expr) => {
        #[test]
        fn $name() {
            #[allow(unused_mut)]
            let mut $d = $doc;
            $change;
            assert_only(&check(&$d), $rule, Severity::$severity, &$path);
        }
    };
}

#[test]
fn clean_lists_have_no_findings() {
    assert_eq!(check(&org()).findings, vec![]);
    assert_eq!(check(&member_list()).findings, vec![]);
    assert!(check(&org()).is_complete());
}

// 表头信息
fires!(
    org_name_is_required,
    org(),
    |d| d.header.org_name = "  ".into(),
    "org_name_required",
    Error,
    "header.org_name"
);
fires!(
    org_name_needs_two_characters,
    org(),
    |d| d.header.org_name = "党".into(),
    "org_name_length",
    Error,
    "header.org_name"
);
fires!(
    org_name_is_at_most_sixty_characters,
    org(),
    |d| d.header.org_name = "党".repeat(61),
    "org_name_length",
    Error,
    "header.org_name"
);
fires!(
    parent_org_is_at_most_sixty_characters,
    org(),
    |d| d.header.parent_org = "党".repeat(61),
    "parent_org_length",
    Error,
    "header.parent_org"
);
fires!(
    filing_date_is_required,
    org(),
    |d| d.header.filed_on = "".into(),
    "filed_on_required",
    Error,
    "header.filed_on"
);
fires!(
    filing_date_must_be_a_real_date,
    org(),
    |d| d.header.filed_on = "2023-02-30".into(),
    "filed_on_invalid",
    Error,
    "header.filed_on"
);
fires!(
    filing_date_outside_the_campaign_is_a_warning,
    org(),
    |d| {
        d.header.filed_on = "2026-01-01".into();
        d.problems[0].measures[0].deadline = Deadline::LongTerm;
    },
    "filed_on_outside_campaign",
    Warning,
    "header.filed_on"
);
fires!(
    filer_is_required,
    org(),
    |d| d.header.filed_by = "".into(),
    "filed_by_required",
    Error,
    "header.filed_by"
);
fires!(
    filer_name_has_two_to_twenty_characters,
    org(),
    |d| d.header.filed_by = "陈".into(),
    "filed_by_length",
    Error,
    "header.filed_by"
);
fires!(
    phone_must_be_a_mobile_or_landline,
    org(),
    |d| d.header.phone = "1390771234".into(),
    "phone_format",
    Error,
    "header.phone"
);
fires!(
    reviewer_is_required_on_org_lists,
    org(),
    |d| d.header.reviewer = "".into(),
    "reviewer_required",
    Error,
    "header.reviewer"
);
fires!(
    reviewer_name_is_at_most_twenty_characters,
    member_list(),
    |d| d.header.reviewer = "王".repeat(21),
    "reviewer_length",
    Error,
    "header.reviewer"
);
#[test]
fn at_least_one_category_is_in_use() {
    let mut d = org();
    d.header.categories.clear();
    let report = check(&d);
    assert!(report
        .at("header.categories")
        .any(|f| f.rule == "categories_required"));
    // The problem's category is then not among those in use either.
    assert!(report.has("category_unknown"));
}
fires!(
    categories_have_names,
    org(),
    |d| d.header.categories.push(" ".into()),
    "category_empty",
    Error,
    "header.categories"
);
fires!(
    categories_are_not_repeated,
    org(),
    |d| d.header.categories.push("理论学习".into()),
    "category_duplicate",
    Error,
    "header.categories"
);

#[test]
fn reviewer_is_optional_on_member_lists() {
    let mut d = member_list();
    d.header.reviewer.clear();
    assert_eq!(check(&d).findings, vec![]);
}

#[test]
fn phone_accepts_mobiles_landlines_and_extensions() {
    use super::header::is_phone;
    for ok in [
        "13907712345",
        "19912345678",
        "0371-12345678",
        "010-1234567",
        "0371-12345678-123",
    ] {
        assert!(is_phone(ok), "{ok}");
    }
    for bad in [
        "12907712345",
        "1390771234x",
        "371-12345678",
        "0371-123",
        "0371-12345678-",
        "139 0771 2345",
    ] {
        assert!(!is_phone(bad), "{bad}");
    }
}

// 问题
fires!(
    problem_category_is_required,
    org(),
    |d| d.problems[0].category = "".into(),
    "category_required",
    Error,
    format!("{P1}.category")
);
fires!(
    problem_category_must_be_in_use,
    org(),
    |d| d.problems[0].category = "党性修养提高".into(),
    "category_unknown",
    Error,
    format!("{P1}.category")
);
fires!(
    org_problems_need_a_source,
    org(),
    |d| d.problems[0].sources.clear(),
    "sources_required",
    Error,
    format!("{P1}.sources")
);
fires!(
    sources_are_not_repeated,
    org(),
    |d| d.problems[0].sources.push(Source::SelfReview),
    "sources_duplicate",
    Error,
    format!("{P1}.sources")
);
fires!(
    description_is_required,
    org(),
    |d| d.problems[0].description = "".into(),
    "description_required",
    Error,
    format!("{P1}.description")
);
fires!(
    short_description_is_a_warning,
    org(),
    |d| d.problems[0].description = "值班制度执行不到位有漏岗".into(),
    "description_short",
    Warning,
    format!("{P1}.description")
);
fires!(
    each_problem_has_a_measure,
    org(),
    |d| d.problems[0].measures.clear(),
    "measures_required",
    Error,
    format!("{P1}.measures")
);

#[test]
fn member_problems_need_no_source() {
    let mut d = member_list();
    d.members[0].problems[0].sources.clear();
    assert_eq!(check(&d).findings, vec![]);
}

#[test]
fn fifteen_characters_is_enough_for_a_description() {
    let mut d = org();
    d.problems[0].description = "值班制度执行不到位，夜间有漏岗。".into();
    assert_eq!(d.problems[0].description.chars().count(), 16);
    d.problems[0].description = "值班制度执行不到位夜间有漏岗现象".into();
    assert_eq!(d.problems[0].description.chars().count(), 16);
    d.problems[0].description = "值班制度执行不到位夜间有漏岗现".into();
    assert_eq!(check(&d).findings, vec![]);
    d.problems[0].description.pop();
    assert!(check(&d).has("description_short"));
}

#[test]
fn a_goal_that_names_nothing_to_check_is_warned_about() {
    let mut d = org();
    d.problems[0].measures[0].goal = "群众满意。".into();
    let report = check(&d);
    let generic = report
        .findings
        .iter()
        .find(|f| f.rule == "goal_generic")
        .expect("a stock goal is warned about");
    assert!(generic.message.contains("“群众满意。”"));
    assert!(report.is_complete(), "a warning only");
    d.problems[0].measures[0].goal = "群众满意率由85%提高到95%以上".into();
    assert!(!check(&d).has("goal_generic"));
}

#[test]
fn a_stock_phrase_alone_is_a_generic_problem() {
    let mut d = org();
    d.problems[0].description = "学习不够深入。".into();
    let report = check(&d);
    assert!(report.has("description_generic"));
    assert!(report.has("description_short"));
    assert!(
        report.is_complete(),
        "warnings do not make a list incomplete"
    );
    d.problems[0].description =
        "学习不够深入，2023年参加中心组学习6次仅发言1次，对新修订条例未组织研讨。".into();
    assert_eq!(check(&d).findings, vec![]);
}

#[test]
fn the_same_description_twice_is_a_warning_on_the_second() {
    let mut d = org();
    let mut second = d.problems[0].clone();
    second.id = "66666666-6666-4666-8666-666666666666".into();
    second.measures[0].id = "77777777-7777-4777-8777-777777777777".into();
    d.problems.push(second);
    assert_only(
        &check(&d),
        "description_duplicate",
        Severity::Warning,
        "66666666-6666-4666-8666-666666666666.description",
    );
}

#[test]
fn the_same_member_twice_is_a_warning_on_the_second_however_spaced() {
    let mut d = member_list();
    let mut second = d.members[0].clone();
    second.id = "88888888-8888-4888-8888-888888888888".into();
    second.name = "刘　洋".into();
    second.problems[0].id = "66666666-6666-4666-8666-666666666666".into();
    second.problems[0].measures[0].id = "77777777-7777-4777-8777-777777777777".into();
    second.problems[0].description = "参加志愿服务活动少，2023年只参加1次，联系群众不够。".into();
    d.members.push(second);
    assert_only(
        &check(&d),
        "member_duplicate",
        Severity::Warning,
        "88888888-8888-4888-8888-888888888888.name",
    );
    d.members[1].name = "刘洋洋".into();
    assert_eq!(check(&d).findings, vec![]);
}

// 整改措施
fires!(
    measure_content_is_required,
    org(),
    |d| measure_of(&mut d).content = "".into(),
    "content_required",
    Error,
    format!("{M1}.content")
);
fires!(
    short_measure_is_a_warning,
    org(),
    |d| measure_of(&mut d).content = "加强学习".into(),
    "content_short",
    Warning,
    format!("{M1}.content")
);
fires!(
    org_measures_need_a_goal,
    org(),
    |d| measure_of(&mut d).goal = "".into(),
    "goal_required",
    Error,
    format!("{M1}.goal")
);
fires!(
    org_measures_need_a_lead,
    org(),
    |d| measure_of(&mut d).lead = Some("".into()),
    "lead_required",
    Error,
    format!("{M1}.lead")
);
fires!(
    lead_is_one_person_of_at_most_twenty_characters,
    org(),
    |d| measure_of(&mut d).lead = Some("王".repeat(21)),
    "lead_length",
    Error,
    format!("{M1}.lead")
);
fires!(
    org_measures_need_a_unit,
    org(),
    |d| measure_of(&mut d).dept = None,
    "dept_required",
    Error,
    format!("{M1}.dept")
);
fires!(
    dated_deadline_needs_a_date,
    org(),
    |d| measure_of(&mut d).deadline = Deadline::ByDate { date: "".into() },
    "deadline_date_required",
    Error,
    format!("{M1}.deadline")
);
fires!(
    deadline_must_be_a_real_date,
    org(),
    |d| measure_of(&mut d).deadline = Deadline::ByDate {
        date: "2023-13-01".into()
    },
    "deadline_date_invalid",
    Error,
    format!("{M1}.deadline")
);
fires!(
    deadline_cannot_be_before_filing,
    org(),
    |d| measure_of(&mut d).deadline = Deadline::ByDate {
        date: "2023-10-14".into()
    },
    "deadline_before_filing",
    Error,
    format!("{M1}.deadline")
);
fires!(
    immediate_deadline_with_a_date_cannot_be_before_filing,
    org(),
    |d| measure_of(&mut d).deadline = Deadline::Immediate {
        date: Some("2023-01-01".into())
    },
    "deadline_before_filing",
    Error,
    format!("{M1}.deadline")
);
fires!(
    deadline_more_than_a_year_out_is_a_warning,
    org(),
    |d| measure_of(&mut d).deadline = Deadline::ByDate {
        date: "2024-10-16".into()
    },
    "deadline_far",
    Warning,
    format!("{M1}.deadline")
);
fires!(
    long_term_measures_cannot_be_done,
    org(),
    |d| {
        measure_of(&mut d).deadline = Deadline::LongTerm;
        measure_of(&mut d).status = Status::Done;
    },
    "long_term_cannot_be_done",
    Error,
    format!("{M1}.status")
);

#[test]
fn member_measures_need_no_goal_lead_or_unit() {
    let d = member_list();
    let m = &d.members[0].problems[0].measures[0];
    assert!(m.goal.is_empty() && m.lead.is_none() && m.dept.is_none());
    assert_eq!(check(&d).findings, vec![]);
}

#[test]
fn deadline_on_the_filing_date_or_twelve_months_later_is_fine() {
    let mut d = org();
    for date in ["2023-10-15", "2024-10-15"] {
        measure_of(&mut d).deadline = Deadline::ByDate { date: date.into() };
        assert_eq!(check(&d).findings, vec![], "{date}");
    }
    measure_of(&mut d).deadline = Deadline::Immediate { date: None };
    assert_eq!(check(&d).findings, vec![]);
}

#[test]
fn long_term_measures_can_be_phased() {
    let mut d = org();
    measure_of(&mut d).deadline = Deadline::LongTerm;
    measure_of(&mut d).status = Status::PhasedLongTerm;
    assert_eq!(check(&d).findings, vec![]);
}

// 延期
fires!(
    extended_status_needs_an_extension,
    org(),
    |d| measure_of(&mut d).status = Status::Extended,
    "extension_required",
    Error,
    format!("{M1}.extension")
);

fn extended(new_date: &str, reason: &str, approved_by: &str) -> Document {
    let mut d = org();
    let m = measure_of(&mut d);
    m.status = Status::Extended;
    m.extension = Some(Extension {
        new_date: new_date.into(),
        reason: reason.into(),
        approved_by: approved_by.into(),
    });
    d
}

#[test]
fn a_full_extension_to_a_later_date_is_accepted() {
    assert_eq!(
        check(&extended("2024-03-31", "需协调财政资金", "张局长")).findings,
        vec![]
    );
}

fires!(
    extension_needs_a_real_date,
    extended("2024-02-30", "需协调资金", "张局长"),
    "extension_date_invalid",
    Error,
    format!("{M1}.extension.new_date")
);
fires!(
    extension_must_be_later_than_the_deadline,
    extended("2023-12-31", "需协调资金", "张局长"),
    "extension_not_later",
    Error,
    format!("{M1}.extension.new_date")
);
fires!(
    extension_needs_a_reason,
    extended("2024-03-31", " ", "张局长"),
    "extension_reason_required",
    Error,
    format!("{M1}.extension.reason")
);
fires!(
    extension_needs_an_approver,
    extended("2024-03-31", "需协调资金", ""),
    "extension_approver_required",
    Error,
    format!("{M1}.extension.approved_by")
);

// 进展记录
fn with_update(date: &str, text: &str) -> Document {
    let mut d = org();
    measure_of(&mut d).updates.push(Update {
        date: date.into(),
        text: text.into(),
    });
    d
}

#[test]
fn a_dated_progress_note_is_accepted() {
    assert_eq!(
        check(&with_update("2024-06-01", "已完成第一次研讨")).findings,
        vec![]
    );
}

fires!(
    progress_note_needs_a_real_date,
    with_update("2024-6-1", "已研讨"),
    "update_date_invalid",
    Error,
    format!("{M1}.updates[0].date")
);
fires!(
    progress_note_cannot_predate_filing,
    with_update("2023-10-14", "已研讨"),
    "update_before_filing",
    Error,
    format!("{M1}.updates[0].date")
);
fires!(
    progress_note_cannot_be_in_the_future,
    with_update("2024-06-02", "已研讨"),
    "update_in_future",
    Error,
    format!("{M1}.updates[0].date")
);
fires!(
    progress_note_needs_text,
    with_update("2024-01-02", ""),
    "update_text_required",
    Error,
    format!("{M1}.updates[0].text")
);

// 销号
fn closed(status: Status, progress: &str, date: &str, by: &str) -> Document {
    let mut d = org();
    let m = measure_of(&mut d);
    m.status = status;
    m.progress = progress.into();
    m.closed = Some(Closing {
        date: date.into(),
        by: by.into(),
        opinion: "整改到位，同意销号".into(),
    });
    d
}

const PROGRESS: &str = "10月完成两期轮训共86人次，考核细则已印发。";

#[test]
fn a_done_measure_with_progress_can_be_closed() {
    assert_eq!(
        check(&closed(
            Status::Done,
            PROGRESS,
            "2024-06-01",
            "县局主题教育办公室"
        ))
        .findings,
        vec![]
    );
    assert_eq!(
        check(&closed(
            Status::PhasedLongTerm,
            PROGRESS,
            "2023-10-15",
            "县局主题教育办公室"
        ))
        .findings,
        vec![]
    );
}

fires!(
    closing_requires_done,
    closed(Status::InProgress, PROGRESS, "2024-01-05", "县局"),
    "closing_requires_done",
    Error,
    format!("{M1}.closed")
);
fires!(
    closing_requires_progress_text,
    closed(Status::Done, "已完成", "2024-01-05", "县局"),
    "closing_requires_progress",
    Error,
    format!("{M1}.progress")
);
fires!(
    closing_needs_a_real_date,
    closed(Status::Done, PROGRESS, "", "县局"),
    "closing_date_invalid",
    Error,
    format!("{M1}.closed.date")
);
fires!(
    closing_cannot_predate_filing,
    closed(Status::Done, PROGRESS, "2023-10-14", "县局"),
    "closing_before_filing",
    Error,
    format!("{M1}.closed.date")
);
fires!(
    closing_cannot_be_in_the_future,
    closed(Status::Done, PROGRESS, "2024-06-02", "县局"),
    "closing_in_future",
    Error,
    format!("{M1}.closed.date")
);
fires!(
    closing_needs_who_closed_it,
    closed(Status::Done, PROGRESS, "2024-01-05", " "),
    "closing_by_required",
    Error,
    format!("{M1}.closed.by")
);

// 整个清单
fires!(
    document_id_is_a_uuid,
    org(),
    |d| d.id = "abc".into(),
    "document_id_format",
    Error,
    "id"
);
fires!(
    org_list_needs_a_problem,
    org(),
    |d| d.problems.clear(),
    "problems_required",
    Error,
    "problems"
);
fires!(
    member_list_needs_a_member,
    member_list(),
    |d| d.members.clear(),
    "members_required",
    Error,
    "members"
);
fires!(
    ids_are_unique,
    org(),
    |d| d.problems[0].measures[0].id = P1.into(),
    "duplicate_id",
    Error,
    format!("{P1}.id")
);
fires!(
    member_needs_a_name,
    member_list(),
    |d| d.members[0].name = "".into(),
    "name_required",
    Error,
    format!("{MEMBER1}.name")
);
fires!(
    member_name_has_two_characters,
    member_list(),
    |d| d.members[0].name = "刘".into(),
    "name_length",
    Error,
    format!("{MEMBER1}.name")
);
fires!(
    member_needs_a_problem,
    member_list(),
    |d| d.members[0].problems.clear(),
    "member_problems_required",
    Error,
    format!("{MEMBER1}.problems")
);

#[test]
fn names_with_a_middle_dot_are_names() {
    let mut d = member_list();
    d.members[0].name = "阿依古丽·买买提".into();
    assert_eq!(check(&d).findings, vec![]);
}

// 保留提醒
#[test]
fn a_kept_warning_carries_its_reason() {
    let mut d = org();
    d.problems[0].description = "标准不高".into();
    d.acknowledged.push(Acknowledgement {
        path: format!("{P1}.description"),
        rule: "description_generic".into(),
        reason: "上级点评原话，保留".into(),
    });
    let report = check(&d);
    let generic = report
        .findings
        .iter()
        .find(|f| f.rule == "description_generic")
        .unwrap();
    assert_eq!(generic.acknowledged.as_deref(), Some("上级点评原话，保留"));
    let short = report
        .findings
        .iter()
        .find(|f| f.rule == "description_short")
        .unwrap();
    assert_eq!(short.acknowledged, None, "only the named rule is kept");
    assert_eq!(report.open_warning_count(), 1);
}

#[test]
fn keeping_a_warning_needs_a_reason() {
    let mut d = org();
    d.problems[0].description = "标准不高，要求不严，这是老问题了。".into();
    d.problems[0].description = "标准不高".into();
    d.acknowledged.push(Acknowledgement {
        path: format!("{P1}.description"),
        rule: "description_generic".into(),
        reason: " ".into(),
    });
    let report = check(&d);
    assert!(report.has("acknowledgement_reason"));
    assert!(report.findings.iter().all(|f| f.acknowledged.is_none()));
}

#[test]
fn errors_cannot_be_kept() {
    let mut d = org();
    d.header.reviewer.clear();
    d.acknowledged.push(Acknowledgement {
        path: "header.reviewer".into(),
        rule: "reviewer_required".into(),
        reason: "书记出差".into(),
    });
    let report = check(&d);
    assert!(!report.is_complete());
    assert!(report.errors().all(|f| f.acknowledged.is_none()));
}

#[test]
fn locations_read_as_the_user_counts() {
    let mut d = member_list();
    d.members[0].problems[0].measures[0].content.clear();
    let report = check(&d);
    let f = report
        .findings
        .iter()
        .find(|f| f.rule == "content_required")
        .unwrap();
    assert_eq!(
        f.location,
        "第1名党员（刘洋） · 第1个问题 · 第1项措施 · 措施内容"
    );
}

#[test]
fn a_date_the_picker_could_not_read_is_invalid_not_missing() {
    let mut doc = org();
    doc.header.filed_on.clear();
    let mut report = validate(&doc, today());
    assert!(report.has("filed_on_required"));
    super::mark_unreadable_date(&mut report, "header.filed_on");
    assert!(!report.has("filed_on_required"));
    let f = report.at("header.filed_on").next().unwrap();
    assert_eq!((f.rule, f.severity), ("filed_on_invalid", Severity::Error));
    assert!(
        f.message.starts_with("填报日期填的不是一个有效的日期"),
        "{}",
        f.message
    );
    // Another field's findings are left as they are.
    let mut report = validate(&doc, today());
    super::mark_unreadable_date(&mut report, "header.org_name");
    assert!(report.has("filed_on_required"));
}

#[test]
fn a_stock_phrase_with_at_most_two_characters_more_is_generic() {
    use super::problem::is_generic;
    assert!(is_generic("学习不够深入方面"), "two characters more");
    assert!(
        is_generic("  学习不够深入， 方面。的问题"),
        "spaces, punctuation and 的问题 aside"
    );
    assert!(
        is_generic("学习不够深入问题问题"),
        "问题 repeated at the end aside"
    );
    assert!(!is_generic("学习不够深入三方面"), "three characters more");
    assert!(!is_generic("不够深入"), "less than the phrase");
    assert!(!is_generic("学习不够深的问题"), "not the phrase");
    // Longer than any phrase and two: a sentence, unless what makes it long is 问题 repeated at its end.
    assert!(
        is_generic(&format!("学习不够深入{}", "问题".repeat(40))),
        "a long text that is the phrase and 问题 repeated"
    );
    assert!(
        !is_generic(&format!("学习不够深入{}", "问题，具体表现为".repeat(40))),
        "a long sentence that starts with the phrase"
    );
}
