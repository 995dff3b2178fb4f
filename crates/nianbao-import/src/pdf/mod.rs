//! PDF files: the text layer read with the position of every glyph, the
//! report rebuilt from geometry (`geometry.rs`), then read by the text
//! importer like any other text.
//!
//! lopdf reads the file's structure (cross-reference tables and streams,
//! object streams, Flate, encryption with an empty user password); the fonts
//! (`font.rs`), the content streams (`content.rs`) and the layout are ours.
//! Every stage is bounded ([`crate::limits`]), and a panic inside lopdf is
//! caught where the platform allows it (natively; in the browser the PDF
//! reader runs in a module of its own, which the app drops and restarts).

mod content;
mod font;
pub mod geometry;

use crate::limits::{MAX_INFLATED_BYTES, MAX_PDF_INFLATED_BYTES, MAX_PDF_OPERATIONS, MAX_PDF_PAGES};
use crate::{import_text, ImportNote, ImportOptions, Imported, Refusal};
use geometry::PageContent;
use lopdf::{Dictionary, Document, Object};

/// Imports a report from a PDF file.
pub fn import_pdf(bytes: &[u8], options: &ImportOptions) -> Result<Imported, Refusal> {
    let (pages, repaired) = catch(|| read_pages_unguarded(bytes))??;
    let laid = geometry::lay_out(&pages);
    let mut imported = import_text(&laid.text, options);
    if repaired {
        imported.notes.insert(0, ImportNote::FileRepaired);
    }
    for text in laid.dropped {
        imported.notes.push(ImportNote::TextDropped { text });
    }
    Ok(imported)
}

/// The text a PDF's pages show, laid out as the text importer reads it
/// (for tests and for looking at what the importer saw).
pub fn pdf_text(bytes: &[u8]) -> Result<String, Refusal> {
    Ok(geometry::lay_out(&read_pages(bytes)?).text)
}

/// Every page's glyphs and lines.
pub fn read_pages(bytes: &[u8]) -> Result<Vec<PageContent>, Refusal> {
    Ok(catch(|| read_pages_unguarded(bytes))??.0)
}

/// The pages, and whether the file's structure had to be rebuilt (a damaged
/// or truncated file: what could be found was read).
fn read_pages_unguarded(bytes: &[u8]) -> Result<(Vec<PageContent>, bool), Refusal> {
    let doc = load(bytes)?;
    let repaired = doc.xref_recovery.is_some();
    // Brotli is left out of this reader (see the workspace Cargo.toml): a
    // file that uses it is refused by name, never read as empty pages.
    let brotli = doc.objects.values().any(|o| match o {
        Object::Stream(s) => match s.dict.get(b"Filter") {
            Ok(Object::Name(n)) => n == b"BrotliDecode",
            Ok(Object::Array(a)) => a.iter().any(|f| f.as_name().is_ok_and(|n| n == b"BrotliDecode")),
            _ => false,
        },
        _ => false,
    });
    if brotli {
        return Err(Refusal::PdfDamaged {
            reason: "it is compressed with BrotliDecode (PDF 2.0), which is not read".into(),
        });
    }
    // A page tree that lists a node among its own descendants would list
    // the same pages again and again: the first repeat ends the reading.
    let mut seen = std::collections::HashSet::new();
    let mut page_ids = Vec::new();
    for id in doc.page_iter().take(MAX_PDF_PAGES + 1) {
        if !seen.insert(id) {
            return Err(Refusal::PdfDamaged { reason: "its page tree loops".into() });
        }
        page_ids.push(id);
    }
    if page_ids.len() > MAX_PDF_PAGES {
        let pages = doc.get_pages().len().max(page_ids.len());
        return Err(Refusal::PdfTooManyPages { pages, limit: MAX_PDF_PAGES });
    }
    if page_ids.is_empty() {
        return Err(Refusal::PdfDamaged { reason: "no pages".into() });
    }
    let mut fonts = Default::default();
    let mut budget = content::Budget { operations: MAX_PDF_OPERATIONS, inflated: MAX_PDF_INFLATED_BYTES };
    let mut pages = Vec::with_capacity(page_ids.len());
    for id in page_ids {
        let page = doc.get_dictionary(id).ok();
        let media_box = page.and_then(|p| media_box(&doc, p)).unwrap_or([0.0, 0.0, 595.0, 842.0]);
        let limit = budget.inflated.min(MAX_INFLATED_BYTES);
        let data = match doc.get_page_content_with_limit(id, limit) {
            Ok(data) => data,
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
                return Err(Refusal::Inflated { limit });
            }
            Err(_) => Vec::new(),
        };
        budget.inflated = budget.inflated.saturating_sub(data.len());
        let (own, inherited) = doc.get_page_resources(id).unwrap_or((None, Vec::new()));
        let mut resources: Vec<&Dictionary> = own.into_iter().collect();
        resources.extend(inherited.iter().filter_map(|r| doc.get_dictionary(*r).ok()));
        let rotate = page.and_then(|p| page_attribute(&doc, p, b"Rotate")).and_then(|o| o.as_i64().ok()).unwrap_or(0);
        let mut interpreter = content::Interpreter::new(&doc, &mut fonts, &mut budget, media_box, rotate);
        interpreter.run(&data, &resources, 0);
        let exhausted = interpreter.exhausted();
        pages.push(interpreter.finish());
        if exhausted {
            return Err(Refusal::PdfDamaged { reason: "too many drawing operations".into() });
        }
    }
    let glyphs: usize = pages.iter().map(|p| p.glyphs.len()).sum();
    if glyphs == 0 || glyphs < 20 * pages.len() / 2 && pages.iter().any(|p| p.images > 0) {
        // Pictures of pages, or words nobody can read from them. A
        // recognised (OCR) text layer is invisible text over a scan: its
        // numbers are the recogniser's guesses, not the published ones.
        let unknown: usize = pages.iter().map(|p| p.unknown_glyphs).sum();
        if unknown > 0 && pages.iter().all(|p| p.images == 0) {
            return Err(Refusal::PdfUnreadableText);
        }
        return Err(Refusal::PdfScanned { pages: pages.len() });
    }
    let unknown: usize = pages.iter().map(|p| p.unknown_glyphs).sum();
    if unknown > glyphs {
        return Err(Refusal::PdfUnreadableText);
    }
    Ok((pages, repaired))
}

