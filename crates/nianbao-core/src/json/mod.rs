//! The JSON reader and writer of the report format.
//!
//! Why not `serde_json::Value`: the format needs four things it does not give.
//! A key that appears twice must be reported with both values (serde_json keeps
//! the last silently); a number must be written back exactly as it was read
//! (`24252.311082`, `1e2`) without switching on `arbitrary_precision`, which
//! changes the behaviour of every serde_json user in the same build; `1e400`
//! must be a well-formed number with a wrong value (a `field-type` finding at
//! its pointer), not a syntax error that loses the whole document; and syntax
//! errors must be located by line and *character* column, which is what the
//! user's editor shows for Chinese text. The reader is small, recursive only up
//! to [`MAX_DEPTH`], linear in the input, and fuzzed (`fuzz/`).
//!
//! The reader is in `read.rs`, the writer in `write.rs`; this file holds the
//! values themselves.

mod read;
mod short_text;
mod write;

pub use read::{line_column, parse, DuplicateKey, Expected, Parsed, SyntaxError, SyntaxErrorKind, MAX_DEPTH};
pub use short_text::ShortText;
pub use write::write_string;

/// A JSON value. Objects keep their keys in document order.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Object),
}

/// A number as written in the document. Its value is computed on demand; its
/// text is what gets written back.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    raw: ShortText,
}

impl Number {
    /// A number from its JSON text. The caller guarantees it is valid JSON
    /// number syntax (the reader does; [`Number::from_f64`] does).
    fn from_raw(raw: &str) -> Self {
        Number { raw: ShortText::new(raw) }
    }

    /// A number the program computed: integers without a fraction, others
    /// to six decimals (the format's amounts never need more). Non-finite
    /// values have no JSON form and become 0.
    pub fn from_f64(value: f64) -> Self {
        Number::from_raw(&crate::decimal::write(value))
    }

    /// The number's text exactly as read.
    pub fn as_str(&self) -> &str {
        self.raw.as_str()
    }

    /// The value as a double; `inf` for numbers too large for one (`1e400`).
    pub fn value(&self) -> f64 {
        crate::decimal::value_of_bytes(self.raw.as_bytes()).unwrap_or(f64::NAN)
    }
}

/// A JSON object: its entries in document order, keys unique (a duplicate key
/// keeps the place of its first occurrence and the value of its last, as
/// `JSON.parse` does).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Object {
    entries: Vec<(ShortText, Value)>,
}

impl Object {
    pub fn new() -> Self {
        Object::default()
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.entries.iter().find(|(k, _)| k.as_bytes() == key.as_bytes()).map(|(_, v)| v)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.entries.iter_mut().find(|(k, _)| k.as_bytes() == key.as_bytes()).map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Sets `key`, keeping its place when it already exists; returns the old value.
    pub fn insert(&mut self, key: impl AsRef<str>, value: Value) -> Option<Value> {
        let key = key.as_ref();
        if let Some(slot) = self.get_mut(key) {
            return Some(std::mem::replace(slot, value));
        }
        self.entries.push((ShortText::new(key), value));
        None
    }

    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let index = self.entries.iter().position(|(k, _)| k.as_bytes() == key.as_bytes())?;
        Some(self.entries.remove(index).1)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The keys not among `allowed`, compared without decoding each key.
    pub fn keys_except<'a>(&'a self, allowed: &'a [&str]) -> impl Iterator<Item = &'a str> + 'a {
        self.entries
            .iter()
            .filter(|(k, _)| !allowed.iter().any(|a| a.as_bytes() == k.as_bytes()))
            .map(|(k, _)| k.as_str())
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(k, _)| k.as_str())
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl Value {
    pub fn as_object(&self) -> Option<&Object> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The JSON type name, for messages.
    pub fn type_name(&self) -> TypeName {
        match self {
            Value::Null => TypeName::Null,
            Value::Bool(_) => TypeName::Bool,
            Value::Number(_) => TypeName::Number,
            Value::String(_) => TypeName::String,
            Value::Array(_) => TypeName::Array,
            Value::Object(_) => TypeName::Object,
        }
    }

    /// The value at an RFC 6901 pointer.
    pub fn pointer(&self, pointer: &str) -> Option<&Value> {
        if pointer.is_empty() {
            return Some(self);
        }
        let mut current = self;
        for token in pointer.strip_prefix('/')?.split('/') {
            let token = unescape_pointer_token(token);
            current = match current {
                Value::Object(o) => o.get(&token)?,
                Value::Array(a) => a.get(token.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(current)
    }

    /// The value at an RFC 6901 pointer, for editing.
    pub fn pointer_mut(&mut self, pointer: &str) -> Option<&mut Value> {
        if pointer.is_empty() {
            return Some(self);
        }
        let mut current = self;
        for token in pointer.strip_prefix('/')?.split('/') {
            let token = unescape_pointer_token(token);
            current = match current {
                Value::Object(o) => o.get_mut(&token)?,
                Value::Array(a) => a.get_mut(token.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(current)
    }
}

/// JSON type names, rendered by the message module in the user's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeName {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

pub(crate) fn unescape_pointer_token(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// Escapes one key for use in a JSON pointer.
pub fn escape_pointer_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_values() {
        let v = parse("[1e2, 1e400, -0]").unwrap().value;
        let Value::Array(items) = v else { panic!() };
        let values: Vec<f64> = items
            .iter()
            .map(|i| match i {
                Value::Number(n) => n.value(),
                _ => panic!(),
            })
            .collect();
        assert_eq!(values[0], 100.0);
        assert!(values[1].is_infinite());
        assert_eq!(values[2], 0.0);
    }

    #[test]
    fn pointers() {
        let v = parse(r#"{"a":{"b/c":[10,{"~d":true}]}}"#).unwrap().value;
        assert_eq!(v.pointer("/a/b~1c/1/~0d"), Some(&Value::Bool(true)));
        assert_eq!(v.pointer(""), Some(&v));
        assert_eq!(v.pointer("/a/x"), None);
        assert_eq!(v.pointer("a"), None);
    }
}
