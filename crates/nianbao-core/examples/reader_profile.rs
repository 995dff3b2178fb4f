//! A fixed amount of work for `perf stat` (instruction counts do not depend
//! on the machine's load): N validations of each sample.
fn main() {
    let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/");
    let which = std::env::args().nth(1).unwrap_or_else(|| "huaian-city-2024".into());
    let text = std::fs::read_to_string(format!("{samples}{which}.json")).unwrap();
    let today = nianbao_core::date::Date::new(2026, 11, 27).unwrap();
    let context = nianbao_core::Context { today, previous: None };
    for _ in 0..200 {
        std::hint::black_box(nianbao_core::validate(&nianbao_core::load(text.as_bytes()), &context));
    }
}
