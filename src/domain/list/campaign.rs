//! 活动: the campaign a list belongs to — its name in titles, its period, its batches, the categories and 问题来源 it
//! offers — and the presets for the campaigns since 2023 (`docs/format.md` § 3.7 says where each fact comes from).
//!
//! A list without a campaign is the 2023 主题教育, read, checked and printed exactly as before campaigns could be
//! chosen; choosing that preset leaves the key out again, so its files stay version 1, byte for byte.

use chrono::NaiveDate;

use crate::domain::dates;
use crate::domain::list::model::{Batch, Campaign, Document, Header, Kind, Source};
use crate::domain::list::vocabulary::{FOUR_ASPECTS, SIX_ASPECTS};
use crate::domain::names;

/// The version a list is written as: 2 when it names its campaign (a version 1 reader would print and check it as
/// the 2023 主题教育), else 1, which every reader so far reads.
pub fn written_version(doc: &Document) -> u32 {
    if doc.header.campaign.is_some() {
        2
    } else {
        1
    }
}

/// The code of a campaign defined by hand (自定义).
pub const CUSTOM: &str = "custom";
/// The code of the 2023 主题教育, the campaign of a list that names none.
pub const THEME_2023: &str = "theme_2023";

/// A date as a preset writes it: year, month, day.
type Ymd = (i32, u32, u32);
/// A batch and its first and last day.
pub type BatchDates = (Batch, Ymd, Ymd);

/// A campaign the app knows, as published.
#[derive(Debug, PartialEq, Eq)]
pub struct Preset {
    pub code: &'static str,
    /// As titles print it.
    pub name: &'static str,
    /// As a sentence names it (对照主题教育目标任务).
    pub short: &'static str,
    /// 活动期间, first and last day.
    pub start: Ymd,
    pub end: Ymd,
    /// Its batches, each with its own period (only the 2023 主题教育 had them).
    pub batches: &'static [BatchDates],
    pub org_categories: &'static [&'static str],
    pub member_categories: &'static [&'static str],
    /// The 问题来源 offered; empty: all.
    pub sources: &'static [Source],
}

/// The 问题来源 a campaign that sets no tasks of 调查研究 and 推动发展 offers: those two were the 2023 主题教育's own
/// tasks (理论学习、调查研究、推动发展、检视整改).
const WITHOUT_2023_TASKS: &[Source] = &[
    Source::Opinions,
    Source::SelfReview,
    Source::Superior,
    Source::Inspection,
    Source::Audit,
    Source::Mutual,
    Source::Other,
];

/// The presets, newest first (the order the choice lists them).
pub const PRESETS: &[Preset] = &[
    Preset {
        code: "performance_2026",
        name: "树立和践行正确政绩观学习教育",
        short: "学习教育",
        start: (2026, 2, 24),
        end: (2026, 7, 31),
        batches: &[],
        org_categories: &[],
        member_categories: &[],
        sources: &[],
    },
    Preset {
        code: "eight_rules_2025",
        name: "深入贯彻中央八项规定精神学习教育",
        short: "学习教育",
        start: (2025, 3, 12),
        end: (2025, 7, 31),
        batches: &[],
        org_categories: &[],
        member_categories: &[],
        sources: WITHOUT_2023_TASKS,
    },
    Preset {
        code: "discipline_2024",
        name: "党纪学习教育",
        short: "党纪学习教育",
        start: (2024, 4, 1),
        end: (2024, 7, 31),
        batches: &[],
        org_categories: &[],
        member_categories: &[],
        sources: WITHOUT_2023_TASKS,
    },
    Preset {
        code: THEME_2023,
        name: "学习贯彻习近平新时代中国特色社会主义思想主题教育",
        short: "主题教育",
        start: (2023, 4, 1),
        end: (2024, 1, 31),
        batches: &[
            (Batch::First, (2023, 4, 1), (2023, 8, 31)),
            (Batch::Second, (2023, 9, 1), (2024, 1, 31)),
        ],
        org_categories: SIX_ASPECTS,
        member_categories: FOUR_ASPECTS,
        sources: &[],
    },
];

