// Rule: section-empty
// Fires when section 一 (overview) or 五 (problems) is empty or a placeholder:
// 无, 略, 暂无, or fewer than 10 characters once spaces, punctuation and
// heading lines (（一）存在问题) are left out. Section 六 may legitimately
// say 无, so it is not checked.

use super::Checks;
use crate::diagnostic::{Detail, Diagnostic, Rule};
use crate::model::Report;

const MIN_CHARS: usize = 10;

pub fn check(report: &Report, checks: &mut Checks) {
    for section in ["overview", "problems"] {
        let Some(text) = report.section_text(section) else {
            checks.count(false);
            continue;
        };
        checks.count(true);
        if is_placeholder(text) {
            let detail = Detail::SectionEmpty { section, text: text.trim().to_string() };
            checks.push(Diagnostic::at(Rule::SectionEmpty, format!("/{section}"), detail));
        }
    }
}

/// Whether the text says nothing: counted without whitespace, punctuation
/// and heading lines, so that "无。", " 略 " and a heading over "无" are
/// placeholders too.
pub fn is_placeholder(text: &str) -> bool {
    // Counting stops at the threshold: a long section is read no further.
    text.lines()
        .filter(|line| !crate::text::is_heading(line))
        .flat_map(str::chars)
        .filter(|&c| crate::text::is_word_char(c))
        .take(MIN_CHARS)
        .count()
        < MIN_CHARS
}

#[cfg(test)]
mod tests {
    use super::is_placeholder;

    #[test]
    fn placeholders() {
        for text in
            ["", "无", "略", "暂无", "无。", "  ", "（一）无", "本年度暂无。", "（一）存在问题\n无\n（二）改进情况\n无"]
        {
            assert!(is_placeholder(text), "{text:?}");
        }
        assert!(!is_placeholder("一是公开意识有待进一步提升，主动性不强。"));
        assert!(!is_placeholder("（一）存在问题\n一是公开意识有待进一步提升，主动性不强。"));
    }
}
