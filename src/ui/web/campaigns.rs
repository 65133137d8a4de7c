//! The 活动 this computer knows: the last one chosen (a new list starts in it) and the campaigns defined by hand,
//! kept in localStorage (`docs/format.md` § 3.8). Storage refused or damaged is no reason to stop: the choice then
//! falls back to the 2023 主题教育 and the presets.

use crate::domain::list::campaign;
use crate::domain::list::model::Campaign;

const KEPT: &str = "rectify.v1.campaigns";
const LAST: &str = "rectify.v1.campaign";

// Through `serde_json::Value`, as the documents go: a campaign's own (de)serialisation over text would be
// compiled anew into the start-up module, over values it is already there (a header holds a campaign).
fn read<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    let text = super::storage::local().ok()?.get_item(key).ok()??;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    serde_json::from_value(value).ok()
}

fn write<T: serde::Serialize>(key: &str, value: &T) {
    if let (Ok(storage), Ok(value)) = (super::storage::local(), serde_json::to_value(value)) {
        // Not kept (storage full or refused): the choice is still made for this list.
        let _ = storage.set_item(key, &value.to_string());
    }
}

/// The campaigns defined by hand on this computer, newest first.
pub fn kept() -> Vec<Campaign> {
    read(KEPT).unwrap_or_default()
}

/// The campaign a new list starts in: the one this computer last chose (`None`: the 2023 主题教育, also when
/// nothing was chosen yet).
pub fn last() -> Option<Campaign> {
    read::<Option<Campaign>>(LAST).flatten()
}

/// `chosen` is now the last campaign chosen, and kept when it is one of this computer's own.
pub fn chose(chosen: &Option<Campaign>) {
    write(LAST, chosen);
    if let Some(c) = chosen {
        keep(c);
    }
}

/// A campaign defined by hand, as typed so far: the last chosen (a new list starts in it), not yet kept — a name
/// half typed is no campaign to offer.
pub fn typed(c: &Campaign) {
    write(LAST, &Some(c));
}

/// Keeps a campaign defined by hand (one typed here, or met in a file), without making it the last chosen.
pub fn keep(c: &Campaign) {
    let kept = kept();
    let now = campaign::remember(&kept, c);
    if now != kept {
        write(KEPT, &now);
    }
}
