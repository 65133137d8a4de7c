//! 收集: members hand in their own lists (each a member list, usually of one member), and the branch gathers them
//! into its 《党员检视整改问题清单》. Gathering is planned first (what each member of each file would do to the list,
//! and what must be asked), the user answers the questions, and the answered plan is applied as one step.
//!
//! The rules: a member not in the list is added; a name on the roster without content (未交) is filled; a member
//! handed in again from the same list with a higher revision replaces what was gathered before — asking first when
//! the branch changed that member since; an older or identical revision changes nothing and says so. A member of
//! the same name from another list, a file of another branch, and a file changed after export are asked about. A
//! file that is not a member list is explained. Where each gathered member came from travels in the file
//! (`origin`).

use std::collections::HashSet;

use serde_json::Value;

use crate::domain::file::digest::digest_of;
use crate::domain::file::import::{import, Seal};
use crate::domain::list::campaign::Active;
use crate::domain::list::model::{Document, Kind, Member, Origin};
use crate::domain::names;

/// A file handed in, as read from the disk.
#[derive(Clone, Debug, PartialEq)]
pub struct Incoming {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// What gathering one member would do to the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A member not in the list yet.
    Add,
    /// The roster member of this id (a name without content, 未交) gets the content.
    Fill(String),
    /// The member of this id, gathered before from the same list, is replaced by the newer revision.
    Replace(String),
}

/// Why the user must be asked before a member is gathered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Concern {
    /// The file's content does not match its 校验码.
    ChangedAfterExport,
    /// The file is another branch's (its 党组织名称).
    OtherBranch { theirs: String },
    /// The file is a list of another 活动 than the branch's member list (theirs, ours).
    OtherCampaign { theirs: String, ours: String },
    /// A member of this name is in the list already, from another list or typed by the branch: its id.
    SameName { existing: String },
    /// The branch changed the member since it was gathered: what replacing it would overwrite.
    BranchChanged { overwritten: Vec<String> },
    /// The file's member is the one gathered before from the same list (the same ids), but under another name: a
    /// file built on a colleague's file, most often. Replacing would make the colleague disappear.
    OtherName { gathered: String },
}

/// What the plan says of one member of a file, or of a file that cannot be gathered.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// The file cannot be gathered: why, in plain Chinese.
    Refused(String),
    /// Nothing to do: why (the same or an older revision was gathered already).
    Unchanged(String),
    /// The member would be gathered so; with concerns, only if the user says so.
    Proposed {
        member: Box<Member>,
        target: Target,
        concerns: Vec<Concern>,
    },
}

/// One line of the plan: a member of a file (or a whole file, when it is refused).
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub file: String,
    /// The member's name (the file's name when the file is refused).
    pub name: String,
    pub verdict: Verdict,
}

/// An answer to a question of the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Gather as proposed.
    Take,
    /// For a member of the same name: replace the member already in the list.
    ReplaceSameName,
    /// For a member under another name than the one gathered from the same list: keep both, this one as new.
    AddAsNew,
    /// Leave this member out.
    Skip,
}

impl Item {
    /// Whether the user must answer before this member is gathered.
    pub fn asks(&self) -> bool {
        matches!(&self.verdict, Verdict::Proposed { concerns, .. } if !concerns.is_empty())
    }

    /// The answers this item offers, with their words; the first is what happens when nobody is asked.
    pub fn choices(&self) -> Vec<(Choice, String)> {
        let Verdict::Proposed {
            concerns, target, ..
        } = &self.verdict
        else {
            return Vec::new();
        };
        let same_name = concerns
            .iter()
            .any(|c| matches!(c, Concern::SameName { .. }));
        let other_name = concerns.iter().find_map(|c| match c {
            Concern::OtherName { gathered } => Some(gathered.as_str()),
            _ => None,
        });
        if let Some(gathered) = other_name {
            // Nothing is replaced unless the user says so: the safe answer comes first.
            return vec![
                (Choice::Skip, "不收集".to_string()),
                (
                    Choice::AddAsNew,
                    format!("作为新党员{}收集（{gathered}保留）", self.name),
                ),
                (Choice::Take, format!("用它替换{gathered}")),
            ];
        }
        let take = match (target, same_name) {
            (Target::Add, true) => "作为另一名同名党员收集",
            (Target::Replace(_), _) => "用新交的替换",
            _ => "收集",
        };
        let mut out = vec![(Choice::Take, take.to_string())];
        if same_name {
            out.push((
                Choice::ReplaceSameName,
                format!("替换名单中已有的{}", self.name),
            ));
        }
        out.push((Choice::Skip, "不收集".to_string()));
        out
    }

