//! The reader: text to [`Value`], with duplicate keys and located syntax
//! errors.

use super::{escape_pointer_token, Number, Object, ShortText, Value};

/// The deepest nesting the reader accepts. A report needs six levels; unknown
/// keys may carry a little more. Deeper input is refused with a position rather
/// than risking the stack (100,000 nested arrays is a classic hostile input).
pub const MAX_DEPTH: usize = 128;

/// Why a text is not well-formed JSON, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    /// Byte offset into the text.
    pub offset: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SyntaxErrorKind {
    Empty,
    UnexpectedEnd,
    /// An unexpected character; `expected` says what would have fitted.
    Unexpected {
        found: char,
        expected: Expected,
    },
    TrailingCharacters,
    InvalidNumber,
    InvalidEscape,
    ControlCharacterInString,
    LoneSurrogate,
    TooDeep,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Value,
    CommaOrCloseObject,
    CommaOrCloseArray,
    Colon,
    Key,
}

/// A key that appeared twice in one object.
#[derive(Debug, Clone, PartialEq)]
pub struct DuplicateKey {
    /// Pointer to the key (its value is the last one read).
    pub pointer: String,
    pub first: Value,
    pub last: Value,
    /// Byte offsets of the two occurrences.
    pub first_offset: usize,
    pub last_offset: usize,
}

/// A well-formed document and the duplicate keys met while reading it.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub value: Value,
    pub duplicates: Vec<DuplicateKey>,
}

/// Reads one JSON document. Leading and trailing whitespace is allowed.
pub fn parse(text: &str) -> Result<Parsed, SyntaxError> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        text,
        pos: 0,
        duplicates: Vec::new(),
        path: Vec::new(),
        key_offsets: Vec::new(),
    };
    reader.skip_whitespace();
    if reader.pos == reader.bytes.len() {
        return Err(SyntaxError { kind: SyntaxErrorKind::Empty, offset: 0 });
    }
    let value = reader.value(0)?;
    reader.skip_whitespace();
    if reader.pos != reader.bytes.len() {
        return Err(reader.error(SyntaxErrorKind::TrailingCharacters));
    }
    Ok(Parsed { value, duplicates: reader.duplicates })
}

struct Reader<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
    duplicates: Vec<DuplicateKey>,
    /// Keys and indices from the root to the value being read, for the
    /// pointer of a duplicate key. Keys are kept as byte ranges of the text,
    /// so reading a document allocates nothing for them.
    path: Vec<PathToken>,
    key_offsets: Vec<usize>,
}

#[derive(Debug, Clone, Copy)]
enum PathToken {
    /// The key's string literal, quotes included: `text[start..end]`.
    Key {
        start: usize,
        end: usize,
    },
    Index(usize),
}

