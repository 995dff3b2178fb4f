//! HTML pages (a government site's report page saved from the browser, or a
//! Word document saved as a web page) turned into the text the text importer
//! reads: block elements become lines, each table row a line of
//! tab-separated cells, so an empty cell stays an empty field.
//!
//! A small tolerant reader rather than an HTML parser: the importer needs
//! text, cell boundaries and line breaks, nothing of the DOM. It never
//! fails: unclosed tags, stray `<`, unknown entities and Word's `<o:p>` and
//! `<![if …]>` markup are all read. The tags are read by [`crate::markup`],
//! in one pass; what is here is what pages mean by them.

use std::collections::VecDeque;

use crate::markup::{self, Rows, Token};
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

/// Elements whose content is no text of the page: scripts and styles hold
/// none, and the head holds only the page's metadata.
const SKIPPED: &[&str] = &["script", "style", "head"];

fn is_cell(name: &str) -> bool {
    name == "td" || name == "th"
}

/// The text of an HTML page, with table rows as tab-separated lines.
pub fn html_to_text(html: &str) -> String {
    let mut rows = Rows::with_capacity(html.len() / 3);
    // A cell that holds a page (a layout table's) is no field: see through it.
    for part in judged_cells(html) {
        match part {
            Part::CellOpen { container: true } | Part::CellClose { container: true } => rows.line_break(),
            Part::CellOpen { container: false } => rows.cell_open(),
            Part::CellClose { container: false } => rows.cell_close(),
            Part::Token(Token::Text(text)) => rows.text(text),
            Part::Token(Token::Open { name, .. } | Token::Close(name)) => {
                if name == "tr" {
                    rows.row_end();
                } else if BLOCKS.contains(&&*name) {
                    rows.block_break();
                }
            }
        }
    }
    rows.into_text()
}

/// A page's tokens, with each cell's opening and closing tag told whether
/// the cell is a container.
#[derive(Debug)]
enum Part<'a> {
    Token(Token<'a>),
    CellOpen { container: bool },
    CellClose { container: bool },
}

/// The tokens of a page, with its cells judged in the same pass: whether a
/// cell holds a page rather than a value (a nested table, or several
/// paragraphs; sites laid out with tables put the whole article in one
/// cell). Since that is known only once the cell has been read far enough,
/// the tokens from the first cell not judged yet are held back until it is.
fn judged_cells(html: &str) -> JudgedCells<'_> {
    JudgedCells { tokens: markup::tags(html, SKIPPED), held: VecDeque::new(), given: 0, open: Vec::new() }
}

struct JudgedCells<'a> {
    tokens: markup::Tags<'a>,
    /// Read and not given out yet; `None` is the opening of a cell not judged yet.
    held: VecDeque<Option<Part<'a>>>,
    /// How many parts were given out: the place of `held[0]`.
    given: usize,
    /// The cells open, innermost last.
    open: Vec<OpenCell>,
}

#[derive(Debug, Clone, Copy)]
struct OpenCell {
    /// The place of its opening among the parts.
    place: usize,
    blocks: usize,
    nested: bool,
}

impl OpenCell {
    fn is_container(self) -> bool {
        /// Paragraphs and breaks from which a cell is a container.
        const BLOCKS_IN_A_CONTAINER: usize = 4;
        self.nested || self.blocks >= BLOCKS_IN_A_CONTAINER
    }
}

impl<'a> JudgedCells<'a> {
    /// Judges a cell's opening, if it is still held unjudged.
    fn judge(&mut self, cell: OpenCell) {
        let held = cell.place.checked_sub(self.given).and_then(|i| self.held.get_mut(i));
        if let Some(part @ None) = held {
            *part = Some(Part::CellOpen { container: cell.is_container() });
        }
    }

    fn read(&mut self, token: Token<'a>) {
        let part = match &token {
            Token::Open { name, .. } if is_cell(name) => {
                self.open.push(OpenCell { place: self.given + self.held.len(), blocks: 0, nested: false });
                self.held.push_back(None);
                return;
            }
            Token::Close(name) if is_cell(name) => {
                let cell = self.open.pop();
                if let Some(cell) = cell {
                    self.judge(cell);
                }
                Part::CellClose { container: cell.is_some_and(OpenCell::is_container) }
            }
            Token::Open { name, .. } => {
                if let Some(cell) = self.open.last_mut() {
                    if name == "table" {
                        cell.nested = true;
                    } else if BLOCKS.contains(&&**name) {
                        cell.blocks += 1;
                    }
                    // A container stays one: judged as soon as it is one.
                    let cell = *cell;
                    if cell.is_container() {
                        self.judge(cell);
                    }
                }
                Part::Token(token)
            }
            _ => Part::Token(token),
        };
        self.held.push_back(Some(part));
    }
}