    /// What is asked, in plain Chinese (empty when nothing is).
    pub fn question(&self) -> String {
        let Verdict::Proposed { concerns, .. } = &self.verdict else {
            return String::new();
        };
        concerns
            .iter()
            .map(|c| match c {
                Concern::ChangedAfterExport => {
                    "这个文件在导出后被改动过（校验码不符）。".to_string()
                }
                Concern::OtherBranch { theirs } => {
                    format!("这个文件是“{theirs}”的，不是本支部的。")
                }
                Concern::OtherCampaign { theirs, ours } => {
                    format!("这个文件是“{theirs}”的清单，本支部的党员清单属于“{ours}”。")
                }
                Concern::SameName { .. } => format!(
                    "名单中已有一名叫{}的党员，来自另一份清单或由支部录入。",
                    self.name
                ),
                Concern::BranchChanged { overwritten } => format!(
                    "支部在上次收集后改过这名党员的内容，替换会覆盖：{}。",
                    overwritten.join("、")
                ),
                Concern::OtherName { gathered } => format!(
                    "这份清单与以前收集的{gathered}的是同一份（编号相同），姓名却是{}：可能是在{gathered}的文件上改的。替换会让{gathered}从名单中消失。",
                    self.name
                ),
            })
            .collect()
    }
}

/// The planned gathering of some files into one list, with the answers given so far: each item, what the list's
/// members would be, and what it would do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    pub items: Vec<Item>,
    /// The answer taken for each item (the first choice where nobody has answered; `Take` where nothing is asked).
    pub answers: Vec<Choice>,
    /// The list's members once gathered so.
    pub members: Vec<Member>,
    pub tally: Tally,
}

impl Plan {
    /// How many files the plan is of.
    pub fn file_count(&self) -> usize {
        let mut names: Vec<&str> = self.items.iter().map(|i| i.file.as_str()).collect();
        names.dedup();
        names.len()
    }
}

impl Verdict {
    /// What the plan says of an item, in plain Chinese.
    pub fn text(&self) -> String {
        match self {
            Verdict::Refused(why) => format!("不能收集。{why}"),
            Verdict::Unchanged(why) => format!("不变。{why}"),
            Verdict::Proposed { target, .. } => match target {
                Target::Add => "新增到名单".to_string(),
                Target::Fill(_) => "填入名单中的未交党员".to_string(),
                Target::Replace(_) => "替换以前收集的版本".to_string(),
            },
        }
    }
}

/// What a gathering did, for the summary after it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub added: usize,
    pub filled: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub skipped: usize,
    pub refused: usize,
    pub answered: usize,
}

impl Tally {
    /// "新增3名，补交1名（名单中的未交党员），替换1名，未变2名，回答了2个问题。"
    pub fn text(&self) -> String {
        let mut parts = vec![format!("新增{}名", self.added)];
        if self.filled > 0 {
            parts.push(format!("补交{}名（名单中的未交党员）", self.filled));
        }
        parts.push(format!("替换{}名", self.replaced));
        parts.push(format!("未变{}名", self.unchanged));
        if self.skipped > 0 {
            parts.push(format!("未收集{}名", self.skipped));
        }
        if self.refused > 0 {
            parts.push(format!("{}个文件无法收集", self.refused));
        }
        format!(
            "收集完成：{}；回答了{}个问题。",
            parts.join("，"),
            self.answered
        )
    }
}

/// The digest of a member's content as gathered: its canonical form without `origin` and without 支部意见 (which
/// is the branch's own field and is kept when a member is replaced).
pub fn member_content(member: &Member) -> String {
    let mut value = serde_json::to_value(member).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        map.remove("origin");
        map.remove("branch_opinion");
    }
    digest_of(&value)
}

/// Every id a list uses: members, problems, measures.
fn ids_of(members: &[Member]) -> HashSet<String> {
    let mut ids = HashSet::new();
    for m in members {
        ids.insert(m.id.clone());
        for p in &m.problems {
            ids.insert(p.id.clone());
            ids.extend(p.measures.iter().map(|x| x.id.clone()));
        }
    }
    ids
}

