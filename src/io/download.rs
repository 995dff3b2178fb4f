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
    download_parts(name, &js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text)), mime);
}

/// Offers the text of `parts` (JavaScript strings), joined, as a file
/// download.
fn download_parts(name: &str, parts: &js_sys::Array, mime: &str) {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(parts, &options) else {
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

/// Downloads a batch export: its parts in order, each file's piece
/// ([`batch_export::piece`]) as the worker or the page made it, handed to
/// the browser's `Blob` as they are (a province's findings are tens of
/// megabytes: joined into one string first, they would pause the page).
#[cfg(feature = "workstation")]
pub fn download_batch(what: BatchDownload, batch: &crate::state::Batch, pieces: &[wasm_bindgen::JsValue]) {
    let parts = js_sys::Array::new();
    let present: Vec<bool> = pieces.iter().map(|p| p.as_string().is_some_and(|p| !p.is_empty())).collect();
    for part in batch_export::layout(what, batch, &present) {
        match part {
            batch_export::Part::Text(text) => parts.push(&wasm_bindgen::JsValue::from_str(&text)),
            batch_export::Part::Piece(i) => parts.push(&pieces[i]),
        };
    }
    match what {
        BatchDownload::Summary => download_parts("nianbao-summary.csv", &parts, "text/csv"),
        BatchDownload::Findings => download_parts("nianbao-findings.json", &parts, "application/json"),
    }
}

/// How a batch export goes.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportProgress {
    /// Files done, of all, and how many workers make the pieces (0: the
    /// page alone, as when none can start).
    Making(usize, usize, usize),
    /// Over (downloaded, or the batch closed): the files that could not be
    /// read again, left out of it.
    Over(Vec<String>),
}

impl BatchDownload {
    /// The name a batch worker is told (`www/batch-worker.js`).
    pub fn code(self) -> &'static str {
        match self {
            BatchDownload::Summary => "summary",
            BatchDownload::Findings => "findings",
        }
    }

    pub fn from_code(code: &str) -> Option<BatchDownload> {
        [BatchDownload::Summary, BatchDownload::Findings].into_iter().find(|w| w.code() == code)
    }
}

/// A batch's exports, one file's piece at a time: each piece is made where
/// the file is checked (in a batch worker, or here), and the export is the
/// pieces joined in the entries' order, so the two ways give the same bytes.
#[cfg(feature = "workstation")]
pub mod batch_export {
    use super::BatchDownload;
    use crate::state::Batch;
    use nianbao_core::batch::Part as TablePart;
    use nianbao_core::message::message;
    use nianbao_core::output;
    use nianbao_core::{Checked, Lang, Template};

    /// One file's piece of an export: for the summary CSV, its finding
    /// lines; for the findings JSON, its element of the array, written as
    /// the whole array writes it (`output::files`, pretty).
    pub fn piece(what: BatchDownload, name: &str, checked: &Checked, template: Template, lang: Lang) -> String {
        let mut out = String::new();
        match what {
            BatchDownload::Summary => {
                for d in &checked.diagnostics {
                    let line = [
                        nianbao_core::csv::text(name),
                        d.rule.code().to_string(),
                        d.severity().code().to_string(),
                        nianbao_core::csv::text(d.pointers.first().map_or("", String::as_str)),
                        nianbao_core::csv::text(&message(d, template, lang)),
                    ];
                    out.push_str(&line.join(","));
                    out.push_str("\r\n");
                }
            }
            BatchDownload::Findings => {
                output::file(&output::File { name, template, checked }, lang).write_pretty_at(&mut out, 1)
            }
        }
        out
    }

    /// The piece of a file of a batch read and checked as the batch checks
    /// it (`Row::read`). A file that cannot be read has no piece: it is left
    /// out of the export, as the command line leaves out a file it cannot
    /// read, and the page names it (decision 140).
    pub fn file_piece(
        what: BatchDownload,
        name: &str,
        bytes: &[u8],
        today: nianbao_core::date::Date,
        lang: Lang,
    ) -> String {
        read_piece(what, name, bytes, bytes, today, lang)
    }

