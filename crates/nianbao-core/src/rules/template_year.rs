// Rule: template-year
// Fires when the declared template does not fit the year: 2019–2020 reports
// use "2019", 2021 and later "2021". A 2023 report on the 2019 table is a
// common slip. Pointer: /template.

use super::Checks;
use crate::diagnostic::{Detail, Diagnostic, Rule};
use crate::model::Report;
use crate::template::Template;

pub fn check(report: &Report, checks: &mut Checks) {
    let (Some(year), true) = (report.year, report.template_declared) else {
        checks.count(false);
        return;
    };
    checks.count(true);
    if year >= 2019 && Template::for_year(year) != report.template {
        checks.push(Diagnostic::at(
            Rule::TemplateYear,
            "/template",
            Detail::TemplateYear { year, template: report.template },
        ));
    }
}
