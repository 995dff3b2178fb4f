// Rule: cell-text
// Fires for every table cell holding text instead of a number ("/", "—",
// "无", "251000元"). The text is kept as published and never read as a
// number; the rules that need the cell are skipped.

use super::Checks;
use crate::diagnostic::{Detail, Diagnostic, Rule};
use crate::model::{Cell, Report};

pub fn check(report: &Report, checks: &mut Checks) {
    for (id, cell) in report.cells() {
        if let Cell::Text(text) = cell {
            checks.push(Diagnostic::at(Rule::CellText, id.pointer(), Detail::CellText { text: text.clone() }));
        }
    }
}
