//! The report as a static web page in the official layout: no script, no
//! event handler, so that CMSes that forbid scripts take it as it is.
//!
//! The page is the title (`<h1>`), the six sections in printed order (text
//! sections as paragraphs, （一）-style lines as `<h3>`), and each table with
//! its heading in its `<caption>` (so the heading is written once: a reader
//! and the importer meet it where the table is). Table cells are laid out as
//! `nianbao_core::layout` gives them: rowspans and colspans as printed,
//! headers as `<th>` with `scope` and an id, every value cell naming its
//! headers. A header no value cell names (信息内容, the 勾稽关系 note) is a
//! plain cell drawn as a header, as in the app: a `<th>` must describe data.
//!
//! Optionally, the report's JSON rides along in a
//! `<script type="application/json">` data block (never run: browsers do not
//! execute that type), inside `<nianbao-report>`, so that a page that loads
//! `nianbao-embed.js` shows the live report there, and any other page shows
//! the static one. The JSON escapes every `<`, so no text of the report can
//! close the block.

use crate::xml::{escape, escape_into};
use crate::Source;
use nianbao_core::layout::{GridKind, TableLayout};
use nianbao_core::template::{Lang, SECTIONS};
use nianbao_core::Loaded;
use std::collections::HashSet;

/// How the page is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Page {
    /// Only the report's `<article>` (with its `<style>`), to paste into a
    /// CMS editor (whose page has its own landmarks); otherwise a whole
    /// document, the report in its `<main>`.
    pub fragment: bool,
    /// The report's JSON in a data block, for `<nianbao-report>`.
    pub data: bool,
}

/// The prefix of every id and class of the page, so that a fragment in a
/// host page meets none of the host's.
const PREFIX: &str = "nianbao-";

/// The stylesheet: the official layout on screen (a scrolling frame for
/// each table on a narrow screen) and in print (A4 with the margins of
/// GB/T 9704, rows never cut, 表三's and 表四's heads repeated on each page).
const STYLE: &str = "\
.nianbao-report{max-width:56em;margin:0 auto;padding:1em;color:#000;background:#fff;\
font:1rem/1.8 \"仿宋_GB2312\",\"仿宋\",FangSong,STFangsong,serif}\
.nianbao-report h1{margin:.5em 0 1em;text-align:center;font:700 1.6em/1.5 \"方正小标宋简体\",\"方正小标宋_GBK\",\"小标宋\",\"宋体\",SimSun,\"Songti SC\",serif}\
.nianbao-report h2{margin:1.2em 0 .4em;font:700 1.05em/1.6 \"黑体\",SimHei,\"Heiti SC\",sans-serif}\
.nianbao-report h3{margin:.4em 0;text-indent:2em;font:1em/1.8 \"楷体_GB2312\",\"楷体\",KaiTi,STKaiti,serif}\
.nianbao-report p{margin:0 0 .3em;text-indent:2em}\
.nianbao-report .nianbao-scroll{overflow-x:auto;margin:0 0 1em}\
.nianbao-report .nianbao-scroll:focus-visible{outline:2px solid #1a5fb4}\
.nianbao-report table{border-collapse:collapse;width:100%;font-size:.875em;line-height:1.45}\
.nianbao-report caption{text-align:left}\
.nianbao-report th,.nianbao-report td{border:1px solid #000;padding:.3em .4em;font-weight:400;text-align:center;vertical-align:middle}\
.nianbao-report .nianbao-rh{text-align:left}\
.nianbao-report .nianbao-block{text-align:left}\
.nianbao-report .nianbao-vertical{writing-mode:vertical-rl;text-orientation:upright;letter-spacing:.2em;width:1.6em}\
.nianbao-report .nianbao-applications{min-width:46em}\
.nianbao-report .nianbao-appeals{min-width:44em}\
@media (max-width:600px){.nianbao-report{padding:.5em}.nianbao-report table{font-size:.75em}}\
@media print{@page{size:A4;margin:37mm 26mm 35mm 28mm}\
.nianbao-report{max-width:none;margin:0;padding:0;font-size:16pt}\
.nianbao-report .nianbao-scroll{overflow:visible}\
.nianbao-report table{font-size:10.5pt;min-width:0}\
.nianbao-report tr{break-inside:avoid;page-break-inside:avoid}\
.nianbao-report thead{display:table-header-group}\
.nianbao-report h2,.nianbao-report h3{break-after:avoid;page-break-after:avoid}\
.nianbao-report p{orphans:2;widows:2}}";

