//! Any bytes through load → validate → messages → output → load again: no
//! panic, no hang, and what the reader accepts it writes back readably.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao_core::date::Date;
use nianbao_core::{load, validate, Context, Lang};

fuzz_target!(|data: &[u8]| {
    let today = Date::new(2026, 11, 27).unwrap();
    let loaded = load(data);
    let previous = load(nianbao_core::BUILTIN_SAMPLE.as_bytes());
    let context = Context { today, previous: previous.report.as_ref() };
    let checked = validate(&loaded, &context);
    for lang in [Lang::Zh, Lang::En] {
        let _ = nianbao_core::output::checked(&checked, loaded.template(), lang).to_json();
    }
    if let Some(document) = &loaded.document {
        let again = load(document.to_json().as_bytes());
        assert_eq!(again.document.as_ref(), Some(document), "a document must read back equal");
    }
});
