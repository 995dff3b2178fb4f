//! The text sections' paragraphs, rejoined where a PDF viewer or a narrow
//! page wrapped them.

use super::lines::fold_label;

/// Rejoins lines that a PDF viewer or a narrow page wrapped. A line that
/// fills the width and does not end a sentence runs on into the next; a blank
/// line, a short line or a sentence end closes the paragraph; a sub-heading
/// （一）… or 一、… always starts one.
pub(super) fn paragraphs(lines: &[&str]) -> String {
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
pub(super) fn close_cjk_gaps(line: &str) -> String {
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
pub(super) fn display_width(line: &str) -> usize {
    line.chars().map(|c| if (c as u32) >= 0x2E80 { 2 } else { 1 }).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
