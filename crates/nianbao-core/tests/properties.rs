//! Property tests, the backbone of the arithmetic rules: random consistent
//! reports of both templates (and of the 2021 template with the single （六）
//! row) give no findings; changing any one cell of 表三 or 表四 makes exactly
//! the right rules fire, each with that cell among its pointers.

mod common;
use common::*;
use nianbao_core::json::{Number, Value};
use nianbao_core::template::{OtherShape, RowRole};
use proptest::prelude::*;
use std::collections::BTreeSet;

fn variant() -> impl Strategy<Value = Variant> {
    prop_oneof![Just(Variant::T2021), Just(Variant::T2019), Just(Variant::T2021SingleOther)]
}

/// Every 表三 and 表四 cell pointer of a report, with the rules (and their
/// first pointers) that a change of that cell alone must set off.
fn cells_and_consequences(shape: OtherShape) -> Vec<(String, BTreeSet<(String, String)>)> {
    let rows = shape.rows();
    let row_pointer = |role: RowRole, column: usize| rows.iter().find(|r| r.role == role).unwrap().cell_pointer(column);
    let mut all = Vec::new();
    for row in rows {
        for column in 0..7 {
            let mut fired = BTreeSet::new();
            fired.insert(("t3-row-total".to_string(), row.cell_pointer(6)));
            let results_total = ("t3-results-total".to_string(), row_pointer(RowRole::ResultsTotal, column));
            let balance = ("t3-balance".to_string(), row_pointer(RowRole::Received, column));
            match row.role {
                RowRole::Result => {
                    fired.insert(results_total);
                }
                RowRole::ResultsTotal => {
                    fired.insert(results_total);
                    fired.insert(balance);
                }
                RowRole::Received | RowRole::CarriedOver | RowRole::CarriedForward => {
                    fired.insert(balance);
                }
            }
            all.push((row.cell_pointer(column), fired));
        }
    }
    for b in 0..3 {
        for c in 0..5 {
            let fired = BTreeSet::from([("t4-total".to_string(), nianbao_core::template::appeal_pointer(b, 4))]);
            all.push((nianbao_core::template::appeal_pointer(b, c), fired));
        }
    }
    all
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn consistent_reports_have_no_findings(seed in any::<u64>(), variant in variant()) {
        let report = consistent_report(seed, variant);
        let checked = check_value(&report, None);
        let expected: &[(&str, &str)] = match variant {
            Variant::T2021SingleOther => &[("template-mixed", "/applications/results/other")],
            _ => &[],
        };
        prop_assert_eq!(findings(&checked), pairs(expected));
        prop_assert_eq!(checked.summary.checks_skipped, 0);
    }

    #[test]
    fn one_changed_cell_fires_the_right_rules_at_that_cell(
        seed in any::<u64>(), variant in variant(), pick in any::<prop::sample::Index>(), delta in 1u64..5,
    ) {
        let mut report = consistent_report(seed, variant);
        let shape = match variant { Variant::T2021 => OtherShape::Split, _ => OtherShape::Single };
        let cells = cells_and_consequences(shape);
        let (pointer, expected) = &cells[pick.index(cells.len())];
        let Some(Value::Number(n)) = report.pointer(pointer).cloned() else { panic!("{pointer}") };
        *report.pointer_mut(pointer).unwrap() = Value::Number(Number::from_f64(n.value() + delta as f64));

        let checked = check_value(&report, None);
        let fired: BTreeSet<(String, String)> = findings(&checked)
            .into_iter()
            .filter(|(rule, _)| rule != "template-mixed")
            .collect();
        prop_assert_eq!(&fired, expected, "changing {}", pointer);
        for d in checked.diagnostics.iter().filter(|d| d.rule.code() != "template-mixed") {
            prop_assert!(d.pointers.contains(pointer), "{} does not point at {}", d.rule.code(), pointer);
            let (expected, actual) = d.numbers().expect("an arithmetic finding");
            prop_assert_eq!((expected - actual).abs(), delta as f64);
        }
        // Each finding is one sentence with its calculation's numbers.
        for d in &checked.diagnostics {
            let template = nianbao_core::load_value(report.clone()).template();
            if let Err(why) = one_sentence(d, template) {
                prop_assert!(false, "{}", why);
            }
        }
    }

    #[test]
    fn blanking_a_cell_skips_instead_of_counting_zero(seed in any::<u64>(), pick in any::<prop::sample::Index>()) {
        let mut report = consistent_report(seed, Variant::T2021);
        let cells = cells_and_consequences(OtherShape::Split);
        let (pointer, _) = &cells[pick.index(cells.len())];
        *report.pointer_mut(pointer).unwrap() = Value::Null;
        let checked = check_value(&report, None);
        prop_assert_eq!(findings(&checked), vec![("cell-blank".to_string(), pointer.clone())]);
        prop_assert!(checked.summary.checks_skipped >= 1);
    }
}
