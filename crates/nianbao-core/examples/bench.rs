//! Throughput of the core: parse + validate the built-in sample and the
//! largest sample, on one core (the importers have their own benchmark in
//! `crates/nianbao-import/examples/bench.rs`). Run with `scripts/bench.sh` (or
//! `cargo run --release -p nianbao-core --example bench`).

use nianbao_core::date::Date;
use nianbao_core::{load, validate, Context};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn measure(name: &str, text: &str, previous: Option<&str>) {
    if !selected(name) {
        return;
    }
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

/// The time `work` takes, a report at a time, for a second at least.
fn time_per_report(mut work: impl FnMut()) -> f64 {
    let start = Instant::now();
    let mut runs = 0u64;
    while start.elapsed() < Duration::from_secs(1) {
        for _ in 0..1000 {
            work();
        }
        runs += 1000;
    }
    start.elapsed().as_secs_f64() * 1e6 / runs as f64
}

/// Reading alone (JSON and the model), without the checks.
fn measure_load(name: &str, text: &str) {
    if selected(name) {
        let micros = time_per_report(|| drop(black_box(load(black_box(text.as_bytes())))));
        println!("{name:<44} {micros:>7.1} µs/report");
    }
}

/// The JSON reader alone (text to `json::Value`), the first part of reading.
fn measure_parse(name: &str, text: &str) {
    if selected(name) {
        let micros = time_per_report(|| drop(black_box(nianbao_core::json::parse(black_box(text)).ok())));
        println!("{name:<44} {micros:>7.1} µs/report");
    }
}

/// The section 一 reader alone (the text-table-mismatch rule's share).
fn measure_reader(name: &str, text: &str) {
    if !selected(name) {
        return;
    }
    let report = load(text.as_bytes()).report.expect("a report");
    let overview = report.overview.clone().unwrap_or_default();
    let micros = time_per_report(|| {
        drop(black_box(nianbao_core::rules::text_table_mismatch::statements(black_box(&overview), report.year)))
    });
    println!("{name:<44} {micros:>7.1} µs/report  ({} bytes of section 一)", overview.len());
}

/// `bench WORD` measures only the reports whose name holds WORD (for a
/// profile of one: `perf record ./target/release/examples/bench 淮安`).
fn selected(name: &str) -> bool {
    std::env::args().nth(1).is_none_or(|word| name.contains(&word))
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
    println!("of which reading (JSON and the model), one core:");
    measure_load("built-in sample (济源 2024)", nianbao_core::BUILTIN_SAMPLE);
    measure_load("淮安 2024 (largest narrative)", &read("huaian-city-2024"));
    println!("of which the JSON reader alone (text to values), one core:");
    measure_parse("built-in sample (济源 2024)", nianbao_core::BUILTIN_SAMPLE);
    measure_parse("淮安 2024 (largest narrative)", &read("huaian-city-2024"));
    println!("section 一 read for statements, one core:");
    measure_reader("built-in sample (济源 2024)", nianbao_core::BUILTIN_SAMPLE);
    measure_reader("淮安 2024 (largest narrative)", &read("huaian-city-2024"));
    measure_reader("洪泽 2024", &read("hongze-district-2024"));
}
