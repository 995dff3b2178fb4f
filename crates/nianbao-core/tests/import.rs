//! The text importer on the four real reports: every cell equal to the
//! published number (the hand-written JSON), and the built-in sample exactly.

mod common;
use common::*;
use nianbao_core::import::{import_text, ImportNote, ImportOptions};
use nianbao_core::json::Value;
use nianbao_core::model::Kind;

fn sample_txt(name: &str) -> String {
    let path = format!("{}/../../samples/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every table cell pointer of a report, from its printed layout.
fn cell_pointers(document: &Value) -> Vec<String> {
    let report = nianbao_core::load_value(document.clone()).report.unwrap();
    nianbao_core::layout::tables(report.template, report.other_shape)
        .iter()
        .flat_map(|t| t.rows.iter().flatten().filter_map(|c| c.pointer().map(str::to_string)).collect::<Vec<_>>())
        .collect()
}

#[test]
fn every_sample_imports_with_every_cell_as_published() {
    for name in SAMPLES {
        let expected = sample(name);
        let imported = import_text(&sample_txt(name), &ImportOptions::default());
        let pointers = cell_pointers(&expected);
        assert!(pointers.len() >= 186, "{name}: {} cells", pointers.len());
        let wrong: Vec<String> = pointers
            .iter()
            .filter(|p| imported.document.pointer(p) != expected.pointer(p))
            .map(|p| {
                format!(
                    "{p}: {:?} vs {:?}",
                    imported.document.pointer(p).map(Value::to_json),
                    expected.pointer(p).map(Value::to_json)
                )
            })
            .collect();
        assert!(wrong.is_empty(), "{name}: {} of {} cells differ: {wrong:#?}", wrong.len(), pointers.len());
        assert!(!imported.has_missing_cells(), "{name}: {:?}", imported.notes);
        for key in ["template", "year"] {
            assert_eq!(
                imported.document.pointer(&format!("/{key}")),
                expected.pointer(&format!("/{key}")),
                "{name} {key}"
            );
        }
    }
}

#[test]
fn the_builtin_sample_is_exactly_what_the_importer_makes_of_the_seed_text() {
    let expected = sample("jiyuan-hitech-zone-2024");
    let options = ImportOptions {
        agency: Some("济源高新技术产业开发区管理办公室".into()),
        kind: Some(Kind::Department),
        source: expected.pointer("/source").and_then(Value::as_str).map(str::to_string),
    };
    let imported = import_text(&sample_txt("jiyuan-hitech-zone-2024"), &options);
    assert_eq!(imported.document.to_json_pretty(), expected.to_json_pretty());
}

#[test]
fn template_and_misspellings_are_noted() {
    let imported = import_text(&sample_txt("hongze-district-2023"), &ImportOptions::default());
    assert!(
        imported.notes.iter().any(|n| matches!(n, ImportNote::TemplateDetected(d) if d.single_other)),
        "{:?}",
        imported.notes
    );
    let misspelt: Vec<&ImportNote> =
        imported.notes.iter().filter(|n| matches!(n, ImportNote::LabelMisspelt { .. })).collect();
    assert_eq!(misspelt.len(), 1, "{misspelt:?}");
    let ImportNote::LabelMisspelt { pointer, found, .. } = misspelt[0] else { unreachable!() };
    assert_eq!(pointer, "/applications/results/withheld/prohibited_by_law");
    assert!(found.contains("行政止公开"), "{found}");
    let imported = import_text(&sample_txt("huaian-city-2024"), &ImportOptions::default());
    assert!(imported.notes.iter().all(|n| !matches!(n, ImportNote::LabelMisspelt { .. })), "{:?}", imported.notes);
}

#[test]
fn imported_samples_check_like_the_hand_written_ones() {
    for name in SAMPLES {
        let imported = import_text(&sample_txt(name), &ImportOptions::default());
        let from_text: Vec<String> =
            findings(&check_value(&imported.document, None)).into_iter().map(|(r, _)| r).collect();
        let by_hand: Vec<String> = findings(&check_value(&sample(name), None)).into_iter().map(|(r, _)| r).collect();
        assert_eq!(from_text, by_hand, "{name}");
    }
}

mod round_trip {
    use super::common::{consistent_report, Variant};
    use nianbao_core::export::report_text;
    use nianbao_core::import::{import_text, ImportOptions};
    use nianbao_core::json::Value;
    use nianbao_core::model::Kind;
    use proptest::prelude::*;

    fn variant() -> impl Strategy<Value = Variant> {
        prop_oneof![Just(Variant::T2021), Just(Variant::T2019), Just(Variant::T2021SingleOther)]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        /// A report written out as text by the project itself and imported
        /// back is the same report (the publication date is not in the text).
        #[test]
        fn text_written_by_the_project_imports_back_identical(seed in any::<u64>(), variant in variant(), blank in any::<prop::sample::Index>(), slash in any::<bool>()) {
            let mut report = consistent_report(seed, variant);
            // Blank and text cells come back as blank and text, never 0.
            let loaded = nianbao_core::load_value(report.clone());
            let pointers: Vec<String> = loaded.report.as_ref().unwrap().cells().map(|(id, _)| id.pointer()).collect();
            let pointer = &pointers[blank.index(pointers.len())];
            *report.pointer_mut(pointer).unwrap() = if slash { Value::String("/".into()) } else { Value::Null };
            let Value::Object(root) = &mut report else { unreachable!() };
            root.remove("published");

            let text = report_text(&report).expect("a readable report");
            let options = ImportOptions { agency: Some("某某县人民政府办公室".into()), kind: Some(Kind::Department), source: None };
            let imported = import_text(&text, &options);
            prop_assert_eq!(imported.document.to_json_pretty(), report.to_json_pretty());
            prop_assert!(!imported.has_missing_cells(), "{:?}", imported.notes);
        }
    }
}
