//! Changing a document: a cell as typed, a text section, a reviewer's
//! decision on a finding. The only writer of a report's JSON and of its
//! `annotations` (read back by the model's reader); the app's reducer and
//! anything else that edits calls these.
//!
//! Edits work on the document as read ([`crate::json::Value`]), never on the
//! model, so that keys the format does not know, number spellings and the
//! order of keys all survive an edit.

use crate::diagnostic::Status;
use crate::json::{unescape_pointer_token, Object, Value};

/// One change to a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// A cell, as typed: a number, empty for blank, or text (kept as typed,
    /// so that the check says it is not a number).
    Cell { pointer: String, text: String },
    /// Several cells at once, each as typed (a block pasted into a table,
    /// placed by [`crate::sheet`]): one step of undo.
    Cells { cells: Vec<(String, String)> },
    /// A text section (`overview`, `problems`, `other`).
    Text { key: String, text: String },
    /// One of the report's facts ([`FACTS`]), as typed: empty removes it
    /// (the checks then say a required one is missing); a year that is not a
    /// whole number is kept as typed, for the checks to flag.
    Fact { key: String, text: String },
    /// A reviewer's decision on the finding of `rule` whose first pointer is
    /// `pointer`; `None` takes a decision back.
    Settle { rule: String, pointer: String, status: Option<Status>, comment: String },
}

impl Edit {
    /// The place the edit writes to, for edits that continue one another
    /// (typing on in the same cell); a decision and a pasted block have
    /// none (each is a step of undo of its own).
    pub fn place(&self) -> Option<String> {
        match self {
            Edit::Cell { pointer, .. } => Some(pointer.clone()),
            Edit::Text { key, .. } | Edit::Fact { key, .. } => {
                Some(format!("/{}", crate::json::escape_pointer_token(key)))
            }
            Edit::Cells { .. } | Edit::Settle { .. } => None,
        }
    }
}

/// Applies `edit` to `document`. A document that is not an object is left
/// as it is (there is nothing to edit in it).
pub fn apply(document: &mut Value, edit: Edit) {
    match edit {
        Edit::Cell { pointer, text } => set(document, &pointer, typed_cell(&text)),
        Edit::Cells { cells } => {
            for (pointer, text) in cells {
                set(document, &pointer, typed_cell(&text));
            }
        }
        Edit::Text { key, text } => {
            if let Value::Object(root) = document {
                root.insert(&key, Value::String(text));
            }
        }
        Edit::Fact { key, text } => set_fact(document, &key, &text),
        Edit::Settle { rule, pointer, status, comment } => settle(document, &rule, &pointer, status, comment),
    }
}

/// The report's facts that can be edited in place, in the order the header
/// shows them.
pub const FACTS: [&str; 6] = ["title", "agency", "year", "kind", "published", "source"];

fn set_fact(document: &mut Value, key: &str, text: &str) {
    let Value::Object(root) = document else { return };
    if !FACTS.contains(&key) {
        return;
    }
    let trimmed = text.trim();
    if trimmed.is_empty() {
        root.remove(key);
        return;
    }
    let value = match key {
        // A year in ASCII or full-width digits is a number; anything else
        // stays as typed.
        "year" => {
            let digits: String = crate::text::fold(trimmed);
            match digits.parse::<i64>() {
                Ok(year) if digits.bytes().all(|b| b.is_ascii_digit()) => {
                    Value::Number(crate::json::Number::from_f64(year as f64))
                }
                _ => Value::String(text.to_string()),
            }
        }
        // Titles, names and dates without the spaces around them.
        _ => Value::String(trimmed.to_string()),
    };
    root.insert(key, value);
}

/// What a typed cell holds: empty is blank (`null`), a JSON number is a
/// number (spelt as typed), anything else is text as typed.
pub fn typed_cell(text: &str) -> Value {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Value::Null;
    }
    match crate::json::parse(trimmed) {
        Ok(parsed) if matches!(parsed.value, Value::Number(_)) => parsed.value,
        _ => Value::String(text.to_string()),
    }
}

/// Sets the value at `pointer` (RFC 6901, `~1` and `~0` unescaped), making
/// the objects on the way: a missing table or row, or one that is not an
/// object (`null`, a text) and that the typed cell now replaces, so that
/// what the user typed is never dropped.
pub fn set(document: &mut Value, pointer: &str, value: Value) {
    let Some(path) = pointer.strip_prefix('/') else { return };
    let mut current = document;
    let mut tokens = path.split('/').map(unescape_pointer_token).peekable();
    while let Some(token) = tokens.next() {
        let Value::Object(object) = current else { return };
        if tokens.peek().is_none() {
            object.insert(&token, value);
            return;
        }
        if !matches!(object.get(&token), Some(Value::Object(_))) {
            object.insert(&token, Value::Object(Object::new()));
        }
        let Some(next) = object.get_mut(&token) else { return };
        current = next;
    }
}

