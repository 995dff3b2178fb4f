// Rule: t3-row-total
// Fires for each 表三 row whose 总计 is not the sum of its six applicant
// columns (自然人 + the five 法人或其他组织 columns). Pointers: the 总计
// cell, then the six columns in printed order.

use super::Checks;
use crate::diagnostic::Rule;
use crate::model::{CellId, Report};
use crate::template::TOTAL_COLUMN;

pub fn check(report: &Report, checks: &mut Checks) {
    for (row, cells) in report.application_rows() {
        let addends: [_; TOTAL_COLUMN] = std::array::from_fn(|c| (CellId::Application(row, c), &cells[c]));
        checks.sum(Rule::T3RowTotal, (CellId::Application(row, TOTAL_COLUMN), &cells[TOTAL_COLUMN]), &addends);
    }
}
