//! Downloads: what the user can take away from the report on screen, and the
//! one rule for naming each file. Components ask for a download (a
//! `Download`) through a callback; the app starts it here.

use crate::state::{Opened, Origin};
use nianbao_core::Lang;

/// What to download of the report on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Download {
    /// The report's JSON, with its edits, decisions and import record.
    Report,
    /// One of the three tables (0, 1, 2: 表二, 表三, 表四) as CSV.
    Table(usize),
    /// The findings, in the RULES.md output shape.
    Findings,
}

/// The name of a downloaded report: the file it was read from, as JSON
/// (`report.docx` → `report.json`); `nianbao-report.json` when it came from
/// elsewhere.
pub fn report_file_name(origin: &Origin) -> String {
    match origin {
        Origin::File(name) => format!("{}.json", name.rsplit_once('.').map_or(name.as_str(), |(stem, _)| stem)),
        _ => "nianbao-report.json".to_string(),
    }
}

/// The name of a downloaded table: the agency, the year and the table.
pub fn table_file_name(opened: &Opened, index: usize) -> String {
    let report = opened.loaded.report.as_ref();
    let name = format!(
        "{}{}",
        report.and_then(|r| r.agency.clone()).unwrap_or_default(),
        report.and_then(|r| r.year).map(|y| format!(" {y}")).unwrap_or_default()
    );
    let table = ["table2", "table3", "table4"].get(index).copied().unwrap_or("table");
    format!("{}-{table}.csv", name.replace(' ', "-"))
}

/// Starts a download of `what` of the report `opened`.
pub fn download(what: Download, opened: &Opened, lang: Lang) {
    match what {
        Download::Report => {
            if let Some(document) = &opened.loaded.document {
                download_text(&report_file_name(&opened.origin), &document.to_json_pretty(), "application/json");
            }
        }
        Download::Table(index) => {
            if let (Some(document), Some(layout)) = (&opened.loaded.document, opened.tables.get(index)) {
                let csv = nianbao_core::export::table_csv(document, layout);
                download_text(&table_file_name(opened, index), &csv, "text/csv");
            }
        }
        Download::Findings => {
            let template = opened.loaded.template();
            let json = nianbao_core::output::checked(&opened.checked, template, lang).to_json_pretty();
            download_text("nianbao-findings.json", &json, "application/json");
        }
    }
}

/// Offers `text` to the user as a file download.
pub fn download_text(name: &str, text: &str, mime: &str) {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(anchor) = document.create_element("a").map(|a| a.unchecked_into::<web_sys::HtmlAnchorElement>()) {
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_downloads_under_the_name_of_its_file() {
        assert_eq!(report_file_name(&Origin::File("hongze-district-2023.txt".into())), "hongze-district-2023.json");
        assert_eq!(report_file_name(&Origin::File("report".into())), "report.json");
        assert_eq!(report_file_name(&Origin::Pasted), "nianbao-report.json");
        assert_eq!(report_file_name(&Origin::BuiltinSample), "nianbao-report.json");
    }
}
