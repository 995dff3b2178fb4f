//! Importers: turning a report that was published as text (copied from a web
//! page, a Word document or a PDF viewer) into the JSON format, with notes on
//! what could not be read for certain.
//!
//! Importers anchor on the template's own labels (`template.rs`), never on
//! positions: rows are found by their printed labels and by the template's
//! fixed row order, so a row that lost its leading empty cells, a label broken
//! across lines or numbers printed before a wrapped label still land in the
//! right cells. Blank, `/` and `—` cells are kept as blank or text, never 0.

pub mod docx;
mod html;
mod text;

pub use html::{html_to_text, import_html};
pub use text::import_text;

use crate::json::Value;
use crate::model::Kind;
use crate::template::{Lang, Template};

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

/// Which template the tables look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DetectedTemplate {
    pub template: Template,
    /// A 2021 table printed with the 2019 single （六）其他处理 row.
    pub single_other: bool,
}

/// Something the importer could not do for certain.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportNote {
    TemplateDetected(DetectedTemplate),
    /// A section heading was not found; its text or table is empty.
    SectionMissing {
        key: &'static str,
    },
    /// A row of a table was not found: its cells are left out.
    RowMissing {
        pointer: String,
    },
    /// A row was found but did not hold exactly its number of cells.
    RowAmbiguous {
        pointer: String,
        found: usize,
        expected: usize,
    },
    /// The table did not have one run of cells per row, so this row's cells
    /// were placed by finding its label: worth a look.
    RowPlacedByLabel {
        pointer: String,
    },
    /// A table came one cell per line (as some PDF viewers copy tables), so
    /// its numbers were placed in reading order: worth a look.
    PlacedInReadingOrder {
        pointer: String,
    },
    /// A row's printed label differs from the template's.
    LabelMisspelt {
        pointer: String,
        found: String,
        expected: &'static str,
    },
    /// The title, year or agency could not be found.
    FieldMissing {
        key: &'static str,
    },
}

impl ImportNote {
    /// Whether cells are missing from the result because of this note.
    pub fn loses_cells(&self) -> bool {
        matches!(
            self,
            ImportNote::RowMissing { .. }
                | ImportNote::RowAmbiguous { .. }
                | ImportNote::SectionMissing { key: "proactive" | "applications" | "appeals" }
        )
    }

    /// The note in words.
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        // A note does not know its report's template: a place of the 2021
        // template, or else of the 2019 one (其他对外管理服务事项 …).
        let place = |pointer: &str| {
            let known = |t: Template| {
                crate::template::cell_place(t, pointer, lang).is_some()
                    || crate::template::row_place(t, pointer, lang).is_some()
            };
            let template =
                if !known(Template::T2021) && known(Template::T2019) { Template::T2019 } else { Template::T2021 };
            crate::message::place(template, pointer, lang)
        };
        match self {
            ImportNote::TemplateDetected(d) => match (d.single_other, zh) {
                (false, true) => format!("识别为 {} 版模板。", d.template.code()),
                (false, false) => format!("Detected the {} template.", d.template.code()),
                (true, true) => "识别为 2021 版模板，但（六）其他处理按 2019 版只有一行。".into(),
                (true, false) => "Detected the 2021 template, with (6) printed as the single 2019 row.".into(),
            },
            ImportNote::SectionMissing { key } => {
                let heading = crate::template::section(key).map_or(*key, |s| s.heading.get(lang));
                if zh {
                    format!("没有找到“{heading}”部分。")
                } else {
                    format!("Section “{heading}” was not found.")
                }
            }
            ImportNote::RowMissing { pointer } => {
                if zh {
                    format!("没有找到{}的数字，这些格子未导入。", place(pointer))
                } else {
                    format!("No numbers found for {}; its cells were not imported.", place(pointer))
                }
            }
            ImportNote::RowAmbiguous { pointer, found, expected } => {
                if zh {
                    format!(
                        "{}找到 {found} 个数，应为 {expected} 个，无法确定各自属于哪一格，这些格子未导入。",
                        place(pointer)
                    )
                } else {
                    format!("{}: found {found} numbers where {expected} belong; which is which is unclear, so its cells were not imported.", place(pointer))
                }
            }
            ImportNote::RowPlacedByLabel { pointer } => {
                if zh {
                    format!("{}的数字是按标签找到的（表格的行数与模板不符），请对照原文核对。", place(pointer))
                } else {
                    format!("{}: its numbers were placed by finding its label (the table's rows do not match the template); check them against the original.", place(pointer))
                }
            }
            ImportNote::PlacedInReadingOrder { pointer } => {
                if zh {
                    format!(
                        "{}每格占一行（一些 PDF 阅读器这样复制表格），其数字已按阅读顺序逐格排入，请对照原文核对。",
                        place(pointer)
                    )
                } else {
                    format!("{} came one cell per line (as some PDF viewers copy tables); its numbers were placed in reading order. Check them against the original.", place(pointer))
                }
            }
            ImportNote::LabelMisspelt { pointer, found, expected } => {
                if zh {
                    format!("{}的标签印作“{found}”，模板为“{expected}”。", place(pointer))
                } else {
                    format!("{} is labelled “{found}”; the template says “{expected}”.", place(pointer))
                }
            }
            ImportNote::FieldMissing { key } => {
                if zh {
                    format!("没有找到 {key}，请手工补上。")
                } else {
                    format!("Could not find {key}; fill it in by hand.")
                }
            }
        }
    }
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
}
