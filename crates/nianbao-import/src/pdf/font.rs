//! A PDF font as far as text extraction needs it: how its string bytes split
//! into character codes, what Unicode text each code stands for, and how far
//! each advances the pen.
//!
//! The fonts Chinese publishing tools write: CID-keyed fonts (`Type0`,
//! `Identity-H`/`-V` or a UCS-2 CMap) with a `ToUnicode` map (Word, WPS,
//! LibreOffice, Chromium), and simple fonts (`TrueType`, `Type1`) with a
//! `ToUnicode` map or a standard encoding. lopdf parses the dictionaries and
//! the `ToUnicode` CMap; the tables here are ours.

use lopdf::{Dictionary, Document, Encoding, Object};
use std::collections::HashMap;

/// One character code of a shown string.
#[derive(Debug, Clone, PartialEq)]
pub struct Code {
    /// The Unicode text it stands for; `None` when the font does not say.
    pub text: Option<String>,
    /// The advance, in thousandths of the font size.
    pub width: f32,
    /// The single-byte code 32, to which word spacing applies.
    pub is_space: bool,
}

#[derive(Debug, Default)]
pub struct Font {
    /// Two-byte codes (CID-keyed fonts with an Identity or UCS-2 CMap).
    two_byte: bool,
    /// Two-byte codes that are UTF-16 code units themselves (UniGB-UCS2-H).
    ucs2: bool,
    /// The `ToUnicode` map (always lopdf's `UnicodeMapEncoding`).
    to_unicode: Option<Encoding<'static>>,
    /// A simple font's byte → text, from its encoding.
    simple: Option<Vec<Option<String>>>,
    widths: HashMap<u32, f32>,
    default_width: f32,
}

/// The most entries read from a font's width array: a CJK font has tens of
/// thousands of glyphs, a hostile file could claim billions.
const MAX_WIDTHS: usize = 70_000;

impl Font {
    /// Reads a font dictionary; never fails (what it cannot read, it leaves
    /// unknown: codes without text, default widths).
    pub fn read(doc: &Document, dict: &Dictionary, limit: usize) -> Font {
        let subtype = dict.get(b"Subtype").and_then(Object::as_name).unwrap_or(b"");
        let mut font = Font { default_width: 500.0, ..Font::default() };
        font.to_unicode = to_unicode(doc, dict, limit);
        if subtype == b"Type0" {
            let encoding = dict.get(b"Encoding").and_then(Object::as_name).unwrap_or(b"Identity-H");
            font.two_byte = true;
            font.ucs2 = encoding.starts_with(b"UniGB-UCS2") || encoding.starts_with(b"UniGB-UTF16");
            font.default_width = 1000.0;
            if let Some(descendant) = first_descendant(doc, dict) {
                if let Ok(dw) = descendant.get(b"DW").and_then(|o| deref(doc, o).as_float()) {
                    font.default_width = dw;
                }
                if let Ok(Object::Array(w)) = descendant.get(b"W").map(|o| deref(doc, o)) {
                    font.widths = cid_widths(doc, w);
                }
            }
        } else {
            if font.to_unicode.is_none() {
                font.simple = simple_table(doc, dict, limit);
            }
            let first = dict.get(b"FirstChar").and_then(|o| deref(doc, o).as_i64()).unwrap_or(0);
            if let Ok(Object::Array(w)) = dict.get(b"Widths").map(|o| deref(doc, o)) {
                for (i, width) in w.iter().take(256).enumerate() {
                    if let Ok(width) = deref(doc, width).as_float() {
                        font.widths.insert((first + i as i64).clamp(0, 255) as u32, width);
                    }
                }
            }
            if font.widths.is_empty() {
                // A standard font without widths: Helvetica's digits are 556.
                font.default_width = 556.0;
            }
        }
        font
    }

