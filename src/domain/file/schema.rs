//! The JSON Schemas of the list file and the review file, derived from the model types so that they cannot drift
//! from them. The committed copies are `schema/rectify-list.v2.schema.json` and
//! `schema/rectify-review.v1.schema.json`; `tests/schema.rs` checks that they are current (run it with
//! `UPDATE_SCHEMA=1` to rewrite them). `schema/rectify-list.v1.schema.json` is kept as it was when version 1 was
//! the only one: every list that names no campaign, written today, still validates against it.

use schemars::JsonSchema;

use crate::domain::list::model::Document;
use crate::domain::office::review::file::Review;

/// The schema of `T` titled `title`, as pretty JSON with a trailing newline, as committed.
fn schema_of<T: JsonSchema>(title: &str) -> String {
    let mut schema = schemars::schema_for!(T);
    schema.insert("title".to_string(), title.into());
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema always serialises");
    text.push('\n');
    text
}

/// The list file's schema.
pub fn schema_json() -> String {
    schema_of::<Document>("检视整改清单文件（rectify-list）第2版（第1版的文件也符合）")
}

/// The register file's schema (调研问题清单, 成果转化清单, 意见建议台账: `docs/format.md` § 15).
pub fn register_schema_json() -> String {
    schema_of::<crate::domain::register::model::Register>(
        "调研问题清单、成果转化清单、意见建议台账文件（rectify-register）第1版",
    )
}

/// The review file's schema (审核意见文件, `docs/format.md` § 12).
pub fn review_schema_json() -> String {
    schema_of::<Review>("审核意见文件（rectify-review）第1版")
}
