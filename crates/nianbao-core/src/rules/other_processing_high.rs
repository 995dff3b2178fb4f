// Rule: other-processing-high
// Fires when （六）其他处理 (its three sub-rows together, or the single row)
// is more than 10 % of （七）总计 and at least 5 applications, in the 总计
// column. The 2019 notice asks supervisors to look into high 其他处理.
// Pointers: the 总计 cells of （六）, then （七）总计.

use super::Checks;
use crate::diagnostic::{Detail, Diagnostic, Rule};
use crate::model::Report;
use crate::template::{RowRole, TOTAL_COLUMN};

pub fn check(report: &Report, checks: &mut Checks) {
    let other_rows: Vec<_> =
        report.application_rows().filter(|(row, _)| row.role == RowRole::Result && row.path[1] == "other").collect();
    let total = report.application_row(RowRole::ResultsTotal).and_then(|cells| cells[TOTAL_COLUMN].number());
    let other: Option<f64> = other_rows.iter().map(|(_, cells)| cells[TOTAL_COLUMN].number()).sum();
    let (Some(other), Some(total)) = (other, total) else {
        checks.count(false);
        return;
    };
    checks.count(true);
    if other >= 5.0 && other > 0.1 * total {
        let mut pointers: Vec<String> = other_rows.iter().map(|(row, _)| row.cell_pointer(TOTAL_COLUMN)).collect();
        pointers.push("/applications/results/total/total".to_string());
        checks.push(Diagnostic::new(Rule::OtherProcessingHigh, pointers, Detail::OtherProcessingHigh { other, total }));
    }
}
