//! Text as Word, Excel and WPS accept it. A list may hold any text the importer accepts (a character pasted from
//! another program, a line break from a Mac, a 40,000-character 问题表现); the office files may not: XML 1.0
//! forbids most control characters and U+FFFE/U+FFFF, and an Excel cell holds at most 32,767 characters. Both
//! writers go through `clean`; the workbook's cells through `fit_cell` (`sheet::Book::fit_to_excel`).

use std::borrow::Cow;

/// Excel's limit for one cell, counted as Excel counts (UTF-16 code units).
pub const EXCEL_CELL_LIMIT: usize = 32_767;
/// What a cut cell says where it was cut.
pub const CUT_NOTE: &str = "（以下内容过长，见JSON文件）";

/// `text` as XML 1.0 allows it: `\r\n` and a lone `\r` as line breaks (`\n`), tabs and line breaks kept, every
/// other C0 control character and U+FFFE, U+FFFF left out. (Surrogates cannot be in a Rust string.)
pub fn clean(text: &str) -> Cow<'_, str> {
    let fine =
        |c: char| !matches!(c, '\u{0}'..='\u{8}' | '\u{B}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}');
    if text.chars().all(fine) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            c if fine(c) => out.push(c),
            _ => {}
        }
    }
    Cow::Owned(out)
}

/// `text` cleaned and, when it is longer than an Excel cell holds, cut with `CUT_NOTE` at its end. The flag says
/// whether it was cut.
pub fn fit_cell(text: &str) -> (String, bool) {
    let text = clean(text);
    let units = |s: &str| s.encode_utf16().count();
    if units(&text) <= EXCEL_CELL_LIMIT {
        return (text.into_owned(), false);
    }
    let room = EXCEL_CELL_LIMIT - units(CUT_NOTE);
    let mut used = 0;
    let mut out = String::new();
    for c in text.chars() {
        used += c.len_utf16();
        if used > room {
            break;
        }
        out.push(c);
    }
    out.push_str(CUT_NOTE);
    (out, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_xml_forbids_goes_and_every_line_break_is_one() {
        assert_eq!(clean("甲\u{FFFF}乙\u{FFFE}丙\u{1}丁"), "甲乙丙丁");
        assert_eq!(
            clean("第一行\r\n第二行\r第三行\n第四行"),
            "第一行\n第二行\n第三行\n第四行"
        );
        assert_eq!(clean("a\tb"), "a\tb");
        assert!(matches!(clean("平常的文字"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_cell_over_excels_limit_is_cut_and_says_so() {
        let long = "长".repeat(40_000);
        let (cell, cut) = fit_cell(&long);
        assert!(cut);
        assert!(cell.ends_with(CUT_NOTE));
        assert_eq!(cell.encode_utf16().count(), EXCEL_CELL_LIMIT);
        // Characters outside the BMP count two for Excel.
        let wide = "𠀀".repeat(20_000);
        let (cell, cut) = fit_cell(&wide);
        assert!(cut && cell.encode_utf16().count() <= EXCEL_CELL_LIMIT);
        assert_eq!(fit_cell("短"), ("短".to_string(), false));
    }
}
