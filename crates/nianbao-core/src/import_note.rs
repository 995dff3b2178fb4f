//! What an importer could not do for certain, as data that travels with the
//! imported document.
//!
//! The importers live in `nianbao-import`; their notes live here because they
//! are part of the document: an imported report stores them under the
//! top-level key `import` (`docs/IMPORT.md`), every later load reads them
//! back, and the CLI and the app show them in the words below. A document
//! written by hand has no `import` key.
//!
//! ```json
//! "import": {
//!   "from": "pdf",
//!   "file": "2024年报.pdf",
//!   "notes": [
//!     { "note": "row-placed-by-label", "pointer": "/applications/results/other/no_correction" },
//!     { "note": "row-missing", "pointer": "/applications/carried_over" }
//!   ]
//! }
//! ```

use crate::json::{Number, Object, Value};
use crate::template::{Lang, Template};

/// What a file picker offers: the format itself and every form the importer
/// reads (`nianbao_import::kind_of` decides by content, so this only filters
/// the picker's list).
pub const FILE_PICKER_ACCEPT: &str = ".json,.pdf,.docx,.html,.htm,.txt,application/json,application/pdf,text/plain,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The top-level key that holds the import record.
pub const KEY: &str = "import";

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
        key: String,
    },
    /// A section had no heading and was taken by its place (五 as the text
    /// after 表四): worth a look.
    SectionUnheaded {
        key: String,
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
        expected: String,
    },
    /// The title, year or agency could not be found.
    FieldMissing {
        key: String,
    },
    /// The file was damaged or incomplete (a PDF whose cross-references had
    /// to be rebuilt): what could be found was read.
    FileRepaired,
    /// Text that belongs to the page rather than the report (a web page's
    /// share bar, a PDF's running header) was left out of the sections.
    TextDropped {
        text: String,
    },
}

impl ImportNote {
    /// Whether cells are missing from the result because of this note.
    pub fn loses_cells(&self) -> bool {
        match self {
            ImportNote::RowMissing { .. } | ImportNote::RowAmbiguous { .. } => true,
            ImportNote::SectionMissing { key } => matches!(key.as_str(), "proactive" | "applications" | "appeals"),
            _ => false,
        }
    }

    /// The cells or rows a reviewer should compare with the original.
    pub fn pointer(&self) -> Option<&str> {
        match self {
            ImportNote::RowMissing { pointer }
            | ImportNote::RowAmbiguous { pointer, .. }
            | ImportNote::RowPlacedByLabel { pointer }
            | ImportNote::PlacedInReadingOrder { pointer }
            | ImportNote::LabelMisspelt { pointer, .. } => Some(pointer),
            _ => None,
        }
    }

    /// Whether the numbers at `pointer()` were imported but placed with less
    /// than certainty (they are shown marked for checking).
    pub fn is_guess(&self) -> bool {
        matches!(
            self,
            ImportNote::RowPlacedByLabel { .. }
                | ImportNote::PlacedInReadingOrder { .. }
                | ImportNote::LabelMisspelt { .. }
        )
    }