/// Gives `member` fresh ids wherever one is taken in `taken` (ids must be unique in a list), and takes its ids.
fn make_ids_unique(
    member: &mut Member,
    taken: &mut HashSet<String>,
    new_id: &mut dyn FnMut() -> String,
) {
    let mut fresh = |id: &mut String| {
        if !taken.insert(id.clone()) {
            *id = new_id();
            taken.insert(id.clone());
        }
    };
    fresh(&mut member.id);
    for p in &mut member.problems {
        fresh(&mut p.id);
        for m in &mut p.measures {
            fresh(&mut m.id);
        }
    }
}

/// What replacing `current` with `incoming` would overwrite, by place, in words.
fn overwritten(current: &Member, incoming: &Member) -> Vec<String> {
    let mut out = Vec::new();
    if current.name.trim() != incoming.name.trim() {
        out.push("姓名".to_string());
    }
    if current.position.trim() != incoming.position.trim() {
        out.push("职务（岗位）".to_string());
    }
    if current.member_type != incoming.member_type {
        out.push("党员类别".to_string());
    }
    for (i, p) in current.problems.iter().enumerate() {
        if incoming.problems.get(i) != Some(p) {
            out.push(format!("第{}个问题", i + 1));
        }
    }
    if out.is_empty() {
        out.push("问题的顺序或数量".to_string());
    }
    out
}

/// Plans gathering `files` into `doc` (a member list) with `answers` (the answer to each item so far, by its
/// place; missing ones are the item's first choice). `new_id` gives fresh ids where an incoming id is taken.
/// Files and members are taken in order, each seeing what the ones before it did *as answered*: skipping an
/// earlier member re-plans the later ones. The same call, against the list as it is then, is what a confirmed
/// gathering applies (`apply_plan`), so a list changed while the plan was on screen is never overwritten.
pub fn plan(
    doc: &Document,
    files: &[Incoming],
    answers: &[Choice],
    new_id: &mut dyn FnMut() -> String,
) -> Plan {
    let mut planner = Planner::new(doc);
    for file in files {
        let Some(read) = planner.read(doc, file) else {
            continue;
        };
        for source in &read.list.members {
            planner.gather(file, &read, source, answers, new_id);
        }
    }
    planner.plan()
}

/// A member list handed in and read, with what is asked of the whole file.
struct Read {
    list: Document,
    /// The digest the file was sealed with (the stated one, when it was changed after export).
    digest: String,
    concerns: Vec<Concern>,
}

/// The plan as it grows, file by file and member by member: the list as it would be after the items planned so
/// far (each file is planned against it), the ids in use, and the items with their answers.
struct Planner {
    members: Vec<Member>,
    taken: HashSet<String>,
    items: Vec<Item>,
    chosen: Vec<Choice>,
    tally: Tally,
}

impl Planner {
    fn new(doc: &Document) -> Self {
        Planner {
            members: doc.members.clone(),
            taken: ids_of(&doc.members),
            items: Vec::new(),
            chosen: Vec::new(),
            tally: Tally::default(),
        }
    }

    fn plan(self) -> Plan {
        Plan {
            items: self.items,
            answers: self.chosen,
            members: self.members,
            tally: self.tally,
        }
    }

    /// Phase 1, a file: read and checked as a whole (a member list with members), with what is asked of every
    /// member in it (changed after export, another 党支部, another 活动). A refused file is an item of its own.
    fn read(&mut self, doc: &Document, file: &Incoming) -> Option<Read> {
        let imported = match import(&file.bytes) {
            Ok(imported) => imported,
            Err(e) => return self.refuse(file, e.message()),
        };
        let theirs = imported.document;
        if theirs.kind != Kind::Member {
            return self.refuse(
                file,
                "这是一份党组织清单，不是党员清单，不能收集到党员清单中。请让党员导出他本人的党员清单。".into(),
            );
        }
        if theirs.members.is_empty() {
            return self.refuse(file, "这份党员清单里还没有党员，没有可收集的内容。".into());
        }
        let digest = match &imported.seal {
            Seal::Changed { stated, .. } => stated.clone(),
            _ => imported.digest.clone(),
        };
        let mut concerns = Vec::new();
        if matches!(imported.seal, Seal::Changed { .. }) {
            concerns.push(Concern::ChangedAfterExport);
        }
        let their_org = theirs.header.org_name.trim();
        if !their_org.is_empty() && !names::same(their_org, &doc.header.org_name) {
            concerns.push(Concern::OtherBranch {
                theirs: their_org.to_string(),
            });
        }
        let (their_campaign, our_campaign) = (Active::of(&theirs.header), Active::of(&doc.header));
        if their_campaign.key != our_campaign.key {
            concerns.push(Concern::OtherCampaign {
                theirs: their_campaign.name,
                ours: our_campaign.name,
            });
        }
        Some(Read {
            list: theirs,
            digest,
            concerns,
        })
    }