/// How titles name each preset, longest first: a table titled 党纪学习教育检视整改问题清单 is that campaign's list,
/// and the words are no 党组织's name.
const IN_TITLES: &[(&str, &str)] = &[
    (
        "学习贯彻习近平新时代中国特色社会主义思想主题教育",
        THEME_2023,
    ),
    ("深入贯彻中央八项规定精神学习教育", "eight_rules_2025"),
    ("树立和践行正确政绩观学习教育", "performance_2026"),
    ("中央八项规定精神学习教育", "eight_rules_2025"),
    ("八项规定精神学习教育", "eight_rules_2025"),
    ("正确政绩观学习教育", "performance_2026"),
    ("党纪学习教育", "discipline_2024"),
    ("主题教育", THEME_2023),
];

/// The campaign a title's words name, and where its name starts in them: `中共××支部委员会党纪学习教育` → (the
/// 党纪学习教育 preset, at the byte where 党纪 begins).
pub fn named_in(title: &str) -> Option<(usize, &'static Preset)> {
    IN_TITLES
        .iter()
        .find_map(|(words, code)| Some((title.find(words)?, preset(code)?)))
}

fn day((y, m, d): Ymd) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a preset's dates are real")
}

/// The preset of `code`, if the app knows it.
pub fn preset(code: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.code == code)
}

impl Preset {
    /// The campaign as a list carries it; `None` for the 2023 主题教育, which a list carries by naming none.
    pub fn campaign(&self) -> Option<Campaign> {
        let owned = |list: &[&str]| list.iter().map(|c| c.to_string()).collect();
        (self.code != THEME_2023).then(|| Campaign {
            preset: self.code.to_string(),
            name: self.name.to_string(),
            start: dates::iso(day(self.start)),
            end: dates::iso(day(self.end)),
            org_categories: owned(self.org_categories),
            member_categories: owned(self.member_categories),
            sources: self.sources.to_vec(),
        })
    }
}

/// The campaign a list belongs to, as the rules use it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Active {
    /// Tells campaigns apart in 汇总: the preset's code, or `custom:` and the name's key.
    pub key: String,
    pub name: String,
    pub short: String,
    /// 活动期间, when both ends are real dates.
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// Its first day, when set (a campaign may give only its start).
    pub start: Option<NaiveDate>,
    pub batches: &'static [BatchDates],
    pub org_categories: Vec<String>,
    pub member_categories: Vec<String>,
    pub sources: Vec<Source>,
    /// The 2023 主题教育 named by no key: every rule as it always was.
    pub legacy: bool,
}

impl Active {
    /// The campaign of a list's header.
    pub fn of(header: &Header) -> Active {
        Active::of_campaign(header.campaign.as_ref())
    }

    /// The campaign a header's `campaign` names (`None`: the 2023 主题教育).
    pub fn of_campaign(campaign: Option<&Campaign>) -> Active {
        match campaign {
            None => Active::theme_2023(),
            Some(c) => Active::from(c),
        }
    }

    /// The 2023 主题教育 as its preset says it, with every rule as it always was.
    fn theme_2023() -> Active {
        let p = preset(THEME_2023).expect("the 2023 preset is there");
        let owned = |list: &[&str]| list.iter().map(|c| c.to_string()).collect();
        Active {
            key: THEME_2023.to_string(),
            name: p.name.to_string(),
            short: p.short.to_string(),
            period: Some((day(p.start), day(p.end))),
            start: Some(day(p.start)),
            batches: p.batches,
            org_categories: owned(p.org_categories),
            member_categories: owned(p.member_categories),
            sources: p.sources.to_vec(),
            legacy: true,
        }
    }

