//! The office files' writers: `.xlsx` (rust_xlsxwriter) and `.docx` (OpenXML written here, see `docx`), from the
//! models of `domain::office`. They, and the making of the models, are the bulk of a module of their own
//! (`src/writers_bin.rs`), which the app compiles only when an export is asked for: the main module, and so every
//! start-up, does not carry them.

pub mod docx;
pub mod xlsx;

use crate::domain::office::request::{Content, Request};

/// The file a request (the JSON of a `domain::office::request::Request`) asks for: its name and its bytes.
pub fn write(request: &str) -> Result<(String, Vec<u8>), String> {
    let request: Request = serde_json::from_str(request).map_err(|e| e.to_string())?;
    let file = request.make()?;
    let bytes = match &file.content {
        Content::Xlsx(book) => xlsx::write(book)?,
        Content::Docx(doc) => docx::write(doc)?,
    };
    Ok((file.name, bytes))
}
