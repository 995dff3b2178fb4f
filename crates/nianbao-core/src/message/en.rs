//! Every English word of findings: their sentences, and the words around
//! them (`En`, laid out by `vocabulary.rs`).

use super::vocabulary::Words;
use super::{block_of, first_pointer, number as n, number_rounded, outcome_label, part, place};
use crate::diagnostic::{Detail, Diagnostic, ExpectedType, Found, Quantity, Rule, Unit, Unreadable};
use crate::diagnostic::{Severity, Status};
use crate::encoding::Encoding;
use crate::json::{Expected, SyntaxErrorKind, TypeName, MAX_DEPTH};
use crate::template::proactive_place;
use crate::template::{section, Lang, RowRole, Template, APPEAL_COLUMNS, APPLICANT_COLUMNS, OTHER};

const EN: Lang = Lang::En;

/// The files a batch export left out (`shown` of `n`).
pub(super) fn left_out(shown: &[String], n: usize) -> String {
    let more = if n > shown.len() { format!(" and {} more", n - shown.len()) } else { String::new() };
    let files = if n == 1 { "1 file" } else { &format!("{n} files") };
    format!(
        "The export leaves out the findings of {files} that could no longer be read: {}{more}. They may have been moved, deleted or renamed since they were chosen; choose them again, then export again.",
        shown.join(", ")
    )
}

/// A pointer that is neither a cell, a row nor a section.
pub(super) fn field_place(pointer: &str) -> String {
    if pointer.is_empty() {
        "the whole document".into()
    } else {
        format!("field {pointer}")
    }
}

