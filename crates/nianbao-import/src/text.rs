//! The text importer: a report as copied from a web page, a Word document or
//! a PDF viewer, with its tables as tab-separated cells (Word, web pages),
//! ` | `-joined cells (table-aware PDF extraction) or spaces (PDF page text).

use crate::{DetectedTemplate, ImportNote, ImportOptions, Imported};
use nianbao_core::json::{Number, Object, Value};
use nianbao_core::template::{
    OtherShape, RowRole, Template, APPEAL_BLOCKS, APPEAL_COLUMNS, APPLICANTS_HEADER, APPLICANT_COLUMNS, BALANCE_NOTE,
    FORMAT_ID, LITIGATION_HEADER, PROACTIVE_ROW_HEADER, SECTIONS,
};

/// The six section headings: the numeral and a phrase that only the heading has.
const HEADINGS: [(&str, &str, &str); 6] = [
    ("overview", "一", "总体情况"),
    ("proactive", "二", "主动公开政府信息"),
    ("applications", "三", "收到和处理政府信息公开申请"),
    ("appeals", "四", "行政复议"),
    ("problems", "五", "存在的主要问题"),
    ("other", "六", "其他需要报告"),
];

/// Folds the ways publishers type the same label into one: no whitespace,
/// ASCII brackets, digits, colons, commas and semicolons, `1、`/`1．` as
/// `1.`, straight quotes.
pub(crate) fn fold_label(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '：' => ':',
            '，' => ',',
            '；' => ';',
            '、' | '．' => '.',
            '“' | '”' | '＂' => '"',
            '‘' | '’' => '\'',
            '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// A line that only a PDF viewer or an extraction tool adds: page numbers
/// (`- 3 -`, `— 3 —` as official documents print them, `第 3 页`), page
/// separators (`--- page 2 ---`).
fn is_page_marker(line: &str) -> bool {
    const DASHES: [char; 4] = ['-', '—', '－', '–'];
    let t = line.trim();
    let inner = t.trim_matches(|c: char| DASHES.contains(&c) || c.is_whitespace());
    let page_number = !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit());
    // A line of ASCII dashes is a separator; other dashes (a row of — for
    // zero) only frame a page number.
    let ascii =
        t.starts_with('-') && t.ends_with('-') && (inner.is_empty() || page_number || inner.starts_with("page"));
    let framed = t.starts_with(DASHES) && t.ends_with(DASHES) && page_number;
    ascii
        || framed
        || (t.starts_with('第')
            && t.ends_with('页')
            && t.chars().filter(char::is_ascii_digit).count() > 0
            && t.chars().count() <= 12)
}

/// A line that belongs to an extraction tool's dump rather than the report.
fn is_tool_output(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("=====") || t.starts_with("SOURCE:")
}

/// What a table cell holds, as printed.
#[derive(Debug, Clone, PartialEq)]
enum CellText {
    Number(String),
    Blank,
    Text(String),
}

impl CellText {
    fn is_blank(&self) -> bool {
        matches!(self, CellText::Blank)
    }

    fn to_value(&self) -> Value {
        match self {
            CellText::Number(raw) => match nianbao_core::json::parse(raw) {
                Ok(parsed) => parsed.value,
                Err(_) => Value::String(raw.clone()),
            },
            CellText::Blank => Value::Null,
            CellText::Text(text) => Value::String(text.clone()),
        }
    }
}

/// Reads one printed cell: a number (`3119`, `7730.28`, `1,234`), a dash or
/// slash for "none", or a number with a unit typed in (`251000元`).
fn cell_token(field: &str) -> Option<CellText> {
    let t = field.trim();
    if t.is_empty() {
        return None;
    }
    if matches!(t, "/" | "／" | "—" | "——" | "-" | "－" | "–" | "无" | "\\") {
        return Some(CellText::Text(t.to_string()));
    }
    let folded: String = t
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '．' => '.',
            _ => c,
        })
        .collect();
    // A minus sign (本年增/减 may go down): ASCII, full-width or the real one.
    // A plus sign (本年增/减 written +1) is dropped: JSON has none.
    let (sign, unsigned) = match folded.strip_prefix(['-', '－', '−']) {
        Some(rest) => ("-", rest),
        None => ("", folded.strip_prefix(['+', '＋']).unwrap_or(folded.as_str())),
    };
    // Thousands separators, ASCII or full-width (3，119), only between
    // groups of three digits: 3，1 is two numbers, not one.
    let whole = unsigned.split('.').next().unwrap_or("");
    let groups: Vec<&str> = whole.split([',', '，']).collect();
    let grouped = groups.len() == 1
        || (!groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    let digits: String = unsigned.chars().filter(|&c| c != ',' && c != '，').collect();
    let numeric = grouped
        && !digits.is_empty()
        && digits.chars().next().is_some_and(|c| c.is_ascii_digit())
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1
        && !digits.ends_with('.');
    if numeric {
        // JSON has no leading zeros: "007" is text as printed.
        let leading_zero = digits.len() > 1 && digits.starts_with('0') && !digits.starts_with("0.");
        return Some(if leading_zero {
            CellText::Text(t.to_string())
        } else {
            CellText::Number(format!("{sign}{digits}"))
        });
    }
    // A number with a unit typed into the cell: kept as text, as printed.
    let starts_numeric = folded.chars().next().is_some_and(|c| c.is_ascii_digit());
    let unit = folded.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    if starts_numeric && matches!(unit, "元" | "万元" | "件" | "个" | "条" | "项" | "%") {
        return Some(CellText::Text(t.to_string()));
    }
    None
}

/// A line of a table: its label text and the run of cells that ends it.
#[derive(Debug, Clone)]
struct TableLine {
    label: String,
    /// The cells, without empty fields before the first one.
    cells: Vec<CellText>,
    /// Every field after the label, empty ones as blanks: when a row has a
    /// known number of cells, this tells a blank first cell from a lost one.
    fields: Vec<CellText>,
    /// The same with empty fields at the end of the line: a blank last cell.
    fields_to_end: Vec<CellText>,
}

impl TableLine {
    /// The row's cells when it should have `n`: the cells as found, or the
    /// fields after the label when those are exactly `n` (a blank first cell).
    fn cells_for(&self, n: usize) -> Option<&[CellText]> {
        if self.cells.len() == n {
            Some(&self.cells)
        } else if self.fields.len() == n {
            Some(&self.fields)
        } else if self.fields.len() < n
            && self.fields_to_end.len() >= n
            && self.fields_to_end[n..].iter().all(|f| *f == CellText::Blank)
        {
            // Blank last cells, then perhaps the printed grid's unused columns.
            Some(&self.fields_to_end[..n])
        } else {
            None
        }
    }
}

