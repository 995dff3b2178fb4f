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
use crate::text::repeated_sentences;

pub fn check(report: &Report, previous: &Report, checks: &mut Checks) {
    let (Some(problems), Some(previous_problems)) = (report.problems.as_deref(), previous.problems.as_deref()) else {
        checks.count(false);
        return;
    };
    let (repeated, sentences) = repeated_sentences(problems, previous_problems);
    if sentences == 0 {
        checks.count(false);
        return;
    }
    checks.count(true);
    if repeated * 2 > sentences {
        let detail = Detail::ProblemsRepeated { repeated, sentences, previous_year: previous.year };
        checks.push(Diagnostic::at(Rule::ProblemsRepeated, "/problems", detail));
    }
}
