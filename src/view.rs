//! Pure helpers that turn core data into what the components show.

use nianbao_core::diagnostic::{Diagnostic, Severity};
use nianbao_core::json::Value;
use nianbao_core::layout::TableLayout;
use std::collections::HashMap;

/// What the findings say about one table cell (or header field, or section).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Flag {
    /// The highest severity among the open findings that flag it.
    pub severity: Option<Severity>,
    /// Indices of the findings that flag it, in panel order.
    pub findings: Vec<usize>,
}

/// How a selected finding marks a cell: the one it is about strongly, the
/// other numbers of its calculation lightly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// The cell the finding is about (`Diagnostic::flagged`).
    Flagged,
    /// One of the other numbers of its calculation (an addend of a total).
    Addend,
}

/// The table cells a finding marks, in its pointers' order. A cell pointer
/// marks its cell; a row or group (a missing row, template-mixed's
/// （六）其他处理) marks its total cell, not every cell of it (表二's rows,
/// which have no total, their cells); a whole table or section marks no
/// cell.
pub fn marks(d: &Diagnostic, cell_pointers: &[&str]) -> Vec<(String, Mark)> {
    let flagged = d.flagged().len();
    let mut marks = Vec::new();
    for (position, pointer) in d.pointers.iter().enumerate() {
        let mark = if position < flagged { Mark::Flagged } else { Mark::Addend };
        for cell in cells_of(pointer, cell_pointers) {
            marks.push((cell.to_string(), mark));
        }
    }
    marks
}

/// The cells a pointer stands for (see [`marks`]): a cell itself; below a
/// row or group, its total cells (表二's rows, which have no total, all
/// their cells); none for the root, a section or a whole table.
fn cells_of<'a>(pointer: &'a str, cell_pointers: &'a [&'a str]) -> impl Iterator<Item = &'a str> + 'a {
    let range = pointer.rfind('/').unwrap_or(0) > 0;
    cell_pointers.iter().copied().filter(move |c| {
        *c == pointer || (range && below(c, pointer) && (c.ends_with("/total") || c.starts_with("/proactive/")))
    })
}

/// Flags by JSON pointer: each finding flags what it is about (its
/// [`Mark::Flagged`] cells, and any other pointer of those: a section, a
/// header field), not the addends of its calculation, so that one wrong
/// total tints one cell, not its column.
pub fn flags(diagnostics: &[Diagnostic], cell_pointers: &[&str]) -> HashMap<String, Flag> {
    let mut flags: HashMap<String, Flag> = HashMap::new();
    for (index, d) in diagnostics.iter().enumerate() {
        if d.is_dismissed() {
            continue;
        }
        let mut mark = |target: &str| {
            let flag = flags.entry(target.to_string()).or_default();
            flag.severity = Some(flag.severity.map_or(d.severity(), |s| s.min(d.severity())));
            if !flag.findings.contains(&index) {
                flag.findings.push(index);
            }
        };
        for pointer in d.flagged() {
            mark(pointer);
            for cell in cells_of(pointer, cell_pointers) {
                mark(cell);
            }
        }
    }
    flags
}

/// Whether `pointer` lies below `ancestor` (a cell of a row or group).
pub fn below(pointer: &str, ancestor: &str) -> bool {
    pointer.strip_prefix(ancestor).is_some_and(|rest| rest.starts_with('/'))
}

/// Every value pointer of the tables, in printed order.
pub fn cell_pointers<'a>(tables: impl IntoIterator<Item = &'a TableLayout>) -> Vec<&'a str> {
    tables.into_iter().flat_map(|t| t.rows.iter().flatten()).filter_map(|c| c.pointer()).collect()
}

/// A cell's content as published: numbers without a trailing `.0` (the
/// spelling of decimals is kept), blanks blank, text as it is.
pub fn cell_text(document: &Value, pointer: &str) -> String {
    value_text(document.pointer(pointer))
}

/// The content of a cell's value (`None`: the cell is missing), as the
/// core writes it for every export.
pub use nianbao_core::export::cell_text as value_text;

/// The width of `text` in a chart's 13 px labels, estimated from its
/// characters (a 汉字 is about twice as wide as a Latin letter).
pub fn label_width(text: &str) -> f64 {
    text.chars().map(|c| if c.is_ascii() { 6.6 } else { 13.0 }).sum()
}