    fn code(&self) -> &'static str {
        match self {
            ImportNote::TemplateDetected(_) => "template-detected",
            ImportNote::SectionMissing { .. } => "section-missing",
            ImportNote::SectionUnheaded { .. } => "section-unheaded",
            ImportNote::RowMissing { .. } => "row-missing",
            ImportNote::RowAmbiguous { .. } => "row-ambiguous",
            ImportNote::RowPlacedByLabel { .. } => "row-placed-by-label",
            ImportNote::PlacedInReadingOrder { .. } => "placed-in-reading-order",
            ImportNote::LabelMisspelt { .. } => "label-misspelt",
            ImportNote::FieldMissing { .. } => "field-missing",
            ImportNote::TextDropped { .. } => "text-dropped",
            ImportNote::FileRepaired => "file-repaired",
        }
    }

    /// The note as stored in the document.
    pub fn to_json(&self) -> Value {
        let mut o = Object::new();
        o.insert("note", Value::String(self.code().into()));
        let s = |t: &str| Value::String(t.to_string());
        let n = |v: usize| Value::Number(Number::from_f64(v as f64));
        match self {
            ImportNote::TemplateDetected(d) => {
                o.insert("template", s(d.template.code()));
                o.insert("single_other", Value::Bool(d.single_other));
            }
            ImportNote::SectionMissing { key }
            | ImportNote::SectionUnheaded { key }
            | ImportNote::FieldMissing { key } => {
                o.insert("key", s(key));
            }
            ImportNote::RowMissing { pointer }
            | ImportNote::RowPlacedByLabel { pointer }
            | ImportNote::PlacedInReadingOrder { pointer } => {
                o.insert("pointer", s(pointer));
            }
            ImportNote::RowAmbiguous { pointer, found, expected } => {
                o.insert("pointer", s(pointer));
                o.insert("found", n(*found));
                o.insert("expected", n(*expected));
            }
            ImportNote::LabelMisspelt { pointer, found, expected } => {
                o.insert("pointer", s(pointer));
                o.insert("found", s(found));
                o.insert("expected", s(expected));
            }
            ImportNote::TextDropped { text } => {
                o.insert("text", s(text));
            }
            ImportNote::FileRepaired => {}
        }
        Value::Object(o)
    }

    /// A stored note; `None` for one this version does not know (it stays in
    /// the document, untouched).
    pub fn from_json(value: &Value) -> Option<ImportNote> {
        let o = value.as_object()?;
        let s = |key: &str| o.get(key).and_then(Value::as_str).map(str::to_string);
        let n = |key: &str| match o.get(key) {
            Some(Value::Number(v)) if v.value() >= 0.0 && v.value() < 1e9 => Some(v.value() as usize),
            _ => None,
        };
        Some(match o.get("note")?.as_str()? {
            "template-detected" => ImportNote::TemplateDetected(DetectedTemplate {
                template: Template::from_code(o.get("template")?.as_str()?)?,
                single_other: matches!(o.get("single_other"), Some(Value::Bool(true))),
            }),
            "section-missing" => ImportNote::SectionMissing { key: s("key")? },
            "section-unheaded" => ImportNote::SectionUnheaded { key: s("key")? },
            "field-missing" => ImportNote::FieldMissing { key: s("key")? },
            "row-missing" => ImportNote::RowMissing { pointer: s("pointer")? },
            "row-placed-by-label" => ImportNote::RowPlacedByLabel { pointer: s("pointer")? },
            "placed-in-reading-order" => ImportNote::PlacedInReadingOrder { pointer: s("pointer")? },
            "row-ambiguous" => {
                ImportNote::RowAmbiguous { pointer: s("pointer")?, found: n("found")?, expected: n("expected")? }
            }
            "label-misspelt" => {
                ImportNote::LabelMisspelt { pointer: s("pointer")?, found: s("found")?, expected: s("expected")? }
            }
            "text-dropped" => ImportNote::TextDropped { text: s("text")? },
            "file-repaired" => ImportNote::FileRepaired,
            _ => return None,
        })
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
                (true, true) => format!("识别为 2021 版模板，但{}按 2019 版只有一行。", crate::template::OTHER.label.zh),
                (true, false) => "Detected the 2021 template, with (6) printed as the single 2019 row.".into(),
            },
            ImportNote::SectionMissing { key } => {
                let heading = crate::template::section(key).map_or(key.as_str(), |s| s.heading.get(lang));
                if zh {
                    format!("没有找到“{heading}”部分。")
                } else {
                    format!("Section “{heading}” was not found.")
                }
            }
            ImportNote::SectionUnheaded { key } => {
                let heading = crate::template::section(key).map_or(key.as_str(), |s| s.heading.get(lang));
                if zh {
                    format!("没有找到“{heading}”的标题，其位置上的文字已作为这一部分，请对照原文核对。")
                } else {
                    format!("Section “{heading}” has no heading; the text in its place was taken for it. Check it against the original.")
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
                let name = match (key.as_str(), zh) {
                    ("year", true) => "报告年度",
                    ("agency", true) => "发布机关",
                    ("title", true) => "标题",
                    (other, _) => other,
                };
                if zh {
                    format!("没有找到{name}，请手工补上。")
                } else {
                    format!("Could not find the {name}; fill it in by hand.")
                }
            }
            ImportNote::FileRepaired => if zh {
                "PDF 文件已损坏或不完整（可能没有下载完），已尽量读出其中能找到的内容；缺少的部分请对照原文，或重新下载后再导入。"
            } else {
                "The PDF is damaged or incomplete (perhaps not fully downloaded); what could be found was read. Compare the missing parts with the original, or download it again."
            }
            .into(),
            ImportNote::TextDropped { text } => {
                if zh {
                    format!("“{text}”是网页或页面的附属文字（不属于报告），未放入正文。")
                } else {
                    format!("“{text}” belongs to the page, not the report, and was left out of the text.")
                }
            }
        }
    }
}

