//! Which fields of `format.md` a list must have filled in, by the kind of list: the validator's `*_required`
//! rules, the completeness bar (完成度) and the stars of the form all ask here, so they cannot disagree.

use crate::domain::list::model::Kind;

/// Whether the field `key` (a key of `format.md`: `org_name`, `sources`, `lead`, …) must be filled in a list of
/// `kind`. For an array (`categories`, `problems`, `members`, `measures`) it means "at least one".
pub fn is_required(kind: Kind, key: &str) -> bool {
    let org = kind == Kind::Org;
    match key {
        "org_name" | "filed_on" | "filed_by" | "categories" => true,
        "category" | "description" | "measures" | "content" | "deadline" => true,
        // An org list's problems; a member's own problems; a member's name.
        "problems" | "name" => true,
        "members" => !org,
        "reviewer" | "sources" | "goal" | "lead" | "dept" => org,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn org_lists_ask_more_than_member_lists() {
        for key in ["reviewer", "sources", "goal", "lead", "dept"] {
            assert!(is_required(Kind::Org, key), "{key}");
            assert!(!is_required(Kind::Member, key), "{key}");
        }
        for key in [
            "org_name",
            "filed_on",
            "filed_by",
            "description",
            "content",
            "deadline",
        ] {
            assert!(
                is_required(Kind::Org, key) && is_required(Kind::Member, key),
                "{key}"
            );
        }
        for key in [
            "parent_org",
            "phone",
            "owner",
            "remark",
            "progress",
            "branch_opinion",
        ] {
            assert!(
                !is_required(Kind::Org, key) && !is_required(Kind::Member, key),
                "{key}"
            );
        }
    }
}