/// Records (or, with `status` `None`, removes) a reviewer's decision: one
/// annotation per rule and first pointer, the newest last.
fn settle(document: &mut Value, rule: &str, pointer: &str, status: Option<Status>, comment: String) {
    let Value::Object(root) = document else { return };
    let mut kept: Vec<Value> = match root.get("annotations") {
        Some(Value::Array(items)) => items
            .iter()
            .filter(|a| {
                let same = |key: &str, want: &str| a.pointer(&format!("/{key}")).and_then(Value::as_str) == Some(want);
                !(same("rule", rule) && same("pointer", pointer))
            })
            .cloned()
            .collect(),
        _ => Vec::new(),
    };
    if let Some(status) = status {
        let mut annotation = Object::new();
        annotation.insert("rule", Value::String(rule.to_string()));
        annotation.insert("pointer", Value::String(pointer.to_string()));
        annotation.insert("status", Value::String(status.code().into()));
        annotation.insert("comment", Value::String(comment));
        kept.push(Value::Object(annotation));
    }
    if kept.is_empty() {
        root.remove("annotations");
    } else {
        root.insert("annotations", Value::Array(kept));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Annotation;

    fn sample() -> Value {
        crate::json::parse(crate::BUILTIN_SAMPLE).unwrap().value
    }

    #[test]
    fn a_typed_cell_is_blank_a_number_as_spelt_or_text() {
        assert_eq!(typed_cell("  "), Value::Null);
        assert_eq!(typed_cell(" 12 ").to_json(), "12");
        assert_eq!(typed_cell("1e2").to_json(), "1e2");
        assert_eq!(typed_cell("12 件"), Value::String("12 件".into()));
        assert_eq!(typed_cell("-"), Value::String("-".into()));
    }

    #[test]
    fn a_cell_is_set_and_read_back_and_the_rest_is_untouched() {
        let mut doc = sample();
        let before = doc.to_json();
        apply(&mut doc, Edit::Cell { pointer: "/applications/received/natural_person".into(), text: "99".into() });
        let report = crate::load_value(doc.clone()).report.unwrap();
        let row = report.application_row(crate::template::RowRole::Received).unwrap();
        assert_eq!(row[0].number(), Some(99.0));
        // Only that value changed: put it back and the text is the same.
        let original = crate::json::parse(&before).unwrap().value;
        let old = original.pointer("/applications/received/natural_person").unwrap().to_json();
        apply(&mut doc, Edit::Cell { pointer: "/applications/received/natural_person".into(), text: old });
        assert_eq!(doc.to_json(), before);
    }

    #[test]
    fn a_missing_row_is_made_and_escaped_keys_are_followed() {
        let mut doc = Value::Object(Object::new());
        set(&mut doc, "/a~1b/c~0d", Value::Null);
        assert_eq!(doc.to_json(), r#"{"a/b":{"c~d":null}}"#);
        // A row that is not an object becomes one holding the typed cell.
        let mut doc = crate::json::parse(r#"{"a": null, "z": 1}"#).unwrap().value;
        set(&mut doc, "/a/b", typed_cell("4"));
        assert_eq!(doc.to_json(), r#"{"a":{"b":4},"z":1}"#);
        // Not a pointer: nothing changes.
        set(&mut doc, "no-slash", Value::Null);
        assert_eq!(doc.to_json(), r#"{"a":{"b":4},"z":1}"#);
    }

    #[test]
    fn a_decision_is_read_back_as_the_annotation_written_and_can_be_taken_back() {
        let mut doc = sample();
        let settle = |status| Edit::Settle {
            rule: "t3-balance".into(),
            pointer: "/applications/received/natural_person".into(),
            status,
            comment: "口径不同".into(),
        };
        apply(&mut doc, settle(Some(Status::Confirmed)));
        apply(&mut doc, settle(Some(Status::Dismissed)));
        let report = crate::load_value(doc.clone()).report.unwrap();
        assert_eq!(
            report.annotations,
            vec![Annotation {
                rule: "t3-balance".into(),
                pointer: "/applications/received/natural_person".into(),
                status: Status::Dismissed,
                comment: "口径不同".into(),
            }]
        );
        apply(&mut doc, settle(None));
        assert!(doc.pointer("/annotations").is_none());
        assert!(crate::load_value(doc).diagnostics.is_empty(), "what the writer writes, the reader reads cleanly");
    }
}
