//! The Excel workbooks: a branch's 整改台账 (sheets 台账 and 按类别) and the office's 汇总 (各党支部, 汇总台账,
//! 按类别). The same rows and figures as the ledger page, its CSV and the 汇总 page, in cells of their own types.

use chrono::NaiveDate;

use super::sheet::{Book, Cell, Column, Row, Sheet};
use crate::domain::dates;
use crate::domain::file::digest::short_code;
use crate::domain::file::export::{next_digest, windows_safe};
use crate::domain::ledger::{self, completion_permille, Entry, Summary, CSV_HEADERS};
use crate::domain::list::model::{Deadline, Document, Kind, Measure};
use crate::domain::office::branches::{exported_on, Branch, Unit};
use crate::domain::office::consolidate::Consolidation;

/// Widths of the ledger's columns (those of `CSV_HEADERS`), in characters of 10.5-point text: wide enough to
/// read; a sheet too wide for one page at 9 points or more prints two pages wide (`Sheet::pages_wide`).
const LEDGER_WIDTHS: [u16; 16] = [7, 8, 10, 28, 28, 16, 14, 9, 10, 10, 6, 24, 14, 10, 16, 9];
/// The columns a problem's cells are merged in over its measures (positions in `CSV_HEADERS`): 党员, 问题类别,
/// 问题表现.
const PROBLEM_COLUMNS: [usize; 3] = [1, 2, 3];

/// The 台账's columns for a list of `kind` (positions in `CSV_HEADERS`): an org list has no 党员, a member list no
/// 牵头责任人 and 责任单位 (its measures have neither, `format.md`). The office's 汇总台账 (both kinds) keeps them
/// all (`ALL_COLUMNS`).
fn ledger_picks(kind: Kind) -> Vec<usize> {
    let dropped: &[usize] = match kind {
        Kind::Org => &[1],
        Kind::Member => &[7, 8],
    };
    (0..CSV_HEADERS.len())
        .filter(|i| !dropped.contains(i))
        .collect()
}

/// Where the problem's columns are among `picks`.
fn problem_columns(picks: &[usize]) -> Vec<usize> {
    PROBLEM_COLUMNS
        .iter()
        .filter_map(|c| picks.iter().position(|p| p == c))
        .collect()
}

/// Every column of the CSV: the 汇总台账 holds both kinds of list.
const ALL_COLUMNS: [usize; 16] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];

fn picked<T: Clone>(all: &[T], picks: &[usize]) -> Vec<T> {
    picks.iter().map(|&i| all[i].clone()).collect()
}

fn text(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_string())
    }
}

/// A date cell when `text` is a real date, else the text as it is.
fn date_or_text(text: &str, suffix: &str) -> Cell {
    match dates::parse(text.trim()) {
        Some(d) => Cell::Date {
            date: dates::iso(d),
            suffix: suffix.to_string(),
        },
        None => self::text(text.trim()),
    }
}

/// The cells of one ledger entry, in the columns of `CSV_HEADERS`: a 限期整改 deadline and a 销号 date are dates.
fn entry_cells(e: &Entry, m: &Measure) -> Vec<Cell> {
    let extended = m
        .extension
        .as_ref()
        .is_some_and(|x| !x.new_date.trim().is_empty());
    let deadline = match &m.deadline {
        Deadline::ByDate { date } if !extended => date_or_text(date, "前"),
        _ => text(&e.deadline),
    };
    let closed = m.closed.clone().unwrap_or_default();
    vec![
        text(&e.number),
        text(&e.member),
        text(&e.category),
        text(&e.problem),
        text(&e.content),
        text(&e.goal),
        deadline,
        text(&e.lead),
        text(&e.dept),
        text(e.status.label()),
        text(if e.overdue { ledger::OVERDUE } else { "" }),
        text(&e.latest),
        date_or_text(&closed.date, ""),
        text(closed.by.trim()),
        text(closed.opinion.trim()),
        text(
            m.extension
                .as_ref()
                .map(|x| x.approved_by.trim())
                .unwrap_or(""),
        ),
    ]
}

