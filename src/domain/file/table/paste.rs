//! 粘贴表格 in step 2: rows copied from Excel, WPS or Word, read with the same column matching as a file's table
//! (`plan`), and added to the list being edited (`edit::Action::Paste`).
//!
//! The office module reads the clipboard and shows the preview; the editor (in the start-up module) only sends what
//! the list is (`Target`, as JSON) and applies what comes back (the plan's list, as JSON, made `Pasted`).

use serde::{Deserialize, Serialize};

use super::columns::{field_of, find_header, Field};
use super::plan::{finish, Plan, Rows, TableError};
use super::{Table, MAX_ROWS};
use crate::domain::list::model::{Document, Kind, Member, Problem};

/// The list the rows are pasted into: what reading them needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub kind: Kind,
    pub categories: Vec<String>,
    /// For a member list: whom rows without a 姓名 column are for (the member open in step 2), as the preview
    /// says it.
    #[serde(default)]
    pub member: String,
}

impl Target {
    pub fn of(doc: &Document, member: Option<&Member>) -> Target {
        Target {
            kind: doc.kind,
            categories: doc.header.categories.clone(),
            member: member
                .map(|m| m.name.trim().to_string())
                .unwrap_or_default(),
        }
    }
}

/// What the confirmed rows add: an org list's problems, or a member list's problems under each member read (a
/// member without a name when the rows had no 姓名 column).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pasted {
    pub problems: Vec<Problem>,
    pub members: Vec<Member>,
}

/// The columns of rows pasted without their header row: in the order of the app's own Word table of the list
/// (which is also the order of the templates the office mailed round), without a 序号 column when the first column
/// is not numbers. The preview asks the user to check each.
pub fn default_fields(kind: Kind, table: &Table) -> Vec<Field> {
    let numbered = table
        .rows
        .iter()
        .filter_map(|row| row.first())
        .filter(|c| !c.continued && !c.text.is_empty())
        .all(|c| c.text.chars().all(|ch| ch.is_ascii_digit()));
    let order: &[Field] = match kind {
        Kind::Org => &[
            Field::Number,
            Field::Category,
            Field::Problem,
            Field::Measure,
            Field::Goal,
            Field::Deadline,
            Field::Lead,
            Field::Unit,
        ],
        Kind::Member => &[
            Field::Name,
            Field::Number,
            Field::Category,
            Field::Problem,
            Field::Measure,
            Field::Goal,
            Field::Deadline,
        ],
    };
    let order = order
        .iter()
        .copied()
        .filter(|f| numbered || *f != Field::Number);
    let width = table.width();
    order
        .chain(std::iter::repeat(Field::Skip))
        .take(width)
        .collect()
}

/// Reads pasted rows for `target`: under their header row when they have one (its words matched as a file's are),
/// else all of them in the default columns; or in `columns` when the user chose them. Rows that make no measure
/// still make a plan (with its columns, to choose better ones); only too many rows make none.
pub fn plan(
    table: &Table,
    columns: Option<&[Field]>,
    target: &Target,
    new_id: &mut dyn FnMut() -> String,
) -> Result<Plan, TableError> {
    if table.rows.len() > MAX_ROWS {
        return Err(TableError::TooManyRows);
    }
    let header = find_header(table).or_else(|| short_header(table));
    let headed = header.is_some();
    let (start, mut headings, found): (usize, Vec<String>, Vec<Field>) = match header {
        Some((at, found)) => (
            at + 1,
            table.rows[at].iter().map(|c| c.text.clone()).collect(),
            found,
        ),
        None => (0, first_cells(table), default_fields(target.kind, table)),
    };
    let mut fields: Vec<Field> = columns.map_or(found, <[Field]>::to_vec);
    // Columns past the last with any text get no choice in the preview.
    fields.truncate(table.width());
    headings.truncate(table.width());
    let mut document = Document::new(target.kind, new_id());
    document.header.categories = target.categories.clone();
    let rows = Rows {
        table,
        start,
        fields: &fields,
        kind: target.kind,
        categories: &target.categories,
        then: "加入清单后请",
    };
    Ok(finish(
        headings,
        headed,
        &fields,
        document,
        rows.read(new_id),
        table.notes.clone(),
    ))
}

/// A header of a few pasted columns (问题表现, 整改措施), which `find_header` wants three of: the first row when
/// each of its cells names a different field, two at least, the problem or the measure among them.
fn short_header(table: &Table) -> Option<(usize, Vec<Field>)> {
    let row = table.rows.first()?;
    let mut fields = Vec::with_capacity(row.len());
    for cell in row {
        let field = field_of(&cell.text).filter(|f| !fields.contains(f))?;
        fields.push(field);
    }
    let essential = fields
        .iter()
        .any(|f| matches!(f, Field::Problem | Field::Measure));
    (fields.len() >= 2 && essential).then_some((0, fields))
}

