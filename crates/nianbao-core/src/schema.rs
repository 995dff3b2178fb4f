//! The JSON Schema (draft 2020-12) of the format, generated from the template
//! description so that it cannot drift from what the reader accepts.
//!
//! The schema states the shape: required keys, cell types, the two templates.
//! It accepts what the reader accepts with findings of `warning` or `info`
//! severity (blank and text cells, unknown keys, the single （六） row in a
//! 2021 report); the arithmetic and the other rules are the validator's job.
//! The repository keeps a copy at `schema/zfxxgk-annual-report-1.schema.json`,
//! checked against this in the tests.

use crate::json::{Object, Value};
use crate::model::Kind;
use crate::template::{
    OtherShape, ProactiveBlock, RowRole, Section, Template, APPEAL_BLOCKS, APPEAL_COLUMNS, APPLICANT_COLUMNS,
    FORMAT_ID, OTHER, OTHER_SUB_KEYS, RESULTS_HEADER, SECTIONS,
};

pub const SCHEMA_ID: &str = "https://nianbao.github.io/schema/zfxxgk-annual-report-1.schema.json";

fn s(text: &str) -> Value {
    Value::String(text.to_string())
}

fn obj(entries: Vec<(&str, Value)>) -> Value {
    let mut o = Object::new();
    for (k, v) in entries {
        o.insert(k, v);
    }
    Value::Object(o)
}

fn strings(items: &[&str]) -> Value {
    Value::Array(items.iter().map(|i| s(i)).collect())
}

fn reference(name: &str) -> Value {
    obj(vec![("$ref", s(&format!("#/$defs/{name}")))])
}

/// An object with exactly these required keys, each with the given schema;
/// other keys are allowed (the reader keeps them, with an info finding).
fn record(description: &str, keys: &[(&str, Value)]) -> Value {
    let mut properties = Object::new();
    for (key, schema) in keys {
        properties.insert(*key, schema.clone());
    }
    let required: Vec<&str> = keys.iter().map(|(k, _)| *k).collect();
    obj(vec![
        ("description", s(description)),
        ("type", s("object")),
        ("required", strings(&required)),
        ("properties", Value::Object(properties)),
    ])
}

fn proactive(blocks: &[ProactiveBlock], template: Template) -> Value {
    let rows: Vec<(&str, Value)> = blocks
        .iter()
        .flat_map(|block| {
            block.rows.iter().map(move |row| {
                let cells: Vec<(&str, Value)> =
                    block.columns.iter().map(|c| (c.key, cell_schema(c.label.zh))).collect();
                (row.key, record(&format!("{} · {}", block.article.zh, row.label.zh), &cells))
            })
        })
        .collect();
    record(&format!("{}（{} 版模板）", caption(&SECTIONS[1]), template.code()), &rows)
}

/// A table's caption: its short name and its section's words, e.g.
/// “表四 政府信息公开行政复议、行政诉讼情况”.
fn caption(section: &Section) -> String {
    format!("{} {}", section.short.zh, section.phrase())
}

fn cell_schema(label: &str) -> Value {
    obj(vec![("description", s(label)), ("$ref", s("#/$defs/cell"))])
}

fn applicant_row() -> Value {
    let cells: Vec<(&str, Value)> = APPLICANT_COLUMNS.iter().map(|c| (c.key, cell_schema(c.label.zh))).collect();
    record("表三的一行：七类申请人各一格", &cells)
}

fn applications() -> Value {
    let row = || reference("applicantRow");
    let mut results: Vec<(&str, Value)> = Vec::new();
    let mut groups: Vec<(&str, Vec<(&str, Value)>)> = Vec::new();
    for r in OtherShape::Split.rows() {
        match (r.role, r.path) {
            (RowRole::Result, ["results", "other", _]) => {}
            (RowRole::Result, ["results", key]) => results.push((key, row())),
            (RowRole::Result, ["results", group, key]) => match groups.iter_mut().find(|(g, _)| g == group) {
                Some((_, rows)) => rows.push((key, row())),
                None => groups.push((group, vec![(key, row())])),
            },
            _ => {}
        }
    }
    for (group, rows) in groups {
        let label = OtherShape::Split
            .rows()
            .iter()
            .find(|r| r.path.get(1) == Some(&group))
            .and_then(|r| r.group)
            .map_or("", |g| g.label.zh);
        results.push((group, record(label, &rows)));
    }
    let split_other: Vec<(&str, Value)> = OTHER_SUB_KEYS.iter().map(|k| (*k, row())).collect();
    results.push((
        "other",
        obj(vec![
            (
                "description",
                s(&format!("{}：2021 版为三个分项；2019 版（及部分沿用旧样式的 2021 版报告）为一行", OTHER.label.zh)),
            ),
            ("anyOf", Value::Array(vec![record(&format!("{}的三个分项", OTHER.label.zh), &split_other), row()])),
        ]),
    ));
    results.push(("total", row()));
    record(
        &caption(&SECTIONS[2]),
        &[
            ("received", row()),
            ("carried_over", row()),
            ("results", record(RESULTS_HEADER.zh, &results)),
            ("carried_forward", row()),
        ],
    )
}