/// Where each problem's rows start among `doc`'s ledger rows, and how many there are.
fn problem_spans(doc: &Document, start: usize) -> Vec<(usize, usize)> {
    let mut at = start;
    doc.all_problems()
        .map(|(_, p)| {
            let span = (at, p.measures.len());
            at += p.measures.len();
            span
        })
        .collect()
}

fn footer(code: Option<&str>) -> String {
    match code {
        Some(code) => format!("&C第&P页 共&N页&R校验码：{code}"),
        None => "&C第&P页 共&N页".to_string(),
    }
}

/// The categories of one kind of list (`None`: a branch's one list) with their figures.
type CategoryGroup = (Option<Kind>, Vec<(String, Summary)>);

/// The figures of one row of 按类别.
fn category_figures(s: &Summary) -> [Cell; 6] {
    [
        Cell::Count(s.problems as u64),
        Cell::Count(s.measures as u64),
        Cell::Count(s.finished() as u64),
        Cell::Count(s.count(crate::domain::list::model::Status::InProgress) as u64),
        Cell::Count(s.overdue as u64),
        rate(s),
    ]
}

/// The table by category with 序号 and 合计, and the paragraph of the report under it. `groups` are the
/// categories of each kind of list apart (the office's 汇总: the org lists' 六个方面, then the member lists'
/// 四个方面, with a 清单 column to say which); a branch's list is one group without it.
fn by_category_sheet(
    groups: &[CategoryGroup],
    report: String,
    title: String,
    as_of: &str,
) -> Sheet {
    let kinds = groups.iter().any(|(k, _)| k.is_some());
    let mut spec = vec![("序号", 6)];
    if kinds {
        spec.push(("清单", 12));
    }
    spec.extend([
        ("问题类别", 20),
        ("问题", 8),
        ("措施", 8),
        ("已完成", 8),
        ("正在整改", 10),
        ("逾期", 8),
        ("整改完成率", 12),
    ]);
    let mut sheet = Sheet {
        name: "按类别".into(),
        title,
        lines: vec![as_of.to_string()],
        columns: columns(&spec),
        notes: vec![format!("情况说明：{report}")],
        footer: footer(None),
        ..Sheet::default()
    };
    let mut total = Summary::default();
    for (kind, rows) in groups {
        for (c, s) in rows {
            let mut cells = vec![Cell::Count(sheet.rows.len() as u64 + 1)];
            if kinds {
                cells.push(text(kind.map(Kind::short_name).unwrap_or("")));
            }
            cells.push(text(c));
            cells.extend(category_figures(s));
            sheet.rows.push(Row {
                cells,
                marked: false,
            });
            // A measure is in one category of one list: the categories add up to the whole.
            total.add(s);
        }
    }
    let mut cells = vec![text("合计")];
    if kinds {
        cells.push(Cell::Empty);
    }
    cells.push(Cell::Empty);
    cells.extend(category_figures(&total));
    sheet.rows.push(Row {
        cells,
        marked: false,
    });
    sheet
}

/// 整改完成率 as a percentage cell, or — when there are no measures.
fn rate(s: &Summary) -> Cell {
    match completion_permille(s.finished(), s.measures) {
        Some(p) => Cell::Permille(p),
        None => Cell::Text("—".into()),
    }
}

/// The 台账's columns: the CSV's chosen by `picks`, in its order.
fn ledger_columns(picks: &[usize]) -> impl Iterator<Item = Column> + '_ {
    picks.iter().map(|&i| Column {
        header: CSV_HEADERS[i].to_string(),
        width: LEDGER_WIDTHS[i],
    })
}