    fn from(c: &Campaign) -> Active {
        let known = preset(&c.preset).filter(|p| p.code != CUSTOM);
        let name = c.name.trim().to_string();
        let start = dates::parse(&c.start);
        let end = dates::parse(&c.end);
        Active {
            key: match known {
                Some(p) => p.code.to_string(),
                None => format!("{CUSTOM}:{}", names::key(&name)),
            },
            short: known.map_or_else(|| name.clone(), |p| p.short.to_string()),
            name,
            period: start.zip(end).filter(|(s, e)| s <= e),
            start,
            batches: known.map_or(&[], |p| p.batches),
            org_categories: c.org_categories.clone(),
            member_categories: c.member_categories.clone(),
            sources: c.sources.clone(),
            legacy: false,
        }
    }

    /// The categories a new list of `kind` starts with; empty when the campaign publishes none.
    pub fn categories(&self, kind: Kind) -> &[String] {
        match kind {
            Kind::Org => &self.org_categories,
            Kind::Member => &self.member_categories,
        }
    }

    /// Whether the form offers `source`: the campaign's own, or all of them when it names none.
    pub fn offers(&self, source: Source) -> bool {
        self.sources.is_empty() || self.sources.contains(&source)
    }

    /// The period of a batch, when the campaign has batches and `batch` is one of them.
    pub fn batch_period(&self, batch: Batch) -> Option<(NaiveDate, NaiveDate)> {
        self.batches
            .iter()
            .find(|(b, _, _)| *b == batch)
            .map(|(_, s, e)| (day(*s), day(*e)))
    }

    /// `2024年4月1日至2024年7月31日`, or what is set of it.
    pub fn period_text(&self) -> Option<String> {
        match (self.start, self.period) {
            (_, Some((s, e))) => Some(format!("{}至{}", dates::official(s), dates::official(e))),
            (Some(s), None) => Some(format!("{}起", dates::official(s))),
            _ => None,
        }
    }

    /// `…检视整改问题清单` and `…党员检视整改问题清单`: the title line of a printed list.
    pub fn title(&self, kind: Kind) -> String {
        match kind {
            Kind::Org => format!("{}检视整改问题清单", self.name),
            Kind::Member => format!("{}党员检视整改问题清单", self.name),
        }
    }
}

/// The line under a 台账's title: `截至2024年6月5日`, with the campaign before it when the list names one
/// (`党纪学习教育　截至…`); a list of the 2023 主题教育 keeps the line it always had.
pub fn as_of_line(header: &Header, as_of: &str) -> String {
    let active = Active::of(header);
    if active.legacy {
        format!("截至{as_of}")
    } else {
        format!("{}\u{3000}截至{as_of}", active.name)
    }
}

/// How the start page names a list's campaign: its name (the 2023 主题教育 by its short one, with its batch).
pub fn label(header: &Header) -> String {
    let active = Active::of(header);
    let name = if active.legacy {
        active.short
    } else {
        active.name
    };
    match header.batch.filter(|_| !active.batches.is_empty()) {
        Some(b) => format!("{name}（{}）", b.label()),
        None => name,
    }
}

/// Why a 填报日期 does not fit the list's campaign, if it does not. The 2023 主题教育 keeps the window of the first
/// contract (2023-04-01 to 2025-12-31): its lists were handed in again while 整改 went on, long after the batches
/// ended, and every file handed in so far must check as it did. Another campaign warns a date before it began: a
/// typo, or the wrong 活动 chosen. A date after it ended is no sign of either — 整改 goes on until every measure is
/// closed, and the list with it.
pub fn filed_on_outside(active: &Active, filed_on: NaiveDate) -> Option<String> {
    if active.legacy {
        let (start, end) = (day((2023, 4, 1)), day((2025, 12, 31)));
        return (filed_on < start || filed_on > end).then(|| {
            format!(
                "填报日期是{}，不在主题教育期间（2023年4月1日至2025年12月31日），请核对是否填错。",
                dates::official(filed_on)
            )
        });
    }
    let start = active.start?;
    (filed_on < start).then(|| {
        let period = active.period_text().unwrap_or_default();
        format!(
            "填报日期是{}，早于{}的开始日期（活动期间：{period}），请核对填报日期是否填错，或者“活动”是否选对。",
            dates::official(filed_on),
            active.name
        )
    })
}

