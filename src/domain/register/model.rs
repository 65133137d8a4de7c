//! The campaign's other lists as the file holds them (`docs/format.md` § 15): 调研问题清单, 成果转化清单 and
//! 意见建议台账. One file, one register, of one kind; the header is the 检视整改 list's (党组织, 活动, 填报日期 …).

use serde::{Deserialize, Serialize};

use crate::domain::list::model::{Closing, Deadline, Header, Meta, Status};

/// Always the `format` of a register file.
pub const REGISTER_FORMAT: &str = "rectify-register";
/// The version this app writes and reads.
pub const REGISTER_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Register {
    /// Always `"rectify-register"`.
    pub format: String,
    /// Always 1.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 1)))]
    pub version: u32,
    pub kind: RegisterKind,
    /// The register's identity (UUID v4): the same across edits and re-exports.
    pub id: String,
    /// Raised by one at every export of an edited register.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1)))]
    pub revision: u32,
    /// 表头信息, as a 检视整改 list's (`batch` and `categories` as there; `categories` are 调研问题's 问题类别).
    pub header: Header,
    /// 调研课题, each with the problems it found (`kind: "survey"`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<Topic>,
    /// 成果 (`kind: "results"`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<Achievement>,
    /// 意见建议 (`kind: "opinions"`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opinions: Vec<Opinion>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RegisterKind {
    /// 调研问题清单
    Survey,
    /// 成果转化清单
    Results,
    /// 意见建议台账
    Opinions,
}

impl RegisterKind {
    pub const ALL: [RegisterKind; 3] = [
        RegisterKind::Survey,
        RegisterKind::Results,
        RegisterKind::Opinions,
    ];

    /// The title as the start page, print and the files say it.
    pub fn title(self) -> &'static str {
        match self {
            RegisterKind::Survey => "调研问题清单",
            RegisterKind::Results => "成果转化清单",
            RegisterKind::Opinions => "意见建议台账",
        }
    }
}

/// 调研课题: what was studied, when, how, under whom, and the problems it found.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Topic {
    pub id: String,
    /// 调研题目
    #[serde(default)]
    pub title: String,
    /// 调研时间: as written (`2023年5月`, `2023-05-12`).
    #[serde(default)]
    pub held: String,
    /// 调研方式/地点
    #[serde(default)]
    pub way: String,
    /// 牵头领导
    #[serde(default)]
    pub leader: String,
    /// 发现问题
    #[serde(default)]
    pub problems: Vec<SurveyProblem>,
}

/// A problem a 调研 found, with its 整改措施, followed to its 销号 as a 台账 measure is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct SurveyProblem {
    pub id: String,
    /// 问题类别
    #[serde(default)]
    pub category: String,
    /// 发现问题
    #[serde(default)]
    pub description: String,
    /// 整改措施: `""` while none is set (a problem 纳入检视整改 may have its measures there).
    #[serde(default)]
    pub measure: String,
    /// 责任领导
    #[serde(default)]
    pub lead: String,
    /// 责任单位
    #[serde(default)]
    pub dept: String,
    /// 完成时限, as a 检视整改 measure's 整改时限 (the same rules).
    pub deadline: Deadline,
    /// 整改状态
    #[serde(default)]
    pub status: Status,
    /// 完成情况
    #[serde(default)]
    pub progress: String,
    /// 销号
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<Closing>,
    /// 纳入检视整改: where it went.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub included: Option<Included>,
}

/// A 调研问题 or 意见建议 纳入检视整改: the 《党组织检视整改问题清单》 and its problem that took it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Included {
    /// The list's `id`.
    pub list: String,
    /// The problem's `id` there.
    pub problem: String,
}

/// 成果: what a 调研 turned into.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Achievement {
    pub id: String,
    /// 来源课题
    #[serde(default)]
    pub topic: String,
    /// 成果名称
    #[serde(default)]
    pub name: String,
    /// 转化形式
    #[serde(default)]
    pub form: Option<Form>,
    /// 具体内容
    #[serde(default)]
    pub content: String,
    /// 责任单位
    #[serde(default)]
    pub dept: String,
    /// 完成时限, `YYYY-MM-DD`
    #[serde(default)]
    pub due: String,
    /// 完成情况
    #[serde(default)]
    pub done: Option<Done>,
    /// 佐证材料, as text
    #[serde(default)]
    pub evidence: String,
}

/// 转化形式
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// 制度规定
    Rules,
    /// 工作举措
    Practice,
    /// 领导决策
    Decision,
    /// 为民办实事
    ForThePeople,
    /// 其他
    Other,
}

/// 完成情况 of a 成果
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Done {
    /// 已完成
    Done,
    /// 推进中
    Ongoing,
}

