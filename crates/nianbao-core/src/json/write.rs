//! The writer: [`Value`] to compact or indented JSON text.

use std::fmt::Write as _;

use super::Value;

impl Value {
    /// Compact JSON text.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        write_value(&mut out, self, None, 0);
        out
    }

    /// JSON text indented by two spaces, one key per line.
    pub fn to_json_pretty(&self) -> String {
        let mut out = String::new();
        write_value(&mut out, self, Some(2), 0);
        out.push('\n');
        out
    }

    /// Appends the value as [`Value::to_json_pretty`] writes it nested
    /// `level` deep (no newline after it): one element of a long array can
    /// be written at a time, the same bytes as the whole array's.
    pub fn write_pretty_at(&self, out: &mut String, level: usize) {
        write_value(out, self, Some(2), level);
    }
}

fn write_value(out: &mut String, value: &Value, indent: Option<usize>, level: usize) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(n) => out.push_str(n.as_str()),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            if items.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent, level + 1);
                write_value(out, item, indent, level + 1);
            }
            newline(out, indent, level);
            out.push(']');
        }
        Value::Object(object) => {
            if object.is_empty() {
                out.push_str("{}");
                return;
            }
            out.push('{');
            for (i, (key, item)) in object.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent, level + 1);
                write_string(out, key);
                out.push(':');
                if indent.is_some() {
                    out.push(' ');
                }
                write_value(out, item, indent, level + 1);
            }
            newline(out, indent, level);
            out.push('}');
        }
    }
}

fn newline(out: &mut String, indent: Option<usize>, level: usize) {
    if let Some(width) = indent {
        out.push('\n');
        for _ in 0..width * level {
            out.push(' ');
        }
    }
}

/// Writes a JSON string literal. Only what JSON requires is escaped, so 汉字
/// stay readable in saved files.
pub fn write_string(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut start = 0;
    loop {
        // What needs no escape is what the reader takes as plain.
        let end = start + super::read::plain_run(&bytes[start..]);
        out.push_str(&s[start..end]);
        let Some(&b) = bytes.get(end) else { break };
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            _ => {
                let _ = write!(out, "\\u{:04x}", b);
            }
        }
        start = end + 1;
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use crate::json::parse;

    #[test]
    fn pretty_output_reads_back_equal() {
        let v = parse(r#"{"a":[1,{"b":null,"c":"x\ty"}],"d":{},"e":[]}"#).unwrap().value;
        assert_eq!(parse(&v.to_json_pretty()).unwrap().value, v);
    }

    #[test]
    fn an_array_written_element_by_element_is_the_same_text() {
        let v = parse(r#"[{"a":[1,{"b":null}],"c":"x"},[],{"d":{"e":[true]}}]"#).unwrap().value;
        let crate::json::Value::Array(items) = &v else { panic!("an array") };
        let mut out = String::from("[");
        for (i, item) in items.iter().enumerate() {
            out.push_str(if i == 0 { "\n  " } else { ",\n  " });
            item.write_pretty_at(&mut out, 1);
        }
        out.push_str("\n]\n");
        assert_eq!(out, v.to_json_pretty());
    }
}
