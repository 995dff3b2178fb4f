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
use crate::text::{fold, is_heading, sentences};
use std::collections::{HashMap, HashSet};

/// Below this many applications received, identical tables are no sign.
const MIN_RECEIVED: f64 = 5.0;
const MIN_SENTENCE_CHARS: usize = 8;

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
fn tables_identical(report: &Report, previous: &Report) -> Option<bool> {
    let received = report.application_row(RowRole::Received)?[TOTAL_COLUMN].number()?;
    if received < MIN_RECEIVED {
        return None;
    }
    let counted = |r: &Report| -> Option<HashMap<String, f64>> {
        r.cells()
            .filter(|(id, _)| matches!(id, CellId::Application(..) | CellId::Appeal(..)))
            .map(|(id, cell)| Some((id.pointer(), cell.number()?)))
            .collect()
    };
    let (ours, theirs) = (counted(report)?, counted(previous)?);
    Some(ours.len() == theirs.len() && ours.iter().all(|(pointer, v)| theirs.get(pointer) == Some(v)))
}

/// How many of section 一's sentences are in last year's section 一, of how
/// many; `None` without a section 一 on either side.
fn overview_repeated(report: &Report, previous: &Report) -> Option<(usize, usize)> {
    let ours = comparable_sentences(report.overview.as_deref()?);
    if ours.is_empty() {
        return None;
    }
    let theirs: HashSet<String> = comparable_sentences(previous.overview.as_deref()?).into_iter().collect();
    Some((ours.iter().filter(|s| theirs.contains(*s)).count(), ours.len()))
}

fn comparable_sentences(text: &str) -> Vec<String> {
    sentences(text).filter(|s| !is_heading(s)).map(fold).filter(|s| s.chars().count() >= MIN_SENTENCE_CHARS).collect()
}
