// Rule: fee-not-reported
// Template 2021: fires when section 六 does not mention 处理费 at all (信息
// 处理费, 信息公开处理费 …). The template asks every agency to report there
// what it charged under the fee measures, even when it charged nothing.
// Pointer: /other.

use super::Checks;
use crate::diagnostic::{Detail, Diagnostic, Rule};
use crate::model::Report;
use crate::template::Template;

pub fn check(report: &Report, checks: &mut Checks) {
    if report.template != Template::T2021 {
        return;
    }
    let Some(text) = report.other.as_deref() else {
        checks.count(false);
        return;
    };
    checks.count(true);
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if !compact.contains("处理费") {
        checks.push(Diagnostic::at(Rule::FeeNotReported, "/other", Detail::FeeNotReported));
    }
}