impl Reader<'_> {
    fn error(&self, kind: SyntaxErrorKind) -> SyntaxError {
        SyntaxError { kind, offset: self.pos }
    }

    fn unexpected(&self, expected: Expected) -> SyntaxError {
        match self.text[self.pos..].chars().next() {
            Some(found) => self.error(SyntaxErrorKind::Unexpected { found, expected }),
            None => self.error(SyntaxErrorKind::UnexpectedEnd),
        }
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn value(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        if depth >= MAX_DEPTH {
            return Err(self.error(SyntaxErrorKind::TooDeep));
        }
        match self.peek() {
            None => Err(self.error(SyntaxErrorKind::UnexpectedEnd)),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(_) => Err(self.unexpected(Expected::Value)),
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, SyntaxError> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.unexpected(Expected::Value))
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.pos += 1; // '{'
        let mut object = Object { entries: Vec::with_capacity(8) };
        // Offsets of this object's keys, for duplicate findings: kept on one
        // stack for the whole document, from `base` on.
        let base = self.key_offsets.len();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(object));
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.unexpected(Expected::Key));
            }
            let key_offset = self.pos;
            let key = self.key()?;
            let key_end = self.pos;
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return Err(self.unexpected(Expected::Colon));
            }
            self.pos += 1;
            self.skip_whitespace();
            self.path.push(PathToken::Key { start: key_offset, end: key_end });
            let value = self.value(depth + 1)?;
            self.path.pop();
            // Keys of one text are the same `ShortText` (inline up to its
            // length, zeros after), so they compare whole, without a call.
            match object.entries.iter().position(|(k, _)| *k == key) {
                Some(index) => {
                    let first = std::mem::replace(&mut object.entries[index].1, value.clone());
                    let mut pointer = self.pointer_here();
                    pointer.push('/');
                    pointer.push_str(&escape_pointer_token(&key));
                    self.duplicates.push(DuplicateKey {
                        pointer,
                        first,
                        last: value,
                        first_offset: self.key_offsets[base + index],
                        last_offset: key_offset,
                    });
                }
                None => {
                    object.entries.push((key, value));
                    self.key_offsets.push(key_offset);
                }
            }
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    self.key_offsets.truncate(base);
                    return Ok(Value::Object(object));
                }
                _ => return Err(self.unexpected(Expected::CommaOrCloseObject)),
            }
        }
    }

    /// The pointer of the object being read (only built for a duplicate).
    fn pointer_here(&self) -> String {
        let mut pointer = String::new();
        for token in &self.path {
            pointer.push('/');
            match *token {
                PathToken::Key { start, end } => {
                    // The literal was read once already, so it reads again.
                    let mut reader = Reader {
                        bytes: self.bytes,
                        text: self.text,
                        pos: start,
                        duplicates: Vec::new(),
                        path: Vec::new(),
                        key_offsets: Vec::new(),
                    };
                    let key = reader.string().unwrap_or_default();
                    debug_assert_eq!(reader.pos, end);
                    pointer.push_str(&escape_pointer_token(&key));
                }
                PathToken::Index(index) => pointer.push_str(&index.to_string()),
            }
        }
        pointer
    }

    fn array(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.pos += 1; // '['
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_whitespace();
            self.path.push(PathToken::Index(items.len()));
            let item = self.value(depth + 1)?;
            self.path.pop();
            items.push(item);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.unexpected(Expected::CommaOrCloseArray)),
            }
        }
    }

    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error(SyntaxErrorKind::InvalidNumber)),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error(SyntaxErrorKind::InvalidNumber));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error(SyntaxErrorKind::InvalidNumber));
            }
            self.digits();
        }
        Ok(Value::Number(Number::from_raw(&self.text[start..self.pos])))
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    /// Reads an object key: without an allocation when it has no escapes and
    /// is short, as every key of the format is.
    fn key(&mut self) -> Result<ShortText, SyntaxError> {
        let start = self.pos + 1;
        let length = plain_run(&self.bytes[start..]);
        if self.bytes.get(start + length) == Some(&b'"') {
            self.pos = start + length + 1;
            return Ok(ShortText::new(&self.text[start..start + length]));
        }
        self.string().map(|key| ShortText::new(&key))
    }

    /// Reads a string starting at its opening quote. Runs of plain characters
    /// are copied as slices, so a 5 MB string costs one pass.
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.pos += 1; // '"'
                       // Most strings have no escapes: find the closing quote and copy once.
        let start = self.pos;
        let length = plain_run(&self.bytes[start..]);
        if self.bytes.get(start + length) == Some(&b'"') {
            self.pos = start + length + 1;
            return Ok(self.text[start..start + length].to_owned());
        }
        let mut out = String::new();
        loop {
            let start = self.pos;
            self.pos += plain_run(&self.bytes[start..]);
            out.push_str(&self.text[start..self.pos]);
            match self.peek() {
                None => return Err(self.error(SyntaxErrorKind::UnexpectedEnd)),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => return Err(self.error(SyntaxErrorKind::ControlCharacterInString)),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let Some(b) = self.peek() else {
            return Err(self.error(SyntaxErrorKind::UnexpectedEnd));
        };
        self.pos += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let escape_start = self.pos - 2;
                let high = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&high) {
                    if self.bytes[self.pos..].starts_with(b"\\u") {
                        self.pos += 2;
                        let low = self.hex4()?;
                        if !(0xDC00..0xE000).contains(&low) {
                            return Err(SyntaxError { kind: SyntaxErrorKind::LoneSurrogate, offset: escape_start });
                        }
                        0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        return Err(SyntaxError { kind: SyntaxErrorKind::LoneSurrogate, offset: escape_start });
                    }
                } else if (0xDC00..0xE000).contains(&high) {
                    return Err(SyntaxError { kind: SyntaxErrorKind::LoneSurrogate, offset: escape_start });
                } else {
                    high
                };
                // Every code point outside the surrogate range is a char.
                char::from_u32(code).unwrap_or('\u{FFFD}')
            }
            _ => {
                self.pos -= 1;
                return Err(self.error(SyntaxErrorKind::InvalidEscape));
            }
        };
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut code = 0u32;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.error(SyntaxErrorKind::InvalidEscape)),
            };
            code = code * 16 + u32::from(digit);
            self.pos += 1;
        }
        Ok(code)
    }
}

/// How many bytes from the start of `bytes` are plain string characters
/// (not `"`, `\\` or a control character), eight bytes at a step (a
/// report's text is 汉字, three bytes each, and its strings are most of its
/// bytes).
pub(super) fn plain_run(bytes: &[u8]) -> usize {
    use crate::text::{byte_below, byte_is, marked_run};
    marked_run(
        bytes,
        |x| byte_is(x, b'"') | byte_is(x, b'\\') | byte_below(x, 0x20),
        |b| b == b'"' || b == b'\\' || b < 0x20,
    )
}

