//! The bureau's campaign, simulated (`domain::sample::campaign`): 39 党支部 × both lists, 40 members' own lists
//! gathered, eight weeks of progress, two review rounds, a double hand-in, a rename, a copied file, a silent branch.
//! Week by week, every figure of 汇总, the 各党支部 rows, 调度 (each column, the silent list, the paragraph, what
//! changed), the 督办单 and the cells of the 汇总 workbook are compared with the simulation's own record of what
//! happened (`Campaign::truth`), never with the app's own figures.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;

use chrono::NaiveDate;
use rectify::domain::dates;
use rectify::domain::ledger::completion_permille;
use rectify::domain::list::model::Kind;
use rectify::domain::office::branches::{Branch, Unit};
use rectify::domain::office::consolidate::{Consolidation, Verdict};
use rectify::domain::office::dispatch::{dispatch, Dispatch};
use rectify::domain::office::period::Period;
use rectify::domain::office::review::office::status;
use rectify::domain::office::summary_set::SummarySet;
use rectify::domain::papers::ledger_book::consolidation_book;
use rectify::domain::papers::sheet::Cell;
use rectify::domain::sample::campaign::*;

fn campaign() -> &'static Campaign {
    static C: OnceLock<Campaign> = OnceLock::new();
    C.get_or_init(|| Campaign::new(NaiveDate::from_ymd_opt(2024, 3, 4).unwrap()))
}

/// The office's state on `today`: its set, consolidated and grouped into 党支部.
struct Office {
    set: SummarySet,
    c: Consolidation,
    unit: Unit,
}

fn office(today: NaiveDate) -> Office {
    let set = campaign().set_on(today);
    let c = set.consolidate(today);
    let unit = Unit::of(&c, &set.joined, &set.expected);
    Office { set, c, unit }
}

fn week_of(week: u64) -> (NaiveDate, Period) {
    let today = campaign().friday(week);
    (today, Period::week_of(today))
}

fn row(unit: &Unit, b: usize) -> &Branch {
    let row = &unit.branches[b];
    assert_eq!(row.name, BRANCHES[b], "the 应报送名单's order");
    row
}

#[test]
fn the_campaign_has_the_shape_of_the_bureau() {
    let c = campaign();
    let first_week: Vec<&HandIn> = c.hand_ins.iter().filter(|h| h.on < c.monday(2)).collect();
    assert_eq!(first_week.len(), 78, "39 党支部 × both lists");
    let gathered = first_week
        .iter()
        .find(|h| h.branch == GATHERED && h.kind == Kind::Member)
        .unwrap();
    assert_eq!(gathered.members, 40);
    assert!(
        c.hand_ins.len() > 78 + 39 * 4,
        "weeks of hand-ins: {}",
        c.hand_ins.len()
    );
    assert_eq!(c.hand_ins.iter().filter(|h| h.copy).count(), 1);
    // Every file is a complete list: nothing here is a draft the figures would stumble on.
    let last = office(c.friday(WEEKS));
    for l in &last.c.lists {
        assert_eq!((l.errors, l.warnings), (0, 0), "{}", l.file_name);
    }
    // The same start gives the same files.
    let again = Campaign::new(c.start);
    assert_eq!(again.hand_ins, c.hand_ins);
}