/// A field of a campaign defined by hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CampaignField {
    Name,
    Start,
    End,
}

/// `doc` now of `campaign`. A campaign without batches takes the batch away. One that publishes its categories
/// for the list's kind brings them, and keeps every category a problem of the list already uses (nothing typed is
/// lost); one that publishes none keeps the list's own.
pub fn choose(doc: &mut Document, campaign: Option<Campaign>) {
    doc.header.campaign = campaign;
    doc.version = written_version(doc);
    let active = Active::of(&doc.header);
    if active.batches.is_empty() {
        doc.header.batch = None;
    }
    let offered = active.categories(doc.kind);
    if offered.is_empty() {
        return;
    }
    let mut categories = offered.to_vec();
    for (_, p) in doc.all_problems() {
        if !p.category.trim().is_empty() && !categories.contains(&p.category) {
            categories.push(p.category.clone());
        }
    }
    doc.header.categories = categories;
}

/// Sets a field of the list's campaign defined by hand; `false` when there is none or nothing changed.
pub fn set_field(header: &mut Header, field: CampaignField, value: String) -> bool {
    let Some(c) = header.campaign.as_mut().filter(|c| c.preset == CUSTOM) else {
        return false;
    };
    let slot = match field {
        CampaignField::Name => &mut c.name,
        CampaignField::Start => &mut c.start,
        CampaignField::End => &mut c.end,
    };
    if *slot == value {
        return false;
    }
    *slot = value;
    true
}

/// A new list of `kind` in `campaign`. Its categories are the campaign's for that kind; where the campaign
/// publishes none, the user's own (`own`: the categories of their latest list of that kind) — never invented.
pub fn new_list(kind: Kind, id: String, campaign: Option<Campaign>, own: &[String]) -> Document {
    let mut doc = Document::new(kind, id);
    choose(&mut doc, campaign);
    if Active::of(&doc.header).categories(kind).is_empty() {
        doc.header.categories = own.to_vec();
    }
    doc
}

/// What is wrong with a hand-defined campaign, field by field (`name`, `start`, `end`), in Chinese.
pub fn problems(c: &Campaign) -> Vec<(&'static str, &'static str, String)> {
    let mut out = Vec::new();
    let n = c.name.trim().chars().count();
    if n == 0 {
        out.push((
            "name",
            "campaign_name_required",
            "请填写活动名称，如“2026年度专题组织生活会”，打印的标题会用它。".to_string(),
        ));
    } else if n > 40 {
        out.push((
            "name",
            "campaign_name_length",
            format!("活动名称有{n}个字，超过了40个字的上限，请精简（它要印在标题里）。"),
        ));
    }
    let date = |key: &'static str, text: &str, label: &str, out: &mut Vec<_>| {
        let text = text.trim();
        if !text.is_empty() && dates::parse(text).is_none() {
            out.push((
                key,
                "campaign_date_invalid",
                format!("活动的{label}“{text}”不是有效日期，请用日期选择框重新选择，或者空着。"),
            ));
        }
    };
    date("start", &c.start, "开始日期", &mut out);
    date("end", &c.end, "结束日期", &mut out);
    if let (Some(s), Some(e)) = (dates::parse(&c.start), dates::parse(&c.end)) {
        if e < s {
            out.push((
                "end",
                "campaign_period_reversed",
                format!(
                    "活动的结束日期（{}）早于开始日期（{}），请核对。",
                    dates::official(e),
                    dates::official(s)
                ),
            ));
        }
    }
    out
}

/// A 调度 period kept within the campaign: it starts no earlier than the campaign did (there is nothing to
/// dispatch before it). After its end 整改 goes on, and so does 调度.
pub fn clamp_start(active: &Active, from: NaiveDate) -> NaiveDate {
    match active.start {
        Some(start) if from < start => start,
        _ => from,
    }
}

