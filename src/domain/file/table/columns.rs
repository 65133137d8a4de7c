//! Which column of a table is which field of a list: found by the words of its header cell, the way the templates
//! the office mailed round and the ones branches made themselves name them.

use super::Table;

/// A field a column can fill; `Skip` for a column that is not read (完成情况 of last year, a column of signatures).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Number,
    Name,
    Category,
    Source,
    Problem,
    Measure,
    Goal,
    Deadline,
    Lead,
    Owner,
    Unit,
    Status,
    Progress,
    Remark,
    Skip,
}

impl Field {
    /// Every field, in the order a user chooses from.
    pub const ALL: [Field; 15] = [
        Field::Number,
        Field::Name,
        Field::Category,
        Field::Source,
        Field::Problem,
        Field::Measure,
        Field::Goal,
        Field::Deadline,
        Field::Lead,
        Field::Owner,
        Field::Unit,
        Field::Status,
        Field::Progress,
        Field::Remark,
        Field::Skip,
    ];

    /// What the preview calls it.
    pub fn label(self) -> &'static str {
        match self {
            Field::Number => "序号（不导入）",
            Field::Name => "姓名",
            Field::Category => "问题类别",
            Field::Source => "问题来源",
            Field::Problem => "问题表现",
            Field::Measure => "整改措施",
            Field::Goal => "整改目标",
            Field::Deadline => "整改时限",
            Field::Lead => "牵头责任人",
            Field::Owner => "具体责任人",
            Field::Unit => "责任单位",
            Field::Status => "整改状态",
            Field::Progress => "完成情况",
            Field::Remark => "备注",
            Field::Skip => "不导入",
        }
    }

    /// A stable name, for a choice in a form.
    pub fn slug(self) -> &'static str {
        match self {
            Field::Number => "number",
            Field::Name => "name",
            Field::Category => "category",
            Field::Source => "source",
            Field::Problem => "problem",
            Field::Measure => "measure",
            Field::Goal => "goal",
            Field::Deadline => "deadline",
            Field::Lead => "lead",
            Field::Owner => "owner",
            Field::Unit => "unit",
            Field::Status => "status",
            Field::Progress => "progress",
            Field::Remark => "remark",
            Field::Skip => "skip",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.slug() == slug)
    }
}

/// The words a header cell may say, with the field each means. A cell means the field of the longest of these it
/// contains, so 牵头责任人 is not 责任人 and 问题类别 is not 问题; 问题来源 and 完成情况 are named so they are not read
/// as a problem or a deadline.
const WORDS: &[(&str, Field)] = &[
    ("序号", Field::Number),
    ("编号", Field::Number),
    ("姓名", Field::Name),
    ("党员", Field::Name),
    ("类别", Field::Category),
    ("类型", Field::Category),
    ("方面", Field::Category),
    ("问题类别", Field::Category),
    ("问题类型", Field::Category),
    ("问题方面", Field::Category),
    ("问题", Field::Problem),
    ("问题表现", Field::Problem),
    ("具体问题", Field::Problem),
    ("存在问题", Field::Problem),
    ("存在的问题", Field::Problem),
    ("查摆问题", Field::Problem),
    ("检视问题", Field::Problem),
    ("问题描述", Field::Problem),
    ("问题清单", Field::Problem),
    ("措施", Field::Measure),
    ("整改措施", Field::Measure),
    ("措施内容", Field::Measure),
    ("目标", Field::Goal),
    ("整改目标", Field::Goal),
    ("时限", Field::Deadline),
    ("整改时限", Field::Deadline),
    ("完成时限", Field::Deadline),
    ("完成时间", Field::Deadline),
    ("整改时间", Field::Deadline),
    ("责任人", Field::Lead),
    ("责任领导", Field::Lead),
    ("牵头领导", Field::Lead),
    ("牵头责任人", Field::Lead),
    ("具体责任人", Field::Owner),
    ("责任单位", Field::Unit),
    ("责任部门", Field::Unit),
    ("牵头部门", Field::Unit),
    ("牵头单位", Field::Unit),
    ("责任科室", Field::Unit),
    ("完成情况", Field::Progress),
    ("整改情况", Field::Progress),
    ("进展情况", Field::Progress),
    ("整改进展", Field::Progress),
    ("备注", Field::Remark),
    ("问题来源", Field::Source),
    ("来源", Field::Source),
    ("整改状态", Field::Status),
    ("状态", Field::Status),
    ("签字", Field::Skip),
];

