//! The importer as a module of its own for the browser. `www/boot.js` runs it
//! in a Web Worker the first time a PDF is opened (`www/importer-worker.js`),
//! so that the viewer and the workstation never carry the PDF reader, a PDF
//! being read never holds up the page, and a file that makes it fail (a trap
//! ends a wasm instance for good) costs only this worker, which boot.js
//! drops and starts afresh.
//!
//! One call: a file's bytes and name in, JSON out:
//! `{"document": {…}}` (the imported report, its import record inside) or
//! `{"refused": {…}}` (`nianbao_core::import_note::Refusal::to_json`), or
//! `{"json": true}` when the file is JSON (the app reads those itself).

use nianbao_core::json::{Object, Value};
use wasm_bindgen::prelude::wasm_bindgen;

fn main() {}

/// Imports a file (see the module's documentation for the answer's shape).
#[wasm_bindgen(js_name = importFile)]
pub fn import_file(bytes: &[u8], name: Option<String>) -> String {
    let mut answer = Object::new();
    match nianbao_import::open(bytes, name.as_deref(), &nianbao_import::ImportOptions::default()) {
        nianbao_import::Outcome::Json => {
            answer.insert("json", Value::Bool(true));
        }
        nianbao_import::Outcome::Imported(imported) => {
            answer.insert("document", imported.document);
        }
        nianbao_import::Outcome::Refused(refusal) => {
            answer.insert("refused", refusal.to_json());
        }
    }
    Value::Object(answer).to_json()
}