/// A chart label broken into lines no wider than `width` (by the estimate
/// of [`label_width`]): Latin text at spaces, 汉字 anywhere. A word wider
/// than a line stays whole.
pub fn wrap_label(text: &str, width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    // Pieces: a Latin word with the space before it, or one 汉字.
    let mut pieces: Vec<String> = Vec::new();
    for c in text.chars() {
        match pieces.last_mut() {
            Some(last) if c.is_ascii() && c != ' ' && last.chars().last().is_some_and(|l| l.is_ascii()) => last.push(c),
            _ => pieces.push(c.to_string()),
        }
    }
    for piece in pieces {
        if !line.is_empty() && label_width(&line) + label_width(&piece) > width {
            lines.push(line.trim_end().to_string());
            line = piece.trim_start().to_string();
        } else {
            line.push_str(&piece);
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// The grid column at which each cell of each row starts (the core's walk of the spans).
pub use nianbao_core::layout::start_columns;

/// A section's text as paragraphs, each marked as a sub-heading when it is a
/// short line that starts with a Chinese enumeration (（一）, (二), 三、).
pub fn paragraphs(text: &str) -> Vec<(bool, &str)> {
    text.split('\n').map(str::trim).filter(|p| !p.is_empty()).map(|p| (is_subheading(p), p)).collect()
}

fn is_subheading(line: &str) -> bool {
    const NUMERALS: &str = "一二三四五六七八九十";
    let starts_enumerated = {
        let mut chars = line.chars();
        match chars.next() {
            Some('（' | '(') => chars.next().is_some_and(|c| NUMERALS.contains(c)),
            Some(c) if NUMERALS.contains(c) => chars.next() == Some('、'),
            _ => false,
        }
    };
    starts_enumerated && line.chars().count() <= 30 && !line.contains('。')
}

/// A coordinate or length of an SVG chart, to a tenth of a unit. Written
/// without the float formatter (`f64::to_string`), which would add 10 kB of
/// wasm for the charts alone.
pub fn svg_number(value: f64) -> String {
    nianbao_core::decimal::write((value * 10.0).round() / 10.0)
}

/// One part of a `class` attribute (see [`class_list`]): a class name, or
/// none.
pub struct ClassPart<'a>(Option<std::borrow::Cow<'a, str>>);

impl<'a> From<&'a str> for ClassPart<'a> {
    fn from(name: &'a str) -> Self {
        ClassPart(Some(name.into()))
    }
}

impl From<String> for ClassPart<'_> {
    fn from(name: String) -> Self {
        ClassPart(Some(name.into()))
    }
}

impl<'a> From<Option<&'a str>> for ClassPart<'a> {
    fn from(name: Option<&'a str>) -> Self {
        ClassPart(name.map(Into::into))
    }
}

/// A `class` attribute from its parts, in order, those that are there,
/// separated by spaces, or no attribute when none is (the `class!` macro
/// writes the call). Yew's
/// `classes!` keeps the names in a hash set, which cost the viewer 0.65 kB
/// gzipped (decision 136); no view gives a class twice.
pub fn class_list(parts: &[ClassPart]) -> Option<yew::AttrValue> {
    let mut list = String::new();
    for name in parts.iter().filter_map(|part| part.0.as_deref()).filter(|name| !name.is_empty()) {
        if !list.is_empty() {
            list.push(' ');
        }
        list.push_str(name);
    }
    (!list.is_empty()).then(|| list.into())
}

