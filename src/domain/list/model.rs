//! The list document of `format.md`, version 1, as Rust types.
//!
//! Dates are kept as the strings the user typed or the file held: "a real calendar date" is a validation rule,
//! so a wrong date is a finding the user can fix, not a file the app refuses. Keys the app does not know are kept
//! in `extra` (filled and written back by `unknown`), so a file from a newer tool loses nothing on a round trip.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Keys of an object that this version does not know; kept and written back unchanged.
pub type Extra = Map<String, Value>;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Document {
    /// Always `"rectify-list"`.
    pub format: String,
    /// The format version: 2 for a list that names its campaign, else 1 (see `docs/format.md` § 8).
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 2)))]
    pub version: u32,
    pub kind: Kind,
    /// The document's identity (UUID v4): the same across edits and re-exports.
    pub id: String,
    /// Raised by one at every export of an edited document.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1)))]
    pub revision: u32,
    pub header: Header,
    /// The branch's problems (`kind: "org"`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Problem>,
    /// Each member with their own problems (`kind: "member"`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Member>,
    /// Warnings the filler looked at and kept, with a reason.
    #[serde(default)]
    pub acknowledged: Vec<Acknowledgement>,
    /// The office's 审核意见 on this list, attached at the branch, with the branch's answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<AttachedReview>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    #[serde(skip)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    pub extra: Extra,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// 《党组织检视整改问题清单》
    Org,
    /// 《党员检视整改问题清单》
    Member,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Header {
    /// 党组织名称（填报单位）
    #[serde(default)]
    pub org_name: String,
    /// 上级党组织
    #[serde(default)]
    pub parent_org: String,
    /// 活动: the campaign the list belongs to; absent for the 2023 主题教育 (every file made before campaigns
    /// could be chosen, read exactly as before). `domain::campaign` says what a campaign means for the rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign: Option<Campaign>,
    /// 主题教育批次: the 2023 主题教育's batch (no other campaign has batches).
    #[serde(default)]
    pub batch: Option<Batch>,
    /// 填报日期, `YYYY-MM-DD`
    #[serde(default)]
    pub filed_on: String,
    /// 填报人
    #[serde(default)]
    pub filed_by: String,
    /// 联系电话
    #[serde(default)]
    pub phone: String,
    /// 审核人（支部书记）
    #[serde(default)]
    pub reviewer: String,
    /// 问题类别 in use
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(skip)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    pub extra: Extra,
}

