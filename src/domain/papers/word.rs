//! The list as a Word document, as it prints: the two title lines, 填报单位 and 填报日期, the table with its header
//! row repeated and a problem's cells merged over its measures, the signatures, and in the footer the 校验码 and
//! the page numbers. The domain fills this model from the print rows; `writers::docx` writes the OOXML.

use crate::domain::file::digest::short_code;
use crate::domain::file::export::{file_name, next_digest};
use crate::domain::list::campaign::Active;
use crate::domain::list::model::{Document, Kind};
use crate::domain::office::review::paper::Feedback;
use crate::domain::papers::print::{heading, member_rows, org_rows, MeasureRow, ProblemBlock};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct WordDoc {
    /// Each starts on a new page.
    pub pages: Vec<WordPage>,
    /// The 校验码 printed in the footer of every page, with the page numbers.
    pub code: Option<String>,
    /// A list with errors: 草稿 in the header of every page.
    pub draft: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct WordPage {
    /// Centred, in the title's font.
    pub title: Vec<String>,
    /// One line under the title: the first part at the left, the last at the right, any between spaced out.
    pub meta: Vec<String>,
    pub table: WordTable,
    /// Lines after the table: signatures, 支部意见.
    pub closing: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct WordTable {
    pub columns: Vec<WordColumn>,
    pub rows: Vec<Vec<WordCell>>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct WordColumn {
    pub header: String,
    /// In tenths of a percent of the table's width.
    pub width: u16,
}

#[derive(Clone, Debug, PartialEq)]
pub enum WordCell {
    Text(String),
    /// One cell with the cell above it (a problem's cell over its second and later measures).
    Below,
}

/// The printed layouts Word offers: the list as one table, or (for a member list) one page per member.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordLayout {
    Table,
    PerMember,
}

fn columns(spec: &[(&str, u16)]) -> Vec<WordColumn> {
    spec.iter()
        .map(|(header, width)| WordColumn {
            header: header.to_string(),
            width: *width,
        })
        .collect()
}

fn t(s: &str) -> WordCell {
    WordCell::Text(s.to_string())
}

/// The rows of one problem: its own cells (`lead`, then 序号 and the rest) on the first row and merged down, the
/// measures' cells on their rows.
fn problem_rows(
    p: &ProblemBlock,
    lead: Vec<WordCell>,
    own: Vec<WordCell>,
    measure: impl Fn(&MeasureRow) -> Vec<WordCell>,
    measure_columns: usize,
) -> Vec<Vec<WordCell>> {
    let head: Vec<WordCell> = lead.into_iter().chain(own).collect();
    let below = vec![WordCell::Below; head.len()];
    let empty = vec![t(""); measure_columns];
    (0..p.span())
        .map(|i| {
            let front = if i == 0 { head.clone() } else { below.clone() };
            let cells = p
                .measures
                .get(i)
                .map(&measure)
                .unwrap_or_else(|| empty.clone());
            front.into_iter().chain(cells).collect()
        })
        .collect()
}

pub fn signatures(filed_by: &str, phone: &str) -> String {
    format!(
        "党支部书记（签字）：＿＿＿＿＿＿＿＿\u{3000}\u{3000}填报人：{filed_by}\u{3000}\u{3000}联系电话：{phone}"
    )
}

/// The 审核意见反馈单 as a Word document: one page (or more) with the list and verdict above the comments, and
/// the reviewer, the date and the lines to sign and to acknowledge under them.
pub fn feedback_document(f: &Feedback) -> WordDoc {
    let rows = f
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            vec![
                t(&(i + 1).to_string()),
                t(&r.location),
                t(&r.quote),
                t(&r.comment),
            ]
        })
        .collect();
    WordDoc {
        pages: vec![WordPage {
            // The list under the title, as the printed 反馈单 has it: three parts on the one meta line ran together
            // in Word (…第1版审核结论…).
            title: vec!["审核意见反馈单".to_string(), f.list.clone()],
            meta: vec![
                format!("报送单位：{}", f.unit),
                format!("审核结论：{}", f.verdict),
            ],
            table: WordTable {
                columns: columns(&[
                    ("序号", 50),
                    ("位置", 180),
                    ("原文（摘录）", 300),
                    ("审核意见", 470),
                ]),
                rows,
            },
            closing: vec![
                format!(
                    "审核人：{}　　　　审核日期：{}　　　　审核人（签字）：＿＿＿＿＿＿",
                    f.reviewer, f.date
                ),
                "党支部签收：＿＿＿＿＿＿　　　　签收日期：＿＿＿＿年＿＿月＿＿日".to_string(),
            ],
        }],
        code: None,
        draft: false,
    }
}

/// The list `doc` as a Word document in `layout` (one page per member applies to member lists only).
pub fn list_document(doc: &Document, complete: bool, layout: WordLayout) -> WordDoc {
    let h = heading(doc, complete);
    let page = Page {
        title: vec![h.org_line.clone(), h.title_line.clone()],
        meta: vec![h.unit.clone(), h.filed_on.clone()],
        closing: vec![signatures(&h.filed_by, &h.phone)],
    };
    let pages = match (doc.kind, layout) {
        (Kind::Org, _) => org_pages(doc, page),
        (Kind::Member, WordLayout::Table) => member_table(doc, page),
        (Kind::Member, WordLayout::PerMember) => one_page_per_member(doc, &h.filed_on),
    };
    WordDoc {
        pages,
        code: Some(short_code(&next_digest(doc))),
        draft: !complete,
    }
}

