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

/// A cell's content as published, the same on screen, in the text export
/// and in CSV: a number as spelt when it is plain digits (`7730.28` keeps its
/// decimals), written out when the spelling is JSON's own (`1e2` is 100);
/// blank and missing are empty; text as it is; anything else (a cell that is
/// an array, say) as its JSON, cut to 24 characters.
pub fn cell_text(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::Number(n)) => {
            let raw = n.as_str();
            if raw.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-') {
                raw.to_string()
            } else {
                crate::decimal::write(n.value())
            }
        }
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_json().chars().take(24).collect(),
    }
}

/// One table as CSV, laid out as printed: a merged cell's text in its first
/// grid cell, the cells it covers empty, so a spreadsheet shows the same
/// grid. Starts with a byte-order mark, which spreadsheet programs need to
/// read UTF-8 汉字 correctly.
pub fn table_csv(document: &Value, table: &layout::TableLayout) -> String {
    let mut grid: Vec<Vec<Option<String>>> = vec![vec![None; table.columns]; table.rows.len()];
    for (r, row) in table.rows.iter().enumerate() {
        let mut c = 0;
        for cell in row {
            while c < table.columns && grid[r][c].is_some() {
                c += 1;
            }
            if c >= table.columns {
                break;
            }
            let text = match &cell.kind {
                GridKind::Value { pointer } => match document.pointer(pointer) {
                    Some(value @ Value::Number(_)) => crate::csv::number(&cell_text(Some(value))),
                    other => crate::csv::text(&cell_text(other)),
                },
                GridKind::Empty => String::new(),
                _ => crate::csv::text(cell.label.map(|l| l.get(Lang::Zh)).unwrap_or_default()),
            };
            for dr in 0..cell.rowspan as usize {
                for dc in 0..cell.colspan as usize {
                    if let Some(slot) = grid.get_mut(r + dr).and_then(|row| row.get_mut(c + dc)) {
                        *slot = Some(if dr == 0 && dc == 0 { text.clone() } else { String::new() });
                    }
                }
            }
            c += cell.colspan as usize;
        }
    }
    let mut out = String::from("\u{feff}");
    for row in grid {
        let fields: Vec<String> = row.into_iter().map(Option::unwrap_or_default).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_reads_the_same_on_screen_in_text_and_in_csv() {
        let doc = crate::json::parse(r#"{"a": 1e2, "b": 7730.280, "c": null, "d": "/", "e": [1, 2], "f": -0.5}"#)
            .unwrap()
            .value;
        let text = |k: &str| cell_text(doc.pointer(&format!("/{k}")));
        assert_eq!(
            ["a", "b", "c", "d", "e", "f", "missing"].map(text),
            ["100", "7730.280", "", "/", "[1,2]", "-0.5", ""].map(String::from)
        );
    }

    #[test]
    fn table_csv_is_the_printed_grid() {
        let loaded = crate::load(crate::BUILTIN_SAMPLE.as_bytes());
        let report = loaded.report.as_ref().unwrap();
        let document = loaded.document.as_ref().unwrap();
        let tables = layout::tables(report.template, report.other_shape);
        let csv = table_csv(document, &tables[1]);
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 3 + 25);
        assert!(lines.iter().all(|l| l.matches(',').count() >= 9), "10 columns everywhere");
        assert_eq!(lines[3], "一、本年新收政府信息公开申请数量,,,1,0,0,0,0,0,1");
        assert!(lines.iter().any(|l| l.starts_with(",（七）总计,,1,")), "{lines:#?}");
        // 申请人情况 spans seven columns: its text once, then empties.
        assert!(lines[0].contains("申请人情况,,,,,,"));
    }

    #[test]
    fn a_cell_that_looks_like_a_formula_is_text_and_numbers_stay_numbers() {
        let mut loaded = crate::load(crate::BUILTIN_SAMPLE.as_bytes());
        let document = loaded.document.as_mut().unwrap();
        let text = crate::json::parse(r#""=HYPERLINK(\"http://x\"&A1,\"click\")""#).unwrap().value;
        let minus = crate::json::parse("-3").unwrap().value;
        if let Some(Value::Object(row)) = document.pointer_mut("/applications/received") {
            row.insert("natural_person", text);
            row.insert("commercial", minus);
        }
        let loaded = crate::load_value(loaded.document.unwrap());
        let report = loaded.report.as_ref().unwrap();
        let tables = layout::tables(report.template, report.other_shape);
        let csv = table_csv(loaded.document.as_ref().unwrap(), &tables[1]);
        let received = csv.split("\r\n").find(|l| l.starts_with("一、本年新收")).unwrap();
        assert_eq!(
            received,
            "一、本年新收政府信息公开申请数量,,,\"'=HYPERLINK(\"\"http://x\"\"&A1,\"\"click\"\")\",-3,0,0,0,0,1"
        );
    }
}