/// Splits a table line into label and cells. Tab- and `|`-separated lines
/// keep their empty fields, so a blank cell between numbers stays blank; a
/// line of spaces (PDF text) has no blanks to keep.
fn table_line(line: &str) -> TableLine {
    let separated = line.contains('\t') || line.contains(" | ") || line.contains('|');
    let joined: Vec<String>;
    let fields: Vec<&str> = if line.contains('\t') {
        line.split('\t').collect()
    } else if separated {
        line.split('|').collect()
    } else {
        // A unit printed after its number with a space (`1 件`) belongs to
        // that number's cell, as if typed in it (`1件`).
        let mut merged: Vec<String> = Vec::new();
        for field in line.split_whitespace() {
            let unit = matches!(field, "件" | "个" | "条" | "项" | "元" | "万元");
            match merged.last_mut() {
                Some(last)
                    if unit
                        && last.chars().last().is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)) =>
                {
                    last.push_str(field)
                }
                _ => merged.push(field.to_string()),
            }
        }
        joined = merged;
        joined.iter().map(String::as_str).collect()
    };
    let mut end = fields.len();
    while end > 0 && fields[end - 1].trim().is_empty() {
        end -= 1;
    }
    let mut start = end;
    while start > 0 {
        let field = fields[start - 1];
        if cell_token(field).is_some() || (separated && field.trim().is_empty()) {
            start -= 1;
        } else {
            break;
        }
    }
    let label_end = start;
    let to_cells = |fields: &[&str]| -> Vec<CellText> {
        fields.iter().map(|f| cell_token(f).unwrap_or(CellText::Blank)).collect()
    };
    // The label is followed by the empty cells of merged labels (lost
    // leading cells) or by a blank first cell: only the row's width can
    // tell, so both readings are kept.
    let fields_after_label = to_cells(&fields[label_end..end]);
    let fields_to_end = if separated && label_end < fields.len() { to_cells(&fields[label_end..]) } else { Vec::new() };
    while start < end && fields[start].trim().is_empty() {
        start += 1;
    }
    let cells = to_cells(&fields[start..end]);
    let label = fields[..label_end].iter().map(|f| f.trim()).filter(|f| !f.is_empty()).collect::<Vec<_>>().join(" ");
    TableLine { label, cells, fields: fields_after_label, fields_to_end }
}

/// The lines of the report, without page markers and tool output.
fn report_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    for line in text.lines() {
        if line.trim_start().starts_with("=====") {
            // Everything after a tool's separator is the tool's, not the report's.
            break;
        }
        if is_page_marker(line) || is_tool_output(line) {
            continue;
        }
        lines.push(line);
    }
    lines
}

/// The ways the six headings are worded, after their numeral: the
/// template's words first, then the rewordings agencies use.
const HEADING_WORDS: [&[&str]; 6] = [
    &["总体情况"],
    &["主动公开政府信息", "政府信息主动公开", "主动公开情况"],
    &["收到和处理政府信息公开申请", "依申请公开", "收到和处理"],
    &["行政复议", "行政诉讼"],
    &["存在的主要问题", "存在的问题", "主要问题", "存在问题"],
    &["其他需要报告", "其他事项"],
];

/// How a line is numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Numbering {
    /// No numeral (Word's automatic numbering is lost in copying).
    None,
    /// 一、 一. 一， 1. 1、, with the numeral's value.
    Plain(usize),
    /// （一） (1): a sub-heading's numbering, never a section's.
    Bracketed,
    /// 表一 表1 附表一: a table's caption.
    Table,
}

/// A folded line's numbering and the words after it.
fn strip_numbering(folded: &str) -> (Numbering, &str) {
    const CN: &str = "一二三四五六七八九十";
    // The numeral at the start: its value and its length in bytes.
    let numeral = |s: &str| -> Option<(usize, usize)> {
        let cn: String = s.chars().take_while(|c| CN.contains(*c)).take(2).collect();
        if !cn.is_empty() {
            let digit = |c: char| CN.chars().position(|d| d == c).map_or(0, |p| p + 1);
            let mut chars = cn.chars();
            let first = digit(chars.next()?);
            let value = match chars.next() {
                Some(c) if first == 10 => 10 + digit(c),
                Some(_) => return None,
                None => first,
            };
            return Some((value, cn.len()));
        }
        let digits: String = s.chars().take_while(char::is_ascii_digit).take(3).collect();
        digits.parse().ok().map(|value| (value, digits.len()))
    };
    let separators = ['.', ',', ':'];
    if let Some(rest) = folded.strip_prefix('(') {
        if let Some((_, len)) = numeral(rest) {
            if let Some(words) = rest[len..].strip_prefix(')') {
                return (Numbering::Bracketed, words.trim_start_matches(separators));
            }
        }
    }
    for caption in ["附表", "表"] {
        if let Some((_, len)) = folded.strip_prefix(caption).and_then(&numeral) {
            return (Numbering::Table, folded[caption.len() + len..].trim_start_matches(separators));
        }
    }
    if let Some((value, len)) = numeral(folded) {
        if let Some(words) = folded[len..].strip_prefix(separators) {
            return (Numbering::Plain(value), words);
        }
    }
    (Numbering::None, folded)
}

/// Whether a folded short line is section `k`'s heading: numbered in any
/// way but a sub-heading's （一） (publishers number sections their own
/// way: a report whose 一 has sub-headings 二、…六、 heads its tables 一、
/// 二、 三、) with words of `HEADING_WORDS`, or unnumbered and starting with
/// the template's words.
fn is_heading(k: usize, folded: &str) -> bool {
    match strip_numbering(folded) {
        (Numbering::Bracketed, _) => false,
        (Numbering::Plain(_) | Numbering::Table, words) => HEADING_WORDS[k].iter().any(|w| words.contains(w)),
        (Numbering::None, _) => folded.starts_with(HEADINGS[k].2) && folded.chars().count() <= 24,
    }
}

/// Whether a line is running text: a sentence, or wider than any heading or
/// table label. A table's rows (tab- or `|`-separated) never are.
fn is_prose(line: &str) -> bool {
    let t = line.trim();
    !(t.contains('\t') || t.contains('|'))
        && (t.contains('。') || t.chars().filter(|c| !c.is_whitespace()).count() > 40)
}

/// The fields of a table line, folded, each without its numbering (一、
/// （一）): a tab- or `|`-separated line's fields, or the whole line.
fn label_fields(line: &str) -> Vec<String> {
    let parts: Vec<&str> = if line.contains('\t') {
        line.split('\t').collect()
    } else if line.contains('|') {
        line.split('|').collect()
    } else {
        vec![line]
    };
    parts
        .iter()
        .map(|p| fold_label(p))
        .filter(|f| !f.is_empty())
        .map(|f| match strip_numbering(&f) {
            (Numbering::None, _) => f,
            (_, words) => words.to_string(),
        })
        .collect()
}

/// The words of 表四's header, which its label lines are made of (also when
/// a PDF's columns cut them into pieces).
const APPEAL_WORDS: [&str; 24] = [
    "未经复议直接起诉",
    "复议后起诉",
    "行政复议",
    "行政诉讼",
    "结果维持",
    "结果纠正",
    "其他结果",
    "尚未审结",
    "未经复议",
    "直接起诉",
    "复议后",
    "总计",
    "结果",
    "维持",
    "纠正",
    "其他",
    "尚未",
    "审结",
    "起诉",
    "复议",
    "诉讼",
    "行政",
    "总",
    "计",
];

/// Whether a folded label is made only of 表四's header words.
fn is_appeal_header(folded: &str) -> bool {
    let mut rest: String = folded.chars().filter(|c| !matches!(c, '|' | '.' | ',' | '-')).collect();
    for word in APPEAL_WORDS {
        rest = rest.replace(word, "");
    }
    rest.is_empty()
}

