//! HTML pages (a government site's report page saved from the browser, or a
//! Word document saved as a web page) turned into the text the text importer
//! reads: block elements become lines, each table row a line of
//! tab-separated cells, so an empty cell stays an empty field.
//!
//! A small tolerant reader rather than an HTML parser crate: the importer needs
//! text, cell boundaries and line breaks, nothing of the DOM, and every
//! visitor pays for the wasm. It never fails: unclosed tags, stray `<`,
//! unknown entities and Word's `<o:p>` and `<![if …]>` markup are all read.

use crate::{import_text, ImportOptions, Imported};

/// Imports a report from an HTML page.
pub fn import_html(html: &str, options: &ImportOptions) -> Imported {
    import_text(&html_to_text(html), options)
}

/// Elements whose start and end break the line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "title",
    "caption",
    "dd",
    "dt",
    "dl",
];

/// Which cells of a page (by the order of their opening tags) hold a page
/// rather than a value: a cell around a nested table, or with several
/// paragraphs. Sites laid out with tables put the whole article in one cell.
fn container_cells(html: &str) -> Vec<bool> {
    /// Paragraphs and breaks from which a cell is a container.
    const BLOCKS_IN_A_CONTAINER: usize = 4;
    let mut containers = Vec::new();
    // Open cells: their index, and what they hold so far.
    let mut open: Vec<(usize, usize, bool)> = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt + 1..];
        if let Some(after) = rest.strip_prefix("!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let closing = rest.starts_with('/');
        let name: String = rest
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        match name.as_str() {
            "script" | "style" if !closing => {
                let end = format!("</{name}");
                rest = find_ignore_case(rest, &end).map_or("", |at| &rest[at..]);
            }
            "td" | "th" if !closing => {
                open.push((containers.len(), 0, false));
                containers.push(false);
            }
            "td" | "th" => {
                if let Some((index, blocks, nested)) = open.pop() {
                    containers[index] = nested || blocks >= BLOCKS_IN_A_CONTAINER;
                }
            }
            "table" if !closing => {
                if let Some(cell) = open.last_mut() {
                    cell.2 = true;
                }
            }
            block if !closing && BLOCKS.contains(&block) => {
                if let Some(cell) = open.last_mut() {
                    cell.1 += 1;
                }
            }
            _ => {}
        }
    }
    // Cells never closed are judged by what they held.
    for (index, blocks, nested) in open {
        containers[index] = nested || blocks >= BLOCKS_IN_A_CONTAINER;
    }
    containers
}

/// The text of an HTML page, with table rows as tab-separated lines.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 3);
    // Inside a table cell, line breaks become spaces: a cell is one field.
    // A cell that holds a page (a layout table's) is no field: see through it.
    let containers = container_cells(html);
    let mut cells_opened = 0usize;
    let mut open_cells: Vec<bool> = Vec::new();
    let mut cell_depth = 0usize;
    let mut first_cell_in_row = true;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            push_text(&mut out, rest, cell_depth > 0);
            break;
        };
        push_text(&mut out, &rest[..lt], cell_depth > 0);
        rest = &rest[lt..];
        // Comments and Word's conditional markup: skipped whole.
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
            continue;
        }
        // A `<` not followed by a tag name (`5 < 6`) is text.
        if !rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/') {
            push_text(&mut out, "<", cell_depth > 0);
            rest = &rest[1..];
            continue;
        }
        let Some(gt) = rest.find('>') else {
            // A `<` that opens nothing: text.
            push_text(&mut out, rest, cell_depth > 0);
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == ':')
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if name.is_empty() {
            // `< 3` and the like: the text it was.
            push_text(&mut out, &format!("<{tag}>"), cell_depth > 0);
            continue;
        }
        match name.as_str() {
            "script" | "style" | "head" if !closing => {
                let end = format!("</{name}");
                rest = find_ignore_case(rest, &end)
                    .map_or("", |at| rest[at..].find('>').map_or("", |gt| &rest[at + gt + 1..]));
            }
            "tr" => {
                end_line(&mut out);
                first_cell_in_row = true;
            }
            "td" | "th" if !closing => {
                let container = containers.get(cells_opened).copied().unwrap_or(false);
                cells_opened += 1;
                open_cells.push(container);
                if container {
                    end_line(&mut out);
                    continue;
                }
                trim_spaces(&mut out);
                if !first_cell_in_row {
                    out.push('\t');
                }
                first_cell_in_row = false;
                cell_depth += 1;
            }
            "td" | "th" => {
                if open_cells.pop().unwrap_or(false) {
                    end_line(&mut out);
                    continue;
                }
                trim_spaces(&mut out);
                cell_depth = cell_depth.saturating_sub(1);
            }
            block if BLOCKS.contains(&block) => {
                if cell_depth > 0 {
                    push_text(&mut out, " ", true);
                } else {
                    end_line(&mut out);
                }
            }
            _ => {}
        }
    }
    out
}