    /// The piece of a file: `read` is what the batch checked (a PDF's
    /// imported JSON; nothing when the importer refused it), `raw` the
    /// file's own bytes.
    pub fn read_piece(
        what: BatchDownload,
        name: &str,
        read: &[u8],
        raw: &[u8],
        today: nianbao_core::date::Date,
        lang: Lang,
    ) -> String {
        let opened = crate::state::Opened::read(crate::state::Origin::File(name.to_string()), read, today);
        match &opened.refused {
            // A file the importer refused (empty, no report in it, not
            // text) has no findings of its own: the export says what
            // reading it as JSON says, as the command line does of it
            // alone, so that no unreadable file counts as clean there.
            Some(_) => {
                let loaded = nianbao_core::load(raw);
                let checked = nianbao_core::validate(&loaded, &nianbao_core::Context { today, previous: None });
                piece(what, name, &checked, loaded.template(), lang)
            }
            None => piece(what, name, &opened.checked.0, opened.loaded.template(), lang),
        }
    }

    /// A part of an export: fixed text, or the piece of the file at that
    /// index.
    #[derive(Debug, PartialEq)]
    pub enum Part {
        Text(String),
        Piece(usize),
    }

    /// The parts of an export, in order, of files whose pieces are
    /// `present` or not (a file that could not be read has none). The
    /// summary CSV: one line per file (the rows'), then every finding (the
    /// pieces). The findings JSON: the pieces as the elements of one array,
    /// the core's shape for several files (the CLI's).
    pub fn layout(what: BatchDownload, batch: &Batch, present: &[bool]) -> Vec<Part> {
        let mut parts = Vec::with_capacity(2 * present.len() + 2);
        let pieces = (0..present.len()).filter(|&i| present[i]);
        match what {
            BatchDownload::Summary => {
                parts.push(Part::Text(summary_lines(batch)));
                parts.extend(pieces.map(Part::Piece));
            }
            BatchDownload::Findings => {
                for (n, i) in pieces.enumerate() {
                    parts.push(Part::Text(if n == 0 { "[\n  " } else { ",\n  " }.to_string()));
                    parts.push(Part::Piece(i));
                }
                parts.push(Part::Text(if parts.is_empty() { "[]\n" } else { "\n]\n" }.to_string()));
            }
        }
        parts
    }

    /// The export's text, its parts joined (an empty piece: a file left out).
    pub fn join(what: BatchDownload, batch: &Batch, pieces: &[String]) -> String {
        let mut out = String::new();
        let present: Vec<bool> = pieces.iter().map(|p| !p.is_empty()).collect();
        for part in layout(what, batch, &present) {
            match part {
                Part::Text(text) => out.push_str(&text),
                Part::Piece(i) => out.push_str(&pieces[i]),
            }
        }
        out
    }

    /// The summary CSV up to its findings: one line per file, as the
    /// batch's summary shows it.
    fn summary_lines(batch: &Batch) -> String {
        // Then the row's verdict and its errors and warnings per part, as
        // the batch's summary shows them (nianbao_core::batch::Tally).
        let parts: Vec<&str> = TablePart::ALL.iter().map(|p| p.code()).collect();
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
                nianbao_core::csv::text(e.row.agency.as_deref().unwrap_or_default()),
                e.row.year.map(|y| y.to_string()).unwrap_or_default(),
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
        out
    }

