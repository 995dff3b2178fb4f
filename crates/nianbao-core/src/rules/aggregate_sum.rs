// Rule: aggregate-sum
// For a supervisor who loads a parent's aggregated report with the reports of
// its direct subordinates: fires for each cell of the parent's 表三 and 表四
// that differs from the sum of the same cell over the subordinates' reports
// of the same year. The finding lists the subordinates included, so a missing
// one is visible. Only 表三 rows present in every report are compared (a
// single （六） row and the split one are not the same cells). Pointer: the
// parent's cell.

use super::{same, Checks};
use crate::diagnostic::{Detail, Diagnostic, Rule};
use crate::model::{CellId, Report};

/// Checks `parent` against the sum of `subordinates` (name, report) of the
/// parent's year; subordinates of other years are left out and not named.
pub fn check(parent: &Report, subordinates: &[(&str, &Report)]) -> Checks {
    let mut checks = Checks::default();
    let same_year: Vec<&(&str, &Report)> = subordinates.iter().filter(|(_, r)| r.year == parent.year).collect();
    if same_year.is_empty() {
        return checks;
    }
    let included: Vec<String> = same_year.iter().map(|(name, _)| name.to_string()).collect();
    for (id, cell) in parent.cells() {
        if matches!(id, CellId::Proactive(..)) {
            continue;
        }
        let Some(parent_value) = cell.number() else {
            checks.count(false);
            continue;
        };
        let values: Option<f64> = same_year.iter().map(|(_, r)| sub_cell(r, &id)).sum();
        let Some(sum) = values else {
            checks.count(false);
            continue;
        };
        checks.count(true);
        if !same(parent_value, sum) {
            let detail = Detail::AggregateSum { parent: parent_value, sum, included: included.clone() };
            checks.push(Diagnostic::at(Rule::AggregateSum, id.pointer(), detail));
        }
    }
    checks
}

fn sub_cell(report: &Report, id: &CellId) -> Option<f64> {
    match id {
        CellId::Application(row, column) => {
            let (_, cells) = report.application_rows().find(|(r, _)| r.path == row.path)?;
            cells[*column].number()
        }
        CellId::Appeal(block, column) => report.appeals[*block][*column].number(),
        CellId::Proactive(..) => None,
    }
}
