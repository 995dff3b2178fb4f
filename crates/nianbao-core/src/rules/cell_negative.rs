// Rule: cell-negative
// Fires for a negative number in any cell except the 2019 template's
// 本年增/减 (a change, which may go down). Each cell checked counts as one
// check: this is the rule that looks at every number.

use super::Checks;
use crate::diagnostic::{Detail, Diagnostic, Rule};
use crate::model::Report;

pub fn check(report: &Report, checks: &mut Checks) {
    for (id, cell) in report.cells() {
        // A blank or text cell cannot be checked: counted as skipped.
        let Some(value) = cell.number() else {
            checks.count(false);
            continue;
        };
        checks.count(true);
        if value < 0.0 && !id.signed() {
            checks.push(Diagnostic::at(Rule::CellNegative, id.pointer(), Detail::CellNumber { value }));
        }
    }
}
