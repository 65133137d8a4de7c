//! The bureau's campaign, simulated: what the office's 汇总 and 调度 are tested and measured on, because a few
//! tidy files do not look like the campaign.
//!
//! 39 党支部 each hand in **both** lists in the first week (78 files) and then report progress for eight weeks,
//! about two weeks in three, one list or the other: measures completed, extended, closed (销号), progress notes.
//! On top of that, what the office really meets:
//! - 交通警察大队's member list is gathered from its 40 members' own lists, and is written under the formal name
//!   `中共××县公安局交通警察大队支部委员会`, which the office joins to the short one on Friday of week 1;
//! - 经济犯罪侦查大队 writes a full-width space into its member list's name;
//! - 警务督察大队 hands in its org list twice in week 4 (Tuesday and Thursday), completing a measure each time;
//! - 巡逻防控大队 edits a copy of 食品药品环境犯罪侦查大队's org list on its own computer and hands it in for it,
//!   under 食品药品环境犯罪侦查大队's name (same list, same revision, other content: 冲突) in week 2; the office
//!   removes the copy in week 3;
//! - 第3派出所 renames itself 城南派出所 (its org list in week 5, its member list in week 7); on Friday of week 5
//!   the office, asked whether the list under the new name is another 党支部's made on its file, says it is the
//!   same 党支部 renamed (合并为同一党支部);
//! - two review rounds: the office returns six org lists (and passes four) on Friday of week 2, and four member
//!   lists (passing four) on Friday of week 5; each returned list comes back answered, its text rewritten;
//! - 第16派出所 hands in its lists and never reports again;
//! - 第11派出所 adds a measure in week 6.
//!
//! Deterministic: the same start date gives the same files, byte for byte. Besides the files the simulation keeps
//! its own record of what happened (`Fact`), and `truth` answers the office's questions from that record alone —
//! never from the app's consolidation — so tests compare the app with what really happened.

use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate, TimeZone};

use super::id;
use crate::domain::file::export::export;
use crate::domain::list::gather::{apply_plan, plan, Incoming};
use crate::domain::list::model::*;
use crate::domain::list::validate::validate;
use crate::domain::list::vocabulary::{FOUR_ASPECTS, SIX_ASPECTS};
use crate::domain::office::branches::Join;
use crate::domain::office::period::Period;
use crate::domain::office::review::attach::attaching;
use crate::domain::office::review::office::Draft;
use crate::domain::office::review::Verdict;
use crate::domain::office::summary_set::SummarySet;

/// The 应报送名单 as the office types it: the names the branches' lists are matched to.
pub const BRANCHES: [&str; 39] = [
    "机关第一党支部",
    "机关第二党支部",
    "交通警察大队党支部",
    "治安管理大队党支部",
    "刑事侦查大队党支部",
    "经济犯罪侦查大队党支部",
    "禁毒大队党支部",
    "网络安全保卫大队党支部",
    "出入境管理大队党支部",
    "法制大队党支部",
    "警务督察大队党支部",
    "特警大队党支部",
    "指挥中心党支部",
    "看守所党支部",
    "拘留所党支部",
    "戒毒所党支部",
    "技术侦查大队党支部",
    "政治处党支部",
    "警务保障室党支部",
    "国内安全保卫大队党支部",
    "食品药品环境犯罪侦查大队党支部",
    "巡逻防控大队党支部",
    "第1派出所党支部",
    "第2派出所党支部",
    "第3派出所党支部",
    "第4派出所党支部",
    "第5派出所党支部",
    "第6派出所党支部",
    "第7派出所党支部",
    "第8派出所党支部",
    "第9派出所党支部",
    "第10派出所党支部",
    "第11派出所党支部",
    "第12派出所党支部",
    "第13派出所党支部",
    "第14派出所党支部",
    "第15派出所党支部",
    "第16派出所党支部",
    "第17派出所党支部",
];
pub const WEEKS: u64 = 8;
/// Its member list is gathered from 40 members' own lists and written under `FORMAL_NAME`.
pub const GATHERED: usize = 2;
pub const GATHERED_MEMBERS: usize = 40;
pub const FORMAL_NAME: &str = "中共××县公安局交通警察大队支部委员会";
/// Its member list's name has a full-width space in it.
pub const SPACED: usize = 5;
/// Hands in its org list twice in week 4.
pub const TWICE: usize = 10;
pub const TWICE_WEEK: u64 = 4;
/// Its org list is copied by `COPIER`; the copy arrives in week 2 and is removed in week 3.
pub const ORIGINAL: usize = 20;
pub const COPIER: usize = 21;
/// Renames itself `NEW_NAME`: its org list in week 5, its member list in week 7.
pub const RENAMED: usize = 24;
pub const NEW_NAME: &str = "城南派出所党支部";
/// Hands in its lists in week 1 and never reports again.
pub const SILENT: usize = 37;
/// Adds a measure in week 6.
pub const GROWS: usize = 32;
/// The review rounds: the lists returned and passed (org lists on Friday of week 2, member lists on Friday of
/// week 5), each returned one answered on Tuesday of the next week.
pub const RETURNED_1: [usize; 6] = [12, 13, 14, 15, 16, 17];
pub const PASSED_1: [usize; 4] = [18, 19, 22, 23];
pub const RETURNED_2: [usize; 4] = [25, 26, 27, 28];
pub const PASSED_2: [usize; 4] = [29, 30, 31, 33];
const REVIEWER: &str = "县局主题教育办公室 赵敏";