pub(super) fn message(d: &Diagnostic, template: Template) -> String {
    let p0 = first_pointer(d);
    let here = capitalise(&place(template, p0, EN));
    let total_row = template.other_shape().row(RowRole::ResultsTotal).label.en;
    let other = OTHER.label.en;
    match &d.detail {
        Detail::Unreadable(Unreadable::Encoding(encoding)) => match encoding {
            Encoding::Gbk => encoding_message("GBK"),
            Encoding::Utf16Le | Encoding::Utf16Be => encoding_message("UTF-16"),
            Encoding::Unknown => {
                "The file is not UTF-8 text (it may be binary or damaged). Check that this is the report's JSON file.".into()
            }
        },
        Detail::Unreadable(Unreadable::Syntax(kind)) => syntax_message(kind),
        Detail::FormatUnsupported { found } => match found {
            None => "The \"format\" key is missing: the file should declare \"format\": \"zfxxgk-annual-report/1\". Check that this is an annual-report file.".into(),
            Some(f) => format!("Unsupported format {f}: this tool reads \"zfxxgk-annual-report/1\". The checks below assume that format and may be wrong."),
        },
        Detail::TemplateUnknown { found, assumed } => {
            let found = found.as_deref().unwrap_or("(missing)");
            format!("Template {found} is not recognised: \"template\" must be \"2019\" or \"2021\". The tables look like the {} template and were checked as such; set the right template.", assumed.code())
        }
        Detail::FieldMissing => format!("{here} is missing. Add it (write 0 for none; do not leave it out)."),
        Detail::FieldType { expected, found } => {
            let expected_text = expected_text(*expected);
            let found_text = match found {
                Found::Type(t) => type_text(*t).to_string(),
                Found::HugeNumber(raw) => format!("the number {raw}, too large to hold exactly"),
                Found::Value(v) => format!("“{v}”"),
            };
            format!("{here} should be {expected_text}, but is {found_text}.")
        }
        Detail::FieldDuplicate { first, last, first_line, last_line } => {
            format!("{here} appears twice (line {first_line}: {first}; line {last_line}: {last}); the last value, {last}, is used. Delete the extra one.")
        }
        Detail::FieldUnknown => {
            format!("{here} is not a key of the format; it is kept and written back unchanged. Correct it if it is a misspelling.")
        }
        Detail::CellBlank => {
            format!("{here} is blank; a blank is not 0, so the sums that use it were skipped. Write a number (0 for none).")
        }
        Detail::CellText { text } => {
            format!("{here} holds the text “{text}” instead of a number, so the sums that use it were skipped. Write a number (0 for none, amounts without units).")
        }
        Detail::CellNumber { value } => match d.rule {
            Rule::CellNegative => format!("{here} is negative ({}); counts and amounts cannot be. Check it.", n(*value)),
            _ => format!("{here} is {}; a count must be a whole number. Check it.", n(*value)),
        },
        Detail::Sum { values } => {
            // One sentence: the cell, what it says, the sum and the
            // difference; the addends are the calculation's (explain.rs).
            let (total, sum) = (n(values[0]), n(values[1..].iter().sum()));
            let diff = n((values[0] - values[1..].iter().sum::<f64>()).abs());
            match d.rule {
                Rule::T3RowTotal => format!("The total is {total}, but the six applicant columns add up to {sum}, a difference of {diff}. Check this row's total and cells."),
                Rule::T3ResultsTotal => format!("{total_row} is {total}, but outcomes (1)–(6) add up to {sum}, a difference of {diff}. Each application counts once; check this column."),
                _ => format!("{}: the total is {total}, but the four results add up to {sum}, a difference of {diff}. Check the total and the results.", block_of(p0, EN)),
            }
        }
        Detail::Balance { column, received, carried_over, results_total, carried_forward } => {
            // RULES.md's own example: the template's printed relation, its
            // four numbers and the two sums.
            let c = APPLICANT_COLUMNS[*column].label.en;
            format!(
                "Column “{c}”: 1. received {} + 2. carried over {} = {}, but {} {} + 4. carried forward {} = {}. Check this column.",
                n(*received), n(*carried_over), n(received + carried_over), total_row.to_ascii_lowercase(), n(*results_total), n(*carried_forward),
                n(results_total + carried_forward)
            )
        }
        Detail::InForce { in_force, issued, repealed, previous_in_force, .. } => match previous_in_force {
            None => format!("{} in force, fewer than the {} issued this year and not repealed, a difference of {}. Check the three numbers.", n(*in_force), n(issued - repealed), n(issued - repealed - in_force)),
            Some(prev) => {
                let expected = prev + issued - repealed;
                format!("{} in force, but last year's in force + issued − repealed is {}, a difference of {}. A clean-up of older documents explains this; otherwise check the numbers.", n(*in_force), n(expected), n((expected - in_force).abs()))
            }
        },
        Detail::YearRange { year, current_year } => {
            if *year < 2019 {
                format!("The report year {year} is before 2019, when these tables did not exist yet. Check the year.")
            } else {
                format!("The report year {year} is after the current year, {current_year}. Check the year.")
            }
        }
        Detail::TemplateYear { year, template } => {
            let right = Template::for_year(*year).code();
            format!("A {year} report must use the {right} template, but this one uses the {} template. Fill in the tables on the {right} template.", template.code())
        }
        Detail::TemplateMixed { template } => match template {
            Template::T2021 => format!("{other} is a single row, as on the 2019 template. The 2021 template splits it into three items (no correction in time, fee not paid in time, other); fill them in separately."),
            Template::T2019 => format!("This report uses the 2019 template, but {other} is split into the three items of the 2021 template. Use one template throughout."),
        },
        Detail::TitleNoYear => "The title names no year. Put the year in the title, e.g. “2024年政府信息公开工作年度报告”.".into(),
        Detail::TitleOtherYear { stated, year } => {
            format!("The title names {stated}, but the report year is {year}: was last year's title reused? Check it.")
        }
        Detail::PeriodWrong { stated } => {
            format!("The reporting period stated in {} is not 1 January – 31 December of the report year: “{stated}”. Check it.", decapitalise(part("overview").short.en))
        }
        Detail::PublishedLate { published, deadline } => {
            format!("Published on {published}, after the deadline for this kind of report, {deadline}.")
        }
        Detail::SectionEmpty { section: key, text } => {
            let heading = section(key).map_or(*key, |s| s.heading.en);
            let shown = if text.is_empty() { "empty".to_string() } else { format!("“{text}”") };
            format!("Section “{heading}” is {shown}, with no real content. The template requires it; fill it in.")
        }
        Detail::FeeNotReported => format!("{} does not mention processing fees. The 2021 template asks every agency to report there what it charged, and to say so when it charged nothing.", part("other").short.en),
        Detail::OtherProcessingHigh { other: count, total } => {
            let share = 100.0 * count / total;
            format!("{other} is {} of {} in total ({}%), a high share. Check whether some belong under (1)–(5).", n(*count), n(*total), n(share.round()))
        }
        Detail::TextTableMismatch { sentence, stated, table, quantity } => {
            let percent = &(quantity.unit() == Unit::Percent);
            let what = quantity_text(*quantity);
            let unit = match quantity.unit() {
                Unit::Count => "",
                Unit::Percent => "%",
                Unit::TenThousandYuan => " (10,000 yuan)",
            };
            format!("{} says “{sentence}”: {what} {}{unit}, but {} gives {}{unit}. Check the text or the tables.", part("overview").short.en, n(*stated), part(quantity.table()).short.en, number_rounded(*table, *percent))
        }
        Detail::CarryOver { column, carried_over, previous_carried_forward, previous_year } => {
            let c = APPLICANT_COLUMNS[*column].label.en;
            let last = last_year(*previous_year);
            format!("Column “{c}”: carried over from last year is {}, but {last}'s report carried {} forward, a difference of {}. They should be equal; check them.", n(*carried_over), n(*previous_carried_forward), n((carried_over - previous_carried_forward).abs()))
        }
        Detail::AgencyMismatch { agency, previous } => {
            format!("The two reports name different agencies: “{agency}” this year, “{previous}” last year. Check that they belong to the same body.")
        }
        Detail::YearGap { year, previous } => {
            format!("The report loaded as last year's is for {previous}, but this one is for {year}; it should be compared with {}. The cross-year checks may be off.", year - 1)
        }
        Detail::ProblemsRepeated { repeated, sentences, previous_year } => {
            let last = last_year(*previous_year);
            format!("{repeated} of the {sentences} sentences of {} are word for word in {last}'s report. The template asks for this year's problems and improvements, not a copy.", decapitalise(part("problems").short.en))
        }
        Detail::CopiedPrevious { tables, overview, previous_year } => {
            let last = last_year(*previous_year);
            let mut same = Vec::new();
            if *tables {
                same.push(format!("every cell of {} and {}", part("applications").short.en, part("appeals").short.en));
            }
            if let Some((repeated, of)) = overview {
                same.push(format!("{repeated} of the {of} sentences of {}", decapitalise(part("overview").short.en)));
            }
            let verb = if overview.is_some() { "are" } else { "is" };
            format!("{} {verb} as in {last}'s report: was it reused? Check that the numbers and text are this year's.", capitalise(&same.join(", and ")))
        }
        Detail::AggregateSum { parent, sum, included } => {
            let names = included.join(", ");
            format!("{here}: the aggregate is {}, but the {} subordinate reports loaded add up to {} ({names}), a difference of {}. Check for a body left out or counted twice.", n(*parent), included.len(), n(*sum), n((parent - sum).abs()))
        }
    }
}

