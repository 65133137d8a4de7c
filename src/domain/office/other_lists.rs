//! The campaign's other lists in 汇总 (`docs/format.md` § 15.6): the 调研问题清单, 成果转化清单 and 意见建议台账 files
//! among those received, read, of the 活动 consolidated, the highest revision of each counting; and their figures by
//! 党支部 beside the 检视整改 figures.

use std::collections::HashMap;

use crate::domain::file::import::parse;
use crate::domain::list::campaign::Active;
use crate::domain::office::branches::{Groups, Unit};
use crate::domain::office::consolidate::{Received, Verdict};
use crate::domain::office::period::Period;
use crate::domain::register::figures::Figures;
use crate::domain::register::file::{import_value, is_register};
use crate::domain::register::model::Register;

/// A register received that counts.
#[derive(Clone, Debug, PartialEq)]
pub struct RegisterFile {
    pub file_name: String,
    pub digest: String,
    pub register: Register,
}

/// The registers among `files`: each gets its verdict (in place of the "not a list" the list reader gave it); those
/// that count are returned. Of each register's files the highest revision counts, the others are older versions
/// or the same file again; one of another 活动 than `campaign` (when lists chose one) does not count.
pub fn registers(
    files: &[(String, Received)],
    verdicts: &mut [Option<Verdict>],
    campaign: Option<&str>,
) -> Vec<RegisterFile> {
    let mut read: Vec<(usize, RegisterFile)> = Vec::new();
    for (i, (name, received)) in files.iter().enumerate() {
        // Only a file the list reader refused can be a register: a list is not read twice.
        if !matches!(verdicts[i], Some(Verdict::NotAList(_))) {
            continue;
        }
        let Some(value) = received.as_ref().ok().and_then(|b| parse(b).ok()) else {
            continue;
        };
        if !is_register(&value) {
            continue;
        }
        match import_value(value) {
            Err(e) => verdicts[i] = Some(Verdict::NotAList(e.message())),
            Ok(imported) => {
                let active = Active::of(&imported.register.header);
                if campaign.is_some_and(|c| c != active.key) {
                    verdicts[i] = Some(Verdict::OtherCampaign { name: active.name });
                    continue;
                }
                read.push((
                    i,
                    RegisterFile {
                        file_name: name.clone(),
                        digest: imported.digest,
                        register: imported.register,
                    },
                ));
            }
        }
    }
    // The highest revision of each register counts; among equals, the first received.
    let mut best: HashMap<&str, usize> = HashMap::new();
    for (n, (_, f)) in read.iter().enumerate() {
        let slot = best.entry(f.register.id.as_str()).or_insert(n);
        if f.register.revision > read[*slot].1.register.revision {
            *slot = n;
        }
    }
    let mut counted = Vec::new();
    for (n, (i, f)) in read.iter().enumerate() {
        let top = best[f.register.id.as_str()];
        let by = &read[top].1.file_name;
        verdicts[*i] = Some(if top == n {
            counted.push(f.clone());
            Verdict::Register(f.register.kind)
        } else if read[top].1.digest == f.digest {
            Verdict::Duplicate { of: by.clone() }
        } else {
            Verdict::Superseded { by: by.clone() }
        });
    }
    counted
}

/// What moved in the campaign's other lists over a 调度 period, by the dates their items carry: 调研问题 销号 (its
/// 销号日期), 意见建议 collected (收集日期) and answered (反馈日期).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Moved {
    pub closed: usize,
    pub collected: usize,
    pub answered: usize,
}

impl Moved {
    pub fn of(registers: &[RegisterFile], period: &Period) -> Moved {
        let within =
            |date: &str| crate::domain::dates::parse(date).is_some_and(|d| period.contains(d));
        let mut m = Moved::default();
        for r in registers.iter().map(|f| &f.register) {
            for (_, p) in r.survey_problems() {
                m.closed += usize::from(p.closed.as_ref().is_some_and(|c| within(&c.date)));
            }
            for o in &r.opinions {
                m.collected += usize::from(within(&o.collected_on));
                m.answered += usize::from(o.feedback.as_ref().is_some_and(|f| within(&f.date)));
            }
        }
        m
    }

    /// The 调度 paragraph's sentence: `调研问题新销号N个；新收集意见建议M条，新反馈K条。`
    pub fn sentence(&self) -> String {
        format!(
            "调研问题新销号{}个；新收集意见建议{}条，新反馈{}条。",
            self.closed, self.collected, self.answered
        )
    }
}

/// One 党支部's registers' figures.
#[derive(Clone, Debug, PartialEq)]
pub struct BranchFigures {
    pub name: String,
    pub figures: Figures,
}

