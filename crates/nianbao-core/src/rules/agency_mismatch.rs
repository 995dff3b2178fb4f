// Rule: agency-mismatch
// Needs last year's report. Fires when the two reports name different
// agencies. Names are compared without spaces, and are the same body when
// one ends with the other (洪泽区人民政府 and 淮安市洪泽区人民政府).
// Pointer: /agency.

use super::Checks;
use crate::diagnostic::{Detail, Diagnostic, Rule};
use crate::model::Report;
use crate::text::same_body;

pub fn check(report: &Report, previous: &Report, checks: &mut Checks) {
    let (Some(agency), Some(previous_agency)) = (report.agency.as_deref(), previous.agency.as_deref()) else {
        checks.count(false);
        return;
    };
    checks.count(true);
    if !same_body(agency, previous_agency) {
        let detail = Detail::AgencyMismatch { agency: agency.to_string(), previous: previous_agency.to_string() };
        checks.push(Diagnostic::at(Rule::AgencyMismatch, "/agency", detail));
    }
}
