//! 审核意见: the office writes a review of a received list, the branch attaches it, answers every comment and hands
//! the list in again, and the office reads the answers back — the rules of `domain::review`, natively.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::now;
use rectify::domain::file::export::export;
use rectify::domain::file::import::import;
use rectify::domain::list::edit::{apply, Action, MeasureField};
use rectify::domain::list::model::Document;
use rectify::domain::office::review::attach::{attaching, not_ready, shown, unanswered, Refused};
use rectify::domain::office::review::file::{classify, read, Review, ReviewError, MAX_COMMENTS};
use rectify::domain::office::review::office::{status, Draft, Status};
use rectify::domain::office::review::{Verdict, WHOLE_LIST};
use rectify::domain::sample::org_list;

/// The branch's draft after its first export, and the file the office received.
fn handed_in() -> (Document, Document, String) {
    let out = export(&org_list(7, "交警大队党支部", 2, 2), true, now());
    let received = import(&out.bytes).unwrap();
    (out.document, received.document, received.digest)
}

/// The office's review of `received`: a comment on the list, on the first problem and on its second measure.
fn office_review(received: &Document, digest: &str, verdict: Verdict) -> (Draft, Review) {
    let mut draft = Draft::of(received, digest);
    let problem = &received.problems[0];
    draft.set_comment(&problem.measures[1].id, "措施要可检验：写明完成标志。");
    draft.set_comment(WHOLE_LIST, "问题要具体。");
    draft.set_comment(&problem.id, "问题表现过于笼统。");
    draft.verdict = Some(verdict);
    let review = draft.review(received, "办公室 王明", "2024-06-05").unwrap();
    (draft, review)
}

fn file_of(review: &Review) -> Vec<u8> {
    review.write(now()).bytes
}

#[test]
fn the_review_file_names_the_list_and_carries_comments_in_the_lists_order() {
    let (_, received, digest) = handed_in();
    let (_, review) = office_review(&received, &digest, Verdict::Returned);
    let written = review.write(now());
    assert_eq!(
        written.file_name,
        "审核意见-交警大队党支部-第1版-退回修改-20240605.json"
    );
    let back = read(&written.bytes).unwrap();
    assert_eq!(back.list.id, received.id);
    assert_eq!(
        (back.list.revision, back.list.digest.as_str()),
        (1, digest.as_str())
    );
    assert_eq!(back.verdict, Verdict::Returned);
    assert_eq!(back.reviewer, "办公室 王明");
    let paths: Vec<&str> = back.comments.iter().map(|c| c.path.as_str()).collect();
    let p = &received.problems[0];
    assert_eq!(
        paths,
        [WHOLE_LIST, p.id.as_str(), p.measures[1].id.as_str()]
    );
    assert!(back.comments.iter().all(|c| c.seen.starts_with("sha256:")));
    assert_eq!(back.digest(), written.digest);
}

#[test]
fn a_verdict_is_needed_and_a_return_says_what_to_change() {
    let (_, received, digest) = handed_in();
    let mut draft = Draft::of(&received, &digest);
    assert!(draft
        .review(&received, "王明", "2024-06-05")
        .unwrap_err()
        .contains("通过"));
    draft.verdict = Some(Verdict::Returned);
    assert!(draft
        .review(&received, "王明", "2024-06-05")
        .unwrap_err()
        .contains("至少写一条"));
    draft.verdict = Some(Verdict::Passed);
    assert!(draft
        .review(&received, "王明", "2024-06-05")
        .unwrap()
        .comments
        .is_empty());
}

#[test]
fn the_branch_attaches_answers_and_hands_the_answers_back() {
    let (mut draft, received, digest) = handed_in();
    let (_, review) = office_review(&received, &digest, Verdict::Returned);
    let review = read(&file_of(&review)).unwrap();
    let attach = attaching(Some(&draft), &review).unwrap();
    assert!(!attach.changed_since, "the draft is as it was handed in");
    assert!(attach.message().contains("3条意见"));
    apply(&mut draft, Action::AttachReview(Box::new(attach.review))).unwrap();
    assert_eq!(unanswered(&draft), 3);
    assert!(not_ready(&draft).unwrap().contains("3条"));

    // The branch rewrites the measure commented on and answers every comment.
    let measure = received.problems[0].measures[1].id.clone();
    apply(
        &mut draft,
        Action::SetMeasure(
            measure.clone(),
            MeasureField::Content,
            "每月一次，台账留痕。".into(),
        ),
    )
    .unwrap();
    for c in review.comments.iter() {
        let answer = format!("已按意见修改：{}", c.text);
        apply(
            &mut draft,
            Action::AnswerComment {
                path: c.path.clone(),
                answer,
            },
        )
        .unwrap();
    }
    apply(
        &mut draft,
        Action::MarkRevised {
            path: measure.clone(),
            revised: true,
        },
    )
    .unwrap();
    assert_eq!(not_ready(&draft), None);

    // The next export carries the answers; the office reads them with what changed since the review.
    let again = export(&draft, true, now());
    assert_eq!(again.document.revision, 2);
    let back = import(&again.bytes).unwrap();
    let seen = shown(&back.document);
    assert_eq!(seen.len(), 3);
    let on_measure = seen.iter().find(|s| s.comment.path == measure).unwrap();
    assert!(on_measure.changed && on_measure.comment.revised);
    assert_eq!(
        on_measure.location.as_deref(),
        Some("第1个问题 · 第2项措施")
    );
    let on_list = seen.iter().find(|s| s.comment.path == WHOLE_LIST).unwrap();
    assert!(on_list.changed, "a measure of the list changed");
    let text = String::from_utf8(again.bytes).unwrap();
    assert!(text.contains("\"answer\": \"已按意见修改：问题要具体。\""));
    assert!(text.contains("\"revised\": true"));
}

