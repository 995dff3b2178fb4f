//! Many reports at once: which of them is a parent's aggregated report and
//! which are its subordinates' (`aggregate-sum`), and when they are one
//! agency's years (the cross-year rules, year by year). The app's batch and
//! `nianbao check DIR` both decide here, so they agree.

use crate::date::Date;
use crate::diagnostic::Summary;
use crate::model::{Kind, Report};
use crate::rules::Context;
use crate::text::same_body;
use crate::{validate, validate_aggregate, Checked, Loaded};

/// One report of a batch: what to call it (its file) and what was read.
#[derive(Clone, Copy)]
pub struct Member<'a> {
    pub file: &'a str,
    pub report: Option<&'a Report>,
}

impl Member<'_> {
    /// What a subordinate is called in an aggregate finding: its agency, or
    /// its file when it names none.
    pub fn name(&self) -> String {
        self.report.and_then(|r| r.agency.clone()).unwrap_or_else(|| self.file.to_string())
    }
}

/// A parent's aggregated report and the reports summed against it.
#[derive(Debug, Clone, PartialEq)]
pub struct Aggregation {
    pub parent: usize,
    /// The subordinates: every other report of the parent's year.
    pub included: Vec<usize>,
    pub checked: Checked,
}

impl Aggregation {
    /// The names of the included reports, as the finding lists them.
    pub fn names(&self, members: &[Member<'_>]) -> Vec<String> {
        self.included.iter().map(|&i| members[i].name()).collect()
    }
}

/// Finds the one aggregated report (a county's, prefecture's or province's)
/// and the other reports of its year, and checks `aggregate-sum`. With no
/// parent, several parents, or no report of the parent's year beside it,
/// nothing is guessed.
pub fn aggregate(members: &[Member<'_>]) -> Option<Aggregation> {
    let parents: Vec<usize> = (0..members.len())
        .filter(|&i| {
            members[i]
                .report
                .and_then(|r| r.kind)
                .is_some_and(|k| matches!(k, Kind::County | Kind::Prefecture | Kind::Province))
        })
        .collect();
    let [parent] = parents.as_slice() else { return None };
    let parent_report = members[*parent].report?;
    let included: Vec<usize> = (0..members.len())
        .filter(|&i| i != *parent && members[i].report.is_some_and(|r| r.year == parent_report.year))
        .collect();
    if included.is_empty() {
        return None;
    }
    let names: Vec<String> = included.iter().map(|&i| members[i].name()).collect();
    let subordinates: Vec<(&str, &Report)> =
        included.iter().zip(&names).filter_map(|(&i, name)| Some((name.as_str(), members[i].report?))).collect();
    let checked = validate_aggregate(parent_report, &subordinates);
    Some(Aggregation { parent: *parent, included, checked })
}

/// When every readable report names the same body (see
/// [`same_body`]) and each is for a different year: their indices in year
/// order. Anything else (two agencies, a repeated or missing year, fewer
/// than two reports) is not a chain.
pub fn chain_years(members: &[Member<'_>]) -> Option<Vec<usize>> {
    let readable: Vec<usize> = (0..members.len()).filter(|&i| members[i].report.is_some()).collect();
    if readable.len() < 2 {
        return None;
    }
    let agencies: Vec<&str> = readable.iter().filter_map(|&i| members[i].report?.agency.as_deref()).collect();
    let one_agency = agencies.len() == readable.len() && agencies.iter().all(|a| same_body(a, agencies[0]));
    let mut years: Vec<(i64, usize)> = readable.iter().filter_map(|&i| Some((members[i].report?.year?, i))).collect();
    years.sort_unstable();
    let distinct = years.len() == readable.len() && years.windows(2).all(|w| w[0].0 != w[1].0);
    (one_agency && distinct).then(|| years.into_iter().map(|(_, i)| i).collect())
}

/// Checks a chain's reports, each against the year before; the first is
/// checked against `first_previous` (last year's report given apart, or
/// none). Returns `(index, checked)` in chain order.
pub fn check_chain(
    loaded: &[&Loaded],
    chain: &[usize],
    today: Date,
    first_previous: Option<&Report>,
) -> Vec<(usize, Checked)> {
    let mut previous = first_previous;
    chain
        .iter()
        .map(|&i| {
            let checked = validate(loaded[i], &Context { today, previous });
            previous = loaded[i].report.as_ref();
            (i, checked)
        })
        .collect()
}

/// A report's own findings followed by its aggregate findings, counted
/// together: what one file of a batch shows and exports.
pub fn with_aggregate(own: &Checked, aggregate: &Checked) -> Checked {
    let mut diagnostics = own.diagnostics.clone();
    diagnostics.extend(aggregate.diagnostics.iter().cloned());
    let summary = Summary::count(
        &diagnostics,
        own.summary.checks_run + aggregate.summary.checks_run,
        own.summary.checks_skipped + aggregate.summary.checks_skipped,
    );
    Checked { diagnostics, summary }
}
