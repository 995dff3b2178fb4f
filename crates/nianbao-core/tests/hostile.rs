//! Hostile and broken input: every case gives its finding, with a line and
//! column or a pointer, and none panics, hangs or overflows the stack.

mod common;
use common::*;
use nianbao_core::diagnostic::Position;
use proptest::prelude::*;
use std::time::{Duration, Instant};

fn unreadable(bytes: &[u8]) -> (Position, String) {
    let checked =
        nianbao_core::validate(&nianbao_core::load(bytes), &nianbao_core::Context { today: today(), previous: None });
    assert_eq!(checked.diagnostics.len(), 1, "{:?}", checked.diagnostics);
    let d = &checked.diagnostics[0];
    assert_eq!(d.rule.code(), "json-syntax");
    assert_eq!(checked.summary.errors, 1);
    (
        d.position.expect("a position"),
        nianbao_core::message::message(d, nianbao_core::Template::T2021, nianbao_core::Lang::Zh),
    )
}

#[test]
fn not_json() {
    let (position, message) = unreadable("这不是 JSON".as_bytes());
    assert_eq!(position, Position { line: 1, column: 1 });
    assert!(message.contains("不是有效的 JSON"), "{message}");
    let (position, _) = unreadable(b"");
    assert_eq!(position, Position { line: 1, column: 1 });
}

#[test]
fn truncated_file_points_at_its_end() {
    let text = sample_text("jiyuan-hitech-zone-2024");
    let cut = &text[..text.len() / 2];
    let cut = &cut[..(0..=cut.len()).rev().find(|&i| cut.is_char_boundary(i)).unwrap()];
    let (position, message) = unreadable(cut.as_bytes());
    let lines = cut.lines().count() as u32;
    assert!(position.line == lines || position.line == lines + 1, "{position:?} vs {lines}");
    assert!(message.contains("意外结束") || message.contains("不是有效的 JSON"), "{message}");
}

#[test]
fn chinese_punctuation_is_named() {
    let (position, message) = unreadable("{\n  \"year\"：2024\n}".as_bytes());
    assert_eq!(position, Position { line: 2, column: 9 });
    assert!(message.contains("中文标点"), "{message}");
}

#[test]
fn gbk_and_utf16_are_named() {
    // {"agency": "济源"} with the name in GBK, on line 2.
    let gbk = b"{\n \"agency\": \"\xBC\xC3\xD4\xB4\"}";
    let (position, message) = unreadable(gbk);
    assert_eq!(position, Position { line: 2, column: 13 });
    assert!(message.contains("GBK"), "{message}");
    let utf16: Vec<u8> = sample_text("jiyuan-hitech-zone-2024").encode_utf16().flat_map(u16::to_le_bytes).collect();
    let (_, message) = unreadable(&utf16);
    assert!(message.contains("UTF-16"), "{message}");
    let mut with_bom = vec![0xFE, 0xFF];
    with_bom.extend(sample_text("jiyuan-hitech-zone-2024").encode_utf16().flat_map(u16::to_be_bytes));
    assert!(unreadable(&with_bom).1.contains("UTF-16"));
}

#[test]
fn utf8_bom_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(sample_text("jiyuan-hitech-zone-2024").as_bytes());
    let checked =
        nianbao_core::validate(&nianbao_core::load(&bytes), &nianbao_core::Context { today: today(), previous: None });
    assert_eq!(findings(&checked), pairs(&[]));
}

#[test]
fn deep_nesting_is_refused_with_a_position() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    let (position, message) = unreadable(deep.as_bytes());
    assert_eq!(position.line, 1);
    assert_eq!(position.column as usize, nianbao_core::json::MAX_DEPTH + 1);
    assert!(message.contains("嵌套"), "{message}");
    // Deep but well within the limit inside an unknown key: kept.
    let mut document = sample("jiyuan-hitech-zone-2024");
    let nested = "[".repeat(100) + &"]".repeat(100);
    edit(&mut document, "/extra", Some(&nested));
    assert_eq!(findings(&check_value(&document, None)), pairs(&[("field-unknown", "/extra")]));
}

