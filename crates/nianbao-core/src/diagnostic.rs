//! Findings as data.
//!
//! A finding carries a stable rule code, where it is (JSON pointers, or a line
//! and column for unreadable input), the numbers behind it (`detail`), and for
//! arithmetic the expected and actual values. Its words are made in one place,
//! `message.rs`, so the same finding renders identically in the app, the CLI
//! and the JSON output.

use crate::encoding::Encoding;
use crate::json::{SyntaxErrorKind, TypeName};
use crate::template::Template;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn code(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

macro_rules! rules {
    ($($variant:ident = $code:literal, $severity:ident;)*) => {
        /// Every rule of the catalogue (RULES.md), in catalogue order.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule { $($variant,)* }

        impl Rule {
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)*];

            /// The stable kebab-case code.
            pub fn code(self) -> &'static str {
                match self { $(Rule::$variant => $code,)* }
            }

            pub fn severity(self) -> Severity {
                match self { $(Rule::$variant => Severity::$severity,)* }
            }

            pub fn from_code(code: &str) -> Option<Rule> {
                match code { $($code => Some(Rule::$variant),)* _ => None }
            }
        }
    };
}

rules! {
    JsonSyntax = "json-syntax", Error;
    FormatUnsupported = "format-unsupported", Error;
    TemplateUnknown = "template-unknown", Error;
    FieldMissing = "field-missing", Error;
    FieldType = "field-type", Error;
    FieldDuplicate = "field-duplicate", Error;
    FieldUnknown = "field-unknown", Info;
    CellBlank = "cell-blank", Warning;
    CellText = "cell-text", Warning;
    CellNegative = "cell-negative", Error;
    CellFraction = "cell-fraction", Error;
    T3Balance = "t3-balance", Error;
    T3ResultsTotal = "t3-results-total", Error;
    T3RowTotal = "t3-row-total", Error;
    T4Total = "t4-total", Error;
    T2InForceFloor = "t2-in-force-floor", Warning;
    YearRange = "year-range", Error;
    TemplateYear = "template-year", Warning;
    TemplateMixed = "template-mixed", Warning;
    TitleYear = "title-year", Warning;
    PublishedLate = "published-late", Info;
    SectionEmpty = "section-empty", Warning;
    FeeNotReported = "fee-not-reported", Info;
    OtherProcessingHigh = "other-processing-high", Info;
    TextTableMismatch = "text-table-mismatch", Warning;
    CarryOver = "carry-over", Warning;
    InForceContinuity = "in-force-continuity", Info;
    AgencyMismatch = "agency-mismatch", Warning;
    YearGap = "year-gap", Warning;
    ProblemsRepeated = "problems-repeated", Warning;
    CopiedPrevious = "copied-previous", Warning;
    AggregateSum = "aggregate-sum", Warning;
}

/// A line and character column, both 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

/// What the value of a key should have been.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExpectedType {
    /// The whole document, a table or a row.
    Object,
    Array,
    String,
    /// A cell: a number, `null` or text.
    Cell,
    /// `year`: a whole number.
    Year,
    /// `kind`: one of the five kinds.
    Kind,
    /// `published`: a date `YYYY-MM-DD`.
    Date,
    /// An annotation's `status`: `dismissed` or `confirmed`.
    AnnotationStatus,
}

/// What was found instead.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    Type(TypeName),
    /// A number too large to hold exactly, as written (`1e400`).
    HugeNumber(String),
    /// A value of the right JSON type that is not allowed, as written.
    Value(String),
}

/// Why a document could not be read at all.
#[derive(Debug, Clone, PartialEq)]
pub enum Unreadable {
    Encoding(Encoding),
    Syntax(SyntaxErrorKind),
}