/// Where each table starts, found by its own row and column labels wherever
/// it stands and whatever its heading says: 表二 at 第二十条第（…）项 or
/// 信息内容, 表三 at 申请人情况, its balance note or 本年新收政府信息公开申请数量,
/// 表四 at its header (行政复议 … 行政诉讼, 结果维持, 未经复议直接起诉). Only
/// lines that are not running text count, each table after the one before.
fn find_tables(lines: &[&str]) -> [Option<usize>; 3] {
    let starts = |i: usize, words: &[&str]| {
        !is_prose(lines[i]) && label_fields(lines[i]).iter().any(|f| words.iter().any(|w| f.starts_with(w)))
    };
    // The template's own labels, folded as the lines are.
    let block_head: String = fold_label(Template::T2021.proactive()[0].article.zh).chars().take(6).collect();
    let proactive = (0..lines.len()).find(|&i| starts(i, &[&block_head, PROACTIVE_ROW_HEADER.zh]));
    let from = proactive.map_or(0, |i| i + 1);
    let balance_note: String = fold_label(BALANCE_NOTE.zh).chars().take(10).collect();
    let received = Template::T2021.other_shape().rows().iter().find(|r| r.role == RowRole::Received);
    let received =
        received.map_or(String::new(), |r| fold_label(r.label.zh).trim_start_matches(['一', '.']).to_string());
    let applications = (from..lines.len()).find(|&i| starts(i, &[APPLICANTS_HEADER.zh, &balance_note, &received]));
    let from = applications.or(proactive).map_or(0, |i| i + 1);
    let appeals = (from..lines.len())
        .find(|&i| {
            starts(i, &[APPEAL_COLUMNS[0].label.zh, APPEAL_BLOCKS[1].short_label.zh])
                || (starts(i, &[APPEAL_BLOCKS[0].label.zh]) && fold_label(lines[i]).contains(LITIGATION_HEADER.zh))
        })
        .map(|i| {
            // The header's first line (行政复议, 行政诉讼) when it stands alone.
            let mut start = i;
            for j in (from..i).rev().take(3) {
                let t = lines[j].trim();
                if t.is_empty() {
                    continue;
                }
                if is_prose(t) || !is_appeal_header(&fold_label(t)) {
                    break;
                }
                start = j;
            }
            start
        });
    [proactive, applications, appeals]
}

/// The line after 表四: its header and lines of cells, up to the first line
/// that is neither.
fn appeals_end(lines: &[&str], start: usize) -> usize {
    let mut end = start;
    for (i, line) in lines.iter().enumerate().skip(start) {
        if line.trim().is_empty() {
            continue;
        }
        if is_prose(line) || !is_appeal_header(&fold_label(&table_line(line).label)) {
            break;
        }
        end = i + 1;
    }
    end
}

/// Where the six sections are: each one's first line (its heading, or its
/// table's first line) and the first line of its content.
#[derive(Debug, Clone, Copy, Default)]
struct Layout {
    starts: [Option<usize>; 6],
    content: [Option<usize>; 6],
    /// Sections taken by their place, without a heading (五 after 表四).
    unheaded: [bool; 6],
}

impl Layout {
    /// The first line of the report's body.
    fn body_start(&self, len: usize) -> usize {
        self.starts.iter().flatten().copied().min().unwrap_or(len)
    }

    /// The lines of section `k`: its content, up to the next section's start.
    fn lines<'a>(&self, lines: &[&'a str], k: usize) -> Vec<&'a str> {
        let Some(from) = self.content[k] else {
            return Vec::new();
        };
        let end = self.starts[k + 1..].iter().flatten().next().copied().unwrap_or(lines.len());
        lines[from.min(end)..end].to_vec()
    }
}

/// Finds the six sections. The tables are found by their labels
/// (`find_tables`); a table's heading is the heading line just above it
/// (any numbering, any common wording), with nothing but short lines between,
/// or, further up, one numbered as the template numbers it with the
/// template's words. A heading of 二 that running text follows (the
/// sub-heading 二、主动公开情况 of a report that numbers 一's parts 二、…六、)
/// is no section. Section 一 is the heading before the tables, 五 and 六
/// the headings after them; 五 without a heading is the text after 表四.
/// Headings are never taken from inside a table.
fn find_layout(lines: &[&str]) -> Layout {
    // Headings are short lines: only those are folded and searched.
    let short: Vec<Option<String>> = lines
        .iter()
        .map(|l| (l.chars().count() <= 60).then(|| fold_label(l)).filter(|f| f.chars().count() <= 40))
        .collect();
    let heading = |k: usize, i: usize| short[i].as_deref().is_some_and(|f| is_heading(k, f));
    let tables = find_tables(lines);
    let mut layout = Layout::default();
    let first_table = tables.iter().flatten().next().copied().unwrap_or(lines.len());
    let overview = (0..first_table).find(|&i| heading(0, i));
    layout.starts[0] = overview;
    layout.content[0] = overview.map(|i| i + 1);
    let mut from = overview.map_or(0, |i| i + 1);
    for t in 0..3 {
        let k = t + 1;
        match tables[t] {
            Some(table) => {
                let only_short_lines_between = |i: usize| (i + 1..table).all(|j| !is_prose(lines[j]));
                let numbered_as_template = |i: usize| {
                    short[i].as_deref().is_some_and(|f| {
                        matches!(strip_numbering(f), (Numbering::Plain(n), words) if n == k + 1 && words.contains(HEADING_WORDS[k][0]))
                    })
                };
                let unnumbered_heading = |i: usize| {
                    short[i].as_deref().is_some_and(|f| {
                        strip_numbering(f).0 == Numbering::None
                            && f.chars().count() <= 30
                            && HEADING_WORDS[k].iter().any(|w| f.contains(w))
                            && table_line(lines[i]).cells.is_empty()
                    })
                };
                let found = (from..table).rev().find(|&i| {
                    ((heading(k, i) || unnumbered_heading(i)) && only_short_lines_between(i)) || numbered_as_template(i)
                });
                layout.starts[k] = Some(found.unwrap_or(table));
                layout.content[k] = Some(found.map_or(table, |i| i + 1));
                from = table + 1;
            }
            None => {
                // No table by its labels: the heading, numbered as the
                // template numbers it, before the next table, when no
                // running text follows it.
                let limit = tables[t + 1..].iter().flatten().next().copied().unwrap_or(lines.len());
                let followed_by_prose =
                    |i: usize| lines[i + 1..].iter().find(|l| !l.trim().is_empty()).is_some_and(|l| is_prose(l));
                let found = (from..limit).find(|&i| {
                    short[i].as_deref().is_some_and(|f| {
                        let numbered = matches!(strip_numbering(f), (Numbering::Plain(n), words)
                            if n == k + 1 && HEADING_WORDS[k].iter().any(|w| words.contains(w)));
                        let unnumbered = f.starts_with(HEADINGS[k].2) && f.chars().count() <= 24;
                        numbered || unnumbered
                    }) && !followed_by_prose(i)
                });
                if let Some(i) = found {
                    layout.starts[k] = Some(i);
                    layout.content[k] = Some(i + 1);
                    from = i + 1;
                }
            }
        }
    }
    let problems = (from..lines.len()).find(|&i| heading(4, i));
    let other = (problems.map_or(from, |i| i + 1)..lines.len()).find(|&i| heading(5, i));
    match (problems, tables[2]) {
        (Some(i), _) => {
            layout.starts[4] = Some(i);
            layout.content[4] = Some(i + 1);
        }
        (None, Some(table)) => {
            // 五 without a heading: the text after 表四, if there is some.
            let end = appeals_end(lines, table);
            let stop = other.unwrap_or(lines.len());
            if end < stop && lines[end..stop].iter().any(|l| !l.trim().is_empty()) {
                layout.starts[4] = Some(end);
                layout.content[4] = Some(end);
                layout.unheaded[4] = true;
            }
        }
        (None, None) => {}
    }
    layout.starts[5] = other;
    layout.content[5] = other.map(|i| i + 1);
    layout
}