/// A header cell's text without spaces, line breaks and what is in brackets (整改时限（完成时间）, 责任人(签字)).
fn normalised(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '（' | '【' | '[' => depth += 1,
            ')' | '）' | '】' | ']' => depth = depth.saturating_sub(1),
            c if c.is_whitespace() || c == '\u{3000}' => {}
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The field a header cell names, if any.
pub fn field_of(heading: &str) -> Option<Field> {
    let text = normalised(heading);
    if text.is_empty() || text.chars().count() > 12 {
        return None;
    }
    WORDS
        .iter()
        .filter(|(word, _)| text.contains(word))
        .max_by_key(|(word, _)| word.chars().count())
        .map(|(_, field)| *field)
}

/// The header row of `table` (among its first rows) and the field of each column: the first row where at least
/// three cells name a field, one of them the problem or the measure. A name found twice keeps its first column.
pub fn find_header(table: &Table) -> Option<(usize, Vec<Field>)> {
    table.rows.iter().take(30).enumerate().find_map(|(i, row)| {
        let mut fields: Vec<Field> = Vec::with_capacity(row.len());
        for cell in row {
            let field = field_of(&cell.text)
                .filter(|f| *f == Field::Skip || !fields.contains(f))
                .unwrap_or(Field::Skip);
            fields.push(field);
        }
        let named = fields.iter().filter(|f| **f != Field::Skip).count();
        let essential = fields
            .iter()
            .any(|f| matches!(f, Field::Problem | Field::Measure));
        (named >= 3 && essential).then_some((i, fields))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::file::table::Cell;

    #[test]
    fn header_words_are_read_as_the_templates_write_them() {
        for (heading, field) in [
            ("序号", Field::Number),
            ("问题类别", Field::Category),
            ("方面", Field::Category),
            ("问题表现", Field::Problem),
            ("具体问题", Field::Problem),
            ("存在问题", Field::Problem),
            ("整改措施", Field::Measure),
            ("整改目标", Field::Goal),
            ("整改时限", Field::Deadline),
            ("完成时限", Field::Deadline),
            ("整改时限\n（完成时间）", Field::Deadline),
            ("牵头责任人", Field::Lead),
            ("责任领导", Field::Lead),
            ("责任人", Field::Lead),
            ("具体责任人", Field::Owner),
            ("责任单位", Field::Unit),
            ("责任部门", Field::Unit),
            ("姓 名", Field::Name),
            ("备注", Field::Remark),
            ("完成情况", Field::Progress),
            ("问题来源", Field::Source),
            ("整改状态", Field::Status),
        ] {
            assert_eq!(field_of(heading), Some(field), "{heading}");
        }
        assert_eq!(
            field_of("交警大队党支部检视整改问题清单（2024年第一批）"),
            None
        );
        assert_eq!(field_of(""), None);
    }

    #[test]
    fn the_header_is_the_first_row_naming_three_fields_below_any_title() {
        let row = |cells: &[&str]| cells.iter().map(|c| Cell::text(*c)).collect::<Vec<_>>();
        let table = Table {
            above: vec![],
            notes: vec![],
            below: vec![],
            rows: vec![
                row(&["交警大队党支部检视整改问题清单", "", ""]),
                row(&["填报单位：交警大队党支部", "", "填报日期：2024年3月1日"]),
                row(&["序号", "问题表现", "整改措施", "整改时限", "备注", "问题"]),
            ],
        };
        let (at, fields) = find_header(&table).unwrap();
        assert_eq!(at, 2);
        assert_eq!(
            fields,
            [
                Field::Number,
                Field::Problem,
                Field::Measure,
                Field::Deadline,
                Field::Remark,
                Field::Skip
            ],
            "a second 问题 column is not read twice"
        );
        assert!(find_header(&Table {
            above: vec![],
            notes: vec![],
            below: vec![],
            rows: vec![row(&["姓名", "电话", "地址"])]
        })
        .is_none());
    }
}
