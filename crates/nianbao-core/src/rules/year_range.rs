// Rule: year-range
// Fires when `year` is before 2019 (the tables did not exist) or after the
// current year. Today's date is an input, never read from a clock here.

use super::Checks;
use crate::date::Date;
use crate::diagnostic::{Detail, Diagnostic, Rule};
use crate::model::Report;

pub const FIRST_YEAR: i64 = 2019;

pub fn check(report: &Report, today: Date, checks: &mut Checks) {
    let Some(year) = report.year else {
        checks.count(false);
        return;
    };
    checks.count(true);
    let current_year = i64::from(today.year);
    if !(FIRST_YEAR..=current_year).contains(&year) {
        checks.push(Diagnostic::at(Rule::YearRange, "/year", Detail::YearRange { year, current_year }));
    }
}
