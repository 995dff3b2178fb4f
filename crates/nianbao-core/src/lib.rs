//! Nianbao's core: the model, reader and validator of China's government
//! information-disclosure annual reports (政府信息公开工作年度报告) in the
//! `zfxxgk-annual-report/1` JSON format.
//!
//! Findings flow one way: bytes → [`load`] → (document, report, findings) →
//! [`validate`] → findings and summary → UI / JSON / CLI. The crate does no
//! IO and reads no clock: today's date is part of [`Context`].
//!
//! ```
//! let loaded = nianbao_core::load(br#"{"format": "zfxxgk-annual-report/1"}"#);
//! let today = nianbao_core::date::Date::new(2025, 3, 1).unwrap();
//! let checked = nianbao_core::validate(&loaded, &nianbao_core::Context { today, previous: None });
//! assert!(checked.summary.errors > 0); // template, year, agency, tables … are missing
//! ```

pub mod batch;
pub mod csv;
pub mod date;
pub mod decimal;
pub mod diagnostic;
pub mod edit;
pub mod encoding;
pub mod explain;
pub mod export;
pub mod import_note;
pub mod input;
pub mod json;
pub mod lang;
pub mod layout;
pub mod message;
pub mod model;
pub mod new;
pub mod output;
pub mod readiness;
pub mod rules;
pub mod schema;
pub mod sheet;
pub mod template;
pub mod text;

use diagnostic::{Detail, Diagnostic, Position, Rule, Settled, Summary, Unreadable};
pub use model::Report;
pub use rules::Context;
pub use template::{Lang, Template};

/// The built-in sample: 济源高新技术产业开发区管理办公室's 2024 report, every
/// row spelled out, as the app shows on a first visit.
pub const BUILTIN_SAMPLE: &str = include_str!("../../../samples/jiyuan-hitech-zone-2024.json");

/// The largest report file the app opens (JSON of a real report is 10 to
/// 200 kB, its longest narrative well under 1 MB). Anything larger is no
/// report, and reading and drawing it would hold the page for seconds; the
/// app refuses it with this figure (`docs/DECISIONS.md`, 64). The CLI and the
/// core themselves read any size.
pub const MAX_REPORT_BYTES: usize = 8 << 20;

/// A document as read: its JSON (when well-formed), its typed view (when the
/// JSON is an object) and the findings made while reading.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub document: Option<json::Value>,
    pub report: Option<Report>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    /// Nothing read: a file that was refused before reading (an importer
    /// says why).
    pub fn nothing() -> Loaded {
        Loaded { document: None, report: None, diagnostics: Vec::new() }
    }

    /// The template the report's labels are quoted from.
    pub fn template(&self) -> Template {
        self.report.as_ref().map_or(Template::T2021, |r| r.template)
    }
}

/// Reads a file's bytes. Never fails and never panics: unreadable input is a
/// `json-syntax` finding with its line and column.
pub fn load(bytes: &[u8]) -> Loaded {
    match encoding::decode(bytes) {
        Ok(text) => load_str(text),
        Err(e) => {
            // The position of the first bad byte, in the valid text before it.
            let text = std::str::from_utf8(&bytes[..e.offset]).unwrap_or("");
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            let (line, column) = json::line_column(text, text.len());
            unreadable(Unreadable::Encoding(e.encoding), line, column)
        }
    }
}

/// Reads a document from text (a UTF-8 byte-order mark is ignored).
pub fn load_str(text: &str) -> Loaded {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match json::parse(text) {
        Err(e) => {
            let (line, column) = json::line_column(text, e.offset);
            unreadable(Unreadable::Syntax(e.kind), line, column)
        }
        Ok(parsed) => {
            let mut diagnostics = Vec::new();
            for duplicate in &parsed.duplicates {
                let (first_line, _) = json::line_column(text, duplicate.first_offset);
                let (last_line, _) = json::line_column(text, duplicate.last_offset);
                let detail = Detail::FieldDuplicate {
                    first: duplicate.first.to_json(),
                    last: duplicate.last.to_json(),
                    first_line,
                    last_line,
                };
                diagnostics.push(Diagnostic::at(Rule::FieldDuplicate, duplicate.pointer.clone(), detail));
            }
            let report = model::read_report(&parsed.value, &mut diagnostics);
            Loaded { document: Some(parsed.value), report, diagnostics }
        }
    }
}

/// Reads an already-parsed document (after an edit in the app).
pub fn load_value(value: json::Value) -> Loaded {
    let mut diagnostics = Vec::new();
    let report = model::read_report(&value, &mut diagnostics);
    Loaded { document: Some(value), report, diagnostics }
}

fn unreadable(why: Unreadable, line: u32, column: u32) -> Loaded {
    let mut finding = Diagnostic::new(Rule::JsonSyntax, Vec::new(), Detail::Unreadable(why));
    finding.position = Some(Position { line, column });
    Loaded { document: None, report: None, diagnostics: vec![finding] }
}

/// Every finding about a document, and their counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub diagnostics: Vec<Diagnostic>,
    pub summary: Summary,
}

/// Runs every rule on a loaded document: the reading findings first, then
/// the rules in catalogue order; reviewers' annotations are applied last.
pub fn validate(loaded: &Loaded, context: &Context<'_>) -> Checked {
    let mut checks = rules::Checks { diagnostics: loaded.diagnostics.clone(), ..Default::default() };
    if let Some(report) = &loaded.report {
        rules::check_report(report, context, &mut checks);
        apply_annotations(report, &mut checks.diagnostics);
    }
    let summary = Summary::count(&checks.diagnostics, checks.run, checks.skipped);
    Checked { diagnostics: checks.diagnostics, summary }
}

/// Marks the findings that reviewers settled: an annotation matches a finding
/// with the same rule code and the same first pointer.
pub fn apply_annotations(report: &Report, diagnostics: &mut [Diagnostic]) {
    if report.annotations.is_empty() {
        return;
    }
    for d in diagnostics {
        let first = d.pointers.first().map_or("", String::as_str);
        if let Some(a) = report.annotations.iter().find(|a| a.rule == d.rule.code() && a.pointer == first) {
            d.settled = Some(Settled { status: a.status, comment: a.comment.clone() });
        }
    }
}

/// Checks a parent's aggregated report against its subordinates' reports
/// (`aggregate-sum`).
pub fn validate_aggregate(parent: &Report, subordinates: &[(&str, &Report)]) -> Checked {
    let mut checks = rules::check_aggregate(parent, subordinates);
    apply_annotations(parent, &mut checks.diagnostics);
    let summary = Summary::count(&checks.diagnostics, checks.run, checks.skipped);
    Checked { diagnostics: checks.diagnostics, summary }
}
