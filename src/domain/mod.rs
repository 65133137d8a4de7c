//! The list documents of `format.md` and every rule about them. Nothing here knows of the web.

pub mod autosave;
pub mod branches;
pub mod campaign;
pub mod changes;
pub mod codes;
pub mod consolidate;
pub mod core;
pub mod dates;
pub mod digest;
pub mod dispatch;
pub mod drafts;
pub mod edit;
pub mod editor;
pub mod encoding;
pub mod export;
pub mod findings;
pub mod gather;
pub mod ids;
pub mod import;
pub mod labels;
pub mod ledger;
pub mod locate;
pub mod migrate;
pub mod model;
pub mod names;
pub mod office;
pub mod order;
pub mod outline;
pub mod paging;
pub mod path;
pub mod period;
pub mod print;
pub mod progress;
pub mod required;
pub mod review;
pub mod route;
pub mod sample;
pub mod summary_page;
pub mod summary_set;
pub mod table;
pub mod unknown;
pub mod validate;
pub mod vocabulary;

#[cfg(not(target_arch = "wasm32"))]
pub mod schema;

/// The newest version of the list file format that this app reads and writes. A list that names its campaign is
/// written as version 2 (an older reader would take it for the 2023 主题教育); one that names none stays version 1,
/// as every file before campaigns could be chosen (`export::to_value`).
pub const FORMAT_VERSION: u32 = 2;
/// The value of the top-level `format` key.
pub const FORMAT_NAME: &str = "rectify-list";
/// The app's own version, written into `meta.app_version`.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