/// 活动: a campaign of 检视整改 (党纪学习教育, a branch's own 组织生活会 …) as the file carries it, whole, so that the
/// office and another computer see the same even for a campaign defined by hand.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Campaign {
    /// The preset it is (`theme_2023`, `discipline_2024`, `eight_rules_2025`, `performance_2026`), or `custom`.
    /// A code this reader does not know is read as `custom`: the file says the rest.
    pub preset: String,
    /// The name as titles print it: `党纪学习教育`.
    pub name: String,
    /// 活动期间: its first day, `YYYY-MM-DD`; `""` when not set.
    #[serde(default)]
    pub start: String,
    /// Its last day, `YYYY-MM-DD`; `""` when not set.
    #[serde(default)]
    pub end: String,
    /// The categories a new org list of this campaign starts with; empty when the campaign publishes none.
    #[serde(default)]
    pub org_categories: Vec<String>,
    /// The categories a new member list starts with; empty when the campaign publishes none.
    #[serde(default)]
    pub member_categories: Vec<String>,
    /// The 问题来源 the form offers; empty: all of them.
    #[serde(default)]
    pub sources: Vec<Source>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Batch {
    First,
    Second,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Problem {
    pub id: String,
    /// 问题类别: one of `header.categories`
    #[serde(default)]
    pub category: String,
    /// 问题来源
    #[serde(default)]
    pub sources: Vec<Source>,
    /// 问题表现 / 检视出的问题
    #[serde(default)]
    pub description: String,
    /// 整改措施
    #[serde(default)]
    pub measures: Vec<Measure>,
    /// 备注
    #[serde(default)]
    pub remark: String,
    /// Where the problem came from when it was 纳入检视整改 from another list (`docs/format.md` § 15.5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found_in: Option<FoundIn>,
    #[serde(skip)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    pub extra: Extra,
}

/// A problem 纳入检视整改 from a 调研问题清单 or an 意见建议台账: that register and the item there, each by its id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct FoundIn {
    /// The register's kind: `"survey"` (调研问题清单) or `"opinions"` (意见建议台账).
    pub kind: FoundKind,
    /// The register's `id`.
    pub register: String,
    /// The 调研问题's or 意见建议's `id` there.
    pub item: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FoundKind {
    /// 调研问题清单
    Survey,
    /// 意见建议台账
    Opinions,
}

impl FoundKind {
    /// Where the problem came from, as the list shows it.
    pub fn label(self) -> &'static str {
        match self {
            FoundKind::Survey => "调研问题清单",
            FoundKind::Opinions => "意见建议台账",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Research,
    Opinions,
    SelfReview,
    Superior,
    Inspection,
    Audit,
    Development,
    Mutual,
    Other,
}

impl Source {
    pub const ALL: [Source; 9] = [
        Source::Research,
        Source::Opinions,
        Source::SelfReview,
        Source::Superior,
        Source::Inspection,
        Source::Audit,
        Source::Development,
        Source::Mutual,
        Source::Other,
    ];
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Measure {
    pub id: String,
    /// 措施内容
    #[serde(default)]
    pub content: String,
    /// 整改目标
    #[serde(default)]
    pub goal: String,
    /// 整改时限
    pub deadline: Deadline,
    /// 牵头责任人（责任领导）: org lists only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// 具体责任人
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// 责任单位（部门）: org lists only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dept: Option<String>,
    /// 整改状态
    #[serde(default)]
    pub status: Status,
    /// 完成情况
    #[serde(default)]
    pub progress: String,
    /// 延期
    #[serde(default)]
    pub extension: Option<Extension>,
    /// 进展记录, oldest first
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub updates: Vec<Update>,
    /// 销号
    #[serde(default)]
    pub closed: Option<Closing>,
    #[serde(skip)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    pub extra: Extra,
}

/// 整改时限. Dates are `YYYY-MM-DD` strings; an empty `by_date` date is a draft the validator points at.
// Read by hand (below) rather than by serde's derive for internally tagged enums: the same file shape and
// messages, without the buffering machinery that derive brings into the wasm.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Deadline {
    /// 立行立改, optionally by a date.
    Immediate {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        date: Option<String>,
    },
    /// 限期整改
    ByDate { date: String },
    /// 长期坚持
    LongTerm,
}

impl<'de> Deserialize<'de> for Deadline {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(rename_all = "snake_case")]
        enum Type {
            Immediate,
            ByDate,
            LongTerm,
        }
        #[derive(Deserialize)]
        struct Tagged {
            #[serde(rename = "type")]
            kind: Type,
            #[serde(default)]
            date: Option<String>,
        }
        let tagged = Tagged::deserialize(deserializer)?;
        Ok(match (tagged.kind, tagged.date) {
            (Type::Immediate, date) => Deadline::Immediate { date },
            (Type::ByDate, Some(date)) => Deadline::ByDate { date },
            (Type::ByDate, None) => return Err(serde::de::Error::missing_field("date")),
            (Type::LongTerm, _) => Deadline::LongTerm,
        })
    }
}