    fn refuse(&mut self, file: &Incoming, why: String) -> Option<Read> {
        self.items.push(Item {
            file: file.name.clone(),
            name: file.name.clone(),
            verdict: Verdict::Refused(why),
        });
        self.chosen.push(Choice::Take);
        self.tally.refused += 1;
        None
    }

    /// Phase 2, a member of the file: where it would go, the user's answer, and the member placed.
    fn gather(
        &mut self,
        file: &Incoming,
        read: &Read,
        source: &Member,
        answers: &[Choice],
        new_id: &mut dyn FnMut() -> String,
    ) {
        let name = source.name.trim().to_string();
        let mut member = source.clone();
        member.origin = None;
        let mut concerns = read.concerns.clone();
        let Some(target) = self.target(file, read, source, &member, &mut concerns) else {
            return;
        };
        let mut item = Item {
            file: file.name.clone(),
            name,
            verdict: Verdict::Proposed {
                member: Box::new(Member::new(String::new())),
                target: target.clone(),
                concerns,
            },
        };
        let choice = self.answer(&item, answers);
        match chosen_target(choice, &item.verdict, target) {
            Some(target) => {
                self.place(&mut member, &target, read, source, new_id);
            }
            None => self.tally.skipped += 1,
        }
        if let Verdict::Proposed { member: shown, .. } = &mut item.verdict {
            **shown = member;
        }
        self.items.push(item);
        self.chosen.push(choice);
    }

    /// Where a member would go: replacing what was gathered from the same list before (none when this revision
    /// is not newer: said as unchanged), filling a roster name without content, or added; with the concerns
    /// that the user is asked about.
    fn target(
        &mut self,
        file: &Incoming,
        read: &Read,
        source: &Member,
        member: &Member,
        concerns: &mut Vec<Concern>,
    ) -> Option<Target> {
        let name = source.name.trim();
        let (list, revision) = (&read.list.id, read.list.revision);
        let earlier = self.members.iter().find(|m| {
            m.origin
                .as_ref()
                .is_some_and(|o| o.list == *list && o.member == source.id)
        });
        if let Some(earlier) = earlier {
            let was = earlier.origin.as_ref().map(|o| o.revision).unwrap_or(0);
            if revision <= was {
                let why = if revision == was {
                    format!("这一版（修订号{was}）已经收集过，没有变化。")
                } else {
                    format!("这是较旧的一版（修订号{revision}），名单中已是修订号{was}的，未替换。")
                };
                self.items.push(Item {
                    file: file.name.clone(),
                    name: name.to_string(),
                    verdict: Verdict::Unchanged(why),
                });
                self.chosen.push(Choice::Take);
                self.tally.unchanged += 1;
                return None;
            }
            if !names::same(&earlier.name, name) {
                concerns.push(Concern::OtherName {
                    gathered: earlier.name.trim().to_string(),
                });
            }
            let changed_here = earlier
                .origin
                .as_ref()
                .is_some_and(|o| o.content != member_content(earlier));
            if changed_here {
                concerns.push(Concern::BranchChanged {
                    overwritten: overwritten(earlier, member),
                });
            }
            return Some(Target::Replace(earlier.id.clone()));
        }
        let roster = self
            .members
            .iter()
            .find(|m| names::same(&m.name, name) && m.problems.is_empty() && m.origin.is_none());
        if let Some(roster) = roster {
            return Some(Target::Fill(roster.id.clone()));
        }
        if let Some(same) = self.members.iter().find(|m| names::same(&m.name, name)) {
            concerns.push(Concern::SameName {
                existing: same.id.clone(),
            });
        }
        Some(Target::Add)
    }

