// Rule: copied-previous
// Needs last year's report. Fires when this year's report repeats last
// year's: every cell of 表三 and 表四 is a number equal to last year's in the
// same cell, with 一、本年新收 总计 at least 5 (a small body with the same one
// or two applications two years running is no sign of copying); or more than
// 80 % of the sentences of section 一 appear unchanged in last year's section
// 一 (compared as problems-repeated compares them: without spaces, full-width
// digits folded, at least 8 characters, headings left out). One finding says
// which of the two is identical. Pointers: /applications and /appeals when
// the tables are identical, /overview when the text is.

use super::Checks;
use crate::diagnostic::{Detail, Diagnostic, Rule};
use crate::model::{CellId, Report};
use crate::template::RowRole;
use crate::template::TOTAL_COLUMN;
use crate::text::repeated_sentences;

/// Below this many applications received, identical tables are no sign.
const MIN_RECEIVED: f64 = 5.0;

pub fn check(report: &Report, previous: &Report, checks: &mut Checks) {
    let tables = tables_identical(report, previous);
    let overview = overview_repeated(report, previous);
    if tables.is_none() && overview.is_none() {
        checks.count(false);
        return;
    }
    checks.count(true);
    let tables = tables == Some(true);
    let overview = overview.filter(|&(repeated, of)| repeated * 5 > of * 4);
    if !tables && overview.is_none() {
        return;
    }
    let mut pointers = Vec::new();
    if tables {
        pointers.extend(["/applications".to_string(), "/appeals".to_string()]);
    }
    if overview.is_some() {
        pointers.push("/overview".to_string());
    }
    let detail = Detail::CopiedPrevious { tables, overview, previous_year: previous.year };
    checks.push(Diagnostic::new(Rule::CopiedPrevious, pointers, detail));
}

/// Whether every cell of 表三 and 表四 equals last year's; `None` when it
/// cannot be told (a cell that is not a number, or too few applications to
/// mean anything).
fn tables_identical<'a>(report: &'a Report, previous: &'a Report) -> Option<bool> {
    let received = report.application_row(RowRole::Received)?[TOTAL_COLUMN].number()?;
    if received < MIN_RECEIVED {
        return None;
    }
    // The two reports' cells in printed order; the same template and shape
    // give the same cells in the same order (a different shape of （六）
    // gives other rows, and so not a copy). The first difference ends it:
    // most reports differ in their first cells.
    let table_cells =
        |r: &'a Report| r.cells().filter(|(id, _)| matches!(id, CellId::Application(..) | CellId::Appeal(..)));
    let (mut ours, mut theirs) = (table_cells(report), table_cells(previous));
    loop {
        match (ours.next(), theirs.next()) {
            (None, None) => return Some(true),
            (Some((a, x)), Some((b, y))) => match (x.number(), y.number()) {
                (Some(x), Some(y)) if x == y && same_cell(&a, &b) => {}
                (Some(_), Some(_)) => return Some(false),
                _ => return None,
            },
            _ => return Some(false),
        }
    }
}

/// Whether two cell ids name the same cell of the template.
fn same_cell(a: &CellId, b: &CellId) -> bool {
    match (a, b) {
        (CellId::Application(r, c), CellId::Application(s, d)) => std::ptr::eq(*r, *s) && c == d,
        (CellId::Appeal(r, c), CellId::Appeal(s, d)) => r == s && c == d,
        _ => false,
    }
}

/// How many of section 一's sentences are in last year's section 一, of how
/// many; `None` without a section 一 (of sentences that count) on either side.
fn overview_repeated(report: &Report, previous: &Report) -> Option<(usize, usize)> {
    let (repeated, of) = repeated_sentences(report.overview.as_deref()?, previous.overview.as_deref()?);
    (of > 0).then_some((repeated, of))
}