/// The choices of 活动 in order: the presets, then the campaigns defined on this computer (`kept`), each once by
/// its key.
pub fn choices(kept: &[Campaign]) -> Vec<(String, Option<Campaign>)> {
    let mut out: Vec<(String, Option<Campaign>)> = PRESETS
        .iter()
        .map(|p| (p.name.to_string(), p.campaign()))
        .collect();
    let mut seen: Vec<String> = Vec::new();
    for c in kept {
        let key = Active::from(c).key;
        if c.preset != CUSTOM || c.name.trim().is_empty() || seen.contains(&key) {
            continue;
        }
        seen.push(key);
        out.push((format!("{}（自定义）", c.name.trim()), Some(c.clone())));
    }
    out
}

/// The 活动 a list in `chosen` may choose: `choices`, the list's own campaign when it is none of them (one being
/// defined, one from a file), then 自定义新活动…; and which of them is `chosen`.
pub fn options(
    kept: &[Campaign],
    chosen: &Option<Campaign>,
) -> (Vec<(String, Option<Campaign>)>, usize) {
    let mut out = choices(kept);
    let same = |c: &Option<Campaign>| match (c, chosen) {
        (Some(a), Some(b)) if b.preset != CUSTOM && preset(&b.preset).is_some() => {
            a.preset == b.preset
        }
        _ => c == chosen,
    };
    let at = match out.iter().position(|(_, c)| same(c)) {
        Some(at) => at,
        None => {
            let name = chosen.as_ref().map_or("", |c| c.name.trim());
            let name = if name.is_empty() { "未命名" } else { name };
            out.push((format!("{name}（自定义）"), chosen.clone()));
            out.len() - 1
        }
    };
    out.push((
        "自定义新活动…".to_string(),
        Some(Campaign {
            preset: CUSTOM.to_string(),
            ..Campaign::default()
        }),
    ));
    (out, at)
}

/// The files of one 活动 in a set of files (汇总).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Share {
    pub key: String,
    pub name: String,
    /// Its first day, when set.
    pub start: Option<NaiveDate>,
    /// Its files that are lists.
    pub files: usize,
}

/// The 活动 of the lists received, in the order first met, and which one is consolidated: the office's choice
/// (`said`, a key) when it has files, else the one whose newest file was exported last — the campaign being worked
/// on now. `lists` gives each list's header and `exported_at` (empty for an unsealed one).
pub fn split<'a>(
    lists: impl Iterator<Item = (&'a Header, &'a str)>,
    said: &str,
) -> (Vec<Share>, Option<String>) {
    let mut shares: Vec<(Share, &str)> = Vec::new();
    for (header, exported_at) in lists {
        let active = Active::of(header);
        match shares.iter_mut().find(|(s, _)| s.key == active.key) {
            Some((share, latest)) => {
                share.files += 1;
                if exported_at > *latest {
                    *latest = exported_at;
                }
            }
            None => shares.push((
                Share {
                    key: active.key,
                    name: active.name,
                    start: active.start,
                    files: 1,
                },
                exported_at,
            )),
        }
    }
    let chosen = shares
        .iter()
        .find(|(s, _)| s.key == said)
        .or_else(|| {
            shares
                .iter()
                .max_by(|a, b| (a.1, a.0.files).cmp(&(b.1, b.0.files)))
        })
        .map(|(s, _)| s.key.clone());
    (shares.into_iter().map(|(s, _)| s).collect(), chosen)
}