/// A file handed in to the office.
#[derive(Clone, Debug, PartialEq)]
pub struct HandIn {
    pub on: NaiveDate,
    pub branch: usize,
    pub kind: Kind,
    /// As the office's computer saved it (a name used before gets `(1)`, as browsers do).
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub revision: u32,
    /// Problems, measures and members of this file.
    pub problems: usize,
    pub measures: usize,
    pub members: usize,
    /// Another branch's list, copied: it is in conflict with the original until the office removes it.
    pub copy: bool,
}

/// What the office does besides receiving files.
#[derive(Clone, Debug, PartialEq)]
pub enum Office {
    Join(Join),
    /// 移除 of the file handed in at this position of `hand_ins`.
    Remove(usize),
    /// A review written (and exported) by the office.
    Review(Draft),
}

/// A field rewritten in answer to a review: what the office must see beside the old text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rewrite {
    pub on: NaiveDate,
    /// 整改目标 or 措施内容.
    pub field: &'static str,
    pub before: String,
    pub after: String,
}

/// What happened to one measure, by the dates its files were handed in on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact {
    pub branch: usize,
    pub kind: Kind,
    pub measure: String,
    /// Handed in first.
    pub since: NaiveDate,
    /// Its deadline's date (none for 长期坚持 and 立行立改 without a date).
    pub due: Option<NaiveDate>,
    /// Handed in finished (已完成 or 阶段性完成) on.
    pub finished: Option<NaiveDate>,
    /// 销号, dated the day it was handed in.
    pub closed: Option<NaiveDate>,
    /// An extension handed in on the first date, to the second.
    pub extended: Option<(NaiveDate, NaiveDate)>,
    /// Progress notes, each dated the day it was handed in.
    pub notes: Vec<NaiveDate>,
    pub rewrites: Vec<Rewrite>,
}

/// A problem, for the counts of problems.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProblemFact {
    pub branch: usize,
    pub kind: Kind,
    pub since: NaiveDate,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Campaign {
    /// Monday of week 1.
    pub start: NaiveDate,
    pub expected: Vec<String>,
    pub hand_ins: Vec<HandIn>,
    pub office: Vec<(NaiveDate, Office)>,
    pub facts: Vec<Fact>,
    pub problems: Vec<ProblemFact>,
}

