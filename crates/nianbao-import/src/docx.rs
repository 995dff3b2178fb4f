//! `.docx` files: a zip archive whose `word/document.xml` holds the text and
//! the tables. We find that entry ourselves (a few bounds-checked reads of
//! the central directory) and inflate it with `miniz_oxide`, under a hard
//! cap, in the browser as in the CLI.
//!
//! The XML becomes the same text the text importer reads: paragraphs as
//! lines, table rows as tab-separated lines. Word writes a vertically merged
//! cell (`w:vMerge`) as an empty cell in every row it covers and a
//! horizontally merged one (`w:gridSpan`) as one cell, so cells keep their
//! places as they do in HTML. The tags are read by `markup.rs`, as a
//! page's are, and written through the same `Rows`.

use crate::markup::{self, Rows, Token};
use crate::{import_text, ImportOptions, Imported, Refusal};

/// The name of the document part inside a `.docx` archive.
pub const DOCUMENT_PART: &str = "word/document.xml";

/// One entry of a zip archive, still compressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ZipEntry<'a> {
    /// 0 for stored, 8 for DEFLATE.
    pub method: u16,
    pub data: &'a [u8],
    pub uncompressed_size: u32,
}

/// Why a file could not be read as a `.docx`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocxError {
    /// Not a zip archive (or a damaged one).
    NotZip,
    /// A zip archive without `word/document.xml`: not a Word document.
    NoDocument,
    /// Compressed with a method other than stored or DEFLATE.
    UnsupportedCompression(u16),
}

impl From<DocxError> for Refusal {
    fn from(e: DocxError) -> Refusal {
        match e {
            DocxError::NotZip => Refusal::WordDamaged,
            DocxError::NoDocument => Refusal::WordNoBody,
            DocxError::UnsupportedCompression(method) => Refusal::WordCompression { method },
        }
    }
}

/// The XML of a `.docx` file's body, inflated with a hard cap
/// ([`crate::limits::MAX_INFLATED_BYTES`]) whatever the archive declares, so
/// a zip bomb is refused after reading at most that much.
pub fn read_document_xml(bytes: &[u8]) -> Result<String, Refusal> {
    let entry = zip_entry(bytes, DOCUMENT_PART)?;
    let limit = crate::limits::MAX_INFLATED_BYTES;
    if entry.uncompressed_size as usize > limit {
        return Err(Refusal::Inflated { limit });
    }
    let xml = match entry.method {
        0 => entry.data.to_vec(),
        _ => miniz_oxide::inflate::decompress_to_vec_with_limit(entry.data, limit).map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => Refusal::Inflated { limit },
            _ => Refusal::WordDamaged,
        })?,
    };
    String::from_utf8(xml).map_err(|_| Refusal::WordDamaged)
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

/// Whether the bytes start like a zip archive.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Finds an entry of a zip archive through its central directory. Every
/// offset is bounds-checked: a damaged archive is an error, never a panic.
pub fn zip_entry<'a>(bytes: &'a [u8], name: &str) -> Result<ZipEntry<'a>, DocxError> {
    const END: u32 = 0x0605_4b50;
    const CENTRAL: u32 = 0x0201_4b50;
    const LOCAL: u32 = 0x0403_4b50;
    // The end record is in the last 22 + 65,535 bytes (its comment is at most that).
    let search_from = bytes.len().saturating_sub(22 + 65_535);
    let end = (search_from..bytes.len().saturating_sub(21))
        .rev()
        .find(|&i| u32_at(bytes, i) == Some(END))
        .ok_or(DocxError::NotZip)?;
    let count = u16_at(bytes, end + 10).ok_or(DocxError::NotZip)? as usize;
    let mut at = u32_at(bytes, end + 16).ok_or(DocxError::NotZip)? as usize;
    for _ in 0..count {
        if u32_at(bytes, at) != Some(CENTRAL) {
            return Err(DocxError::NotZip);
        }
        let method = u16_at(bytes, at + 10).ok_or(DocxError::NotZip)?;
        let compressed = u32_at(bytes, at + 20).ok_or(DocxError::NotZip)? as usize;
        let uncompressed_size = u32_at(bytes, at + 24).ok_or(DocxError::NotZip)?;
        let name_len = u16_at(bytes, at + 28).ok_or(DocxError::NotZip)? as usize;
        let extra_len = u16_at(bytes, at + 30).ok_or(DocxError::NotZip)? as usize;
        let comment_len = u16_at(bytes, at + 32).ok_or(DocxError::NotZip)? as usize;
        let local = u32_at(bytes, at + 42).ok_or(DocxError::NotZip)? as usize;
        let entry_name = bytes.get(at + 46..at + 46 + name_len).ok_or(DocxError::NotZip)?;
        if entry_name == name.as_bytes() {
            if u32_at(bytes, local) != Some(LOCAL) {
                return Err(DocxError::NotZip);
            }
            let local_name = u16_at(bytes, local + 26).ok_or(DocxError::NotZip)? as usize;
            let local_extra = u16_at(bytes, local + 28).ok_or(DocxError::NotZip)? as usize;
            let start = local + 30 + local_name + local_extra;
            let data = bytes.get(start..start.saturating_add(compressed)).ok_or(DocxError::NotZip)?;
            if method != 0 && method != 8 {
                return Err(DocxError::UnsupportedCompression(method));
            }
            return Ok(ZipEntry { method, data, uncompressed_size });
        }
        at += 46 + name_len + extra_len + comment_len;
    }
    Err(DocxError::NoDocument)
}

