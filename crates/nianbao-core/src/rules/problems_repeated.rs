// Rule: problems-repeated
// Needs last year's report. Fires when more than half of the sentences of
// section 五 appear unchanged in last year's section 五 (the template forbids
// 年年雷同, and supervisors score it). Sentences are compared without spaces,
// with full-width digits folded, and must be at least 8 characters long;
// headings (（一）存在的主要问题及原因分析) do not count, however long: the
// template's headings repeat every year by design. Pointer: /problems.

use super::Checks;
use crate::diagnostic::{Detail, Diagnostic, Rule};
use crate::model::Report;
use crate::text::{is_heading, sentence_key, sentences};
use std::collections::HashSet;

const MIN_SENTENCE_CHARS: usize = 8;

pub fn check(report: &Report, previous: &Report, checks: &mut Checks) {
    let (Some(problems), Some(previous_problems)) = (report.problems.as_deref(), previous.problems.as_deref()) else {
        checks.count(false);
        return;
    };
    let ours = comparable_sentences(problems);
    if ours.is_empty() {
        checks.count(false);
        return;
    }
    checks.count(true);
    let theirs: HashSet<u64> = comparable_sentences(previous_problems).into_iter().collect();
    let repeated = ours.iter().filter(|s| theirs.contains(*s)).count();
    if repeated * 2 > ours.len() {
        let detail = Detail::ProblemsRepeated { repeated, sentences: ours.len(), previous_year: previous.year };
        checks.push(Diagnostic::at(Rule::ProblemsRepeated, "/problems", detail));
    }
}

/// The keys of the sentences that count (`text::sentence_key`: folded, at
/// least 8 characters, headings left out).
fn comparable_sentences(text: &str) -> Vec<u64> {
    sentences(text)
        .filter(|s| !is_heading(s))
        .map(sentence_key)
        .filter(|&(_, chars)| chars >= MIN_SENTENCE_CHARS)
        .map(|(key, _)| key)
        .collect()
}