    /// The codes of a shown string.
    pub fn codes(&self, bytes: &[u8]) -> Vec<Code> {
        let mut out = Vec::with_capacity(bytes.len());
        if self.two_byte {
            for pair in bytes.chunks(2) {
                let code = pair.iter().fold(0u32, |acc, b| acc * 256 + u32::from(*b));
                let text = self
                    .unicode(code, 2)
                    .or_else(|| self.ucs2.then(|| char::from_u32(code).map(String::from)).flatten());
                out.push(Code { text, width: self.width(code), is_space: false });
            }
        } else {
            for &b in bytes {
                let code = u32::from(b);
                let text = self
                    .unicode(code, 1)
                    .or_else(|| self.simple.as_ref().and_then(|t| t[b as usize].clone()))
                    .or_else(|| {
                        (self.to_unicode.is_none() && self.simple.is_none() && b.is_ascii_graphic())
                            .then(|| char::from(b).to_string())
                    });
                out.push(Code { text, width: self.width(code), is_space: b == b' ' });
            }
        }
        out
    }

    fn unicode(&self, code: u32, len: u8) -> Option<String> {
        let bytes = code.to_be_bytes();
        let text = self.to_unicode.as_ref()?.bytes_to_string(&bytes[4 - len as usize..]).ok()?;
        (!text.is_empty() && !text.contains('\u{fffd}')).then_some(text)
    }

    fn width(&self, code: u32) -> f32 {
        self.widths.get(&code).copied().unwrap_or(self.default_width)
    }
}

/// An object, or what it refers to (one level: a width array's entries).
fn deref<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    match object {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(object),
        _ => object,
    }
}

fn first_descendant<'a>(doc: &'a Document, dict: &'a Dictionary) -> Option<&'a Dictionary> {
    let descendants = deref(doc, dict.get(b"DescendantFonts").ok()?).as_array().ok()?;
    deref(doc, descendants.first()?).as_dict().ok()
}

/// A CID font's `W` array: `c [w1 w2 …]` and `c_first c_last w`.
fn cid_widths(doc: &Document, w: &[Object]) -> HashMap<u32, f32> {
    let mut widths = HashMap::new();
    let mut i = 0;
    while i < w.len() && widths.len() < MAX_WIDTHS {
        let Ok(first) = deref(doc, &w[i]).as_i64() else { break };
        match w.get(i + 1).map(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, width) in list.iter().enumerate().take(MAX_WIDTHS) {
                    if let Ok(width) = deref(doc, width).as_float() {
                        widths.insert((first + k as i64).clamp(0, u32::MAX as i64) as u32, width);
                    }
                }
                i += 2;
            }
            Some(last) => {
                let (Ok(last), Some(Ok(width))) = (last.as_i64(), w.get(i + 2).map(|o| deref(doc, o).as_float()))
                else {
                    break;
                };
                let span = (last - first).clamp(0, MAX_WIDTHS as i64);
                for code in first..=first + span {
                    widths.insert(code.clamp(0, u32::MAX as i64) as u32, width);
                }
                i += 3;
            }
            None => break,
        }
    }
    widths
}

/// The font's `ToUnicode` map, read by lopdf (which looks at `Encoding`
/// first, so it is asked about the dictionary without one).
fn to_unicode(doc: &Document, dict: &Dictionary, limit: usize) -> Option<Encoding<'static>> {
    dict.get(b"ToUnicode").ok()?;
    let mut bare = dict.clone();
    bare.remove(b"Encoding");
    match bare.get_font_encoding_with_limit(doc, limit) {
        Ok(Encoding::UnicodeMapEncoding(cmap)) => Some(Encoding::UnicodeMapEncoding(cmap)),
        _ => None,
    }
}

/// A simple font's byte → text from its encoding (WinAnsi, Standard,
/// MacRoman, with `Differences`).
fn simple_table(doc: &Document, dict: &Dictionary, limit: usize) -> Option<Vec<Option<String>>> {
    dict.get(b"Encoding").ok()?;
    let encoding = dict.get_font_encoding_with_limit(doc, limit).ok()?;
    Some(
        (0u8..=255)
            .map(|b| {
                encoding.bytes_to_string(&[b]).ok().filter(|t| !t.is_empty() && !t.contains('\u{fffd}') && t != "\0")
            })
            .collect(),
    )
}