/// The numbers and words behind a finding, one variant per kind of finding.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    Unreadable(Unreadable),
    FormatUnsupported {
        found: Option<String>,
    },
    TemplateUnknown {
        found: Option<String>,
        assumed: Template,
    },
    FieldMissing,
    FieldType {
        expected: ExpectedType,
        found: Found,
    },
    FieldDuplicate {
        first: String,
        last: String,
        first_line: u32,
        last_line: u32,
    },
    FieldUnknown,
    CellBlank,
    CellText {
        text: String,
    },
    CellNumber {
        value: f64,
    },
    /// A total against its addends: `pointers[0]` is the total, the rest the
    /// addends, and `values` are their numbers in the same order.
    Sum {
        values: Vec<f64>,
    },
    /// 一 + 二 against （七） + 四 in one column of 表三.
    Balance {
        column: usize,
        received: f64,
        carried_over: f64,
        results_total: f64,
        carried_forward: f64,
    },
    InForce {
        row: &'static str,
        in_force: f64,
        issued: f64,
        repealed: f64,
        previous_in_force: Option<f64>,
    },
    YearRange {
        year: i64,
        current_year: i64,
    },
    TemplateYear {
        year: i64,
        template: Template,
    },
    TemplateMixed {
        template: Template,
    },
    TitleNoYear,
    TitleOtherYear {
        stated: i64,
        year: i64,
    },
    PeriodWrong {
        stated: String,
    },
    PublishedLate {
        published: String,
        deadline: String,
    },
    SectionEmpty {
        section: &'static str,
        text: String,
    },
    FeeNotReported,
    OtherProcessingHigh {
        other: f64,
        total: f64,
    },
    TextTableMismatch {
        sentence: String,
        stated: f64,
        table: f64,
        quantity: Quantity,
    },
    CarryOver {
        column: usize,
        carried_over: f64,
        previous_carried_forward: f64,
        previous_year: Option<i64>,
    },
    AgencyMismatch {
        agency: String,
        previous: String,
    },
    YearGap {
        year: i64,
        previous: i64,
    },
    ProblemsRepeated {
        repeated: usize,
        sentences: usize,
        previous_year: Option<i64>,
    },
    /// This year's report repeats last year's: its tables (every cell of
    /// 表三 and 表四), and/or `overview` sentences repeated out of those of
    /// section 一.
    CopiedPrevious {
        tables: bool,
        overview: Option<(usize, usize)>,
        previous_year: Option<i64>,
    },
    AggregateSum {
        parent: f64,
        sum: f64,
        included: Vec<String>,
    },
}

/// A quantity of the tables that section 一 may state.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Quantity {
    Received,
    ReceivedWithCarriedOver,
    CarriedOver,
    Answered,
    CarriedForward,
    /// One of 表三's outcomes （一）…（六）, by its key under `results`
    /// (`granted` … `other`); a group's outcome is the sum of its rows.
    Outcome(&'static str),
    Reviews,
    Lawsuits,
    /// One result column (结果维持 …) of 行政复议 (`review = true`) or of both
    /// lawsuit blocks together.
    AppealOutcome {
        review: bool,
        column: usize,
    },
    CompletionRate,
    /// A 表二 cell, by its row and column keys.
    Proactive {
        row: &'static str,
        column: &'static str,
    },
}

/// What a stated number counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// 件 (or 起 for cases).
    Count,
    Percent,
    /// 万元, 表二's fees.
    TenThousandYuan,
}

impl Quantity {
    /// The key of the table the quantity is read from (`proactive`: 表二,
    /// `applications`: 表三, `appeals`: 表四).
    pub fn table(self) -> &'static str {
        match self {
            Quantity::Reviews | Quantity::Lawsuits | Quantity::AppealOutcome { .. } => "appeals",
            Quantity::Proactive { .. } => "proactive",
            _ => "applications",
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            Quantity::CompletionRate => Unit::Percent,
            Quantity::Proactive { row, column } => match crate::template::proactive_place(row, column) {
                Some((_, c)) if !c.whole => Unit::TenThousandYuan,
                _ => Unit::Count,
            },
            _ => Unit::Count,
        }
    }
}

/// A reviewer's decision on a finding, from the report's `annotations`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Dismissed,
    Confirmed,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Dismissed => "dismissed",
            Status::Confirmed => "confirmed",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Settled {
    pub status: Status,
    pub comment: String,
}

