//! Older versions of the list file are brought up to the current one, one step at a time, before the typed parse.
//! Version 2 added `header.campaign`; a version 1 file, which has none, is the 2023 主题教育 as it stands.

use serde_json::Value;

use crate::domain::FORMAT_VERSION;

/// `STEPS[i]` turns a document of version `i + 1` into one of version `i + 2`.
const STEPS: &[fn(Value) -> Value] = &[v1_to_v2];

/// Version 1 has no campaign: its list is the 2023 主题教育, which version 2 also writes by naming none. Nothing
/// changes, not even `version`, so the file keeps its digest and is written back as version 1.
fn v1_to_v2(value: Value) -> Value {
    value
}

#[derive(Debug, PartialEq, Eq)]
pub struct UnknownVersion(pub u64);

/// Brings a document of `version` to `FORMAT_VERSION`.
pub fn to_current(value: Value, version: u64) -> Result<Value, UnknownVersion> {
    if version == 0 || version > u64::from(FORMAT_VERSION) {
        return Err(UnknownVersion(version));
    }
    let first = (version - 1) as usize;
    Ok(STEPS[first..].iter().fold(value, |v, step| step(v)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_is_one_step_per_version_after_the_first() {
        assert_eq!(STEPS.len() + 1, FORMAT_VERSION as usize);
    }

    #[test]
    fn version_zero_and_future_versions_are_not_migrated() {
        assert!(to_current(Value::Null, 0).is_err());
        assert!(to_current(Value::Null, u64::from(FORMAT_VERSION) + 1).is_err());
        assert!(to_current(Value::Null, u64::from(FORMAT_VERSION)).is_ok());
    }
}
