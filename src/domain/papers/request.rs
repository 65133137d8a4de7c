//! What the app asks the writers module for, and what that module makes of it. The file is made there, from the
//! list or the 汇总's set as the app has them, so that the app's own module — and so every start-up — carries
//! none of the office files' code: only this request, which is the list and the set it already stores.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ledger_book::{
    consolidation_book, consolidation_file_name, ledger_book, ledger_file_name,
};
use super::sheet::Book;
use super::word::{feedback_document, list_document, word_file_name, WordDoc, WordLayout};
use crate::domain::dates;
use crate::domain::list::model::Document;
use crate::domain::list::validate::validate;
use crate::domain::office::branches::Unit;
use crate::domain::office::review::file::Review;
use crate::domain::office::review::paper::{feedback, feedback_file_name};
use crate::domain::office::summary_set::SummarySet;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "file", rename_all = "snake_case")]
pub enum Request {
    /// 台账's 导出Excel.
    Ledger { list: Document, today: String },
    /// 导出Word, for a member list one page per member when `per_member`.
    Word {
        list: Document,
        today: String,
        per_member: bool,
    },
    /// 汇总's 导出Excel: the set received, consolidated again there.
    Consolidation { set: SummarySet, today: String },
    /// A register's 导出Word (`word`) or 导出Excel. The register travels as its JSON, made by the page that has it
    /// (the ledger module's): every other request is made in the app's own module, which so carries none of the
    /// register's types.
    Register {
        register: String,
        /// What the file is of, in the words of a message (`Request::subject`).
        subject: String,
        today: String,
        word: bool,
    },
    /// 审核's 导出反馈单: the 审核意见反馈单 in Word, of the review of the list as received.
    Feedback {
        list: Box<Document>,
        review: Box<Review>,
    },
}

/// What a file holds, for the writer that writes it.
#[derive(Clone, Debug, PartialEq)]
pub enum Content {
    Xlsx(Book),
    Docx(WordDoc),
}

#[derive(Clone, Debug, PartialEq)]
pub struct OfficeFile {
    pub name: String,
    pub content: Content,
    /// What the file could not hold as the list has it (a text cut to fit a cell), in Chinese.
    pub notices: Vec<String>,
}

impl Request {
    /// A register's 导出Word (`word`) or 导出Excel.
    pub fn register(
        register: &crate::domain::register::model::Register,
        today: NaiveDate,
        word: bool,
    ) -> Self {
        let org = register.header.org_name.trim();
        let org = if org.is_empty() { "未填单位" } else { org };
        Request::Register {
            register: serde_json::to_string(register).expect("a register always serialises"),
            subject: format!("“{org}”的{}", register.kind.title()),
            today: dates::iso(today),
            word,
        }
    }

    pub fn ledger(list: Document, today: NaiveDate) -> Self {
        Request::Ledger {
            list,
            today: dates::iso(today),
        }
    }

    pub fn word(list: Document, today: NaiveDate, per_member: bool) -> Self {
        Request::Word {
            list,
            today: dates::iso(today),
            per_member,
        }
    }

    pub fn consolidation(set: SummarySet, today: NaiveDate) -> Self {
        Request::Consolidation {
            set,
            today: dates::iso(today),
        }
    }

    /// What the file is of, in the words of a message: `“交警大队党支部”的党组织清单`, or `汇总`.
    pub fn subject(&self) -> String {
        let of = |list: &Document| {
            let org = list.header.org_name.trim();
            let org = if org.is_empty() { "未填单位" } else { org };
            format!("“{org}”的{}", list.kind.short_name())
        };
        match self {
            Request::Ledger { list, .. } => format!("{}台账", of(list)),
            Request::Word { list, .. } => of(list),
            Request::Consolidation { .. } => "汇总".to_string(),
            Request::Feedback { list, .. } => format!("{}的审核意见反馈单", of(list)),
            Request::Register { subject, .. } => subject.clone(),
        }
    }

    /// The file asked for: its name and what it holds. `Err` only for a request whose date is not a date.
    pub fn make(&self) -> Result<OfficeFile, String> {
        let day = |today: &str| dates::parse(today).ok_or_else(|| format!("“{today}”不是日期"));
        Ok(match self {
            Request::Ledger { list, today } => {
                let today = day(today)?;
                let mut book = ledger_book(list, today);
                let notices = book.fit_to_excel();
                OfficeFile {
                    name: ledger_file_name(list, today),
                    content: Content::Xlsx(book),
                    notices,
                }
            }
            Request::Word {
                list,
                today,
                per_member,
            } => {
                let complete = validate(list, day(today)?).is_complete();
                let layout = if *per_member {
                    WordLayout::PerMember
                } else {
                    WordLayout::Table
                };
                OfficeFile {
                    name: word_file_name(list, complete, layout),
                    content: Content::Docx(list_document(list, complete, layout)),
                    notices: Vec::new(),
                }
            }
            Request::Register {
                register,
                today,
                word,
                ..
            } => {
                use crate::domain::papers::register::{
                    office_file_name, register_book, register_word,
                };
                let today = day(today)?;
                let register: crate::domain::register::model::Register =
                    serde_json::from_str(register)
                        .map_err(|e| format!("清单内容无法读取（{e}）"))?;
                let register = &register;
                let complete =
                    crate::domain::register::validate::validate(register, today).is_complete();
                if *word {
                    OfficeFile {
                        name: office_file_name(register, complete, "docx"),
                        content: Content::Docx(register_word(register, complete)),
                        notices: Vec::new(),
                    }
                } else {
                    let mut book = register_book(register, today);
                    let notices = book.fit_to_excel();
                    OfficeFile {
                        name: office_file_name(register, complete, "xlsx"),
                        content: Content::Xlsx(book),
                        notices,
                    }
                }
            }
            Request::Feedback { list, review } => OfficeFile {
                name: feedback_file_name(review),
                content: Content::Docx(feedback_document(&feedback(list, review))),
                notices: Vec::new(),
            },
            Request::Consolidation { set, today } => {
                let today = day(today)?;
                let consolidation = set.consolidate(today);
                let unit = Unit::of(&consolidation, &set.joined, &set.expected);
                let mut book = consolidation_book(&consolidation, &unit, today);
                let notices = book.fit_to_excel();
                OfficeFile {
                    name: consolidation_file_name(today),
                    content: Content::Xlsx(book),
                    notices,
                }
            }
        })
    }
}
