//! The one reader of tags for every markup the importer reads: HTML pages
//! (a site's page, Word's "save as web page") and a `.docx` file's XML.
//! Every pass over a page reads it through [`tags`], so every pass sees the
//! same tags in the same order.
//!
//! It is tolerant and never fails, as a browser is: a `<` that opens no tag
//! (`5 < 6`, `< 3>`, a `<` at the end) is text, an unclosed comment or
//! skipped element ends the page, and names are read as far as they are
//! letters, digits and `:` (Word's `<o:p>`, `<st1:chsdate>`, `<w:tc>`).
//! Comments, `<!…>` and `<?…>` declarations and the bodies of the elements a
//! caller names (a page's `<script>` and `<style>`) are skipped here and
//! nowhere else.
//!
//! [`Rows`] is what the tags become: lines, and table rows as lines of
//! tab-separated cells.

mod entities;
mod rows;

use std::borrow::Cow;

pub(crate) use rows::Rows;

/// One piece of markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    /// Text as written, entities not decoded yet. A `<` that opens no tag is
    /// text too.
    Text(&'a str),
    /// An opening tag, or a self-closing one (`<br/>`, `<w:tab/>`). The
    /// name is in lower case.
    Open { name: Cow<'a, str>, self_closing: bool },
    /// A closing tag; the name in lower case.
    Close(Cow<'a, str>),
}

/// The tokens of some markup, skipping whole the elements named in
/// `skipped` (lower case): from their opening tag to the end of their
/// closing one, whatever is between, as a browser reads `<script>`.
pub(crate) fn tags<'a>(markup: &'a str, skipped: &'static [&'static str]) -> Tags<'a> {
    Tags { rest: markup, skipped }
}

/// The iterator of [`tags`].
#[derive(Debug, Clone)]
pub(crate) struct Tags<'a> {
    rest: &'a str,
    skipped: &'static [&'static str],
}

impl<'a> Iterator for Tags<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            let rest = self.rest;
            if rest.is_empty() {
                return None;
            }
            let lt = rest.find('<').unwrap_or(rest.len());
            if lt > 0 {
                self.rest = &rest[lt..];
                return Some(Token::Text(&rest[..lt]));
            }
            // Comments and Word's conditional markup (`<![if …]>`): skipped whole.
            if let Some(after) = rest.strip_prefix("<!--") {
                self.rest = after.find("-->").map_or("", |end| &after[end + 3..]);
                continue;
            }
            if rest.starts_with("<!") || rest.starts_with("<?") {
                self.rest = after_gt(rest);
                continue;
            }
            // A `<` not followed by a tag name (`5 < 6`) is text.
            if !rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/') {
                self.rest = &rest[1..];
                return Some(Token::Text(&rest[..1]));
            }
            let Some(gt) = rest.find('>') else {
                // A `<` that opens nothing: text.
                self.rest = "";
                return Some(Token::Text(rest));
            };
            let tag = &rest[1..gt];
            self.rest = &rest[gt + 1..];
            let closing = tag.starts_with('/');
            let name = tag.trim_start_matches('/');
            let name = &name[..name.find(|c: char| !(c.is_ascii_alphanumeric() || c == ':')).unwrap_or(name.len())];
            if name.is_empty() {
                // `</ >` and the like: the text it was.
                return Some(Token::Text(&rest[..=gt]));
            }
            let name = lower_case(name);
            if closing {
                return Some(Token::Close(name));
            }
            if self.skipped.contains(&&*name) {
                self.rest = find_end_tag(self.rest, &name).map_or("", |at| after_gt(&self.rest[at..]));
                continue;
            }
            return Some(Token::Open { name, self_closing: tag.ends_with('/') });
        }
    }
}

/// What follows the first `>`, or nothing.
fn after_gt(markup: &str) -> &str {
    markup.find('>').map_or("", |gt| &markup[gt + 1..])
}

fn lower_case(name: &str) -> Cow<'_, str> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(name)
    }
}

/// Where the first `</name` is, in any case (`</SCRIPT`). Reads each byte
/// of the markup at most twice, so skipping every script of a page costs
/// as much as reading it once.
fn find_end_tag(markup: &str, name: &str) -> Option<usize> {
    let bytes = markup.as_bytes();
    let mut from = 0;
    while let Some(found) = markup[from..].find("</") {
        let at = from + found;
        let after = at + 2;
        if bytes.get(after..after + name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes())) {
            return Some(at);
        }
        from = after;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(markup: &str) -> Vec<String> {
        tags(markup, &["script", "style"])
            .map(|t| match t {
                Token::Text(text) => format!("{text:?}"),
                Token::Open { name, self_closing: false } => format!("<{name}>"),
                Token::Open { name, self_closing: true } => format!("<{name}/>"),
                Token::Close(name) => format!("</{name}>"),
            })
            .collect()
    }

    #[test]
    fn tags_text_and_names() {
        assert_eq!(
            tokens("<P class=MsoNormal>a<o:p></o:p><st1:chsdate Year=\"2024\">1月</st1:chsdate><br/><TD>b</td>"),
            [
                "<p>",
                "\"a\"",
                "<o:p>",
                "</o:p>",
                "<st1:chsdate>",
                "\"1月\"",
                "</st1:chsdate>",
                "<br/>",
                "<td>",
                "\"b\"",
                "</td>"
            ]
        );
    }

    #[test]
    fn what_opens_no_tag_is_text() {
        assert_eq!(tokens("5 < 6"), ["\"5 \"", "\"<\"", "\" 6\""]);
        assert_eq!(tokens("a</ >b"), ["\"a\"", "\"</ >\"", "\"b\""]);
        assert_eq!(tokens("<\u{4e2d}>"), ["\"<\"", "\"\u{4e2d}>\""]);
        assert_eq!(tokens("x<td"), ["\"x\"", "\"<td\""]);
    }

    #[test]
    fn comments_declarations_and_skipped_elements() {
        assert_eq!(
            tokens(
                "<!DOCTYPE html><?xml version=\"1.0\"?><!-- <td> --><![if !supportLists]>a<![endif]>\
                <script>var t = '<td>';</SCRIPT >b<style>td{}</style  ><p>"
            ),
            ["\"a\"", "\"b\"", "<p>"]
        );
        // Unclosed, they end the markup.
        assert!(tokens("<!-- <td>").is_empty());
        assert!(tokens("<script><td>").is_empty());
        assert!(tokens("<script><td></script").is_empty());
        // Only a whole opening name is skipped: `<scripts>` is not a script.
        assert_eq!(tokens("<scripts>a"), ["<scripts>", "\"a\""]);
    }

    #[test]
    fn end_tags_are_found_in_any_case() {
        assert_eq!(find_end_tag("a </b> </ScRiPt x>", "script"), Some(7));
        assert_eq!(find_end_tag("</</script", "script"), Some(2));
        assert_eq!(find_end_tag("</scrip", "script"), None);
        assert_eq!(find_end_tag("</\u{4e2d}script", "script"), None);
    }
}