/// `kept` with `campaign` in front (newest first), a custom one replacing its earlier definition: what this
/// computer remembers of the campaigns defined by hand.
pub fn remember(kept: &[Campaign], campaign: &Campaign) -> Vec<Campaign> {
    if campaign.preset != CUSTOM || campaign.name.trim().is_empty() {
        return kept.to_vec();
    }
    let key = Active::from(campaign).key;
    let mut out = vec![campaign.clone()];
    out.extend(
        kept.iter()
            .filter(|c| Active::from(c).key != key)
            .take(19)
            .cloned(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_list_without_a_campaign_is_the_2023_theme_education_checked_as_before() {
        let a = Active::of(&Header::default());
        assert!(a.legacy);
        assert_eq!(a.key, THEME_2023);
        assert_eq!(
            a.title(Kind::Org),
            "学习贯彻习近平新时代中国特色社会主义思想主题教育检视整改问题清单"
        );
        assert_eq!(filed_on_outside(&a, date(2025, 12, 31)), None);
        assert_eq!(
            filed_on_outside(&a, date(2026, 12, 7)).as_deref(),
            Some("填报日期是2026年12月7日，不在主题教育期间（2023年4月1日至2025年12月31日），请核对是否填错。")
        );
        assert_eq!(
            a.batch_period(Batch::Second),
            Some((date(2023, 9, 1), date(2024, 1, 31)))
        );
        // Choosing the 2023 preset names no campaign: the file stays as it always was.
        assert_eq!(preset(THEME_2023).unwrap().campaign(), None);
    }

    #[test]
    fn another_campaign_warns_a_date_before_it_began_never_one_after_it_ended() {
        let header = Header {
            campaign: preset("discipline_2024").unwrap().campaign(),
            ..Header::default()
        };
        let a = Active::of(&header);
        assert_eq!(a.key, "discipline_2024");
        assert_eq!(a.title(Kind::Member), "党纪学习教育党员检视整改问题清单");
        assert_eq!(
            filed_on_outside(&a, date(2026, 12, 7)),
            None,
            "整改 goes on"
        );
        let said = filed_on_outside(&a, date(2024, 3, 5)).unwrap();
        assert!(
            said.contains("早于党纪学习教育的开始日期（活动期间：2024年4月1日至2024年7月31日）"),
            "{said}"
        );
        assert!(!a.offers(Source::Research));
        assert!(a.offers(Source::Opinions));
        assert!(a.categories(Kind::Org).is_empty(), "no categories invented");
    }

    #[test]
    fn a_campaign_of_ones_own_may_have_no_period_and_is_told_apart_by_its_name() {
        let own = Campaign {
            preset: CUSTOM.into(),
            name: " 2026年度专题组织生活会 ".into(),
            ..Campaign::default()
        };
        let a = Active::from(&own);
        assert_eq!(a.key, "custom:2026年度专题组织生活会");
        assert_eq!(
            filed_on_outside(&a, date(2020, 1, 1)),
            None,
            "no period, no warning"
        );
        assert!(problems(&own).is_empty());
        let wrong = Campaign {
            name: String::new(),
            start: "2026-13-01".into(),
            end: "2026-01-01".into(),
            ..own.clone()
        };
        let codes: Vec<_> = problems(&wrong).iter().map(|p| p.1).collect();
        assert_eq!(codes, ["campaign_name_required", "campaign_date_invalid"]);
        let reversed = Campaign {
            start: "2026-06-01".into(),
            end: "2026-01-01".into(),
            ..own.clone()
        };
        assert_eq!(problems(&reversed)[0].1, "campaign_period_reversed");
        // A code this reader does not know reads as the file describes it.
        let future = Campaign {
            preset: "some_2030".into(),
            name: "某学习教育".into(),
            start: "2030-03-01".into(),
            ..Campaign::default()
        };
        let a = Active::from(&future);
        assert_eq!(a.key, "custom:某学习教育");
        assert!(filed_on_outside(&a, date(2030, 2, 1)).is_some());
    }

    #[test]
    fn this_computer_remembers_each_campaign_of_its_own_once_newest_first() {
        let own = |name: &str, start: &str| Campaign {
            preset: CUSTOM.into(),
            name: name.into(),
            start: start.into(),
            ..Campaign::default()
        };
        let kept = remember(&[], &own("甲", ""));
        let kept = remember(&kept, &own("乙", ""));
        let kept = remember(&kept, &own("甲", "2026-01-01"));
        assert_eq!(kept.len(), 2);
        assert_eq!(
            (kept[0].name.as_str(), kept[0].start.as_str()),
            ("甲", "2026-01-01")
        );
        let names: Vec<String> = choices(&kept).into_iter().map(|c| c.0).collect();
        assert_eq!(
            names,
            [
                "树立和践行正确政绩观学习教育",
                "深入贯彻中央八项规定精神学习教育",
                "党纪学习教育",
                "学习贯彻习近平新时代中国特色社会主义思想主题教育",
                "甲（自定义）",
                "乙（自定义）"
            ]
        );
        let preset_kept = remember(
            &kept,
            &preset("discipline_2024").unwrap().campaign().unwrap(),
        );
        assert_eq!(
            preset_kept, kept,
            "presets are not kept: the app knows them"
        );
    }

    #[test]
    fn choosing_a_campaign_keeps_what_the_list_uses_and_never_invents_categories() {
        let mut doc = new_list(Kind::Org, "x".into(), None, &[]);
        assert_eq!(
            doc.header.categories.len(),
            6,
            "the 2023 主题教育's 六个方面"
        );
        doc.header.batch = Some(Batch::Second);
        doc.problems.push(crate::domain::list::model::Problem::new(
            "p".into(),
            "执法规范".into(),
        ));
        let discipline = preset("discipline_2024").unwrap().campaign();
        choose(&mut doc, discipline.clone());
        assert_eq!(doc.header.batch, None, "党纪学习教育 has no batches");
        assert_eq!(
            doc.header.categories.len(),
            6,
            "no categories published: the list's own stay"
        );
        choose(&mut doc, None);
        assert!(
            doc.header.categories.contains(&"执法规范".to_string()),
            "in use: kept"
        );
        let own = vec!["政治纪律".to_string(), "廉洁纪律".to_string()];
        let fresh = new_list(Kind::Member, "y".into(), discipline, &own);
        assert_eq!(fresh.header.categories, own, "the user's own categories");
        let mut custom = new_list(
            Kind::Org,
            "z".into(),
            Some(Campaign {
                preset: CUSTOM.into(),
                ..Campaign::default()
            }),
            &[],
        );
        assert!(custom.header.categories.is_empty());
        assert!(set_field(
            &mut custom.header,
            CampaignField::Name,
            "2026年度专题组织生活会".into()
        ));
        assert_eq!(
            Active::of(&custom.header).title(Kind::Org),
            "2026年度专题组织生活会检视整改问题清单"
        );
        let mut legacy = new_list(Kind::Org, "w".into(), None, &[]);
        assert!(
            !set_field(&mut legacy.header, CampaignField::Name, "x".into()),
            "only a campaign of one's own"
        );
    }

    #[test]
    fn the_choice_names_the_lists_own_campaign_and_offers_a_new_one_last() {
        let own = Campaign {
            preset: CUSTOM.into(),
            name: "支部专题组织生活会".into(),
            ..Campaign::default()
        };
        let (legacy, at) = options(&[], &None);
        assert_eq!(
            legacy[at].0,
            "学习贯彻习近平新时代中国特色社会主义思想主题教育"
        );
        assert_eq!(legacy.last().unwrap().0, "自定义新活动…");
        let (mine, at) = options(&[], &Some(own.clone()));
        assert_eq!(mine[at].0, "支部专题组织生活会（自定义）");
        let (kept, at) = options(std::slice::from_ref(&own), &Some(own.clone()));
        assert_eq!(kept[at].0, "支部专题组织生活会（自定义）");
        assert_eq!(kept.len(), 6);
        let discipline = preset("discipline_2024").unwrap().campaign();
        let (_, at) = options(&[], &discipline);
        assert_eq!(at, 2);
    }

    #[test]
    fn dispatch_starts_no_earlier_than_the_campaign() {
        let header = Header {
            campaign: preset("eight_rules_2025").unwrap().campaign(),
            ..Header::default()
        };
        let a = Active::of(&header);
        assert_eq!(clamp_start(&a, date(2025, 3, 1)), date(2025, 3, 12));
        assert_eq!(clamp_start(&a, date(2025, 9, 1)), date(2025, 9, 1));
    }
}
