//! Importers: turning a report that was published as text (copied from a web
//! page, a Word document or a PDF viewer) into the JSON format, with notes on
//! what could not be read for certain.
//!
//! Importers anchor on the template's own labels (`template.rs`), never on
//! positions: rows are found by their printed labels and by the template's
//! fixed row order, so a row that lost its leading empty cells, a label broken
//! across lines or numbers printed before a wrapped label still land in the
//! right cells. Blank, `/` and `—` cells are kept as blank or text, never 0.

//! Everything that turns a report published in another form (text copied
//! from a web page, Word or a PDF viewer; a saved web page; a `.docx`; a PDF)
//! into the `zfxxgk-annual-report/1` format, with notes on what could not be
//! read for certain.
//!
//! [`open`] is the one entry point: it takes a file's bytes (and its name, as
//! a hint only), decides once, by content, what kind of file it is
//! ([`kind_of`]), applies the size limits ([`limits`]) and returns the report
//! with its notes, or a refusal in words (`nianbao_core::import_note`). The
//! CLI and the app call nothing else.
//!
//! Importers anchor on the template's own labels (`template.rs`), never on
//! positions: rows are found by their printed labels and by the template's
//! fixed row order, so a row that lost its leading empty cells, a label broken
//! across lines or numbers printed before a wrapped label still land in the
//! right cells. Blank, `/` and `—` cells are kept as blank or text, never 0;
//! a number whose place is not certain is left out and named in a note.

pub mod docx;
mod html;
pub mod limits;
mod markup;
#[cfg(feature = "pdf")]
pub mod pdf;
mod text;

pub use html::{html_to_text, import_html};
pub use nianbao_core::import_note::{DetectedTemplate, ImportNote, ImportRecord, Refusal};
pub use text::import_text;

use nianbao_core::json::Value;
use nianbao_core::model::Kind;

/// What kind of file some bytes are, decided by their content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// The format itself (or something that tries to be: a broken JSON file
    /// is read by `nianbao_core::load`, which says where it breaks).
    Json,
    /// A report's text (copied from a page, Word or a PDF viewer).
    Text,
    /// A saved web page or Word's "save as web page".
    Html,
    /// A Word `.docx` file.
    Word,
    /// A PDF file.
    Pdf,
}

impl InputKind {
    /// The name stored as the import record's `from`.
    pub fn code(self) -> &'static str {
        match self {
            InputKind::Json => "json",
            InputKind::Text => "text",
            InputKind::Html => "html",
            InputKind::Word => "docx",
            InputKind::Pdf => "pdf",
        }
    }
}

/// Decides what kind of file `bytes` are, by their content; `name` is only
/// used to word a refusal (a `.doc` file is told to be saved as `.docx`).
pub fn kind_of(bytes: &[u8], name: Option<&str>) -> Result<InputKind, Refusal> {
    if bytes.len() > limits::MAX_FILE_BYTES {
        return Err(Refusal::TooLarge { size: bytes.len(), limit: limits::MAX_FILE_BYTES });
    }
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let first = body.iter().position(|b| !b.is_ascii_whitespace());
    // A PDF may have a few bytes of junk before its header (the format allows
    // it, and servers add them).
    if bytes.len() >= 5 && bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-") {
        return Ok(InputKind::Pdf);
    }
    if docx::is_zip(bytes) {
        return Ok(InputKind::Word);
    }
    if first.is_none() {
        return Err(Refusal::Empty);
    }
    if nianbao_core::input::is_json_like(bytes) {
        return Ok(InputKind::Json);
    }
    if let Some(what) = binary_kind(bytes) {
        return Err(Refusal::NotAReport { what, name: name.map(str::to_string) });
    }
    if bytes.len() > limits::MAX_TEXT_BYTES {
        return Err(Refusal::TooLarge { size: bytes.len(), limit: limits::MAX_TEXT_BYTES });
    }
    let text = match nianbao_core::encoding::decode(bytes) {
        Ok(text) => text,
        Err(e) => return Err(Refusal::NotUtf8 { encoding: e.encoding }),
    };
    let text = text.trim_start_matches('\u{feff}');
    if looks_like_html(text) {
        return Ok(InputKind::Html);
    }
    if text.contains("政府信息公开") || text.contains("年度报告") || text.contains("<w:document") {
        Ok(InputKind::Text)
    } else {
        Err(Refusal::NotAReport { what: "text", name: name.map(str::to_string) })
    }
}