/// Imports a report from the XML of a `.docx` file's `word/document.xml`.
pub fn import_docx_xml(xml: &str, options: &ImportOptions) -> Imported {
    import_text(&docx_xml_to_text(xml), options)
}

/// The text of a Word document's XML: paragraphs as lines, table rows as
/// tab-separated lines.
pub fn docx_xml_to_text(xml: &str) -> String {
    let mut rows = Rows::with_capacity(xml.len() / 8);
    // Only runs' text (`<w:t>`) is text; the rest is markup and properties.
    let mut in_text = false;
    for token in markup::tags(xml, &[]) {
        match token {
            Token::Text(text) if in_text => rows.text(text),
            Token::Text(_) => {}
            Token::Open { name, self_closing } => match &*name {
                "w:t" => in_text = !self_closing,
                "w:tab" | "w:br" | "w:cr" => rows.text(" "),
                "w:tr" => rows.row_end(),
                "w:tc" => rows.cell_open(),
                _ => {}
            },
            Token::Close(name) => match &*name {
                "w:t" => in_text = false,
                "w:tab" | "w:br" | "w:cr" => rows.text(" "),
                "w:tr" => rows.row_end(),
                "w:tc" => rows.cell_close(),
                "w:p" => rows.block_break(),
                _ => {}
            },
        }
    }
    rows.into_text()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_xml_to_text() {
        let xml = r#"<w:document><w:body><w:p><w:r><w:t>二、主动公开政府信息情况</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>规章</w:t></w:r></w:p></w:tc>
            <w:tc><w:p><w:r><w:t>1</w:t></w:r><w:r><w:t>2</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc>
            <w:tc><w:p><w:r><w:t xml:space="preserve">3 &amp; </w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:t>五、存在的主要问题</w:t></w:r><w:r><w:tab/><w:t>及改进情况</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(docx_xml_to_text(xml), "二、主动公开政府信息情况\n规章\t12\t\t3 &\n五、存在的主要问题 及改进情况\n");
    }

    #[test]
    fn word_xml_is_read_as_a_page_is() {
        // The declaration and comments are no text; names are whole names.
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document><w:body>\
            <!-- <w:p><w:r><w:t>not this</w:t></w:r></w:p> --><w:tbl><w:tr><w:tc><w:p><w:r><w:t>规章</w:t></w:r></w:p></w:tc>\
            <w:tc><w:tcPr><w:tcW w:w=\"60\"/></w:tcPr><w:p><w:r><w:t/><w:t>1</w:t><w:br/><w:t>0</w:t></w:r></w:p></w:tc></w:tr>\
            </w:tbl></w:body></w:document>";
        assert_eq!(docx_xml_to_text(xml), "规章\t1 0\n");
    }

    #[test]
    fn damaged_archives_are_errors() {
        assert_eq!(zip_entry(b"", DOCUMENT_PART), Err(DocxError::NotZip));
        assert_eq!(zip_entry(b"PK\x03\x04garbage", DOCUMENT_PART), Err(DocxError::NotZip));
        let mut end = vec![0u8; 22];
        end[..4].copy_from_slice(&0x0605_4b50u32.to_le_bytes());
        end[10] = 3; // three entries, none there
        end[16..20].copy_from_slice(&1000u32.to_le_bytes());
        assert_eq!(zip_entry(&end, DOCUMENT_PART), Err(DocxError::NotZip));
        end[10] = 0;
        assert_eq!(zip_entry(&end, DOCUMENT_PART), Err(DocxError::NoDocument));
    }
}
