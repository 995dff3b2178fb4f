//! Many reports at once: which of them is a parent's aggregated report and
//! which are its subordinates' (`aggregate-sum`), and when they are one
//! agency's years (the cross-year rules, year by year). The app's batch and
//! `nianbao check DIR` both decide here, so they agree.

use crate::date::Date;
use crate::diagnostic::{Diagnostic, Severity, Summary};
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

/// A report as [`aggregate`] reads it: its text, title and decisions
/// dropped, its tables, agency, year and kind kept. A shell holding many
/// reports for the aggregate check holds these (about 17 KB a report)
/// instead of the whole. (The cross-year rules read the text: a chain of
/// years needs its reports whole.)
pub fn tables_only(mut report: Report) -> Report {
    report.overview = None;
    report.problems = None;
    report.other = None;
    report.title = None;
    report.annotations = Vec::new();
    report
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

/// The parts of a report a batch counts findings by: each table, the text
/// sections (一、五、六) and the rest (the title, the year, the template,
/// the document as a whole). A supervisor reading fifty reports looks for
/// the table that is wrong; which rule it is, the report itself says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    Proactive,
    Applications,
    Appeals,
    Text,
    Rest,
}

impl Part {
    pub const ALL: [Part; 5] = [Part::Proactive, Part::Applications, Part::Appeals, Part::Text, Part::Rest];

    /// The part a finding is in: its first pointer's.
    pub fn of(d: &Diagnostic) -> Part {
        match crate::message::part_of(d) {
            Some("proactive") => Part::Proactive,
            Some("applications") => Part::Applications,
            Some("appeals") => Part::Appeals,
            Some(_) => Part::Text,
            None => Part::Rest,
        }
    }

    /// Its place in [`Part::ALL`] and in [`Tally::parts`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// What a report of a batch is, worst first: one word for its row, one
/// value of the severity filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Verdict {
    /// Nothing was read: not JSON, not an object, or the file itself could
    /// not be read or imported.
    #[default]
    Unread,
    /// More checks were skipped than ran ([`Summary::mostly_unchecked`]):
    /// never clean, whatever its counts.
    MostlyUnchecked,
    Errors,
    Warnings,
    /// Checked, with no error and no warning (notes may remain).
    Clean,
}

impl Verdict {
    /// The verdict in a CSV or JSON export.
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Unread => "unread",
            Verdict::MostlyUnchecked => "mostly-unchecked",
            Verdict::Errors => "errors",
            Verdict::Warnings => "warnings",
            Verdict::Clean => "clean",
        }
    }
}

impl Part {
    /// The part in a CSV or JSON export: its section's key, `text` or `rest`.
    pub fn code(self) -> &'static str {
        match self {
            Part::Proactive => "proactive",
            Part::Applications => "applications",
            Part::Appeals => "appeals",
            Part::Text => "text",
            Part::Rest => "rest",
        }
    }
}

/// One report of a batch as its row reads: the verdict and the counts, all
/// from its checked findings (dismissed ones are not counted). A file that
/// was not read has no counts: its row says why instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub verdict: Verdict,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Errors and warnings in each part, in the order of [`Part::ALL`]; they
    /// add up to `errors + warnings`.
    pub parts: [usize; 5],
    pub checks_run: usize,
    pub checks_skipped: usize,
}

impl Tally {
    /// `read`: whether a report was read from the file at all.
    pub fn of(read: bool, checked: &Checked) -> Tally {
        if !read {
            return Tally { verdict: Verdict::Unread, ..Tally::default() };
        }
        let s = checked.summary;
        let mut parts = [0; 5];
        for d in checked.diagnostics.iter().filter(|d| !d.is_dismissed()) {
            if d.severity() != Severity::Info {
                parts[Part::of(d).index()] += 1;
            }
        }
        let verdict = if s.mostly_unchecked() {
            Verdict::MostlyUnchecked
        } else if s.errors > 0 {
            Verdict::Errors
        } else if s.warnings > 0 {
            Verdict::Warnings
        } else {
            Verdict::Clean
        };
        Tally {
            verdict,
            errors: s.errors,
            warnings: s.warnings,
            infos: s.infos,
            parts,
            checks_run: s.checks_run,
            checks_skipped: s.checks_skipped,
        }
    }
}

/// The totals of a batch's rows: each is the sum, or the count, over the
/// very tallies the rows show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    pub reports: usize,
    pub errors: usize,
    pub warnings: usize,
    /// Reports with at least one error (mostly unchecked ones included).
    pub with_errors: usize,
    pub unread: usize,
    pub mostly_unchecked: usize,
    pub clean: usize,
    pub parts: [usize; 5],
}

impl Totals {
    pub fn of<'a>(tallies: impl IntoIterator<Item = &'a Tally>) -> Totals {
        let mut t = Totals::default();
        for tally in tallies {
            t.reports += 1;
            t.errors += tally.errors;
            t.warnings += tally.warnings;
            t.with_errors += usize::from(tally.errors > 0);
            match tally.verdict {
                Verdict::Unread => t.unread += 1,
                Verdict::MostlyUnchecked => t.mostly_unchecked += 1,
                Verdict::Clean => t.clean += 1,
                Verdict::Errors | Verdict::Warnings => {}
            }
            for (sum, n) in t.parts.iter_mut().zip(tally.parts) {
                *sum += n;
            }
        }
        t
    }
}

/// Which of a batch's reports to show: an agency's name containing some
/// text (or the file's name, for files that name no agency), a year, a
/// severity. They combine.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    pub agency: String,
    pub year: Option<i64>,
    pub show: Show,
}

/// The severity filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Show {
    #[default]
    All,
    /// At least one error.
    Errors,
    /// At least one warning.
    Warnings,
    MostlyUnchecked,
    Clean,
    Unread,
}

impl Show {
    pub const ALL: [Show; 6] =
        [Show::All, Show::Errors, Show::Warnings, Show::MostlyUnchecked, Show::Clean, Show::Unread];

    pub fn code(self) -> &'static str {
        match self {
            Show::All => "all",
            Show::Errors => "errors",
            Show::Warnings => "warnings",
            Show::MostlyUnchecked => "mostly-unchecked",
            Show::Clean => "clean",
            Show::Unread => "unread",
        }
    }

    pub fn from_code(code: &str) -> Show {
        Show::ALL.into_iter().find(|s| s.code() == code).unwrap_or_default()
    }
}

impl Filter {
    /// Whether the report of `file` (its agency and year as read) is shown.
    /// Names are compared without spaces and with full-width letters and
    /// digits folded, as typed in a search field.
    pub fn keeps(&self, file: &str, agency: Option<&str>, year: Option<i64>, tally: &Tally) -> bool {
        let wanted = squeeze(&self.agency);
        let named = wanted.is_empty()
            || agency.is_some_and(|a| squeeze(a).contains(&wanted))
            || squeeze(file).contains(&wanted);
        let verdict = tally.verdict;
        let severity = match self.show {
            Show::All => true,
            Show::Errors => tally.errors > 0,
            Show::Warnings => tally.warnings > 0,
            Show::MostlyUnchecked => verdict == Verdict::MostlyUnchecked,
            Show::Clean => verdict == Verdict::Clean,
            Show::Unread => verdict == Verdict::Unread,
        };
        named && self.year.is_none_or(|y| year == Some(y)) && severity
    }
}

fn squeeze(text: &str) -> String {
    crate::text::fold_chars(text).map(|c| c.to_ascii_lowercase()).collect()
}
