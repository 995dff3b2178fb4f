//! [`ShortText`]: the inline string that holds keys and number spellings.

/// A short immutable string: keys and number spellings are nearly all short,
/// and keeping them inline saves an allocation each (a report has about 500
/// of them, and reading is dominated by allocation otherwise).
#[derive(Clone, PartialEq, Eq)]
pub struct ShortText(ShortRepr);

#[derive(Clone, PartialEq, Eq)]
enum ShortRepr {
    Inline { len: u8, bytes: [u8; SHORT_INLINE] },
    Heap(Box<str>),
}

const SHORT_INLINE: usize = 23;

impl ShortText {
    pub fn new(text: &str) -> Self {
        if text.len() <= SHORT_INLINE {
            let mut bytes = [0u8; SHORT_INLINE];
            bytes[..text.len()].copy_from_slice(text.as_bytes());
            ShortText(ShortRepr::Inline { len: text.len() as u8, bytes })
        } else {
            ShortText(ShortRepr::Heap(text.into()))
        }
    }

    /// The bytes, for comparisons (no UTF-8 check needed to compare).
    pub fn as_bytes(&self) -> &[u8] {
        match &self.0 {
            ShortRepr::Inline { len, bytes } => &bytes[..*len as usize],
            ShortRepr::Heap(text) => text.as_bytes(),
        }
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            // The bytes were copied from a &str whole, so they are UTF-8.
            ShortRepr::Inline { len, bytes } => std::str::from_utf8(&bytes[..*len as usize]).unwrap_or_default(),
            ShortRepr::Heap(text) => text,
        }
    }
}

impl std::ops::Deref for ShortText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for ShortText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq<str> for ShortText {
    fn eq(&self, other: &str) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}