fn appeals() -> Value {
    let cells: Vec<(&str, Value)> = APPEAL_COLUMNS.iter().map(|c| (c.key, cell_schema(c.label.zh))).collect();
    let blocks: Vec<(&str, Value)> = APPEAL_BLOCKS.iter().map(|b| (b.key, record(b.label.zh, &cells))).collect();
    record(&caption(&SECTIONS[3]), &blocks)
}

/// The JSON Schema of `zfxxgk-annual-report/1`.
pub fn schema() -> Value {
    let text = |description: &str| obj(vec![("description", s(description)), ("type", s("string"))]);
    let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.code()).collect();
    let section = |key: &str| SECTIONS.iter().find(|x| x.key == key).map_or("", |x| x.heading.zh);
    let mut properties = Object::new();
    properties.insert("format", obj(vec![("const", s(FORMAT_ID))]));
    properties.insert("template", obj(vec![("enum", strings(&["2019", "2021"]))]));
    properties.insert("year", obj(vec![("description", s("报告年度")), ("type", s("integer"))]));
    properties.insert("agency", text("报告机关"));
    properties.insert("title", text("公布时的标题"));
    properties.insert("kind", obj(vec![("description", s("报告类别，决定公布期限")), ("enum", strings(&kinds))]));
    properties.insert(
        "published",
        obj(vec![
            ("description", s("公布日期")),
            ("type", s("string")),
            ("pattern", s("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")),
        ]),
    );
    properties.insert("source", text("公布位置（网址或说明）"));
    properties.insert("overview", text(section("overview")));
    properties.insert("proactive", obj(vec![("description", s(section("proactive"))), ("type", s("object"))]));
    properties.insert("applications", reference("applications"));
    properties.insert("appeals", reference("appeals"));
    properties.insert("problems", text(section("problems")));
    properties.insert("other", text(section("other")));
    properties.insert(
        "annotations",
        obj(vec![
            ("description", s("审核人对检查结果的处理意见")),
            ("type", s("array")),
            (
                "items",
                obj(vec![
                    ("type", s("object")),
                    ("required", strings(&["rule", "pointer", "status"])),
                    (
                        "properties",
                        obj(vec![
                            ("rule", obj(vec![("type", s("string"))])),
                            ("pointer", obj(vec![("type", s("string"))])),
                            ("status", obj(vec![("enum", strings(&["dismissed", "confirmed"]))])),
                            ("comment", obj(vec![("type", s("string"))])),
                        ]),
                    ),
                ]),
            ),
        ]),
    );
    properties.insert(
        crate::import_note::KEY,
        obj(vec![
            ("description", s("导入记录：报告由哪种文件导入，导入时未能确定之处（docs/IMPORT.md）")),
            ("type", s("object")),
            (
                "properties",
                obj(vec![
                    ("from", obj(vec![("enum", strings(&["text", "html", "docx", "pdf"]))])),
                    ("file", obj(vec![("type", s("string"))])),
                    (
                        "notes",
                        obj(vec![
                            ("type", s("array")),
                            (
                                "items",
                                obj(vec![
                                    ("type", s("object")),
                                    ("required", strings(&["note"])),
                                    ("properties", obj(vec![("note", obj(vec![("type", s("string"))]))])),
                                ]),
                            ),
                        ]),
                    ),
                ]),
            ),
        ]),
    );
    let by_template = |template: Template, name: &str| {
        obj(vec![
            ("if", obj(vec![("properties", obj(vec![("template", obj(vec![("const", s(template.code()))]))]))])),
            ("then", obj(vec![("properties", obj(vec![("proactive", reference(name))]))])),
        ])
    };
    let mut defs = Object::new();
    defs.insert(
        "cell",
        obj(vec![
            ("description", s("一格：数字；null 表示空白；文字表示原样照录的非数字内容（如 \"/\"）")),
            ("type", strings(&["number", "null", "string"])),
        ]),
    );
    defs.insert("applicantRow", applicant_row());
    defs.insert("applications", applications());
    defs.insert("appeals", appeals());
    defs.insert("proactive2021", proactive(Template::T2021.proactive(), Template::T2021));
    defs.insert("proactive2019", proactive(Template::T2019.proactive(), Template::T2019));
    obj(vec![
        ("$schema", s("https://json-schema.org/draft/2020-12/schema")),
        ("$id", s(SCHEMA_ID)),
        ("title", s("政府信息公开工作年度报告 (zfxxgk-annual-report/1)")),
        (
            "description",
            s("China's government information-disclosure annual report in the Nianbao interchange format. Keys not listed are allowed and kept."),
        ),
        ("type", s("object")),
        (
            "required",
            strings(&["format", "template", "year", "agency", "overview", "proactive", "applications", "appeals", "problems", "other"]),
        ),
        ("properties", Value::Object(properties)),
        ("allOf", Value::Array(vec![by_template(Template::T2021, "proactive2021"), by_template(Template::T2019, "proactive2019")])),
        ("$defs", Value::Object(defs)),
    ])
}
