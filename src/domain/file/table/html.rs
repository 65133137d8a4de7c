//! The first table of the HTML that Excel, WPS and Word put on the clipboard, read into a `Table`.
//!
//! Written by hand rather than with an HTML parser crate (html5ever is several hundred KB of wasm) or the browser's
//! DOMParser (a parsed document keeps the page's Content-Security-Policy, so every `style` attribute of Excel's HTML
//! is reported as a violation): only a table's rows, cells, their spans, line breaks and text matter, and those
//! programs write them plainly. Comments (with Office's conditional ones), `<style>`, `<script>` and every other
//! tag's markup are skipped; character references are decoded.

use super::{from_spanned, html_cell_text, SpannedCell, Table, HTML_BREAK, MAX_ROWS};

/// A tag as read: its lowercase name, whether it closes (`</td>`), and its attributes' text.
struct Tag<'a> {
    name: String,
    closing: bool,
    attributes: &'a str,
}

/// The rows of the first table in `html`; `None` when it has no table. A table inside a cell is read as that
/// cell's text.
pub fn read(html: &str) -> Option<Table> {
    let mut rows: Vec<Vec<SpannedCell>> = Vec::new();
    let mut cell: Option<SpannedCell> = None;
    let mut depth = 0usize; // tables open: 1 is the one read
    let mut seen = false;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            text_into(&mut cell, rest);
            break;
        };
        text_into(&mut cell, &rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let Some((tag, after)) = tag(rest) else {
            if !rest.contains('>') {
                // No tag can end in what is left: it is all text (and is not searched again for each `<`).
                text_into(&mut cell, rest);
                break;
            }
            text_into(&mut cell, "<");
            rest = &rest[1..];
            continue;
        };
        rest = after;
        if !tag.closing && (tag.name == "style" || tag.name == "script") {
            let end = format!("</{}", tag.name);
            rest = find_ignoring_case(rest, &end).map_or("", |i| &rest[i..]);
            continue;
        }
        match (tag.name.as_str(), tag.closing) {
            ("table", false) => {
                depth += 1;
                if depth == 1 && seen {
                    break; // only the first table
                }
                seen = true;
            }
            ("table", true) => {
                depth = depth.saturating_sub(1);
                if depth == 0 && seen {
                    break;
                }
            }
            ("tr", false) if depth == 1 => {
                finish_cell(&mut rows, &mut cell);
                if rows.len() > MAX_ROWS {
                    break;
                }
                rows.push(Vec::new());
            }
            ("td" | "th", false) if depth == 1 => {
                finish_cell(&mut rows, &mut cell);
                cell = Some(SpannedCell {
                    text: String::new(),
                    rows: span(tag.attributes, "rowspan"),
                    cols: span(tag.attributes, "colspan"),
                });
            }
            ("td" | "th", true) if depth == 1 => finish_cell(&mut rows, &mut cell),
            ("br", _) => text_into(&mut cell, &HTML_BREAK.to_string()),
            ("p" | "div" | "li", true) => text_into(&mut cell, &HTML_BREAK.to_string()),
            _ => {}
        }
    }
    finish_cell(&mut rows, &mut cell);
    seen.then(|| from_spanned(&rows))
}

/// The tag at the start of `text` (which starts with `<`) and what follows it; `None` when it is no tag (a `<`
/// in text). A tag ends at its first `>`: what Office writes has none inside its attributes, and looking past
/// quotes would make text of many `<` read again and again to its end.
fn tag(text: &str) -> Option<(Tag<'_>, &str)> {
    let inner = &text[1..];
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(after) => (true, after),
        None => (false, inner),
    };
    let name_len = inner
        .find(|c: char| !c.is_ascii_alphanumeric() && c != ':' && c != '-')
        .unwrap_or(inner.len());
    if name_len == 0 && !inner.starts_with('!') && !inner.starts_with('?') {
        return None;
    }
    let end = inner.find('>')?;
    if end < name_len {
        return None;
    }
    Some((
        Tag {
            name: inner[..name_len].to_ascii_lowercase(),
            closing,
            attributes: &inner[name_len..end],
        },
        &inner[end + 1..],
    ))
}

/// A `rowspan` or `colspan` of a cell's attributes (1 when absent or not a number).
fn span(attributes: &str, name: &str) -> usize {
    let Some(at) = find_ignoring_case(attributes, name) else {
        return 1;
    };
    let value = attributes[at + name.len()..]
        .trim_start()
        .strip_prefix('=')
        .unwrap_or("")
        .trim_start()
        .trim_start_matches(['"', '\'']);
    let digits: String = value.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().unwrap_or(1).max(1)
}

fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Text (with its character references) into the cell being read; text outside a cell is not a table's.
fn text_into(cell: &mut Option<SpannedCell>, text: &str) {
    if let Some(cell) = cell {
        decode_into(&mut cell.text, text);
    }
}

fn finish_cell(rows: &mut Vec<Vec<SpannedCell>>, cell: &mut Option<SpannedCell>) {
    if let Some(mut done) = cell.take() {
        done.text = html_cell_text(&done.text);
        match rows.last_mut() {
            Some(row) => row.push(done),
            None => rows.push(vec![done]),
        }
    }
}

/// `text` with `&amp;`, `&nbsp;`, `&#20013;`, `&#x4e2d;` and the like decoded; an unknown one is kept as written.
fn decode_into(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let number = |digits: &str, radix| {
                u32::from_str_radix(digits, radix)
                    .ok()
                    .and_then(char::from_u32)
            };
            match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                    Some(hex) => number(hex, 16),
                    None => name.strip_prefix('#').and_then(|d| number(d, 10)),
                },
            }
        });
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(table: &Table) -> Vec<Vec<String>> {
        table
            .rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|c| {
                        if c.continued {
                            "^".into()
                        } else {
                            c.text.clone()
                        }
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn excels_clipboard_rows_with_merges_and_line_breaks() {
        let html = "<html><head><style><!--td {mso-number-format:\"<table>\";}--></style></head><body>\
            <table border=0 style='border-collapse:collapse'><!--StartFragment-->\
            <col width=47>\
            <tr height=37><td class=xl65>序号</td><td>问题表现</td><TD>整改措施</TD></tr>\
            <tr><td rowspan=2 class=xl66>1</td><td rowspan=\"2\">学习不深入，<br\n  style='mso-data-placement:same-cell' />\n    理论联系实际不够</td>\
            <td>每月学习&nbsp;1&#27425;</td></tr>\
            <tr><td>写心得 &amp; 笔记</td></tr>\
            <!--EndFragment--></table></body></html>";
        let table = read(html).unwrap();
        assert_eq!(
            texts(&table),
            [
                vec!["序号", "问题表现", "整改措施"],
                vec!["1", "学习不深入，\n理论联系实际不够", "每月学习 1次"],
                vec!["^", "^", "写心得 & 笔记"],
            ]
        );
    }

    #[test]
    fn words_paragraphs_are_a_cells_lines_and_a_nested_table_its_text() {
        let html =
            "<table class=MsoTableGrid><tr><td><p class=MsoNormal><span>学用脱节，</span></p>\n\
            <p class=MsoNormal><span>运用</span><span lang=EN-US>2</span></p></td>\
            <td><table><tr><td>内层</td></tr></table></td></tr></table>\
            <table><tr><td>第二个表格不读</td></tr></table>";
        let table = read(html).unwrap();
        assert_eq!(texts(&table), [vec!["学用脱节，\n运用2", "内层"]]);
    }

    #[test]
    fn no_table_is_none_and_stray_brackets_are_text() {
        assert_eq!(read("<p>只是一段文字</p>"), None);
        let table = read("<table><tr><td>a < b &unknown; &#xZZ;</td></tr></table>").unwrap();
        assert_eq!(texts(&table), [vec!["a < b &unknown; &#xZZ;"]]);
    }

    #[test]
    fn malformed_html_of_many_brackets_is_read_in_linear_time() {
        let many = "<a".repeat(40_000);
        let html = format!("<table><tr><td>{many}</td></tr></table>");
        let started = std::time::Instant::now();
        // As a browser reads it: one tag named `a<a<a…` up to the first `>`.
        assert_eq!(read(&html).unwrap().rows.len(), 1);
        let open = format!("<table><tr><td>{many}");
        assert!(read(&open).unwrap().rows[0][0].text.starts_with("<a<a"));
        let tagged = format!(
            "<table><tr><td>{}</td></tr></table>",
            "<a ".repeat(40_000) + ">"
        );
        read(&tagged).unwrap();
        // Quadratic, this was seconds in a debug build (7–8 s in the browser for 80 KB).
        assert!(
            started.elapsed() < std::time::Duration::from_millis(1500),
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn spans_are_read_however_they_are_written() {
        assert_eq!(span(" ROWSPAN = '3' class=x", "rowspan"), 3);
        assert_eq!(span(" colspan=2", "rowspan"), 1);
        assert_eq!(span(" rowspan=0", "rowspan"), 1);
        assert_eq!(span(" rowspan=abc", "rowspan"), 1);
    }
}
