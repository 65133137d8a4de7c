//! Rules of one measure (整改措施): deadline, people, status, extension, progress notes and closing (销号).

use super::header::person;
use super::problem::only_stock_phrase;
use chrono::NaiveDate;

use super::{char_len, Context, Field, Sink};
use crate::domain::dates;
use crate::domain::list::findings::Severity;
use crate::domain::list::model::{Deadline, Measure, Status};
use crate::domain::list::path::Location;
use crate::domain::list::required::is_required;
use crate::domain::list::vocabulary::GENERIC_GOALS;

/// `format.md`: a measure is expected to say at least this much.
pub const CONTENT_MIN_CHARS: usize = 10;
/// `format.md`: 完成情况 needs this much before a measure can be closed.
pub const PROGRESS_MIN_CHARS: usize = 10;

pub fn validate_measure(ctx: &Context, location: Location, measure: &Measure, sink: &mut Sink) {
    let at = |key| Field::new(&measure.id, key, location);

    let f = at("content");
    match char_len(&measure.content) {
        0 => sink.error(&f, "content_required", "请写出整改措施：做什么、做到什么程度、什么时候，例如“每月至少组织1次专题研讨”。".into()),
        n if n < CONTENT_MIN_CHARS => sink.warning(&f, "content_short", format!("措施内容只有{n}个字，一般至少要{CONTENT_MIN_CHARS}个字。请写明具体做法、数量或时间节点。")),
        _ => {}
    }

    let required = |key| is_required(ctx.kind, key);
    if required("goal") && char_len(&measure.goal) == 0 {
        sink.error(
            &at("goal"),
            "goal_required",
            "请填写整改目标：整改后要达到的、能检查的结果，例如“联网路口由8处增至23处”。".into(),
        );
    } else if only_stock_phrase(&measure.goal, GENERIC_GOALS) {
        let goal = measure.goal.trim();
        sink.warning(
            &at("goal"),
            "goal_generic",
            format!("“{goal}”说不出整改后能检查的结果（万能目标）。请写明到时可以核对的数字、时间或标志，例如“群众满意率由85%提高到95%以上”。"),
        );
    }
    // A member's measures have no lead: the member is responsible (format.md).
    if required("lead") {
        person(
            sink,
            &at("lead"),
            measure.lead.as_deref().unwrap_or(""),
            true,
        );
    }
    if required("dept") && char_len(measure.dept.as_deref().unwrap_or("")) == 0 {
        sink.error(
            &at("dept"),
            "dept_required",
            "请填写责任单位（部门），例如“交警大队秩序中队”。".into(),
        );
    }

    deadline(ctx, &at("deadline"), measure, sink);

    if matches!(measure.deadline, Deadline::LongTerm) && measure.status == Status::Done {
        sink.error(
            &at("status"),
            "long_term_cannot_be_done",
            "长期坚持的措施不能标为“已完成整改”，请改为“阶段性完成并长期坚持”。".into(),
        );
    }

    extension(ctx, &at("extension"), measure, sink);
    for (i, update) in measure.updates.iter().enumerate() {
        let here = location.update(i);
        let f = at("updates");
        let date = f.inner(format!("updates[{i}].date"), "date", here);
        match dates::parse(&update.date) {
            None => sink.error(
                &date,
                "update_date_invalid",
                "进展记录的日期无效，请重新选择日期。".into(),
            ),
            Some(d) if ctx.filed_on.is_some_and(|f| d < f) => sink.error(
                &date,
                "update_before_filing",
                format!("进展记录的日期{}早于填报日期，请核对。", dates::official(d)),
            ),
            Some(d) if d > ctx.today => sink.error(
                &date,
                "update_in_future",
                format!(
                    "进展记录的日期{}还没到，只能记录已经发生的进展。",
                    dates::official(d)
                ),
            ),
            Some(_) => {}
        }
        if update.text.trim().is_empty() {
            sink.error(
                &f.inner(format!("updates[{i}].text"), "text", here),
                "update_text_required",
                "进展记录没有内容，请写明做了什么，或删除这条记录。".into(),
            );
        }
    }
    closing(ctx, &at("closed"), &at("progress"), measure, location, sink);
}

fn deadline(ctx: &Context, f: &Field, measure: &Measure, sink: &mut Sink) {
    if let Some((severity, rule, message)) = deadline_rule(ctx.filed_on, &measure.deadline) {
        sink.push(severity, f, rule, message);
    }
}