fn encoding_message(name: &str) -> String {
    format!("The file is not UTF-8; it looks like {name}. Save it again as UTF-8 and open it again.")
}

/// Last year's report, by its year when known: “2023”, or “last year”.
fn last_year(year: Option<i64>) -> String {
    year.map_or_else(|| "last year".to_string(), |y| y.to_string())
}

fn quantity_text(quantity: Quantity) -> String {
    let text = match quantity {
        Quantity::Received => "applications received",
        Quantity::ReceivedWithCarriedOver => "applications handled, including carried-over ones",
        Quantity::CarriedOver => "applications carried over",
        Quantity::Answered => "applications answered",
        Quantity::CarriedForward => "applications carried forward",
        Quantity::Reviews => "administrative reviews",
        Quantity::Lawsuits => "lawsuits",
        Quantity::CompletionRate => "the completion rate",
        Quantity::Outcome(key) => return format!("“{}”", outcome_label(key).en),
        Quantity::Proactive { row, column } => {
            let Some((row, column)) = proactive_place(row, column) else { return String::new() };
            return format!("{}: {}", row.label.en, column.label.en.to_ascii_lowercase());
        }
        Quantity::AppealOutcome { review, column } => {
            let outcome = APPEAL_COLUMNS[column].label.en.to_ascii_lowercase();
            return if review { format!("reviews {outcome}") } else { format!("lawsuits {outcome}") };
        }
    };
    text.to_string()
}

