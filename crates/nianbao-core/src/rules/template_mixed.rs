// Rule: template-mixed
// Fires when a "2021" report prints （六）其他处理 as the single 2019 row
// instead of its three sub-items. By the same reasoning (decision recorded in
// docs/DECISIONS.md) it also fires for a "2019" report that uses the three
// 2021 sub-items. Pointer: /applications/results/other.

use super::Checks;
use crate::diagnostic::{Detail, Diagnostic, Rule};
use crate::model::Report;

pub fn check(report: &Report, checks: &mut Checks) {
    checks.count(true);
    if report.other_shape != report.template.other_shape() {
        let detail = Detail::TemplateMixed { template: report.template };
        checks.push(Diagnostic::at(Rule::TemplateMixed, "/applications/results/other", detail));
    }
}
