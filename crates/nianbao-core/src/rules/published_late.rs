// Rule: published-late
// Fires when `published` is after the deadline for `kind`: 31 January of the
// next year for departments and townships, 20 February for counties,
// 10 March for prefectures, 31 March for provinces. Pointer: /published.

use super::Checks;
use crate::diagnostic::{Detail, Diagnostic, Rule};
use crate::model::Report;

pub fn check(report: &Report, checks: &mut Checks) {
    let (Some(published), Some(kind), Some(year)) = (report.published, report.kind, report.year) else {
        checks.count(false);
        return;
    };
    let Ok(year) = i32::try_from(year) else {
        checks.count(false);
        return;
    };
    checks.count(true);
    let deadline = kind.deadline(year);
    if published > deadline {
        let detail = Detail::PublishedLate { published: published.to_string(), deadline: deadline.to_string() };
        checks.push(Diagnostic::at(Rule::PublishedLate, "/published", detail));
    }
}
