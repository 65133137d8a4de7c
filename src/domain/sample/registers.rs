//! The campaign's other lists as the bureau kept them (`register`): the totals of its own end-of-campaign report —
//! 21 调研课题 that found 38 调研问题 with 36 整改措施, 7 成果转化 done, 68 意见建议 collected — spread over the
//! branches of `campaign::BRANCHES` the way real ones are: a dozen kept a 调研问题清单, five a 成果转化清单, twenty
//! an 意见建议台账, the rest none. Deterministic.

use chrono::{Days, NaiveDate};

use super::campaign::BRANCHES;
use super::id;
use crate::domain::dates::iso;
use crate::domain::list::model::{Closing, Deadline, Header, Status};
use crate::domain::register::model::{
    Achievement, Channel, Done, Feedback, Form, Opinion, Outcome, Register, RegisterKind,
    SurveyProblem, Topic,
};

/// The report's totals, which 汇总 must give back exactly.
pub const TOPICS: usize = 21;
pub const SURVEY_PROBLEMS: usize = 38;
pub const SURVEY_MEASURES: usize = 36;
pub const RESULTS: usize = 11;
pub const RESULTS_DONE: usize = 7;
pub const OPINIONS: usize = 68;
/// Of the 68: 办理结果 A, and answered.
pub const SETTLED: usize = 52;
pub const ANSWERED: usize = 61;

/// Which branches keep which list (indexes into `BRANCHES`).
pub const SURVEYS: std::ops::Range<usize> = 0..12;
pub const RESULT_LISTS: std::ops::Range<usize> = 0..5;
pub const OPINION_LISTS: std::ops::Range<usize> = 3..23;

fn header(b: usize, start: NaiveDate) -> Header {
    Header {
        org_name: BRANCHES[b].to_string(),
        parent_org: "中共××县公安局委员会".into(),
        filed_on: iso(start - Days::new(4)),
        filed_by: "陈晓燕".into(),
        reviewer: "王建国".into(),
        phone: "13907712345".into(),
        categories: vec!["服务群众".into(), "执法规范".into(), "队伍建设".into()],
        ..Header::default()
    }
}

/// Every register of the campaign starting on `start`, in the order of `BRANCHES` and kind.
pub fn other_lists(start: NaiveDate) -> Vec<Register> {
    let mut out = Vec::new();
    // 21 topics: the first nine survey branches studied two, the other three one; 38 problems: the first 17
    // topics found two, the last four one; two problems (the 5th and 23rd) have no measure of their own yet.
    let (mut topic_n, mut problem_n) = (0usize, 0usize);
    for b in SURVEYS {
        let seed = 3000 + b as u32;
        let mut r = Register::new(RegisterKind::Survey, id(seed, 0), header(b, start));
        for _ in 0..if b < 9 { 2 } else { 1 } {
            topic_n += 1;
            let mut topic = Topic {
                id: id(seed, 100 + topic_n as u32),
                title: format!(
                    "关于{}的调研（课题{topic_n}）",
                    SUBJECTS[topic_n % SUBJECTS.len()]
                ),
                held: format!("{}月", (topic_n % 3) + 4),
                way: "座谈走访、问卷调查".into(),
                leader: LEADERS[topic_n % LEADERS.len()].into(),
                problems: Vec::new(),
            };
            for _ in 0..if topic_n <= 17 { 2 } else { 1 } {
                problem_n += 1;
                topic.problems.push(survey_problem(seed, problem_n, start));
            }
            r.topics.push(topic);
        }
        out.push(r);
    }
    // 11 成果 over five branches (3, 2, 2, 2, 2), the first seven done.
    let mut result_n = 0usize;
    for b in RESULT_LISTS {
        let seed = 4000 + b as u32;
        let mut r = Register::new(RegisterKind::Results, id(seed, 0), header(b, start));
        for _ in 0..if b == 0 { 3 } else { 2 } {
            result_n += 1;
            r.results.push(achievement(seed, result_n, start));
        }
        out.push(r);
    }
    // 68 意见建议 over twenty branches: eight took four, twelve three.
    let mut opinion_n = 0usize;
    for b in OPINION_LISTS {
        let seed = 5000 + b as u32;
        let mut r = Register::new(RegisterKind::Opinions, id(seed, 0), header(b, start));
        for _ in 0..if b < 11 { 4 } else { 3 } {
            opinion_n += 1;
            r.opinions.push(opinion(seed, opinion_n, start));
        }
        out.push(r);
    }
    debug_assert_eq!(
        (topic_n, problem_n, result_n, opinion_n),
        (TOPICS, SURVEY_PROBLEMS, RESULTS, OPINIONS)
    );
    out
}

