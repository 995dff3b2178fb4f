//! Helpers shared by the integration tests: the samples, edits by JSON
//! pointer, and a compact view of findings.
#![allow(dead_code)]

use nianbao_core::date::Date;
use nianbao_core::json::{self, Value};
use nianbao_core::{Checked, Context, Loaded};

pub const SAMPLES: [&str; 4] = [
    "jiyuan-hitech-zone-2024",
    "huaian-city-2024",
    "hongze-district-2023",
    "hongze-district-2024",
];

/// The date the tests judge report years by.
pub fn today() -> Date {
    Date::new(2026, 11, 27).unwrap()
}

pub fn sample_text(name: &str) -> String {
    let path = format!("{}/../../samples/{name}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn sample(name: &str) -> Value {
    json::parse(&sample_text(name))
        .expect("samples are well-formed")
        .value
}

/// Sets the value at `pointer` (creating nothing: the parent must exist) to
/// the JSON `value`, or removes the key when `value` is `None`.
pub fn edit(document: &mut Value, pointer: &str, value: Option<&str>) {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer below the root");
    let Some(Value::Object(object)) = document.pointer_mut(parent) else {
        panic!("{parent} is not an object")
    };
    match value {
        Some(text) => {
            object.insert(key, json::parse(text).expect("edit value is JSON").value);
        }
        None => {
            object
                .remove(key)
                .unwrap_or_else(|| panic!("{pointer} does not exist"));
        }
    }
}

pub fn check_value(document: &Value, previous: Option<&Loaded>) -> Checked {
    check_text(&document.to_json(), previous)
}

pub fn check_text(text: &str, previous: Option<&Loaded>) -> Checked {
    let loaded = nianbao_core::load(text.as_bytes());
    let context = Context {
        today: today(),
        previous: previous.and_then(|p| p.report.as_ref()),
    };
    nianbao_core::validate(&loaded, &context)
}

/// Findings as (rule, first pointer), the way the tests state expectations.
pub fn findings(checked: &Checked) -> Vec<(String, String)> {
    checked
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.rule.code().to_string(),
                d.pointers.first().cloned().unwrap_or_default(),
            )
        })
        .collect()
}

pub fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}
