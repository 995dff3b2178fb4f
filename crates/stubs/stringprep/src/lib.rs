//! SASLprep for ASCII only: a stand-in for the `stringprep` crate, patched in
//! (workspace `Cargo.toml`, `[patch.crates-io]`) so that the browser's PDF
//! module does not carry Unicode normalisation and its tables. lopdf 0.47
//! calls `saslprep` on the password of an AES-256 (revision 5 and 6)
//! encrypted file, and we only ever open files with the empty password.
//!
//! For a string of printable ASCII characters (the empty one among them) this
//! is the real crate's own fast path, so the answer is the same, byte for
//! byte: the string itself. Any other string is refused (an `Error`) where
//! the real crate would normalise it.

use std::borrow::Cow;
use std::fmt;

/// The refusal of a string other than printable ASCII.
#[derive(Debug)]
pub struct Error(());

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("only printable ASCII is supported by this SASLprep")
    }
}

impl std::error::Error for Error {}

/// SASLprep (RFC 4013) of a string of printable ASCII: the string itself.
pub fn saslprep(s: &str) -> Result<Cow<'_, str>, Error> {
    if s.chars().all(|c| c.is_ascii() && !matches!(c, '\u{0000}'..='\u{001F}' | '\u{007F}')) {
        Ok(Cow::Borrowed(s))
    } else {
        Err(Error(()))
    }
}
