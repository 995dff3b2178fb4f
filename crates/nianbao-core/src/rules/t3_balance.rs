// Rule: t3-balance
// Fires for each applicant column in which 一、本年新收 + 二、上年结转 is not
// （七）总计 + 四、结转下年度继续办理, the relation the template prints above
// the table. Pointers: received, carried_over, results/total, carried_forward.

use super::{same, Checks};
use crate::diagnostic::{Detail, Diagnostic, Rule};
use crate::model::Report;
use crate::template::{RowRole, APPLICANT_COLUMNS};

pub fn check(report: &Report, checks: &mut Checks) {
    let roles = [RowRole::Received, RowRole::CarriedOver, RowRole::ResultsTotal, RowRole::CarriedForward];
    let rows = roles.map(|role| report.application_rows().find(|(r, _)| r.role == role));
    let [Some(received), Some(carried_over), Some(results_total), Some(carried_forward)] = rows else {
        return;
    };
    for column in 0..APPLICANT_COLUMNS.len() {
        let numbers = [received, carried_over, results_total, carried_forward].map(|(_, cells)| cells[column].number());
        let [Some(a), Some(b), Some(c), Some(d)] = numbers else {
            checks.count(false);
            continue;
        };
        checks.count(true);
        if !same(a + b, c + d) {
            let pointers = [received, carried_over, results_total, carried_forward]
                .iter()
                .map(|(row, _)| row.cell_pointer(column))
                .collect();
            let detail = Detail::Balance { column, received: a, carried_over: b, results_total: c, carried_forward: d };
            checks.push(Diagnostic::new(Rule::T3Balance, pointers, detail));
        }
    }
}
