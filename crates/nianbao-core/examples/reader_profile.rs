fn main() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/huaian-city-2024.json")).unwrap();
    let report = nianbao_core::load(text.as_bytes()).report.unwrap();
    let overview = report.overview.clone().unwrap();
    for _ in 0..20000 {
        std::hint::black_box(nianbao_core::rules::text_table_mismatch::statements(&overview, report.year));
    }
}