impl<'a> Iterator for JudgedCells<'a> {
    type Item = Part<'a>;

    fn next(&mut self) -> Option<Part<'a>> {
        loop {
            if let Some(Some(_)) = self.held.front() {
                self.given += 1;
                return self.held.pop_front().flatten();
            }
            let Some(token) = self.tokens.next() else {
                // Cells never closed are judged by what they held.
                for cell in std::mem::take(&mut self.open) {
                    self.judge(cell);
                }
                let part = self.held.pop_front()?;
                self.given += 1;
                return Some(part.unwrap_or(Part::CellOpen { container: false }));
            };
            self.read(token);
        }
    }
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

    /// The lines of a page's text, without blank ones.
    fn lines(html: &str) -> Vec<String> {
        html_to_text(html).lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
    }

    /// An article laid out in a table's cell, and the links beside it.
    const LAYOUT_TABLE: &str = "<table><tr><td><h1>某某区2024年政府信息公开工作年度报告</h1><p>一、总体情况</p>\
        <p>本年共受理申请2件。</p><p>二、主动公开政府信息情况</p><table><tr><td>规章</td><td>1</td><td>0</td><td>3</td></tr>\
        </table></td><td><p>相关链接</p></td></tr></table>";

    const LAYOUT_LINES: [&str; 6] = [
        "某某区2024年政府信息公开工作年度报告",
        "一、总体情况",
        "本年共受理申请2件。",
        "二、主动公开政府信息情况",
        "规章\t1\t0\t3",
        "相关链接",
    ];

    #[test]
    fn cells_in_the_head_do_not_shift_the_containers() {
        // The head is never read, cells and all: the layout cell after it is
        // still seen through (it was once judged by the head's cell).
        let html = format!(
            "<html><head><title>x</title><TD>a stray cell</TD><meta name=keywords></head><body>{LAYOUT_TABLE}</body></html>"
        );
        assert_eq!(lines(&html), LAYOUT_LINES);
    }

    #[test]
    fn names_with_a_colon_are_whole_names() {
        // Word's `<o:p>` and `<st1:chsdate>`, and a template's `<th:block>`,
        // are neither cells nor blocks, in the judging as in the text.
        let html = LAYOUT_TABLE
            .replace("<td><h1>", "<td><th:block><h1>")
            .replace("</table></td>", "</table></th:block></td>")
            .replace("本年", "<st1:chsdate Year=\"2024\" w:st=\"on\">本年</st1:chsdate><o:p></o:p>")
            .replace("<td>规章</td>", "<td><p class=MsoNormal>规章<o:p></o:p></p></td>")
            .replace("<td>1</td>", "<td><p:x><p:x><p:x><p:x>1</td>");
        assert_eq!(lines(&html), LAYOUT_LINES);
    }

    #[test]
    fn markup_inside_attributes_is_no_tag() {
        // A `<` or `<!--` in an attribute's value opens nothing.
        let html = LAYOUT_TABLE
            .replace("<h1>", "<img alt=\"a<td\"><a title=\"<!--\" href=x><h1>")
            .replace("</table></td>", "</table><!-- end --></td>");
        assert_eq!(lines(&html), LAYOUT_LINES);
    }

    #[test]
    fn a_page_of_thousands_of_scripts_is_read_once() {
        // 5,000 scripts and styles in 2 MB: each script's end is found from
        // where it starts, never by reading the rest of the page again.
        let mut html = String::from("<html><head><title>x</title></head><body>");
        let mut expected = String::new();
        let filler = "x".repeat(300);
        for i in 0..5_000 {
            html.push_str(&format!("<p>第{i}段</p><SCRIPT type=text/javascript>var s = '<td>{filler}';</Script>"));
            if i % 10 == 0 {
                html.push_str("<style>td { color: red }</STYLE >");
            }
            expected.push_str(&format!("第{i}段\n"));
        }
        html.push_str("</body></html>");
        assert!(html.len() > 1_800_000);
        assert_eq!(html_to_text(&html), expected);
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
        // Cells never closed, nested deep: all held until the end, then judged.
        let deep = html_to_text(&"<td><p>a".repeat(100_000));
        assert!(deep.split('\t').all(|cell| cell == "a") && deep.len() == 2 * 100_000 - 1);
    }
}
