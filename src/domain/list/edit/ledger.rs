//! The ledger's steps on a measure: 进展记录, 申请延期 and 销号 (checked before, in `check`).

use super::*;

/// Applies one of the ledger actions (`change` routes only those here).
pub(super) fn change(doc: &mut Document, action: Action) -> Outcome {
    match action {
        Action::AddUpdate {
            measure, update, ..
        } => match find_measure(doc, &measure) {
            Some(m) => {
                let update = Update {
                    date: update.date.trim().to_string(),
                    text: update.text.trim().to_string(),
                };
                // Oldest first, as format.md keeps them; a note of the same day goes after the ones there.
                let at = m
                    .updates
                    .iter()
                    .position(|u| u.date > update.date)
                    .unwrap_or(m.updates.len());
                m.updates.insert(at, update);
                Outcome::Changed
            }
            None => Outcome::Unchanged,
        },
        Action::SetExtension {
            measure, extension, ..
        } => match find_measure(doc, &measure) {
            Some(m) => {
                // An extension is the status 申请延期; taken back, the measure is in progress again (a status
                // of 申请延期 without an extension would be an error).
                if extension.is_some() {
                    m.status = Status::Extended;
                } else if m.status == Status::Extended {
                    m.status = Status::InProgress;
                }
                m.extension = extension;
                Outcome::Changed
            }
            None => Outcome::Unchanged,
        },
        Action::SetClosing {
            measure, closing, ..
        } => match find_measure(doc, &measure) {
            Some(m) => {
                m.closed = closing;
                Outcome::Changed
            }
            None => Outcome::Unchanged,
        },
        _ => Outcome::Unchanged,
    }
}