/// The 1-based line and character column of a byte offset, as an editor shows
/// them (a 汉字 is one column, not three).
pub fn line_column(text: &str, offset: usize) -> (u32, u32) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (clamp_u32(line), clamp_u32(column))
}

fn clamp_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The eight-at-a-time scan stops where a byte-by-byte one does, on
        /// any bytes (every byte value, runs longer and shorter than eight).
        #[test]
        fn plain_run_stops_where_a_byte_scan_does(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40), plain in 0usize..40) {
            // A long plain prefix, so that the stop falls in any chunk.
            let mut text: Vec<u8> = "政务公开abc".bytes().cycle().take(plain).collect();
            text.extend(bytes);
            let by_bytes = text.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).unwrap_or(text.len());
            proptest::prop_assert_eq!(plain_run(&text), by_bytes);
        }

        /// Strings with escapes anywhere read back to what was written.
        #[test]
        fn strings_with_escapes_read_back(parts in proptest::collection::vec(0usize..6, 0..30)) {
            let pieces = ["年报", "\"", "\\", "\n", "x", "\u{1}"];
            let text: String = parts.iter().map(|&i| pieces[i]).collect();
            let json = Value::String(text.clone()).to_json();
            proptest::prop_assert_eq!(parse(&json).map(|p| p.value), Ok(Value::String(text)));
        }
    }

    fn round_trip(text: &str) -> String {
        parse(text).expect("well-formed").value.to_json()
    }

    #[test]
    fn numbers_are_written_back_as_read() {
        assert_eq!(round_trip(r#"[24252.311082,1e2,-0,1E+400,0.10]"#), "[24252.311082,1e2,-0,1E+400,0.10]");
    }

    #[test]
    fn strings_and_escapes() {
        let v = parse(r#""a\"b\\c\/\n\u00e9\ud83d\ude00汉""#).unwrap().value;
        assert_eq!(v, Value::String("a\"b\\c/\né😀汉".into()));
        assert_eq!(v.to_json(), r#""a\"b\\c/\né😀汉""#);
    }

    #[test]
    fn key_order_is_kept() {
        assert_eq!(round_trip(r#"{"z":1,"a":{"y":[],"b":{}}}"#), r#"{"z":1,"a":{"y":[],"b":{}}}"#);
    }

    #[test]
    fn duplicate_keys_keep_first_place_and_last_value() {
        let parsed = parse(r#"{"a":1,"b":{"c":2,"c":3},"a":4}"#).unwrap();
        assert_eq!(parsed.value.to_json(), r#"{"a":4,"b":{"c":3}}"#);
        let pointers: Vec<&str> = parsed.duplicates.iter().map(|d| d.pointer.as_str()).collect();
        assert_eq!(pointers, ["/b/c", "/a"]);
        assert_eq!(parsed.duplicates[1].first, Value::Number(Number::from_raw("1")));
        assert_eq!(parsed.duplicates[1].last, Value::Number(Number::from_raw("4")));
    }

    #[test]
    fn syntax_errors_have_character_positions() {
        let text = "{\n  \"机关\": 1,\n  \"年份\" 2024\n}";
        let err = parse(text).unwrap_err();
        assert_eq!(line_column(text, err.offset), (3, 8));
        assert!(matches!(err.kind, SyntaxErrorKind::Unexpected { found: '2', expected: Expected::Colon }));
    }

    #[test]
    fn malformed_inputs_are_errors_not_panics() {
        for text in [
            "",
            " ",
            "{",
            "[",
            "\"",
            "\"\\",
            "\"\\u12",
            "{\"a\"",
            "{\"a\":",
            "[1,]",
            "{,}",
            "01",
            "-",
            "1.",
            "1e",
            "1e+",
            "tru",
            "nul",
            "[1 2]",
            "{\"a\":1 \"b\":2}",
            "\"\u{1}\"",
            "\"\\ud800\"",
            "\"\\udc00x\"",
            "\"\\ud800\\u0041\"",
            "\"\\x\"",
            "[]]",
            "{}{}",
            "\u{feff}{}",
        ] {
            assert!(parse(text).is_err(), "{text:?} should be refused");
        }
    }

    #[test]
    fn deep_nesting_is_refused_without_overflow() {
        let text = "[".repeat(100_000) + &"]".repeat(100_000);
        let err = parse(&text).unwrap_err();
        assert_eq!(err.kind, SyntaxErrorKind::TooDeep);
        assert_eq!(err.offset, MAX_DEPTH);
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
    }
}
