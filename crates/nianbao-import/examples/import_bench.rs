//! Import speed on one core: reports as text, and PDFs (the real 淮安 2024
//! PDF). Run with `scripts/bench.sh` (or
//! `cargo run --release -p nianbao-import --features pdf --example import_bench`).

use std::hint::black_box;
use std::time::{Duration, Instant};

/// Import speed: the text of a report, and a 20-page one (the sample's
/// narrative repeated to about 20 printed pages, tables as printed).
fn measure_import(name: &str, text: &str) {
    let options = nianbao_import::ImportOptions::default();
    for _ in 0..20 {
        black_box(nianbao_import::import_document(black_box(text), &options));
    }
    let start = Instant::now();
    let mut runs = 0u32;
    while start.elapsed() < Duration::from_secs(2) {
        black_box(nianbao_import::import_document(black_box(text), &options));
        runs += 1;
    }
    let ms = start.elapsed().as_secs_f64() * 1e3 / f64::from(runs);
    println!("{name:<44} {ms:>9.2} ms/import   ({} kB of text)", text.len() / 1024);
}

/// A 20-page report: 淮安's text with its narrative paragraphs repeated.
fn twenty_pages(huaian: &str) -> String {
    let cut = huaian.find("二、主动公开政府信息情况").unwrap_or(0);
    let (head, tables) = huaian.split_at(cut);
    let narrative: String = head.lines().skip(12).map(|l| format!("{l}\n")).collect();
    let mut text = head.to_string();
    while text.len() < 60_000 {
        text.push_str(&narrative);
    }
    text + tables
}

/// A file through the whole entry point (`open`), then checked: what the
/// CLI and the browser's importer module do.
fn measure_file(name: &str, bytes: &[u8]) {
    let options = nianbao_import::ImportOptions::default();
    let today = nianbao_core::date::Date::new(2026, 11, 27).unwrap();
    let run = || {
        let nianbao_import::Outcome::Imported(imported) = nianbao_import::open(black_box(bytes), None, &options) else {
            panic!("{name} was not imported");
        };
        let loaded = nianbao_core::load_value(imported.document);
        black_box(nianbao_core::validate(&loaded, &nianbao_core::Context { today, previous: None }));
    };
    for _ in 0..5 {
        run();
    }
    let start = Instant::now();
    let mut runs = 0u32;
    while start.elapsed() < Duration::from_secs(2) {
        run();
        runs += 1;
    }
    let ms = start.elapsed().as_secs_f64() * 1e3 / f64::from(runs);
    println!("{name:<44} {ms:>9.2} ms/file     ({} kB)", bytes.len() / 1024);
}

fn main() {
    let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/");
    let read_txt = |name: &str| std::fs::read_to_string(format!("{samples}{name}.txt")).expect("sample text");
    println!("import, one core:");
    measure_import("济源 2024 text (tabs)", &read_txt("jiyuan-hitech-zone-2024"));
    measure_import("淮安 2024 text (PDF, 6 pages)", &read_txt("huaian-city-2024"));
    measure_import("a 20-page report's text (PDF)", &twenty_pages(&read_txt("huaian-city-2024")));
    let read = |path: &str| std::fs::read(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect("a file");
    println!("file → imported and checked, one core:");
    measure_file("淮安 2024 PDF (WPS, 6 pages)", &read("../../samples/huaian-city-2024.pdf"));
    measure_file("淮安 2024 PDF, AES-256, empty password", &read("tests/corpus/pdf-huaian-city-2024-aes256/input.pdf"));
    measure_file(
        "济源 2024 Word page printed by Chromium",
        &read("tests/corpus/pdf-word-jiyuan-hitech-zone-2024/input.pdf"),
    );
    measure_file("淮安 2024 .docx", &read("../../tests/fixtures/docx/huaian-city-2024.docx"));
}
