//! The list documents of `format.md` and every rule about them. Nothing here knows of the web.

// What the folders hold: `list` — one list document, its edits and its rules; `file` — the file it travels as
// (reading, writing, sealing, older versions, tables of Word and Excel); `ledger` — the measures tracked to their
// close; `papers` — print, Word and Excel as an office files them; `office` — the central office's set of branches'
// files, its figures, 调度 and review; `editor` — the open draft's life and the start page's drafts.
pub mod codes;
pub mod core;
pub mod dates;
pub mod editor;
pub mod file;
pub mod ids;
pub mod labels;
pub mod ledger;
pub mod list;
pub mod names;
pub mod office;
pub mod order;
pub mod papers;
pub mod register;
#[cfg(any(test, feature = "sample"))]
pub mod sample;

pub const FORMAT_VERSION: u32 = 2;
/// The value of the top-level `format` key.
pub const FORMAT_NAME: &str = "rectify-list";
/// The app's own version, written into `meta.app_version`.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