#[test]
fn a_problem_untouched_since_the_review_reads_unchanged_and_the_ledger_does_not_count() {
    let (mut draft, received, digest) = handed_in();
    let (_, review) = office_review(&received, &digest, Verdict::Passed);
    let attach = attaching(Some(&draft), &read(&file_of(&review)).unwrap()).unwrap();
    apply(&mut draft, Action::AttachReview(Box::new(attach.review))).unwrap();
    let measure = received.problems[0].measures[1].id.clone();
    apply(
        &mut draft,
        Action::SetMeasure(measure, MeasureField::Progress, "已完成一半。".into()),
    )
    .unwrap();
    assert!(
        shown(&draft).iter().all(|s| !s.changed),
        "完成情况 is the ledger's, not an answer"
    );
}

#[test]
fn a_draft_changed_since_the_review_still_attaches_and_says_so() {
    let (mut draft, received, digest) = handed_in();
    let (_, review) = office_review(&received, &digest, Verdict::Returned);
    let measure = received.problems[1].measures[0].id.clone();
    apply(
        &mut draft,
        Action::SetMeasure(measure, MeasureField::Goal, "改过".into()),
    )
    .unwrap();
    let attach = attaching(Some(&draft), &read(&file_of(&review)).unwrap()).unwrap();
    assert!(attach.changed_since);
    assert!(attach.message().contains("又改过"));
}

#[test]
fn a_review_for_no_list_an_older_or_a_newer_revision_or_again_is_refused() {
    let (draft, received, digest) = handed_in();
    let (_, review) = office_review(&received, &digest, Verdict::Returned);
    let review = read(&file_of(&review)).unwrap();
    let refused = attaching(None, &review).unwrap_err();
    assert!(matches!(refused, Refused::NoSuchList { revision: 1, .. }));
    assert!(refused.message().contains("本机没有这份清单"));

    // The branch exported a second revision after the one reviewed.
    let mut edited = draft.clone();
    let m = edited.problems[0].measures[0].id.clone();
    apply(
        &mut edited,
        Action::SetMeasure(m, MeasureField::Goal, "改".into()),
    )
    .unwrap();
    let second = export(&edited, true, now()).document;
    let older = attaching(Some(&second), &review).unwrap_err();
    assert_eq!(
        older,
        Refused::OlderRevision {
            reviewed: 1,
            here: 2
        }
    );
    assert!(older.message().contains("已导出到第2版"));

    // The office reviewed revision 2 of a list this computer only has revision 1 of.
    let received2 = import(&export(&edited, true, now()).bytes).unwrap();
    let (_, review2) = office_review(&received2.document, &received2.digest, Verdict::Passed);
    let newer = attaching(Some(&draft), &read(&file_of(&review2)).unwrap()).unwrap_err();
    assert_eq!(
        newer,
        Refused::NewerRevision {
            reviewed: 2,
            here: 1
        }
    );

    let mut attached = draft.clone();
    let ok = attaching(Some(&attached), &review).unwrap();
    apply(&mut attached, Action::AttachReview(Box::new(ok.review))).unwrap();
    assert_eq!(
        attaching(Some(&attached), &review).unwrap_err(),
        Refused::AlreadyAttached
    );
}

