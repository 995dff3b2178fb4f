//! Benchmark (not a test): publishing each sample as a web page, a web page
//! with its data block, a Word file and CSV, on one core. The browser's
//! figure is in `tests/e2e/publish.test.mjs` (click to download); the
//! target there is 50 ms per export.
//!
//! `cargo run --release -p nianbao-publish --example publish_bench`

use nianbao_publish::{csv, docx, html, Page};
use std::time::Instant;

const SAMPLES: [&str; 4] =
    ["jiyuan-hitech-zone-2024", "huaian-city-2024", "hongze-district-2023", "hongze-district-2024"];

fn main() {
    for name in SAMPLES {
        let path = format!("{}/../../samples/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let loaded = nianbao_core::load(&bytes);
        let runs = 200;
        let time = |label: &str, f: &dyn Fn() -> usize| {
            let start = Instant::now();
            let mut size = 0;
            for _ in 0..runs {
                size = f();
            }
            let ms = start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
            println!("{name:<26} {label:<14} {ms:>7.3} ms  {:>7.1} kB", size as f64 / 1000.0);
        };
        time("html", &|| html(&loaded, &Page::default()).map_or(0, |h| h.len()));
        time("html + data", &|| html(&loaded, &Page { fragment: false, data: true }).map_or(0, |h| h.len()));
        time("docx", &|| docx::docx(&loaded).map_or(0, |d| d.len()));
        time("csv", &|| csv(&loaded).map_or(0, |c| c.len()));
    }
}