/// The figures by 党支部: each register under the 党支部 of the unit its 党组织名称 is (by its name's key, or one of
/// the 党支部's other names, which hold the office's joins), in the unit's order; a register of a 党支部 that handed
/// in no 检视整改 list is a row of its own after them.
pub fn by_branch(registers: &[RegisterFile], unit: &Unit) -> Vec<BranchFigures> {
    let mut groups = Groups::of_joins(&[]);
    let mut rows: Vec<BranchFigures> = Vec::new();
    let mut of_unit: Vec<Option<usize>> = vec![None; unit.branches.len()];
    for r in registers {
        let org = r.register.header.org_name.trim();
        let at = unit.branches.iter().position(|b| {
            std::iter::once(&b.name)
                .chain(&b.other_names)
                .any(|n| groups.same(n, org))
        });
        let row = match at {
            Some(b) => *of_unit[b].get_or_insert_with(|| {
                rows.push(BranchFigures {
                    name: unit.branches[b].name.clone(),
                    figures: Figures::default(),
                });
                rows.len() - 1
            }),
            None => match rows.iter().position(|row| groups.same(&row.name, org)) {
                Some(row) => row,
                None => {
                    rows.push(BranchFigures {
                        name: org.to_string(),
                        figures: Figures::default(),
                    });
                    rows.len() - 1
                }
            },
        };
        rows[row].figures += Figures::of(&r.register);
    }
    // In the unit's order, the others after.
    let place = |row: &BranchFigures| {
        (unit.branches.iter().position(|b| b.name == row.name)).unwrap_or(usize::MAX)
    };
    crate::domain::order::sort_by(&mut rows, |a, b| place(a).cmp(&place(b)));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::register::file::export;
    use chrono::{DateTime, NaiveDate};

    fn start() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
    }

    fn files(registers: &[Register]) -> Vec<(String, Received)> {
        let now = DateTime::parse_from_rfc3339("2026-06-30T09:30:00+08:00").unwrap();
        (registers.iter())
            .map(|r| {
                let out = export(r, true, now);
                (out.file_name, Ok(out.bytes))
            })
            .collect()
    }

    /// The verdicts the list reader gives files that are not lists, which `registers` takes over.
    fn as_the_list_reader_says(files: usize) -> Vec<Option<Verdict>> {
        vec![Some(Verdict::NotAList("不是清单文件".into())); files]
    }

    #[test]
    fn a_register_handed_in_again_counts_once_at_its_highest_revision() {
        let all = crate::domain::sample::registers::other_lists(start());
        let mut again = all[0].clone();
        again.revision = 2;
        again.topics[0].problems.pop();
        let mut received = files(&all);
        received.extend(files(&[all[0].clone(), again]));
        let mut verdicts = as_the_list_reader_says(received.len());
        let counted = registers(&received, &mut verdicts, None);
        assert_eq!(counted.len(), all.len());
        assert!(matches!(verdicts[0], Some(Verdict::Superseded { .. })));
        assert!(matches!(
            verdicts[all.len()],
            Some(Verdict::Superseded { .. })
        ));
        assert!(matches!(
            verdicts[all.len() + 1],
            Some(Verdict::Register(_))
        ));
        let f = Figures::total(counted.iter().map(|f| &f.register));
        assert_eq!(
            f.problems,
            crate::domain::sample::registers::SURVEY_PROBLEMS - 1
        );
    }

    #[test]
    fn a_period_counts_what_its_items_dates_say_moved_in_it() {
        let registers: Vec<RegisterFile> = (crate::domain::sample::registers::other_lists(start())
            .into_iter())
        .map(|register| RegisterFile {
            file_name: String::new(),
            digest: String::new(),
            register,
        })
        .collect();
        // The sample's dates: 销号 on day 40, 意见建议 collected on days 0–19 (n % 20), answered on day 25.
        let week = |first: u64| Period {
            from: start() + chrono::Days::new(first),
            to: start() + chrono::Days::new(first + 6),
        };
        assert_eq!(
            Moved::of(&registers, &week(21)),
            Moved {
                closed: 0,
                collected: 0,
                answered: 61
            }
        );
        assert_eq!(
            Moved::of(&registers, &week(35)),
            Moved {
                closed: 5,
                collected: 0,
                answered: 0
            }
        );
        let first = Moved::of(&registers, &week(0));
        assert_eq!(first.collected, (1..=68).filter(|n| n % 20 <= 6).count());
        assert_eq!(
            Moved::default().sentence(),
            "调研问题新销号0个；新收集意见建议0条，新反馈0条。"
        );
    }

    #[test]
    fn a_register_of_another_campaign_does_not_count() {
        let mut r = crate::domain::sample::registers::other_lists(start()).remove(0);
        r.header.campaign =
            crate::domain::list::campaign::preset("discipline_2024").and_then(|p| p.campaign());
        let received = files(&[r]);
        let mut verdicts = as_the_list_reader_says(1);
        assert!(registers(&received, &mut verdicts, Some("theme_2023")).is_empty());
        assert!(
            matches!(&verdicts[0], Some(Verdict::OtherCampaign { name }) if name == "党纪学习教育")
        );
    }
}
