// Rule: in-force-continuity
// Needs last year's report; both on the 2021 template. Fires for 规章 or
// 行政规范性文件 when 现行有效件数 is not last year's 现行有效件数 + 本年制发 −
// 本年废止. Clean-ups of old documents break this legitimately, hence info.
// Pointers: in_force, issued, repealed.

use super::{same, Checks};
use crate::diagnostic::{Detail, Diagnostic, Rule};
use crate::model::Report;
use crate::template::Template;

pub fn check(report: &Report, previous: &Report, checks: &mut Checks) {
    if report.template != Template::T2021 || previous.template != Template::T2021 {
        return;
    }
    for row in ["regulations", "normative_documents"] {
        let number = |r: &Report, column| r.proactive_cell(row, column).and_then(|c| c.number());
        let values = (
            number(report, "in_force"),
            number(report, "issued"),
            number(report, "repealed"),
            number(previous, "in_force"),
        );
        let (Some(in_force), Some(issued), Some(repealed), Some(previous_in_force)) = values else {
            checks.count(false);
            continue;
        };
        checks.count(true);
        let expected = previous_in_force + issued - repealed;
        if !same(in_force, expected) {
            let pointers = ["in_force", "issued", "repealed"].map(|c| format!("/proactive/{row}/{c}")).to_vec();
            let detail =
                Detail::InForce { row, in_force, issued, repealed, previous_in_force: Some(previous_in_force) };
            checks.push(Diagnostic::new(Rule::InForceContinuity, pointers, detail));
        }
    }
}
