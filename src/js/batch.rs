//! What a batch worker (`www/batch-worker.js`) calls in its copy of the
//! workstation: a file in, its row out (`crate::state::Row`, as JSON), so
//! that the document never leaves the worker. PDFs are left to the page
//! (the importer module): their row says so.

use crate::state::Row;
use nianbao_core::date::Date;
use wasm_bindgen::prelude::wasm_bindgen;

fn day(today: &str) -> Date {
    Date::parse(today).unwrap_or(Date { year: 2026, month: 1, day: 1 })
}

/// Reads and checks one file of a batch; `today` is `YYYY-MM-DD`.
#[wasm_bindgen(js_name = checkBatchFile)]
pub fn check_batch_file(bytes: &[u8], name: String, today: String) -> String {
    if nianbao_import::kind_of(bytes, Some(&name)) == Ok(nianbao_import::InputKind::Pdf) {
        return Row::pdf().to_json();
    }
    Row::read(&name, Ok(bytes), day(&today)).to_json()
}

/// The row of a file of a batch that could not be read: why.
#[wasm_bindgen(js_name = batchReadError)]
pub fn batch_read_error(name: String, reason: String, today: String) -> String {
    Row::read(&name, Err(reason), day(&today)).to_json()
}

/// One file's piece of a batch export (`what`: `summary` or `findings`, in
/// `lang`): read and checked as `checkBatchFile` does, then written as the
/// page writes it (`io::download::batch_export`). `None` for a PDF, which
/// the page makes (the importer module reads it there); the page also
/// makes the piece of a file it could not read for the worker (it tries
/// once more, and names the file if it still cannot).
#[wasm_bindgen(js_name = exportBatchFile)]
pub fn export_batch_file(bytes: &[u8], name: String, today: String, what: String, lang: String) -> Option<String> {
    if nianbao_import::kind_of(bytes, Some(&name)) == Ok(nianbao_import::InputKind::Pdf) {
        return None;
    }
    let what = crate::io::download::BatchDownload::from_code(&what)?;
    let lang = nianbao_core::Lang::from_code(&lang).unwrap_or_default();
    Some(crate::io::download::batch_export::file_piece(what, &name, bytes, day(&today), lang))
}
