// Rule: cell-blank
// Fires for every table cell that is `null`: left blank in the published
// report, where the template expects a number (0 when there was nothing).
// Blank is never read as 0; the rules that need the cell are skipped.

use super::Checks;
use crate::diagnostic::{Detail, Diagnostic, Rule};
use crate::model::{Cell, Report};

pub fn check(report: &Report, checks: &mut Checks) {
    for (id, cell) in report.cells() {
        if *cell == Cell::Blank {
            checks.push(Diagnostic::at(Rule::CellBlank, id.pointer(), Detail::CellBlank));
        }
    }
}
