//! The rules of RULES.md, one module per code.
//!
//! Each module opens with a `// Rule: code` comment saying when it fires.
//! Rules read the typed `Report` and add findings to a `Checks`; they never
//! read the JSON, the clock or anything else. Nothing outside this module runs
//! a rule. A rule instance whose inputs are not all numbers is skipped and
//! counted as skipped (those cells have findings of their own).

use crate::date::Date;
use crate::diagnostic::{Detail, Diagnostic, Rule};
use crate::model::{Cell, CellId, Report};

mod agency_mismatch;
mod aggregate_sum;
mod carry_over;
mod cell_blank;
mod cell_fraction;
mod cell_negative;
mod cell_text;
mod copied_previous;
mod fee_not_reported;
mod in_force_continuity;
mod other_processing_high;
mod problems_repeated;
mod published_late;
mod section_empty;
mod t2_in_force_floor;
mod t3_balance;
mod t3_results_total;
mod t3_row_total;
mod t4_total;
mod template_mixed;
mod template_year;
pub mod text_table_mismatch;
mod title_year;
mod year_gap;
mod year_range;

pub use aggregate_sum::check as check_aggregate;

/// What validation needs besides the report itself.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// Today's date: decides `year-range`. Never read from a clock in the core.
    pub today: Date,
    /// Last year's report of the same agency, for the cross-year rules.
    pub previous: Option<&'a Report>,
}

/// Findings and check counts collected while the rules run.
#[derive(Debug, Default)]
pub struct Checks {
    pub diagnostics: Vec<Diagnostic>,
    pub run: usize,
    pub skipped: usize,
}

impl Checks {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// Counts one check run (`true`) or skipped (`false`).
    pub fn count(&mut self, run: bool) {
        if run {
            self.run += 1;
        } else {
            self.skipped += 1;
        }
    }

    /// Checks that `total` equals the sum of `addends`. Skipped when any cell
    /// is not a number. The finding points at the total, then the addends.
    pub fn sum(&mut self, rule: Rule, total: (CellId, &Cell), addends: &[(CellId, &Cell)]) {
        // Nothing is allocated unless the check fails: this runs ~35 times
        // per report.
        let Some(total_value) = total.1.number() else {
            self.skipped += 1;
            return;
        };
        let mut sum = 0.0;
        for (_, cell) in addends {
            match cell.number() {
                Some(v) => sum += v,
                None => {
                    self.skipped += 1;
                    return;
                }
            }
        }
        self.run += 1;
        if !same(sum, total_value) {
            let values = std::iter::once(&total).chain(addends).filter_map(|(_, cell)| cell.number()).collect();
            let pointers = std::iter::once(&total).chain(addends).map(|(id, _)| id.pointer()).collect();
            self.push(Diagnostic::new(rule, pointers, Detail::Sum { values }));
        }
    }
}

/// Equality of table numbers: counts are exact; 万元 amounts are compared to a
/// part in 10^9, so that 0.1 + 0.2 equals 0.3.
pub fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Runs every single-report rule (and the cross-year rules when `previous`
/// is given), in catalogue order.
pub fn check_report(report: &Report, context: &Context<'_>, checks: &mut Checks) {
    cell_blank::check(report, checks);
    cell_text::check(report, checks);
    cell_negative::check(report, checks);
    cell_fraction::check(report, checks);
    t3_balance::check(report, checks);
    t3_results_total::check(report, checks);
    t3_row_total::check(report, checks);
    t4_total::check(report, checks);
    t2_in_force_floor::check(report, checks);
    year_range::check(report, context.today, checks);
    template_year::check(report, checks);
    template_mixed::check(report, checks);
    title_year::check(report, checks);
    published_late::check(report, checks);
    section_empty::check(report, checks);
    fee_not_reported::check(report, checks);
    other_processing_high::check(report, checks);
    text_table_mismatch::check(report, checks);
    if let Some(previous) = context.previous {
        carry_over::check(report, previous, checks);
        in_force_continuity::check(report, previous, checks);
        agency_mismatch::check(report, previous, checks);
        year_gap::check(report, previous, checks);
        problems_repeated::check(report, previous, checks);
        copied_previous::check(report, previous, checks);
    }
}