/// What is wrong with a deadline given 填报日期 `filed_on`: the rules of `format.md` § 3.4, also for the 完成时限
/// of a 调研问题 (`domain::register::validate`).
pub fn deadline_rule(
    filed_on: Option<NaiveDate>,
    deadline: &Deadline,
) -> Option<(Severity, &'static str, String)> {
    let text = match deadline {
        Deadline::LongTerm => return None,
        Deadline::Immediate { date } => match date {
            Some(d) if !d.trim().is_empty() => d,
            _ => return None,
        },
        Deadline::ByDate { date } if date.trim().is_empty() => {
            return Some((
                Severity::Error,
                "deadline_date_required",
                "限期整改要选一个完成日期。如果没有具体日期，请改选“立行立改”或“长期坚持”。".into(),
            ));
        }
        Deadline::ByDate { date } => date,
    };
    let Some(date) = dates::parse(text) else {
        return Some((
            Severity::Error,
            "deadline_date_invalid",
            format!("整改时限“{text}”不是一个有效的日期，请用日期选择框重新选择。"),
        ));
    };
    let filed_on = filed_on?;
    if date < filed_on {
        Some((
            Severity::Error,
            "deadline_before_filing",
            format!(
                "整改时限{}早于填报日期{}，请改为填报日期当天或以后。",
                dates::official(date),
                dates::official(filed_on)
            ),
        ))
    } else if matches!(deadline, Deadline::ByDate { .. })
        && dates::more_than_a_year_after(filed_on, date)
    {
        Some((
            Severity::Warning,
            "deadline_far",
            format!(
                "整改时限{}距填报日期超过12个月。需要长期做的事，可考虑改选“长期坚持”。",
                dates::official(date)
            ),
        ))
    } else {
        None
    }
}

fn extension(ctx: &Context, f: &Field, measure: &Measure, sink: &mut Sink) {
    let Some(ext) = &measure.extension else {
        if measure.status == Status::Extended {
            sink.error(
                f,
                "extension_required",
                "状态是“申请延期”，请填写延期后的日期、延期理由和批准人。".into(),
            );
        }
        return;
    };
    let here = f.location;
    let new_date = f.inner("extension.new_date".into(), "new_date", here);
    match dates::parse(&ext.new_date) {
        None => sink.error(
            &new_date,
            "extension_date_invalid",
            "请选择延期后的完成日期。".into(),
        ),
        Some(d) => {
            let old = measure
                .deadline
                .date()
                .and_then(dates::parse)
                .or(ctx.filed_on);
            if let Some(old) = old.filter(|old| d <= *old) {
                sink.error(
                    &new_date,
                    "extension_not_later",
                    format!(
                        "延期后的日期{}必须晚于原定的{}。",
                        dates::official(d),
                        dates::official(old)
                    ),
                );
            }
        }
    }
    if ext.reason.trim().is_empty() {
        sink.error(
            &f.inner("extension.reason".into(), "reason", here),
            "extension_reason_required",
            "请写明延期理由。".into(),
        );
    }
    if ext.approved_by.trim().is_empty() {
        sink.error(
            &f.inner("extension.approved_by".into(), "approved_by", here),
            "extension_approver_required",
            "请填写延期的批准人。".into(),
        );
    }
}

fn closing(
    ctx: &Context,
    f: &Field,
    progress: &Field,
    measure: &Measure,
    here: Location,
    sink: &mut Sink,
) {
    let Some(closed) = &measure.closed else {
        return;
    };
    if !matches!(measure.status, Status::Done | Status::PhasedLongTerm) {
        sink.error(
            f,
            "closing_requires_done",
            format!(
                "状态是“{}”。只有“已完成整改”或“阶段性完成并长期坚持”的措施才能销号。",
                measure.status.label()
            ),
        );
    }
    let n = char_len(&measure.progress);
    if n < PROGRESS_MIN_CHARS {
        sink.error(
            progress,
            "closing_requires_progress",
            format!("销号前要写明完成情况（至少{PROGRESS_MIN_CHARS}个字），现在只有{n}个字。"),
        );
    }
    let date = f.inner("closed.date".into(), "date", here);
    match dates::parse(&closed.date) {
        None => sink.error(&date, "closing_date_invalid", "请选择销号日期。".into()),
        Some(d) if ctx.filed_on.is_some_and(|f| d < f) => sink.error(
            &date,
            "closing_before_filing",
            format!("销号日期{}早于填报日期，请核对。", dates::official(d)),
        ),
        Some(d) if d > ctx.today => sink.error(
            &date,
            "closing_in_future",
            format!("销号日期{}还没到，不能提前销号。", dates::official(d)),
        ),
        Some(_) => {}
    }
    if closed.by.trim().is_empty() {
        sink.error(
            &f.inner("closed.by".into(), "by", here),
            "closing_by_required",
            "请填写由谁销号（如“县局主题教育办公室”）。".into(),
        );
    }
}
