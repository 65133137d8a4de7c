//! Turning the bytes of a file into text, or saying what the file seems to be when it is not a text file we read.
//!
//! Accepted: UTF-8 with or without BOM, and UTF-16 (LE or BE) as Windows Notepad writes it. Refused, with the
//! reason named: legacy Chinese encodings (GBK/GB2312), Office documents, archives, PDFs, pictures, other binaries.

use std::ops::Range;

use super::SLICE;

/// Why the bytes are not text that the app reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotText {
    Empty,
    /// The file looks like this kind of document, e.g. "Word文档（.docx）".
    Known(&'static str),
    /// Not UTF-8, but plausible as GBK/GB2312.
    LegacyChinese,
    /// Not text at all.
    Binary,
}

/// JSON `text` with DEL and the C1 control characters (U+007F–U+009F) written as `\u` escapes. JSON allows them
/// raw, but a file holding them raw is one `decode` refuses as not text; escaped, the file is plain text and its
/// strings (and so its digest, made of the values) are the same. Such characters stand only inside strings, so
/// every occurrence is one to escape.
pub fn escape_controls(text: String) -> String {
    let control = |c: char| ('\u{7F}'..='\u{9F}').contains(&c);
    if !text.chars().any(control) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if control(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Decodes `bytes` to text.
pub fn decode(bytes: &[u8]) -> Result<String, NotText> {
    if bytes.is_empty() {
        return Err(NotText::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    if let Some(kind) = known_binary(bytes) {
        return Err(NotText::Known(kind));
    }
    // UTF-16 without a BOM: ASCII characters leave every other byte zero.
    if bytes.len() >= 4 && bytes.len().is_multiple_of(2) {
        if bytes[1] == 0 && bytes[3] == 0 && bytes[0] != 0 {
            return utf16(bytes, u16::from_le_bytes);
        }
        if bytes[0] == 0 && bytes[2] == 0 && bytes[1] != 0 {
            return utf16(bytes, u16::from_be_bytes);
        }
    }
    utf8(bytes)
}

fn utf8(bytes: &[u8]) -> Result<String, NotText> {
    match std::str::from_utf8(bytes) {
        Ok(text) if has_binary_controls(text) => Err(NotText::Binary),
        Ok(text) => Ok(text.to_string()),
        Err(_) if looks_like_gbk(bytes) => Err(NotText::LegacyChinese),
        Err(_) => Err(NotText::Binary),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, NotText> {
    if !bytes.len().is_multiple_of(2) {
        return Err(NotText::Binary);
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let text: String = char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| NotText::Binary)?;
    if has_binary_controls(&text) {
        return Err(NotText::Binary);
    }
    Ok(text)
}

/// Control characters other than tab and line ends do not occur in a text file.
fn has_binary_controls(text: &str) -> bool {
    // Scanned as UTF-8 bytes, not as characters (a 4 MB list is read on every import): C0 and DEL are single
    // bytes, and the C1 controls U+0080–U+009F are exactly the two-byte sequences 0xC2 0x80–0x9F. Sixteen bytes
    // at a time through a table and an OR, with no branch per byte, and only a chunk holding a suspect byte looked
    // at closely: byte by byte, the scan of a 3.9 MB list was 86 ms of its import at 4× CPU; this is 1.5–3× faster
    // in the browser's baseline wasm compiler (measured in Node with `--liftoff --no-wasm-tier-up`).
    // And in slices, each a call of its own, so that the browser's optimised code takes over (`file::SLICE`).
    let bytes = text.as_bytes();
    (0..bytes.len())
        .step_by(SLICE)
        .any(|start| controls_in(bytes, start..bytes.len().min(start + SLICE)))
}

/// Whether a control character begins in `range` of `bytes` (the byte after it may be needed too).
#[inline(never)]
fn controls_in(bytes: &[u8], range: Range<usize>) -> bool {
    let offset = range.start;
    bytes[range].chunks(16).enumerate().any(|(n, chunk)| {
        let from = offset + n * 16;
        chunk
            .iter()
            .fold(false, |any, &b| any | SUSPECT[usize::from(b)])
            && (from..from + chunk.len()).any(|i| control_at(bytes, i))
    })
}

/// Bytes that may begin a control character: C0 but tab and line ends, DEL, and 0xC2 (C1's first byte).
const SUSPECT: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b < 0x20 && !matches!(b, 0x09 | 0x0A | 0x0D)) || b == 0x7F || b == 0xC2;
        b += 1;
    }
    table
};

/// Whether a control character begins at byte `i`.
fn control_at(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'\t' | b'\n' | b'\r' => false,
        0x00..=0x1F | 0x7F => true,
        0xC2 => bytes
            .get(i + 1)
            .is_some_and(|next| (0x80..=0x9F).contains(next)),
        _ => false,
    }
}

/// Every byte above ASCII pairs into a GBK double-byte character.
fn looks_like_gbk(bytes: &[u8]) -> bool {
    let mut i = 0;
    let mut pairs = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r') {
                return false;
            }
            i += 1;
            continue;
        }
        let trail = bytes.get(i + 1).copied().unwrap_or(0);
        if !(0x81..=0xFE).contains(&b) || !(0x40..=0xFE).contains(&trail) || trail == 0x7F {
            return false;
        }
        pairs += 1;
        i += 2;
    }
    pairs > 0
}