#[test]
fn huge_string_is_read_quickly() {
    let mut document = sample("jiyuan-hitech-zone-2024");
    let huge = format!("\"{}\"", "政务公开".repeat(5 * 1024 * 1024 / 12));
    edit(&mut document, "/problems", Some(&huge));
    let text = document.to_json();
    assert!(text.len() > 5_000_000);
    let start = Instant::now();
    let checked = check_text(&text, None);
    assert!(start.elapsed() < Duration::from_secs(5), "{:?}", start.elapsed());
    assert_eq!(findings(&checked), pairs(&[]));
}

#[test]
fn huge_numbers_are_wrong_types_at_their_cell() {
    let text = sample_text("jiyuan-hitech-zone-2024").replacen("\"year\": 2024", "\"year\": 1e400", 1).replacen(
        "\"amount\": 0",
        "\"amount\": -1e400",
        1,
    );
    let checked = check_text(&text, None);
    assert_eq!(findings(&checked), pairs(&[("field-type", "/year"), ("field-type", "/proactive/fees/amount")]));
    // 2^53 + 2 is beyond exact too.
    let text = sample_text("jiyuan-hitech-zone-2024").replacen("\"amount\": 0", "\"amount\": 9007199254740994", 1);
    assert_eq!(findings(&check_text(&text, None)), pairs(&[("field-type", "/proactive/fees/amount")]));
}

#[test]
fn every_top_level_value_has_the_wrong_type_at_once() {
    let text = r#"{"format":1,"template":2021,"year":[2024],"agency":{},"overview":null,"proactive":"","applications":[],"appeals":0,"problems":true,"other":5}"#;
    let checked = check_text(text, None);
    let rules: Vec<(String, String)> = findings(&checked);
    assert_eq!(
        rules,
        pairs(&[
            ("format-unsupported", "/format"),
            ("template-unknown", "/template"),
            ("field-type", "/year"),
            ("field-type", "/agency"),
            ("field-type", "/overview"),
            ("field-type", "/problems"),
            ("field-type", "/other"),
            ("field-type", "/proactive"),
            ("field-type", "/applications"),
            ("field-type", "/appeals"),
        ])
    );
}

#[test]
fn an_empty_object_names_each_missing_part_once() {
    let checked = check_text("{}", None);
    assert_eq!(
        findings(&checked),
        pairs(&[
            ("format-unsupported", "/format"),
            ("template-unknown", "/template"),
            ("field-missing", "/year"),
            ("field-missing", "/agency"),
            ("field-missing", "/overview"),
            ("field-missing", "/problems"),
            ("field-missing", "/other"),
            ("field-missing", "/proactive"),
            ("field-missing", "/applications"),
            ("field-missing", "/appeals"),
        ])
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let loaded = nianbao_core::load(&bytes);
        let checked = nianbao_core::validate(&loaded, &nianbao_core::Context { today: today(), previous: None });
        for d in &checked.diagnostics {
            let _ = nianbao_core::message::message(d, loaded.template(), nianbao_core::Lang::Zh);
        }
    }

    #[test]
    fn corrupted_samples_never_panic(index in any::<prop::sample::Index>(), byte in any::<u8>(), sample_index in 0usize..4) {
        let mut bytes = sample_text(SAMPLES[sample_index]).into_bytes();
        let i = index.index(bytes.len());
        bytes[i] = byte;
        let loaded = nianbao_core::load(&bytes);
        let previous = nianbao_core::load(sample_text(SAMPLES[(sample_index + 1) % 4]).as_bytes());
        let checked = nianbao_core::validate(&loaded, &nianbao_core::Context { today: today(), previous: previous.report.as_ref() });
        for d in &checked.diagnostics {
            let _ = nianbao_core::message::message(d, loaded.template(), nianbao_core::Lang::En);
        }
    }
}
