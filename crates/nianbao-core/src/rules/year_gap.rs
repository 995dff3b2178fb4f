// Rule: year-gap
// Needs last year's report. Fires when the report given as the previous one
// is not for `year − 1` (a year skipped, the same year twice, or the two
// swapped). Pointer: /year.

use super::Checks;
use crate::diagnostic::{Detail, Diagnostic, Rule};
use crate::model::Report;

pub fn check(report: &Report, previous: &Report, checks: &mut Checks) {
    let (Some(year), Some(previous_year)) = (report.year, previous.year) else {
        checks.count(false);
        return;
    };
    checks.count(true);
    if previous_year != year - 1 {
        checks.push(Diagnostic::at(Rule::YearGap, "/year", Detail::YearGap { year, previous: previous_year }));
    }
}