/// Recognises common non-text files by their first bytes, so the message can name them.
fn known_binary(bytes: &[u8]) -> Option<&'static str> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
        let head = &bytes[..bytes.len().min(4096)];
        let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
        return Some(if has(b"word/") {
            "Word文档（.docx）"
        } else if has(b"xl/") {
            "Excel表格（.xlsx）"
        } else if has(b"ppt/") {
            "PowerPoint演示文稿（.pptx）"
        } else {
            "压缩包（.zip）或Office文档"
        });
    }
    let table: [(&[u8], &'static str); 9] = [
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "旧版Office或WPS文档（.doc/.xls/.wps）",
        ),
        (b"%PDF", "PDF文件"),
        (b"\x89PNG", "PNG图片"),
        (b"\xFF\xD8\xFF", "JPEG图片"),
        (b"GIF8", "GIF图片"),
        (b"Rar!", "RAR压缩包"),
        (b"7z\xBC\xAF\x27\x1C", "7z压缩包"),
        (b"\x1F\x8B", "gzip压缩文件"),
        (b"{\\rtf", "RTF文档"),
    ];
    table
        .iter()
        .find(|(magic, _)| starts(magic))
        .map(|(_, what)| *what)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { vec![] };
        out.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        out
    }

    #[test]
    fn utf8_with_and_without_bom_decodes() {
        assert_eq!(
            decode("{\"a\":\"中\"}".as_bytes()).unwrap(),
            "{\"a\":\"中\"}"
        );
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend("{}".as_bytes());
        assert_eq!(decode(&bom).unwrap(), "{}");
    }

    #[test]
    fn utf16_as_notepad_writes_it_decodes() {
        assert_eq!(
            decode(&utf16le("{\"a\":\"中文\"}", true)).unwrap(),
            "{\"a\":\"中文\"}"
        );
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("{\"中\":1}".encode_utf16().flat_map(|u| u.to_be_bytes()))
            .collect();
        assert_eq!(decode(&be).unwrap(), "{\"中\":1}");
        assert_eq!(decode(&utf16le("{\"a\":1}", false)).unwrap(), "{\"a\":1}");
    }

    #[test]
    fn gbk_text_is_named_as_a_legacy_encoding() {
        // "检视整改" in GBK.
        let gbk = [0xBC, 0xEC, 0xCA, 0xD3, 0xD5, 0xFB, 0xB8, 0xC4];
        assert_eq!(decode(&gbk), Err(NotText::LegacyChinese));
    }

    #[test]
    fn office_files_are_named() {
        let docx = [
            b"PK\x03\x04".as_slice(),
            b"....[Content_Types].xml...word/document.xml",
        ]
        .concat();
        assert_eq!(decode(&docx), Err(NotText::Known("Word文档（.docx）")));
        let xlsx = [b"PK\x03\x04".as_slice(), b"....xl/workbook.xml"].concat();
        assert_eq!(decode(&xlsx), Err(NotText::Known("Excel表格（.xlsx）")));
    }

    #[test]
    fn the_byte_scan_finds_exactly_the_control_characters() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            let expected = c.is_control() && !matches!(c, '\t' | '\n' | '\r');
            assert_eq!(has_binary_controls(&text), expected, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn a_control_is_found_wherever_it_falls_in_the_scans_chunks() {
        for at in 0..40 {
            for c in ['\u{0}', '\u{1b}', '\u{7f}', '\u{80}', '\u{9f}'] {
                let text = format!("{}{c}{}", "x".repeat(at), "y".repeat(40 - at));
                assert!(has_binary_controls(&text), "U+{:04X} at {at}", c as u32);
            }
            // U+00B7 (the dot in 阿依古丽·买买提) begins with 0xC2 too, and is text.
            let text = format!("{}·\n\t\r{}", "x".repeat(at), "y".repeat(40 - at));
            assert!(!has_binary_controls(&text), "· at {at}");
        }
    }

    #[test]
    fn a_control_across_two_slices_is_found() {
        // U+0080 is 0xC2 0x80: its first byte the last of a slice, its second the first of the next.
        let text = format!("{}\u{80}", "x".repeat(SLICE - 1));
        assert!(has_binary_controls(&text));
        let text = format!("{}·{}", "x".repeat(SLICE - 1), "y".repeat(10));
        assert!(!has_binary_controls(&text));
        let text = format!("{}\u{1b}", "x".repeat(3 * SLICE));
        assert!(has_binary_controls(&text), "in the last slice");
    }

    #[test]
    fn empty_and_binary_are_refused() {
        assert_eq!(decode(b""), Err(NotText::Empty));
        assert_eq!(
            decode(&[0x00, 0x01, 0x02, 0xFF, 0x10]),
            Err(NotText::Binary)
        );
    }
}