/// `class!("nb-a", flag.then_some("nb-b"), format!("nb-{key}"))`: a
/// `class` attribute from its parts ([`class_list`]).
#[macro_export]
macro_rules! class {
    ($($part:expr),* $(,)?) => {
        $crate::view::class_list(&[$($crate::view::ClassPart::from($part)),*])
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_core::diagnostic::Rule;
    use nianbao_core::json::parse;

    #[test]
    fn a_class_list_keeps_the_parts_there_in_order() {
        let key = "t3";
        let list = |class: Option<yew::AttrValue>| class.map(|c| c.to_string());
        let class = crate::class!("nb-a", None, Some("nb-b"), format!("nb-{key}"), "", Some(""));
        assert_eq!(list(class).as_deref(), Some("nb-a nb-b nb-t3"));
        assert_eq!(list(crate::class!(Some("nb-x"))).as_deref(), Some("nb-x"));
        // No class at all is no attribute, as with yew's `classes!`.
        assert_eq!(list(crate::class!(None, Some(""))), None);
    }

    #[test]
    fn chart_labels_wrap_at_words_and_between_hanzi() {
        assert_eq!(wrap_label("Carried forward to next year", 110.0), ["Carried forward", "to next year"]);
        assert_eq!(wrap_label("结转下年度继续办理", 70.0), ["结转下年度", "继续办理"]);
        assert_eq!(wrap_label("结转下年度继续办理", 60.0), ["结转下年", "度继续办", "理"]);
        assert_eq!(wrap_label("行政复议", 110.0), ["行政复议"]);
        assert_eq!(wrap_label("Administrative", 30.0), ["Administrative"]);
        for text in ["Carried forward to next year", "结转下年度继续办理", "(7) Total"] {
            assert_eq!(wrap_label(text, 100.0).concat().replace(' ', ""), text.replace(' ', ""), "nothing is lost");
        }
    }

    #[test]
    fn cell_texts() {
        let doc = parse(r#"{"a":{"n":7730.28,"z":0,"e":1e2,"b":null,"t":"/","o":{"x":1}}}"#).unwrap().value;
        assert_eq!(cell_text(&doc, "/a/n"), "7730.28");
        assert_eq!(cell_text(&doc, "/a/z"), "0");
        assert_eq!(cell_text(&doc, "/a/e"), "100");
        assert_eq!(cell_text(&doc, "/a/b"), "");
        assert_eq!(cell_text(&doc, "/a/t"), "/");
        assert_eq!(cell_text(&doc, "/a/missing"), "");
        assert_eq!(cell_text(&doc, "/a/o"), "{\"x\":1}");
    }

    #[test]
    fn sub_headings() {
        let p = paragraphs(
            "前言。\n（一）主动公开情况\n(二) 依申请公开情况\n（三）政府信息管理情况。加强管理，规范发布。\n三、其他",
        );
        let headings: Vec<bool> = p.iter().map(|(h, _)| *h).collect();
        assert_eq!(headings, [false, true, true, false, true]);
    }

    #[test]
    fn flags_go_from_rows_to_their_totals() {
        let loaded = nianbao_core::load(
            nianbao_core::BUILTIN_SAMPLE.replace("\"carried_forward\": {", "\"carried_forward_x\": {").as_bytes(),
        );
        let tables =
            nianbao_core::layout::tables(nianbao_core::Template::T2021, nianbao_core::Template::T2021.other_shape());
        let pointers = cell_pointers(&tables);
        let flags = flags(&loaded.diagnostics, &pointers);
        // A missing row flags its total cell, not each of its cells.
        let cell = &flags["/applications/carried_forward/total"];
        assert_eq!(cell.severity, Some(Severity::Error));
        assert!(!flags.contains_key("/applications/carried_forward/natural_person"));
        // A report copied from last year marks its tables, not every cell.
        let copied = nianbao_core::diagnostic::Diagnostic::new(
            Rule::CopiedPrevious,
            vec!["/applications".into(), "/appeals".into()],
            nianbao_core::diagnostic::Detail::CopiedPrevious { tables: true, overview: None, previous_year: None },
        );
        let flags = super::flags(&[copied], &pointers);
        assert!(flags.contains_key("/applications") && !flags.contains_key("/applications/received/total"));
    }

    #[test]
    fn a_wrong_column_total_tints_its_cell_and_marks_its_addends_lightly() {
        // Six applications counted as 予以公开 that （七）总计 leaves out.
        let mut document = parse(nianbao_core::BUILTIN_SAMPLE).unwrap().value;
        let granted = "/applications/results/granted/natural_person";
        nianbao_core::edit::set(&mut document, granted, nianbao_core::edit::typed_cell("6"));
        let loaded = nianbao_core::load_value(document);
        let context =
            nianbao_core::Context { today: nianbao_core::date::Date::new(2026, 3, 1).unwrap(), previous: None };
        let checked = nianbao_core::validate(&loaded, &context);
        let d = checked.diagnostics.iter().find(|d| d.rule == Rule::T3ResultsTotal).expect("（七）总计 is wrong");
        let tables =
            nianbao_core::layout::tables(nianbao_core::Template::T2021, nianbao_core::Template::T2021.other_shape());
        let pointers = cell_pointers(&tables);
        let marks = marks(d, &pointers);
        let total = "/applications/results/total/natural_person";
        assert_eq!(marks[0], (total.to_string(), Mark::Flagged));
        assert_eq!(marks.iter().filter(|(_, m)| *m == Mark::Flagged).count(), 1);
        assert_eq!(marks.iter().filter(|(_, m)| *m == Mark::Addend).count(), 21);
        assert!(marks.iter().all(|(p, _)| p.ends_with("/natural_person") && p.starts_with("/applications/results/")));
        // Unselected, only the total is tinted; its 21 addends are not.
        let flags = flags(&checked.diagnostics, &pointers);
        let column: Vec<&String> = flags.keys().filter(|p| p.ends_with("/natural_person")).collect();
        assert_eq!(column, [total]);
    }

    #[test]
    fn start_columns_follow_spans() {
        let table = nianbao_core::layout::applications(nianbao_core::template::OtherShape::Split);
        let starts = start_columns(&table);
        // The first row under the head: a label spanning three columns, then values from column 3.
        assert_eq!(starts[3][0], 0);
        assert_eq!(starts[3][1], 3);
        // A row inside （三）不予公开 after its first: the item label sits in column 2.
        assert_eq!(starts[8][0], 2);
    }

    #[test]
    fn svg_numbers_are_tenths_without_float_formatting() {
        assert_eq!(super::svg_number(150.0), "150");
        assert_eq!(super::svg_number(12.345), "12.3");
        assert_eq!(super::svg_number(-4.0), "-4");
        assert_eq!(super::svg_number(0.04), "0");
    }
}
