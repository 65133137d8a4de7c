//! The office files' writers: `.xlsx` (rust_xlsxwriter) and `.docx` (OpenXML written here, see `docx`), from the
//! models of `domain::office`. They, and the making of the models, are the bulk of a module of their own
//! (`src/writers_bin.rs`), which the app compiles only when an export is asked for: the main module, and so every
//! start-up, does not carry them.

pub mod docx;
pub mod xlsx;

use crate::domain::papers::request::{Content, Request};

/// A file written: its name, its bytes, and what it could not hold as the list has it (in Chinese).
pub struct Written {
    pub name: String,
    pub bytes: Vec<u8>,
    pub notices: Vec<String>,
}

/// The file a request (the JSON of a `domain::papers::request::Request`) asks for, or why not — in Chinese, naming
/// the list and what to do: nothing of a library's English reaches the user.
pub fn write(request: &str) -> Result<Written, String> {
    let request: Request = serde_json::from_str(request).map_err(|_| {
        "导出组件没有读懂要生成的内容（程序内部的请求有误），什么都没有导出。请刷新页面后重试；清单本身没有受影响。"
            .to_string()
    })?;
    let subject = request.subject();
    let failed = |why: String| {
        format!(
            "{subject}的文件没能生成：{why}。清单本身没有受影响；请先“导出JSON”保存一份，再重试。"
        )
    };
    let file = request.make().map_err(|e| failed(format!("日期{e}")))?;
    let bytes = match &file.content {
        Content::Xlsx(book) => xlsx::write(book).map_err(failed)?,
        Content::Docx(doc) => docx::write(doc).map_err(failed)?,
    };
    Ok(Written {
        name: file.name,
        bytes,
        notices: file.notices,
    })
}
