//! What is published is read back by the importer to the same report: for
//! the four real samples and for random reports of both templates (and the
//! 2021 template with the 2019 （六）, a known slip), every cell and every
//! text section, through `nianbao_import::open` (the one entry point), as a
//! web page (whole and as a fragment, with and without the data block) and
//! as a Word file.

#[path = "../../nianbao-core/tests/common/mod.rs"]
mod common;
use common::*;
use nianbao_core::json::Value;
use nianbao_import::{ImportOptions, Outcome};
use nianbao_publish::{docx, html, Page};
use proptest::prelude::*;

/// Every published form of a document, with its file name.
fn published(document: &Value) -> Vec<(String, Vec<u8>)> {
    let loaded = nianbao_core::load_value(document.clone());
    let mut forms = Vec::new();
    for (name, page) in [
        ("page.html", Page::default()),
        ("fragment.html", Page { fragment: true, data: false }),
        ("data.html", Page { fragment: false, data: true }),
    ] {
        forms.push((name.to_string(), html(&loaded, &page).expect("a readable report").into_bytes()));
    }
    forms.push(("report.docx".to_string(), docx::docx(&loaded).expect("a readable report")));
    forms
}

/// What differs between the document and what the importer made of `bytes`:
/// every cell, the text sections, the title, template and year.
fn differences(document: &Value, name: &str, bytes: &[u8]) -> Vec<String> {
    let imported = match nianbao_import::open(bytes, Some(name), &ImportOptions::default()) {
        Outcome::Imported(imported) => imported,
        other => return vec![format!("{name}: not imported: {other:?}")],
    };
    let mut wrong = Vec::new();
    let mut pointers = cell_pointers(document);
    pointers.extend(["/overview", "/problems", "/other", "/title", "/template", "/year"].map(String::from));
    for pointer in pointers {
        let (got, want) = (imported.document.pointer(&pointer), document.pointer(&pointer));
        if got != want {
            wrong.push(format!(
                "{name} {pointer}: {:?} instead of {:?}",
                got.map(Value::to_json),
                want.map(Value::to_json)
            ));
        }
    }
    if imported.has_missing_cells() {
        wrong.push(format!("{name}: cells missing: {:?}", imported.notes));
    }
    wrong
}

#[test]
fn every_sample_published_imports_back_identical() {
    for sample_name in SAMPLES {
        let document = sample(sample_name);
        for (name, bytes) in published(&document) {
            let wrong = differences(&document, &name, &bytes);
            assert!(wrong.is_empty(), "{sample_name}: {wrong:#?}");
        }
    }
}

fn variant() -> impl Strategy<Value = Variant> {
    prop_oneof![Just(Variant::T2021), Just(Variant::T2019), Just(Variant::T2021SingleOther)]
}

/// A cell's value other than a plain count: blank, text as agencies print
/// it, a decimal spelt with its zeros, zero. (Other text in a cell is
/// published as it is, escaped — `tests/page.rs` — but the importer reads
/// only the forms agencies print, and leaves any other out with a note.)
fn odd_cell() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just("null"),
        Just("\"/\""),
        Just("\"—\""),
        Just("\"无\""),
        Just("\"251000元\""),
        Just("\"／\""),
        Just("12.50"),
        Just("0"),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100, ..ProptestConfig::default() })]

    #[test]
    fn a_published_report_imports_back_identical(
        seed in any::<u64>(),
        variant in variant(),
        odd in prop::collection::vec((any::<prop::sample::Index>(), odd_cell()), 0..4),
        markup in any::<bool>(),
    ) {
        let mut document = consistent_report(seed, variant);
        let pointers = cell_pointers(&document);
        for (index, value) in &odd {
            edit(&mut document, &pointers[index.index(pointers.len())], Some(value));
        }
        if markup {
            // Report text is text: markup and a data block's end stay words.
            let other = "本机关<script>alert(1)</script>未收取费用，详见</script><!-- 注 -->说明 & “附件”。";
            edit(&mut document, "/other", Some(&Value::String(other.into()).to_json()));
        }
        for (name, bytes) in published(&document) {
            let wrong = differences(&document, &name, &bytes);
            prop_assert!(wrong.is_empty(), "{:#?}", wrong);
        }
    }
}
