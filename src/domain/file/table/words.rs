//! What the cells of a table say in words that the list keeps as codes: its 问题来源 (`征求意见、检视剖析`), its
//! 整改状态 (`已完成`, `整改中`), and the numbers people type before a measure or a problem (`1．`, `（2）`, `③`,
//! `一是`), which the printed list puts there itself.

use crate::domain::list::model::{Source, Status};

/// The words a 问题来源 cell may say for each source, the campaign's terms and what people write for them.
const SOURCE_WORDS: &[(&str, Source)] = &[
    ("征求意见", Source::Opinions),
    ("群众反映", Source::Opinions),
    ("意见建议", Source::Opinions),
    ("检视剖析", Source::SelfReview),
    ("自己找", Source::SelfReview),
    ("自查", Source::SelfReview),
    ("自我检视", Source::SelfReview),
    ("调查研究", Source::Research),
    ("调研", Source::Research),
    ("上级点评", Source::Superior),
    ("上级反馈", Source::Superior),
    ("点评", Source::Superior),
    ("巡视", Source::Inspection),
    ("巡察", Source::Inspection),
    ("审计", Source::Audit),
    ("推动发展", Source::Development),
    ("谈心谈话", Source::Mutual),
    ("批评与自我批评", Source::Mutual),
    ("互相帮", Source::Mutual),
    ("相互批评", Source::Mutual),
    ("其他", Source::Other),
    ("其它", Source::Other),
];