fn expected_text(expected: ExpectedType) -> &'static str {
    match expected {
        ExpectedType::Object => "an object ({…})",
        ExpectedType::Array => "an array ([…])",
        ExpectedType::String => "text",
        ExpectedType::Cell => "a number (or null for blank)",
        ExpectedType::Year => "a whole year (e.g. 2024)",
        ExpectedType::Kind => "one of department, township, county, prefecture, province",
        ExpectedType::Date => "a date written YYYY-MM-DD (e.g. 2025-01-20)",
        ExpectedType::AnnotationStatus => "\"dismissed\" or \"confirmed\"",
    }
}

fn type_text(t: TypeName) -> &'static str {
    match t {
        TypeName::Null => "null",
        TypeName::Bool => "true/false",
        TypeName::Number => "a number",
        TypeName::String => "text",
        TypeName::Array => "an array",
        TypeName::Object => "an object",
    }
}

fn syntax_message(kind: &SyntaxErrorKind) -> String {
    let what = match kind {
        SyntaxErrorKind::Empty => "The file is empty".to_string(),
        SyntaxErrorKind::UnexpectedEnd => {
            "The file ends too early (a } or ] may be missing, or the file is cut off)".to_string()
        }
        SyntaxErrorKind::Unexpected { found, expected } => {
            let want = match expected {
                Expected::Value => "a value (number, text, null, { or [)",
                Expected::CommaOrCloseObject => "a comma or }",
                Expected::CommaOrCloseArray => "a comma or ]",
                Expected::Colon => "a colon",
                Expected::Key => "a key in double quotes",
            };
            format!("Expected {want} here, found “{found}”")
        }
        SyntaxErrorKind::TrailingCharacters => {
            "The JSON document ended before this point; there is more text after it".to_string()
        }
        SyntaxErrorKind::InvalidNumber => "This number is not written correctly".to_string(),
        SyntaxErrorKind::InvalidEscape => "A backslash escape in the text is not valid".to_string(),
        SyntaxErrorKind::ControlCharacterInString => {
            "The text contains an unescaped line break or control character".to_string()
        }
        SyntaxErrorKind::LoneSurrogate => "A \\u escape is an unpaired surrogate, not a character".to_string(),
        SyntaxErrorKind::TooDeep => format!("Nested more than {MAX_DEPTH} levels deep; this is not a report"),
    };
    format!("The file is not valid JSON: {what}. Fix it at the line and column shown.")
}

/// A name inside a sentence: “section 1” of “Section 1”. The names are the
/// template's English, all ASCII: ASCII case keeps Unicode's case tables out
/// of the viewer.
fn decapitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => std::iter::once(first.to_ascii_lowercase()).chain(chars).collect(),
        None => String::new(),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => std::iter::once(first.to_ascii_uppercase()).chain(chars).collect(),
        None => String::new(),
    }
}

/// The words around findings, in English (see `vocabulary.rs`). The `info`
/// severity is a "note" in English (docs/DECISIONS.md, 67).
pub(super) struct En;

