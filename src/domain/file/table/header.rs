//! The lines above a table: the title (交警大队党支部检视整改问题清单) and the 填报单位, 填报日期 and 填报人 lines,
//! read into the header of the list.

use super::deadline;
use crate::domain::dates;
use crate::domain::list::model::Kind;

/// What the lines above (and below) a table say.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Above {
    pub org_name: String,
    pub filed_on: String,
    pub filed_by: String,
    /// 审核人（支部书记）, from a 审核人 or 支部书记 line (often under the table).
    pub reviewer: String,
    /// The title says 党员 (a member list) or not; `None` when there is no title.
    pub kind: Option<Kind>,
    /// The campaign the title names (党纪学习教育检视整改问题清单), if it names one the app knows.
    pub campaign: Option<&'static crate::domain::list::campaign::Preset>,
}

const ORG_LABELS: &[&str] = &[
    "填报单位",
    "报送单位",
    "党组织名称",
    "党组织",
    "党支部",
    "单位名称",
    "单位",
];
const DATE_LABELS: &[&str] = &["填报日期", "填报时间", "报送日期", "日期"];
const BY_LABELS: &[&str] = &["填报人", "填表人"];
const REVIEWER_LABELS: &[&str] = &["审核人", "支部书记", "党支部书记", "审核"];

/// What a title's words before 检视整改 say when they are the list's own words, not a 党组织's name:
/// 党组织检视整改问题清单, 党员检视整改问题清单, 党支部检视整改问题清单.
const TITLE_WORDS: &[&str] = &[
    "党组织",
    "党员",
    "党支部",
    "支部",
    "基层党组织",
    "党小组",
    "",
];

/// A label as a line writes it, without what it says in brackets (填报单位（盖章）, 审核人(签字)) and spaces.
fn label_of(written: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in written.chars() {
        match c {
            '(' | '（' | '【' | '[' => depth += 1,
            ')' | '）' | '】' | ']' => depth = depth.saturating_sub(1),
            c if c.is_whitespace() => {}
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Reads `lines` (the title first, usually; lines under the table too): the labelled lines first, whatever their
/// place, then the title for what they did not say. The title's own words (党组织检视整改问题清单) are never taken
/// for a 党组织's name.
pub fn read(lines: &[String]) -> Above {
    let mut above = Above::default();
    for line in lines {
        for (label, value) in labelled(line) {
            let label = label_of(&label);
            let label = label.as_str();
            if ORG_LABELS.contains(&label) && above.org_name.is_empty() {
                above.org_name = value;
            } else if DATE_LABELS.contains(&label) && above.filed_on.is_empty() {
                if let Ok(d) = deadline::read(&value) {
                    above.filed_on = d.date().unwrap_or_default().to_string();
                }
            } else if BY_LABELS.contains(&label) && above.filed_by.is_empty() {
                above.filed_by = value;
            } else if REVIEWER_LABELS.contains(&label) && above.reviewer.is_empty() {
                above.reviewer = value;
            }
        }
    }
    for line in lines {
        let title: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        if let Some(at) = title.find("检视整改").or_else(|| title.find("问题清单")) {
            if above.kind.is_none() {
                let mut before = &title[..at];
                // The campaign's name is the campaign's, never part of the 党组织's.
                if let Some((from, preset)) = crate::domain::list::campaign::named_in(before) {
                    above.campaign = Some(preset);
                    before = &before[..from];
                }
                let member = title.contains("党员");
                above.kind = Some(if member { Kind::Member } else { Kind::Org });
                let name = before.trim_end_matches("党员").trim_end_matches('（');
                if above.org_name.is_empty() && !TITLE_WORDS.contains(&name) && !name.contains('：')
                {
                    above.org_name = name.to_string();
                }
            }
        }
    }
    if dates::parse(&above.filed_on).is_none() {
        above.filed_on.clear();
    }
    above
}

/// The `label：value` pairs of a line (full-width or ASCII colon), a value running to the next run of spaces:
/// `填报单位：交警大队党支部    填报日期：2024年3月1日`.
fn labelled(line: &str) -> Vec<(String, String)> {
    let normal = line.replace(':', "：").replace('\u{3000}', " ");
    let parts: Vec<&str> = normal.split('：').collect();
    let mut out = Vec::new();
    for i in 0..parts.len().saturating_sub(1) {
        // The label is the last word before the colon; the value the first words after it, up to the next label.
        let label = parts[i].split_whitespace().last().unwrap_or("").to_string();
        let next = parts[i + 1];
        let value = if i + 2 < parts.len() {
            // Up to the next label: drop the last word (it is that label).
            let words: Vec<&str> = next.split_whitespace().collect();
            words[..words.len().saturating_sub(1)].join("")
        } else {
            next.split_whitespace().collect::<Vec<_>>().join("")
        };
        let value = value
            .trim_matches(|c: char| c == '_' || c == '　')
            .to_string();
        if !label.is_empty() && !value.is_empty() {
            out.push((label, value));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_and_the_labelled_lines_fill_the_header() {
        let above = read(&[
            "交警大队党支部检视整改问题清单".to_string(),
            "填报单位：交警大队党支部    填报日期：2024年3月1日".to_string(),
        ]);
        assert_eq!(above.org_name, "交警大队党支部");
        assert_eq!(above.filed_on, "2024-03-01");
        assert_eq!(above.kind, Some(Kind::Org));
    }

    #[test]
    fn the_templates_own_title_is_no_name_and_a_stamped_label_is_read() {
        let above = read(&[
            "党组织检视整改问题清单".to_string(),
            "填报单位（盖章）：中共××县公安局治安管理大队支部委员会    填报日期：2024年3月1日"
                .to_string(),
            "审核人（支部书记）：张伟    填报人：王芳".to_string(),
        ]);
        assert_eq!(above.org_name, "中共××县公安局治安管理大队支部委员会");
        assert_eq!(above.kind, Some(Kind::Org));
        assert_eq!(
            (above.reviewer.as_str(), above.filed_by.as_str()),
            ("张伟", "王芳")
        );
        let untitled = read(&["党员检视整改问题清单".to_string()]);
        assert_eq!(
            (untitled.org_name.as_str(), untitled.kind),
            ("", Some(Kind::Member))
        );
        let secretary = read(&["支部书记：李强".to_string()]);
        assert_eq!(secretary.reviewer, "李强");
    }

    #[test]
    fn a_member_title_names_its_branch_and_the_kind() {
        let above = read(&["治安大队党支部党员检视整改问题清单".to_string()]);
        assert_eq!(above.org_name, "治安大队党支部");
        assert_eq!(above.kind, Some(Kind::Member));
        let labelled = read(&["党支部: 巡警大队党支部  填报人：王芳".to_string()]);
        assert_eq!(labelled.org_name, "巡警大队党支部");
        assert_eq!(labelled.filed_by, "王芳");
        assert_eq!(labelled.kind, None);
    }
}
