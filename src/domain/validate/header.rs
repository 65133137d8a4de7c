//! Rules of the header (表头信息).

use super::{char_len, Context, Sink};
use crate::domain::dates;
use crate::domain::model::{Header, Kind};
use crate::domain::path::Location;
use chrono::NaiveDate;

/// The campaign ran from April 2023 to the end of 2025; a filing date outside is probably a typo.
fn campaign_window() -> (NaiveDate, NaiveDate) {
    (
        NaiveDate::from_ymd_opt(2023, 4, 1).expect("valid date"),
        NaiveDate::from_ymd_opt(2025, 12, 31).expect("valid date"),
    )
}

pub fn validate_header(ctx: &Context, header: &Header, sink: &mut Sink) {
    let at = |key: &str| (format!("header.{key}"), Location::header().field(key));

    let (path, loc) = at("org_name");
    match char_len(&header.org_name) {
        0 => sink.error(path, "org_name_required", loc, "请填写党组织名称（填报单位），例如“中共××县公安局交警大队支部委员会”。".into()),
        1 => sink.error(path, "org_name_length", loc, "党组织名称太短，至少要2个字，请写全称。".into()),
        n if n > 60 => sink.error(path, "org_name_length", loc, format!("党组织名称有{n}个字，超过了60个字的上限，请精简。")),
        _ => {}
    }

    let n = char_len(&header.parent_org);
    if n > 60 {
        let (path, loc) = at("parent_org");
        sink.error(path, "parent_org_length", loc, format!("上级党组织名称有{n}个字，超过了60个字的上限，请精简。"));
    }

    let (path, loc) = at("filed_on");
    if header.filed_on.trim().is_empty() {
        sink.error(path, "filed_on_required", loc, "请填写填报日期。".into());
    } else {
        match dates::parse(&header.filed_on) {
            None => sink.error(path, "filed_on_invalid", loc, format!("填报日期“{}”不是一个有效的日期，请用日期选择框重新选择。", header.filed_on)),
            Some(date) => {
                let (start, end) = campaign_window();
                if date < start || date > end {
                    sink.warning(path, "filed_on_outside_campaign", loc, format!("填报日期是{}，不在主题教育期间（2023年4月1日至2025年12月31日），请核对是否填错。", dates::official(date)));
                }
            }
        }
    }

    person(sink, at("filed_by"), &header.filed_by, "filed_by", "填报人", true);

    if !header.phone.trim().is_empty() && !is_phone(header.phone.trim()) {
        let (path, loc) = at("phone");
        sink.error(path, "phone_format", loc, format!("联系电话“{}”的格式不对。请填写11位手机号（如13907712345）或带区号的固定电话（如0371-12345678，分机可写成0371-12345678-123）。", header.phone.trim()));
    }

    person(sink, at("reviewer"), &header.reviewer, "reviewer", "审核人（支部书记）", ctx.kind == Kind::Org);

    let (path, loc) = at("categories");
    let named: Vec<&str> = header.categories.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
    if named.is_empty() {
        sink.error(path, "categories_required", loc, "至少要有一个问题类别。请选用“六个方面”或“四个方面”，或自己添加类别。".into());
    } else if named.len() != header.categories.len() {
        sink.error(path, "category_empty", loc, "有一个问题类别没有名称，请填写名称或删除它。".into());
    } else if let Some(dup) = named.iter().enumerate().find(|(i, c)| named[..*i].contains(c)).map(|(_, c)| c) {
        sink.error(path, "category_duplicate", loc, format!("问题类别“{dup}”出现了两次，请删除重复的一个。"));
    }
}

/// A person's name: 2–20 characters, required or not.
pub(super) fn person(sink: &mut Sink, (path, loc): (String, String), value: &str, key: &str, label: &str, required: bool) {
    let rule_required: &'static str = match key {
        "filed_by" => "filed_by_required",
        "reviewer" => "reviewer_required",
        "lead" => "lead_required",
        _ => "name_required",
    };
    let rule_length: &'static str = match key {
        "filed_by" => "filed_by_length",
        "reviewer" => "reviewer_length",
        "lead" => "lead_length",
        _ => "name_length",
    };
    match char_len(value) {
        0 if required => sink.error(path, rule_required, loc, format!("请填写{label}的姓名。")),
        0 => {}
        1 => sink.error(path, rule_length, loc, format!("{label}“{}”只有1个字，请填写完整姓名（2至20个字）。", value.trim())),
        n if n > 20 => sink.error(path, rule_length, loc, format!("{label}有{n}个字，超过了20个字的上限。这里只填姓名，多人时只填牵头的一人。")),
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
