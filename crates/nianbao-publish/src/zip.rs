//! A zip archive writer, as small as a `.docx` needs: stored entries (no
//! compression, which the Open Packaging Conventions allow beside DEFLATE;
//! Word deflates the file when it saves it), CRC-32, local headers, the
//! central directory and its end record; no zip64 (a report's parts are far
//! below 4 GB), no comments, no extra fields. The dates are 1980-01-01
//! 00:00, so that the same report always gives the same bytes.
//!
//! Why stored (docs/DECISIONS.md, 92): DEFLATE by `miniz_oxide` made the
//! file ten times smaller (80 kB → 8 kB for a real report) but cost the
//! workstation 9.5 kB gzipped, paid by every user of the tools for a file
//! that is made on their own computer.

/// CRC-32 (IEEE, as zip uses it), by a table made at compile time.
pub fn crc32(data: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut crc = i as u32;
            let mut bit = 0;
            while bit < 8 {
                crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
                bit += 1;
            }
            table[i] = crc;
            i += 1;
        }
        table
    };
    let mut crc = !0u32;
    for &b in data {
        crc = TABLE[((crc ^ u32::from(b)) & 0xFF) as usize] ^ (crc >> 8);
    }
    !crc
}

/// A zip archive of `entries` (name, contents), in that order.
pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let (method, body): (u16, &[u8]) = (0, data);
        let offset = out.len() as u32;
        let crc = crc32(data);
        // The fields local headers and central directory entries share.
        let mut common = Vec::with_capacity(26);
        common.extend(20u16.to_le_bytes()); // version needed: 2.0
        common.extend(0u16.to_le_bytes()); // flags
        common.extend(method.to_le_bytes());
        common.extend(0u16.to_le_bytes()); // time 00:00
        common.extend(0x21u16.to_le_bytes()); // date 1980-01-01
        common.extend(crc.to_le_bytes());
        common.extend((body.len() as u32).to_le_bytes());
        common.extend((data.len() as u32).to_le_bytes());
        common.extend((name.len() as u16).to_le_bytes());
        common.extend(0u16.to_le_bytes()); // extra field length

        out.extend(0x0403_4b50u32.to_le_bytes());
        out.extend(&common);
        out.extend(name.as_bytes());
        out.extend(body);

        central.extend(0x0201_4b50u32.to_le_bytes());
        central.extend(20u16.to_le_bytes()); // made by: MS-DOS, 2.0
        central.extend(&common);
        central.extend(0u16.to_le_bytes()); // comment length
        central.extend(0u16.to_le_bytes()); // disk number
        central.extend(0u16.to_le_bytes()); // internal attributes
        central.extend(0u32.to_le_bytes()); // external attributes
        central.extend(offset.to_le_bytes());
        central.extend(name.as_bytes());
    }
    let directory_at = out.len() as u32;
    let directory_len = central.len() as u32;
    out.extend(central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend(0u16.to_le_bytes()); // this disk
    out.extend(0u16.to_le_bytes()); // the directory's disk
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend(directory_len.to_le_bytes());
    out.extend(directory_at.to_le_bytes());
    out.extend(0u16.to_le_bytes()); // comment length
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_of_known_strings() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b"The quick brown fox jumps over the lazy dog"), 0x414F_A339);
    }

    #[test]
    fn the_importer_reads_back_every_entry() {
        let big = "年报 ".repeat(5000);
        let entries: [(&str, &[u8]); 3] = [("a.txt", b"hi"), ("word/document.xml", big.as_bytes()), ("empty", b"")];
        let archive = zip(&entries);
        assert!(archive.starts_with(b"PK\x03\x04"));
        let document = read_entry(&archive, "word/document.xml");
        assert_eq!(document, big.as_bytes());
        assert_eq!(read_entry(&archive, "a.txt"), b"hi");
        assert_eq!(read_entry(&archive, "empty"), b"");
        // Deterministic.
        assert_eq!(archive, zip(&entries));
    }

    /// An entry's contents, read as a zip reader would: through the central
    /// directory to the local header, its CRC checked.
    fn read_entry(archive: &[u8], name: &str) -> Vec<u8> {
        let u16_at = |at: usize| u16::from_le_bytes([archive[at], archive[at + 1]]) as usize;
        let u32_at = |at: usize| u32::from_le_bytes(archive[at..at + 4].try_into().unwrap()) as usize;
        let end = archive.len() - 22;
        assert_eq!(u32_at(end), 0x0605_4b50);
        let mut at = u32_at(end + 16);
        for _ in 0..u16_at(end + 10) {
            assert_eq!(u32_at(at), 0x0201_4b50);
            let name_len = u16_at(at + 28);
            if &archive[at + 46..at + 46 + name_len] == name.as_bytes() {
                let (method, crc, size, local) = (u16_at(at + 10), u32_at(at + 16), u32_at(at + 20), u32_at(at + 42));
                assert_eq!(u32_at(local), 0x0403_4b50);
                let start = local + 30 + u16_at(local + 26) + u16_at(local + 28);
                let body = &archive[start..start + size];
                assert_eq!(method, 0, "stored");
                let data = body.to_vec();
                assert_eq!(crc32(&data) as usize, crc);
                return data;
            }
            at += 46 + name_len;
        }
        panic!("{name} not in the archive")
    }
}
