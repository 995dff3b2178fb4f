//! A PDF font as far as text extraction needs it: how its string bytes split
//! into character codes, what Unicode text each code stands for, and how far
//! each advances the pen.
//!
//! The fonts Chinese publishing tools write: CID-keyed fonts (`Type0`,
//! `Identity-H`/`-V` or a UCS-2 CMap) with a `ToUnicode` map (Word, WPS,
//! LibreOffice, Chromium), and simple fonts (`TrueType`, `Type1`) with a
//! `ToUnicode` map or a standard encoding. lopdf parses the dictionaries;
//! the `ToUnicode` CMaps and the encodings are read here (lopdf's own font
//! decoding brings a 1 MB table of glyph names into the browser's module).

use lopdf::{Dictionary, Document, Object};
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
    /// The `ToUnicode` map: (code length, code) → text.
    to_unicode: Option<HashMap<(u8, u32), String>>,
    /// A simple font's byte → text, from its encoding.
    simple: Option<Vec<Option<String>>>,
    widths: HashMap<u32, f32>,
    default_width: f32,
    /// A symbolic simple font (its descriptor says so): its codes are its
    /// own, not ASCII, so without a ToUnicode map or glyph names they are
    /// unknown, never guessed (a guessed digit would be a wrong number).
    symbolic: bool,
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
            let flags = dict
                .get(b"FontDescriptor")
                .ok()
                .and_then(|d| deref(doc, d).as_dict().ok())
                .and_then(|d| d.get(b"Flags").ok())
                .and_then(|f| deref(doc, f).as_i64().ok())
                .unwrap_or(0);
            font.symbolic = flags & 4 != 0 && flags & 32 == 0;
            if font.to_unicode.is_none() {
                font.simple = simple_table(doc, dict, limit, font.symbolic);
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
                        (self.to_unicode.is_none() && self.simple.is_none() && !self.symbolic && b.is_ascii_graphic())
                            .then(|| char::from(b).to_string())
                    });
                out.push(Code { text, width: self.width(code), is_space: b == b' ' });
            }
        }
        out
    }

    fn unicode(&self, code: u32, len: u8) -> Option<String> {
        let text = self.to_unicode.as_ref()?.get(&(len, code))?;
        (!text.is_empty() && !text.contains('\u{fffd}')).then(|| text.clone())
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

/// The font's `ToUnicode` CMap.
fn to_unicode(doc: &Document, dict: &Dictionary, limit: usize) -> Option<HashMap<(u8, u32), String>> {
    let stream = match dict.get(b"ToUnicode").ok()? {
        Object::Reference(id) => doc.get_object(*id).ok()?.as_stream().ok()?,
        Object::Stream(s) => s,
        _ => return None,
    };
    let data = stream.decompressed_content_with_limit(limit).unwrap_or_else(|_| stream.content.clone());
    let map = parse_cmap(&data);
    (!map.is_empty()).then_some(map)
}

/// The most mappings read from one CMap (a CJK font maps some 30,000).
const MAX_MAPPINGS: usize = 200_000;

/// A token of a CMap: a hex string, a number, a keyword, an array's bounds.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Hex(Vec<u8>),
    Word(String),
    Open,
    Close,
}

fn tokens(data: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        match b {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) != Some(&b'<') => {
                let end = data[i..].iter().position(|&c| c == b'>').map_or(data.len(), |p| i + p);
                let digits: Vec<u8> = data[i + 1..end].iter().filter(|c| c.is_ascii_hexdigit()).copied().collect();
                let bytes = digits
                    .chunks(2)
                    .map(|pair| {
                        let hex = |c: u8| (c as char).to_digit(16).unwrap_or(0) as u8;
                        hex(pair[0]) * 16 + pair.get(1).map_or(0, |&c| hex(c))
                    })
                    .collect();
                out.push(Token::Hex(bytes));
                i = end + 1;
                continue;
            }
            b'[' => out.push(Token::Open),
            b']' => out.push(Token::Close),
            c if c.is_ascii_whitespace() || c == b'<' || c == b'>' => {}
            _ => {
                let start = i;
                while i < data.len() && !b" \t\r\n\x0c\0[]<>%/()".contains(&data[i]) {
                    i += 1;
                }
                if i == start {
                    i += 1;
                } else {
                    out.push(Token::Word(String::from_utf8_lossy(&data[start..i]).into_owned()));
                }
                continue;
            }
        }
        i += 1;
    }
    out
}

/// UTF-16BE bytes as text.
fn utf16(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes.chunks(2).map(|p| u16::from(p[0]) << 8 | u16::from(*p.get(1).unwrap_or(&0))).collect();
    String::from_utf16_lossy(&units)
}

fn code_of(bytes: &[u8]) -> Option<(u8, u32)> {
    (!bytes.is_empty() && bytes.len() <= 4)
        .then(|| (bytes.len() as u8, bytes.iter().fold(0u32, |a, b| a << 8 | u32::from(*b))))
}