/// A branch's 整改台账 as a workbook: 台账 (one row per measure, as the CSV) and 按类别 (the table by category and
/// the report paragraph).
pub fn ledger_book(doc: &Document, today: NaiveDate) -> Book {
    // 截至…, after the list's 活动 when it names one.
    let as_of = crate::domain::list::campaign::as_of_line(&doc.header, &dates::official(today));
    let org = doc.header.org_name.trim();
    let title = format!("{org}检视整改问题整改台账");
    let measures: Vec<&Measure> = doc.all_measures().collect();
    let entries = ledger::entries(doc, today);
    let picks = ledger_picks(doc.kind);
    let mut sheet = Sheet {
        name: "台账".into(),
        title: title.clone(),
        lines: vec![as_of.clone()],
        columns: ledger_columns(&picks).collect(),
        rows: entries
            .iter()
            .zip(&measures)
            .map(|(e, m)| Row {
                cells: picked(&entry_cells(e, m), &picks),
                marked: e.overdue,
            })
            .collect(),
        merges: Vec::new(),
        notes: Vec::new(),
        footer: footer(Some(&short_code(&next_digest(doc)))),
        not_printed: None,
    };
    sheet.merge_runs(&problem_spans(doc, 0), &problem_columns(&picks));
    let categories = by_category_sheet(
        &[(None, ledger::by_category(doc, today))],
        ledger::report(doc, today),
        title,
        &as_of,
    );
    Book {
        sheets: vec![sheet, categories],
    }
}

/// `整改台账-{org}-{YYYYMMDD of today}.xlsx`, as the CSV is named.
pub fn ledger_file_name(doc: &Document, today: NaiveDate) -> String {
    ledger::csv_file_name(doc, today).replace(".csv", ".xlsx")
}

/// The office's 汇总 as a workbook: 各党支部 (one row per 党支部, with its lists' figures, and 合计), 收到的文件
/// (every file received with its verdict and the figures *of that file*), 汇总台账 (every measure of every list
/// that counts, with its 党支部 first) and 按类别.
pub fn consolidation_book(c: &Consolidation, unit: &Unit, today: NaiveDate) -> Book {
    let as_of = c.as_of_line(&dates::official(today));
    let mut book = Book {
        sheets: vec![
            branches_sheet(c, unit, &as_of),
            files_sheet(c, unit, &as_of),
            unit_ledger_sheet(c, unit, today, &as_of),
            by_category_sheet(
                &[
                    (Some(Kind::Org), c.by_category_of(Kind::Org, today)),
                    (Some(Kind::Member), c.by_category_of(Kind::Member, today)),
                ],
                unit.report(c, today),
                "检视整改问题汇总".into(),
                &as_of,
            ),
        ],
    };
    if !c.registers.is_empty() {
        book.sheets.insert(1, other_lists_sheet(c, unit, &as_of));
    }
    book
}

/// 调研、成果转化和意见建议: each 党支部 that handed in one of the campaign's other lists, its figures, and 合计
/// (`docs/format.md` § 15.6).
pub fn other_lists_sheet(c: &Consolidation, unit: &Unit, as_of: &str) -> Sheet {
    use crate::domain::office::other_lists::by_branch;
    use crate::domain::register::figures::Figures;
    let mut sheet = Sheet {
        name: "调研成果意见建议".into(),
        title: "调研问题、成果转化和意见建议情况".into(),
        lines: vec![as_of.to_string()],
        columns: columns(&[
            ("序号", 6),
            ("党支部", 26),
            ("调研课题", 8),
            ("调研问题", 8),
            ("整改措施", 8),
            ("已整改", 7),
            ("已销号", 7),
            ("调研成果", 8),
            ("成果转化", 8),
            ("意见建议", 8),
            ("已办结", 7),
            ("办复率", 8),
            ("纳入检视整改", 10),
        ]),
        footer: footer(None),
        ..Sheet::default()
    };
    let cells = |f: &Figures| {
        let n = |v: usize| Cell::Count(v as u64);
        let rate = f.answer_permille().map(Cell::Permille);
        vec![
            n(f.topics),
            n(f.problems),
            n(f.measures),
            n(f.problems_done),
            n(f.problems_closed),
            n(f.results),
            n(f.results_done),
            n(f.opinions),
            n(f.settled),
            rate.unwrap_or(Cell::Empty),
            n(f.included),
        ]
    };
    for (i, row) in by_branch(&c.registers, unit).iter().enumerate() {
        let mut line = vec![Cell::Count(i as u64 + 1), text(&row.name)];
        line.extend(cells(&row.figures));
        sheet.rows.push(Row {
            cells: line,
            marked: false,
        });
    }
    let total = Figures::total(c.registers.iter().map(|r| &r.register));
    let mut line = vec![text("合计"), Cell::Empty];
    line.extend(cells(&total));
    sheet.rows.push(Row {
        cells: line,
        marked: false,
    });
    sheet.notes.push(total.paragraph());
    sheet
}

