//! Validation results as data: what is wrong, where, how bad, and what to do.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The list is not complete until this is fixed.
    Error,
    /// Worth a second look; the filler may keep it with a reason.
    Warning,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "提醒",
        }
    }
}

/// One finding of the validator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The exact field, by the ids of the objects it sits in: `header.org_name`, `<measure id>.lead`,
    /// `<measure id>.updates[0].date`. Stable when problems are reordered, so acknowledgements survive it.
    pub path: String,
    /// The rule's stable code, e.g. `deadline_before_filing`.
    pub rule: &'static str,
    pub severity: Severity,
    /// Where, as the user reads it: `第3个问题 · 第2项措施 · 牵头责任人（责任领导）`.
    pub location: String,
    /// What is wrong and what to do, in plain Chinese.
    pub message: String,
    /// For a warning the filler kept: the reason they gave.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acknowledged: Option<String>,
}

/// All findings of one document, with the counts the UI and the central office need.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
    }

    pub fn error_count(&self) -> usize {
        self.errors().count()
    }

    /// Warnings not yet kept with a reason.
    pub fn open_warning_count(&self) -> usize {
        self.warnings().filter(|f| f.acknowledged.is_none()).count()
    }

    /// A list is complete when it has no errors (`format.md`, Severity).
    pub fn is_complete(&self) -> bool {
        self.error_count() == 0
    }

    /// The findings on one field, for the message under it.
    pub fn at<'a>(&'a self, path: &'a str) -> impl Iterator<Item = &'a Finding> + 'a {
        self.findings.iter().filter(move |f| f.path == path)
    }

    /// True when `rule` fired anywhere.
    pub fn has(&self, rule: &str) -> bool {
        self.findings.iter().any(|f| f.rule == rule)
    }
}

impl Report {
    /// The line above 检查结果: what is left to do, naming only what there is.
    pub fn summary(&self) -> String {
        let (errors, warnings) = (self.error_count(), self.warnings().count());
        match (errors, warnings) {
            (0, 0) => "清单已完整，没有错误和提醒，可以导出。".to_string(),
            (0, w) => format!(
                "清单已完整，可以导出。另有{w}个提醒，请看一看；确属实情的可以写明理由后保留。"
            ),
            (e, 0) => format!("还有{e}个错误需要修改。点每一条可以直接跳到要改的地方。"),
            (e, w) => format!(
                "还有{e}个错误需要修改，{w}个提醒请看一看。点每一条可以直接跳到要改的地方。"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(errors: usize, warnings: usize) -> Report {
        let finding = |severity| Finding {
            path: String::new(),
            rule: "r",
            severity,
            location: String::new(),
            message: String::new(),
            acknowledged: None,
        };
        let mut findings = vec![finding(Severity::Error); errors];
        findings.extend(vec![finding(Severity::Warning); warnings]);
        Report { findings }
    }

    #[test]
    fn the_summary_names_only_what_there_is() {
        assert!(!report(0, 0).summary().contains('0'));
        assert!(!report(2, 0).summary().contains("0个提醒"));
        assert!(!report(0, 0).summary().contains("提醒，请看"));
        assert!(report(0, 3).summary().contains("另有3个提醒"));
        assert!(report(1, 2)
            .summary()
            .contains("还有1个错误需要修改，2个提醒"));
    }
}
