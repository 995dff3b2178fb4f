// Rule: cell-fraction
// Fires for a count that is not a whole number: every cell except the 万元
// amounts (行政事业性收费, 政府集中采购 金额). `1.0` and `1e2` are whole.

use super::Checks;
use crate::diagnostic::{Detail, Diagnostic, Rule};
use crate::model::Report;

pub fn check(report: &Report, checks: &mut Checks) {
    for (id, cell) in report.cells() {
        let Some(value) = cell.number() else { continue };
        if id.whole() && value.fract() != 0.0 {
            checks.push(Diagnostic::at(Rule::CellFraction, id.pointer(), Detail::CellNumber { value }));
        }
    }
}