/// Where a web page's footer starts in the last section (主办单位：…, ICP备…,
/// 相关链接 and the list under it), which a copied page carries after the
/// report.
fn site_footer_start(lines: &[&str]) -> usize {
    const FOOTER: &[&str] = &[
        "版权所有",
        "ICP备",
        "网站标识码",
        "主办单位：",
        "主办单位:",
        "承办单位：",
        "技术支持：",
        "网站地图",
        "联系我们",
        "打印本页",
        "关闭窗口",
        "【打印】",
        "【关闭】",
        "分享到：",
    ];
    /// Lists of links under the article.
    const LISTS: &[&str] =
        &["相关链接", "相关文件", "相关阅读", "相关新闻", "文件下载", "附件下载", "上一篇", "下一篇"];
    lines
        .iter()
        .position(|l| {
            let t = l.trim();
            (!t.contains('。') && FOOTER.iter().any(|w| t.contains(w)))
                || LISTS.iter().any(|w| t.trim_matches(['【', '】', '[', ']', '：', ':', ' ', '　']) == *w)
        })
        .unwrap_or(lines.len())
}

/// A line of a web page's tool bars rather than of the report: a share bar
/// (分享到：微信 微博 QQ空间), 字号 大 中 小, 打印本页, 【关闭】, 全真版, 文件下载,
/// 相关链接, every word of it one of these; or a byline (来源：… 发布时间：…
/// 浏览次数：…). Report text that mentions 微信 or 微博 has other words too.
fn is_page_chrome(line: &str) -> bool {
    /// Tool-bar words, longer before shorter.
    const WORDS: &[&str] = &[
        "分享到",
        "分享",
        "新浪微博",
        "腾讯微博",
        "微信朋友圈",
        "朋友圈",
        "微信",
        "微博",
        "QQ空间",
        "QQ好友",
        "QQ",
        "人人网",
        "豆瓣",
        "复制链接",
        "扫一扫",
        "二维码",
        "字号",
        "字体",
        "打印本页",
        "打印",
        "关闭窗口",
        "关闭本页",
        "关闭",
        "全真版",
        "文字版",
        "图片版",
        "文件下载",
        "附件下载",
        "相关链接",
        "相关文件",
        "收藏",
        "返回顶部",
        "返回",
        "无障碍",
        "长者模式",
        "繁体",
        "简体",
        "默认",
    ];
    /// Byline fields.
    const BYLINE: &[&str] = &[
        "来源：",
        "来源:",
        "信息来源",
        "文章来源",
        "发布时间",
        "发布日期",
        "更新时间",
        "发布机构",
        "浏览次数",
        "浏览量",
        "阅读次数",
        "访问次数",
        "点击数",
        "点击量",
        "点击率",
        "责任编辑",
        "当前位置：",
    ];
    let t = line.trim();
    if t.is_empty() || t.contains('。') || t.chars().count() > 120 {
        return false;
    }
    let fields = BYLINE.iter().filter(|w| t.contains(*w)).count();
    let bare = t.trim_start_matches(['【', '[', ' ', '　']);
    if fields >= 2 || (fields == 1 && BYLINE.iter().any(|w| bare.starts_with(w)) && t.chars().count() <= 40) {
        return true;
    }
    let mut rest = t.to_string();
    let mut found = false;
    for word in WORDS {
        if rest.contains(word) {
            found = true;
            rest = rest.replace(word, " ");
        }
    }
    let sized = t.contains("字号") || t.contains("字体");
    found
        && rest
            .chars()
            .all(|c| c.is_whitespace() || "【】[]()（）：:|｜/·-—>".contains(c) || (sized && "大中小".contains(c)))
}

/// A text section's lines without a web page's tool bars and bylines
/// (`is_page_chrome`), which become blank lines; each is named in a note.
fn without_page_chrome<'a>(lines: &[&'a str], notes: &mut Vec<ImportNote>) -> Vec<&'a str> {
    lines
        .iter()
        .map(|line| {
            if is_page_chrome(line) {
                dropped(notes, &[line]);
                ""
            } else {
                line
            }
        })
        .collect()
}

/// Notes lines left out of the report as the page's, once for each text.
fn dropped(notes: &mut Vec<ImportNote>, lines: &[&str]) {
    const SHOWN: usize = 80;
    let text = lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return;
    }
    let text = if text.chars().count() > SHOWN { text.chars().take(SHOWN).collect::<String>() + "…" } else { text };
    let note = ImportNote::TextDropped { text };
    if !notes.contains(&note) {
        notes.push(note);
    }
}

/// Rejoins lines that a PDF viewer or a narrow page wrapped. A line that
/// fills the width and does not end a sentence runs on into the next; a blank
/// line, a short line or a sentence end closes the paragraph; a sub-heading
/// （一）… or 一、… always starts one.
fn paragraphs(lines: &[&str]) -> String {
    let cleaned: Vec<String> = lines.iter().filter(|l| !l.contains(" | ")).map(|l| close_cjk_gaps(l.trim())).collect();
    let trimmed: Vec<&str> = cleaned.iter().map(String::as_str).collect();
    // The page width: most lines of a wrapped text fill it. A quantile rather
    // than the maximum, so that one justified line full of spaces does not
    // make every other line look short.
    let mut widths: Vec<usize> = trimmed.iter().map(|l| display_width(l)).filter(|&w| w > 0).collect();
    widths.sort_unstable();
    let width = widths.get(widths.len() * 3 / 4).copied().unwrap_or(0);
    let starts_new = |line: &str| {
        let f = fold_label(line);
        let mut chars = f.chars();
        match chars.next() {
            Some('(') => chars.next().is_some_and(|c| "一二三四五六七八九十".contains(c)),
            Some(c) if "一二三四五六七八九十".contains(c) => chars.next() == Some('.'),
            _ => false,
        }
    };
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut runs_on = false;
    for line in trimmed {
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            runs_on = false;
            continue;
        }
        if !current.is_empty() && (!runs_on || starts_new(line)) {
            out.push(std::mem::take(&mut current));
        }
        current.push_str(line);
        let ends_sentence = line.ends_with(['。', '！', '？', '；']);
        // Within about three 汉字 of the page width (a line with digits in
        // it is narrower): the line was wrapped.
        runs_on = width >= 40 && display_width(line) + 6 >= width && !ends_sentence;
    }
    if !current.is_empty() {
        out.push(current);
    }
    out.join("\n")
}

