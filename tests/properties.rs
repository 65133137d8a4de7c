//! Properties over generated input: any document survives export and import unchanged, and no bytes panic the importer.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use rectify::domain::file::export::export;
use rectify::domain::file::import::{import, Seal};
use rectify::domain::list::model::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[\\PC]{0,30}",
        "[一-龥，。“”<>&=+@-]{0,40}",
        Just(String::new()),
    ]
}

fn date() -> impl Strategy<Value = String> {
    prop_oneof![
        (2023i32..2027, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
        text(),
    ]
}

fn deadline() -> impl Strategy<Value = Deadline> {
    prop_oneof![
        proptest::option::of(date()).prop_map(|date| Deadline::Immediate { date }),
        date().prop_map(|date| Deadline::ByDate { date }),
        Just(Deadline::LongTerm),
    ]
}

fn measure(kind: Kind) -> impl Strategy<Value = Measure> {
    (
        text(),
        text(),
        deadline(),
        0usize..6,
        text(),
        proptest::option::of((date(), text(), text())),
        proptest::collection::vec((date(), text()), 0..3),
        proptest::option::of((date(), text(), text())),
    )
        .prop_map(
            move |(content, goal, deadline, status, progress, ext, updates, closed)| {
                let mut m = Measure::new(String::new(), kind);
                m.content = content;
                m.goal = goal;
                m.deadline = deadline;
                m.status = Status::ALL[status];
                m.progress = progress;
                m.extension = ext.map(|(new_date, reason, approved_by)| Extension {
                    new_date,
                    reason,
                    approved_by,
                });
                m.updates = updates
                    .into_iter()
                    .map(|(date, text)| Update { date, text })
                    .collect();
                m.closed = closed.map(|(date, by, opinion)| Closing { date, by, opinion });
                m
            },
        )
}

fn problem(kind: Kind) -> impl Strategy<Value = Problem> {
    (
        text(),
        proptest::collection::vec(0usize..9, 0..3),
        text(),
        proptest::collection::vec(measure(kind), 1..3),
        text(),
    )
        .prop_map(|(category, sources, description, measures, remark)| {
            let mut p = Problem::new(String::new(), category);
            p.sources = sources.into_iter().map(|i| Source::ALL[i]).collect();
            p.description = description;
            p.measures = measures;
            p.remark = remark;
            p
        })
}

fn document() -> impl Strategy<Value = Document> {
    let header = (
        text(),
        text(),
        date(),
        text(),
        text(),
        proptest::collection::vec(text(), 0..4),
    );
    (
        any::<bool>(),
        header,
        proptest::collection::vec(problem(Kind::Org), 0..4),
        proptest::collection::vec(
            (
                text(),
                proptest::collection::vec(problem(Kind::Member), 0..3),
            ),
            0..3,
        ),
    )
        .prop_map(
            |(
                is_org,
                (org_name, parent_org, filed_on, filed_by, reviewer, categories),
                problems,
                members,
            )| {
                let kind = if is_org { Kind::Org } else { Kind::Member };
                let mut doc = Document::new(kind, "12332330-9568-482d-8adf-6ea52b047cfe".into());
                doc.header = Header {
                    org_name,
                    parent_org,
                    filed_on,
                    filed_by,
                    reviewer,
                    categories,
                    ..Header::default()
                };
                if is_org {
                    doc.problems = problems;
                } else {
                    doc.members = members
                        .into_iter()
                        .map(|(name, problems)| Member {
                            name,
                            problems,
                            ..Member::new(String::new())
                        })
                        .collect();
                }
                // Ids are unique in a real document: number them.
                let mut n = 0;
                let mut next = || {
                    n += 1;
                    format!("id-{n}")
                };
                for member in doc.members.iter_mut() {
                    member.id = next();
                }
                let problems = doc
                    .problems
                    .iter_mut()
                    .chain(doc.members.iter_mut().flat_map(|m| m.problems.iter_mut()));
                for p in problems {
                    p.id = next();
                    for m in p.measures.iter_mut() {
                        m.id = next();
                    }
                }
                doc
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_document_round_trips(doc in document()) {
        let out = export(&doc, false, common::now());
        let back = import(&out.bytes).expect("an export always imports");
        prop_assert_eq!(back.seal, Seal::Intact);
        prop_assert_eq!(back.document, out.document);
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_importer(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = import(&bytes);
    }

    #[test]
    fn damaged_exports_never_panic_the_importer(doc in document(), cut in 0usize..4000, flip in any::<u8>()) {
        let mut bytes = export(&doc, false, common::now()).bytes;
        let at = cut % bytes.len();
        bytes[at] ^= flip;
        let _ = import(&bytes);
        let _ = import(&bytes[..at]);
    }
}