    /// The parent's findings with the aggregate check's, as its piece of
    /// the findings JSON holds them.
    pub fn with_aggregate(batch: &Batch, index: usize, own: &Checked) -> Option<Checked> {
        let aggregate = batch.aggregate.as_ref().filter(|a| a.parent == index)?;
        Some(nianbao_core::batch::with_aggregate(own, &aggregate.checked))
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use crate::state::{Opened, Origin};

        /// The findings JSON made of pieces is the core's own array, byte
        /// for byte, and the summary's findings are each file's lines.
        #[test]
        fn the_pieces_joined_are_the_whole_export() {
            let today = nianbao_core::date::Date::new(2026, 11, 27).unwrap();
            let files: Vec<(&str, Vec<u8>)> = vec![
                ("a.json", nianbao_core::BUILTIN_SAMPLE.as_bytes().to_vec()),
                ("b.json", include_bytes!("../../samples/hongze-district-2023.json").to_vec()),
                ("c.json", b"{\"year\": 2024,".to_vec()),
                ("d.json", Vec::new()),
                ("e.txt", "会议纪要：下周一上午九点开会。".as_bytes().to_vec()),
            ];
            for lang in [Lang::Zh, Lang::En] {
                // What the export says of each: what it checked, or, for a
                // file the importer refused, what reading it as JSON says.
                let said: Vec<(Checked, Template)> = files
                    .iter()
                    .map(|(n, b)| {
                        let o = Opened::read(Origin::File(n.to_string()), b, today);
                        match o.refused {
                            Some(_) => {
                                let context = nianbao_core::Context { today, previous: None };
                                (nianbao_core::validate(&nianbao_core::load(b), &context), Template::T2021)
                            }
                            None => ((*o.checked.0).clone(), o.loaded.template()),
                        }
                    })
                    .collect();
                assert!(said[3].0.summary.errors == 1 && said[4].0.summary.errors == 1);
                let whole: Vec<output::File<'_>> = files
                    .iter()
                    .zip(&said)
                    .map(|((name, _), (checked, template))| output::File { name, template: *template, checked })
                    .collect();
                let pieces: Vec<String> =
                    files.iter().map(|(n, b)| file_piece(BatchDownload::Findings, n, b, today, lang)).collect();
                let batch = Batch::default();
                assert_eq!(
                    join(BatchDownload::Findings, &batch, &pieces),
                    output::files(&whole, lang).to_json_pretty()
                );
                assert_eq!(join(BatchDownload::Findings, &batch, &[]), output::files(&[], lang).to_json_pretty());
                // A file that could not be read (no piece) is left out, as
                // the command line leaves it out, and the array stays whole.
                let mut gone = pieces.clone();
                gone[0].clear();
                gone[3].clear();
                let kept: Vec<output::File<'_>> = whole
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != 0 && *i != 3)
                    .map(|(_, f)| output::File { name: f.name, template: f.template, checked: f.checked })
                    .collect();
                assert_eq!(join(BatchDownload::Findings, &batch, &gone), output::files(&kept, lang).to_json_pretty());
                let none = vec![String::new(); pieces.len()];
                assert_eq!(join(BatchDownload::Findings, &batch, &none), output::files(&[], lang).to_json_pretty());
                let lines: Vec<String> =
                    files.iter().map(|(n, b)| file_piece(BatchDownload::Summary, n, b, today, lang)).collect();
                let csv = join(BatchDownload::Summary, &batch, &lines);
                assert!(csv.starts_with("\u{feff}file,agency,year,template,"));
                assert!(csv.ends_with(&format!("\r\nfile,rule,severity,pointer,message\r\n{}", lines.concat())));
                for (line, (checked, _)) in lines.iter().zip(&said) {
                    assert_eq!(line.matches("\r\n").count(), checked.diagnostics.len());
                }
                assert!(lines[1].lines().all(|l| l.starts_with("b.json,")), "{}", lines[1]);
                assert!(lines[2].starts_with("c.json,json-syntax,error,"), "{}", lines[2]);
                // The refused ones are not clean: the empty file and the text.
                assert!(lines[3].starts_with("d.json,json-syntax,error,"), "{}", lines[3]);
                assert!(lines[4].starts_with("e.txt,json-syntax,error,"), "{}", lines[4]);
            }
        }
    }
}