/// Removes the spaces a justified PDF line puts between 汉字 and full-width
/// punctuation (`邮 编 ：`). Only a line with several such gaps is taken for
/// justified: a single space (`健康发展 。`) is as published and stays, and so
/// do spaces beside digits and Latin letters (`2024 年`).
fn close_cjk_gaps(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let wide = |c: char| (c as u32) >= 0x2E80;
    let is_gap = |i: usize| {
        chars[i] == ' '
            && chars[..i].iter().rev().find(|c| **c != ' ').is_some_and(|c| wide(*c))
            && chars[i + 1..].iter().find(|c| **c != ' ').is_some_and(|c| wide(*c))
    };
    let gaps = (0..chars.len()).filter(|&i| is_gap(i)).count();
    if gaps < 3 {
        return line.to_string();
    }
    (0..chars.len()).filter(|&i| !is_gap(i)).map(|i| chars[i]).collect()
}

/// The printed width of a line: a 汉字 or full-width sign is two columns.
fn display_width(line: &str) -> usize {
    line.chars().map(|c| if (c as u32) >= 0x2E80 { 2 } else { 1 }).sum()
}

fn number_value(n: usize) -> Value {
    Value::Number(Number::from_f64(n as f64))
}

fn set_path(root: &mut Object, path: &[&str], value: Value) {
    let (last, parents) = path.split_last().expect("a non-empty path");
    let mut object = root;
    for key in parents {
        if !matches!(object.get(key), Some(Value::Object(_))) {
            object.insert(*key, Value::Object(Object::new()));
        }
        let Some(Value::Object(next)) = object.get_mut(key) else { unreachable!("just inserted") };
        object = next;
    }
    object.insert(*last, value);
}

/// Reads a report from its text. Never fails: what cannot be found is left
/// out of the document and named in the notes.
pub fn import_text(text: &str, options: &ImportOptions) -> Imported {
    let lines = report_lines(text);
    let layout = find_layout(&lines);
    let mut notes = Vec::new();
    for (k, start) in layout.starts.iter().enumerate() {
        if start.is_none() {
            notes.push(ImportNote::SectionMissing { key: SECTIONS[k].key.into() });
        } else if layout.unheaded[k] {
            notes.push(ImportNote::SectionUnheaded { key: SECTIONS[k].key.into() });
        }
    }

    let first_heading = layout.body_start(lines.len());
    let (title, title_end) = find_title(&lines[..first_heading]);
    let year = title.as_deref().and_then(|t| nianbao_core::text::years(t).into_iter().next());
    let agency = options.agency.clone().or_else(|| title.as_deref().and_then(agency_from_title));

    let proactive_lines = layout.lines(&lines, 1);
    let template = detect_template(&proactive_lines, year);
    let application_lines = layout.lines(&lines, 2);
    let compact_applications: String = application_lines.iter().map(|l| fold_label(l)).collect();
    let single_other =
        !compact_applications.contains("逾期不补正") && !compact_applications.contains("逾期未按收费通知");
    let shape = if single_other { OtherShape::Single } else { OtherShape::Split };
    notes.push(ImportNote::TemplateDetected(DetectedTemplate {
        template,
        single_other: template == Template::T2021 && shape == OtherShape::Single,
    }));

    let mut root = Object::new();
    root.insert("format", Value::String(FORMAT_ID.into()));
    root.insert("template", Value::String(template.code().into()));
    match year {
        Some(year) => {
            root.insert("year", number_value(year as usize));
        }
        None => notes.push(ImportNote::FieldMissing { key: "year".into() }),
    }
    match &agency {
        Some(agency) => {
            root.insert("agency", Value::String(agency.clone()));
        }
        None => notes.push(ImportNote::FieldMissing { key: "agency".into() }),
    }
    match &title {
        Some(title) => {
            root.insert("title", Value::String(title.clone()));
        }
        None => notes.push(ImportNote::FieldMissing { key: "title".into() }),
    }
    if let Some(kind) = options.kind {
        root.insert("kind", Value::String(kind.code().into()));
    }
    if let Some(source) = &options.source {
        root.insert("source", Value::String(source.clone()));
    }

    // Section 一: the preamble after the title, then the section's own text.
    let mut overview_lines: Vec<&str> = lines[title_end.min(first_heading)..first_heading].to_vec();
    overview_lines.push("");
    overview_lines.extend(layout.lines(&lines, 0));
    let overview = without_page_chrome(&overview_lines, &mut notes);
    root.insert("overview", Value::String(paragraphs(&overview)));
    root.insert("proactive", Value::Object(read_proactive(&proactive_lines, template, &mut notes)));
    root.insert("applications", Value::Object(read_applications(&application_lines, shape, &mut notes)));
    root.insert("appeals", Value::Object(read_appeals(&layout.lines(&lines, 3), &mut notes)));
    // The last text section ends at the web page's footer, if there is one.
    let last = if layout.content[5].is_some() { 5 } else { 4 };
    for k in [4, 5] {
        let mut section = layout.lines(&lines, k);
        if k == last {
            let footer = site_footer_start(&section);
            dropped(&mut notes, &section[footer..]);
            section.truncate(footer);
        }
        let section = without_page_chrome(&section, &mut notes);
        root.insert(SECTIONS[k].key, Value::String(paragraphs(&section)));
    }
    Imported { document: Value::Object(root), notes }
}

/// The title: the last line before the first heading that ends with
/// 年度报告 (or 信息公开…工作报告, or 关于…年度报告的公告), joined with the line
/// before when the title was broken after the agency's name. Returns it and
/// the index of the line after it.
fn find_title(lines: &[&str]) -> (Option<String>, usize) {
    // The title closest to the report's first heading: a web page may list
    // other reports (earlier years, a side list, a breadcrumb) above it.
    for (i, line) in lines.iter().enumerate().rev() {
        let t = line.trim();
        let words = t.trim_end_matches(|c: char| !nianbao_core::text::is_word_char(c));
        let is_title = words.ends_with("年度报告")
            || (words.ends_with("工作报告") && words.contains("信息公开"))
            // 关于…年度报告的公告 (or 通知), as some agencies publish it.
            || (words.contains("关于") && words.contains("年度报告") && words.ends_with(['告', '知']));
        if !is_title {
            continue;
        }
        let starts_with_year = t.chars().next().is_some_and(|c| c.is_ascii_digit() || "〇一二".contains(c));
        if starts_with_year && i > 0 && !lines[i - 1].trim().is_empty() && lines[i - 1].trim().chars().count() <= 30 {
            return (Some(format!("{}{}", lines[i - 1].trim(), t)), i + 1);
        }
        return (Some(t.to_string()), i + 1);
    }
    (None, 0)
}

/// The agency named at the start of a title, before its year.
fn agency_from_title(title: &str) -> Option<String> {
    let at = title.find(|c: char| c.is_ascii_digit() || "〇二".contains(c))?;
    // 某某局关于2024年…的公告: the agency is before 关于.
    let agency = title[..at].trim().trim_end_matches("关于").trim();
    (!agency.is_empty()).then(|| agency.to_string())
}

