// Rule: t3-results-total
// Fires for each applicant column in which （七）总计 is not the sum of every
// result row （一）…（六） (21 rows in the 2021 template, 19 in 2019; a 2021
// report with the single （六） row is summed as printed). Each application
// is counted once, so the rows must add up exactly. Pointers: （七）总计, then
// the result rows in printed order.

use super::Checks;
use crate::diagnostic::Rule;
use crate::model::{CellId, Report};
use crate::template::{RowRole, APPLICANT_COLUMNS};

pub fn check(report: &Report, checks: &mut Checks) {
    let Some((total_row, total_cells)) = report.application_rows().find(|(r, _)| r.role == RowRole::ResultsTotal)
    else {
        return;
    };
    for column in 0..APPLICANT_COLUMNS.len() {
        let addends: Vec<_> = report
            .application_rows()
            .filter(|(row, _)| row.role == RowRole::Result)
            .map(|(row, cells)| (CellId::Application(row, column), &cells[column]))
            .collect();
        checks.sum(Rule::T3ResultsTotal, (CellId::Application(total_row, column), &total_cells[column]), &addends);
    }
}
