//! The real PDF of 淮安市人民政府 2024 (WPS, CID TrueType fonts, Identity-H
//! with ToUnicode, ruled tables, six pages) imports with every cell as
//! published and the sections' text as printed.

#[path = "../../nianbao-core/tests/common/mod.rs"]
mod common;
use common::{cell_pointers, pdf_of, sample};
use nianbao_core::json::Value;
use nianbao_import::{ImportOptions, Outcome};

fn huaian_pdf() -> Vec<u8> {
    std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/huaian-city-2024.pdf"))
        .expect("the 淮安 2024 PDF")
}

/// Text without the spaces that extraction puts or leaves between 汉字 and
/// digits or Latin letters (`2024 年`, `2024年`): the words and their order
/// are compared, not how wide a gap the typesetter left.
fn words(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let wide = |c: char| (c as u32) >= 0x2E80;
    (0..chars.len())
        .filter(|&i| {
            let c = chars[i];
            if c != ' ' {
                return true;
            }
            let before = chars[..i].last().copied();
            let after = chars.get(i + 1).copied();
            !(before.is_some_and(wide) || after.is_some_and(wide))
        })
        .map(|i| chars[i])
        .collect()
}

#[test]
fn the_huaian_pdf_imports_every_cell_as_published() {
    let expected = sample("huaian-city-2024");
    let Outcome::Imported(imported) =
        nianbao_import::open(&huaian_pdf(), Some("szfgs2024.pdf"), &ImportOptions::default())
    else {
        panic!("the PDF was not imported");
    };
    let pointers = cell_pointers(&expected);
    assert!(pointers.len() >= 186);
    let wrong: Vec<String> = pointers
        .iter()
        .filter(|p| imported.document.pointer(p) != expected.pointer(p))
        .map(|p| format!("{p}: {:?} vs {:?}", imported.document.pointer(p), expected.pointer(p)))
        .collect();
    assert!(wrong.is_empty(), "{} cells differ: {wrong:#?}", wrong.len());
    assert!(!imported.has_missing_cells(), "{:?}", imported.notes);
    for key in ["/template", "/year", "/agency"] {
        assert_eq!(imported.document.pointer(key), expected.pointer(key), "{key}");
    }
    for key in ["/overview", "/problems", "/other"] {
        let got = imported.document.pointer(key).and_then(Value::as_str).unwrap_or_default();
        let want = expected.pointer(key).and_then(Value::as_str).unwrap_or_default();
        assert_eq!(words(got), words(want), "{key}");
    }
    // The notes travel with the document.
    let record = imported.document.pointer("/import").expect("an import record");
    assert_eq!(record.pointer("/from").and_then(Value::as_str), Some("pdf"));
    assert_eq!(record.pointer("/file").and_then(Value::as_str), Some("szfgs2024.pdf"));
    let reloaded = nianbao_core::load_str(&imported.document.to_json_pretty());
    assert_eq!(reloaded.report.unwrap().import.unwrap().notes, imported.notes);
    assert!(reloaded.diagnostics.iter().all(|d| d.rule.code() != "field-unknown"), "{:?}", reloaded.diagnostics);
}

#[test]
fn the_page_numbers_are_not_text() {
    let text = nianbao_import::pdf::pdf_text(&huaian_pdf()).unwrap();
    for n in 1..=6 {
        assert!(!text.lines().any(|l| l.trim() == format!("-{n}-")), "page number {n} left in:\n{text}");
    }
}

/// A one-page PDF whose content stream has the given filter.
fn pdf_with_filter(filter: &str) -> Vec<u8> {
    let content = b"BT /F1 12 Tf 72 720 Td (hello) Tj ET";
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_string(),
    ];
    objects.push(format!(
        "<< /Length {} /Filter /{filter} >>\nstream\n{}\nendstream",
        content.len(),
        String::from_utf8_lossy(content)
    ));
    pdf_of(&objects)
}

#[test]
fn a_brotli_compressed_pdf_is_refused_by_name_not_read_as_a_scan() {
    let Outcome::Refused(refusal) =
        nianbao_import::open(&pdf_with_filter("BrotliDecode"), None, &ImportOptions::default())
    else {
        panic!("a Brotli PDF must be refused");
    };
    assert!(refusal.message(nianbao_core::Lang::En).contains("BrotliDecode"), "{refusal:?}");
    // The same file with no text of a known font is no Brotli refusal.
    let Outcome::Refused(other) =
        nianbao_import::open(&pdf_with_filter("ASCIIHexDecode"), None, &ImportOptions::default())
    else {
        return;
    };
    assert!(!other.message(nianbao_core::Lang::En).contains("Brotli"), "{other:?}");
}

/// A one-page PDF with `content` (Helvetica as F1) on a page of `/Rotate rotate`.
fn pdf_page(content: &str, rotate: i64) -> Vec<u8> {
    pdf_page_with_font(content, rotate, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
}

fn pdf_page_with_font(content: &str, rotate: i64, font: &str) -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate {rotate} /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        font.to_string(),
    ];
    pdf_of(&objects)
}

#[test]
fn a_rotated_page_is_read_as_a_viewer_shows_it() {
    // Upright on a page shown rotated by 90°: the text runs up the page in
    // PDF space, and the second line stands to its right.
    let rotated =
        "BT /F1 12 Tf 0 1 -1 0 100 100 Tm (first line) Tj ET BT /F1 12 Tf 0 1 -1 0 120 100 Tm (second line 2024) Tj ET";
    let upright = "BT /F1 12 Tf 100 700 Td (first line) Tj ET BT /F1 12 Tf 100 680 Td (second line 2024) Tj ET";
    let shown = nianbao_import::pdf::pdf_text(&pdf_page(rotated, 90)).unwrap();
    assert_eq!(shown, nianbao_import::pdf::pdf_text(&pdf_page(upright, 0)).unwrap());
    assert!(shown.starts_with("first line") && shown.contains("second line 2024"), "{shown:?}");
    // Without honouring /Rotate the lines would be one glyph per line.
    assert!(shown.lines().count() <= 4, "{shown:?}");
}

#[test]
fn a_symbolic_font_without_unicode_is_never_read_as_digits() {
    // Codes 0x31 0x32 0x33 of a subset font that says it is symbolic: they
    // are its own glyph numbers, not "123".
    let font = "<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+SimSun /FontDescriptor << /Type /FontDescriptor /Flags 4 >> >>";
    let content = "BT /F1 12 Tf 100 700 Td (123 456 789 321 654 987 111 222 333 444) Tj ET";
    match nianbao_import::open(&pdf_page_with_font(content, 0, font), None, &ImportOptions::default()) {
        Outcome::Refused(r) => assert!(r.message(nianbao_core::Lang::En).contains("fonts do not record"), "{r:?}"),
        other => panic!("a symbolic font's codes were read as text: {other:?}"),
    }
    // The same codes in a standard font are ASCII.
    let text = nianbao_import::pdf::pdf_text(&pdf_page(content, 0)).unwrap();
    assert!(text.contains("123 456"), "{text}");
}
