//! Turning the bytes of a file into text.
//!
//! The format is UTF-8. Files saved by Windows tools are often GBK or UTF-16
//! instead; the user is told which, because "not UTF-8" alone does not say what
//! to do ("save it again as UTF-8" does).

/// What the bytes look like when they are not UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf16Le,
    Utf16Be,
    Gbk,
    Unknown,
}

/// Bytes that are not UTF-8 text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodingError {
    pub encoding: Encoding,
    /// Byte offset of the first byte that is not valid UTF-8.
    pub offset: usize,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The text of the bytes, without a UTF-8 byte-order mark.
pub fn decode(bytes: &[u8]) -> Result<&str, EncodingError> {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if let Some(encoding) = utf16_kind(bytes) {
        return Err(EncodingError { encoding, offset: 0 });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let offset = e.valid_up_to();
            let encoding = if looks_like_gbk(bytes) { Encoding::Gbk } else { Encoding::Unknown };
            Err(EncodingError { encoding, offset })
        }
    }
}

/// UTF-16 is recognised by its byte-order mark, or, without one, by the zero
/// bytes that ASCII JSON punctuation leaves in every other position.
fn utf16_kind(bytes: &[u8]) -> Option<Encoding> {
    if bytes.starts_with(b"\xFF\xFE") {
        return Some(Encoding::Utf16Le);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Some(Encoding::Utf16Be);
    }
    let sample = &bytes[..bytes.len().min(64) & !1];
    if sample.len() < 4 {
        return None;
    }
    let zeros_at = |parity: usize| sample.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let pairs = sample.len() / 2;
    if zeros_at(1) * 2 > pairs && zeros_at(0) == 0 {
        Some(Encoding::Utf16Le)
    } else if zeros_at(0) * 2 > pairs && zeros_at(1) == 0 {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// GBK (and GB 18030's two-byte part) pairs a lead byte 0x81–0xFE with a trail
/// byte 0x40–0xFE other than 0x7F. Text in which every high byte fits that
/// pattern, and which has at least one pair, is very likely GBK.
fn looks_like_gbk(bytes: &[u8]) -> bool {
    let mut pairs = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        let Some(&trail) = bytes.get(i + 1) else {
            return false;
        };
        if !(0x81..=0xFE).contains(&b) || !(0x40..=0xFE).contains(&trail) || trail == 0x7F {
            return false;
        }
        pairs += 1;
        i += 2;
    }
    pairs > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("{\"a\":\"汉\"}".as_bytes()), Ok("{\"a\":\"汉\"}"));
        assert_eq!(decode(b"\xEF\xBB\xBF{}"), Ok("{}"));
    }

    #[test]
    fn gbk_is_named() {
        // "{"agency":"济源"}" in GBK: 济 = BC C3, 源 = D4 B4.
        let gbk = b"{\"agency\":\"\xBC\xC3\xD4\xB4\"}";
        assert_eq!(decode(gbk), Err(EncodingError { encoding: Encoding::Gbk, offset: 11 }));
    }

    #[test]
    fn utf16_is_named_with_or_without_bom() {
        let le: Vec<u8> = "{\"year\": 2024}".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = "{\"year\": 2024}".encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(decode(&le).unwrap_err().encoding, Encoding::Utf16Le);
        assert_eq!(decode(&be).unwrap_err().encoding, Encoding::Utf16Be);
        let mut with_bom = vec![0xFF, 0xFE];
        with_bom.extend(&le);
        assert_eq!(decode(&with_bom).unwrap_err().encoding, Encoding::Utf16Le);
    }

    #[test]
    fn random_binary_is_unknown() {
        assert_eq!(decode(b"{\x80\x80\x01}").unwrap_err().encoding, Encoding::Unknown);
    }
}