/// The sources a 问题来源 cell names, in its order, once each; and the parts of it that name none. Several per
/// cell are parted by 、，,；;/ or line breaks.
pub fn sources(cell: &str) -> (Vec<Source>, Vec<String>) {
    let mut found = Vec::new();
    let mut unknown = Vec::new();
    for part in cell
        .split(['、', '，', ',', '；', ';', '/', '／', '\n', ' ', '\u{3000}'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let named: Vec<Source> = SOURCE_WORDS
            .iter()
            .filter(|(w, _)| part.contains(w))
            .map(|(_, s)| *s)
            .collect();
        if named.is_empty() {
            unknown.push(part.to_string());
        }
        for s in named {
            if !found.contains(&s) {
                found.push(s);
            }
        }
    }
    (found, unknown)
}

/// The 整改状态 a cell names (`已完成`, `已整改完成`, `整改中`, `长期坚持`, `未开始`), if it names one. A cell of
/// 完成情况 names one when it starts with one of these words (`已完成。召开专题会2次`).
pub fn status(cell: &str) -> Option<Status> {
    let text: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
    let starts = |words: &[&str]| words.iter().any(|w| text.starts_with(w));
    // Longest first: 阶段性完成 is not 完成, 未完成 not 完成, 尚未开始 not 开始.
    if starts(&["阶段性完成", "长期坚持", "持续推进"]) {
        Some(Status::PhasedLongTerm)
    } else if starts(&["未完成", "没有完成", "逾期未完成"]) {
        Some(Status::NotDone)
    } else if starts(&["未开始", "尚未开始", "未整改", "未启动"]) {
        Some(Status::NotStarted)
    } else if starts(&["已延期", "申请延期", "延期"]) {
        Some(Status::Extended)
    } else if starts(&[
        "正在整改",
        "整改中",
        "推进中",
        "进行中",
        "正在推进",
        "正在落实",
    ]) {
        Some(Status::InProgress)
    } else if starts(&["已完成", "已整改", "完成", "已办结", "已落实", "已销号"]) {
        Some(Status::Done)
    } else {
        None
    }
}

/// `text` without the number typed before it (`1．`, `1、`, `1.`, `（1）`, `(1)`, `①`, `一是`, `一、`), and
/// whether there was one. A number that is the text's own (`2026年…`, `3名党员…`) stays.
pub fn without_numbering(text: &str) -> (String, bool) {
    let t = text.trim_start();
    let chars: Vec<char> = t.chars().collect();
    let circled =
        |c: char| ('\u{2460}'..='\u{2473}').contains(&c) || ('\u{2776}'..='\u{277F}').contains(&c);
    let chinese = |c: char| "一二三四五六七八九十".contains(c);
    let rest = |n: usize| {
        chars[n..]
            .iter()
            .collect::<String>()
            .trim_start()
            .to_string()
    };
    if let Some(&c) = chars.first() {
        if circled(c) {
            return (rest(1), true);
        }
    }
    // （1） (1) （一）
    if matches!(chars.first(), Some('（' | '(')) {
        if let Some(close) = chars.iter().position(|&c| c == '）' || c == ')') {
            let inner = &chars[1..close];
            if (1..=3).contains(&inner.len())
                && inner.iter().all(|&c| c.is_ascii_digit() || chinese(c))
            {
                return (rest(close + 1), true);
            }
        }
    }
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    let numerals = chars.iter().take_while(|&&c| chinese(c)).count();
    // 1． 1、 1. 1) — a number followed by its mark (not 1.5万元: a digit after the point is a decimal).
    if (1..=3).contains(&digits) {
        match chars.get(digits) {
            Some('．' | '、' | '）' | ')' | '：') => return (rest(digits + 1), true),
            Some('.') if !chars.get(digits + 1).is_some_and(char::is_ascii_digit) => {
                return (rest(digits + 1), true)
            }
            _ => {}
        }
    }
    // 一是 一、 一．
    if (1..=3).contains(&numerals) {
        match chars.get(numerals) {
            Some('是') => return (rest(numerals + 1), true),
            Some('、' | '．' | '.') => return (rest(numerals + 1), true),
            _ => {}
        }
    }
    (text.to_string(), false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_read_from_the_words_people_write() {
        assert_eq!(
            sources("征求意见、检视剖析"),
            (vec![Source::Opinions, Source::SelfReview], vec![])
        );
        assert_eq!(
            sources("群众反映；上级点评\n巡视巡察/审计"),
            (
                vec![
                    Source::Opinions,
                    Source::Superior,
                    Source::Inspection,
                    Source::Audit
                ],
                vec![]
            )
        );
        assert_eq!(
            sources("谈心谈话，批评与自我批评"),
            (vec![Source::Mutual], vec![])
        );
        assert_eq!(
            sources("调查研究发现 推动发展中发现 其他"),
            (
                vec![Source::Research, Source::Development, Source::Other],
                vec![]
            )
        );
        assert_eq!(
            sources("自己找、领导交办"),
            (vec![Source::SelfReview], vec!["领导交办".to_string()])
        );
        assert_eq!(sources(""), (vec![], vec![]));
    }

    #[test]
    fn a_status_is_read_from_its_first_words() {
        assert_eq!(status("已完成"), Some(Status::Done));
        assert_eq!(status("已整改完成，召开专题会2次"), Some(Status::Done));
        assert_eq!(status("整改中"), Some(Status::InProgress));
        assert_eq!(status("阶段性完成，长期坚持"), Some(Status::PhasedLongTerm));
        assert_eq!(status("未完成"), Some(Status::NotDone));
        assert_eq!(status("尚未开始"), Some(Status::NotStarted));
        assert_eq!(status("已延期至6月"), Some(Status::Extended));
        assert_eq!(status("召开专题会2次"), None, "a progress note, no status");
        assert_eq!(status(""), None);
    }

    #[test]
    fn hand_numbering_goes_and_the_texts_own_numbers_stay() {
        for (typed, left) in [
            ("1．每月组织集中学习", "每月组织集中学习"),
            ("2、建立台账", "建立台账"),
            ("3. 班子成员带头", "班子成员带头"),
            ("（2）每周学习", "每周学习"),
            ("(3)每周学习", "每周学习"),
            ("③建立制度", "建立制度"),
            ("一是加强学习", "加强学习"),
            ("二、抓好落实", "抓好落实"),
            ("（一）完善机制", "完善机制"),
        ] {
            assert_eq!(
                without_numbering(typed),
                (left.to_string(), true),
                "{typed}"
            );
        }
        for own in [
            "2026年底前完成",
            "3名党员未参加",
            "1.5万元经费到位",
            "一般性问题整改",
            "每月1次",
            "（注：以上为草稿）",
        ] {
            assert_eq!(without_numbering(own), (own.to_string(), false), "{own}");
        }
    }
}
