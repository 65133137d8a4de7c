//! Rules of one problem (问题) and, through it, its measures.

use super::{char_len, validate_measure, Context, Field, Sink};
use crate::domain::list::model::Problem;
use crate::domain::list::path::Location;
use crate::domain::list::required::is_required;
use crate::domain::list::vocabulary::GENERIC_PHRASES;

/// Below this many characters a description is probably too vague (`format.md`: ≥ 15 expected).
pub const DESCRIPTION_MIN_CHARS: usize = 15;

pub fn validate_problem(ctx: &Context, location: Location, problem: &Problem, sink: &mut Sink) {
    let at = |key| Field::new(&problem.id, key, location);

    let f = at("category");
    let category = problem.category.trim();
    if category.is_empty() {
        sink.error(
            &f,
            "category_required",
            "请选择这个问题属于哪个问题类别。".into(),
        );
    } else if !ctx.categories.iter().any(|c| c.trim() == category) {
        sink.error(&f, "category_unknown", format!("问题类别“{category}”不在本清单使用的类别中。请重新选择类别，或在表头信息里添加这个类别。"));
    }

    let f = at("sources");
    if is_required(ctx.kind, "sources") && problem.sources.is_empty() {
        sink.error(
            &f,
            "sources_required",
            "请至少勾选一个问题来源（如“征求意见 / 群众反映”“检视剖析（自己找）”）。".into(),
        );
    } else if let Some((_, dup)) = problem
        .sources
        .iter()
        .enumerate()
        .find(|(i, s)| problem.sources[..*i].contains(s))
    {
        sink.error(
            &f,
            "sources_duplicate",
            format!("问题来源“{}”重复了，请只保留一个。", dup.label()),
        );
    }

    let f = at("description");
    let description = problem.description.trim();
    let n = char_len(description);
    if n == 0 {
        sink.error(&f, "description_required", "请写出问题表现：具体到事、到数、到时间，例如“2023年上半年6次集体学习中研讨发言仅2次”。".into());
    } else {
        if is_generic(description) {
            sink.warning(&f, "description_generic", format!("“{description}”是一句笼统的套话（万能问题），看不出具体问题。请写明在哪件事上、什么程度、有什么数字或例子。"));
        }
        if n < DESCRIPTION_MIN_CHARS {
            sink.warning(&f, "description_short", format!("问题表现只有{n}个字，一般至少要{DESCRIPTION_MIN_CHARS}个字才能说清楚。请补充具体表现、数字或例子。"));
        }
    }

    if problem.measures.is_empty() {
        sink.error(
            &at("measures"),
            "measures_required",
            "每个问题至少要有一项整改措施，请点“添加整改措施”。".into(),
        );
    }
    for (index, measure) in problem.measures.iter().enumerate() {
        validate_measure(ctx, location.measure(index), measure, sink);
    }
}

/// A description that is a stock phrase and nothing more (punctuation and the words 问题/方面 aside).
pub fn is_generic(description: &str) -> bool {
    only_stock_phrase(description, GENERIC_PHRASES)
}

/// `text` says one of `phrases` and at most two characters more (spaces, punctuation and a trailing 问题 aside).
pub fn only_stock_phrase(text: &str, phrases: &[&str]) -> bool {
    let kept = |c: &char| {
        !c.is_whitespace() && !c.is_ascii_punctuation() && !"，。；、！：“”…".contains(*c)
    };
    // Most texts are sentences: more characters than any phrase and two, not ending in 问题 (which is taken off
    // below, however often repeated). Such a text is none, decided from its first and last few characters without
    // copying it (the copy was ~30 ms of showing a 2,000 × 3 list at 4× CPU).
    let longest = phrases.iter().map(|p| char_len(p)).max().unwrap_or(0);
    let ends_in_wenti = text.chars().rev().filter(kept).take(2).eq("题问".chars());
    if !ends_in_wenti && text.chars().filter(kept).nth(longest + 2).is_some() {
        return false;
    }
    let core: String = text.chars().filter(kept).collect();
    let core = core.trim_end_matches("的问题").trim_end_matches("问题");
    // Taking a phrase out of `core` leaves `core`'s length less the phrase's, so the length decides first: a real
    // sentence is longer than any stock phrase and two, and is never searched (the search was ~60 ms of opening a
    // 2,000 × 3 list at 4× CPU, one searcher built per field and phrase).
    let length = char_len(core);
    phrases.iter().any(|phrase| {
        let said = char_len(phrase);
        length >= said && length - said <= 2 && core.contains(phrase)
    })
}
