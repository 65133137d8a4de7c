//! A list as a file: read from bytes whatever they hold, written and sealed with its digest, older versions
//! brought up to date, keys of later versions kept, and the Word and Excel tables branches keep read into a list.

pub mod digest;
pub mod encoding;
pub mod export;
pub mod import;
pub mod migrate;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod table;
pub mod unknown;

/// How much of a long file one call of a scan reads (the nesting here, control characters, the digest's hash).
/// In slices, each a call of its own, because the browser runs wasm first through a quick baseline compiler and
/// uses the optimised code only from a later call on: one call over a 4 MB list ran unoptimised to its end (in
/// Chromium at opt-level z, the nesting scan of 4 MB took 15–28 ms in one call, 7–12 ms in slices).
pub const SLICE: usize = 64 * 1024;