#[test]
fn 汇总_counts_党支部_and_every_row_is_right_week_by_week() {
    let c = campaign();
    for week in 1..=WEEKS {
        let (today, _) = week_of(week);
        let o = office(today);
        assert_eq!(o.unit.branches.len(), 39, "week {week}: one row per 党支部");
        assert_eq!(
            o.unit.unlisted().count(),
            0,
            "week {week}: every file is a listed 党支部's"
        );
        let mut lists = [0, 0];
        let (mut problems, mut measures) = (0, 0);
        for (b, name) in BRANCHES.iter().enumerate() {
            let t = c.truth(b, Period::week_of(today), today);
            let r = row(&o.unit, b);
            let s = &r.summary;
            let at = format!("week {week}, {name}");
            assert_eq!(
                (s.problems, s.measures, s.finished(), s.overdue, s.closed),
                (t.problems, t.measures, t.finished, t.figures[5], t.closed),
                "{at}"
            );
            assert_eq!(r.members(&o.c), t.members, "{at}");
            for (k, kind) in [Kind::Org, Kind::Member].into_iter().enumerate() {
                let revisions: Vec<u32> = r
                    .lists_of(&o.c, kind)
                    .map(|(_, l)| l.document.revision)
                    .collect();
                assert_eq!(
                    revisions,
                    t.revisions[k].into_iter().collect::<Vec<_>>(),
                    "{at} {kind:?}"
                );
                lists[k] += revisions.len();
                // 审核 and 未答复 of that list, as the office set them and the branch answered.
                if let Some((_, l)) = r.lists_of(&o.c, kind).next() {
                    let (review, open) = status(&l.document, &l.digest, &o.set.reviews);
                    assert_eq!((review.label(), open), t.review[k], "{at} {kind:?}");
                }
            }
            problems += t.problems;
            measures += t.measures;
        }
        let reporting = o.unit.reporting().count();
        assert_eq!(reporting, 39);
        assert!(
            o.unit.report(&o.c, today).starts_with(&format!(
                "截至{}，已收到39个党支部报送的{}份清单（党组织清单{}份、党员清单{}份），共梳理问题{problems}个，制定整改措施{measures}项",
                dates::official(today),
                lists[0] + lists[1],
                lists[0],
                lists[1]
            )),
            "week {week}: {}",
            o.unit.report(&o.c, today)
        );
        assert_eq!(
            o.unit.missing(&o.c).count(),
            usize::from(week == 2),
            "week {week}"
        );
    }
}

#[test]
fn names_are_matched_as_people_write_them_and_the_office_joins_the_rest() {
    let c = campaign();
    let today = c.friday(1);
    let set = c.set_on(today);
    let cons = set.consolidate(today);
    // Without the office's join the formal name is a 党支部 of its own, off the list.
    let apart = Unit::of(&cons, &[], &set.expected);
    assert_eq!(apart.branches.len(), 40);
    let off: Vec<&str> = apart.unlisted().map(|b| b.name.as_str()).collect();
    assert_eq!(off, [FORMAL_NAME]);
    assert_eq!(
        apart.branches[GATHERED].missing(&cons),
        Some("没报党员清单")
    );
    // The full-width space in 经济犯罪侦查大队's member list does not make another 党支部.
    assert_eq!(apart.branches[SPACED].lists.len(), 2);
    // Joined, it is one row with both lists.
    let joined = Unit::of(&cons, &set.joined, &set.expected);
    assert_eq!(joined.branches.len(), 39);
    assert_eq!(joined.branches[GATHERED].lists.len(), 2);
    assert!(joined.branches[GATHERED]
        .other_names
        .contains(&FORMAL_NAME.to_string()));
    // The list under its new name is asked about (another 党支部's, made on 第3派出所's file?) until the office
    // says it is a rename, on Friday of week 5.
    let friday = c.friday(5);
    let unsaid =
        rectify::domain::office::consolidate::consolidate(&c.set_on(friday).inputs(), friday);
    let asked: Vec<&str> = unsaid
        .submissions
        .iter()
        .filter_map(|s| s.copy_of.as_ref().map(|o| o.branch.as_str()))
        .collect();
    assert_eq!(asked, [BRANCHES[RENAMED]]);
    assert!(office(friday)
        .c
        .submissions
        .iter()
        .all(|s| s.copy_of.is_none()));
    // The rename keeps 第3派出所 one 党支部 under the list's name, its new name noted.
    let late = office(c.friday(6));
    let renamed = &late.unit.branches[RENAMED];
    assert_eq!(renamed.name, BRANCHES[RENAMED]);
    assert_eq!(renamed.lists.len(), 2);
    assert_eq!(renamed.other_names, [NEW_NAME]);
}