/// The 2019 table's words, which the 2021 table does not have.
fn detect_template(lines: &[&str], year: Option<i64>) -> Template {
    let compact: String = lines.iter().map(|l| fold_label(l)).collect();
    if ["本年新制作数量", "对外公开总数量", "政府集中采购", "其他对外管理服务事项"].iter().any(|w| compact.contains(w))
    {
        return Template::T2019;
    }
    if ["本年制发件数", "现行有效件数", "本年处理决定数量"].iter().any(|w| compact.contains(w)) {
        return Template::T2021;
    }
    year.map_or(Template::T2021, Template::for_year)
}

/// 表二: each row by its label; its cells on the same line, or on the next
/// line when the numbers were printed below the label.
fn read_proactive(lines: &[&str], template: Template, notes: &mut Vec<ImportNote>) -> Object {
    let table_lines: Vec<TableLine> = lines.iter().map(|l| table_line(l)).collect();
    let mut object = Object::new();
    for block in template.proactive() {
        for row in block.rows {
            let pointer = format!("/proactive/{}", row.key);
            let label = fold_label(row.label.zh);
            // As printed, or with a unit after it (行政许可（件）), or cut to
            // its end (规范性文件 for 行政规范性文件).
            let matches = |printed: &str| {
                let printed = fold_label(printed);
                printed == label
                    || printed.strip_prefix(label.as_str()).is_some_and(|rest| rest.starts_with('('))
                    || (printed.chars().count() >= 4 && label.ends_with(printed.as_str()))
            };
            // The label on its line, or wrapped onto the next (行政规范性 /
            // 文件 3 0 8): then the numbers are the next line's.
            let found = table_lines.iter().position(|l| matches(&l.label)).or_else(|| {
                (1..table_lines.len()).find(|&i| {
                    let (first, second) = (&table_lines[i - 1], &table_lines[i]);
                    first.cells.is_empty()
                        && !first.label.is_empty()
                        && !second.label.is_empty()
                        && !matches(&second.label)
                        && matches(&format!("{}{}", first.label, second.label))
                })
            });
            let width = block.columns.len();
            let cells = found.and_then(|i| {
                if let Some(cells) = table_lines[i].cells_for(width) {
                    Some(cells.to_vec())
                } else if !table_lines[i].cells.is_empty() {
                    Some(table_lines[i].cells.clone())
                } else {
                    // The numbers on the next lines, with no label of their
                    // own: one line, or one cell per line.
                    let following: Vec<CellText> = table_lines[i + 1..]
                        .iter()
                        .take_while(|next| next.label.is_empty() && !next.cells.is_empty())
                        .flat_map(|next| next.cells.iter().cloned())
                        .take(width)
                        .collect();
                    (!following.is_empty()).then_some(following)
                }
            });
            let Some(cells) = cells else {
                notes.push(ImportNote::RowMissing { pointer });
                continue;
            };
            if cells.len() != block.columns.len() {
                notes.push(ImportNote::RowAmbiguous { pointer, found: cells.len(), expected: block.columns.len() });
                continue;
            }
            let mut row_object = Object::new();
            for (column, cell) in block.columns.iter().zip(&cells) {
                row_object.insert(column.key, cell.to_value());
            }
            object.insert(row.key, Value::Object(row_object));
        }
    }
    object
}

/// 表三. Its rows always come in the template's order, each with seven
/// cells, so the runs of seven cells are the rows in order, whatever
/// happened to their labels (lost leading cells, labels broken across lines,
/// numbers printed before a wrapped label). Labels then check the count and
/// name misspellings.
fn read_applications(lines: &[&str], shape: OtherShape, notes: &mut Vec<ImportNote>) -> Object {
    let rows = shape.rows();
    let table_lines: Vec<TableLine> = lines.iter().map(|l| table_line(l)).collect();
    let mut runs: Vec<(usize, &TableLine)> =
        table_lines.iter().enumerate().filter(|(_, l)| l.cells_for(7).is_some()).collect();
    // A run of seven blanks with no label is a spacer (Word's HTML export, a
    // trailing empty row, a header's merged cell split into fields), not a
    // row: when leaving such runs out makes one run per row, they are left out.
    let spacer = |line: &TableLine| {
        line.label.trim().is_empty() && line.cells_for(7).is_some_and(|cells| cells.iter().all(CellText::is_blank))
    };
    if runs.len() != rows.len() {
        let without: Vec<(usize, &TableLine)> = runs.iter().copied().filter(|(_, l)| !spacer(l)).collect();
        if without.len() == rows.len() {
            runs = without;
        }
    }
    let mut object = Object::new();
    // One cell per line, as some PDF viewers copy a table: when the lone
    // numbers of the section are exactly the table's cells, they are its
    // rows in reading order.
    if runs.len() != rows.len() {
        let singles: Vec<&CellText> = table_lines
            .iter()
            .filter(|l| l.label.trim().is_empty() && l.cells.len() == 1)
            .map(|l| &l.cells[0])
            .collect();
        if !singles.is_empty() && singles.len() == rows.len() * 7 {
            for (row, cells) in rows.iter().zip(singles.chunks(7)) {
                let cells: Vec<CellText> = cells.iter().map(|c| (*c).clone()).collect();
                put_application_row(&mut object, row.path, &cells);
            }
            notes.push(ImportNote::PlacedInReadingOrder { pointer: "/applications".into() });
            return object;
        }
    }
    if runs.len() == rows.len() {
        for (row, (_, line)) in rows.iter().zip(&runs) {
            put_application_row(&mut object, row.path, line.cells_for(7).unwrap_or(&line.cells));
            check_label(row, &line.label, notes);
        }
        return object;
    }
    // Not one run per row: find each row by its label and take the run on
    // its line, or the nearest one below it before the next label.
    let mut taken = vec![false; table_lines.len()];
    let cores: Vec<String> = table_lines.iter().map(|l| label_core(&l.label)).collect();
    let labels: Vec<RowLabel> = rows.iter().map(RowLabel::of).collect();
    let mut from = 0;
    for (r, row) in rows.iter().enumerate() {
        let pointer = row.pointer();
        let label = &labels[r];
        // A piece of this row's label that no other row's label has: the
        // head of a wrapped label, not the tail 行政机关不再处理其政府信息公开申请
        // that both rows of （六） end with.
        let unique_piece = |core: &str| {
            label.has_piece(core)
                && labels
                    .iter()
                    .enumerate()
                    .all(|(o, other)| o == r || (!other.has_piece(core) && !other.is_named_by(core)))
        };
        let hit = (from..table_lines.len()).find(|&i| label.is_named_by(&cores[i]) || unique_piece(&cores[i]));
        let Some(i) = hit else {
            notes.push(ImportNote::RowMissing { pointer });
            continue;
        };
        from = i + 1;
        // The numbers are on the label's line or on the next lines, but never
        // past a line that names another row: those are that row's numbers.
        // (Scraps of a group's vertical label, 他处理, are no row's name.)
        let names_no_other_row =
            |core: &str| is_neutral_label(core) || label.is_named_by(core) || label.has_piece(core);
        let candidate = (i..table_lines.len().min(i + 3))
            .take_while(|&j| j == i || names_no_other_row(&cores[j]))
            .find(|&j| !taken[j] && !table_lines[j].cells.is_empty());
        match candidate {
            Some(j) if table_lines[j].cells_for(7).is_some() => {
                taken[j] = true;
                put_application_row(&mut object, row.path, table_lines[j].cells_for(7).unwrap_or(&[]));
                notes.push(ImportNote::RowPlacedByLabel { pointer });
            }
            Some(j) => {
                taken[j] = true;
                notes.push(ImportNote::RowAmbiguous { pointer, found: table_lines[j].cells.len(), expected: 7 });
            }
            None => notes.push(ImportNote::RowMissing { pointer }),
        }
    }
    object
}