const SUBJECTS: [&str; 6] = [
    "基层所队警力配置",
    "执法办案规范化",
    "社区警务工作",
    "窗口单位服务群众",
    "民辅警教育管理",
    "电信网络诈骗防范",
];
const LEADERS: [&str; 4] = ["李明", "张伟", "刘洋", "陈静"];

fn survey_problem(seed: u32, n: usize, start: NaiveDate) -> SurveyProblem {
    let mut p = SurveyProblem {
        id: id(seed, 1000 + n as u32),
        category: ["服务群众", "执法规范", "队伍建设"][n % 3].into(),
        description: format!(
            "调研发现：部分基层单位在{}方面仍有短板，群众反映较多（问题{n}）",
            SUBJECTS[n % SUBJECTS.len()]
        ),
        measure: format!("制定专项整改方案，明确时间表和责任人，每月通报进度（措施{n}）"),
        lead: LEADERS[n % LEADERS.len()].into(),
        dept: "政治处".into(),
        deadline: Deadline::ByDate {
            date: iso(start + Days::new(60 + (n as u64 % 4) * 15)),
        },
        status: [
            Status::InProgress,
            Status::Done,
            Status::NotStarted,
            Status::Done,
        ][n % 4],
        progress: String::new(),
        closed: None,
        included: None,
    };
    if n == 5 || n == 23 {
        p.measure.clear();
        p.lead.clear();
        p.dept.clear();
    }
    if p.status == Status::Done {
        p.progress = "已按方案完成整改，经回头看检查未发现反弹".into();
        if n % 8 == 1 {
            p.closed = Some(Closing {
                date: iso(start + Days::new(40)),
                by: "主题教育办公室".into(),
                opinion: "同意销号".into(),
            });
        }
    }
    p
}

fn achievement(seed: u32, n: usize, start: NaiveDate) -> Achievement {
    Achievement {
        id: id(seed, 2000 + n as u32),
        topic: format!("关于{}的调研", SUBJECTS[n % SUBJECTS.len()]),
        name: format!("调研成果{n}：{}工作机制", SUBJECTS[n % SUBJECTS.len()]),
        form: Some(Form::ALL[n % Form::ALL.len()]),
        content: "将调研提出的对策建议转化为具体制度和工作举措，明确责任单位和完成时限".into(),
        dept: "政治处".into(),
        due: iso(start + Days::new(45)),
        done: Some(if n <= RESULTS_DONE {
            Done::Done
        } else {
            Done::Ongoing
        }),
        evidence: if n <= RESULTS_DONE {
            format!("公党发〔2026〕{n}号文件")
        } else {
            String::new()
        },
    }
}

fn opinion(seed: u32, n: usize, start: NaiveDate) -> Opinion {
    // 52 settled (A), the rest B, C or D in turn; 61 answered: every A, and nine of the others.
    let result = if n <= SETTLED {
        Outcome::A
    } else {
        [Outcome::B, Outcome::C, Outcome::D][n % 3]
    };
    let answered = n <= ANSWERED;
    Opinion {
        id: id(seed, 3000 + n as u32),
        channel: Some([Channel::OpenDay, Channel::Suggestions, Channel::Forum][n % 3]),
        collected_on: iso(start + Days::new(n as u64 % 20)),
        proposer: if n.is_multiple_of(4) {
            String::new()
        } else {
            format!("群众{n}")
        },
        content: format!(
            "建议{}，方便群众办事（第{n}条）",
            [
                "延长户籍窗口周末办公时间",
                "增加夜间巡逻频次",
                "在社区张贴反诈宣传海报"
            ][n % 3]
        ),
        category: ["服务群众", "执法规范", "队伍建设"][n % 3].into(),
        dept: "户政科".into(),
        action: "研究制定办理方案并组织落实".into(),
        result: Some(result),
        feedback: answered.then(|| Feedback {
            date: iso(start + Days::new(25)),
            way: "电话".into(),
        }),
        satisfaction: if answered {
            "满意".into()
        } else {
            String::new()
        },
        included: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::register::figures::Figures;

    #[test]
    fn the_campaigns_other_lists_add_up_to_the_reports_totals() {
        let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let f = Figures::total(&other_lists(start));
        assert_eq!(
            (
                f.topics,
                f.problems,
                f.measures,
                f.results_done,
                f.opinions,
                f.settled,
                f.answered
            ),
            (
                TOPICS,
                SURVEY_PROBLEMS,
                SURVEY_MEASURES,
                RESULTS_DONE,
                OPINIONS,
                SETTLED,
                ANSWERED
            )
        );
        assert_eq!(
            f.paragraph(),
            "围绕21个调研课题，梳理调查研究发现问题38个，制定整改措施36条，已整改19个、销号5个；形成调研成果11项，完成成果转化7个；累计收集意见建议68条，已办结52条，办复率89.7%。"
        );
    }
}
