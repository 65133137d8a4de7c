//! Changes of the header (表头信息): its fields, the 活动, the batch and the categories offered.

use super::*;
use crate::domain::list::vocabulary::{FOUR_ASPECTS, SIX_ASPECTS};

/// Applies one of the header actions (`change` routes only those here).
pub(super) fn change(doc: &mut Document, action: Action) -> Outcome {
    match action {
        Action::SetHeader(field, value) => {
            let h = &mut doc.header;
            let slot = match field {
                HeaderField::OrgName => &mut h.org_name,
                HeaderField::ParentOrg => &mut h.parent_org,
                HeaderField::FiledOn => &mut h.filed_on,
                HeaderField::FiledBy => &mut h.filed_by,
                HeaderField::Phone => &mut h.phone,
                HeaderField::Reviewer => &mut h.reviewer,
            };
            set_text(Some(slot), value)
        }
        Action::SetBatch(batch) => {
            doc.header.batch = batch;
            Outcome::Changed
        }
        Action::SetCampaign(campaign) => {
            if campaign == doc.header.campaign {
                return Outcome::Unchanged;
            }
            crate::domain::list::campaign::choose(doc, campaign);
            Outcome::Reshaped
        }
        Action::SetCampaignField(field, value) => {
            match crate::domain::list::campaign::set_field(&mut doc.header, field, value) {
                true => Outcome::Changed,
                false => Outcome::Unchanged,
            }
        }
        Action::UsePreset(preset) => {
            // Custom categories stay; a preset only adds what it names.
            let custom: Vec<String> = doc
                .header
                .categories
                .iter()
                .filter(|c| {
                    !SIX_ASPECTS.contains(&c.as_str()) && !FOUR_ASPECTS.contains(&c.as_str())
                })
                .cloned()
                .collect();
            doc.header.categories = preset
                .categories()
                .iter()
                .map(|c| c.to_string())
                .chain(custom)
                .collect();
            Outcome::Reshaped
        }
        Action::AddCategory(name) => {
            let name = name.trim().to_string();
            if name.is_empty() || doc.header.categories.contains(&name) {
                return Outcome::Unchanged;
            }
            doc.header.categories.push(name);
            Outcome::Reshaped
        }
        Action::RemoveCategory(name) => {
            let before = doc.header.categories.len();
            doc.header.categories.retain(|c| *c != name);
            if doc.header.categories.len() == before {
                Outcome::Unchanged
            } else {
                Outcome::Reshaped
            }
        }
        _ => Outcome::Unchanged,
    }
}
