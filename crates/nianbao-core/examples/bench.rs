//! Throughput of the core: parse + validate the built-in sample and the
//! largest sample, on one core. Run with `scripts/bench.sh` (or
//! `cargo run --release -p nianbao-core --example bench`).

use nianbao_core::date::Date;
use nianbao_core::{load, validate, Context};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn measure(name: &str, text: &str, previous: Option<&str>) {
    let today = Date::new(2026, 11, 27).unwrap();
    let previous = previous.map(|p| load(p.as_bytes()));
    let context = Context { today, previous: previous.as_ref().and_then(|p| p.report.as_ref()) };
    // Warm up, then run for at least two seconds.
    for _ in 0..1000 {
        black_box(validate(&load(black_box(text.as_bytes())), &context));
    }
    let start = Instant::now();
    let mut runs = 0u64;
    while start.elapsed() < Duration::from_secs(2) {
        for _ in 0..1000 {
            black_box(validate(&load(black_box(text.as_bytes())), &context));
        }
        runs += 1000;
    }
    let elapsed = start.elapsed().as_secs_f64();
    println!(
        "{name:<44} {:>9.0} reports/s  {:>7.1} µs/report  ({} bytes)",
        runs as f64 / elapsed,
        elapsed * 1e6 / runs as f64,
        text.len()
    );
}

/// Import speed: the text of a report, and a 20-page one (the sample's
/// narrative repeated to about 20 printed pages, tables as printed).
fn measure_import(name: &str, text: &str) {
    let options = nianbao_core::import::ImportOptions::default();
    for _ in 0..20 {
        black_box(nianbao_core::import::import_document(black_box(text), &options));
    }
    let start = Instant::now();
    let mut runs = 0u32;
    while start.elapsed() < Duration::from_secs(2) {
        black_box(nianbao_core::import::import_document(black_box(text), &options));
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
    let read = |name: &str| std::fs::read_to_string(format!("{samples}{name}.json")).expect("sample");
    println!("parse + validate, one core:");
    measure("built-in sample (济源 2024)", nianbao_core::BUILTIN_SAMPLE, None);
    measure("淮安 2024 (largest narrative)", &read("huaian-city-2024"), None);
    measure(
        "洪泽 2024 with 洪泽 2023 as previous year",
        &read("hongze-district-2024"),
        Some(&read("hongze-district-2023")),
    );
    let read_txt = |name: &str| std::fs::read_to_string(format!("{samples}{name}.txt")).expect("sample text");
    println!("import, one core:");
    measure_import("济源 2024 text (tabs)", &read_txt("jiyuan-hitech-zone-2024"));
    measure_import("淮安 2024 text (PDF, 6 pages)", &read_txt("huaian-city-2024"));
    measure_import("a 20-page report's text (PDF)", &twenty_pages(&read_txt("huaian-city-2024")));
}
