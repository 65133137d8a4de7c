//! What the branch does with rules and the office's review: 说明理由 for a warning, the review attached, its comments answered.

use super::*;

/// Applies one of the review actions (`change` routes only those here).
pub(super) fn change(doc: &mut Document, action: Action) -> Outcome {
    match action {
        Action::Acknowledge { path, rule, reason } => {
            let reason = reason.trim().to_string();
            match doc
                .acknowledged
                .iter_mut()
                .find(|a| a.path == path && a.rule == rule)
            {
                Some(existing) => existing.reason = reason,
                None => doc
                    .acknowledged
                    .push(Acknowledgement { path, rule, reason }),
            }
            Outcome::Changed
        }
        Action::Unacknowledge { path, rule } => {
            let before = doc.acknowledged.len();
            doc.acknowledged
                .retain(|a| !(a.path == path && a.rule == rule));
            if before == doc.acknowledged.len() {
                Outcome::Unchanged
            } else {
                Outcome::Changed
            }
        }
        Action::AttachReview(review) => {
            doc.review = Some(*review);
            Outcome::Reshaped
        }
        // Answering (or confirming the answer unchanged) answers the comment as it stands now.
        Action::AnswerComment { path, answer } => match comment_mut(doc, &path) {
            Some(c) if c.answer != answer || !c.earlier_text.is_empty() => {
                c.answer = answer;
                c.earlier_text.clear();
                Outcome::Changed
            }
            _ => Outcome::Unchanged,
        },
        Action::MarkRevised { path, revised } => match comment_mut(doc, &path) {
            Some(c) if c.revised != revised => {
                c.revised = revised;
                Outcome::Changed
            }
            _ => Outcome::Unchanged,
        },
        _ => Outcome::Unchanged,
    }
}

fn comment_mut<'a>(doc: &'a mut Document, path: &str) -> Option<&'a mut Comment> {
    doc.review
        .as_mut()?
        .comments
        .iter_mut()
        .find(|c| c.path == path)
}