/// What the 汇总 prints on paper besides its figures and paragraph: the same 各党支部 and 按类别 tables as its
/// workbook.
pub fn summary_paper_sheets(c: &Consolidation, unit: &Unit, today: NaiveDate) -> [Sheet; 2] {
    let as_of = c.as_of_line(&dates::official(today));
    [
        branches_sheet(c, unit, &as_of),
        by_category_sheet(
            &[
                (Some(Kind::Org), c.by_category_of(Kind::Org, today)),
                (Some(Kind::Member), c.by_category_of(Kind::Member, today)),
            ],
            unit.report(c, today),
            "检视整改问题汇总".into(),
            &as_of,
        ),
    ]
}

fn columns(spec: &[(&str, u16)]) -> Vec<Column> {
    spec.iter()
        .map(|(h, w)| Column {
            header: h.to_string(),
            width: *w,
        })
        .collect()
}

/// `已报（第2版）`, `未报`, or both revisions when a 党支部 has two lists of one kind.
fn handed_in(c: &Consolidation, b: &Branch, kind: Kind) -> Cell {
    let revisions: Vec<String> = b
        .lists_of(c, kind)
        .map(|(_, l)| format!("第{}版", l.document.revision))
        .collect();
    if revisions.is_empty() {
        text("未报")
    } else {
        text(&format!("已报（{}）", revisions.join("、")))
    }
}

fn figures_cells(s: &Summary) -> [Cell; 6] {
    [
        Cell::Count(s.problems as u64),
        Cell::Count(s.measures as u64),
        Cell::Count(s.finished() as u64),
        Cell::Count(s.overdue as u64),
        Cell::Count(s.closed as u64),
        rate(s),
    ]
}

fn branches_sheet(c: &Consolidation, unit: &Unit, as_of: &str) -> Sheet {
    let mut sheet = Sheet {
        name: "各党支部".into(),
        title: "各党支部报送情况".into(),
        lines: vec![as_of.to_string()],
        columns: columns(&[
            ("序号", 6),
            ("党支部", 26),
            ("党组织清单", 14),
            ("党员清单", 14),
            ("党员", 6),
            ("问题", 6),
            ("措施", 6),
            ("已完成", 7),
            ("逾期", 6),
            ("已销号", 7),
            ("整改完成率", 10),
            ("错误", 6),
            ("提醒", 6),
        ]),
        footer: footer(None),
        ..Sheet::default()
    };
    for (i, b) in unit.branches.iter().enumerate() {
        let mut cells = vec![
            Cell::Count(i as u64 + 1),
            text(&b.name),
            handed_in(c, b, Kind::Org),
            handed_in(c, b, Kind::Member),
            Cell::Count(b.members(c) as u64),
        ];
        cells.extend(figures_cells(&b.summary));
        cells.extend([Cell::Count(b.errors as u64), Cell::Count(b.warnings as u64)]);
        sheet.rows.push(Row {
            cells,
            marked: b.summary.overdue > 0,
        });
    }
    let total = unit.total();
    let mut cells = vec![
        text("合计"),
        text(&format!("{}个党支部", unit.reporting().count())),
        text(&format!(
            "{}份",
            c.lists
                .iter()
                .filter(|l| l.document.kind == Kind::Org)
                .count()
        )),
        text(&format!(
            "{}份",
            c.lists
                .iter()
                .filter(|l| l.document.kind == Kind::Member)
                .count()
        )),
        Cell::Count(unit.branches.iter().map(|b| b.members(c) as u64).sum()),
    ];
    cells.extend(figures_cells(&total));
    cells.extend([
        Cell::Count(unit.branches.iter().map(|b| b.errors as u64).sum()),
        Cell::Count(unit.branches.iter().map(|b| b.warnings as u64).sum()),
    ]);
    sheet.rows.push(Row {
        cells,
        marked: false,
    });
    sheet
}

