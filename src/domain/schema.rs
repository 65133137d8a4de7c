//! The JSON Schema of the list file, derived from the model types so that it cannot drift from them.
//! The committed copy is `schema/rectify-list.v1.schema.json`; `tests/schema.rs` checks that it is current
//! (run it with `UPDATE_SCHEMA=1` to rewrite it).

use super::model::Document;
use super::review::file::Review;

/// The schema as pretty JSON with a trailing newline, as committed.
pub fn schema_json() -> String {
    let mut schema = schemars::schema_for!(Document);
    schema.insert(
        "title".to_string(),
        "检视整改清单文件（rectify-list）第1版".into(),
    );
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema always serialises");
    text.push('\n');
    text
}

/// The schema of the review file (审核意见文件, `docs/format.md` § 12), as committed in
/// `schema/rectify-review.v1.schema.json`.
pub fn review_schema_json() -> String {
    let mut schema = schemars::schema_for!(Review);
    schema.insert(
        "title".to_string(),
        "审核意见文件（rectify-review）第1版".into(),
    );
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema always serialises");
    text.push('\n');
    text
}
