//! The calculation behind an arithmetic finding, as typed steps: each cell
//! that goes in with its printed label, the result the template's relation
//! calls for, the number the report gives and the difference. The app's
//! calculation inspector lays the steps out; the arithmetic is the rules'
//! own (the numbers come from the finding's detail, nothing is recomputed
//! from the report).

use crate::decimal::write as number;
use crate::diagnostic::{Detail, Diagnostic, Rule};
use crate::template::{cell_place, Lang, Template};

/// How a step joins the calculation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    /// The first number, or a number given for comparison.
    None,
    Plus,
    Minus,
    /// A result of the steps above.
    Equals,
}

/// One line of a calculation.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub sign: Sign,
    /// The printed label of the cell, or the name of the result.
    pub label: String,
    pub value: f64,
    /// A percentage (written with `%`, to one decimal).
    pub percent: bool,
    /// A result line (a sum, the reported total, the difference), shown apart
    /// from the numbers that go in.
    pub result: bool,
    /// The cell the number is in, when it is one of the report's cells.
    pub pointer: Option<String>,
}

impl Step {
    /// The label with its sign: “+ 自然人”, “= 计算合计”.
    pub fn label_text(&self) -> String {
        match self.sign {
            Sign::None => self.label.clone(),
            Sign::Plus => format!("+ {}", self.label),
            Sign::Minus => format!("− {}", self.label),
            Sign::Equals => format!("= {}", self.label),
        }
    }

    /// The number as people write it.
    pub fn value_text(&self) -> String {
        if self.percent {
            format!("{}%", number((self.value * 10.0).round() / 10.0))
        } else {
            number(self.value)
        }
    }
}

fn words(lang: Lang, zh: &'static str, en: &'static str) -> String {
    match lang {
        Lang::Zh => zh.to_string(),
        Lang::En => en.to_string(),
    }
}