impl Words for En {
    fn severity(&self, severity: Severity) -> &'static str {
        match severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "note",
        }
    }
    fn severity_heading(&self, severity: Severity) -> &'static str {
        match severity {
            Severity::Error => "Errors",
            Severity::Warning => "Warnings",
            Severity::Info => "Notes",
        }
    }
    fn count_unit(&self, severity: Severity, one: bool) -> &'static str {
        match (severity, one) {
            (Severity::Error, true) => "error",
            (Severity::Warning, true) => "warning",
            (Severity::Info, true) => "note",
            (Severity::Error, false) => "errors",
            (Severity::Warning, false) => "warnings",
            (Severity::Info, false) => "notes",
        }
    }
    fn status(&self, status: Status) -> &'static str {
        match status {
            Status::Dismissed => "Dismissed",
            Status::Confirmed => "Confirmed",
        }
    }
    fn colon(&self) -> &'static str {
        ": "
    }
    fn comma(&self) -> &'static str {
        ", "
    }
    fn brackets(&self) -> (&'static str, &'static str) {
        (" (", ")")
    }
    fn dismissed(&self, n: usize) -> String {
        format!("{n} dismissed")
    }
    fn position(&self, line: u32, column: u32) -> String {
        format!("Line {line}, column {column}")
    }
    fn checks(&self, run: usize, skipped: usize) -> String {
        format!("{run} checks run, {skipped} skipped")
    }
    fn checks_in_line(&self, run: usize, skipped: usize) -> String {
        self.checks(run, skipped)
    }
    fn skipped_reason(&self) -> &'static str {
        " (the data they need is blank, not a number, or not given)"
    }
    fn no_problems(&self) -> &'static str {
        "✓ No problems found"
    }
    fn all_passed(&self, run: usize) -> String {
        format!("All {run} checks passed: the tables add up and the text agrees with them.")
    }
    fn files(&self, files: usize, with_errors: usize) -> String {
        format!("{files} files checked, {with_errors} with errors.")
    }
    fn aggregate(&self, parent: &str, included: &[String], differences: usize) -> String {
        format!(
            "“{parent}” against the sum of the {} subordinate reports loaded ({}): {differences} differences.",
            included.len(),
            included.join(", ")
        )
    }
    fn aggregate_line(&self, place: &str, parent: &str, sum: &str, difference: &str) -> String {
        format!("{place}: aggregate {parent}, subordinates {sum}, difference {difference}")
    }
    fn years(&self, years: usize) -> String {
        format!("{years} years of one agency, each checked against the year before")
    }
    fn repeated(&self, rule: crate::diagnostic::Rule, part: &str, n: usize) -> String {
        use crate::diagnostic::Rule;
        match rule {
            Rule::CellBlank => format!("{part}: {n} blank cells"),
            Rule::CellText => format!("{part}: {n} cells that are not numbers"),
            Rule::AggregateSum => format!("{part}: {n} cells differ from the subordinates' sum"),
            _ => format!("{part}: {n} findings of the same kind"),
        }
    }
    fn ready(&self) -> &'static str {
        "Ready to publish: no errors, every warning settled"
    }
    fn before_publishing(&self) -> &'static str {
        "Before publishing: "
    }
    fn blocking_errors(&self, n: usize) -> String {
        format!("{n} {}", if n == 1 { "error" } else { "errors" })
    }
    fn unsettled_warnings(&self, n: usize) -> String {
        format!("{n} unsettled {}", if n == 1 { "warning" } else { "warnings" })
    }
    fn mostly_unchecked(&self) -> &'static str {
        "Most checks could not run"
    }
    fn mostly_unchecked_note(&self) -> &'static str {
        ": most of the data they need is blank, not numbers or missing; the counts below are only those of the checks that ran, and do not say the report is right"
    }
    fn to_fill(&self, total: usize, tables: &[(&str, usize)]) -> String {
        let each: Vec<String> = tables.iter().map(|(table, n)| format!("{table}: {n}")).collect();
        format!("{total} {} to fill ({})", if total == 1 { "cell" } else { "cells" }, each.join(", "))
    }
}

// The words of filling a table (`crate::sheet`): free functions, not
// `Words`, so that the viewer, which never edits, does not carry them.

pub(super) fn paste_refused(o: &crate::sheet::Overflow) -> String {
    let plural = |n: usize, word: &str| if n == 1 { format!("{n} {word}") } else { format!("{n} {word}s") };
    let fit = if o.fit == 0 { "none of it fits".to_string() } else { format!("only {} of them fit", o.fit) };
    format!(
        "The pasted block is {} by {} ({}); from the selected cell {fit} in this table, so nothing was pasted. Select a cell further left or up, or copy fewer rows or columns.",
        plural(o.rows, "row"),
        plural(o.columns, "column"),
        plural(o.cells, "cell")
    )
}

pub(super) fn stored_as_text() -> &'static str {
    "Will be stored as text, not a number"
}

// The words of a batch: free functions, so that the viewer does not carry them.

pub(super) fn verdict(verdict: crate::batch::Verdict) -> &'static str {
    use crate::batch::Verdict;
    match verdict {
        Verdict::Unread => "Could not be read",
        Verdict::MostlyUnchecked => "Most checks could not run",
        Verdict::Errors => "Has errors",
        Verdict::Warnings => "Has warnings",
        Verdict::Clean => "No errors or warnings",
    }
}

pub(super) fn part_word(part: crate::batch::Part) -> &'static str {
    match part {
        crate::batch::Part::Text => "Text",
        _ => "Other",
    }
}

pub(super) fn totals(t: &crate::batch::Totals) -> String {
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{}, {}; {} with errors, {} mostly unchecked, {} could not be read, {} with no errors or warnings",
        plural(t.errors, "error", "errors"),
        plural(t.warnings, "warning", "warnings"),
        t.with_errors,
        t.mostly_unchecked,
        t.unread,
        t.clean
    )
}