impl Deadline {
    /// The date by which the measure is due, if it has one.
    pub fn date(&self) -> Option<&str> {
        match self {
            Deadline::Immediate { date } => date.as_deref(),
            Deadline::ByDate { date } => Some(date),
            Deadline::LongTerm => None,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    NotStarted,
    InProgress,
    Done,
    PhasedLongTerm,
    Extended,
    NotDone,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::NotStarted,
        Status::InProgress,
        Status::Done,
        Status::PhasedLongTerm,
        Status::Extended,
        Status::NotDone,
    ];
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Extension {
    #[serde(default)]
    pub new_date: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub approved_by: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Update {
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub text: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Closing {
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub by: String,
    #[serde(default)]
    pub opinion: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Member {
    pub id: String,
    /// 姓名
    #[serde(default)]
    pub name: String,
    /// 职务（岗位）
    #[serde(default)]
    pub position: String,
    /// 党员类别
    #[serde(default)]
    pub member_type: Option<MemberType>,
    #[serde(default)]
    pub problems: Vec<Problem>,
    /// 支部意见
    #[serde(default)]
    pub branch_opinion: String,
    /// Where the member came from when the branch gathered (收集) the member's own list: absent for a member
    /// typed into this list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
    #[serde(skip)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    pub extra: Extra,
}

/// Where a gathered member came from: the list, its revision and digest, and the member as gathered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Origin {
    /// The `id` of the list the member was gathered from (usually the member's own list).
    pub list: String,
    /// The member's `id` in that list.
    pub member: String,
    /// That list's `revision` when it was gathered.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1)))]
    pub revision: u32,
    /// That file's digest (`"sha256:"` + 64 hex) as it was: its `meta.digest`, or the content's when unsealed.
    pub digest: String,
    /// The digest of this member as gathered (its canonical form without `origin`): when the member differs from
    /// it, the branch changed it after gathering.
    pub content: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MemberType {
    Full,
    Probationary,
}

/// A warning the filler kept, with the reason: `{path, rule, reason}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Acknowledgement {
    pub path: String,
    pub rule: String,
    #[serde(default)]
    pub reason: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Meta {
    #[serde(default)]
    pub app_version: String,
    /// RFC 3339 with offset.
    #[serde(default)]
    pub exported_at: String,
    /// `"sha256:"` + 64 lowercase hex digits.
    #[serde(default)]
    pub digest: String,
    #[serde(skip)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    pub extra: Extra,
}

// 审核意见 (`docs/format.md` § 12): what the office's review file and the document's `review` key hold.

/// The list a review is of: as the office received it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ListRef {
    /// The list's `id`.
    pub id: String,
    /// The list's `revision` that was reviewed.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1)))]
    pub revision: u32,
    /// The reviewed file's digest (`sha256:` + 64 hex digits).
    pub digest: String,
    /// `header.org_name` of the list, so a person can tell whose review it is.
    #[serde(default)]
    pub org_name: String,
    pub kind: Kind,
    /// The fingerprint of the whole list as reviewed (`docs/format.md` § 12.4, the `list` path): whether the branch
    /// changed what it writes since, whatever review or answers its draft carries. Absent in files of earlier
    /// versions.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub seen: String,
}

/// 通过 or 退回修改.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// 通过: the list is accepted (comments, if any, are for the record and still answered).
    Passed,
    /// 退回修改: the branch revises and hands the list in again.
    #[default]
    Returned,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Passed => "通过",
            Verdict::Returned => "退回修改",
        }
    }
}

/// One 审核意见, and at the branch its 答复.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Comment {
    /// `list`, or the `id` of a problem or measure.
    pub path: String,
    /// The office's comment.
    pub text: String,
    /// The fingerprint of what was commented on, as reviewed (`fingerprint`): whether it changed since.
    #[serde(default)]
    pub seen: String,
    /// The branch's 答复; empty until answered.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub answer: String,
    /// The branch says it changed the list for this comment (已修改).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub revised: bool,
    /// The comment's earlier text, which `answer` was written to, when a later review of the same revision
    /// reworded the comment: the answer is kept but must be confirmed (意见已修改，请确认答复). Empty otherwise.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub earlier_text: String,
}