#[test]
fn a_changed_malformed_or_hostile_review_file_is_refused_with_a_reason() {
    let (_, received, digest) = handed_in();
    let (_, review) = office_review(&received, &digest, Verdict::Returned);
    let bytes = file_of(&review);
    let changed = String::from_utf8(bytes.clone())
        .unwrap()
        .replace("问题要具体", "问题很好");
    assert_eq!(read(changed.as_bytes()).unwrap_err(), ReviewError::Changed);
    assert!(ReviewError::Changed.message().contains("校验码不符"));

    let deep = format!(
        r#"{{"format":"rectify-review","version":1,"x":{}{}}}"#,
        "[".repeat(100),
        "]".repeat(100)
    );
    assert!(matches!(
        read(deep.as_bytes()),
        Err(ReviewError::Malformed(_))
    ));
    let newer = r#"{"format":"rectify-review","version":9}"#;
    assert_eq!(
        read(newer.as_bytes()).unwrap_err(),
        ReviewError::NewerVersion(9)
    );

    // Sealed, but not what this app writes: too many comments, one too long, the same place twice.
    let sealed = |mut r: Review| {
        r.meta = None;
        let written = r.write(now());
        read(&written.bytes)
    };
    let mut many = review.clone();
    many.comments = (0..=MAX_COMMENTS)
        .map(|i| rectify::domain::office::review::Comment {
            path: format!("p{i}"),
            text: "x".into(),
            ..Default::default()
        })
        .collect();
    assert_eq!(sealed(many).unwrap_err(), ReviewError::TooMany);
    let mut long = review.clone();
    long.comments[0].text = "长".repeat(5000);
    assert_eq!(sealed(long).unwrap_err(), ReviewError::TooLong);
    let mut twice = review.clone();
    twice.comments[1].path = twice.comments[0].path.clone();
    assert!(matches!(sealed(twice), Err(ReviewError::Malformed(_))));
    let mut no_date = review.clone();
    no_date.reviewed_on = "明天".into();
    assert!(sealed(no_date).unwrap_err().message().contains("不是日期"));

    // A list file is not a review; a review file is not taken for a list.
    let list = export(&received, true, now()).bytes;
    assert!(classify(&list).is_none());
    assert!(matches!(classify(&bytes), Some(Ok(_))));
    assert!(matches!(
        classify(changed.as_bytes()),
        Some(Err(ReviewError::Changed))
    ));
}

#[test]
fn the_branch_table_says_waiting_passed_or_returned_and_what_is_unanswered() {
    let (mut draft, received, digest) = handed_in();
    assert_eq!(status(&received, &digest, &[]), (Status::Waiting, 0));
    let (kept, review) = office_review(&received, &digest, Verdict::Returned);
    assert_eq!(
        status(&received, &digest, std::slice::from_ref(&kept)),
        (Status::Returned, 3)
    );

    // The branch answers two of three and hands in revision 2: waiting again, one unanswered.
    let attach = attaching(Some(&draft), &read(&file_of(&review)).unwrap()).unwrap();
    apply(&mut draft, Action::AttachReview(Box::new(attach.review))).unwrap();
    for c in &review.comments[..2] {
        apply(
            &mut draft,
            Action::AnswerComment {
                path: c.path.clone(),
                answer: "已改".into(),
            },
        )
        .unwrap();
    }
    let back = import(&export(&draft, true, now()).bytes).unwrap();
    assert_eq!(
        status(&back.document, &back.digest, &[kept]),
        (Status::Waiting, 1)
    );
}

/// Issue 25, 7: the office cannot write a comment the branch would refuse: 导出审核意见 says which one and how long.
#[test]
fn a_comment_longer_than_the_branch_accepts_is_refused_at_the_office_naming_it() {
    let (_, received, digest) = handed_in();
    let mut draft = Draft::of(&received, &digest);
    draft.set_comment(&received.problems[1].id, &"长".repeat(2_500));
    draft.verdict = Some(Verdict::Returned);
    let refused = draft.review(&received, "王明", "2024-06-05").unwrap_err();
    assert!(
        refused.contains("第2个问题") && refused.contains("2500字") && refused.contains("2000字"),
        "{refused}"
    );
    draft.set_comment(&received.problems[1].id, &"长".repeat(2_000));
    let review = draft.review(&received, "王明", "2024-06-05").unwrap();
    assert!(
        read(&file_of(&review)).is_ok(),
        "what the office exports, the branch reads"
    );
}

/// Issue 25, 7: a second review of the same revision, attached over the first (whose answers the draft now
/// carries), does not say the branch changed its list; a review file without the list's fingerprint (an earlier
/// version) does not either.
#[test]
fn attaching_a_review_is_not_the_branch_changing_its_list() {
    let (draft, received, digest) = handed_in();
    let (_, first) = office_review(&received, &digest, Verdict::Returned);
    let mut here = draft.clone();
    let a = attaching(Some(&here), &read(&file_of(&first)).unwrap()).unwrap();
    assert!(!a.changed_since);
    apply(&mut here, Action::AttachReview(Box::new(a.review))).unwrap();
    let path = first.comments[0].path.clone();
    apply(
        &mut here,
        Action::AnswerComment {
            path,
            answer: "已补充".into(),
        },
    )
    .unwrap();

    let (mut second_draft, _) = office_review(&received, &digest, Verdict::Returned);
    second_draft.set_comment(WHOLE_LIST, "问题要具体，写明数字。");
    let second = second_draft
        .review(&received, "办公室 王明", "2024-06-06")
        .unwrap();
    let again = attaching(Some(&here), &read(&file_of(&second)).unwrap()).unwrap();
    assert!(!again.changed_since, "nothing the branch writes changed");
    assert!(!again.message().contains("又改过"));

    let mut old_format = second.clone();
    old_format.list.seen.clear();
    let old = attaching(Some(&here), &read(&file_of(&old_format)).unwrap()).unwrap();
    assert!(
        !old.changed_since,
        "without the fingerprint: the draft without its review is the file reviewed"
    );
}

