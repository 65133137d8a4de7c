//! Names as people type them: the same 党支部 or the same member written with a stray space, a full-width
//! letter or digit, or an invisible character. One rule for comparing them, used wherever the app asks "is this the
//! same name?" (汇总's branches, the 应报送名单, gathering members), and the order people expect of a list of names.

use std::cmp::Ordering;

/// The form of `name` that is compared: every whitespace (ASCII, full-width U+3000, no-break), zero-width
/// characters and the BOM removed; full-width ASCII forms (`ＡＢＣ１２３（）`) folded to their half-width letters;
/// Latin letters in lower case. Everything else (Chinese characters, `××`) is kept as it is.
///
/// Written by hand rather than with a Unicode normalisation crate: NFKC would also rewrite characters the office
/// keeps apart on purpose (`㈠` → `(一)`), and these few folds are all that typing produces.
pub fn key(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace() && !is_invisible(*c))
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Whether two names are the same name by `key`.
pub fn same(a: &str, b: &str) -> bool {
    key(a) == key(b)
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// The order a person expects of names: numbers compared by value (第2派出所 before 第10派出所), Chinese numerals
/// too (第二 before 第十), everything else by character. Ties fall back to the plain order, so the order is total.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (ka, kb) = (key(a), key(b));
    let (mut x, mut y) = (ka.chars().peekable(), kb.chars().peekable());
    loop {
        match (x.peek().copied(), y.peek().copied()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(c), Some(d)) => match (numeral(c), numeral(d)) {
                (Some(_), Some(_)) => {
                    let (n, m) = (number(&mut x), number(&mut y));
                    if n != m {
                        return n.cmp(&m);
                    }
                }
                _ => {
                    if c != d {
                        return c.cmp(&d);
                    }
                    x.next();
                    y.next();
                }
            },
        }
    }
}

/// The value of a digit or a Chinese numeral character (十 as 10, a place marker: see `number`).
fn numeral(c: char) -> Option<u64> {
    Some(match c {
        '0'..='9' => u64::from(c as u8 - b'0'),
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        '十' => 10,
        _ => return None,
    })
}

/// Reads a run of digits (`12`) or of Chinese numerals (`十二`, `二十一`) as one number.
fn number(it: &mut std::iter::Peekable<std::str::Chars<'_>>) -> u64 {
    let first = it.peek().copied().unwrap_or('0');
    if first.is_ascii_digit() {
        let mut n: u64 = 0;
        while let Some(c) = it.peek().copied().filter(char::is_ascii_digit) {
            n = n
                .saturating_mul(10)
                .saturating_add(u64::from(c as u8 - b'0'));
            it.next();
        }
        return n;
    }
    // 十 = 10, 十二 = 12, 二十 = 20, 二十一 = 21; a plain run (一二三) reads digit by digit.
    let (mut total, mut digit) = (0u64, None::<u64>);
    while let Some(v) = it
        .peek()
        .copied()
        .filter(|c| !c.is_ascii_digit())
        .and_then(numeral)
    {
        it.next();
        if v == 10 {
            total += digit.take().unwrap_or(1) * 10;
        } else {
            digit = Some(digit.map_or(v, |d| d * 10 + v));
        }
    }
    total + digit.unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_full_width_forms_and_invisible_characters_do_not_make_another_name() {
        assert_eq!(key(" 交警大队 党支部\u{3000}"), "交警大队党支部");
        assert!(same("王　强", "王强"));
        assert!(same("刘 洋", "刘洋"));
        assert!(same("第１派出所（城关）", "第1派出所(城关)"));
        assert!(same("ABC\u{200B}党支部", "abc党支部"));
        assert!(!same("交警大队党支部", "交警大队支部委员会"));
        assert!(!same("王强", "汪强"));
    }

    #[test]
    fn numbers_sort_by_value_in_digits_and_in_chinese() {
        let mut names = vec![
            "第10派出所党支部",
            "第2派出所党支部",
            "第1派出所党支部",
            "机关第十一党支部",
            "机关第二党支部",
            "机关第十党支部",
            "交警大队党支部",
        ];
        names.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            names,
            [
                "交警大队党支部",
                "机关第二党支部",
                "机关第十党支部",
                "机关第十一党支部",
                "第1派出所党支部",
                "第2派出所党支部",
                "第10派出所党支部",
            ]
        );
        assert!(
            natural_cmp("第２所", "第2所").is_ne(),
            "total: ties fall back"
        );
    }
}
