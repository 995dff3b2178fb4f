//! Reading speed of web pages into text (`html_to_text`): the corpus's
//! pages, and a page of 5,000 scripts (about 2 MB) whose skipping once grew
//! with page size × script count. Run with
//! `cargo run --release -p nianbao-import --example markup_bench`.

use std::hint::black_box;
use std::time::{Duration, Instant};

fn measure(name: &str, html: &str) {
    for _ in 0..3 {
        black_box(nianbao_import::html_to_text(black_box(html)));
    }
    let start = Instant::now();
    let mut runs = 0u32;
    while start.elapsed() < Duration::from_secs(1) {
        black_box(nianbao_import::html_to_text(black_box(html)));
        runs += 1;
    }
    let ms = start.elapsed().as_secs_f64() * 1e3 / f64::from(runs);
    println!("{name:<60} {ms:>9.3} ms   ({} kB)", html.len() / 1024);
}

fn main() {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let mut pages: Vec<_> = std::fs::read_dir(corpus)
        .into_iter()
        .flatten()
        .flatten()
        .map(|case| case.path().join("input.html"))
        .filter(|path| path.exists())
        .collect();
    pages.sort();
    for path in pages {
        let Ok(html) = std::fs::read_to_string(&path) else { continue };
        let case = path.parent().and_then(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned());
        measure(&case.unwrap_or_default(), &html);
    }
    let filler = "x".repeat(300);
    let mut scripts = String::from("<html><head><title>x</title></head><body>");
    for i in 0..5_000 {
        scripts.push_str(&format!("<p>第{i}段</p><script>var s = '<td>{filler}';</script>"));
    }
    scripts.push_str("</body></html>");
    measure("5,000 scripts", &scripts);
}
