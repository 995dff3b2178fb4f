//! Starting a report (`nianbao_core::new`), editing its facts, and whether it
//! can be published (`nianbao_core::readiness`).

mod common;

use common::{cell_pointers, check_value, consistent_report, findings, Variant};
use nianbao_core::edit::{apply, Edit};
use nianbao_core::json::Value;
use nianbao_core::model::Kind;
use nianbao_core::new::{blank, from_previous, to_fill};
use nianbao_core::readiness::Readiness;
use nianbao_core::{message, Lang, Template};
use proptest::prelude::*;

fn rules(document: &Value) -> Vec<String> {
    let mut codes: Vec<String> = findings(&check_value(document, None)).into_iter().map(|(rule, _)| rule).collect();
    codes.dedup();
    codes
}

#[test]
fn a_blank_report_is_every_cell_blank_and_says_so() {
    for (year, template, cells) in [(2024, Template::T2021, [10, 175, 15]), (2020, Template::T2019, [22, 161, 15])] {
        let document = blank(year, "某某县市场监督管理局", Some(Kind::Department));
        let loaded = nianbao_core::load_value(document.clone());
        let report = loaded.report.as_ref().expect("readable");
        assert_eq!(report.template, template);
        assert_eq!(report.year, Some(year));
        assert_eq!(
            report.title.as_deref(),
            Some(format!("某某县市场监督管理局{year}年政府信息公开工作年度报告").as_str())
        );
        // No cell is 0: every one is blank, and counted as still to fill.
        for pointer in cell_pointers(&document) {
            assert_eq!(document.pointer(&pointer), Some(&Value::Null), "{pointer}");
        }
        assert_eq!(to_fill(&document), cells);
        assert_eq!(
            message::to_fill_text(cells, Lang::Zh).unwrap(),
            format!(
                "还有 {} 格待填：表二 {} 格，表三 {} 格，表四 {} 格",
                cells.iter().sum::<usize>(),
                cells[0],
                cells[1],
                cells[2]
            )
        );
        // The format is whole: nothing is missing or of the wrong type; what
        // is said is that the cells are blank and 五 is empty.
        let checked = check_value(&document, None);
        let blank_cells = checked.diagnostics.iter().filter(|d| d.rule.code() == "cell-blank").count();
        assert_eq!(blank_cells, cells.iter().sum::<usize>());
        assert_eq!(checked.summary.errors, 0, "{:?}", findings(&checked));
        let others: Vec<String> = rules(&document).into_iter().filter(|r| r != "cell-blank").collect();
        assert!(others.iter().all(|r| ["section-empty", "fee-not-reported"].contains(&r.as_str())), "{others:?}");
        // Section 一 starts with the template's headings and nothing else.
        let overview = document.pointer("/overview").and_then(Value::as_str).unwrap();
        assert_eq!(overview.lines().count(), 5);
        assert!(overview.lines().all(nianbao_core::text::is_heading), "{overview}");
        let readiness = Readiness::of(&checked);
        assert!(!readiness.ready());
        assert_eq!(readiness.warnings.len(), checked.summary.warnings);
    }
}