/// 意见建议: one collected, and what became of it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Opinion {
    pub id: String,
    /// 收集渠道
    #[serde(default)]
    pub channel: Option<Channel>,
    /// 收集日期, `YYYY-MM-DD`
    #[serde(default)]
    pub collected_on: String,
    /// 提出人: may be empty (an opinion is often given without a name).
    #[serde(default)]
    pub proposer: String,
    /// 意见建议内容
    #[serde(default)]
    pub content: String,
    /// 类别
    #[serde(default)]
    pub category: String,
    /// 承办单位
    #[serde(default)]
    pub dept: String,
    /// 办理措施
    #[serde(default)]
    pub action: String,
    /// 办理结果
    #[serde(default)]
    pub result: Option<Outcome>,
    /// 反馈情况: `None` 未反馈.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<Feedback>,
    /// 满意度, as the proposer said it (满意, 基本满意, 不满意 …)
    #[serde(default)]
    pub satisfaction: String,
    /// 转入问题清单: 纳入检视整改.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub included: Option<Included>,
}

/// 收集渠道
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// 警营开放日
    OpenDay,
    /// 建言献策
    Suggestions,
    /// 警民恳谈会
    Forum,
    /// 征求意见表
    Form,
    /// 其他
    Other,
}

/// 办理结果, the four grades of public practice's 办理答复.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum Outcome {
    /// A 已经解决或基本解决
    A,
    /// B 正在解决
    B,
    /// C 已列入计划逐步解决
    C,
    /// D 因条件限制暂时难以解决（已作解释）
    D,
}

/// 已反馈: when and how the proposer was answered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Feedback {
    /// 反馈日期, `YYYY-MM-DD`
    #[serde(default)]
    pub date: String,
    /// 反馈方式 (当面, 电话, 书面 …)
    #[serde(default)]
    pub way: String,
}

impl Register {
    /// An empty register of `kind`, under `header`.
    pub fn new(kind: RegisterKind, id: String, header: Header) -> Self {
        Register {
            format: REGISTER_FORMAT.to_string(),
            version: REGISTER_VERSION,
            kind,
            id,
            revision: 1,
            header,
            topics: Vec::new(),
            results: Vec::new(),
            opinions: Vec::new(),
            meta: None,
        }
    }

    /// Every 调研问题, in order, with its 课题.
    pub fn survey_problems(&self) -> impl Iterator<Item = (&Topic, &SurveyProblem)> {
        (self.topics.iter()).flat_map(|t| t.problems.iter().map(move |p| (t, p)))
    }
}

impl Form {
    pub const ALL: [Form; 5] = [
        Form::Rules,
        Form::Practice,
        Form::Decision,
        Form::ForThePeople,
        Form::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Form::Rules => "制度规定",
            Form::Practice => "工作举措",
            Form::Decision => "领导决策",
            Form::ForThePeople => "为民办实事",
            Form::Other => "其他",
        }
    }
}

impl Done {
    pub const ALL: [Done; 2] = [Done::Done, Done::Ongoing];

    pub fn label(self) -> &'static str {
        match self {
            Done::Done => "已完成",
            Done::Ongoing => "推进中",
        }
    }
}

impl Channel {
    pub const ALL: [Channel; 5] = [
        Channel::OpenDay,
        Channel::Suggestions,
        Channel::Forum,
        Channel::Form,
        Channel::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Channel::OpenDay => "警营开放日",
            Channel::Suggestions => "建言献策",
            Channel::Forum => "警民恳谈会",
            Channel::Form => "征求意见表",
            Channel::Other => "其他",
        }
    }
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [Outcome::A, Outcome::B, Outcome::C, Outcome::D];

    pub fn label(self) -> &'static str {
        match self {
            Outcome::A => "A 已经解决或基本解决",
            Outcome::B => "B 正在解决",
            Outcome::C => "C 已列入计划逐步解决",
            Outcome::D => "D 因条件限制暂时难以解决（已作解释）",
        }
    }
}

/// The choice among `all` whose label (or its letter, for 办理结果) a cell or a select says: the label itself, or
/// the label's words inside the text (`已完成。` is 已完成, `A` and `A类` are A).
pub fn choice_of<T: Copy>(all: &[T], label: impl Fn(T) -> &'static str, text: &str) -> Option<T> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let words = |c: T| label(c).split(' ').next_back().unwrap_or_default();
    (all.iter().copied())
        .find(|&c| label(c) == text || words(c) == text)
        .or_else(|| {
            all.iter()
                .copied()
                .find(|&c| label(c).split(' ').next() == text.get(..1))
        })
        .or_else(|| all.iter().copied().find(|&c| text.contains(words(c))))
}
