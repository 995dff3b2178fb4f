//! Any text through the importer, then the validator: no panic, no hang, and
//! the imported document is always a readable report.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao_import::{import_text, ImportOptions};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let imported = import_text(&text, &ImportOptions::default());
    let loaded = nianbao_core::load_value(imported.document.clone());
    assert!(loaded.report.is_some(), "the importer always makes an object");
    for note in &imported.notes {
        let _ = note.message(nianbao_core::Lang::Zh);
    }
    let _ = nianbao_core::export::report_text(&imported.document);
});