/// Issue 25, 7: an answer to a comment the office reworded is kept, shown with the wording it answered, and
/// counts as unanswered until the branch confirms or rewrites it.
#[test]
fn an_answer_to_a_reworded_comment_is_kept_and_asks_to_be_confirmed() {
    let (draft, received, digest) = handed_in();
    let (_, first) = office_review(&received, &digest, Verdict::Returned);
    let mut here = draft.clone();
    let a = attaching(Some(&here), &read(&file_of(&first)).unwrap()).unwrap();
    apply(&mut here, Action::AttachReview(Box::new(a.review))).unwrap();
    for c in first.comments.clone() {
        apply(
            &mut here,
            Action::AnswerComment {
                path: c.path,
                answer: format!("答：{}", c.text),
            },
        )
        .unwrap();
    }
    assert_eq!(unanswered(&here), 0);

    let (mut reworded, _) = office_review(&received, &digest, Verdict::Returned);
    reworded.set_comment(WHOLE_LIST, "问题要具体：写明时间、次数。");
    let second = reworded
        .review(&received, "办公室 王明", "2024-06-06")
        .unwrap();
    let b = attaching(Some(&here), &read(&file_of(&second)).unwrap()).unwrap();
    apply(&mut here, Action::AttachReview(Box::new(b.review))).unwrap();
    let list = here
        .review
        .as_ref()
        .unwrap()
        .comments
        .iter()
        .find(|c| c.path == WHOLE_LIST)
        .unwrap();
    assert_eq!(list.answer, "答：问题要具体。", "the typed answer is kept");
    assert_eq!(list.earlier_text, "问题要具体。");
    assert!(!list.is_answered());
    assert_eq!(unanswered(&here), 1, "only the reworded comment asks again");
    // Confirmed as it is: answered to the new wording.
    apply(
        &mut here,
        Action::AnswerComment {
            path: WHOLE_LIST.into(),
            answer: "答：问题要具体。".into(),
        },
    )
    .unwrap();
    assert_eq!(unanswered(&here), 0);
    assert!(here
        .review
        .as_ref()
        .unwrap()
        .comments
        .iter()
        .all(|c| c.earlier_text.is_empty()));
}

/// Issue 25, 7: a malformed review file is explained in Chinese: which field, what it should be.
#[test]
fn a_malformed_review_file_is_explained_in_chinese() {
    let (_, received, digest) = handed_in();
    let (_, review) = office_review(&received, &digest, Verdict::Returned);
    let bytes = file_of(&review);
    let resealed = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        value.as_object_mut().unwrap().remove("meta");
        edit(&mut value);
        let digest = rectify::domain::file::digest::digest_of(&value);
        value["meta"] = serde_json::json!({ "app_version": "x", "exported_at": "2024-06-05T09:30:00+08:00", "digest": digest });
        read(serde_json::to_string(&value).unwrap().as_bytes())
            .unwrap_err()
            .message()
    };
    let verdict = resealed(&|v| v["verdict"] = "approved".into());
    assert!(
        verdict.contains("审核结论")
            && verdict.contains("“approved”")
            && verdict.contains("“passed”")
            && verdict.contains("“returned”"),
        "{verdict}"
    );
    let kind = resealed(&|v| v["list"]["kind"] = "branch".into());
    assert!(
        kind.contains("所审核的清单 · 清单类型") && kind.contains("“branch”"),
        "{kind}"
    );
    let text = resealed(&|v| v["comments"][1]["text"] = 5.into());
    assert!(
        text.contains("第2条审核意见 · 内容") && text.contains("应当是文字"),
        "{text}"
    );
    let missing = resealed(&|v| {
        v["list"].as_object_mut().unwrap().remove("id");
    });
    assert!(
        missing.contains("所审核的清单") && missing.contains("编号（id）"),
        "{missing}"
    );
    for m in [verdict, kind, text, missing] {
        assert!(
            !m.contains("expected")
                && !m.contains("unknown variant")
                && !m.contains("invalid type"),
            "{m}"
        );
    }
}
