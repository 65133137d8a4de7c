//! 检视整改清单 — the library behind the app.
//!
//! `domain` is pure Rust (the list file format, validation, digest, import and export) and is tested natively.
//! `ui` is the thin Yew layer; it only exists in the browser build, so the compiler itself keeps the domain pure.

pub mod domain;
pub mod readers;
pub mod writers;

#[cfg(target_arch = "wasm32")]
pub mod ui;