/// Where an imported document came from and what its importer noted.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportRecord {
    /// `text`, `html`, `docx` or `pdf`.
    pub from: Option<String>,
    /// The file's name, when there was one.
    pub file: Option<String>,
    pub notes: Vec<ImportNote>,
}

impl ImportRecord {
    /// Whether some cells could not be found.
    pub fn has_missing_cells(&self) -> bool {
        self.notes.iter().any(ImportNote::loses_cells)
    }

    /// The record as stored under [`KEY`].
    pub fn to_json(&self) -> Value {
        let mut o = Object::new();
        if let Some(from) = &self.from {
            o.insert("from", Value::String(from.clone()));
        }
        if let Some(file) = &self.file {
            o.insert("file", Value::String(file.clone()));
        }
        o.insert("notes", Value::Array(self.notes.iter().map(ImportNote::to_json).collect()));
        Value::Object(o)
    }

    /// The record of a document, if it has one. Notes this version does not
    /// know are skipped here and kept in the document.
    pub fn from_json(value: &Value) -> Option<ImportRecord> {
        let o = value.as_object()?;
        let text = |key: &str| o.get(key).and_then(Value::as_str).map(str::to_string);
        let notes = match o.get("notes") {
            Some(Value::Array(items)) => items.iter().filter_map(ImportNote::from_json).collect(),
            _ => Vec::new(),
        };
        Some(ImportRecord { from: text("from"), file: text("file"), notes })
    }

    /// Where the report came from and how complete it is, on one line:
    /// “导入自 pdf 文件：每一格都已读取，位置确定。”.
    pub fn origin_text(&self, lang: Lang) -> String {
        let from = self.from.as_deref().unwrap_or("?");
        match lang {
            Lang::Zh => format!("导入自 {from} 文件：{}", self.summary(lang)),
            Lang::En => format!("imported from {from}: {}", self.summary(lang)),
        }
    }

    /// One line that says how complete the import is.
    pub fn summary(&self, lang: Lang) -> String {
        let missing = self.notes.iter().filter(|n| n.loses_cells()).count();
        let guessed = self.notes.iter().filter(|n| n.is_guess()).count();
        match (missing, guessed, lang) {
            (0, 0, Lang::Zh) => "每一格都已读取，位置确定。".into(),
            (0, 0, Lang::En) => "Every cell was read, each in its certain place.".into(),
            (0, g, Lang::Zh) => format!("每一格都已读取；其中 {g} 处的位置请对照原文核对。"),
            (0, g, Lang::En) => format!("Every cell was read; check {g} of the places against the original."),
            (m, _, Lang::Zh) => format!("有 {m} 处的格子未能导入（留空），请对照原文补上。"),
            (m, _, Lang::En) => {
                format!("{m} places could not be imported (left blank); fill them in from the original.")
            }
        }
    }
}