pub(crate) fn trim_spaces(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
}

pub(crate) fn end_line(out: &mut String) {
    trim_spaces(out);
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// Appends text with its entities decoded and its whitespace collapsed as a
/// browser shows it.
pub(crate) fn push_text(out: &mut String, raw: &str, in_cell: bool) {
    let decoded = decode_entities(raw);
    for c in decoded.chars() {
        let c = if c == '\u{a0}' || c == '\u{3000}' && in_cell { ' ' } else { c };
        if c.is_whitespace() && c != '\u{3000}' {
            // Collapse runs of whitespace; never start a line or a cell with it.
            if !(out.is_empty() || out.ends_with([' ', '\n', '\t'])) {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack.to_ascii_lowercase().find(&needle.to_ascii_lowercase())
}

/// Decodes the entities pages use: named ones for spacing and markup, and
/// every numeric one. Unknown entities stay as written.
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.char_indices().take(12).find(|(_, c)| *c == ';').map(|(i, _)| i) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "nbsp" | "ensp" | "emsp" | "thinsp" => Some('\u{a0}'),
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "ldquo" => Some('“'),
            "rdquo" => Some('”'),
            "lsquo" => Some('‘'),
            "rsquo" => Some('’'),
            "mdash" => Some('—'),
            "ndash" => Some('–'),
            "middot" => Some('·'),
            _ => {
                let number = entity.strip_prefix('#').and_then(|n| match n.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => n.parse().ok(),
                });
                number.and_then(char::from_u32)
            }
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_become_tab_separated_lines_with_blanks_kept() {
        let html = r#"<table><tr><td rowspan="2">规章</td><td>1</td><td></td><td>&nbsp;</td><td>3</td></tr></table>"#;
        assert_eq!(html_to_text(html), "规章\t1\t\t\t3\n");
    }

    #[test]
    fn word_markup_and_split_numbers() {
        let html = "<p class=MsoNormal><span lang=EN-US>二、主动公开<o:p></o:p></span></p>\
            <table><tr><td><p><span>行政许可</span></p></td><td><p><span>12</span><span>3</span><![if !supportLists]>\
            <span style='mso-spacerun:yes'> </span><![endif]></p></td></tr></table>";
        assert_eq!(html_to_text(html), "二、主动公开\n行政许可\t123\n");
    }

    #[test]
    fn a_layout_table_around_the_article_is_seen_through() {
        let html =
            "<table><tr><td><h1>某某区2024年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>本年共受理申请2件。</p>\
            <p>二、主动公开政府信息情况</p><table><tr><td>规章</td><td>1</td><td>0</td><td>3</td></tr></table></td>\
            <td><p>相关链接</p></td></tr></table>";
        let text = html_to_text(html);
        let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines,
            [
                "某某区2024年政府信息公开工作年度报告",
                "一、总体情况",
                "本年共受理申请2件。",
                "二、主动公开政府信息情况",
                "规章\t1\t0\t3",
                "相关链接"
            ]
        );
    }

    #[test]
    fn scripts_styles_comments_and_entities() {
        let html = "<html><head><title>x</title><style>td{}</style></head><body><script>var a = '<td>';</script>\
            <!-- <td>9</td> --><p>A &amp; B &lt;c&gt; &#20013;&#x6587; &unknown; 5 < 6</p></body></html>";
        assert_eq!(html_to_text(html), "A & B <c> 中文 &unknown; 5 < 6\n");
    }

    #[test]
    fn hostile_html_never_panics() {
        for html in [
            "<",
            "<<>>",
            "<td",
            "</td></tr><td>",
            "&#xFFFFFFFF;",
            "&#;",
            "<script>",
            "<!--",
            "<p>&",
            "<\u{4e2d}>",
            "&中文字符很长很长;",
            "&#xD800;",
        ] {
            let _ = html_to_text(html);
        }
    }
}
