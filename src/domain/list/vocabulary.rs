//! The words of `format.md` that are data rather than labels: the category presets and the stock phrases that
//! make a description a 万能问题. Both lists grow here and nowhere else.

/// 六个方面: the org list's default categories.
pub const SIX_ASPECTS: &[&str] = &[
    "理论学习",
    "政治素质",
    "能力本领",
    "担当作为",
    "工作作风",
    "廉洁自律",
];

/// 四个方面: members' categories in the second batch's 专题组织生活会.
pub const FOUR_ASPECTS: &[&str] = &[
    "学习贯彻党的创新理论",
    "党性修养提高",
    "联系服务群众",
    "发挥先锋模范作用",
];

/// Stock phrases that say nothing specific (万能问题). A description that is only one of these gets a warning.
/// Grow the list here; nothing else needs to change.
pub const GENERIC_PHRASES: &[&str] = &[
    "学习不够深入",
    "学习不够系统",
    "作风不够扎实",
    "工作不够细致",
    "创新意识不强",
    "担当意识不强",
    "理论学习不够",
    "标准不高",
    "要求不严",
];

/// Stock goals that name no result anyone could check (万能目标). A goal that is only one of these gets a warning.
pub const GENERIC_GOALS: &[&str] = &[
    "群众满意",
    "取得明显成效",
    "取得实效",
    "明显改善",
    "有效解决",
    "得到解决",
    "得到提升",
    "明显提升",
    "进一步提高",
    "全面完成",
    "按时完成",
    "彻底整改",
    "整改到位",
];

/// The category presets of `format.md`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    SixAspects,
    FourAspects,
}

impl Preset {
    pub fn categories(self) -> &'static [&'static str] {
        match self {
            Preset::SixAspects => SIX_ASPECTS,
            Preset::FourAspects => FOUR_ASPECTS,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Preset::SixAspects => "六个方面",
            Preset::FourAspects => "四个方面",
        }
    }
}
