//! Refuses filter BrotliDecode: a stand-in for the `brotli-decompressor`
//! crate, patched in (workspace `Cargo.toml`, `[patch.crates-io]`) so that
//! the browser's PDF module does not carry a Brotli decoder and its 120 kB
//! dictionary. lopdf 0.47 uses exactly this API, once
//! (`Stream::decompress_brotli`: `Decompressor::new(input, 4096)` read to
//! end); every read fails, so a stream with `/Filter /BrotliDecode` (a PDF
//! 2.0 filter that no producer of annual reports writes) is a damaged stream
//! to lopdf ("Brotli decompression failed: unsupported"), and its page
//! yields no text. Nothing else changes.

use std::io::{Error, ErrorKind, Read, Result};
use std::marker::PhantomData;

/// A Brotli "decoder" whose every read fails.
pub struct Decompressor<R: Read>(PhantomData<R>);

impl<R: Read> Decompressor<R> {
    /// Takes the compressed input and a buffer size, and ignores them.
    pub fn new(_input: R, _buffer_size: usize) -> Self {
        Decompressor(PhantomData)
    }
}

impl<R: Read> Read for Decompressor<R> {
    fn read(&mut self, _buf: &mut [u8]) -> Result<usize> {
        Err(Error::from(ErrorKind::Unsupported))
    }
}