#[test]
fn a_blank_report_without_a_kind_has_none() {
    let document = blank(2025, "某某镇人民政府", None);
    assert_eq!(document.pointer("/kind"), None);
    assert_eq!(to_fill(&document), [10, 175, 15]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Filling a blank report cell by cell with a consistent report's numbers
    /// and texts gives that report's checks: ready to publish when it is clean.
    #[test]
    fn a_blank_report_filled_is_the_report(seed in any::<u64>()) {
        let model = consistent_report(seed, Variant::T2021);
        let year = model.pointer("/year").and_then(|v| match v { Value::Number(n) => Some(n.value() as i64), _ => None }).unwrap();
        let agency = model.pointer("/agency").and_then(Value::as_str).unwrap().to_string();
        let mut document = blank(year, &agency, None);
        for pointer in cell_pointers(&model) {
            let text = nianbao_core::export::cell_text(model.pointer(&pointer));
            apply(&mut document, Edit::Cell { pointer, text });
        }
        for key in ["overview", "problems", "other"] {
            let text = model.pointer(&format!("/{key}")).and_then(Value::as_str).unwrap_or("").to_string();
            apply(&mut document, Edit::Text { key: key.into(), text });
        }
        for key in ["title", "kind", "published"] {
            if let Some(text) = model.pointer(&format!("/{key}")).and_then(Value::as_str) {
                apply(&mut document, Edit::Fact { key: key.into(), text: text.to_string() });
            }
        }
        prop_assert_eq!(to_fill(&document), [0, 0, 0]);
        let ours = check_value(&document, None);
        let theirs = check_value(&model, None);
        prop_assert_eq!(findings(&ours), findings(&theirs));
        prop_assert_eq!(Readiness::of(&ours).ready(), theirs.summary.errors == 0 && theirs.summary.warnings == 0);
    }

    /// Next year's draft from last year's report: the same body, the next
    /// year, every column's carried-over number from last year's carried
    /// forward, and the cross-year checks agree from the start.
    #[test]
    fn next_year_from_last_years_report(seed in any::<u64>(), variant in prop_oneof![Just(Variant::T2021), Just(Variant::T2019), Just(Variant::T2021SingleOther)]) {
        let previous = consistent_report(seed, variant);
        let draft = from_previous(&previous).expect("a readable report with a year and an agency");
        let last = nianbao_core::load_value(previous.clone());
        let last_report = last.report.as_ref().unwrap();
        let report = nianbao_core::load_value(draft.clone()).report.unwrap();
        prop_assert_eq!(report.year, last_report.year.map(|y| y + 1));
        prop_assert_eq!(report.template, Template::for_year(report.year.unwrap()));
        prop_assert_eq!(&report.agency, &last_report.agency);
        prop_assert_eq!(report.kind, last_report.kind);
        for column in nianbao_core::template::APPLICANT_COLUMNS.iter() {
            prop_assert_eq!(
                draft.pointer(&format!("/applications/carried_over/{}", column.key)),
                previous.pointer(&format!("/applications/carried_forward/{}", column.key))
            );
        }
        prop_assert_eq!(draft.pointer("/overview"), previous.pointer("/overview"));
        prop_assert_eq!(draft.pointer("/problems"), previous.pointer("/problems"));
        prop_assert_eq!(to_fill(&draft)[1], report.template.other_shape().rows().len() * 7 - 7);
        let checked = check_value(&draft, Some(&last));
        let codes: Vec<String> = findings(&checked).into_iter().map(|(rule, _)| rule).collect();
        for quiet in ["carry-over", "agency-mismatch", "year-gap"] {
            prop_assert!(!codes.iter().any(|c| c == quiet), "{quiet} in {codes:?}");
        }
    }
}

#[test]
fn last_years_blank_or_text_carried_forward_is_left_to_fill() {
    let mut previous = consistent_report(7, Variant::T2021);
    apply(&mut previous, Edit::Cell { pointer: "/applications/carried_forward/research".into(), text: String::new() });
    apply(&mut previous, Edit::Cell { pointer: "/applications/carried_forward/commercial".into(), text: "/".into() });
    let draft = from_previous(&previous).unwrap();
    assert_eq!(draft.pointer("/applications/carried_over/research"), Some(&Value::Null));
    assert_eq!(draft.pointer("/applications/carried_over/commercial"), Some(&Value::Null));
    assert_eq!(
        draft.pointer("/applications/carried_over/natural_person"),
        previous.pointer("/applications/carried_forward/natural_person")
    );
}

#[test]
fn a_report_without_a_year_or_agency_is_no_draft() {
    let mut previous = consistent_report(3, Variant::T2021);
    apply(&mut previous, Edit::Fact { key: "year".into(), text: String::new() });
    assert!(from_previous(&previous).is_none());
    let mut previous = consistent_report(3, Variant::T2021);
    apply(&mut previous, Edit::Fact { key: "agency".into(), text: "  ".into() });
    assert!(from_previous(&previous).is_none());
}

#[test]
fn the_facts_are_edited_in_place_and_drive_their_checks() {
    let mut document = consistent_report(11, Variant::T2021);
    let codes = |d: &Value| rules(d);
    // A year typed in full-width digits is the number.
    apply(&mut document, Edit::Fact { key: "year".into(), text: "２０２４".into() });
    assert!(matches!(document.pointer("/year"), Some(Value::Number(n)) if n.as_str() == "2024"));
    // A title of another year: title-year says so.
    apply(&mut document, Edit::Fact { key: "title".into(), text: " 某某局2023年政府信息公开工作年度报告 ".into() });
    assert_eq!(document.pointer("/title").and_then(Value::as_str), Some("某某局2023年政府信息公开工作年度报告"));
    assert!(codes(&document).contains(&"title-year".to_string()));
    // Published after the deadline of a department (31 January).
    apply(&mut document, Edit::Fact { key: "kind".into(), text: "department".into() });
    apply(&mut document, Edit::Fact { key: "published".into(), text: "2025-03-01".into() });
    assert!(codes(&document).contains(&"published-late".to_string()));
    apply(&mut document, Edit::Fact { key: "published".into(), text: "2025-01-20".into() });
    assert!(!codes(&document).contains(&"published-late".to_string()));
    // A year of the other template's time: template-year.
    apply(&mut document, Edit::Fact { key: "year".into(), text: "2020".into() });
    assert!(codes(&document).contains(&"template-year".to_string()));
    // A year in words is kept as typed, and the checks say it is not a number.
    apply(&mut document, Edit::Fact { key: "year".into(), text: "二〇二四".into() });
    assert_eq!(document.pointer("/year").and_then(Value::as_str), Some("二〇二四"));
    assert!(codes(&document).iter().any(|c| c.starts_with("field-")), "{:?}", codes(&document));
    // Emptied, a required fact is missing.
    apply(&mut document, Edit::Fact { key: "agency".into(), text: String::new() });
    assert_eq!(document.pointer("/agency"), None);
    assert!(codes(&document).contains(&"field-missing".to_string()));
    // Anything but a fact is not touched by a fact edit.
    let before = document.clone();
    apply(&mut document, Edit::Fact { key: "overview".into(), text: "x".into() });
    apply(&mut document, Edit::Fact { key: "applications".into(), text: "x".into() });
    assert_eq!(document, before);
}

#[test]
fn readiness_counts_unsettled_warnings_and_errors_not_dismissed() {
    let text = common::sample_text("hongze-district-2023");
    let checked = common::check_text(&text, None);
    let readiness = Readiness::of(&checked);
    assert_eq!(readiness.errors.len(), checked.summary.errors);
    assert_eq!(readiness.warnings.len(), checked.summary.warnings);
    assert!(!readiness.ready());
    // Every finding settled: errors dismissed, warnings confirmed or dismissed.
    let mut document = common::sample("hongze-district-2023");
    for (i, d) in checked.diagnostics.iter().enumerate() {
        let status = if i % 2 == 0 {
            nianbao_core::diagnostic::Status::Dismissed
        } else {
            nianbao_core::diagnostic::Status::Confirmed
        };
        let status = if d.severity() == nianbao_core::diagnostic::Severity::Error {
            nianbao_core::diagnostic::Status::Dismissed
        } else {
            status
        };
        apply(
            &mut document,
            Edit::Settle {
                rule: d.rule.code().into(),
                pointer: d.pointers.first().cloned().unwrap_or_default(),
                status: Some(status),
                comment: String::new(),
            },
        );
    }
    let settled = check_value(&document, None);
    assert!(Readiness::of(&settled).ready(), "{:?}", Readiness::of(&settled));
    assert_eq!(message::readiness_text(&Readiness::of(&settled), Lang::Zh), "可以发布：没有错误，警告均已处理");
    // A confirmed error still stands in the way.
    let first_error =
        checked.diagnostics.iter().find(|d| d.severity() == nianbao_core::diagnostic::Severity::Error).unwrap();
    apply(
        &mut document,
        Edit::Settle {
            rule: first_error.rule.code().into(),
            pointer: first_error.pointers[0].clone(),
            status: Some(nianbao_core::diagnostic::Status::Confirmed),
            comment: String::new(),
        },
    );
    let readiness = Readiness::of(&check_value(&document, None));
    assert_eq!(readiness.errors.len(), 1);
    assert_eq!(message::readiness_text(&readiness, Lang::Zh), "发布前还需处理：1 个错误");
    assert_eq!(message::readiness_text(&readiness, Lang::En), "Before publishing: 1 error");
}
