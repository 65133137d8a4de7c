//! Rules of the header (表头信息).

use super::{char_len, Context, Field, Sink};
use crate::domain::dates;
use crate::domain::list::campaign::{self, Active};
use crate::domain::list::model::Header;
use crate::domain::list::path::Location;
use crate::domain::list::required::is_required;

pub fn validate_header(ctx: &Context, header: &Header, sink: &mut Sink) {
    let active = Active::of(header);
    org_names(header, sink);
    campaign_and_date(header, &active, sink);
    people_and_phone(ctx, header, sink);
    categories(header, &active, sink);
}

fn at(key: &'static str) -> Field<'static> {
    Field::new("header", key, Location::header())
}

/// 党组织名称 and 上级党组织.
fn org_names(header: &Header, sink: &mut Sink) {
    let f = at("org_name");
    match char_len(&header.org_name) {
        0 => sink.error(
            &f,
            "org_name_required",
            "请填写党组织名称（填报单位），例如“中共××县公安局交警大队支部委员会”。".into(),
        ),
        1 => sink.error(
            &f,
            "org_name_length",
            "党组织名称太短，至少要2个字，请写全称。".into(),
        ),
        n if n > 60 => sink.error(
            &f,
            "org_name_length",
            format!("党组织名称有{n}个字，超过了60个字的上限，请精简。"),
        ),
        _ => {}
    }

    let n = char_len(&header.parent_org);
    if n > 60 {
        sink.error(
            &at("parent_org"),
            "parent_org_length",
            format!("上级党组织名称有{n}个字，超过了60个字的上限，请精简。"),
        );
    }
}

/// The 活动 defined by hand, and the 填报日期 against the 活动's period.
fn campaign_and_date(header: &Header, active: &Active, sink: &mut Sink) {
    if let Some(c) = &header.campaign {
        for (key, rule, why) in campaign::problems(c) {
            let f = at("campaign");
            let inner = f.inner(format!("campaign.{key}"), "campaign", Location::header());
            sink.error(&inner, rule, why);
        }
    }

    let f = at("filed_on");
    if header.filed_on.trim().is_empty() {
        sink.error(&f, "filed_on_required", "请填写填报日期。".into());
    } else {
        match dates::parse(&header.filed_on) {
            None => sink.error(
                &f,
                "filed_on_invalid",
                format!(
                    "填报日期“{}”不是一个有效的日期，请用日期选择框重新选择。",
                    header.filed_on
                ),
            ),
            Some(date) => {
                if let Some(why) = campaign::filed_on_outside(active, date) {
                    sink.warning(&f, "filed_on_outside_campaign", why);
                }
            }
        }
    }
}

/// 填报人, 联系电话 and 审核人.
fn people_and_phone(ctx: &Context, header: &Header, sink: &mut Sink) {
    person(
        sink,
        &at("filed_by"),
        &header.filed_by,
        is_required(ctx.kind, "filed_by"),
    );

    if !header.phone.trim().is_empty() && !is_phone(header.phone.trim()) {
        sink.error(&at("phone"), "phone_format", format!("联系电话“{}”的格式不对。请填写11位手机号（如13907712345）或带区号的固定电话（如0371-12345678，分机可写成0371-12345678-123）。", header.phone.trim()));
    }

    person(
        sink,
        &at("reviewer"),
        &header.reviewer,
        is_required(ctx.kind, "reviewer"),
    );
}

/// The categories offered: at least one, each named, none twice.
fn categories(header: &Header, active: &Active, sink: &mut Sink) {
    let f = at("categories");
    let named: Vec<&str> = header
        .categories
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    if named.is_empty() {
        sink.error(
            &f,
            "categories_required",
            if active.legacy {
                "至少要有一个问题类别。请选用“六个方面”或“四个方面”，或自己添加类别。".into()
            } else {
                format!(
                    "至少要有一个问题类别。请按{}的要求添加本清单的类别。",
                    active.name
                )
            },
        );
    } else if named.len() != header.categories.len() {
        sink.error(
            &f,
            "category_empty",
            "有一个问题类别没有名称，请填写名称或删除它。".into(),
        );
    } else if let Some(dup) = named
        .iter()
        .enumerate()
        .find(|(i, c)| named[..*i].contains(c))
        .map(|(_, c)| c)
    {
        sink.error(
            &f,
            "category_duplicate",
            format!("问题类别“{dup}”出现了两次，请删除重复的一个。"),
        );
    }
}

/// A person's name (填报人, 审核人, 牵头责任人, 姓名): 2–20 characters, required or not.
pub(super) fn person(sink: &mut Sink, field: &Field, value: &str, required: bool) {
    let (rule_required, rule_length, label): (&'static str, &'static str, &str) = match field.label
    {
        "filed_by" => ("filed_by_required", "filed_by_length", "填报人"),
        "reviewer" => ("reviewer_required", "reviewer_length", "审核人（支部书记）"),
        "lead" => ("lead_required", "lead_length", "牵头责任人（责任领导）"),
        _ => ("name_required", "name_length", "党员"),
    };
    match char_len(value) {
        0 if required => sink.error(field, rule_required, format!("请填写{label}的姓名。")),
        0 => {}
        1 => sink.error(
            field,
            rule_length,
            format!(
                "{label}“{}”只有1个字，请填写完整姓名（2至20个字）。",
                value.trim()
            ),
        ),
        n if n > 20 => sink.error(
            field,
            rule_length,
            format!("{label}有{n}个字，超过了20个字的上限。这里只填姓名，多人时只填牵头的一人。"),
        ),
        _ => {}
    }
}

/// An 11-digit mainland mobile number, or a landline with area code and an optional extension.
pub(crate) fn is_phone(text: &str) -> bool {
    let digits = |s: &str, min: usize, max: usize| {
        (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    let b = text.as_bytes();
    if b.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1]) && digits(text, 11, 11) {
        return true;
    }
    let parts: Vec<&str> = text.split('-').collect();
    match parts.as_slice() {
        [area, number] | [area, number, _] if !area.is_empty() => {
            let ext_ok = parts.get(2).is_none_or(|e| digits(e, 1, 6));
            area.starts_with('0') && digits(area, 3, 4) && digits(number, 7, 8) && ext_ok
        }
        _ => false,
    }
}