/// Said when a file given to the importer is already the format's JSON.
pub fn already_json(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "这已是 JSON 文件，无需导入；请用 nianbao check 检查它",
        Lang::En => "this is a JSON file already, nothing to import; check it with nianbao check",
    }
}

/// Why a file could not be imported at all. Each says what the file is, why
/// it cannot be read, and what to do instead.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// Nothing in it.
    Empty,
    /// Larger than the importer takes (bytes).
    TooLarge { size: usize, limit: usize },
    /// Plainly another kind of file: `image`, `doc` (old Word or WPS),
    /// `archive`, or `text` that is not about 政府信息公开.
    NotAReport { what: &'static str, name: Option<String> },
    /// Text in another encoding than UTF-8.
    NotUtf8 { encoding: crate::encoding::Encoding },
    /// A `.docx` that is not a valid zip archive.
    WordDamaged,
    /// A zip archive without a Word body.
    WordNoBody,
    /// A `.docx` compressed in a way Word does not write.
    WordCompression { method: u16 },
    /// A part of the file would inflate beyond the limit (a zip bomb, or
    /// something that is no report).
    Inflated { limit: usize },
    /// This build reads no PDF (the viewer hands PDFs to the importer).
    PdfNotBuiltIn,
    /// A PDF whose pages are pictures: a scan.
    PdfScanned { pages: usize },
    /// A PDF that needs a password to open.
    PdfPassword,
    /// A PDF whose fonts do not say what text their glyphs are.
    PdfUnreadableText,
    /// A PDF that cannot be read; the reason, in English, for the record.
    PdfDamaged { reason: String },
    /// A PDF with more pages than any report has.
    PdfTooManyPages { pages: usize, limit: usize },
}

/// A file larger than any report, in words: for the importer's refusal and
/// the app's refusal of a report file alike.
pub fn too_large(size: usize, limit: usize, lang: Lang) -> String {
    let mb = |n: usize| crate::decimal::write((n as f64 / 1_048_576.0 * 10.0).round() / 10.0);
    let (size, limit) = (mb(size), mb(limit));
    match lang {
        Lang::Zh => format!("文件有 {size} MB，超过年报文件可能的大小（{limit} MB），没有打开。一份年报的 JSON 通常不到 1 MB；请确认选择的是年报文件。页面上的报告不受影响。"),
        Lang::En => format!("The file is {size} MB, more than any annual report ({limit} MB), and was not opened. A report's JSON is usually under 1 MB; check that this is the report's file. The report on screen is unaffected."),
    }
}