/// Reads `bfchar` and `bfrange` sections of a ToUnicode CMap.
fn parse_cmap(data: &[u8]) -> HashMap<(u8, u32), String> {
    let tokens = tokens(data);
    let mut map = HashMap::new();
    let mut i = 0;
    while i < tokens.len() && map.len() < MAX_MAPPINGS {
        match &tokens[i] {
            Token::Word(w) if w == "beginbfchar" => {
                i += 1;
                while i + 1 < tokens.len() && tokens[i] != Token::Word("endbfchar".into()) {
                    if let (Token::Hex(src), Token::Hex(dst)) = (&tokens[i], &tokens[i + 1]) {
                        if let Some(code) = code_of(src) {
                            map.insert(code, utf16(dst));
                        }
                    }
                    i += 2;
                }
            }
            Token::Word(w) if w == "beginbfrange" => {
                i += 1;
                while i + 2 < tokens.len() && tokens[i] != Token::Word("endbfrange".into()) {
                    let (Token::Hex(lo), Token::Hex(hi)) = (&tokens[i], &tokens[i + 1]) else {
                        i += 1;
                        continue;
                    };
                    let (Some((len, lo)), Some((_, hi))) = (code_of(lo), code_of(hi)) else {
                        i += 3;
                        continue;
                    };
                    let span = hi.saturating_sub(lo).min(65_535);
                    match &tokens[i + 2] {
                        Token::Hex(dst) => {
                            let mut units: Vec<u16> = dst
                                .chunks(2)
                                .map(|p| u16::from(p[0]) << 8 | u16::from(*p.get(1).unwrap_or(&0)))
                                .collect();
                            for k in 0..=span {
                                if map.len() >= MAX_MAPPINGS {
                                    break;
                                }
                                map.insert((len, lo + k), String::from_utf16_lossy(&units));
                                if let Some(last) = units.last_mut() {
                                    *last = last.wrapping_add(1);
                                }
                            }
                            i += 3;
                        }
                        Token::Open => {
                            let mut j = i + 3;
                            let mut k = 0;
                            while j < tokens.len() && tokens[j] != Token::Close {
                                if let Token::Hex(dst) = &tokens[j] {
                                    if k <= span {
                                        map.insert((len, lo + k), utf16(dst));
                                    }
                                    k += 1;
                                }
                                j += 1;
                            }
                            i = j + 1;
                        }
                        _ => i += 3,
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    map
}

/// A simple font's byte → text from its encoding: WinAnsi (which Word and
/// WPS write), Standard or MacRoman for ASCII, and `Differences` by the
/// glyph names of digits, letters and common signs (`uniXXXX` too).
fn simple_table(doc: &Document, dict: &Dictionary, _limit: usize, symbolic: bool) -> Option<Vec<Option<String>>> {
    let mut table: Vec<Option<String>> = (0u8..=255)
        .map(|b| (!symbolic && (b.is_ascii_graphic() || b == b' ')).then(|| char::from(b).to_string()))
        .collect();
    let encoding = match dict.get(b"Encoding").ok()? {
        Object::Reference(id) => doc.get_object(*id).ok()?,
        other => other,
    };
    if let Ok(d) = encoding.as_dict() {
        if let Ok(Object::Array(differences)) = d.get(b"Differences") {
            let mut code = 0usize;
            for item in differences {
                match item {
                    Object::Integer(n) => code = (*n).clamp(0, 255) as usize,
                    Object::Name(name) => {
                        if code < 256 {
                            table[code] = glyph_name(name);
                        }
                        code += 1;
                    }
                    _ => {}
                }
            }
        }
    }
    Some(table)
}

/// The text of a glyph name, for the names that digits, Latin letters and
/// common signs have.
fn glyph_name(name: &[u8]) -> Option<String> {
    let name = std::str::from_utf8(name).ok()?;
    if name.len() == 1 && name.as_bytes()[0].is_ascii_alphabetic() {
        return Some(name.to_string());
    }
    if let Some(hex) = name.strip_prefix("uni").filter(|h| h.len() == 4) {
        return u32::from_str_radix(hex, 16).ok().and_then(char::from_u32).map(String::from);
    }
    const NAMES: [(&str, char); 32] = [
        ("zero", '0'),
        ("one", '1'),
        ("two", '2'),
        ("three", '3'),
        ("four", '4'),
        ("five", '5'),
        ("six", '6'),
        ("seven", '7'),
        ("eight", '8'),
        ("nine", '9'),
        ("space", ' '),
        ("period", '.'),
        ("comma", ','),
        ("hyphen", '-'),
        ("minus", '-'),
        ("percent", '%'),
        ("parenleft", '('),
        ("parenright", ')'),
        ("colon", ':'),
        ("semicolon", ';'),
        ("slash", '/'),
        ("plus", '+'),
        ("equal", '='),
        ("underscore", '_'),
        ("at", '@'),
        ("numbersign", '#'),
        ("ampersand", '&'),
        ("asterisk", '*'),
        ("bracketleft", '['),
        ("bracketright", ']'),
        ("quotesingle", '\''),
        ("quotedbl", '"'),
    ];
    NAMES.iter().find(|(n, _)| *n == name).map(|(_, c)| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cmaps_as_word_wps_and_chromium_write_them() {
        let cmap = b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n2 beginbfchar\n<0003> <0020>\n<0e85> <6DEE>\nendbfchar\n2 beginbfrange\n<0010> <0012> <0030>\n<0020> <0021> [<5E74> <D840DC00>]\nendbfrange\nendcmap";
        let map = parse_cmap(cmap);
        assert_eq!(map.get(&(2, 0x0003)).map(String::as_str), Some(" "));
        assert_eq!(map.get(&(2, 0x0e85)).map(String::as_str), Some("淮"));
        assert_eq!(map.get(&(2, 0x0011)).map(String::as_str), Some("1"));
        assert_eq!(map.get(&(2, 0x0012)).map(String::as_str), Some("2"));
        assert_eq!(map.get(&(2, 0x0020)).map(String::as_str), Some("年"));
        assert_eq!(map.get(&(2, 0x0021)).map(String::as_str), Some("\u{20000}"));
        assert_eq!(map.get(&(2, 0x0013)), None);
    }

    #[test]
    fn hostile_cmaps_are_bounded() {
        let huge = b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange";
        assert!(parse_cmap(huge).len() <= 65_536);
        for garbage in [&b"beginbfrange <00"[..], b"beginbfchar <01> ", b"[[[[<<<<", b"endbfrange beginbfrange"] {
            let _ = parse_cmap(garbage);
        }
    }
}