#[test]
fn a_copied_file_is_a_conflict_until_the_office_removes_it() {
    let c = campaign();
    let o = office(c.friday(2));
    let conflicts: Vec<&str> =
        o.c.submissions
            .iter()
            .filter(|s| matches!(s.verdict, Verdict::Conflict { .. }))
            .map(|s| s.file_name.as_str())
            .collect();
    assert_eq!(
        conflicts.len(),
        2,
        "the original's second file and the copy"
    );
    assert!(
        !o.unit.branches[ORIGINAL].has(&o.c, Kind::Org),
        "neither counts"
    );
    assert_eq!(
        o.unit.branches[ORIGINAL].missing(&o.c),
        Some("没报党组织清单")
    );
    assert!(
        o.unit.branches[COPIER].has(&o.c, Kind::Org),
        "the copier's own list still counts"
    );
    let after = office(c.monday(3));
    assert!(after
        .c
        .submissions
        .iter()
        .all(|s| !matches!(s.verdict, Verdict::Conflict { .. })));
    let (_, l) = after.unit.branches[ORIGINAL]
        .lists_of(&after.c, Kind::Org)
        .next()
        .unwrap();
    assert_eq!(l.document.revision, 2);
    assert_eq!(l.document.header.org_name, BRANCHES[ORIGINAL]);

    // Had the office not removed it, later revisions would leave the copy behind as a fork: it never joins the
    // copier to the original, and says what it probably is.
    let today = c.friday(WEEKS);
    let mut set = c.set_on(today);
    let copy = c.hand_ins.iter().find(|h| h.copy).unwrap();
    set.add(&[(copy.file_name.clone(), copy.bytes.clone())]);
    let cons = set.consolidate(today);
    let unit = Unit::of(&cons, &set.joined, &set.expected);
    assert_eq!(unit.branches.len(), 39);
    assert_eq!(unit.branches[ORIGINAL].lists.len(), 2);
    assert_eq!(unit.branches[COPIER].lists.len(), 2);
    let kept = cons.submissions.last().unwrap();
    assert!(
        matches!(kept.verdict, Verdict::Forked { .. }),
        "{:?}",
        kept.verdict
    );
    assert!(kept.verdict.label().contains("可能是复制的文件"));
}

fn paragraph(d: &Dispatch, truths: &[Truth]) -> String {
    let mut total = [0usize; 7];
    for t in truths {
        for (a, b) in total.iter_mut().zip(t.figures) {
            *a += b;
        }
    }
    let silent: Vec<&str> = truths
        .iter()
        .enumerate()
        .filter(|(_, t)| t.silent)
        .map(|(b, _)| BRANCHES[b])
        .collect();
    let mut text = format!(
        "本周（{}），全单位新销号{}项，新完成{}项，新增逾期{}项，申请延期{}项，新增进展记录{}条。截至{}，逾期{}项，临期{}项（7日内到期）。",
        d.period.label(),
        total[0],
        total[1],
        total[2],
        total[3],
        total[4],
        dates::official(d.today),
        total[5],
        total[6]
    );
    if silent.is_empty() {
        text.push_str("各党支部均报送了进展。");
    } else {
        text.push_str(&format!(
            "{}个党支部本期未报送进展：{}。",
            silent.len(),
            silent.join("、")
        ));
    }
    let pressed = truths.iter().filter(|t| t.pressing > 0).count();
    if pressed > 0 {
        text.push_str(&format!("拟向{pressed}个党支部发督办单。"));
    }
    text
}