impl Refusal {
    /// The refusal in words.
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let mb = |n: usize| crate::decimal::write((n as f64 / 1_048_576.0 * 10.0).round() / 10.0);
        match self {
            Refusal::Empty => if zh { "文件是空的。" } else { "The file is empty." }.into(),
            Refusal::TooLarge { size, limit } => too_large(*size, *limit, lang),
            Refusal::NotAReport { what, name } => {
                let name = name.as_deref().map(|n| if zh { format!("“{n}”") } else { format!("“{n}” ") });
                let name = name.unwrap_or_default();
                match (*what, zh) {
                    ("image", true) => format!("{name}是一张图片，图片中的数字无法读取。请向发布机关索取 Word 文件或网页版本，或用空白模板手工录入。"),
                    ("image", false) => format!("{name}is a picture; the numbers in a picture cannot be read. Ask the agency for the Word file or the web page, or type the report in from the blank template."),
                    ("doc", true) => format!("{name}是旧版 Word（.doc）或 WPS 文件，无法直接读取。请在 Word 或 WPS 中“另存为”.docx 或 PDF 后再打开。"),
                    ("doc", false) => format!("{name}is an old Word (.doc) or WPS file, which cannot be read directly. Save it as .docx or PDF in Word or WPS and open that."),
                    ("archive", true) => format!("{name}是压缩包，请先解压，再打开其中的年报文件。"),
                    ("archive", false) => format!("{name}is an archive; extract it first and open the report inside."),
                    (_, true) => format!("{name}不像是政府信息公开工作年度报告：其中没有“政府信息公开”或“年度报告”字样。请确认打开的是年报（PDF、Word、网页或 JSON 文件）。"),
                    (_, false) => format!("{name}does not look like a government information-disclosure annual report: it never says 政府信息公开 or 年度报告. Check that this is the report (PDF, Word, web page or JSON)."),
                }
            }
            Refusal::NotUtf8 { encoding } => {
                use crate::encoding::Encoding;
                match (encoding, zh) {
                    (Encoding::Gbk, true) => "文件不是 UTF-8 编码，看起来是 GBK（国标）编码。请用记事本或其他编辑器“另存为”UTF-8 编码后再打开。".into(),
                    (Encoding::Gbk, false) => "The file is not UTF-8; it looks like GBK. Save it again as UTF-8 and open it again.".into(),
                    (Encoding::Utf16Le | Encoding::Utf16Be, true) => "文件是 UTF-16 编码。请“另存为”UTF-8 编码后再打开。".into(),
                    (Encoding::Utf16Le | Encoding::Utf16Be, false) => "The file is UTF-16. Save it again as UTF-8 and open it again.".into(),
                    (Encoding::Unknown, true) => "无法识别这个文件：它不是 PDF、Word（.docx）、网页、文本或 JSON 文件，可能已损坏。".into(),
                    (Encoding::Unknown, false) => "This file cannot be recognised: it is not a PDF, Word (.docx), web page, text or JSON file, and may be damaged.".into(),
                }
            }
            Refusal::WordDamaged => if zh {
                "文件不是有效的 .docx（Word）文件，可能已损坏。请用 Word 重新保存后再打开。"
            } else {
                "The file is not a valid .docx (Word) file; it may be damaged. Save it again from Word."
            }
            .into(),
            Refusal::WordNoBody => if zh {
                "这个压缩文件里没有 Word 正文（word/document.xml），不是 .docx 文件。"
            } else {
                "This archive has no Word body (word/document.xml); it is not a .docx file."
            }
            .into(),
            Refusal::WordCompression { method } => {
                if zh {
                    format!("这个 .docx 文件使用了不支持的压缩方式（{method}）。请用 Word 重新保存。")
                } else {
                    format!("This .docx uses an unsupported compression method ({method}). Save it again from Word.")
                }
            }
            Refusal::Inflated { limit } => {
                if zh {
                    format!(
                        "文件解压后超过 {} MB，不像是一份年报（可能是损坏或恶意构造的文件），已停止读取。",
                        mb(*limit)
                    )
                } else {
                    format!("The file inflates to more than {} MB, which no annual report does (it may be damaged or built to attack); reading stopped.", mb(*limit))
                }
            }
            Refusal::PdfNotBuiltIn => {
                if zh { "这个版本不含 PDF 读取功能。" } else { "This build cannot read PDF files." }.into()
            }
            Refusal::PdfScanned { pages } => {
                if zh {
                    format!("这个 PDF 的 {pages} 页都是图片（扫描件），没有文字层，其中的数字无法读取。请向发布机关索取 Word 文件或网页版本，或用空白模板手工录入。")
                } else {
                    format!("The {pages} pages of this PDF are pictures (a scan) with no text layer, so its numbers cannot be read. Ask the agency for the Word file or the web page, or type the report in from the blank template.")
                }
            }
            Refusal::PdfPassword => if zh {
                "这个 PDF 设有打开密码，无法读取。请向发布机关索取未加密的文件。"
            } else {
                "This PDF needs a password to open, so it cannot be read. Ask the agency for a file without one."
            }
            .into(),
            Refusal::PdfUnreadableText => if zh {
                "这个 PDF 的字体没有记录文字编码，无法从中读出文字和数字（复制出来会是乱码）。请向发布机关索取 Word 文件或网页版本，或用空白模板手工录入。"
            } else {
                "This PDF's fonts do not record which characters their glyphs are, so no text or number can be read from it (copying gives gibberish). Ask the agency for the Word file or the web page, or type the report in from the blank template."
            }
            .into(),
            Refusal::PdfDamaged { reason } => {
                if zh {
                    format!("这个 PDF 文件已损坏或不完整，无法读取。请重新下载，或用其他方式（网页、Word 文件）导入。（技术信息：{reason}）")
                } else {
                    format!("This PDF is damaged or incomplete and cannot be read ({reason}). Download it again, or import the web page or the Word file instead.")
                }
            }
            Refusal::PdfTooManyPages { pages, limit } => {
                if zh {
                    format!("这个 PDF 有 {pages} 页，超过一份年报可能的 {limit} 页，不像是年报。")
                } else {
                    format!("This PDF has {pages} pages, more than the {limit} any annual report has; it does not look like one.")
                }
            }
        }
    }
}

