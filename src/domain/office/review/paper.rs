//! 审核意见反馈单: the office's review on paper, to sign, send with the file and keep on file — which list and
//! revision, the verdict, each comment beside the problem or measure it is on (in words), who reviewed it and when.
//! Printed by the page and written as Word (`office::word::feedback_document`) from this one model.

use super::file::Review;
use super::places;
use crate::domain::dates;
use crate::domain::list::model::Document;

/// What a comment is on is quoted up to this many characters: enough to recognise it, not the whole text.
const QUOTE_CHARS: usize = 40;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Feedback {
    /// 党组织名称 of the list.
    pub unit: String,
    /// `《党组织检视整改问题清单》第2版`.
    pub list: String,
    /// 通过 / 退回修改.
    pub verdict: &'static str,
    pub rows: Vec<FeedbackRow>,
    pub reviewer: String,
    /// `2024年6月1日`.
    pub date: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedbackRow {
    /// `整个清单`, `第2个问题 · 第1项措施`, `第2名党员（刘洋） · 第1个问题`.
    pub location: String,
    /// The beginning of the 问题表现 or 措施内容 commented on ("" for the whole list).
    pub quote: String,
    pub comment: String,
}

/// The 反馈单 of `review` of `doc` (the list as the office received it).
pub fn feedback(doc: &Document, review: &Review) -> Feedback {
    let places = places(doc);
    let rows = review
        .comments
        .iter()
        .map(|c| {
            let place = places.iter().find(|p| p.path == c.path);
            let text = place.map(|p| p.text.trim()).unwrap_or("");
            let mut quote: String = text.chars().take(QUOTE_CHARS).collect();
            if text.chars().count() > QUOTE_CHARS {
                quote.push('…');
            }
            FeedbackRow {
                location: place
                    .map(|p| p.location.clone())
                    .unwrap_or_else(|| "（清单中已没有这一项）".to_string()),
                quote,
                comment: c.text.clone(),
            }
        })
        .collect();
    Feedback {
        unit: doc.header.org_name.trim().to_string(),
        list: format!("《{}》第{}版", doc.kind.title(), doc.revision),
        verdict: review.verdict.label(),
        rows,
        reviewer: review.reviewer.trim().to_string(),
        date: dates::official_text(&review.reviewed_on),
    }
}

/// `审核意见反馈单-{org}-第N版-{通过|退回修改}-{YYYYMMDD}.docx`: named as the review file is.
pub fn feedback_file_name(review: &Review) -> String {
    review
        .file_name()
        .replacen("审核意见-", "审核意见反馈单-", 1)
        .replace(".json", ".docx")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::office::review::office::Draft;
    use crate::domain::office::review::Verdict;
    use crate::domain::sample::org_list;

    #[test]
    fn each_comment_is_beside_what_it_is_on_in_words() {
        let doc = org_list(1, "交警大队党支部", 2, 2);
        let mut draft = Draft::of(&doc, "sha256:x");
        draft.verdict = Some(Verdict::Returned);
        draft.set_comment(&doc.problems[1].measures[0].id, "措施要可检验。");
        draft.set_comment("list", "问题查摆要更具体。");
        let review = draft.review(&doc, "王明", "2024-06-01").unwrap();
        let f = feedback(&doc, &review);
        assert_eq!(f.unit, "交警大队党支部");
        assert_eq!(f.list, "《党组织检视整改问题清单》第1版");
        assert_eq!((f.verdict, f.reviewer.as_str()), ("退回修改", "王明"));
        assert_eq!(f.date, "2024年6月1日");
        let rows: Vec<(&str, &str)> = f
            .rows
            .iter()
            .map(|r| (r.location.as_str(), r.comment.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                ("整个清单", "问题查摆要更具体。"),
                ("第2个问题 · 第1项措施", "措施要可检验。")
            ],
            "in the list's order, whatever the order written"
        );
        assert!(doc.problems[1].measures[0]
            .content
            .starts_with(f.rows[1].quote.trim_end_matches('…')));
        assert!(feedback_file_name(&review)
            .starts_with("审核意见反馈单-交警大队党支部-第1版-退回修改-"));
        assert!(feedback_file_name(&review).ends_with(".docx"));
    }
}