/// The steps of `d`'s calculation, or nothing for a finding that is not
/// arithmetic.
pub fn explain(d: &Diagnostic, template: Template, lang: Lang) -> Vec<Step> {
    let pointer = |i: usize| d.pointers.get(i).cloned();
    // A cell's label: its column in a row sum, its row in a column sum, both
    // when the relation runs across rows and columns.
    let name = |i: usize, both: bool| -> String {
        let Some(p) = d.pointers.get(i).and_then(|p| cell_place(template, p, lang)) else {
            return String::new();
        };
        if both {
            format!("{} · {}", p.row, p.column)
        } else if d.rule == Rule::T3ResultsTotal {
            p.row
        } else {
            p.column
        }
    };
    let step = |sign, label: String, value: f64, result: bool, pointer: Option<String>| Step {
        sign,
        label,
        value,
        percent: false,
        result,
        pointer,
    };
    let difference = |value: f64| step(Sign::None, words(lang, "差额", "Difference"), value, true, None);
    match &d.detail {
        Detail::Sum { values } => {
            let Some((total, addends)) = values.split_first() else { return Vec::new() };
            let sum = addends.iter().fold(0.0, |sum, v| sum + v);
            let mut steps: Vec<Step> = addends
                .iter()
                .enumerate()
                .map(|(i, v)| step(Sign::Plus, name(i + 1, false), *v, false, pointer(i + 1)))
                .collect();
            steps.push(step(Sign::Equals, words(lang, "计算合计", "Calculated sum"), sum, true, None));
            let reported = match lang {
                Lang::Zh => format!("填报总计（{}）", name(0, false)),
                Lang::En => format!("Reported total ({})", name(0, false)),
            };
            steps.push(step(Sign::None, reported, *total, true, pointer(0)));
            steps.push(difference(total - sum));
            steps
        }
        Detail::Balance { received, carried_over, results_total, carried_forward, .. } => vec![
            step(Sign::None, name(0, true), *received, false, pointer(0)),
            step(Sign::Plus, name(1, true), *carried_over, false, pointer(1)),
            step(Sign::Equals, words(lang, "应办理", "To be handled"), received + carried_over, true, None),
            step(Sign::None, name(2, true), *results_total, false, pointer(2)),
            step(Sign::Plus, name(3, true), *carried_forward, false, pointer(3)),
            step(
                Sign::Equals,
                words(lang, "已办理与结转", "Handled and carried forward"),
                results_total + carried_forward,
                true,
                None,
            ),
            difference(received + carried_over - results_total - carried_forward),
        ],
        Detail::InForce { in_force, issued, repealed, previous_in_force, .. } => {
            let mut steps = Vec::new();
            if let Some(previous) = previous_in_force {
                steps.push(step(Sign::None, words(lang, "上年现行有效", "In force last year"), *previous, false, None));
            }
            steps.push(step(Sign::Plus, name(1, false), *issued, false, pointer(1)));
            steps.push(step(Sign::Minus, name(2, false), *repealed, false, pointer(2)));
            let (label, expected) = match d.numbers() {
                Some((expected, _)) if previous_in_force.is_some() => (words(lang, "应为", "Expected"), expected),
                Some((floor, _)) => (words(lang, "应至少", "At least"), floor),
                None => return Vec::new(),
            };
            steps.push(step(Sign::Equals, label, expected, true, None));
            let reported = match lang {
                Lang::Zh => format!("填报{}", name(0, false)),
                Lang::En => format!("Reported: {}", name(0, false)),
            };
            steps.push(step(Sign::None, reported, *in_force, true, pointer(0)));
            steps
        }
        Detail::AggregateSum { parent, sum, included } => vec![
            step(Sign::None, included.join(if lang == Lang::Zh { "、" } else { ", " }), *sum, false, None),
            step(Sign::None, words(lang, "本级汇总", "Aggregate"), *parent, true, pointer(0)),
            difference(parent - sum),
        ],
        Detail::TextTableMismatch { stated, table, quantity, .. } => {
            let percent = &(quantity.unit() == crate::diagnostic::Unit::Percent);
            vec![
                Step {
                    percent: *percent,
                    ..step(Sign::None, words(lang, "文字所写", "Stated in the text"), *stated, false, pointer(0))
                },
                Step {
                    percent: *percent,
                    // The cell, when the table's number is one cell's,
                    // named by its printed row and column.
                    ..if d.pointers.len() == 2 {
                        let label = match lang {
                            Lang::Zh => format!("表格数据（{}）", name(1, true)),
                            Lang::En => format!("In the tables ({})", name(1, true)),
                        };
                        step(Sign::None, label, *table, false, pointer(1))
                    } else {
                        step(Sign::None, words(lang, "表格数据", "In the tables"), *table, false, None)
                    }
                },
            ]
        }
        Detail::CarryOver { carried_over, previous_carried_forward, previous_year, .. } => {
            let last = match (previous_year, lang) {
                (Some(y), Lang::Zh) => format!("{y} 年报告的结转下年度"),
                (Some(y), Lang::En) => format!("Carried forward in the {y} report"),
                (None, Lang::Zh) => "上年报告的结转下年度".to_string(),
                (None, Lang::En) => "Carried forward in last year's report".to_string(),
            };
            vec![
                step(Sign::None, last, *previous_carried_forward, false, None),
                step(Sign::None, name(0, true), *carried_over, false, pointer(0)),
                difference(carried_over - previous_carried_forward),
            ]
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding_of(edits: &[(&str, f64)], rule: Rule) -> (Diagnostic, Template) {
        let mut doc = crate::json::parse(crate::BUILTIN_SAMPLE).unwrap().value;
        for (pointer, value) in edits {
            crate::edit::set(&mut doc, pointer, crate::edit::typed_cell(&value.to_string()));
        }
        let loaded = crate::load_value(doc);
        let checked = crate::validate(
            &loaded,
            &crate::Context { today: crate::date::Date::new(2025, 6, 1).unwrap(), previous: None },
        );
        let d = checked.diagnostics.into_iter().find(|d| d.rule == rule).expect("the rule fires");
        (d, loaded.template())
    }

    /// The steps add up: the terms give the result lines, and the difference
    /// is the finding's own expected and actual.
    #[test]
    fn a_row_sum_explained_adds_up_to_the_findings_numbers() {
        let (d, template) = finding_of(&[("/applications/received/natural_person", 40.0)], Rule::T3RowTotal);
        let steps = explain(&d, template, Lang::Zh);
        let terms: f64 = steps.iter().filter(|s| s.sign == Sign::Plus).map(|s| s.value).sum();
        let (expected, actual) = d.numbers().unwrap();
        assert_eq!(terms, expected);
        assert_eq!(steps.iter().find(|s| s.label.starts_with("填报总计")).map(|s| s.value), Some(actual));
        assert_eq!(steps.last().map(|s| (s.label.as_str(), s.value)), Some(("差额", actual - expected)));
        assert_eq!(steps[0].label_text(), "+ 自然人");
        // Every term points at its cell, in the finding's order.
        let pointers: Vec<&str> =
            steps.iter().filter(|s| s.sign == Sign::Plus).filter_map(|s| s.pointer.as_deref()).collect();
        assert_eq!(pointers, d.pointers[1..].iter().map(String::as_str).collect::<Vec<_>>());
    }

    #[test]
    fn a_balance_explained_names_rows_and_column_from_the_template() {
        let (d, template) = finding_of(&[("/applications/carried_over/natural_person", 7.0)], Rule::T3Balance);
        let steps = explain(&d, template, Lang::Zh);
        assert_eq!(steps.len(), 7);
        assert!(steps[0].label.contains("一、本年新收") && steps[0].label.ends_with("· 自然人"), "{}", steps[0].label);
        let (expected, actual) = d.numbers().unwrap();
        assert_eq!(steps[2].value, expected);
        assert_eq!(steps[5].value, actual);
        assert_eq!(steps[6].value, expected - actual);
    }

    #[test]
    fn findings_without_arithmetic_have_no_steps() {
        let (d, template) = finding_of(&[("/applications/received/natural_person", 1.5)], Rule::CellFraction);
        assert!(explain(&d, template, Lang::En).is_empty());
    }
}