/// One finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub rule: Rule,
    /// The cells or keys involved, in the rule's fixed order.
    pub pointers: Vec<String>,
    /// For unreadable input only.
    pub position: Option<Position>,
    pub detail: Detail,
    /// The reviewer's decision, when an annotation matches.
    pub settled: Option<Settled>,
}

impl Diagnostic {
    pub fn new(rule: Rule, pointers: Vec<String>, detail: Detail) -> Self {
        Diagnostic { rule, pointers, position: None, detail, settled: None }
    }

    /// A finding about one key or cell.
    pub fn at(rule: Rule, pointer: impl Into<String>, detail: Detail) -> Self {
        Diagnostic::new(rule, vec![pointer.into()], detail)
    }

    /// For arithmetic findings, what the relation expects and what the
    /// report has (RULES.md's `expected` and `actual`), derived from the
    /// detail so that no renderer can show other numbers than the message.
    pub fn numbers(&self) -> Option<(f64, f64)> {
        self.detail.numbers()
    }

    /// The pointers a finding is about (the cell to fix, the sentence and
    /// the cell it contradicts), before the others of its calculation (the
    /// addends of a total, the other terms of a relation), which the pointer
    /// orders of RULES.md put after them. A page marks the first strongly
    /// and the others lightly, and tints only the first.
    pub fn flagged(&self) -> &[String] {
        let n = match self.rule {
            // The sentence and the cells it is compared with; the tables a
            // copy repeats.
            Rule::TextTableMismatch | Rule::CopiedPrevious => self.pointers.len(),
            // （六）其他处理's rows, before the （七）总计 they are a share of.
            Rule::OtherProcessingHigh => self.pointers.len().saturating_sub(1).max(1),
            _ => 1,
        };
        &self.pointers[..n.min(self.pointers.len())]
    }

    pub fn severity(&self) -> Severity {
        self.rule.severity()
    }

    pub fn is_dismissed(&self) -> bool {
        matches!(&self.settled, Some(Settled { status: Status::Dismissed, .. }))
    }
}

impl Detail {
    /// `(expected, actual)` of an arithmetic finding: the sum or balance the
    /// template's relation calls for, and the number the report gives.
    pub fn numbers(&self) -> Option<(f64, f64)> {
        match self {
            Detail::Sum { values } => {
                let (total, addends) = values.split_first()?;
                Some((addends.iter().fold(0.0, |sum, v| sum + v), *total))
            }
            Detail::Balance { received, carried_over, results_total, carried_forward, .. } => {
                Some((received + carried_over, results_total + carried_forward))
            }
            Detail::InForce { in_force, issued, repealed, previous_in_force, .. } => match previous_in_force {
                Some(previous) => Some((previous + issued - repealed, *in_force)),
                None => Some((issued - repealed, *in_force)),
            },
            Detail::CarryOver { carried_over, previous_carried_forward, .. } => {
                Some((*previous_carried_forward, *carried_over))
            }
            Detail::TextTableMismatch { stated, table, .. } => Some((*table, *stated)),
            Detail::AggregateSum { parent, sum, .. } => Some((*sum, *parent)),
            _ => None,
        }
    }
}

/// The counts shown above the findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub dismissed: usize,
    pub checks_run: usize,
    pub checks_skipped: usize,
}

impl Summary {
    /// Counts the findings; dismissed ones are counted apart, not by severity.
    pub fn count(diagnostics: &[Diagnostic], checks_run: usize, checks_skipped: usize) -> Summary {
        let mut summary = Summary { checks_run, checks_skipped, ..Summary::default() };
        for d in diagnostics {
            if d.is_dismissed() {
                summary.dismissed += 1;
                continue;
            }
            match d.severity() {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        summary
    }

    /// Whether most of the checks could not run: more were skipped than ran
    /// (their cells blank, text or missing; RULES.md counts every skipped
    /// instance). Such a report is never clean, whatever its counts say: a
    /// blank 表三 skips its 175 number checks and every sum, and has 0
    /// errors only because nothing could be added up (docs/DECISIONS.md).
    /// Nothing checked at all (a file that could not be read) is not this.
    pub fn mostly_unchecked(&self) -> bool {
        self.checks_skipped > self.checks_run
    }
}
