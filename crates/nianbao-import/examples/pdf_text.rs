//! Prints the text the PDF importer lays out from a PDF (what the text
//! importer then reads): `cargo run -p nianbao-import --features pdf --example pdf_text -- FILE.pdf`.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: pdf_text FILE.pdf");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).expect("read the file");
    match nianbao_import::pdf::pdf_text(&bytes) {
        Ok(text) => print!("{text}"),
        Err(refusal) => {
            eprintln!("{}", refusal.message(nianbao_core::Lang::En));
            std::process::exit(1);
        }
    }
}
