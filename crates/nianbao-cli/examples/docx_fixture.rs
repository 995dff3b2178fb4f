//! Writes a report as a `.docx` file the way Word does: paragraphs in
//! `w:p`/`w:r`/`w:t`, the three tables with horizontally merged cells as
//! `w:gridSpan` and vertically merged ones as `w:vMerge` cells in every row
//! they cover, DEFLATE-compressed in a zip. Used to make the test fixtures in
//! `tests/fixtures/docx/` (scripts/make-fixtures.sh).
//!
//! Usage: `cargo run -p nianbao-cli --example docx_fixture -- REPORT.json OUT.docx`

use nianbao_core::json::Value;
use nianbao_core::layout::{self, GridKind, TableLayout};
use nianbao_core::template::{Lang, SECTIONS};

fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A paragraph; Word splits text into runs wherever formatting changes, so
/// numbers are split into one run per digit here, as after an edit.
fn paragraph(text: &str, split_runs: bool) -> String {
    let runs: String = if split_runs {
        text.chars()
            .map(|c| {
                format!(
                    "<w:r><w:rPr><w:rFonts w:ascii=\"Times New Roman\"/></w:rPr><w:t>{}</w:t></w:r>",
                    esc(&c.to_string())
                )
            })
            .collect()
    } else {
        format!(
            "<w:r><w:rPr><w:rFonts w:hint=\"eastAsia\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>",
            esc(text)
        )
    };
    format!("<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>{runs}</w:p>")
}

/// A table in Word's grid: every grid row lists a cell for every column
/// group, a vertically merged cell repeated (empty) with `w:vMerge`.
fn table(document: &Value, table: &TableLayout) -> String {
    let rows = table.rows.len();
    // The cell that covers each grid slot: (row, index) of its origin.
    let mut origin: Vec<Vec<Option<(usize, usize)>>> = vec![vec![None; table.columns]; rows];
    for (r, row) in table.rows.iter().enumerate() {
        let mut c = 0;
        for (i, cell) in row.iter().enumerate() {
            while c < table.columns && origin[r][c].is_some() {
                c += 1;
            }
            for dr in 0..cell.rowspan as usize {
                for dc in 0..cell.colspan as usize {
                    if let Some(slot) = origin.get_mut(r + dr).and_then(|row| row.get_mut(c + dc)) {
                        *slot = Some((r, i));
                    }
                }
            }
            c += cell.colspan as usize;
        }
    }
    let mut xml =
        String::from("<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>");
    for (r, slots) in origin.iter().enumerate() {
        xml.push_str("<w:tr>");
        let mut c = 0;
        while c < table.columns {
            let Some((origin_row, index)) = slots[c] else {
                c += 1;
                continue;
            };
            let cell = &table.rows[origin_row][index];
            let span =
                if cell.colspan > 1 { format!("<w:gridSpan w:val=\"{}\"/>", cell.colspan) } else { String::new() };
            let merge = match (cell.rowspan > 1, origin_row == r) {
                (true, true) => "<w:vMerge w:val=\"restart\"/>",
                (true, false) => "<w:vMerge/>",
                _ => "",
            };
            let content = if origin_row != r {
                "<w:p/>".to_string()
            } else {
                match &cell.kind {
                    GridKind::Value { pointer } => match document.pointer(pointer) {
                        Some(Value::Number(n)) => paragraph(n.as_str(), true),
                        Some(Value::String(s)) => paragraph(s, false),
                        _ => "<w:p/>".to_string(),
                    },
                    GridKind::Empty => "<w:p/>".to_string(),
                    _ => paragraph(cell.label.map(|l| l.get(Lang::Zh)).unwrap_or(""), false),
                }
            };
            xml.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"900\" w:type=\"dxa\"/>{span}{merge}</w:tcPr>{content}</w:tc>"
            ));
            c += cell.colspan as usize;
        }
        xml.push_str("</w:tr>");
    }
    xml.push_str("</w:tbl>");
    xml
}

fn document_xml(document: &Value) -> String {
    let report = nianbao_core::load_value(document.clone()).report.expect("a readable report");
    let text = |key: &str| document.pointer(&format!("/{key}")).and_then(Value::as_str).unwrap_or("").to_string();
    let tables = layout::tables(report.template, report.other_shape);
    let mut body = paragraph(report.title.as_deref().unwrap_or(""), false);
    for (index, section) in SECTIONS.iter().enumerate() {
        body.push_str(&paragraph(section.heading.zh, false));
        if (1..=3).contains(&index) {
            body.push_str(&table(document, &tables[index - 1]));
        } else {
            for line in text(section.key).split('\n') {
                body.push_str(&paragraph(line, false));
            }
        }
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}<w:sectPr/></w:body></w:document>"
    )
}

/// A zip archive of DEFLATE-compressed entries.
fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let crc32 = |data: &[u8]| -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in data {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    };
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let compressed = miniz_oxide::deflate::compress_to_vec(data, 6);
        let offset = out.len() as u32;
        let crc = crc32(data);
        let header = |signature: u32, central: bool| -> Vec<u8> {
            let mut h = Vec::new();
            h.extend(signature.to_le_bytes());
            if central {
                h.extend(20u16.to_le_bytes()); // made by
            }
            h.extend(20u16.to_le_bytes()); // needed
            h.extend(0x0800u16.to_le_bytes()); // UTF-8 names
            h.extend(8u16.to_le_bytes()); // DEFLATE
            h.extend(0u32.to_le_bytes()); // time, date
            h.extend(crc.to_le_bytes());
            h.extend((compressed.len() as u32).to_le_bytes());
            h.extend((data.len() as u32).to_le_bytes());
            h.extend((name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes()); // extra
            if central {
                h.extend([0u8; 6]); // comment length, disk, internal attributes
                h.extend(0u32.to_le_bytes()); // external attributes
                h.extend(offset.to_le_bytes());
            }
            h.extend(name.as_bytes());
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend(&compressed);
        central.extend(header(0x0201_4b50, true));
    }
    let central_offset = out.len() as u32;
    out.extend(&central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(central_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: docx_fixture REPORT.json OUT.docx");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(input).expect("the report");
    let document = nianbao_core::json::parse(&text).expect("well-formed JSON").value;
    let content_types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let body = document_xml(&document);
    let archive = zip(&[
        ("[Content_Types].xml", content_types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("word/document.xml", body.as_bytes()),
    ]);
    std::fs::write(output, archive).expect("write the .docx");
}
