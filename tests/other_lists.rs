//! The campaign's other lists in 汇总 (issue 45): the bureau's simulated campaign (39 党支部, both 检视整改 lists,
//! eight weeks) with its 调研问题清单, 成果转化清单 and 意见建议台账 handed in as files beside them — one handed in
//! twice — gives back the bureau report's totals exactly (38 调研问题, 36 措施, 7 成果转化, 68 意见建议), by 党支部
//! and in the 情况说明, and in the 汇总 workbook.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Days, NaiveDate};
use rectify::domain::office::branches::Unit;
use rectify::domain::office::consolidate::Verdict;
use rectify::domain::office::dispatch::dispatch;
use rectify::domain::office::other_lists::by_branch;
use rectify::domain::office::period::Period;
use rectify::domain::papers::ledger_book::consolidation_book;
use rectify::domain::papers::sheet::Cell;
use rectify::domain::register::figures::Figures;
use rectify::domain::register::file::export;
use rectify::domain::sample::campaign::{Campaign, BRANCHES, WEEKS};
use rectify::domain::sample::registers::*;

const PARAGRAPH: &str = "围绕21个调研课题，梳理调查研究发现问题38个，制定整改措施36条，已整改19个、销号5个；形成调研成果11项，完成成果转化7个；累计收集意见建议68条，已办结52条，办复率89.7%。";

#[test]
fn the_campaigns_other_lists_come_out_of_the_summary_with_the_reports_totals() {
    let start = NaiveDate::from_ymd_opt(2024, 3, 4).unwrap();
    let today = start + Days::new(7 * WEEKS + 2);
    let campaign = Campaign::new(start);
    let mut set = campaign.set_on(today);
    let now = DateTime::parse_from_rfc3339("2024-04-20T10:00:00+08:00").unwrap();
    let registers = other_lists(start);
    let mut files: Vec<(String, Vec<u8>)> = registers
        .iter()
        .map(|r| {
            let out = export(r, true, now);
            (out.file_name, out.bytes)
        })
        .collect();
    // The first branch hands its 意见建议台账 in twice (a copy in the downloads folder): counted once.
    let again = files
        .iter()
        .find(|(n, _)| n.starts_with("意见建议台账"))
        .unwrap()
        .clone();
    files.push((format!("{}(1)", again.0), again.1));
    set.add(&files);
    let c = set.consolidate(today);
    let unit = Unit::of(&c, &set.joined, &set.expected);

    assert_eq!(c.registers.len(), registers.len());
    let duplicates = c
        .submissions
        .iter()
        .filter(|s| matches!(s.verdict, Verdict::Duplicate { .. }))
        .count();
    assert!(duplicates >= 1);
    let total = Figures::total(c.registers.iter().map(|r| &r.register));
    assert_eq!(
        (
            total.problems,
            total.measures,
            total.results_done,
            total.opinions
        ),
        (SURVEY_PROBLEMS, SURVEY_MEASURES, RESULTS_DONE, OPINIONS)
    );
    // The 检视整改 figures are the campaign's as before: the registers add a sentence, never a list.
    let report = unit.report(&c, today);
    assert!(report.ends_with(PARAGRAPH), "{report}");
    assert!(report.contains(&format!("已收到{}个党支部", unit.reporting().count())));

    // By 党支部: 22 党支部 kept one of these lists (0–11 a 调研问题清单, 0–4 a 成果转化清单, 3–22 an 意见建议台账).
    let rows = by_branch(&c.registers, &unit);
    assert_eq!(rows.len(), 23);
    let sum: usize = rows.iter().map(|r| r.figures.opinions).sum();
    assert_eq!(sum, OPINIONS);
    let first = rows.iter().find(|r| r.name == BRANCHES[0]).unwrap();
    assert_eq!(
        (
            first.figures.topics,
            first.figures.problems,
            first.figures.results
        ),
        (2, 4, 3)
    );

    // The workbook's sheet: a row a 党支部, 合计 with the totals, the paragraph under it.
    let book = consolidation_book(&c, &unit, today);
    let sheet = book
        .sheets
        .iter()
        .find(|s| s.name == "调研成果意见建议")
        .unwrap();
    let last = sheet.rows.last().unwrap();
    assert_eq!(last.cells[0], Cell::Text("合计".into()));
    assert_eq!(last.cells[3], Cell::Count(SURVEY_PROBLEMS as u64));
    assert_eq!(last.cells[4], Cell::Count(SURVEY_MEASURES as u64));
    assert_eq!(last.cells[8], Cell::Count(RESULTS_DONE as u64));
    assert_eq!(last.cells[9], Cell::Count(OPINIONS as u64));
    assert_eq!(sheet.notes, vec![PARAGRAPH.to_string()]);

    // 调度 of the week the 61 answers were given (the sample answers on the campaign's 26th day, a Friday of week 4),
    // and of the week the five 销号 fell in (day 41): the paragraph says what moved in the other lists.
    let week = |day: u64| Period::week_of(start + Days::new(day));
    let answers = dispatch(&c, &unit, week(25), "本周", today).paragraph();
    assert!(
        answers.contains("调研问题新销号0个；新收集意见建议0条，新反馈61条。"),
        "{answers}"
    );
    let closing = dispatch(&c, &unit, week(40), "本周", today).paragraph();
    assert!(closing.contains("调研问题新销号5个；"), "{closing}");
}