/// Every file received, each with the figures of that very file (matched by the file, never by its name: a list
/// handed in again usually keeps its name).
fn files_sheet(c: &Consolidation, unit: &Unit, as_of: &str) -> Sheet {
    let mut sheet = Sheet {
        name: "收到的文件".into(),
        title: "收到的文件".into(),
        lines: vec![as_of.to_string()],
        // Every file received, hand-ins again and again: dozens of pages, a record rather than a paper.
        not_printed: Some("本表列出收到的每个文件（含被新版本取代的），页数较多，打印整个工作簿时只打印本说明。需要纸质件时，请选中要打印的行，用“打印选定区域”打印。".into()),
        columns: columns(&[
            ("序号", 6),
            ("党支部", 24),
            ("清单", 10),
            ("文件", 32),
            ("修订号", 7),
            ("报送日期", 14),
            ("问题", 6),
            ("措施", 6),
            ("已完成", 7),
            ("逾期", 6),
            ("已销号", 7),
            ("整改完成率", 10),
            ("结论", 34),
        ]),
        footer: footer(None),
        ..Sheet::default()
    };
    for (i, s) in c.submissions.iter().enumerate() {
        let d = s.document.as_ref();
        // The 党支部 of a list that counts; a superseded file is named as it names itself.
        let branch = d.map(|d| {
            c.lists
                .iter()
                .position(|l| l.document.id == d.id)
                .map(|l| unit.branch_of(l).name.clone())
                .unwrap_or_else(|| d.header.org_name.trim().to_string())
        });
        let mut cells = vec![
            Cell::Count(i as u64 + 1),
            text(branch.as_deref().unwrap_or("")),
            text(d.map(|d| d.kind.short_name()).unwrap_or("")),
            text(&s.file_name),
            d.map(|d| Cell::Count(u64::from(d.revision)))
                .unwrap_or(Cell::Empty),
            d.and_then(exported_on)
                .map(|day| Cell::Date {
                    date: dates::iso(day),
                    suffix: String::new(),
                })
                .unwrap_or(Cell::Empty),
        ];
        match &s.summary {
            Some(summary) => cells.extend(figures_cells(summary)),
            None => cells.extend(std::iter::repeat_n(Cell::Empty, 6)),
        }
        cells.push(text(&s.verdict.label()));
        sheet.rows.push(Row {
            cells,
            marked: !s.verdict.counts(),
        });
    }
    sheet
}

fn unit_ledger_sheet(c: &Consolidation, unit: &Unit, today: NaiveDate, as_of: &str) -> Sheet {
    let mut sheet = Sheet {
        name: "汇总台账".into(),
        title: "检视整改问题汇总台账".into(),
        lines: vec![as_of.to_string()],
        // Every measure of every 党支部: hundreds of pages, which printing the workbook must not bring.
        not_printed: Some("本表列出全部党支部的全部措施，页数很多，打印整个工作簿时只打印本说明。需要纸质件时，请筛选一个党支部，选中它的行，用“打印选定区域”打印；各党支部的台账也可在本程序的“整改台账”中打印。".into()),
        columns: std::iter::once(Column {
            header: "党支部".into(),
            width: 18,
        })
        .chain(ledger_columns(&ALL_COLUMNS))
        .collect(),
        footer: footer(None),
        ..Sheet::default()
    };
    let mut spans = Vec::new();
    for b in &unit.branches {
        for &i in &b.lists {
            let doc = &c.lists[i].document;
            spans.extend(problem_spans(doc, sheet.rows.len()));
            let measures: Vec<&Measure> = doc.all_measures().collect();
            for (e, m) in ledger::entries(doc, today).iter().zip(&measures) {
                let mut cells = vec![text(&b.name)];
                cells.extend(entry_cells(e, m));
                sheet.rows.push(Row {
                    cells,
                    marked: e.overdue,
                });
            }
        }
    }
    // One column further right than in a branch's ledger: the 党支部 column comes first.
    let shifted: Vec<usize> = PROBLEM_COLUMNS.iter().map(|c| c + 1).collect();
    sheet.merge_runs(&spans, &shifted);
    sheet
}

/// `汇总-{YYYYMMDD}.xlsx`.
pub fn consolidation_file_name(today: NaiveDate) -> String {
    windows_safe(&format!("检视整改汇总-{}", dates::compact(today))) + ".xlsx"
}
