//! Where the tables and the six sections are.

use super::appeals::{appeals_end, is_appeal_header};
use super::cells::{label_fields, table_line};
use super::headings::{is_heading, strip_numbering, Numbering, HEADING_WORDS};
use super::lines::{fold_label, is_prose};
use nianbao_core::template::{
    unnumbered, RowRole, Template, APPEAL_BLOCKS, APPEAL_COLUMNS, APPLICANTS_HEADER, BALANCE_NOTE, LITIGATION_HEADER,
    PROACTIVE_ROW_HEADER, SECTIONS,
};

/// Where each table starts, found by its own row and column labels wherever
/// it stands and whatever its heading says: 表二 at 第二十条第（…）项 or
/// 信息内容, 表三 at 申请人情况, its balance note or 本年新收政府信息公开申请数量,
/// 表四 at its header (行政复议 … 行政诉讼, 结果维持, 未经复议直接起诉). Only
/// lines that are not running text count, each table after the one before.
pub(super) fn find_tables(lines: &[&str]) -> [Option<usize>; 3] {
    let starts = |i: usize, words: &[&str]| {
        !is_prose(lines[i]) && label_fields(lines[i]).iter().any(|f| words.iter().any(|w| f.starts_with(w)))
    };
    // The template's own labels, folded as the lines are.
    let block_head: String = fold_label(Template::T2021.proactive()[0].article.zh).chars().take(6).collect();
    let proactive = (0..lines.len()).find(|&i| starts(i, &[&block_head, PROACTIVE_ROW_HEADER.zh]));
    let from = proactive.map_or(0, |i| i + 1);
    let balance_note: String = fold_label(BALANCE_NOTE.zh).chars().take(10).collect();
    let received = fold_label(unnumbered(Template::T2021.other_shape().row(RowRole::Received).label.zh));
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

/// Where the six sections are: each one's first line (its heading, or its
/// table's first line) and the first line of its content.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Layout {
    pub(super) starts: [Option<usize>; SECTIONS.len()],
    pub(super) content: [Option<usize>; SECTIONS.len()],
    /// Sections taken by their place, without a heading (五 after 表四).
    pub(super) unheaded: [bool; SECTIONS.len()],
}

impl Layout {
    /// The first line of the report's body.
    pub(super) fn body_start(&self, len: usize) -> usize {
        self.starts.iter().flatten().copied().min().unwrap_or(len)
    }

    /// The lines of section `k`: its content, up to the next section's start.
    pub(super) fn lines<'a>(&self, lines: &[&'a str], k: usize) -> Vec<&'a str> {
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
pub(super) fn find_layout(lines: &[&str]) -> Layout {
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
                        let unnumbered = f.starts_with(HEADING_WORDS[k][0]) && f.chars().count() <= 24;
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
