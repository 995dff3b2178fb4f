//! Writing a report out as plain text, the way a Word document copied to the
//! clipboard looks: the title, the six sections, and the tables as printed
//! rows of tab-separated cells. The importer reads it back to the same data
//! (a round trip the tests hold it to).

use crate::json::Value;
use crate::layout::{self, GridKind};
use crate::template::{Lang, SECTIONS};

/// The report as text. `None` when the document is not a readable report.
pub fn report_text(document: &Value) -> Option<String> {
    let report = crate::load_value(document.clone()).report?;
    let text = |key: &str| document.pointer(&format!("/{key}")).and_then(Value::as_str).unwrap_or("").to_string();
    let mut out = String::new();
    if let Some(title) = &report.title {
        out.push_str(title);
        out.push_str("\n\n");
    }
    let tables = layout::tables(report.template, report.other_shape);
    for (index, section) in SECTIONS.iter().enumerate() {
        out.push_str(section.heading.zh);
        out.push_str("\n\n");
        match index {
            1..=3 => {
                for row in &tables[index - 1].rows {
                    let fields: Vec<String> = row
                        .iter()
                        .map(|cell| match &cell.kind {
                            GridKind::Value { pointer } => cell_text(document.pointer(pointer)),
                            GridKind::Empty => String::new(),
                            _ => cell.label.map(|l| l.get(Lang::Zh).to_string()).unwrap_or_default(),
                        })
                        .collect();
                    out.push_str(&fields.join("\t"));
                    out.push('\n');
                }
            }
            // Paragraphs apart by a blank line, as a word processor copies them.
            _ => out.push_str(&text(section.key).replace('\n', "\n\n")),
        }
        out.push_str("\n\n");
    }
    Some(out)
}

fn cell_text(value: Option<&Value>) -> String {
    match value {
        Some(Value::Number(n)) => n.as_str().to_string(),
        Some(Value::String(s)) => s.clone(),
        _ => String::new(),
    }
}