/// A label reduced to its words: folded, without punctuation, brackets and
/// quotes, so that the ways publishers punctuate a label (、 or ，, 1. or 1、,
/// spaces, a line break inside a cell) are one.
fn label_core(text: &str) -> String {
    fold_label(text)
        .chars()
        .filter(|c| !matches!(c, '.' | ',' | ';' | ':' | '"' | '\'' | '(' | ')' | '|' | '·' | '-' | '—'))
        .collect()
}

/// The labels over 表三's rows (三、本年度办理结果, the groups （三）…（六）) and
/// its header, which name no row.
const APPLICATION_HEADER_CORES: [&str; 12] = [
    "三本年度办理结果",
    "三不予公开",
    "四无法提供",
    "五不予处理",
    "六其他处理",
    "申请人情况",
    "自然人",
    "法人或其他组织",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
];

/// A line's label core that names no row: empty, a scrap of a few
/// characters (他处理), or a piece of a group's or the header's label.
fn is_neutral_label(core: &str) -> bool {
    let rest = without_group_labels(core);
    rest.chars().count() < 4 || APPLICATION_HEADER_CORES.iter().any(|h| h.contains(rest))
}

/// A label core without the group labels printed before a row's own label
/// in merged cells (三、本年度办理结果 （三）不予公开 1.属于国家秘密).
fn without_group_labels(core: &str) -> &str {
    let mut rest = core;
    while let Some(next) = APPLICATION_HEADER_CORES[..5].iter().find_map(|g| rest.strip_prefix(g)) {
        rest = next;
    }
    rest
}

/// How a 表三 row's label may be printed.
struct RowLabel {
    /// The row's own label's core (1申请人无正当理由逾期不补正行政机关不再…).
    own: String,
    /// The same without its item number, when that leaves a long label
    /// (申请人无正当理由…, printed by some without 1.).
    words: Option<String>,
}

impl RowLabel {
    fn of(row: &nianbao_core::template::ApplicationRow) -> RowLabel {
        let own = label_core(row.label.zh);
        let unnumbered = own.trim_start_matches(|c: char| c.is_ascii_digit());
        let words = (unnumbered.len() < own.len() && unnumbered.chars().count() >= 6).then(|| unnumbered.to_string());
        RowLabel { own, words }
    }

    /// Whether a line's label core holds this row's whole label.
    fn is_named_by(&self, core: &str) -> bool {
        !core.is_empty() && (core.contains(&self.own) || self.words.as_ref().is_some_and(|w| core.contains(w.as_str())))
    }

    /// Whether a line's label core is a piece of this row's label (four
    /// characters or more, after any group label): a wrapped label's head
    /// or tail.
    fn has_piece(&self, core: &str) -> bool {
        let rest = without_group_labels(core);
        rest.chars().count() >= 4 && self.own.contains(rest)
    }
}

fn put_application_row(object: &mut Object, path: &[&str], cells: &[CellText]) {
    let mut row = Object::new();
    for (column, cell) in APPLICANT_COLUMNS.iter().zip(cells) {
        row.insert(column.key, cell.to_value());
    }
    set_path(object, path, Value::Object(row));
}

/// Notes a row whose label, printed on the same line as its cells, is close
/// to the template's but not the same (`2.其他法律行政止公开`). A label that
/// is only a piece of the template's (wrapped) is not a misspelling.
fn check_label(row: &nianbao_core::template::ApplicationRow, printed: &str, notes: &mut Vec<ImportNote>) {
    if row.role != RowRole::Result || row.group.is_none() {
        return;
    }
    let expected = fold_label(row.label.zh);
    // The item's own label starts at its number (1. 2、 …): drop the merged
    // group labels and stray characters of vertical text before it.
    let folded = fold_label(printed);
    let number_prefix: String = expected.chars().take_while(|c| *c != '.').collect::<String>() + ".";
    let Some(at) = folded.find(&number_prefix) else {
        return;
    };
    let found = &folded[at..];
    if found.chars().count() < 4
        || expected.starts_with(found)
        || found.starts_with(&expected)
        || expected.contains(found)
    {
        return;
    }
    let common = lcs(found, &expected);
    if common * 10 >= expected.chars().count() * 6 {
        let shown = printed[printed.find(number_prefix.trim_end_matches('.')).unwrap_or(0)..].trim().to_string();
        notes.push(ImportNote::LabelMisspelt { pointer: row.pointer(), found: shown, expected: row.label.zh.into() });
    }
}

/// The length of the longest common subsequence of two strings, in chars.
fn lcs(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut previous = vec![0usize; b.len() + 1];
    for x in &a {
        let mut current = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            current[j + 1] = if x == y { previous[j] + 1 } else { current[j].max(previous[j + 1]) };
        }
        previous = current;
    }
    previous[b.len()]
}

/// 表四: fifteen cells, usually on one line; otherwise every cell of the
/// section in reading order, when there are exactly fifteen.
fn read_appeals(lines: &[&str], notes: &mut Vec<ImportNote>) -> Object {
    let table_lines: Vec<TableLine> = lines.iter().map(|l| table_line(l)).collect();
    let cells: Vec<CellText> = match table_lines.iter().find_map(|l| l.cells_for(15)) {
        Some(cells) => cells.to_vec(),
        None => numbers_in_one_run(lines, &table_lines),
    };
    let mut object = Object::new();
    if cells.len() != 15 {
        notes.push(ImportNote::RowAmbiguous { pointer: "/appeals".into(), found: cells.len(), expected: 15 });
        return object;
    }
    for (b, block) in APPEAL_BLOCKS.iter().enumerate() {
        let mut row = Object::new();
        for (c, column) in APPEAL_COLUMNS.iter().enumerate() {
            row.insert(column.key, cells[b * 5 + c].to_value());
        }
        object.insert(block.key, Value::Object(row));
    }
    object
}

