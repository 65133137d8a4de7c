//! Where a field is, said the way the user reads it.

use crate::domain::labels::field_label;

/// Where a field sits, by position: `第2名党员（刘洋） · 第1个问题 · 第2项措施`. Cheap to copy; only written out
/// as text when a finding needs it, so checking a large list allocates nothing for the fields that are fine.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Location<'a> {
    header: bool,
    member: Option<(usize, &'a str)>,
    problem: Option<usize>,
    measure: Option<usize>,
    update: Option<usize>,
}

impl<'a> Location<'a> {
    pub fn header() -> Self {
        Location {
            header: true,
            ..Location::default()
        }
    }

    pub fn document() -> Self {
        Location::default()
    }

    pub fn member(index: usize, name: &'a str) -> Self {
        Location {
            member: Some((index, name)),
            ..Location::default()
        }
    }

    pub fn problem(self, index: usize) -> Self {
        Location {
            problem: Some(index),
            ..self
        }
    }

    pub fn measure(self, index: usize) -> Self {
        Location {
            measure: Some(index),
            ..self
        }
    }

    pub fn update(self, index: usize) -> Self {
        Location {
            update: Some(index),
            ..self
        }
    }

    /// The location of `key`, one of the field keys of `format.md`.
    pub fn field(&self, key: &str) -> String {
        let label = field_label(key);
        let label = if label.is_empty() { key } else { label };
        if self.is_whole() {
            return "整个清单".to_string();
        }
        format!("{self} · {label}")
    }

    fn is_whole(&self) -> bool {
        *self == Location::default()
    }
}

impl std::fmt::Display for Location<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        if self.header {
            parts.push("表头信息".into());
        }
        if let Some((index, name)) = self.member {
            parts.push(if name.trim().is_empty() {
                format!("第{}名党员", index + 1)
            } else {
                format!("第{}名党员（{}）", index + 1, name.trim())
            });
        }
        if let Some(i) = self.problem {
            parts.push(format!("第{}个问题", i + 1));
        }
        if let Some(i) = self.measure {
            parts.push(format!("第{}项措施", i + 1));
        }
        if let Some(i) = self.update {
            parts.push(format!("第{}条进展记录", i + 1));
        }
        if parts.is_empty() {
            return f.write_str("整个清单");
        }
        f.write_str(&parts.join(" · "))
    }
}

/// Says a JSON path such as `problems[2].measures[0].status` (as `locate` gives it) in Chinese:
/// `第3个问题 · 第1项措施 · 整改状态`.
pub fn describe_json_path(path: &str) -> String {
    if path.is_empty() || path == "." {
        return "文件最外层".to_string();
    }
    let mut parts: Vec<String> = Vec::new();
    for segment in path.split('.') {
        let (key, indices) = match segment.find('[') {
            Some(at) => (&segment[..at], &segment[at..]),
            None => (segment, ""),
        };
        let index: Option<usize> = indices
            .trim_start_matches('[')
            .split(']')
            .next()
            .and_then(|n| n.parse().ok());
        let part = match (key, index) {
            ("problems", Some(i)) => format!("第{}个问题", i + 1),
            ("measures", Some(i)) => format!("第{}项措施", i + 1),
            ("members", Some(i)) => format!("第{}名党员", i + 1),
            ("updates", Some(i)) => format!("第{}条进展记录", i + 1),
            ("categories", Some(i)) => format!("第{}个问题类别", i + 1),
            ("sources", Some(i)) => format!("第{}个问题来源", i + 1),
            ("acknowledged", Some(i)) => format!("第{}条已确认的提醒", i + 1),
            ("comments", Some(i)) => format!("第{}条审核意见", i + 1),
            ("header", _) => "表头信息".to_string(),
            (other, _) => {
                let label = field_label(other);
                let name = if label.is_empty() {
                    format!("“{other}”")
                } else {
                    label.to_string()
                };
                match index {
                    Some(i) => format!("{name}第{}项", i + 1),
                    None => name,
                }
            }
        };
        parts.push(part);
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_paths_read_as_positions_counted_from_one() {
        assert_eq!(
            describe_json_path("problems[2].measures[0].status"),
            "第3个问题 · 第1项措施 · 整改状态"
        );
        assert_eq!(
            describe_json_path("members[1].problems[0].description"),
            "第2名党员 · 第1个问题 · 问题表现"
        );
        assert_eq!(describe_json_path("header.filed_on"), "表头信息 · 填报日期");
        assert_eq!(describe_json_path("."), "文件最外层");
    }

    #[test]
    fn locations_name_the_member_when_known() {
        let loc = Location::member(1, "刘洋").problem(0).measure(1);
        assert_eq!(
            loc.field("content"),
            "第2名党员（刘洋） · 第1个问题 · 第2项措施 · 措施内容"
        );
        assert_eq!(Location::header().field("filed_on"), "表头信息 · 填报日期");
    }
}