/// The report as a web page (or a fragment, `page.fragment`). `None` when
/// the document is not a readable report.
pub fn html(loaded: &Loaded, page: &Page) -> Option<String> {
    let source = Source::new(loaded)?;
    let mut out = String::with_capacity(64 * 1024 + source.document.to_json().len() * usize::from(page.data));
    let title = source.title();
    if !page.fragment {
        out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.push_str("<meta name=\"generator\" content=\"Nianbao\">\n<title>");
        escape_into(&mut out, &title);
        out.push_str("</title>\n<style>");
        out.push_str(STYLE);
        out.push_str("</style>\n</head>\n<body>\n<main>\n");
    }
    if page.data {
        out.push_str("<nianbao-report lang=\"zh\" view=\"tables\">\n<script type=\"application/json\">");
        out.push_str(&data_block(&source.document.to_json()));
        out.push_str("</script>\n");
    }
    out.push_str("<article class=\"nianbao-report\" lang=\"zh-CN\">\n");
    if page.fragment {
        out.push_str("<style>");
        out.push_str(STYLE);
        out.push_str("</style>\n");
    }
    out.push_str("<h1>");
    escape_into(&mut out, &title);
    out.push_str("</h1>\n");
    for (index, section) in SECTIONS.iter().enumerate() {
        match index {
            1..=3 => table(&mut out, &source, &source.tables[index - 1]),
            _ => {
                out.push_str(&format!(
                    "<section aria-labelledby=\"{PREFIX}{key}\">\n<h2 id=\"{PREFIX}{key}\">{}</h2>\n",
                    section.heading.zh,
                    key = section.key
                ));
                for (heading, line) in crate::paragraphs(source.text(section.key)) {
                    let tag = if heading { "h3" } else { "p" };
                    out.push_str(&format!("<{tag}>"));
                    escape_into(&mut out, line);
                    out.push_str(&format!("</{tag}>\n"));
                }
                out.push_str("</section>\n");
            }
        }
    }
    out.push_str("</article>\n");
    if page.data {
        out.push_str("</nianbao-report>\n");
    }
    if !page.fragment {
        out.push_str("</main>\n</body>\n</html>\n");
    }
    Some(out)
}

/// JSON made safe inside a `<script>` element: every `<` written `\u003c`
/// (JSON has `<` only inside strings, where the escape means the same), so
/// neither `</script>` nor `<!--` can occur in it.
pub fn data_block(json: &str) -> String {
    json.replace('<', "\\u003c")
}

/// One table: its heading in its caption, in a frame that scrolls sideways
/// on a narrow screen (focusable, so a keyboard can scroll it too; a region
/// named by the heading).
fn table(out: &mut String, source: &Source<'_>, table: &TableLayout) {
    let caption = table.caption.zh;
    let heading_id = format!("{PREFIX}{}", table.key);
    out.push_str(&format!(
        "<div class=\"{PREFIX}scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"{heading_id}\">\n<table class=\"{PREFIX}{}\">\n<caption><h2 id=\"{heading_id}\">{caption}</h2></caption>\n",
        table.key
    ));
    let referenced: HashSet<&str> =
        table.rows.iter().flatten().flat_map(|c| c.headers.iter().map(String::as_str)).collect();
    let row = |out: &mut String, r: usize| {
        out.push_str("<tr>");
        for cell in &table.rows[r] {
            let mut spans = String::new();
            if cell.colspan > 1 {
                spans.push_str(&format!(" colspan=\"{}\"", cell.colspan));
            }
            if cell.rowspan > 1 {
                spans.push_str(&format!(" rowspan=\"{}\"", cell.rowspan));
            }
            match &cell.kind {
                GridKind::Value { pointer } => {
                    let headers: Vec<String> = cell.headers.iter().map(|h| format!("{PREFIX}{h}")).collect();
                    out.push_str(&format!("<td headers=\"{}\"{spans}>", headers.join(" ")));
                    escape_into(out, &source.cell(pointer));
                    out.push_str("</td>");
                }
                GridKind::Empty => out.push_str(&format!("<td{spans}></td>")),
                kind => {
                    let label = cell.label.map_or("", |l| l.get(Lang::Zh));
                    let id = cell.id.as_deref().unwrap_or("");
                    let (scope, class) = match kind {
                        GridKind::RowHeader if cell.rowspan > 1 => ("rowgroup", "rh"),
                        GridKind::RowHeader => ("row", "rh"),
                        GridKind::BlockHeader => ("colgroup", "block"),
                        _ if cell.colspan > 1 => ("colgroup", "ch"),
                        _ => ("col", "ch"),
                    };
                    // 三、本年度办理结果, printed down its narrow column.
                    let vertical = cell.rowspan > 8 && matches!(kind, GridKind::RowHeader);
                    let class =
                        if vertical { format!("{PREFIX}{class} {PREFIX}vertical") } else { format!("{PREFIX}{class}") };
                    if referenced.contains(id) {
                        out.push_str(&format!(
                            "<th id=\"{PREFIX}{}\" scope=\"{scope}\" class=\"{class}\"{spans}>",
                            escape(id)
                        ));
                        escape_into(out, label);
                        out.push_str("</th>");
                    } else {
                        out.push_str(&format!("<td class=\"{class}\"{spans}>"));
                        escape_into(out, label);
                        out.push_str("</td>");
                    }
                }
            }
        }
        out.push_str("</tr>\n");
    };
    if table.head_rows > 0 {
        out.push_str("<thead>\n");
        (0..table.head_rows).for_each(|r| row(out, r));
        out.push_str("</thead>\n");
    }
    out.push_str("<tbody>\n");
    (table.head_rows..table.rows.len()).for_each(|r| row(out, r));
    out.push_str("</tbody>\n</table>\n</div>\n");
}
