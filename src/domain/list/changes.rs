//! What changed between two files of one list, field by field, with the old text beside the new: what the office
//! reads in 调度 ("与上次报送相比的变化") and on the printed 调度表. Problems, measures and members are matched by
//! id, so a rewritten 整改目标 reads as that, and an added or removed item as that. It never says "no change" when
//! any field the branch writes differs: what has no field of its own here is reported as 其他内容.

use crate::domain::dates;
use crate::domain::file::export::content_digest;
use crate::domain::labels::field_label;
use crate::domain::list::model::{Closing, Document, Extension, Measure, Member, Problem, Update};
use crate::domain::papers::print::deadline_text;

/// One field that differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Where, in words: `第2个问题`, `第2个问题第1项措施`, `刘洋 第1个问题第2项措施`, `表头信息`.
    pub place: String,
    /// What: a field's label (整改目标), or 新增措施, 删除问题, ….
    pub field: String,
    /// 原内容 (empty for something added).
    pub before: String,
    /// 修改后 (empty for something removed).
    pub after: String,
}

fn change(place: &str, field: &str, before: String, after: String) -> Change {
    Change {
        place: place.to_string(),
        field: field.to_string(),
        before,
        after,
    }
}

/// Compares one field and records it when it differs.
fn field(out: &mut Vec<Change>, place: &str, key: &str, before: String, after: String) {
    if before.trim() != after.trim() {
        out.push(change(place, field_label(key), before, after));
    }
}

/// Everything that differs from `before` to `after` (two files of the same list), in the order of `after`, the
/// removed items after the rest.
pub fn between(before: &Document, after: &Document) -> Vec<Change> {
    let mut out = Vec::new();
    header(&mut out, before, after);
    members(&mut out, before, after);
    let old: Vec<(Option<&Member>, &Problem)> = before.all_problems().collect();
    let mut numbers = Numbering::default();
    for (member, p) in after.all_problems() {
        let place = numbers.problem(member);
        match old.iter().find(|(_, o)| o.id == p.id) {
            None => out.push(change(
                &place,
                "新增问题",
                String::new(),
                p.description.clone(),
            )),
            Some((_, o)) => problem(&mut out, &place, o, p),
        }
        let measures_before: Vec<&Measure> = old
            .iter()
            .find(|(_, o)| o.id == p.id)
            .map(|(_, o)| o.measures.iter().collect())
            .unwrap_or_default();
        for (mi, m) in p.measures.iter().enumerate() {
            let at = format!("{place}第{}项措施", mi + 1);
            // A measure moved to another problem is still the same measure.
            let was = measures_before
                .iter()
                .copied()
                .find(|o| o.id == m.id)
                .or_else(|| before.all_measures().find(|o| o.id == m.id));
            match was {
                None => out.push(change(&at, "新增措施", String::new(), m.content.clone())),
                Some(was) => measure(&mut out, &at, was, m),
            }
        }
    }
    let mut numbers = Numbering::default();
    for (member, o) in before.all_problems() {
        let place = numbers.problem(member);
        if !after.all_problems().any(|(_, p)| p.id == o.id) {
            out.push(change(
                &place,
                "删除问题",
                o.description.clone(),
                String::new(),
            ));
            continue;
        }
        for (mi, m) in o.measures.iter().enumerate() {
            if !after.all_measures().any(|x| x.id == m.id) {
                let at = format!("{place}第{}项措施", mi + 1);
                out.push(change(&at, "删除措施", m.content.clone(), String::new()));
            }
        }
    }
    if out.is_empty() && !same_content(before, after) {
        out.push(change(
            "整个清单",
            "其他内容",
            String::new(),
            "有改动（如保留的提醒、审核答复）".to_string(),
        ));
    }
    out
}

/// The two files hold the same content, whatever their revision and seal.
fn same_content(a: &Document, b: &Document) -> bool {
    let bare = |d: &Document| {
        let mut d = d.clone();
        d.meta = None;
        d.revision = 1;
        content_digest(&d)
    };
    bare(a) == bare(b)
}

/// Problem numbers as the user reads them: through the list, or within each member.
#[derive(Default)]
struct Numbering {
    member: Option<String>,
    problem: usize,
}

