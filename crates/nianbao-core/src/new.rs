//! Starting a report: the blank template of a year, or last year's report
//! of the same body as the draft. What the app's 新建报告 and `nianbao new`
//! make alike.
//!
//! Every table cell of a new report is blank (`null`), never 0: a blank is a
//! cell still to fill, and the checks say so (`cell-blank`) until it is.

use crate::json::{Object, Value};
use crate::layout::{self, GridKind};
use crate::model::Kind;
use crate::template::{Template, FORMAT_ID, OVERVIEW_HEADINGS, REPORT_NAME, SECTIONS};
use crate::Lang;

/// The report's title as the template words it: 某某局2024年政府信息公开工作年度报告.
pub fn title(agency: &str, year: i64) -> String {
    format!("{agency}{year}年{}", REPORT_NAME.zh)
}

/// A blank report of `year` for `agency`: the year's template, every cell
/// blank, section 一 with the template's sub-headings and nothing else,
/// sections 五 and 六 empty.
pub fn blank(year: i64, agency: &str, kind: Option<Kind>) -> Value {
    let template = Template::for_year(year);
    let mut root = Object::new();
    root.insert("format", Value::String(FORMAT_ID.to_string()));
    root.insert("template", Value::String(template.code().to_string()));
    root.insert("year", Value::Number(crate::json::Number::from_f64(year as f64)));
    root.insert("agency", Value::String(agency.to_string()));
    root.insert("title", Value::String(title(agency, year)));
    if let Some(kind) = kind {
        root.insert("kind", Value::String(kind.code().to_string()));
    }
    let mut document = Value::Object(root);
    for section in &SECTIONS {
        match section.key {
            "overview" => {
                let headings: Vec<&str> = OVERVIEW_HEADINGS.iter().map(|h| h.get(Lang::Zh)).collect();
                crate::edit::set(&mut document, "/overview", Value::String(headings.join("\n")));
            }
            "problems" | "other" => {
                crate::edit::set(&mut document, &format!("/{}", section.key), Value::String(String::new()))
            }
            _ => {}
        }
    }
    for table in layout::tables(template, template.other_shape()) {
        for cell in table.rows.iter().flatten() {
            if let GridKind::Value { pointer } = &cell.kind {
                crate::edit::set(&mut document, pointer, Value::Null);
            }
        }
    }
    // Sections in printed order: 一, the three tables, 五, 六.
    reorder(&mut document);
    document
}

/// The next year's report from last year's of the same body: its agency and
/// kind, the next year and that year's template, every column of 二、上年结转
/// from last year's 四、结转下年度继续办理 (a number only: a blank or text cell
/// stays blank, to be filled), and last year's sections 一 and 五 as a
/// starting point (`problems-repeated` and `copied-previous` say so while
/// they stay unchanged). `None` when last year's report has no readable year
/// or agency.
pub fn from_previous(previous: &Value) -> Option<Value> {
    let loaded = crate::load_value(previous.clone());
    let report = loaded.report.as_ref()?;
    let year = report.year? + 1;
    let agency = report.agency.clone().filter(|a| !a.trim().is_empty())?;
    let mut document = blank(year, &agency, report.kind);
    for column in crate::template::APPLICANT_COLUMNS.iter() {
        let from = format!("/applications/carried_forward/{}", column.key);
        if let Some(Value::Number(n)) = previous.pointer(&from) {
            let to = format!("/applications/carried_over/{}", column.key);
            crate::edit::set(&mut document, &to, Value::Number(n.clone()));
        }
    }
    for key in ["overview", "problems"] {
        if let Some(Value::String(text)) = previous.pointer(&format!("/{key}")) {
            if !text.trim().is_empty() {
                crate::edit::set(&mut document, &format!("/{key}"), Value::String(text.clone()));
            }
        }
    }
    Some(document)
}

/// How many cells of each table (表二, 表三, 表四) are still blank.
pub fn to_fill(document: &Value) -> [usize; 3] {
    let loaded = crate::load_value(document.clone());
    let (template, shape) = match &loaded.report {
        Some(report) => (report.template, report.other_shape),
        None => return [0; 3],
    };
    let tables = layout::tables(template, shape);
    let mut counts = [0; 3];
    for (count, table) in counts.iter_mut().zip(tables.iter()) {
        *count = table
            .rows
            .iter()
            .flatten()
            .filter_map(|cell| cell.pointer())
            .filter(|pointer| matches!(document.pointer(pointer), None | Some(Value::Null)))
            .count();
    }
    counts
}

/// Puts the format's keys in the order FORMAT.md lists them (the JSON a
/// person reads), anything else after them as it was.
fn reorder(document: &mut Value) {
    let Value::Object(root) = document else { return };
    let mut ordered = Object::new();
    for key in crate::template::TOP_LEVEL_KEYS {
        if let Some(value) = root.remove(key) {
            ordered.insert(key, value);
        }
    }
    let rest: Vec<String> = root.keys().map(str::to_string).collect();
    for key in rest {
        if let Some(value) = root.remove(&key) {
            ordered.insert(key, value);
        }
    }
    *root = ordered;
}