/// What every page of a list's document has around its table: the title lines, 填报单位 and date, signatures.
struct Page {
    title: Vec<String>,
    meta: Vec<String>,
    closing: Vec<String>,
}

/// An org list: one table of its problems, each with its measures.
fn org_pages(doc: &Document, page: Page) -> Vec<WordPage> {
    let Page {
        title,
        meta,
        closing,
    } = page;
    let measure = |m: &MeasureRow| {
        vec![
            t(&m.content),
            t(&m.goal),
            t(&m.deadline),
            t(&m.lead),
            t(&m.dept),
        ]
    };
    let rows = org_rows(doc)
        .iter()
        .flat_map(|p| {
            let own = vec![
                t(&p.serial.to_string()),
                t(&p.category),
                t(&p.sources),
                t(&p.description),
            ];
            problem_rows(p, Vec::new(), own, measure, 5)
        })
        .collect();
    vec![WordPage {
        title,
        meta,
        table: WordTable {
            // A head too long for its column breaks between its words, never inside one (序/号,
            // 牵头责/任人 on paper read as nothing).
            columns: columns(&[
                ("序号", 50),
                ("问题\n类别", 70),
                ("问题来源", 90),
                ("问题表现", 200),
                ("整改措施", 250),
                ("整改目标", 110),
                ("整改时限", 85),
                ("牵头\n责任人", 75),
                ("责任\n单位", 70),
            ]),
            rows,
        },
        closing,
    }]
}

/// A member list in one table: each member's name beside all of its problems.
fn member_table(doc: &Document, page: Page) -> Vec<WordPage> {
    let Page {
        title,
        meta,
        closing,
    } = page;
    let measure = |m: &MeasureRow| vec![t(&m.content), t(&m.goal), t(&m.deadline)];
    let mut rows = Vec::new();
    for m in member_rows(doc) {
        let problems = if m.problems.is_empty() {
            vec![ProblemBlock {
                serial: 1,
                category: String::new(),
                sources: String::new(),
                description: String::new(),
                measures: Vec::new(),
            }]
        } else {
            m.problems.clone()
        };
        for (i, p) in problems.iter().enumerate() {
            let lead = if i == 0 {
                vec![t(&m.name), t(&m.position)]
            } else {
                vec![WordCell::Below; 2]
            };
            let own = vec![t(&p.serial.to_string()), t(&p.category), t(&p.description)];
            rows.extend(problem_rows(p, lead, own, measure, 3));
        }
    }
    vec![WordPage {
        title,
        meta,
        table: WordTable {
            columns: columns(&[
                ("姓名", 70),
                ("职务", 80),
                ("序号", 50),
                ("问题类别", 90),
                ("检视出的问题", 230),
                ("整改措施", 260),
                ("整改目标", 120),
                ("整改时限", 100),
            ]),
            rows,
        },
        closing,
    }]
}

/// A member list, one page for each member to sign, with 支部意见 below.
fn one_page_per_member(doc: &Document, filed_on: &str) -> Vec<WordPage> {
    member_rows(doc)
        .iter()
        .map(|m| {
            let measure = |x: &MeasureRow| vec![t(&x.content), t(&x.goal), t(&x.deadline)];
            let rows = m
                .problems
                .iter()
                .flat_map(|p| {
                    let own = vec![t(&p.serial.to_string()), t(&p.category), t(&p.description)];
                    problem_rows(p, Vec::new(), own, measure, 3)
                })
                .collect();
            WordPage {
                title: vec![
                    doc.header.org_name.trim().to_string(),
                    Active::of(&doc.header).title(Kind::Member),
                ],
                meta: vec![
                    format!("姓名：{}", m.name),
                    format!("职务：{}", m.position),
                    format!("党员类别：{}", m.member_type),
                    filed_on.to_string(),
                ],
                table: WordTable {
                    columns: columns(&[
                        ("序号", 50),
                        ("问题类别", 120),
                        ("检视出的问题", 280),
                        ("整改措施", 300),
                        ("整改目标", 140),
                        ("整改时限", 110),
                    ]),
                    rows,
                },
                closing: vec![
                    "本人签字：＿＿＿＿＿＿＿＿\u{3000}\u{3000}日期：＿＿＿＿＿＿".to_string(),
                    format!("支部意见：{}", m.branch_opinion),
                    "党支部书记（签字）：＿＿＿＿＿＿＿＿".to_string(),
                ],
            }
        })
        .collect()
}

/// The file name of the list's Word document: the list file's name with `.docx`, and 每名党员一页 for that layout.
pub fn word_file_name(doc: &Document, complete: bool, layout: WordLayout) -> String {
    let base = file_name(doc, complete);
    let stem = base.trim_end_matches(".json");
    match layout {
        WordLayout::PerMember if doc.kind == Kind::Member => format!("{stem}-每名党员一页.docx"),
        _ => format!("{stem}.docx"),
    }
}