impl Numbering {
    fn problem(&mut self, member: Option<&Member>) -> String {
        let id = member.map(|m| m.id.clone());
        if id != self.member {
            self.member = id;
            self.problem = 0;
        }
        self.problem += 1;
        match member {
            Some(m) => format!("{} 第{}个问题", who(m), self.problem),
            None => format!("第{}个问题", self.problem),
        }
    }
}

fn who(m: &Member) -> &str {
    let name = m.name.trim();
    if name.is_empty() {
        "未填姓名的党员"
    } else {
        name
    }
}

fn header(out: &mut Vec<Change>, a: &Document, b: &Document) {
    let (x, y) = (&a.header, &b.header);
    let at = "表头信息";
    field(out, at, "org_name", x.org_name.clone(), y.org_name.clone());
    field(
        out,
        at,
        "parent_org",
        x.parent_org.clone(),
        y.parent_org.clone(),
    );
    let campaign =
        |h: &crate::domain::list::model::Header| crate::domain::list::campaign::Active::of(h).name;
    field(out, at, "campaign", campaign(x), campaign(y));
    let batch = |h: &crate::domain::list::model::Header| {
        h.batch.map(|b| b.label()).unwrap_or("").to_string()
    };
    field(out, at, "batch", batch(x), batch(y));
    field(out, at, "filed_on", date(&x.filed_on), date(&y.filed_on));
    field(out, at, "filed_by", x.filed_by.clone(), y.filed_by.clone());
    field(out, at, "phone", x.phone.clone(), y.phone.clone());
    field(out, at, "reviewer", x.reviewer.clone(), y.reviewer.clone());
}

fn members(out: &mut Vec<Change>, a: &Document, b: &Document) {
    for m in &b.members {
        let place = format!("党员 {}", who(m));
        match a.members.iter().find(|o| o.id == m.id) {
            None => out.push(change(
                &place,
                "新增党员",
                String::new(),
                who(m).to_string(),
            )),
            Some(o) => {
                field(out, &place, "name", o.name.clone(), m.name.clone());
                field(
                    out,
                    &place,
                    "position",
                    o.position.clone(),
                    m.position.clone(),
                );
                let kind = |x: &Member| x.member_type.map(|t| t.label()).unwrap_or("").to_string();
                field(out, &place, "member_type", kind(o), kind(m));
                field(
                    out,
                    &place,
                    "branch_opinion",
                    o.branch_opinion.clone(),
                    m.branch_opinion.clone(),
                );
            }
        }
    }
    for o in &a.members {
        if !b.members.iter().any(|m| m.id == o.id) {
            out.push(change(
                &format!("党员 {}", who(o)),
                "删除党员",
                who(o).to_string(),
                String::new(),
            ));
        }
    }
}

fn problem(out: &mut Vec<Change>, place: &str, a: &Problem, b: &Problem) {
    field(
        out,
        place,
        "category",
        a.category.clone(),
        b.category.clone(),
    );
    let sources = |p: &Problem| {
        p.sources
            .iter()
            .map(|s| s.label())
            .collect::<Vec<_>>()
            .join("、")
    };
    field(out, place, "sources", sources(a), sources(b));
    field(
        out,
        place,
        "description",
        a.description.clone(),
        b.description.clone(),
    );
    field(out, place, "remark", a.remark.clone(), b.remark.clone());
}

fn measure(out: &mut Vec<Change>, place: &str, a: &Measure, b: &Measure) {
    field(out, place, "content", a.content.clone(), b.content.clone());
    field(out, place, "goal", a.goal.clone(), b.goal.clone());
    field(
        out,
        place,
        "deadline",
        deadline_text(&a.deadline),
        deadline_text(&b.deadline),
    );
    let text = |o: &Option<String>| o.clone().unwrap_or_default();
    field(out, place, "lead", text(&a.lead), text(&b.lead));
    field(out, place, "owner", text(&a.owner), text(&b.owner));
    field(out, place, "dept", text(&a.dept), text(&b.dept));
    if a.status != b.status {
        out.push(change(
            place,
            field_label("status"),
            a.status.label().to_string(),
            b.status.label().to_string(),
        ));
    }
    field(
        out,
        place,
        "progress",
        a.progress.clone(),
        b.progress.clone(),
    );
    field(
        out,
        place,
        "extension",
        extension(&a.extension),
        extension(&b.extension),
    );
    updates(out, place, &a.updates, &b.updates);
    field(out, place, "closed", closing(&a.closed), closing(&b.closed));
}

