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
    /// The report published as a static web page (`nianbao_publish::html`).
    #[cfg(feature = "workstation")]
    Page(nianbao_publish::Page),
    /// The report published as a Word file (`nianbao_publish::docx`).
    #[cfg(feature = "workstation")]
    Word,
}

/// The name of a downloaded report: the file it was read from, as JSON
/// (`report.docx` → `report.json`); `nianbao-report.json` when it came from
/// elsewhere.
pub fn report_file_name(origin: &Origin) -> String {
    match origin {
        Origin::File(name) => format!("{}.json", name.rsplit_once('.').map_or(name.as_str(), |(stem, _)| stem)),
        Origin::New(name) => name.clone(),
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

/// The name of a published report: the agency and the year, with the
/// format's extension.
#[cfg(feature = "workstation")]
pub fn published_file_name(opened: &Opened, format: nianbao_publish::Format) -> String {
    let report = opened.loaded.report.as_ref();
    let agency = report.and_then(|r| r.agency.clone()).unwrap_or_default();
    let stem = match report.and_then(|r| r.year) {
        Some(year) if !agency.is_empty() => format!("{agency}-{year}"),
        Some(year) => year.to_string(),
        None if !agency.is_empty() => agency,
        None => "nianbao-report".to_string(),
    };
    format!("{}.{}", stem.replace(' ', "-"), format.code())
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
        #[cfg(feature = "workstation")]
        Download::Page(page) => {
            if let Some(html) = nianbao_publish::html(&opened.loaded, &page) {
                let name = published_file_name(opened, nianbao_publish::Format::Html);
                download_text(&name, &html, "text/html;charset=utf-8");
            }
        }
        #[cfg(feature = "workstation")]
        Download::Word => {
            if let Some(bytes) = nianbao_publish::docx::docx(&opened.loaded) {
                let format = nianbao_publish::Format::Docx;
                download_bytes(&published_file_name(opened, format), &bytes, format.mime());
            }
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

/// Offers `bytes` to the user as a file download (as `download_text`, kept
/// apart so that the viewer, which downloads text only, does not change).
#[cfg(feature = "workstation")]
pub fn download_bytes(name: &str, bytes: &[u8], mime: &str) {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
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

    #[cfg(feature = "workstation")]
    #[test]
    fn a_published_report_is_named_by_its_agency_and_year() {
        use nianbao_publish::Format;
        let today = nianbao_core::date::Date::new(2026, 1, 1).unwrap();
        let opened = Opened::read(Origin::BuiltinSample, nianbao_core::BUILTIN_SAMPLE.as_bytes(), today);
        assert_eq!(published_file_name(&opened, Format::Html), "济源高新技术产业开发区管理办公室-2024.html");
        assert_eq!(published_file_name(&opened, Format::Docx), "济源高新技术产业开发区管理办公室-2024.docx");
        let opened = Opened::read(Origin::Pasted, b"{}", today);
        assert_eq!(published_file_name(&opened, Format::Docx), "nianbao-report.docx");
    }
}

/// What to download of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchDownload {
    /// One line per file (agency, year, template, counts), then every finding.
    Summary,
    /// Every file's findings in the core's shape for several files.
    Findings,
}

/// Starts a download of `what` of `batch`.
#[cfg(feature = "workstation")]
/// `checked` holds every entry's findings (read again from its file, or
/// its report kept whole), in the entries' order.
pub fn download_batch(what: BatchDownload, batch: &crate::state::Batch, checked: &[nianbao_core::Checked], lang: Lang) {
    match what {
        BatchDownload::Summary => {
            download_text("nianbao-summary.csv", &batch_csv::summary_csv(batch, checked, lang), "text/csv")
        }
        BatchDownload::Findings => {
            download_text("nianbao-findings.json", &batch_csv::findings_json(batch, checked, lang), "application/json")
        }
    }
}

#[cfg(feature = "workstation")]
mod batch_csv {
    use crate::state::{Batch, BatchEntry};
    use nianbao_core::batch::Part;
    use nianbao_core::message::message;
    use nianbao_core::output;
    use nianbao_core::Checked;
    use nianbao_core::Lang;

    fn agency(e: &BatchEntry) -> String {
        e.row.agency.clone().unwrap_or_default()
    }

    fn year(e: &BatchEntry) -> Option<i64> {
        e.row.year
    }

    fn template(e: &BatchEntry) -> nianbao_core::Template {
        e.row.template.unwrap_or(nianbao_core::Template::T2021)
    }

    /// The summary as CSV (one line per file) and every finding as CSV.
    pub fn summary_csv(batch: &Batch, checked: &[Checked], lang: Lang) -> String {
        // Then the row's verdict and its errors and warnings per part, as
        // the batch's summary shows them (nianbao_core::batch::Tally).
        let parts: Vec<&str> = Part::ALL.iter().map(|p| p.code()).collect();
        let mut out = format!(
            "\u{feff}file,agency,year,template,errors,warnings,infos,dismissed,verdict,checks_run,checks_skipped,{}\r\n",
            parts.join(",")
        );
        for e in &batch.entries {
            let s = e.row.summary;
            let tally = e.row.tally;
            let template = e.row.template.map(|t| t.code()).unwrap_or("");
            let mut line = vec![
                nianbao_core::csv::text(&e.name),
                nianbao_core::csv::text(&agency(e)),
                year(e).map(|y| y.to_string()).unwrap_or_default(),
                template.to_string(),
                s.errors.to_string(),
                s.warnings.to_string(),
                s.infos.to_string(),
                s.dismissed.to_string(),
                tally.verdict.code().to_string(),
                s.checks_run.to_string(),
                s.checks_skipped.to_string(),
            ];
            line.extend(tally.parts.iter().map(usize::to_string));
            out.push_str(&line.join(","));
            out.push_str("\r\n");
        }
        out.push_str("\r\nfile,rule,severity,pointer,message\r\n");
        for (e, checked) in batch.entries.iter().zip(checked) {
            let template = template(e);
            for d in &checked.diagnostics {
                let line = [
                    nianbao_core::csv::text(&e.name),
                    d.rule.code().to_string(),
                    d.severity().code().to_string(),
                    nianbao_core::csv::text(d.pointers.first().map_or("", String::as_str)),
                    nianbao_core::csv::text(&message(d, template, lang)),
                ];
                out.push_str(&line.join(","));
                out.push_str("\r\n");
            }
        }
        out
    }

    /// All findings as JSON, in the core's shape for several files (the CLI's):
    /// the parent's entry holds its aggregate findings too.
    pub fn findings_json(batch: &Batch, checked: &[Checked], lang: Lang) -> String {
        let merged = batch
            .aggregate
            .as_ref()
            .and_then(|a| Some((a.parent, nianbao_core::batch::with_aggregate(checked.get(a.parent)?, &a.checked))));
        let files: Vec<output::File<'_>> = batch
            .entries
            .iter()
            .zip(checked)
            .enumerate()
            .map(|(i, (e, own))| output::File {
                name: &e.name,
                template: template(e),
                checked: match &merged {
                    Some((parent, checked)) if *parent == i => checked,
                    _ => own,
                },
            })
            .collect();
        output::files(&files, lang).to_json_pretty()
    }
}