/// Loads the file's structure; an empty user password is tried (lopdf does
/// this itself), anything else needs one the user does not have.
fn load(bytes: &[u8]) -> Result<Document, Refusal> {
    let options = lopdf::LoadOptions { max_decompressed_size: Some(MAX_INFLATED_BYTES), ..Default::default() };
    // Called inside `catch` (read_pages, import_pdf): a panic here is a refusal.
    match Document::load_mem_with_options(bytes, options) {
        Ok(doc) if doc.is_encrypted() && doc.encryption_state.is_none() => Err(Refusal::PdfPassword),
        Ok(doc) => Ok(doc),
        Err(lopdf::Error::InvalidPassword) => Err(Refusal::PdfPassword),
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { limit })) => {
            Err(Refusal::Inflated { limit })
        }
        Err(e) => Err(Refusal::PdfDamaged { reason: damage(&e) }),
    }
}

/// A short English reason for the record (the message around it is in the
/// user's language).
fn damage(e: &lopdf::Error) -> String {
    let text = e.to_string();
    let text: String = text.chars().take(80).collect();
    if text.is_empty() {
        "unreadable structure".into()
    } else {
        text
    }
}

/// Runs lopdf, turning a panic into a refusal where panics unwind (natively).
fn catch<T>(f: impl FnOnce() -> T) -> Result<T, Refusal> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
        .map_err(|_| Refusal::PdfDamaged { reason: "the PDF reader failed on this file".into() })
}

/// A page attribute, inherited from the page tree when the page has none.
fn page_attribute<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..32 {
        if let Ok(object) = node.get(key) {
            return match object {
                Object::Reference(id) => doc.get_object(*id).ok(),
                other => Some(other),
            };
        }
        node = doc.get_dictionary(node.get(b"Parent").ok()?.as_reference().ok()?).ok()?;
    }
    None
}

/// A page's MediaBox, inherited from the page tree when the page has none.
fn media_box(doc: &Document, page: &Dictionary) -> Option<[f32; 4]> {
    let mut node = page;
    for _ in 0..32 {
        if let Ok(object) = node.get(b"MediaBox") {
            let array = match object {
                Object::Reference(id) => doc.get_object(*id).ok()?.as_array().ok()?,
                other => other.as_array().ok()?,
            };
            let v: Vec<f32> = array.iter().filter_map(|o| o.as_float().ok()).collect();
            let good = v.len() == 4 && v.iter().all(|x| x.is_finite()) && (v[2] - v[0]).abs() > 10.0;
            return good.then(|| [v[0], v[1], v[2], v[3]]);
        }
        node = doc.get_dictionary(node.get(b"Parent").ok()?.as_reference().ok()?).ok()?;
    }
    None
}
