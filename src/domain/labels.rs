//! Every Chinese term of the app in one place: what the user sees, what print shows, what messages name. The
//! words that are data (category presets, stock phrases) are in `vocabulary`.

use crate::domain::list::model::{Batch, Kind, MemberType, Source, Status};

impl Kind {
    /// The list's full title, as printed.
    pub fn title(self) -> &'static str {
        match self {
            Kind::Org => "党组织检视整改问题清单",
            Kind::Member => "党员检视整改问题清单",
        }
    }

    /// The short name used in file names and draft lists.
    pub fn short_name(self) -> &'static str {
        match self {
            Kind::Org => "党组织清单",
            Kind::Member => "党员清单",
        }
    }
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "未整改",
            Status::InProgress => "正在整改",
            Status::Done => "已完成整改",
            Status::PhasedLongTerm => "阶段性完成并长期坚持",
            Status::Extended => "申请延期",
            Status::NotDone => "未完成",
        }
    }
}

impl Source {
    pub fn label(self) -> &'static str {
        match self {
            Source::Research => "调查研究发现",
            Source::Opinions => "征求意见 / 群众反映",
            Source::SelfReview => "检视剖析（自己找）",
            Source::Superior => "上级点评反馈",
            Source::Inspection => "巡视巡察反馈",
            Source::Audit => "审计监督发现",
            Source::Development => "推动发展遇到的问题",
            Source::Mutual => "互相帮（谈心谈话、批评与自我批评）",
            Source::Other => "其他",
        }
    }
}

/// Who a finished file goes to: a member hands their own list to their 党支部, which gathers it into the branch's
/// 党员清单; a branch reports its lists to the office above (the 2023 主题教育 had 主题教育办公室 everywhere; other
/// campaigns name no such office).
pub fn hand_in_to(
    personal: bool,
    campaign: &crate::domain::list::campaign::Active,
) -> &'static str {
    if personal {
        "交给本党支部（支部书记或负责收集的支部委员），由支部汇入支部的党员清单"
    } else if campaign.legacy {
        "报送上级党组织（主题教育办公室）"
    } else {
        "报送上级党组织"
    }
}

impl Source {
    /// The term printed on paper (the 清单, its Word file): the campaign's own words, without the form's hints.
    pub fn formal(self) -> &'static str {
        match self {
            Source::Research => "调查研究发现",
            Source::Opinions => "征求意见、群众反映",
            Source::SelfReview => "检视剖析",
            Source::Superior => "上级点评反馈",
            Source::Inspection => "巡视巡察反馈",
            Source::Audit => "审计监督发现",
            Source::Development => "推动发展中发现",
            Source::Mutual => "谈心谈话、批评与自我批评",
            Source::Other => "其他",
        }
    }
}

impl Batch {
    pub fn label(self) -> &'static str {
        match self {
            Batch::First => "第一批",
            Batch::Second => "第二批",
        }
    }
}

impl MemberType {
    pub fn label(self) -> &'static str {
        match self {
            MemberType::Full => "正式党员",
            MemberType::Probationary => "预备党员",
        }
    }
}

/// The label of a field by its key in `format.md`, as the form and the messages name it.
pub fn field_label(key: &str) -> &'static str {
    match key {
        "org_name" => "党组织名称",
        "parent_org" => "上级党组织",
        "campaign" => "活动",
        "batch" => "主题教育批次",
        "filed_on" => "填报日期",
        "filed_by" => "填报人",
        "phone" => "联系电话",
        "reviewer" => "审核人（支部书记）",
        "categories" => "问题类别",
        "category" => "问题类别",
        "sources" => "问题来源",
        "description" => "问题表现",
        "measures" => "整改措施",
        "remark" => "备注",
        "content" => "措施内容",
        "goal" => "整改目标",
        "deadline" => "整改时限",
        "lead" => "牵头责任人（责任领导）",
        "owner" => "具体责任人",
        "dept" => "责任单位（部门）",
        "status" => "整改状态",
        "progress" => "完成情况",
        "extension" => "延期",
        "updates" => "进展记录",
        "closed" => "销号",
        "name" => "姓名",
        "position" => "职务（岗位）",
        "member_type" => "党员类别",
        "branch_opinion" => "支部意见",
        "problems" => "问题",
        "members" => "党员",
        "header" => "表头信息",
        "acknowledged" => "已确认的提醒",
        "meta" => "文件信息",
        "format" => "文件格式标记",
        "version" => "格式版本",
        "kind" => "清单类型",
        "id" => "编号",
        "revision" => "修订号",
        "date" => "日期",
        "new_date" => "延期后的日期",
        "reason" => "理由",
        "approved_by" => "批准人",
        "by" => "销号人",
        "opinion" => "销号意见",
        "text" => "内容",
        "type" => "类型",
        "path" => "位置",
        "rule" => "规则",
        "list" => "所审核的清单",
        "verdict" => "审核结论",
        "reviewed_on" => "审核日期",
        "comments" => "审核意见",
        "digest" => "校验码",
        "seen" => "审核时的指纹",
        "answer" => "答复",
        "revised" => "已修改",
        "earlier_text" => "原来的意见",
        _ => "",
    }
}

/// The hint and one real example shown under a long-text field, by its key: what a good entry looks like,
/// and for 问题表现 what a 万能问题 looks like by contrast.
pub fn field_hint(key: &str) -> Option<(&'static str, &'static str)> {
    Some(match key {
        "description" => (
            "写具体：在哪件事上、到什么程度、有什么数字或例子。不要只写一句套话。",
            "具体的写法：“2023年上半年6次集体学习中研讨发言仅2次，结合公安工作实际谈体会不够，学用脱节。” 万能问题（不要这样写）：“学习不够深入。”",
        ),
        "content" => (
            "写清做什么、做到什么程度、什么时候完成，最好有数量和时间节点。",
            "例如：“制定支部年度学习计划，每月至少组织1次专题研讨，2023年12月底前每名党员至少发言1次。”",
        ),
        "goal" => (
            "整改后要达到的、能检查的结果。",
            "例如：“联网路口由8处增至23处”“发言覆盖率100%”。",
        ),
        "progress" => (
            "已经做了什么、效果如何；销号前至少写10个字。",
            "例如：“10月完成两期轮训共86人次，考核细则已印发执行。”",
        ),
        _ => return None,
    })
}
