// Rule: carry-over
// Needs last year's report. Fires for each applicant column in which this
// year's 二、上年结转 differs from last year's 四、结转下年度继续办理. 表三 did
// not change in 2021, so this holds across the change of template too.
// Pointer: this report's carried_over cell of the column.

use super::{same, Checks};
use crate::diagnostic::{Detail, Diagnostic, Rule};
use crate::model::Report;
use crate::template::{RowRole, APPLICANT_COLUMNS};

pub fn check(report: &Report, previous: &Report, checks: &mut Checks) {
    let this = report.application_rows().find(|(r, _)| r.role == RowRole::CarriedOver);
    let last = previous.application_row(RowRole::CarriedForward);
    let (Some((row, cells)), Some(last)) = (this, last) else {
        return;
    };
    for column in 0..APPLICANT_COLUMNS.len() {
        let (Some(carried_over), Some(previous_carried_forward)) = (cells[column].number(), last[column].number())
        else {
            checks.count(false);
            continue;
        };
        checks.count(true);
        if !same(carried_over, previous_carried_forward) {
            let detail =
                Detail::CarryOver { column, carried_over, previous_carried_forward, previous_year: previous.year };
            let finding = Diagnostic::at(Rule::CarryOver, row.cell_pointer(column), detail);
            checks.push(finding);
        }
    }
}