/// Files that are plainly something else: images (a scan saved as a
/// picture), old Word `.doc` and WPS files, other archives.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: [(&[u8], &str); 8] = [
        (b"\x89PNG", "image"),
        (b"\xff\xd8\xff", "image"),
        (b"GIF8", "image"),
        (b"II*\0", "image"),
        (b"MM\0*", "image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "doc"),
        (b"Rar!", "archive"),
        (b"7z\xbc\xaf", "archive"),
    ];
    SIGNATURES.iter().find(|(magic, _)| bytes.starts_with(magic)).map(|(_, what)| *what)
}

/// What [`open`] made of a file.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The file is JSON: read it with `nianbao_core::load`, which reports
    /// a broken one with its line and column.
    Json,
    /// A report imported from another form; its document carries the import
    /// record under `import`.
    Imported(Imported),
    /// The file cannot be imported; the refusal says why in words.
    Refused(Refusal),
}

/// The one entry point: a file's bytes (and its name, a hint only) to a
/// report. Never panics on any input; bounded in time and memory by
/// [`limits`].
pub fn open(bytes: &[u8], name: Option<&str>, options: &ImportOptions) -> Outcome {
    let kind = match kind_of(bytes, name) {
        Ok(InputKind::Json) => return Outcome::Json,
        Ok(kind) => kind,
        Err(refusal) => return Outcome::Refused(refusal),
    };
    let imported = match kind {
        InputKind::Word => match docx::read_document_xml(bytes) {
            Ok(xml) => docx::import_docx_xml(&xml, options),
            Err(refusal) => return Outcome::Refused(refusal),
        },
        InputKind::Pdf => match read_pdf(bytes, options) {
            Ok(imported) => imported,
            Err(refusal) => return Outcome::Refused(refusal),
        },
        _ => {
            let text = nianbao_core::encoding::decode(bytes).unwrap_or_default();
            let text = text.trim_start_matches('\u{feff}');
            if kind == InputKind::Html {
                import_html(text, options)
            } else {
                import_text(text, options)
            }
        }
    };
    Outcome::Imported(imported.recorded(kind, name))
}

#[cfg(feature = "pdf")]
fn read_pdf(bytes: &[u8], options: &ImportOptions) -> Result<Imported, Refusal> {
    pdf::import_pdf(bytes, options)
}

#[cfg(not(feature = "pdf"))]
fn read_pdf(_: &[u8], _: &ImportOptions) -> Result<Imported, Refusal> {
    Err(Refusal::PdfNotBuiltIn)
}

/// Imports a report from text, an HTML page or a Word document's XML,
/// whichever it is: Word's XML holds `<w:document`; a document that starts
/// with a tag (after whitespace and a byte-order mark) or holds `<table` is
/// HTML; anything else is text.
pub fn import_document(text: &str, options: &ImportOptions) -> Imported {
    if text.contains("<w:document") {
        docx::import_docx_xml(text, options)
    } else if looks_like_html(text) {
        import_html(text, options)
    } else {
        import_text(text, options)
    }
}

/// Whether a text is an HTML page rather than plain text.
pub fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    start.starts_with('<') || text.contains("<table") || text.contains("<TABLE")
}

/// What the user knows that the text may not say.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportOptions {
    /// The reporting body's full name (titles often shorten it).
    pub agency: Option<String>,
    pub kind: Option<Kind>,
    /// Where the report was published.
    pub source: Option<String>,
}

/// A report read from some other form, and what could not be read for certain.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub document: Value,
    pub notes: Vec<ImportNote>,
}

impl Imported {
    /// Whether some cells could not be found.
    pub fn has_missing_cells(&self) -> bool {
        self.notes.iter().any(ImportNote::loses_cells)
    }

    /// The import record: where the report came from and the notes.
    pub fn record(&self, kind: InputKind, name: Option<&str>) -> ImportRecord {
        ImportRecord { from: Some(kind.code().into()), file: name.map(str::to_string), notes: self.notes.clone() }
    }

    /// The same report with its import record stored in the document, so
    /// that the notes travel with it.
    fn recorded(mut self, kind: InputKind, name: Option<&str>) -> Imported {
        let record = self.record(kind, name).to_json();
        if let Value::Object(o) = &mut self.document {
            o.insert(nianbao_core::import_note::KEY, record);
        }
        self
    }
}