impl Refusal {
    fn code(&self) -> &'static str {
        match self {
            Refusal::Empty => "empty",
            Refusal::TooLarge { .. } => "too-large",
            Refusal::NotAReport { .. } => "not-a-report",
            Refusal::NotUtf8 { .. } => "not-utf8",
            Refusal::WordDamaged => "word-damaged",
            Refusal::WordNoBody => "word-no-body",
            Refusal::WordCompression { .. } => "word-compression",
            Refusal::Inflated { .. } => "inflated",
            Refusal::PdfNotBuiltIn => "pdf-not-built-in",
            Refusal::PdfScanned { .. } => "pdf-scanned",
            Refusal::PdfPassword => "pdf-password",
            Refusal::PdfUnreadableText => "pdf-unreadable-text",
            Refusal::PdfDamaged { .. } => "pdf-damaged",
            Refusal::PdfTooManyPages { .. } => "pdf-too-many-pages",
        }
    }

    /// The refusal as data, for the browser's importer module to hand back.
    pub fn to_json(&self) -> Value {
        let mut o = Object::new();
        o.insert("refusal", Value::String(self.code().into()));
        let n = |v: usize| Value::Number(Number::from_f64(v as f64));
        match self {
            Refusal::TooLarge { size, limit } => {
                o.insert("size", n(*size));
                o.insert("limit", n(*limit));
            }
            Refusal::NotAReport { what, name } => {
                o.insert("what", Value::String((*what).into()));
                if let Some(name) = name {
                    o.insert("name", Value::String(name.clone()));
                }
            }
            Refusal::NotUtf8 { encoding } => {
                let code = match encoding {
                    crate::encoding::Encoding::Gbk => "gbk",
                    crate::encoding::Encoding::Utf16Le => "utf-16le",
                    crate::encoding::Encoding::Utf16Be => "utf-16be",
                    crate::encoding::Encoding::Unknown => "unknown",
                };
                o.insert("encoding", Value::String(code.into()));
            }
            Refusal::WordCompression { method } => {
                o.insert("method", n(usize::from(*method)));
            }
            Refusal::Inflated { limit } => {
                o.insert("limit", n(*limit));
            }
            Refusal::PdfScanned { pages } => {
                o.insert("pages", n(*pages));
            }
            Refusal::PdfDamaged { reason } => {
                o.insert("reason", Value::String(reason.clone()));
            }
            Refusal::PdfTooManyPages { pages, limit } => {
                o.insert("pages", n(*pages));
                o.insert("limit", n(*limit));
            }
            _ => {}
        }
        Value::Object(o)
    }

    /// A refusal handed back as data; `None` for one this version does not know.
    pub fn from_json(value: &Value) -> Option<Refusal> {
        let o = value.as_object()?;
        let n = |key: &str| match o.get(key) {
            Some(Value::Number(v)) if v.value() >= 0.0 && v.value() < 1e15 => Some(v.value() as usize),
            _ => None,
        };
        let s = |key: &str| o.get(key).and_then(Value::as_str).map(str::to_string);
        Some(match o.get("refusal")?.as_str()? {
            "empty" => Refusal::Empty,
            "too-large" => Refusal::TooLarge { size: n("size")?, limit: n("limit")? },
            "not-a-report" => {
                let what = match o.get("what")?.as_str()? {
                    "image" => "image",
                    "doc" => "doc",
                    "archive" => "archive",
                    _ => "text",
                };
                Refusal::NotAReport { what, name: s("name") }
            }
            "not-utf8" => {
                use crate::encoding::Encoding;
                let encoding = match o.get("encoding").and_then(Value::as_str) {
                    Some("gbk") => Encoding::Gbk,
                    Some("utf-16le") => Encoding::Utf16Le,
                    Some("utf-16be") => Encoding::Utf16Be,
                    _ => Encoding::Unknown,
                };
                Refusal::NotUtf8 { encoding }
            }
            "word-damaged" => Refusal::WordDamaged,
            "word-no-body" => Refusal::WordNoBody,
            "word-compression" => Refusal::WordCompression { method: n("method")?.min(u16::MAX as usize) as u16 },
            "inflated" => Refusal::Inflated { limit: n("limit")? },
            "pdf-not-built-in" => Refusal::PdfNotBuiltIn,
            "pdf-scanned" => Refusal::PdfScanned { pages: n("pages")? },
            "pdf-password" => Refusal::PdfPassword,
            "pdf-unreadable-text" => Refusal::PdfUnreadableText,
            "pdf-damaged" => Refusal::PdfDamaged { reason: s("reason")? },
            "pdf-too-many-pages" => Refusal::PdfTooManyPages { pages: n("pages")?, limit: n("limit")? },
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_survive_their_json_form() {
        let all = [
            Refusal::Empty,
            Refusal::TooLarge { size: 70 << 20, limit: 64 << 20 },
            Refusal::NotAReport { what: "image", name: Some("scan.png".into()) },
            Refusal::NotAReport { what: "text", name: None },
            Refusal::NotUtf8 { encoding: crate::encoding::Encoding::Gbk },
            Refusal::WordDamaged,
            Refusal::WordNoBody,
            Refusal::WordCompression { method: 14 },
            Refusal::Inflated { limit: 32 << 20 },
            Refusal::PdfNotBuiltIn,
            Refusal::PdfScanned { pages: 6 },
            Refusal::PdfPassword,
            Refusal::PdfUnreadableText,
            Refusal::PdfDamaged { reason: "no trailer".into() },
            Refusal::PdfTooManyPages { pages: 20_000, limit: 500 },
        ];
        for refusal in all {
            let back = Refusal::from_json(&crate::json::parse(&refusal.to_json().to_json()).unwrap().value);
            assert_eq!(back.as_ref(), Some(&refusal));
            for lang in [Lang::Zh, Lang::En] {
                assert!(!refusal.message(lang).is_empty());
            }
        }
    }

    #[test]
    fn notes_survive_their_json_form() {
        let notes = [
            ImportNote::TemplateDetected(DetectedTemplate { template: Template::T2021, single_other: true }),
            ImportNote::SectionMissing { key: "appeals".into() },
            ImportNote::SectionUnheaded { key: "problems".into() },
            ImportNote::RowMissing { pointer: "/applications/received".into() },
            ImportNote::RowAmbiguous { pointer: "/appeals".into(), found: 14, expected: 15 },
            ImportNote::RowPlacedByLabel { pointer: "/applications/results/other/misc".into() },
            ImportNote::PlacedInReadingOrder { pointer: "/applications".into() },
            ImportNote::LabelMisspelt {
                pointer: "/proactive/licensing".into(),
                found: "行政许可（件）".into(),
                expected: "行政许可".into(),
            },
            ImportNote::FieldMissing { key: "agency".into() },
            ImportNote::TextDropped { text: "分享到：微信 微博".into() },
            ImportNote::FileRepaired,
        ];
        let record = ImportRecord { from: Some("pdf".into()), file: Some("年报.pdf".into()), notes: notes.to_vec() };
        let back = ImportRecord::from_json(&crate::json::parse(&record.to_json().to_json()).unwrap().value);
        assert_eq!(back, Some(record));
    }
}
