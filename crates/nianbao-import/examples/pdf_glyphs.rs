//! Prints a PDF's glyphs with their positions (a debugging aid):
//! `cargo run -p nianbao-import --features pdf --example pdf_glyphs -- FILE.pdf [PAGE]`.

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a PDF file");
    let only: Option<usize> = args.next().and_then(|p| p.parse().ok());
    let pages = nianbao_import::pdf::read_pages(&std::fs::read(&path).expect("read")).unwrap_or_else(|r| {
        eprintln!("{}", r.message(nianbao_core::Lang::En));
        std::process::exit(1)
    });
    for (i, page) in pages.iter().enumerate() {
        if only.is_some_and(|p| p != i + 1) {
            continue;
        }
        println!(
            "page {} ({} x {}): {} glyphs, {} rules, {} images",
            i + 1,
            page.width,
            page.height,
            page.glyphs.len(),
            page.rules.len(),
            page.images
        );
        for g in &page.glyphs {
            println!("  {:>7.2} {:>7.2} {:>7.2} {:>5.2} {}", g.x0, g.x1, g.y, g.size, g.text);
        }
    }
}
