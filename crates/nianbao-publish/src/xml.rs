//! Escaping text for HTML and XML: report text is text, never markup.

/// Appends `text` escaped for element content and attribute values (in
/// double quotes) of HTML and XML alike. Characters XML 1.0 does not allow
/// (C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF) are
/// left out: Word refuses a file holding one, and no report means one.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_and_forbidden_characters_left_out() {
        assert_eq!(escape("<b>\"A&B\"</b>\u{1}\u{b}\t\u{ffff}中"), "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;\t中");
    }
}
