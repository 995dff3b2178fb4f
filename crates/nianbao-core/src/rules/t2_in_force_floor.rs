// Rule: t2-in-force-floor
// Template 2021 only: fires for 规章 or 行政规范性文件 when 现行有效件数 is
// below 本年制发件数 − 本年废止件数. Documents issued this year and not
// repealed are all still in force, so the stock cannot be smaller (repeals of
// older documents can only make the difference smaller, never negative).
// Pointers: in_force, issued, repealed. `expected` is the floor.

use super::Checks;
use crate::diagnostic::{Detail, Diagnostic, Rule};
use crate::model::Report;
use crate::template::Template;

pub fn check(report: &Report, checks: &mut Checks) {
    if report.template != Template::T2021 {
        return;
    }
    for row in ["regulations", "normative_documents"] {
        let number = |column| report.proactive_cell(row, column).and_then(|c| c.number());
        let (Some(in_force), Some(issued), Some(repealed)) = (number("in_force"), number("issued"), number("repealed"))
        else {
            checks.count(false);
            continue;
        };
        checks.count(true);
        let floor = issued - repealed;
        if in_force < floor {
            let pointers = ["in_force", "issued", "repealed"].map(|c| format!("/proactive/{row}/{c}")).to_vec();
            let detail = Detail::InForce { row, in_force, issued, repealed, previous_in_force: None };
            checks.push(Diagnostic::new(Rule::T2InForceFloor, pointers, detail));
        }
    }
}
