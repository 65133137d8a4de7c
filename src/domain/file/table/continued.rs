//! A list spread over several tables of a Word file (a 续表 after a page break, with or without its header row
//! repeated) or several sheets of a workbook: the parts that continue the list are read as one table, in order,
//! and the preview says what was read from where.

use super::columns::{find_header, Field};
use super::{Cell, Table};

/// A part of a file that may hold the list or a part of it: a Word table or an Excel sheet, with what to call it
/// in the preview (第2个表格, 工作表“续表”).
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    pub name: String,
    pub table: Table,
}

/// The list's table: the first part with a list's header row, followed by each part right after it that
/// continues it — one with the same header row (its rows under it), or one with no header row and as many columns
/// (all its rows). `None` when no part has a list's header. What was read from where is said in the table's
/// notes, with the rows each part became, when there is more than one.
pub fn the_list(parts: Vec<Part>) -> Option<Table> {
    let first = parts.iter().position(|p| find_header(&p.table).is_some())?;
    let mut parts = parts.into_iter().skip(first);
    let Part { name, table } = parts.next()?;
    let (_, fields) = find_header(&table)?;
    let width = table.width();
    let mut list = table;
    let mut read = vec![(name, 1, list.rows.len(), false)];
    for part in parts {
        let rows = match continuation(&part.table, &fields, width) {
            Some(rows) => rows,
            None => break,
        };
        let repeated = rows.len() < part.table.rows.len();
        let from = list.rows.len() + 1;
        list.rows.extend(rows);
        list.notes.extend(part.table.notes);
        list.below = part.table.below;
        read.push((part.name, from, list.rows.len(), repeated));
    }
    if read.len() > 1 {
        let said: Vec<String> = read
            .iter()
            .enumerate()
            .map(|(i, (name, from, to, repeated))| {
                let kind = match (i, repeated) {
                    (0, _) => "",
                    (_, true) => "，续表，重复的表头未读",
                    (_, false) => "，续表",
                };
                format!("{name}（第{from}—{to}行{kind}）")
            })
            .collect();
        list.notes.insert(
            0,
            format!(
                "清单分在{}处，已按顺序全部读入：{}。下面说的第几行按这个顺序连续计数。",
                read.len(),
                said.join("、")
            ),
        );
    }
    Some(list)
}

/// The rows of `part` that continue a list with `fields` over `width` columns; `None` when it does not continue it.
fn continuation(part: &Table, fields: &[Field], width: usize) -> Option<Vec<Vec<Cell>>> {
    match find_header(part) {
        Some((at, found)) if found == fields => Some(part.rows[at + 1..].to_vec()),
        Some(_) => None,
        None => {
            let has_text = part
                .rows
                .iter()
                .any(|r| r.iter().any(|c| !c.text.trim().is_empty()));
            (has_text && part.width() == width).then(|| part.rows.clone())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::file::table::counting_ids;
    use crate::domain::file::table::plan::plan;

    fn table(rows: &[&[&str]]) -> Table {
        Table {
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| Cell::text(*c)).collect())
                .collect(),
            ..Table::default()
        }
    }

    fn part(name: &str, rows: &[&[&str]]) -> Part {
        Part {
            name: name.into(),
            table: table(rows),
        }
    }

    const HEAD: &[&str] = &["序号", "问题表现", "整改措施", "整改时限"];

    #[test]
    fn a_continued_table_with_or_without_its_header_is_read_in_order() {
        let parts = vec![
            part("第1个表格", &[&["填写说明"]]),
            part(
                "第2个表格",
                &[HEAD, &["1", "学习不深", "每周学习", "长期坚持"]],
            ),
            part("第3个表格", &[&["2", "调研少", "下基层", "立行立改"]]),
            part(
                "第4个表格",
                &[HEAD, &["3", "走访少", "每月走访", "长期坚持"]],
            ),
            part("第5个表格", &[&["4", "文风差", "精简", "长期坚持"]]),
            part("第6个表格", &[&["审核人：", "张伟"]]),
            part("第7个表格", &[&["5", "不是清单的", "表格", "长期坚持"]]),
        ];
        let list = the_list(parts).unwrap();
        let plan = plan(&list, None, &mut counting_ids()).unwrap();
        let problems: Vec<_> = plan
            .document
            .problems
            .iter()
            .map(|p| p.description.as_str())
            .collect();
        assert_eq!(problems, ["学习不深", "调研少", "走访少", "文风差"]);
        assert_eq!(
            list.notes,
            ["清单分在4处，已按顺序全部读入：第2个表格（第1—2行）、第3个表格（第3—3行，续表）、第4个表格（第4—4行，续表，重复的表头未读）、第5个表格（第5—5行，续表）。下面说的第几行按这个顺序连续计数。"]
        );
    }

    #[test]
    fn one_table_says_nothing_and_no_header_is_none() {
        let list = the_list(vec![part(
            "第1个表格",
            &[HEAD, &["1", "a", "b", "长期坚持"]],
        )])
        .unwrap();
        assert!(list.notes.is_empty());
        assert_eq!(the_list(vec![part("第1个表格", &[&["说明"]])]), None);
    }
}