#[test]
fn 调度_is_one_row_per_党支部_and_every_column_is_right_week_by_week() {
    let c = campaign();
    let mut both_lists_pressed = false;
    for week in 1..=WEEKS {
        let (today, period) = week_of(week);
        let o = office(today);
        let d = dispatch(&o.c, &o.unit, period, "本周", today);
        assert_eq!(
            d.branches.len(),
            39,
            "week {week}: 39 rows, no 党支部 twice"
        );
        let truths: Vec<Truth> = (0..BRANCHES.len())
            .map(|b| c.truth(b, period, today))
            .collect();
        for (b, t) in truths.iter().enumerate() {
            let r = &d.branches[b];
            let at = format!("week {week}, {}", BRANCHES[b]);
            assert_eq!(r.name, BRANCHES[b], "{at}");
            assert_eq!(
                r.figures.cells(),
                t.figures,
                "{at}: 新销号 新完成 新增逾期 申请延期 进展记录 逾期 临期"
            );
            assert_eq!((r.new_file, r.silent), (t.new_file, t.silent), "{at}");
            assert_eq!(
                r.pressing.len(),
                t.pressing,
                "{at}: the measures of its 督办单"
            );
            both_lists_pressed |= [Kind::Org, Kind::Member]
                .iter()
                .all(|k| r.pressing.iter().any(|p| p.list == *k));
            // What the review made the branch rewrite reads with its old and new text.
            let changes: Vec<_> = r.lists.iter().flat_map(|l| &l.changes).collect();
            for rw in &t.rewrites {
                assert!(
                    changes.iter().any(|ch| ch.field == rw.field
                        && ch.before == rw.before
                        && ch.after == rw.after),
                    "{at}: {} {} → {} not among {changes:?}",
                    rw.field,
                    rw.before,
                    rw.after
                );
            }
            for l in r
                .lists
                .iter()
                .filter(|l| l.new_files > 0 && l.baseline.is_some())
            {
                assert!(
                    !l.changes.is_empty(),
                    "{at}: a file handed in with changes never reads 没有变化"
                );
                assert!(!l.summary().contains("没有变化"), "{at}");
            }
        }
        assert_eq!(d.paragraph(), paragraph(&d, &truths), "week {week}");
        let supervised: Vec<&str> = d.to_supervise().map(|b| b.name.as_str()).collect();
        let expected: Vec<&str> = (0..BRANCHES.len())
            .filter(|&b| truths[b].pressing > 0)
            .map(|b| BRANCHES[b])
            .collect();
        assert_eq!(
            supervised, expected,
            "week {week}: one 督办单 per 党支部 with such measures"
        );
        for p in d.to_supervise().flat_map(|b| &b.pressing) {
            assert!(
                !p.problem.is_empty() && !p.problem.contains("第1个问题"),
                "the problem in words"
            );
        }
    }
    assert!(
        both_lists_pressed,
        "a 督办单 holds the measures of both lists"
    );
}

#[test]
fn two_hand_ins_in_one_week_count_the_whole_week() {
    let c = campaign();
    let (today, period) = week_of(TWICE_WEEK);
    let o = office(today);
    let d = dispatch(&o.c, &o.unit, period, "本周", today);
    let t = c.truth(TWICE, period, today);
    let r = &d.branches[TWICE];
    assert_eq!(r.lists[0].new_files, 2);
    assert_eq!(
        r.figures.completed + r.figures.extensions,
        2,
        "a measure moved on Tuesday and another on Thursday"
    );
    assert_eq!(r.figures.cells(), t.figures);
    assert!(r.lists[0].summary().contains("本期报送2次"));
}