/// 表四's fifteen cells spread over several lines, taken in reading order
/// only when that order is certain: lines of bare numbers, one after the
/// other, with no label among them. A PDF viewer that copies labels between
/// the numbers (`… 6 总计 351 …`) has lost the columns: nothing is placed.
fn numbers_in_one_run(lines: &[&str], table_lines: &[TableLine]) -> Vec<CellText> {
    let with_cells: Vec<usize> = (0..table_lines.len()).filter(|&i| !table_lines[i].cells.is_empty()).collect();
    let (Some(&first), Some(&last)) = (with_cells.first(), with_cells.last()) else { return Vec::new() };
    let certain = (first..=last).all(|i| {
        let line = &table_lines[i];
        (line.cells.is_empty() && lines[i].trim().is_empty())
            || (!line.cells.is_empty() && line.label.trim().is_empty())
    });
    if !certain {
        return Vec::new();
    }
    with_cells.iter().flat_map(|&i| table_lines[i].cells.iter().cloned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appeal_numbers_with_labels_among_them_are_not_placed() {
        let lines = ["行政复议 行政诉讼", "72 64 178 37", "总计 351", "13 4 8 1 26", "12 1 1 6 20"];
        let table_lines: Vec<TableLine> = lines.iter().map(|l| table_line(l)).collect();
        assert!(numbers_in_one_run(&lines, &table_lines).is_empty());
        let lines = ["结果维持 结果纠正", "72 64 178 37 351", "13 4 8 1 26", "12 1 1 6 20"];
        let table_lines: Vec<TableLine> = lines.iter().map(|l| table_line(l)).collect();
        assert_eq!(numbers_in_one_run(&lines, &table_lines).len(), 15);
    }

    #[test]
    fn page_chrome_is_whole_lines_of_tool_bar_words_or_bylines() {
        for line in [
            "分享到：微信微博QQ空间　字号：大中小　打印本页",
            "微信 微博 QQ空间",
            "全真版",
            "文件下载",
            "相关链接：",
            "字号 大 中 小",
            "【关闭】",
            "【打印本页】【关闭窗口】",
            "来源：淮安市人民政府  发布时间：2025-01-20  浏览次数：1024",
            "发布时间：2025-01-20",
        ] {
            assert!(is_page_chrome(line), "{line}");
        }
        for line in [
            "通过政务微信、微博发布信息 120 条",
            "微信公众号：济源高新区发布",
            "大中小",
            "关闭无力运维账号 2 个",
            "来源于群众的意见建议 12 条均已办结",
            "一、总体情况",
        ] {
            assert!(!is_page_chrome(line), "{line}");
        }
    }

    #[test]
    fn numbering_of_headings_sub_headings_and_captions() {
        assert_eq!(strip_numbering("二.主动公开政府信息情况"), (Numbering::Plain(2), "主动公开政府信息情况"));
        assert_eq!(strip_numbering("5.存在的问题"), (Numbering::Plain(5), "存在的问题"));
        assert_eq!(strip_numbering("十一.其他"), (Numbering::Plain(11), "其他"));
        assert_eq!(strip_numbering("(一)主动公开情况"), (Numbering::Bracketed, "主动公开情况"));
        assert_eq!(strip_numbering("表三:收到和处理政府信息公开申请情况").0, Numbering::Table);
        assert_eq!(strip_numbering("2024年").0, Numbering::None);
        assert!(is_heading(4, "四.存在的主要问题及改进情况"));
        assert!(!is_heading(4, "(一)存在问题"));
        assert!(!is_heading(1, "(一)主动公开政府信息情况"));
    }

    #[test]
    fn page_markers_as_pdf_viewers_and_official_documents_print_them() {
        for line in ["- 3 -", "— 3 —", "－ 12 －", "--- page 2 ---", "第 3 页", "第3页 共4页"] {
            assert!(is_page_marker(line), "{line}");
        }
        for line in ["—", "—\t—\t—", "3", "一、总体情况", "— 政府信息公开 —"] {
            assert!(!is_page_marker(line), "{line}");
        }
    }

    #[test]
    fn cell_tokens() {
        assert_eq!(cell_token("3119"), Some(CellText::Number("3119".into())));
        assert_eq!(cell_token("7730.28"), Some(CellText::Number("7730.28".into())));
        assert_eq!(cell_token("+1"), Some(CellText::Number("1".into())));
        assert_eq!(cell_token("3，119"), Some(CellText::Number("3119".into())));
        assert_eq!(cell_token("1,234.5"), Some(CellText::Number("1234.5".into())));
        assert_eq!(cell_token("3，1"), None);
        assert_eq!(cell_token("＋2"), Some(CellText::Number("2".into())));
        assert_eq!(cell_token("1,234"), Some(CellText::Number("1234".into())));
        assert_eq!(cell_token("２１"), Some(CellText::Number("21".into())));
        assert_eq!(cell_token("/"), Some(CellText::Text("/".into())));
        assert_eq!(cell_token("—"), Some(CellText::Text("—".into())));
        assert_eq!(cell_token("251000元"), Some(CellText::Text("251000元".into())));
        for not_a_cell in ["3.", "1.属于国家秘密", "其他", "(七)", "总计", "2.", "三"] {
            assert_eq!(cell_token(not_a_cell), None, "{not_a_cell}");
        }
    }

    #[test]
    fn a_unit_after_a_space_stays_with_its_number() {
        let line = table_line("行政许可 12 件");
        assert_eq!(
            (line.label.as_str(), line.cells.as_slice()),
            ("行政许可", [CellText::Text("12件".into())].as_slice())
        );
        let line = table_line("一、本年新收政府信息公开申请数量 3，001 53 0 0 61 4 3，119");
        assert_eq!(line.cells.len(), 7);
        assert_eq!(line.cells[6], CellText::Number("3119".into()));
    }

    #[test]
    fn table_lines_keep_blanks_between_tabs_but_not_lost_leading_cells() {
        let line = table_line("3. 其他\t\t0\t0\t0\t0\t0\t0\t0\t");
        assert_eq!(line.label, "3. 其他");
        assert_eq!(line.cells.len(), 7);
        let line = table_line("(七) 总计\t1\t\t0\t0\t0\t0\t1\t\t");
        assert_eq!(
            line.cells,
            [
                CellText::Number("1".into()),
                CellText::Blank,
                CellText::Number("0".into()),
                CellText::Number("0".into()),
                CellText::Number("0".into()),
                CellText::Number("0".into()),
                CellText::Number("1".into())
            ]
        );
        let line = table_line("三 2.其他法律行政止公开 0 0 0 0 0 0 0");
        assert_eq!(line.label, "三 2.其他法律行政止公开");
        assert_eq!(line.cells.len(), 7);
        let line = table_line(" | （四）无法提供 | 1.本机关不掌握相关政府信息 | 10 | 0 | 0 | 0 | 0 | 0 | 10");
        assert_eq!(line.cells.len(), 7);
    }

    #[test]
    fn wrapped_pdf_lines_are_rejoined() {
        let lines = [
            "本报告由淮安市人民政府办公室根据《中华人民共和国政府",
            "信息公开条例》规定编制。",
            "（一）主动公开情况。2024 年，市政府网站主动公开各类政",
            "府信息 5500 余条。",
            "短行。",
        ];
        assert_eq!(
            paragraphs(&lines),
            "本报告由淮安市人民政府办公室根据《中华人民共和国政府信息公开条例》规定编制。\n（一）主动公开情况。2024 年，市政府网站主动公开各类政府信息 5500 余条。\n短行。"
        );
    }

    #[test]
    fn titles() {
        assert_eq!(
            find_title(&["", "高新技术产业开发区管理办公室 2024 年政府信息公开工作年度报告", ""]).0.as_deref(),
            Some("高新技术产业开发区管理办公室 2024 年政府信息公开工作年度报告")
        );
        assert_eq!(
            find_title(&["洪泽区人民政府", "2023 年政府信息公开工作年度报告"]).0.as_deref(),
            Some("洪泽区人民政府2023 年政府信息公开工作年度报告")
        );
        assert_eq!(
            agency_from_title("淮安市人民政府2024年政府信息公开工作年度报告").as_deref(),
            Some("淮安市人民政府")
        );
    }
}