impl Comment {
    /// Answered, and to the comment as it stands.
    pub fn is_answered(&self) -> bool {
        !self.answer.trim().is_empty() && self.earlier_text.is_empty()
    }
}

/// A review as attached to the list at the branch (the document's `review` key): the office's review, with the
/// branch's answers in its comments. The next export carries it back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct AttachedReview {
    /// The review file's digest: which review this is.
    pub digest: String,
    /// The list as reviewed.
    pub list: ListRef,
    pub verdict: Verdict,
    #[serde(default)]
    pub reviewer: String,
    pub reviewed_on: String,
    #[serde(default)]
    pub comments: Vec<Comment>,
}

impl Problem {
    pub fn new(id: String, category: String) -> Self {
        Problem {
            id,
            category,
            sources: Vec::new(),
            description: String::new(),
            measures: Vec::new(),
            remark: String::new(),
            found_in: None,
            extra: Extra::new(),
        }
    }
}

impl Measure {
    /// A fresh measure for a list of `kind`: org measures carry a lead and a unit, members' do not.
    pub fn new(id: String, kind: Kind) -> Self {
        let org_only = || (kind == Kind::Org).then(String::new);
        Measure {
            id,
            content: String::new(),
            goal: String::new(),
            deadline: Deadline::ByDate {
                date: String::new(),
            },
            lead: org_only(),
            owner: org_only(),
            dept: org_only(),
            status: Status::NotStarted,
            progress: String::new(),
            extension: None,
            updates: Vec::new(),
            closed: None,
            extra: Extra::new(),
        }
    }
}

impl Member {
    pub fn new(id: String) -> Self {
        Member {
            id,
            name: String::new(),
            position: String::new(),
            member_type: Some(MemberType::Full),
            problems: Vec::new(),
            branch_opinion: String::new(),
            origin: None,
            extra: Extra::new(),
        }
    }
}

impl Document {
    /// An empty list of `kind` with the category preset that kind uses by default.
    pub fn new(kind: Kind, id: String) -> Self {
        let preset = match kind {
            Kind::Org => crate::domain::list::vocabulary::SIX_ASPECTS,
            Kind::Member => crate::domain::list::vocabulary::FOUR_ASPECTS,
        };
        Document {
            format: crate::domain::FORMAT_NAME.to_string(),
            // No campaign named: the version every reader reads (`campaign::written_version`).
            version: 1,
            kind,
            id,
            revision: 1,
            header: Header {
                categories: preset.iter().map(|c| c.to_string()).collect(),
                ..Header::default()
            },
            problems: Vec::new(),
            members: Vec::new(),
            acknowledged: Vec::new(),
            review: None,
            meta: None,
            extra: Extra::new(),
        }
    }

    /// The same content as a list of its own, under `id`: revision 1, never exported, no review (a list made on
    /// another 党支部's file, kept beside that one instead of replacing it).
    pub fn as_new_list(&self, id: String) -> Document {
        Document {
            id,
            revision: 1,
            review: None,
            meta: None,
            ..self.clone()
        }
    }

    /// Every problem of the document with the member it belongs to (none for an org list), in order.
    pub fn all_problems(&self) -> impl Iterator<Item = (Option<&Member>, &Problem)> {
        let own = self.problems.iter().map(|p| (None, p));
        let members = self
            .members
            .iter()
            .flat_map(|m| m.problems.iter().map(move |p| (Some(m), p)));
        own.chain(members)
    }

    /// The member of a member's own list (`format.md`: a member list with exactly one member), if this is one.
    pub fn own_member(&self) -> Option<&Member> {
        match (self.kind, self.members.as_slice()) {
            (Kind::Member, [only]) => Some(only),
            _ => None,
        }
    }

    /// Every measure of the document, in order.
    pub fn all_measures(&self) -> impl Iterator<Item = &Measure> {
        self.all_problems().flat_map(|(_, p)| p.measures.iter())
    }
}