#[test]
fn the_汇总_workbook_has_the_figures_of_the_screen_week_by_week() {
    let c = campaign();
    for week in 1..=WEEKS {
        let (today, period) = week_of(week);
        let o = office(today);
        let book = consolidation_book(&o.c, &o.unit, today);
        let branches = &book.sheets[0];
        assert_eq!(branches.name, "各党支部");
        assert_eq!(branches.rows.len(), 40, "week {week}: 39 党支部 and 合计");
        let mut sums = [0u64; 6];
        for (b, row) in branches.rows[..39].iter().enumerate() {
            let t = c.truth(b, period, today);
            let handed = |r: Option<u32>| match r {
                Some(r) => Cell::Text(format!("已报（第{r}版）")),
                None => Cell::Text("未报".into()),
            };
            let rate = match completion_permille(t.finished, t.measures) {
                Some(p) => Cell::Permille(p),
                None => Cell::Text("—".into()),
            };
            let n = |v: usize| Cell::Count(v as u64);
            assert_eq!(
                row.cells,
                [
                    n(b + 1),
                    Cell::Text(BRANCHES[b].into()),
                    handed(t.revisions[0]),
                    handed(t.revisions[1]),
                    n(t.members),
                    n(t.problems),
                    n(t.measures),
                    n(t.finished),
                    n(t.figures[5]),
                    n(t.closed),
                    rate,
                    n(0),
                    n(0),
                ],
                "week {week}, {}",
                BRANCHES[b]
            );
            for (s, v) in sums.iter_mut().zip([
                t.problems,
                t.measures,
                t.finished,
                t.figures[5],
                t.closed,
                t.members,
            ]) {
                *s += v as u64;
            }
        }
        let total = &branches.rows[39].cells;
        assert_eq!(total[0], Cell::Text("合计".into()));
        assert_eq!(total[1], Cell::Text("39个党支部".into()));
        assert_eq!(
            [&total[5], &total[6], &total[7], &total[8], &total[9], &total[4]],
            sums.map(Cell::Count).each_ref(),
            "week {week}: the 合计 adds up"
        );
        // Every file received, with the figures of that file (a re-export keeps its name: never matched by it).
        let files = &book.sheets[1];
        assert_eq!(files.rows.len(), o.set.files.len(), "week {week}");
        for (row, kept) in files.rows.iter().zip(&o.set.files) {
            let h = c
                .hand_ins
                .iter()
                .find(|h| h.file_name == kept.name)
                .unwrap();
            assert_eq!(row.cells[3], Cell::Text(h.file_name.clone()));
            assert_eq!(
                row.cells[4],
                Cell::Count(h.revision.into()),
                "{}",
                h.file_name
            );
            assert_eq!(
                (&row.cells[6], &row.cells[7]),
                (
                    &Cell::Count(h.problems as u64),
                    &Cell::Count(h.measures as u64)
                ),
                "week {week}: {} has its own figures",
                h.file_name
            );
        }
        // The screen's figures are the workbook's.
        assert_eq!(
            book.sheets[3].notes[0],
            format!("情况说明：{}", o.unit.report(&o.c, today))
        );
    }
}

#[test]
fn the_调度表s_changes_and_the_督办单_are_laid_out_in_pages_that_say_whose_they_are() {
    use rectify::domain::papers::layouts::{changes_pages, notice_sheets, Piece};
    let (today, period) = week_of(WEEKS);
    let o = office(today);
    let d = dispatch(&o.c, &o.unit, period, "本周", today);
    let pages = changes_pages(&d);
    assert!(pages.len() > 3, "{} pages of changes", pages.len());
    let mut rows = 0;
    for (p, page) in pages.iter().enumerate() {
        // Every page starts with its 党支部: its own heading, or the one it goes on from (（续）).
        assert!(
            matches!(page.first(), Some(Piece::Branch { .. })),
            "page {p}"
        );
        if let (
            Some(Piece::Branch {
                continued: true, ..
            }),
            Some(Piece::Row(_)),
        ) = (page.first(), page.get(2))
        {
            assert_eq!(page[1], Piece::Head, "page {p}: the table's head again");
        }
        rows += page.iter().filter(|x| matches!(x, Piece::Row(_))).count();
    }
    let all: usize = d
        .branches
        .iter()
        .filter(|b| b.new_file)
        .flat_map(|b| b.lists.iter().filter(|l| l.new_files > 0))
        .map(|l| l.changes.len())
        .sum();
    assert_eq!(rows, all, "every change once");
    // A 督办单's sheets hold each of its measures once, in order; up to six fit one sheet.
    for b in d.to_supervise() {
        let sheets = notice_sheets(&d, b);
        let covered: Vec<usize> = sheets.iter().flat_map(|r| r.clone()).collect();
        assert_eq!(
            covered,
            (0..b.pressing.len()).collect::<Vec<_>>(),
            "{}",
            b.name
        );
        if b.pressing.len() <= 6 {
            assert_eq!(sheets.len(), 1, "{}: {} measures", b.name, b.pressing.len());
        }
    }
}
