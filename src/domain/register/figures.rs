//! What the campaign's other lists add up to, for 汇总 (by 党支部 and in all) and for the 情况说明 paragraph, in the
//! words the bureau's own report uses: "梳理调查研究发现问题N个，制定整改措施M条 … 完成成果转化K个 … 累计收集意见建议J条，
//! 已办结X条，办复率Y%". What each figure counts is in `docs/format.md` § 15.6.

use std::ops::AddAssign;

use crate::domain::ledger::{completion_permille, percent_text};
use crate::domain::list::model::Status;
use crate::domain::register::model::{Done, Outcome, Register, RegisterKind};

/// The figures of one register, or of many added up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    /// 调研问题清单s counted (a 党支部 that keeps none has no 调研 clause).
    pub surveys: usize,
    /// 调研课题
    pub topics: usize,
    /// 调研发现问题
    pub problems: usize,
    /// 整改措施: problems whose measure is written.
    pub measures: usize,
    /// 已整改: problems 已完成整改 or 阶段性完成并长期坚持.
    pub problems_done: usize,
    /// 已销号
    pub problems_closed: usize,
    /// 纳入检视整改: 调研问题 and 意见建议 put into a 检视整改 list.
    pub included: usize,
    /// 成果转化清单s counted.
    pub result_lists: usize,
    /// 成果 listed
    pub results: usize,
    /// 成果转化 完成 (完成情况 已完成)
    pub results_done: usize,
    /// 意见建议台账s counted.
    pub opinion_lists: usize,
    /// 意见建议 collected
    pub opinions: usize,
    /// 已办结: 办理结果 A 已经解决或基本解决.
    pub settled: usize,
    /// 已反馈: the proposer was answered (办复).
    pub answered: usize,
}

impl AddAssign for Figures {
    fn add_assign(&mut self, o: Self) {
        self.surveys += o.surveys;
        self.topics += o.topics;
        self.problems += o.problems;
        self.measures += o.measures;
        self.problems_done += o.problems_done;
        self.problems_closed += o.problems_closed;
        self.included += o.included;
        self.result_lists += o.result_lists;
        self.results += o.results;
        self.results_done += o.results_done;
        self.opinion_lists += o.opinion_lists;
        self.opinions += o.opinions;
        self.settled += o.settled;
        self.answered += o.answered;
    }
}

impl Figures {
    pub fn of(register: &Register) -> Self {
        let mut f = Figures::default();
        match register.kind {
            RegisterKind::Survey => {
                f.surveys = 1;
                f.topics = register.topics.len();
                for (_, p) in register.survey_problems() {
                    f.problems += 1;
                    f.measures += usize::from(!p.measure.trim().is_empty());
                    f.problems_done +=
                        usize::from(matches!(p.status, Status::Done | Status::PhasedLongTerm));
                    f.problems_closed += usize::from(p.closed.is_some());
                    f.included += usize::from(p.included.is_some());
                }
            }
            RegisterKind::Results => {
                f.result_lists = 1;
                f.results = register.results.len();
                f.results_done = (register.results.iter())
                    .filter(|r| r.done == Some(Done::Done))
                    .count();
            }
            RegisterKind::Opinions => {
                f.opinion_lists = 1;
                f.opinions = register.opinions.len();
                for o in &register.opinions {
                    f.settled += usize::from(o.result == Some(Outcome::A));
                    f.answered += usize::from(o.feedback.is_some());
                    f.included += usize::from(o.included.is_some());
                }
            }
        }
        f
    }

    /// Every register's figures added up.
    pub fn total<'a>(registers: impl IntoIterator<Item = &'a Register>) -> Self {
        let mut f = Figures::default();
        for r in registers {
            f += Figures::of(r);
        }
        f
    }

    /// 办复率: 已反馈 of all collected, in tenths of a percent (rounded half up, as 整改完成率); `None` when nothing
    /// was collected. Shown by `ledger::percent_text` (`89.7%`, `100%`).
    pub fn answer_permille(&self) -> Option<u64> {
        completion_permille(self.answered, self.opinions)
    }

    /// The 情况说明's sentences on these lists, each only where its list was kept: empty when none was.
    pub fn paragraph(&self) -> String {
        let mut parts = Vec::new();
        if self.surveys > 0 {
            parts.push(format!(
                "围绕{}个调研课题，梳理调查研究发现问题{}个，制定整改措施{}条，已整改{}个、销号{}个",
                self.topics, self.problems, self.measures, self.problems_done, self.problems_closed
            ));
        }
        if self.result_lists > 0 {
            parts.push(format!(
                "形成调研成果{}项，完成成果转化{}个",
                self.results, self.results_done
            ));
        }
        if let Some(rate) = self.answer_permille() {
            parts.push(format!(
                "累计收集意见建议{}条，已办结{}条，办复率{}",
                self.opinions,
                self.settled,
                percent_text(Some(rate))
            ));
        } else if self.opinion_lists > 0 {
            parts.push("意见建议台账尚未登记意见建议".to_string());
        }
        if self.included > 0 {
            parts.push(format!(
                "其中{}项纳入检视整改问题清单一并整改",
                self.included
            ));
        }
        if parts.is_empty() {
            return String::new();
        }
        format!("{}。", parts.join("；"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rate_is_to_one_decimal_without_a_trailing_zero() {
        let rate = |answered, opinions| {
            let f = Figures {
                opinions,
                answered,
                ..Figures::default()
            };
            percent_text(f.answer_permille())
        };
        assert_eq!(rate(68, 68), "100%");
        assert_eq!(rate(65, 68), "95.6%");
        assert_eq!(rate(1, 3), "33.3%");
        assert_eq!(rate(0, 5), "0%");
        assert_eq!(Figures::default().answer_permille(), None);
    }

    #[test]
    fn a_list_not_kept_says_nothing() {
        assert_eq!(Figures::default().paragraph(), "");
        let only_results = Figures {
            result_lists: 1,
            results: 3,
            results_done: 2,
            ..Figures::default()
        };
        assert_eq!(
            only_results.paragraph(),
            "形成调研成果3项，完成成果转化2个。"
        );
    }
}
