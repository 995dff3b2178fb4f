//! Publishing a report: the forms an agency puts it out in, each in the
//! official layout (`shared/spec/LAYOUT.md`, built by `nianbao_core::layout`
//! from `template.rs`; no label is spelt here).
//!
//! - [`html`]: one self-contained static web page (or a fragment for a CMS
//!   editor) with no script: the title, the six sections and the three
//!   tables with their merged cells, captions, `scope`s and `headers`, a
//!   print stylesheet; optionally the report's JSON in a
//!   `<script type="application/json">` data block for `<nianbao-report>`.
//! - [`docx`]: a Word file (WordprocessingML written here, zipped by
//!   [`zip`]): merged cells as `w:gridSpan`/`w:vMerge`, the fonts official
//!   documents use.
//! - [`csv`]: the three tables as the app's CSV export.
//!
//! Pure: no IO, no clock. Every cell is written as `nianbao_core::export::
//! cell_text` reads it (blank stays blank, text stays text, a number as it is
//! spelt), and report text is always escaped, never markup. What is written
//! here, `nianbao_import::open` reads back to the same cells and sections
//! (tests/round_trip.rs). The workstation and the CLI use this crate; the
//! viewer never links it.

pub mod docx;
pub mod html;
mod xml;
pub mod zip;

pub use html::{html, Page};

use nianbao_core::json::Value;
use nianbao_core::layout::{self, TableLayout};
use nianbao_core::model::Report;
use nianbao_core::Loaded;

/// The forms a report is published in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Docx,
    Csv,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Html, Format::Docx, Format::Csv];

    /// The name on the command line (`--to`), and the file's extension.
    pub fn code(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Csv => "csv",
        }
    }

    pub fn from_code(code: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.code() == code)
    }

    /// The file's media type.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Html => "text/html",
            Format::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Format::Csv => "text/csv",
        }
    }
}

/// What every exporter needs of a report: its JSON (the values, as spelt),
/// its typed view (template, shape, title) and its printed tables.
pub struct Source<'a> {
    pub document: &'a Value,
    pub report: &'a Report,
    pub tables: [TableLayout; 3],
}

impl<'a> Source<'a> {
    /// `None` when the document is not a readable report.
    pub fn new(loaded: &'a Loaded) -> Option<Source<'a>> {
        let document = loaded.document.as_ref()?;
        let report = loaded.report.as_ref()?;
        Some(Source { document, report, tables: layout::tables(report.template, report.other_shape) })
    }

    /// A text section (`overview`, `problems`, `other`) as it is in the
    /// document; empty when missing or not text.
    pub fn text(&self, key: &str) -> &'a str {
        match self.document {
            Value::Object(object) => object.get(key).and_then(Value::as_str).unwrap_or(""),
            _ => "",
        }
    }

    /// The title as published; without one, the title every report has,
    /// made of the agency and the year.
    pub fn title(&self) -> String {
        match &self.report.title {
            Some(title) => title.clone(),
            None => format!(
                "{}{}年政府信息公开工作年度报告",
                self.report.agency.as_deref().unwrap_or(""),
                self.report.year.map(|y| y.to_string()).unwrap_or_default()
            ),
        }
    }

    /// How a value cell reads (`nianbao_core::export::cell_text`).
    pub fn cell(&self, pointer: &str) -> String {
        nianbao_core::export::cell_text(self.document.pointer(pointer))
    }
}

/// The three tables as CSV, each as the app's table export writes it
/// (`nianbao_core::export::table_csv`), one after another with an empty line
/// between them; one byte-order mark, at the start. `None` when the document
/// is not a readable report.
pub fn csv(loaded: &Loaded) -> Option<String> {
    let source = Source::new(loaded)?;
    let mut out = String::new();
    for (i, table) in source.tables.iter().enumerate() {
        let csv = nianbao_core::export::table_csv(source.document, table);
        let csv = csv.trim_start_matches('\u{feff}');
        if i == 0 {
            out.push('\u{feff}');
        } else {
            out.push_str("\r\n");
        }
        out.push_str(csv);
    }
    Some(out)
}

/// The paragraphs of a text section: its lines, trimmed, blank ones left
/// out, each told whether it is a sub-heading (（一）主动公开情况) as
/// FORMAT.md defines one (`nianbao_core::text::is_heading`).
pub fn paragraphs(text: &str) -> impl Iterator<Item = (bool, &str)> {
    text.split('\n').map(str::trim).filter(|p| !p.is_empty()).map(|p| (nianbao_core::text::is_heading(p), p))
}

/// The grid cell each slot of a printed table belongs to: for every row and
/// column, the (row, index in that row) of the cell that covers it. A
/// rowspan covers slots in the rows below its own; Word writes a cell for
/// each (`w:vMerge`), a web page none.
pub fn grid(table: &TableLayout) -> Vec<Vec<Option<(usize, usize)>>> {
    let mut origin: Vec<Vec<Option<(usize, usize)>>> = vec![vec![None; table.columns]; table.rows.len()];
    for (r, row) in table.rows.iter().enumerate() {
        let mut c = 0;
        for (i, cell) in row.iter().enumerate() {
            while c < table.columns && origin[r][c].is_some() {
                c += 1;
            }
            for dr in 0..cell.rowspan as usize {
                for dc in 0..cell.colspan as usize {
                    if let Some(slot) = origin.get_mut(r + dr).and_then(|row| row.get_mut(c + dc)) {
                        *slot = Some((r, i));
                    }
                }
            }
            c += cell.colspan as usize;
        }
    }
    origin
}
