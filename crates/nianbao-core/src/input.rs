//! What a user gave, before anything reads it: the format's JSON, or a
//! report's text to import. The viewer, the paste handler and the
//! importer's own sniffing (`nianbao_import::kind_of`) all decide with these,
//! so a file is never JSON to one and text to another.

/// Whether bytes are JSON (or try to be: a broken JSON file is read by the
/// JSON reader, which says where it breaks), by their first byte after a
/// byte-order mark and whitespace. Empty input counts as JSON: the reader
/// says it is empty.
pub fn is_json_like(bytes: &[u8]) -> bool {
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    matches!(body.iter().find(|b| !b.is_ascii_whitespace()), None | Some(b'{' | b'['))
}

/// The text of `bytes` when they are a report's text rather than JSON: UTF-8
/// that does not open with `{` or `[` and speaks of 政府信息公开 (or is a Word
/// document's XML). A paste anywhere on a page is taken for a report only
/// then; other pasted text is left to the page.
pub fn report_text(bytes: &[u8]) -> Option<&str> {
    if is_json_like(bytes) {
        return None;
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let body = text.trim_start_matches('\u{feff}').trim_start();
    let about_disclosure = body.contains("政府信息公开") || body.contains("年度报告") || body.contains("<w:document");
    about_disclosure.then_some(text)
}

/// Whether text pasted on the page (not into a field) is something to open:
/// a JSON object, or a report's text. A pasted array or number is more
/// likely a slip than a report, and is left to the page.
pub fn is_report_paste(text: &str) -> bool {
    text.trim_start_matches('\u{feff}').trim_start().starts_with('{') || report_text(text.as_bytes()).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_text_and_other_pastes() {
        assert!(is_json_like(b"\xef\xbb\xbf  {\"a\":1}"));
        assert!(is_json_like(b"[1]"));
        assert!(is_json_like(b"   "));
        assert!(!is_json_like("某某局2024年政府信息公开工作年度报告".as_bytes()));
        assert_eq!(
            report_text("一、总体情况\n本机关政府信息公开……".as_bytes()),
            Some("一、总体情况\n本机关政府信息公开……")
        );
        assert_eq!(report_text("会议纪要".as_bytes()), None);
        assert_eq!(report_text(b"\xff\xfe"), None);
        assert!(is_report_paste("  {\"format\": "));
        assert!(is_report_paste("2024年度报告"));
        assert!(!is_report_paste("hello"));
        assert!(!is_report_paste("[1, 2]"));
        assert!(!is_report_paste("   "));
    }
}
