//! The size limits of importing, in one place. A real annual report is a few
//! pages: its PDF is rarely above 5 MB (scans aside), its text below 200 kB.
//! The limits sit far above that and far below what would stall a browser
//! tab, so that a damaged or hostile file is refused in bounded time and
//! memory.

/// The largest file taken at all.
pub const MAX_FILE_BYTES: usize = 64 << 20;

/// The most a compressed part may inflate to: a `.docx`'s body, one PDF
/// stream.
pub const MAX_INFLATED_BYTES: usize = 32 << 20;

/// The most all of a PDF's streams may inflate to together.
pub const MAX_PDF_INFLATED_BYTES: usize = 128 << 20;

/// The most pages a PDF may have; reports have 3 to 30.
pub const MAX_PDF_PAGES: usize = 500;

/// The most content-stream operations read from one PDF.
pub const MAX_PDF_OPERATIONS: usize = 4_000_000;

/// The largest text or web page imported: a report's text is 10 to 200 kB
/// (a saved page with its scripts and styles a few MB).
pub const MAX_TEXT_BYTES: usize = 8 << 20;