/// Each column's first non-empty cell: what the choice of a column without a heading shows.
fn first_cells(table: &Table) -> Vec<String> {
    let width = table.width();
    (0..width)
        .map(|i| {
            table
                .rows
                .iter()
                .filter_map(|row| row.get(i))
                .find(|c| !c.text.is_empty())
                .map(|c| c.text.clone())
                .unwrap_or_default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::file::table::counting_ids;
    use crate::domain::file::table::from_tab_separated;
    use crate::domain::list::model::Deadline;

    fn org() -> Target {
        Target::of(&Document::new(Kind::Org, "doc".into()), None)
    }

    #[test]
    fn rows_copied_with_their_header_are_matched_by_its_words() {
        let text = "问题表现\t整改措施\t整改时限\t备注\n\
                    学习不深入\t每周集中学习\t2024年3月31日前\t\n\
                    \t撰写心得\t长期坚持\t\n";
        let read = plan(&from_tab_separated(text), None, &org(), &mut counting_ids()).unwrap();
        assert!(read.headed);
        assert_eq!((read.problems(), read.measures()), (1, 2));
        let problem = &read.document.problems[0];
        assert_eq!(problem.description, "学习不深入");
        assert_eq!(problem.measures[1].deadline, Deadline::LongTerm);
        assert_eq!(read.column_label(0), "第1列“问题表现”导入为");
    }

    #[test]
    fn two_columns_with_their_heads_are_a_header_too() {
        let text = "问题表现\t整改措施\n学习不深入\t每周集中学习\n";
        let read = plan(&from_tab_separated(text), None, &org(), &mut counting_ids()).unwrap();
        assert!(read.headed);
        assert_eq!(read.document.problems[0].description, "学习不深入");
    }

    #[test]
    fn rows_without_a_header_take_the_lists_own_column_order() {
        // 序号, 问题类别, 问题表现, 整改措施, 整改目标, 整改时限, 牵头责任人, 责任单位: as the app's Word table.
        let text =
            "1\t理论学习\t学习不深入\t每周集中学习\t学深悟透\t2024年3月31日前\t张伟\t办公室\n\
                    2\t工作作风\t调研不够\t每月下基层\t\t立行立改\t李强\t\n";
        let table = from_tab_separated(text);
        let read = plan(&table, None, &org(), &mut counting_ids()).unwrap();
        assert!(!read.headed);
        assert_eq!((read.problems(), read.measures()), (2, 2));
        let measure = &read.document.problems[0].measures[0];
        assert_eq!(
            (
                measure.goal.as_str(),
                measure.lead.as_deref(),
                measure.dept.as_deref()
            ),
            ("学深悟透", Some("张伟"), Some("办公室"))
        );
        assert_eq!(read.column_label(2), "第3列（第一行是“学习不深入”）导入为");
        assert_eq!(
            read.column_label(3),
            "第4列（第一行是“每周集中学习”）导入为"
        );
        // Without the 序号 column, the columns start at 问题类别.
        let text = "理论学习\t学习不深入\t每周集中学习\n";
        let fields = default_fields(Kind::Org, &from_tab_separated(text));
        assert_eq!(fields, [Field::Category, Field::Problem, Field::Measure]);
    }

    #[test]
    fn a_member_lists_rows_go_under_their_names_or_to_one_nameless_member() {
        let member = Target::of(&Document::new(Kind::Member, "doc".into()), None);
        let text = "姓名\t具体问题\t整改措施\t整改时限\n\
                    王芳\t学用脱节\t读原著\t2024-06-30\n\
                    李强\t带头不够\t承担急难任务\t立行立改\n";
        let read = plan(
            &from_tab_separated(text),
            None,
            &member,
            &mut counting_ids(),
        )
        .unwrap();
        let names: Vec<&str> = read
            .document
            .members
            .iter()
            .map(|m| m.name.as_str())
            .collect();
        assert_eq!(names, ["王芳", "李强"]);
        let text = "学用脱节\t读原著\t2024-06-30\n";
        let chosen = [Field::Problem, Field::Measure, Field::Deadline];
        let read = plan(
            &from_tab_separated(text),
            Some(&chosen),
            &member,
            &mut counting_ids(),
        )
        .unwrap();
        assert_eq!(read.document.members.len(), 1);
        assert_eq!(read.document.members[0].name, "");
        assert_eq!(read.document.members[0].problems[0].measures.len(), 1);
    }

    #[test]
    fn the_lists_own_categories_are_matched() {
        let mut doc = Document::new(Kind::Org, "doc".into());
        doc.header.categories = vec!["执行上级决策部署".into(), "服务群众".into()];
        let target = Target::of(&doc, None);
        let text = "问题类别\t问题表现\t整改措施\n服务群众方面\t办事慢\t一次办好\n理论学习\t学得浅\t读原著\n";
        let read = plan(
            &from_tab_separated(text),
            None,
            &target,
            &mut counting_ids(),
        )
        .unwrap();
        assert_eq!(read.document.problems[0].category, "服务群众");
        assert_eq!(read.document.problems[1].category, "");
        assert!(
            read.unread
                .iter()
                .any(|u| u.starts_with("第3行：问题类别“理论学习”")),
            "{:?}",
            read.unread
        );
    }

    #[test]
    fn text_that_is_no_table_reads_as_nothing_and_too_much_is_refused() {
        let nothing = plan(&from_tab_separated(""), None, &org(), &mut counting_ids()).unwrap();
        assert_eq!((nothing.problems(), nothing.measures()), (0, 0));
        // Columns chosen wrongly (all 不导入) read nothing, but the plan keeps its columns to choose again.
        let text = "学习不深入\t每周集中学习\n";
        let skipped = [Field::Skip, Field::Skip];
        let wrong = plan(
            &from_tab_separated(text),
            Some(&skipped),
            &org(),
            &mut counting_ids(),
        )
        .unwrap();
        assert_eq!((wrong.measures(), wrong.columns.len()), (0, 2));
        let mut table = from_tab_separated("a\n");
        table.rows = vec![table.rows[0].clone(); MAX_ROWS + 1];
        assert_eq!(
            plan(&table, None, &org(), &mut counting_ids()),
            Err(TableError::TooManyRows)
        );
    }
}
