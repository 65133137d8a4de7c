//! The stable English codes of `format.md` (`in_progress`, `self_review`, …) for enumerated values, as the UI
//! puts them in form values and filters. One way to write and read them: through the same serde names the file
//! uses, so a code can never drift from the format.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// The code of `value`, as the file writes it.
pub fn code<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(code)) => code,
        _ => String::new(),
    }
}

/// The value of `code`, if it is one of `T`'s codes.
pub fn from_code<T: DeserializeOwned>(code: &str) -> Option<T> {
    serde_json::from_value(Value::String(code.to_string())).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::list::model::{Batch, MemberType, Source, Status};

    #[test]
    fn every_code_reads_back_as_its_value() {
        for status in Status::ALL {
            assert_eq!(from_code::<Status>(&code(&status)), Some(status));
        }
        for source in Source::ALL {
            assert_eq!(from_code::<Source>(&code(&source)), Some(source));
        }
        assert_eq!(code(&Status::PhasedLongTerm), "phased_long_term");
        assert_eq!(code(&Source::SelfReview), "self_review");
        assert_eq!(from_code::<Batch>("second"), Some(Batch::Second));
        assert_eq!(
            from_code::<MemberType>("probationary"),
            Some(MemberType::Probationary)
        );
        assert_eq!(
            from_code::<Status>("正在整改"),
            None,
            "labels are not codes"
        );
        assert_eq!(from_code::<Status>(""), None);
    }
}
