//! Everything that touches the browser: the address, files, downloads, storage, the clock, the panic screen.

pub mod clipboard;
pub mod clock;
pub mod download;
pub mod durable;
pub mod files;
pub mod lazy;
pub mod location;
pub mod page_style;
pub mod panic;
pub mod storage;
pub mod summary_store;
pub mod tabs;
pub mod writers;