/// One 党支部 as the record says it is on a day, over a period: what the office's screens must show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Truth {
    /// 新销号, 新完成, 新增逾期, 申请延期, 进展记录, 逾期, 临期: the 调度表's columns.
    pub figures: [usize; 7],
    pub new_file: bool,
    pub silent: bool,
    /// Measures a 督办单 names (overdue or due soon).
    pub pressing: usize,
    pub problems: usize,
    pub measures: usize,
    pub finished: usize,
    pub closed: usize,
    pub members: usize,
    /// The revision of each list that counts (org, member).
    pub revisions: [Option<u32>; 2],
    /// 审核 of each list that counts (待审, 通过, 退回) and its comments not answered.
    pub review: [(&'static str, usize); 2],
    /// Fields rewritten in a file handed in during the period, with their old and new text.
    pub rewrites: Vec<Rewrite>,
}

fn at(day: NaiveDate) -> DateTime<FixedOffset> {
    let offset = FixedOffset::east_opt(8 * 3600).expect("+08:00");
    offset
        .from_local_datetime(&day.and_hms_opt(9, 30, 0).expect("a time"))
        .single()
        .expect("+08:00 has no gaps")
}

fn plus(day: NaiveDate, days: u64) -> NaiveDate {
    day + Days::new(days)
}

fn kind_index(kind: Kind) -> usize {
    match kind {
        Kind::Org => 0,
        Kind::Member => 1,
    }
}

const SURNAMES: [&str; 20] = [
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
    "何", "郭", "马", "罗",
];
const GIVEN: [&str; 20] = [
    "建国", "晓燕", "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
    "涛", "明", "超", "秀英", "华",
];
const LEADS: [&str; 5] = ["王建国", "李明", "张伟", "刘洋", "陈静"];

/// `count` distinct member names for branch `branch`.
fn member_names(branch: usize, count: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut n = 0;
    while out.len() < count {
        let name = format!(
            "{}{}",
            SURNAMES[(n * 7 + branch) % 20],
            GIVEN[(n * 3 + branch * 5 + n / 20) % 20]
        );
        if !out.contains(&name) {
            out.push(name);
        }
        n += 1;
    }
    out
}

fn org_description(category: &str, n: usize) -> String {
    let text = match category {
        "理论学习" => {
            "学习贯彻新思想不够系统，今年以来中心组集中学习{n}次，研讨发言覆盖不到一半"
        }
        "政治素质" => "对照党章党规检视不够深入，{n}名党员在组织生活会上的批评意见避重就轻",
        "能力本领" => "运用信息化手段破解执法难题的本领不足，{n}项应用推进缓慢",
        "担当作为" => "面对重点难点任务主动担当不够，{n}件群众反映的问题办结超期",
        "工作作风" => "深入基层调研不够，班子成员今年下基层调研仅{n}次，解决实际问题不多",
        _ => "落实中央八项规定精神抓常抓细不够，公务用车管理存在{n}处薄弱环节",
    };
    text.replace("{n}", &n.to_string())
}

fn member_description(category: &str, n: usize) -> String {
    let text = match category {
        "学习贯彻党的创新理论" => {
            "学习党的创新理论满足于读原文，联系岗位实际思考不够，今年撰写心得仅{n}篇"
        }
        "党性修养提高" => "党性锻炼抓得不紧，参加支部组织生活有{n}次因值班请假且未补学",
        "联系服务群众" => "服务群众意识不强，接处警回访不及时，有{n}起群众求助没有跟踪到底",
        _ => "先锋模范作用发挥不够，在急难险重任务中主动请战仅{n}次，带头作用不明显",
    };
    text.replace("{n}", &n.to_string())
}

/// The deadline of the `k`-th measure of a list of branch `b`: a mix of dates over ten weeks, 长期坚持 and 立行立改.
fn deadline(start: NaiveDate, b: usize, k: usize) -> Deadline {
    match k % 6 {
        5 => Deadline::LongTerm,
        2 => Deadline::Immediate { date: None },
        _ => Deadline::ByDate {
            date: crate::domain::dates::iso(plus(start, 7 + ((k * 11 + b * 5) % 63) as u64)),
        },
    }
}

fn header(doc: &mut Document, name: &str, start: NaiveDate) {
    doc.header.org_name = name.to_string();
    doc.header.parent_org = "中共××县公安局委员会".into();
    doc.header.filed_on = crate::domain::dates::iso(start - Days::new(4));
    doc.header.filed_by = "陈晓燕".into();
    doc.header.reviewer = "王建国".into();
    doc.header.phone = "13907712345".into();
}

fn org_list(b: usize, start: NaiveDate) -> Document {
    let seed = 1000 + b as u32;
    let mut doc = Document::new(Kind::Org, id(seed, 0));
    header(&mut doc, BRANCHES[b], start);
    let mut n = 0u32;
    let mut k = 0usize;
    for p in 0..3 + b % 4 {
        n += 1;
        let category = SIX_ASPECTS[p % SIX_ASPECTS.len()];
        let mut problem = Problem::new(id(seed, n), category.to_string());
        problem.sources = vec![Source::SelfReview, Source::Opinions];
        problem.description = org_description(category, p + 2 + b % 3);
        for _ in 0..1 + (b + p) % 3 {
            n += 1;
            let mut m = Measure::new(id(seed, n), Kind::Org);
            m.content = format!(
                "制定专项整改方案，明确责任分工，每月至少召开1次推进会并通报进度（第{}项）",
                k + 1
            );
            m.goal = "年底前问题整改完成率达到100%，群众满意度不低于95%".into();
            m.deadline = deadline(start, b, k);
            m.lead = Some(LEADS[(b + k) % LEADS.len()].into());
            m.dept = Some("综合室".into());
            problem.measures.push(m);
            k += 1;
        }
        doc.problems.push(problem);
    }
    doc
}

/// A member with one or two problems of one or two measures.
fn member(seed: u32, n: &mut u32, b: usize, j: usize, name: &str, start: NaiveDate) -> Member {
    *n += 1;
    let mut member = Member::new(id(seed, *n));
    member.name = name.to_string();
    member.position = "民警".into();
    let mut k = 0;
    for p in 0..1 + j % 2 {
        *n += 1;
        let category = FOUR_ASPECTS[(j + p) % FOUR_ASPECTS.len()];
        let mut problem = Problem::new(id(seed, *n), category.to_string());
        // Unique within the list (the category is (j + p) % 4): no two members write the same sentence.
        problem.description = member_description(category, 2 * j + p + 1);
        for _ in 0..1 + (b + j + p) % 2 {
            *n += 1;
            let mut m = Measure::new(id(seed, *n), Kind::Member);
            m.content = format!(
                "每周至少自学2小时并撰写学习笔记，每季度在支部会上交流1次（第{}项）",
                k + 1
            );
            m.deadline = deadline(start, b + j, k + j);
            problem.measures.push(m);
            k += 1;
        }
        member.problems.push(problem);
    }
    member
}

fn member_list(b: usize, start: NaiveDate) -> Document {
    let seed = 2000 + b as u32;
    let mut doc = Document::new(Kind::Member, id(seed, 0));
    let name = match b {
        SPACED => "经济犯罪侦查大队　党支部".to_string(),
        _ => BRANCHES[b].to_string(),
    };
    header(&mut doc, &name, start);
    let mut n = 0;
    for (j, who) in member_names(b, 5 + b % 6).iter().enumerate() {
        doc.members.push(member(seed, &mut n, b, j, who, start));
    }
    doc
}

/// 交通警察大队's member list: its 40 members' own lists, each exported by the member, gathered by the branch.
fn gathered_list(start: NaiveDate) -> Document {
    let b = GATHERED;
    let files: Vec<Incoming> = member_names(b, GATHERED_MEMBERS)
        .iter()
        .enumerate()
        .map(|(j, who)| {
            let seed = 3000 + j as u32;
            let mut own = Document::new(Kind::Member, id(seed, 0));
            header(&mut own, FORMAL_NAME, start);
            own.header.filed_by = who.clone();
            let mut n = 0;
            own.members.push(member(seed, &mut n, b, j, who, start));
            let file = export(&own, true, at(start - Days::new(3)));
            Incoming {
                name: file.file_name,
                bytes: file.bytes,
            }
        })
        .collect();
    let mut doc = Document::new(Kind::Member, id(2000 + b as u32, 0));
    header(&mut doc, FORMAL_NAME, start);
    let mut fresh = 0u32;
    let planned = plan(&doc, &files, &[], &mut || {
        fresh += 1;
        id(4000, fresh)
    });
    let tally = apply_plan(&mut doc, &planned);
    assert_eq!(tally.added, GATHERED_MEMBERS, "every own list gathered");
    doc
}

struct Lists {
    /// Each branch's two lists as its computer holds them (org, member).
    drafts: Vec<[Document; 2]>,
}

impl Campaign {
    /// The campaign starting on `start` (a Monday).
    pub fn new(start: NaiveDate) -> Campaign {
        let mut c = Campaign {
            start,
            expected: BRANCHES.iter().map(|s| s.to_string()).collect(),
            hand_ins: Vec::new(),
            office: Vec::new(),
            facts: Vec::new(),
            problems: Vec::new(),
        };
        let mut lists = Lists {
            drafts: (0..BRANCHES.len())
                .map(|b| {
                    let members = if b == GATHERED {
                        gathered_list(start)
                    } else {
                        member_list(b, start)
                    };
                    [org_list(b, start), members]
                })
                .collect(),
        };
        for week in 1..=WEEKS {
            c.run_week(week, &mut lists);
        }
        c
    }

    pub fn monday(&self, week: u64) -> NaiveDate {
        plus(self.start, 7 * (week - 1))
    }

    /// Friday of `week`: the day the office runs its 调度.
    pub fn friday(&self, week: u64) -> NaiveDate {
        plus(self.monday(week), 4)
    }

    fn run_week(&mut self, week: u64, lists: &mut Lists) {
        let monday = self.monday(week);
        if week == 1 {
            for b in 0..BRANCHES.len() {
                let day = plus(monday, (b % 4) as u64);
                self.hand_in(lists, b, Kind::Org, day);
                self.hand_in(lists, b, Kind::Member, day);
            }
            // On Friday the office sees the formal name as a 党支部 of its own and joins it to the list's name.
            self.office.push((
                self.friday(1),
                Office::Join(Join {
                    name: FORMAL_NAME.into(),
                    with: BRANCHES[GATHERED].into(),
                }),
            ));
            return;
        }
        let returned_now: &[usize] = match week {
            3 => &RETURNED_1,
            6 => &RETURNED_2,
            _ => &[],
        };
        for b in 0..BRANCHES.len() {
            if b == SILENT {
                continue;
            }
            let day = plus(monday, (b % 4) as u64);
            if returned_now.contains(&b) {
                let kind = if week == 3 { Kind::Org } else { Kind::Member };
                self.answer(lists, b, kind, plus(monday, 1));
                continue;
            }
            match (b, week) {
                (TWICE, TWICE_WEEK) => {
                    for d in [1, 3] {
                        let on = plus(monday, d);
                        self.complete_one(lists, b, Kind::Org, on);
                        self.hand_in(lists, b, Kind::Org, on);
                    }
                    continue;
                }
                (ORIGINAL, 2) => {
                    // Hands in its own second revision; on Wednesday the neighbour's copy arrives too.
                    lists.drafts[b][0].problems[0]
                        .description
                        .push_str("，已列入支部年度重点工作");
                    self.hand_in(lists, b, Kind::Org, plus(monday, 1));
                    self.copy_in(lists, plus(monday, 2));
                    continue;
                }
                (RENAMED, 5) | (RENAMED, 7) => {
                    let kind = if week == 5 { Kind::Org } else { Kind::Member };
                    lists.drafts[b][kind_index(kind)].header.org_name = NEW_NAME.into();
                    self.progress(lists, b, kind, day);
                    if week == 5 {
                        self.office.push((
                            self.friday(5),
                            Office::Join(Join {
                                name: NEW_NAME.into(),
                                with: BRANCHES[RENAMED].into(),
                            }),
                        ));
                    }
                    continue;
                }
                (GROWS, 6) => {
                    self.grow(lists, b, day);
                    continue;
                }
                _ => {}
            }
            if (b as u64 + week).is_multiple_of(3) {
                continue;
            }
            let kind = if (b as u64 + week).is_multiple_of(2) {
                Kind::Org
            } else {
                Kind::Member
            };
            self.progress(lists, b, kind, day);
        }
        if week == 3 {
            let copy = self
                .hand_ins
                .iter()
                .position(|h| h.copy)
                .expect("the copy arrived in week 2");
            self.office.push((monday, Office::Remove(copy)));
        }
        let friday = self.friday(week);
        match week {
            2 => self.review_round(&RETURNED_1, &PASSED_1, Kind::Org, friday),
            5 => self.review_round(&RETURNED_2, &PASSED_2, Kind::Member, friday),
            _ => {}
        }
    }

    fn fact(&mut self, b: usize, kind: Kind, measure: &str) -> &mut Fact {
        let at = self
            .facts
            .iter()
            .position(|f| f.branch == b && f.kind == kind && f.measure == measure)
            .expect("a measure handed in before");
        &mut self.facts[at]
    }

    /// Exports the list as the branch's computer holds it and hands the file in on `on`; records new measures.
    fn hand_in(&mut self, lists: &mut Lists, b: usize, kind: Kind, on: NaiveDate) {
        let doc = &lists.drafts[b][kind_index(kind)];
        let complete = validate(doc, on).is_complete();
        let exported = export(doc, complete, at(on));
        let d = exported.document.clone();
        for (_, p) in d.all_problems() {
            for m in &p.measures {
                if !self
                    .facts
                    .iter()
                    .any(|f| f.branch == b && f.kind == kind && f.measure == m.id)
                {
                    self.facts.push(Fact {
                        branch: b,
                        kind,
                        measure: m.id.clone(),
                        since: on,
                        due: crate::domain::ledger::due_date(m),
                        finished: None,
                        closed: None,
                        extended: None,
                        notes: Vec::new(),
                        rewrites: Vec::new(),
                    });
                }
            }
        }
        let before = self
            .problems
            .iter()
            .filter(|p| p.branch == b && p.kind == kind)
            .count();
        for _ in before..d.all_problems().count() {
            self.problems.push(ProblemFact {
                branch: b,
                kind,
                since: on,
            });
        }
        self.receive(HandIn {
            on,
            branch: b,
            kind,
            file_name: exported.file_name,
            bytes: exported.bytes,
            revision: d.revision,
            problems: d.all_problems().count(),
            measures: d.all_measures().count(),
            members: d.members.len(),
            copy: false,
        });
        lists.drafts[b][kind_index(kind)] = d;
    }

    /// Keeps a file as the office's computer saves it: a name already used gets `(1)`, `(2)`, ….
    fn receive(&mut self, mut h: HandIn) {
        let stem = h.file_name.trim_end_matches(".json").to_string();
        let mut n = 0;
        while self.hand_ins.iter().any(|o| o.file_name == h.file_name) {
            n += 1;
            h.file_name = format!("{stem}({n}).json");
        }
        self.hand_ins.push(h);
    }

    /// The first unfinished measure due within two weeks (or without a date) is finished — or, every fifth time,
    /// extended by four weeks.
    fn complete_one(&mut self, lists: &mut Lists, b: usize, kind: Kind, on: NaiveDate) {
        let doc = &mut lists.drafts[b][kind_index(kind)];
        let ext = (b + on.ordinal() as usize).is_multiple_of(5);
        // Only measures the office has seen: one added today is handed in first.
        let known = |id: &str| {
            self.facts
                .iter()
                .any(|f| f.branch == b && f.kind == kind && f.measure == id)
        };
        let target = doc
            .problems
            .iter_mut()
            .chain(doc.members.iter_mut().flat_map(|m| m.problems.iter_mut()))
            .flat_map(|p| p.measures.iter_mut())
            .find(|m| {
                known(&m.id)
                    && !crate::domain::ledger::is_finished(m)
                    && m.extension.is_none()
                    && crate::domain::ledger::due_date(m).is_none_or(|d| d <= plus(on, 14))
            });
        let Some(m) = target else {
            return;
        };
        let id = m.id.clone();
        match crate::domain::ledger::due_date(m) {
            Some(due) if ext => {
                let to = plus(due, 28);
                m.status = Status::Extended;
                m.extension = Some(Extension {
                    new_date: crate::domain::dates::iso(to),
                    reason: "需协调上级业务部门统一部署".into(),
                    approved_by: "李建军".into(),
                });
                self.fact(b, kind, &id).extended = Some((on, to));
            }
            _ => {
                m.status = if m.deadline == Deadline::LongTerm {
                    Status::PhasedLongTerm
                } else {
                    Status::Done
                };
                m.progress = format!(
                    "已于{}完成整改，相关制度和材料已归档备查。",
                    crate::domain::dates::official(on)
                );
                self.fact(b, kind, &id).finished = Some(on);
            }
        }
    }

    /// A week's report of one list: measures completed (or extended), a progress note on another, a measure
    /// finished a week ago or more closed; then the file is handed in.
    fn progress(&mut self, lists: &mut Lists, b: usize, kind: Kind, on: NaiveDate) {
        // A report moves up to three measures (fewer where little is due): branches do keep up, mostly.
        for _ in 0..3 {
            self.complete_one(lists, b, kind, on);
        }
        let finished_before: Vec<String> = self
            .facts
            .iter()
            .filter(|f| f.branch == b && f.kind == kind && f.closed.is_none())
            .filter(|f| f.finished.is_some_and(|d| plus(d, 7) <= on))
            .map(|f| f.measure.clone())
            .collect();
        let doc = &mut lists.drafts[b][kind_index(kind)];
        let mut noted = None;
        let mut closed = None;
        for m in doc
            .problems
            .iter_mut()
            .chain(doc.members.iter_mut().flat_map(|m| m.problems.iter_mut()))
            .flat_map(|p| p.measures.iter_mut())
        {
            if noted.is_none() && !crate::domain::ledger::is_finished(m) {
                m.updates.push(Update {
                    date: crate::domain::dates::iso(on),
                    text: "召开专题会议推进整改，已完成阶段性任务。".into(),
                });
                if m.status == Status::NotStarted {
                    m.status = Status::InProgress;
                }
                noted = Some(m.id.clone());
            } else if closed.is_none() && finished_before.contains(&m.id) {
                m.closed = Some(Closing {
                    date: crate::domain::dates::iso(on),
                    by: "县局主题教育办公室".into(),
                    opinion: "材料齐全，同意销号。".into(),
                });
                closed = Some(m.id.clone());
            }
        }
        if let Some(id) = noted {
            self.fact(b, kind, &id).notes.push(on);
        }
        if let Some(id) = closed {
            self.fact(b, kind, &id).closed = Some(on);
        }
        self.hand_in(lists, b, kind, on);
    }

    /// A measure added to the first problem of the org list, handed in with the week's progress.
    fn grow(&mut self, lists: &mut Lists, b: usize, on: NaiveDate) {
        let doc = &mut lists.drafts[b][0];
        let mut m = Measure::new(id(1000 + b as u32, 9000), Kind::Org);
        m.content = "建立问题整改回头看机制，每季度对已销号问题抽查一次".into();
        m.goal = "已销号问题反弹率为零".into();
        m.deadline = Deadline::LongTerm;
        m.lead = Some("王建国".into());
        m.dept = Some("综合室".into());
        doc.problems[0].measures.push(m);
        self.progress(lists, b, Kind::Org, on);
    }

    /// 巡逻防控大队 hands in a copy of 食品药品环境犯罪侦查大队's first org list, edited and exported on its own
    /// computer under the original's name: the same list and revision as the original's second file, with other
    /// content.
    fn copy_in(&mut self, lists: &Lists, on: NaiveDate) {
        let first = self
            .hand_ins
            .iter()
            .find(|h| h.branch == ORIGINAL && h.kind == Kind::Org)
            .expect("the original's first file");
        let mut copy = crate::domain::file::import::import(&first.bytes)
            .expect("the original's file reads")
            .document;
        copy.problems[0].description =
            "照搬照抄其他支部清单，结合本支部巡逻防控实际查找问题不够".into();
        let exported = export(&copy, true, at(on));
        assert_eq!(
            exported.document.revision, lists.drafts[ORIGINAL][0].revision,
            "the copy has the original's revision"
        );
        let d = exported.document;
        self.receive(HandIn {
            on,
            branch: COPIER,
            kind: Kind::Org,
            file_name: exported.file_name,
            bytes: exported.bytes,
            revision: d.revision,
            problems: d.all_problems().count(),
            measures: d.all_measures().count(),
            members: 0,
            copy: true,
        });
    }

    /// The office reviews the lists of `kind` of these branches as it has them: a comment on the first measure
    /// of each returned one.
    fn review_round(&mut self, returned: &[usize], passed: &[usize], kind: Kind, on: NaiveDate) {
        for (&b, verdict) in returned
            .iter()
            .map(|b| (b, Verdict::Returned))
            .chain(passed.iter().map(|b| (b, Verdict::Passed)))
        {
            let h = self
                .hand_ins
                .iter()
                .rfind(|h| h.branch == b && h.kind == kind && !h.copy)
                .expect("a list handed in");
            let imported = crate::domain::file::import::import(&h.bytes).expect("a list");
            let mut draft = Draft::of(&imported.document, &imported.digest);
            if verdict == Verdict::Returned {
                let first = imported.document.all_measures().next().expect("a measure");
                let text = match kind {
                    Kind::Org => "整改目标不够具体，请写明可以检查的量化指标。",
                    Kind::Member => "措施过于笼统，请写明完成的时间节点。",
                };
                draft.set_comment(&first.id, text);
            }
            draft.verdict = Some(verdict);
            draft.exported = true;
            self.office.push((on, Office::Review(draft)));
        }
    }

    /// The branch imports the office's review, answers its comment, rewrites what it was on and hands the list in.
    fn answer(&mut self, lists: &mut Lists, b: usize, kind: Kind, on: NaiveDate) {
        let list = lists.drafts[b][kind_index(kind)].id.clone();
        let draft = self
            .office
            .iter()
            .rev()
            .find_map(|(_, o)| match o {
                Office::Review(d) if d.list.id == list => Some(d.clone()),
                _ => None,
            })
            .expect("a review of this list");
        let doc = &mut lists.drafts[b][kind_index(kind)];
        let review = draft
            .review(doc, REVIEWER, &crate::domain::dates::iso(on))
            .expect("a review with a verdict");
        let attached = attaching(Some(doc), &review).expect("the review is of this revision");
        doc.review = Some(attached.review);
        let path = draft.comments[0].0.clone();
        if let Some(r) = doc.review.as_mut() {
            for c in &mut r.comments {
                c.answer = "已按意见修改。".into();
                c.revised = true;
            }
        }
        let m = doc
            .problems
            .iter_mut()
            .chain(doc.members.iter_mut().flat_map(|m| m.problems.iter_mut()))
            .flat_map(|p| p.measures.iter_mut())
            .find(|m| m.id == path)
            .expect("the measure commented on");
        let (field, slot, added) = match kind {
            Kind::Org => (
                "整改目标",
                &mut m.goal,
                "：每季度考核一次，年底前群众满意度不低于95%",
            ),
            Kind::Member => (
                "措施内容",
                &mut m.content,
                "，每月最后一周完成并报支部书记审阅",
            ),
        };
        let before = slot.clone();
        slot.push_str(added);
        let rewrite = Rewrite {
            on,
            field,
            before,
            after: slot.clone(),
        };
        self.fact(b, kind, &path).rewrites.push(rewrite);
        self.hand_in(lists, b, kind, on);
    }

    /// The 汇总 set as the office has it on `today`: every file received by then (less those it removed), its
    /// joins and reviews, and the 应报送名单.
    pub fn set_on(&self, today: NaiveDate) -> SummarySet {
        let mut set = SummarySet::empty();
        set.expected = self.expected.clone();
        let received: Vec<usize> = (0..self.hand_ins.len())
            .filter(|&i| self.hand_ins[i].on <= today)
            .collect();
        let files: Vec<(String, Vec<u8>)> = received
            .iter()
            .map(|&i| {
                (
                    self.hand_ins[i].file_name.clone(),
                    self.hand_ins[i].bytes.clone(),
                )
            })
            .collect();
        set.add(&files);
        for (_, step) in self.office.iter().filter(|(on, _)| *on <= today) {
            match step {
                Office::Join(j) => set.join(&j.name, &j.with),
                Office::Remove(i) => {
                    let name = &self.hand_ins[*i].file_name;
                    if let Some(at) = set.files.iter().position(|f| &f.name == name) {
                        set.remove(at);
                    }
                }
                Office::Review(d) => set.keep_review(d.clone()),
            }
        }
        set
    }

    /// Whether the copy is in the set on `today`, keeping the original's list out of every figure.
    fn conflict_on(&self, today: NaiveDate) -> bool {
        let arrived = self.hand_ins.iter().any(|h| h.copy && h.on <= today);
        let removed = self
            .office
            .iter()
            .any(|(on, o)| matches!(o, Office::Remove(_)) && *on <= today);
        arrived && !removed
    }

    /// Whether branch `b`'s list of `kind` counts on `today`.
    fn counts(&self, b: usize, kind: Kind, today: NaiveDate) -> bool {
        !(b == ORIGINAL && kind == Kind::Org && self.conflict_on(today))
            && self
                .hand_ins
                .iter()
                .any(|h| h.branch == b && h.kind == kind && !h.copy && h.on <= today)
    }

    /// Branch `b` over `period`, as of `today`, from the record alone.
    pub fn truth(&self, b: usize, period: Period, today: NaiveDate) -> Truth {
        let mut t = Truth::default();
        let within = |d: NaiveDate| period.contains(d) && d <= today;
        let by = |d: Option<NaiveDate>| d.filter(|d| *d <= today);
        for kind in [Kind::Org, Kind::Member] {
            if !self.counts(b, kind, today) {
                continue;
            }
            let k = kind_index(kind);
            let files: Vec<&HandIn> = self
                .hand_ins
                .iter()
                .filter(|h| h.branch == b && h.kind == kind && !h.copy && h.on <= today)
                .collect();
            let last = files.last().expect("counts");
            t.revisions[k] = Some(last.revision);
            t.members += last.members;
            t.new_file |= files.iter().any(|h| within(h.on));
            t.problems += self
                .problems
                .iter()
                .filter(|p| p.branch == b && p.kind == kind && p.since <= today)
                .count();
            t.review[k] = self.review_truth(kind, last, today);
            for f in self
                .facts
                .iter()
                .filter(|f| f.branch == b && f.kind == kind && f.since <= today)
            {
                t.measures += 1;
                let finished = by(f.finished).is_some();
                let due = match by(f.extended.map(|(on, _)| on)) {
                    Some(_) => f.extended.map(|(_, to)| to),
                    None => f.due,
                };
                t.finished += usize::from(finished);
                t.closed += usize::from(by(f.closed).is_some());
                let closed_in = f.closed.is_some_and(within);
                let completed = f.finished.is_some_and(|d| period.contains(d) && d <= today);
                let extended = f.extended.is_some_and(|(on, _)| within(on));
                let notes = f.notes.iter().filter(|d| within(**d)).count();
                let overdue = !finished && due.is_some_and(|d| d < today);
                let newly = overdue && due.is_some_and(|d| within(plus(d, 1)));
                let soon = !finished && due.is_some_and(|d| today <= d && d < plus(today, 7));
                let cells = [
                    usize::from(closed_in),
                    usize::from(completed),
                    usize::from(newly),
                    usize::from(extended),
                    notes,
                    usize::from(overdue),
                    usize::from(soon),
                ];
                for (a, b) in t.figures.iter_mut().zip(cells) {
                    *a += b;
                }
                t.pressing += usize::from(overdue || soon);
                t.rewrites
                    .extend(f.rewrites.iter().filter(|r| within(r.on)).cloned());
            }
        }
        t.silent = t.figures[4] == 0 && !t.new_file;
        t
    }

    /// 审核 of the file that counts: the office's verdict on that very revision, and its comments not answered.
    fn review_truth(&self, kind: Kind, last: &HandIn, today: NaiveDate) -> (&'static str, usize) {
        for (_, o) in self.office.iter().filter(|(on, _)| *on <= today) {
            if let Office::Review(d) = o {
                if d.list.kind == kind
                    && d.list.revision == last.revision
                    && crate::domain::file::import::import(&last.bytes)
                        .is_ok_and(|i| i.document.id == d.list.id)
                {
                    return match d.verdict {
                        Some(Verdict::Returned) => ("退回", d.comments.len()),
                        Some(Verdict::Passed) => ("通过", 0),
                        None => ("待审", 0),
                    };
                }
            }
        }
        ("待审", 0)
    }
}
