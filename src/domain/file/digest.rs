//! The digest (校验码) of `format.md`: SHA-256 over the canonical form of the document without `meta`.
//!
//! The canonical form is written here by hand rather than left to `serde_json::to_string`: a dependency that
//! switches on serde_json's `preserve_order` would silently change key order and so every digest.

use serde_json::Value;
use sha2::{Digest, Sha256};

use super::SLICE;

/// `"sha256:" + hex` of a document given as a JSON value (its `meta` member is left out).
pub fn digest_of(document: &Value) -> String {
    let mut canonical = Vec::new();
    match document {
        Value::Object(map) => write_object(
            map.iter().filter(|(k, _)| k.as_str() != "meta"),
            &mut canonical,
        ),
        other => write_canonical(other, &mut canonical),
    }
    // Fed in slices rather than at once, so that the browser's optimised code takes over (`file::SLICE`).
    let mut hasher = Sha256::new();
    for slice in canonical.chunks(SLICE) {
        hasher.update(slice);
    }
    let hash = hasher.finalize();
    let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// The 12 hex digits printed on every page, so a signed paper copy can be matched to its file.
pub fn short_code(digest: &str) -> String {
    digest
        .trim_start_matches("sha256:")
        .chars()
        .take(12)
        .collect()
}

/// Keys sorted by code point (UTF-8 byte order is code point order), no whitespace, non-ASCII as itself:
/// what Python's `json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)` writes. Written as
/// bytes into one buffer: a 4 MB list has a hundred thousand strings, and a string apiece was a good part of
/// reading it.
pub fn write_canonical(value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::Object(map) => write_object(map.iter(), out),
        Value::Array(items) => {
            out.push(b'[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_canonical(v, out);
            }
            out.push(b']');
        }
        // serde_json escapes exactly what Python escapes with ensure_ascii=False: quote, backslash, control
        // characters; numbers, booleans and null print the same in both for the integers this format uses.
        other => serde_json::to_writer(&mut *out, other).expect("writing into memory cannot fail"),
    }
}

fn write_object<'a>(entries: impl Iterator<Item = (&'a String, &'a Value)>, out: &mut Vec<u8>) {
    let mut entries: Vec<(&String, &Value)> = entries.collect();
    crate::domain::order::sort_by(&mut entries, |a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    out.push(b'{');
    for (i, (key, v)) in entries.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        serde_json::to_writer(&mut *out, key).expect("writing into memory cannot fail");
        out.push(b':');
        write_canonical(v, out);
    }
    out.push(b'}');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keys_are_sorted_and_meta_is_left_out() {
        let a = json!({"b": 1, "a": "中文", "meta": {"digest": "x"}});
        let mut out = Vec::new();
        write_canonical(&json!({"b": 1, "a": "中文"}), &mut out);
        assert_eq!(String::from_utf8(out).unwrap(), r#"{"a":"中文","b":1}"#);
        assert_eq!(digest_of(&a), digest_of(&json!({"a": "中文", "b": 1})));
    }

    #[test]
    fn control_characters_are_escaped_like_python() {
        let mut out = Vec::new();
        write_canonical(&json!("a\u{1}\n\"\\/"), &mut out);
        assert_eq!(String::from_utf8(out).unwrap(), "\"a\\u0001\\n\\\"\\\\/\"");
    }

    #[test]
    fn the_short_code_is_twelve_hex_digits() {
        assert_eq!(short_code("sha256:030ee8ccfb9775ffb973f6"), "030ee8ccfb97");
    }
}
