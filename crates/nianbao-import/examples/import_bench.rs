//! Import speed on one core: reports as text, and PDFs (the real 淮安 2024
//! PDF). Run with `scripts/bench.sh` (or
//! `cargo run --profile native -p nianbao-import --features pdf --example import_bench`).

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

fn main() {
    let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/");
    let read_txt = |name: &str| std::fs::read_to_string(format!("{samples}{name}.txt")).expect("sample text");
    println!("import, one core:");
    measure_import("济源 2024 text (tabs)", &read_txt("jiyuan-hitech-zone-2024"));
    measure_import("淮安 2024 text (PDF, 6 pages)", &read_txt("huaian-city-2024"));
    measure_import("a 20-page report's text (PDF)", &twenty_pages(&read_txt("huaian-city-2024")));
}