    /// The user's answer to an item that asks (a valid one given so far, else the first choice).
    fn answer(&mut self, item: &Item, answers: &[Choice]) -> Choice {
        if !item.asks() {
            return Choice::Take;
        }
        self.tally.answered += 1;
        answers
            .get(self.items.len())
            .copied()
            .filter(|a| item.choices().iter().any(|(c, _)| c == a))
            .unwrap_or_else(|| item.choices()[0].0)
    }

    /// Phase 3: the member into the list as planned, its ids unique, where it came from recorded.
    fn place(
        &mut self,
        member: &mut Member,
        target: &Target,
        read: &Read,
        source: &Member,
        new_id: &mut dyn FnMut() -> String,
    ) {
        // Ids must be unique in the list: the member it replaces gives its ids back first.
        let freed = match target {
            Target::Replace(id) | Target::Fill(id) => self
                .members
                .iter()
                .find(|m| m.id == *id)
                .map(|m| ids_of(std::slice::from_ref(m)))
                .unwrap_or_default(),
            Target::Add => HashSet::new(),
        };
        let mut in_use: HashSet<String> = self.taken.difference(&freed).cloned().collect();
        make_ids_unique(member, &mut in_use, new_id);
        self.taken = in_use;
        // Recorded after the ids are made unique: the member as it is in the list, so the next revision of the
        // same file does not read a renamed id as a change by the branch.
        member.origin = Some(Origin {
            list: read.list.id.clone(),
            member: source.id.clone(),
            revision: read.list.revision,
            digest: read.digest.clone(),
            content: member_content(member),
        });
        match place(&mut self.members, target, member) {
            Target::Add => self.tally.added += 1,
            Target::Fill(_) => self.tally.filled += 1,
            Target::Replace(_) => self.tally.replaced += 1,
        }
    }
}

/// Where the answer sends a member: nowhere (skipped), as a new member, over the member of the same name, or
/// where it was planned.
fn chosen_target(choice: Choice, verdict: &Verdict, planned: Target) -> Option<Target> {
    match (choice, verdict) {
        (Choice::Skip, _) => None,
        (Choice::AddAsNew, _) => Some(Target::Add),
        (Choice::ReplaceSameName, Verdict::Proposed { concerns, .. }) => concerns
            .iter()
            .find_map(|c| match c {
                Concern::SameName { existing } => Some(Target::Replace(existing.clone())),
                _ => None,
            })
            .or(Some(planned)),
        _ => Some(planned),
    }
}

/// Puts `member` into `members` as `target` says: a replaced or filled member keeps its place (and the branch's
/// 支部意见 when the incoming member has none). A member to replace that is not there (its gathering was skipped)
/// is added instead. Returns what was done.
fn place(members: &mut Vec<Member>, target: &Target, member: &Member) -> Target {
    if let Target::Fill(id) | Target::Replace(id) = target {
        if let Some(slot) = members.iter_mut().find(|m| m.id == *id) {
            let opinion = std::mem::take(&mut slot.branch_opinion);
            *slot = member.clone();
            if slot.branch_opinion.trim().is_empty() {
                slot.branch_opinion = opinion;
            }
            return target.clone();
        }
    }
    members.push(member.clone());
    Target::Add
}

/// Applies a plan to `doc`: its members become the plan's. Make the plan against `doc` as it is (`plan`) just
/// before. Returns what was done.
pub fn apply_plan(doc: &mut Document, plan: &Plan) -> Tally {
    doc.members = plan.members.clone();
    plan.tally
}

/// The names of a roster (批量添加党员): one per line, spaces around them and blank lines dropped, each once;
/// with the names that are on the list already, which are not added again.
pub fn roster_names(doc: &Document, text: &str) -> (Vec<String>, Vec<String>) {
    let mut new: Vec<String> = Vec::new();
    let mut there: Vec<String> = Vec::new();
    for name in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if doc.members.iter().any(|m| names::same(&m.name, name)) {
            if !there.iter().any(|t| names::same(t, name)) {
                there.push(name.to_string());
            }
        } else if !new.iter().any(|n| names::same(n, name)) {
            new.push(name.to_string());
        }
    }
    (new, there)
}