/// New notes read as added; notes rewritten or removed read as the whole record before and after.
fn updates(out: &mut Vec<Change>, place: &str, a: &[Update], b: &[Update]) {
    let note = |u: &Update| format!("{}：{}", dates::official_text(&u.date), u.text.trim());
    if b.starts_with(a) {
        if b.len() > a.len() {
            let added: Vec<String> = b[a.len()..].iter().map(note).collect();
            out.push(change(
                place,
                "新增进展记录",
                String::new(),
                added.join("；"),
            ));
        }
        return;
    }
    let all = |x: &[Update]| x.iter().map(note).collect::<Vec<_>>().join("；");
    out.push(change(place, field_label("updates"), all(a), all(b)));
}

fn date(text: &str) -> String {
    dates::official_text(text.trim())
}

fn extension(e: &Option<Extension>) -> String {
    e.as_ref().map_or(String::new(), |e| {
        format!(
            "延期至{}（理由：{}；批准人：{}）",
            date(&e.new_date),
            e.reason.trim(),
            e.approved_by.trim()
        )
    })
}

fn closing(c: &Option<Closing>) -> String {
    c.as_ref().map_or(String::new(), |c| {
        format!("{} {}：{}", date(&c.date), c.by.trim(), c.opinion.trim())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::list::model::Status;
    use crate::domain::sample::{member_list, org_list};

    #[test]
    fn a_rewritten_goal_reads_with_its_old_and_new_text() {
        let a = org_list(1, "甲党支部", 2, 2);
        let mut b = a.clone();
        b.problems[1].measures[0].goal = "全体党员发言覆盖率100%并形成书面材料".into();
        b.problems[0].measures[1].status = Status::Done;
        let c = between(&a, &b);
        assert_eq!(
            c,
            [
                Change {
                    place: "第1个问题第2项措施".into(),
                    field: "整改状态".into(),
                    before: "未整改".into(),
                    after: "已完成整改".into(),
                },
                Change {
                    place: "第2个问题第1项措施".into(),
                    field: "整改目标".into(),
                    before: "发言覆盖率达到100%".into(),
                    after: "全体党员发言覆盖率100%并形成书面材料".into(),
                },
            ]
        );
    }

    #[test]
    fn added_and_removed_items_and_notes_read_as_such() {
        let a = member_list(1, "甲党支部", 2, 2, 2);
        let mut b = a.clone();
        let removed = b.members[0].problems[1].measures.remove(1);
        b.members[1].problems.remove(0);
        let mut m = removed.clone();
        m.id = "new-measure".into();
        m.content = "每月谈心谈话1次".into();
        b.members[0].problems[0].measures.push(m);
        b.members[0].problems[0].measures[0].updates.push(Update {
            date: "2024-06-03".into(),
            text: "已谈话".into(),
        });
        let c = between(&a, &b);
        let lines: Vec<String> = c
            .iter()
            .map(|c| format!("{}|{}|{}|{}", c.place, c.field, c.before, c.after))
            .collect();
        assert_eq!(
            lines,
            [
                "党员1 第1个问题第1项措施|新增进展记录||2024年6月3日：已谈话",
                "党员1 第1个问题第3项措施|新增措施||每月谈心谈话1次",
                format!("党员1 第2个问题第2项措施|删除措施|{}|", removed.content).as_str(),
                format!(
                    "党员2 第1个问题|删除问题|{}|",
                    a.members[1].problems[0].description
                )
                .as_str(),
            ]
        );
    }

    #[test]
    fn something_without_a_field_of_its_own_is_still_a_change() {
        let a = org_list(1, "甲党支部", 1, 1);
        let mut b = a.clone();
        b.acknowledged
            .push(crate::domain::list::model::Acknowledgement {
                path: "problems[0]".into(),
                rule: "generic_phrase".into(),
                reason: "确有其事".into(),
            });
        assert_eq!(between(&a, &b)[0].field, "其他内容");
        let mut c = a.clone();
        c.revision = 5;
        assert!(between(&a, &c).is_empty(), "a revision alone is no change");
    }
}
