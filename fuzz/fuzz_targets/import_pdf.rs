//! Any bytes as a PDF through the importer's entry point: no panic, no hang,
//! bounded memory; an import is always a readable report, a refusal always
//! has words. Seeded from the PDF corpus (crates/nianbao-import/tests/corpus).
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao_import::{open, ImportOptions, Outcome};

fuzz_target!(|data: &[u8]| {
    // Mostly PDFs: the fuzzer mutates real files, and bytes without the
    // header are given one so that the PDF reader sees them.
    let mut bytes = data.to_vec();
    if !bytes.starts_with(b"%PDF-") {
        bytes.splice(0..0, b"%PDF-1.7\n".iter().copied());
    }
    match open(&bytes, Some("fuzz.pdf"), &ImportOptions::default()) {
        Outcome::Imported(imported) => {
            let loaded = nianbao_core::load_value(imported.document);
            assert!(loaded.report.is_some(), "an import is always a report");
        }
        Outcome::Refused(refusal) => assert!(!refusal.message(nianbao_core::Lang::Zh).is_empty()),
        Outcome::Json => unreachable!("a PDF header is not JSON"),
    }
});
