//! The six section headings: their numbering and the ways agencies word them.

use nianbao_core::template::{APPEAL_BLOCKS, LITIGATION_HEADER, SECTIONS};

/// The ways the six headings are worded, after their numeral: the
/// template's words first, then the rewordings agencies use. A heading of
/// 四 names 表四's first block or its lawsuits.
pub(super) static HEADING_WORDS: [&[&str]; SECTIONS.len()] = [
    &["总体情况"],
    &["主动公开政府信息", "政府信息主动公开", "主动公开情况"],
    &["收到和处理政府信息公开申请", "依申请公开", "收到和处理"],
    &[APPEAL_BLOCKS[0].label.zh, LITIGATION_HEADER.zh],
    &["存在的主要问题", "存在的问题", "主要问题", "存在问题"],
    &["其他需要报告", "其他事项"],
];

/// How a line is numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Numbering {
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
pub(super) fn strip_numbering(folded: &str) -> (Numbering, &str) {
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
pub(super) fn is_heading(k: usize, folded: &str) -> bool {
    match strip_numbering(folded) {
        (Numbering::Bracketed, _) => false,
        (Numbering::Plain(_) | Numbering::Table, words) => HEADING_WORDS[k].iter().any(|w| words.contains(w)),
        (Numbering::None, _) => folded.starts_with(HEADING_WORDS[k][0]) && folded.chars().count() <= 24,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
