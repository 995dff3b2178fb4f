//! Reads (and checks) one report N times and does nothing else, for a
//! count of instructions under callgrind, which, unlike a time, is the same
//! on every run of a busy machine (`scripts/bench-instructions.sh`).
//!
//!   repeat N parse|load|check [FILE]   (the built-in sample without FILE)

use nianbao_core::date::Date;
use nianbao_core::{load, validate, Context};
use std::hint::black_box;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(n), Some(mode)) = (args.get(1).and_then(|n| n.parse::<usize>().ok()), args.get(2)) else {
        eprintln!("usage: repeat N parse|load|check [FILE]");
        std::process::exit(2);
    };
    let text = match args.get(3) {
        Some(path) => std::fs::read_to_string(path).unwrap_or_else(|e| {
            eprintln!("{path}: {e}");
            std::process::exit(2)
        }),
        None => nianbao_core::BUILTIN_SAMPLE.to_string(),
    };
    let context = Context { today: Date { year: 2026, month: 11, day: 27 }, previous: None };
    for _ in 0..n {
        match mode.as_str() {
            "parse" => drop(black_box(nianbao_core::json::parse(black_box(&text)).ok())),
            "load" => drop(black_box(load(black_box(text.as_bytes())))),
            _ => drop(black_box(validate(&load(black_box(text.as_bytes())), &context))),
        }
    }
}
