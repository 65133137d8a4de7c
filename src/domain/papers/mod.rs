//! Papers as an office files them: the printed lists (`print`), and the 整改台账 and the 汇总 as Excel workbooks, the lists as Word documents. The
//! domain says what goes where (models of sheets and documents, filled from the same rows as the pages, the CSV
//! and print); `writers` turns the models into `.xlsx` and `.docx` bytes, in a module loaded only when asked for.

pub mod layouts;
pub mod ledger_book;
pub mod paper;
pub mod print;
pub mod register;
pub mod request;
pub mod sheet;
pub mod text;
pub mod word;
