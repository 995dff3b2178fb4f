// Rule: agency-mismatch
// Needs last year's report. Fires when the two reports name different
// agencies. Names are compared without spaces, and are the same body when
// one ends with the other (洪泽区人民政府 and 淮安市洪泽区人民政府).
// Pointer: /agency.

use super::Checks;
use crate::diagnostic::{Detail, Diagnostic, Rule};
use crate::model::Report;
use crate::text::fold;

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

/// Whether two names denote the same body.
pub fn same_body(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    !a.is_empty() && !b.is_empty() && (a.ends_with(&b) || b.ends_with(&a))
}

#[cfg(test)]
mod tests {
    use super::same_body;

    #[test]
    fn names() {
        assert!(same_body("洪泽区人民政府", "淮安市洪泽区人民政府"));
        assert!(same_body("淮安市 洪泽区人民政府", "洪泽区人民政府"));
        assert!(!same_body("洪泽区人民政府", "淮安市人民政府"));
        assert!(!same_body("", "淮安市人民政府"));
    }
}
