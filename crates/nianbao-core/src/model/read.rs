//! Reading a [`Report`] from its JSON document, and the reading findings.

use super::{Annotation, Cell, Kind, ProactiveCell, Report, MAX_EXACT};
use crate::date::Date;
use crate::diagnostic::{Detail, Diagnostic, ExpectedType, Found, Rule, Status};
use crate::json::{escape_pointer_token, Object, Value};
use crate::template::{
    OtherShape, Template, APPEAL_BLOCKS, APPEAL_COLUMNS, APPLICANT_COLUMNS, FORMAT_ID, OTHER_SUB_KEYS, TOP_LEVEL_KEYS,
};

/// Reads the typed view of a document, adding the reading findings
/// (`format-unsupported` … `field-unknown`) to `out`. `None` only when the
/// document is not an object at all.
pub fn read_report(document: &Value, out: &mut Vec<Diagnostic>) -> Option<Report> {
    let Value::Object(root) = document else {
        out.push(type_finding("", ExpectedType::Object, document));
        return None;
    };
    let mut reader = Reader { out };

    match root.get("format") {
        Some(Value::String(s)) if s == FORMAT_ID => {}
        Some(Value::String(s)) => {
            reader.push(Rule::FormatUnsupported, "/format", Detail::FormatUnsupported { found: Some(s.clone()) })
        }
        Some(other) => {
            reader.push(Rule::FormatUnsupported, "/format", Detail::FormatUnsupported { found: Some(other.to_json()) })
        }
        None => reader.push(Rule::FormatUnsupported, "/format", Detail::FormatUnsupported { found: None }),
    }

    let declared = root.get("template").and_then(Value::as_str).and_then(Template::from_code);
    let template = declared.unwrap_or_else(|| infer_template(root));
    if declared.is_none() {
        let found = root.get("template").map(|v| v.as_str().map_or_else(|| v.to_json(), str::to_string));
        reader.push(Rule::TemplateUnknown, "/template", Detail::TemplateUnknown { found, assumed: template });
    }

    let year = reader.year(root);
    let agency = reader.string(root, "agency", true);
    let title = reader.string(root, "title", false);
    let kind = reader.enumerated(root, "kind", ExpectedType::Kind, Kind::from_code);
    let published = reader.enumerated(root, "published", ExpectedType::Date, Date::parse);
    reader.string(root, "source", false);
    let overview = reader.string(root, "overview", true);
    let problems = reader.string(root, "problems", true);
    let other = reader.string(root, "other", true);

    let proactive = reader.proactive(root.get("proactive"), template);
    let (other_shape, applications) = reader.applications(root.get("applications"), template);
    let appeals = reader.appeals(root.get("appeals"));
    let annotations = reader.annotations(root.get("annotations"));
    let import = root.get(crate::import_note::KEY).and_then(crate::import_note::ImportRecord::from_json);

    for key in root.keys_except(&TOP_LEVEL_KEYS) {
        reader.unknown("", key);
    }

    Some(Report {
        template,
        template_declared: declared.is_some(),
        other_shape,
        year,
        agency,
        title,
        kind,
        published,
        overview,
        problems,
        other,
        proactive,
        applications,
        appeals,
        annotations,
        import,
    })
}

/// The template the tables look like, when `template` does not say: 表二's
/// column keys differ between the two, then （六）'s shape, then the year.
fn infer_template(root: &Object) -> Template {
    let proactive_row = root.pointer_object("proactive").and_then(|p| p.get("regulations")).and_then(Value::as_object);
    if let Some(row) = proactive_row {
        if row.contains_key("issued") || row.contains_key("in_force") {
            return Template::T2021;
        }
        if row.contains_key("made") || row.contains_key("total_published") {
            return Template::T2019;
        }
    }
    match root.get("year") {
        Some(Value::Number(n)) if n.value() <= 2020.0 => Template::T2019,
        _ => Template::T2021,
    }
}

trait ObjectExt {
    fn pointer_object(&self, key: &str) -> Option<&Object>;
}

impl ObjectExt for Object {
    fn pointer_object(&self, key: &str) -> Option<&Object> {
        self.get(key).and_then(Value::as_object)
    }
}

fn type_finding(pointer: &str, expected: ExpectedType, found: &Value) -> Diagnostic {
    Diagnostic::at(Rule::FieldType, pointer, Detail::FieldType { expected, found: Found::Type(found.type_name()) })
}

/// A JSON number as a cell value: finite and within ±2^53.
fn exact_number(n: &crate::json::Number) -> Option<f64> {
    let value = n.value();
    (value.is_finite() && value.abs() <= MAX_EXACT).then_some(if value == 0.0 { 0.0 } else { value })
}

struct Reader<'a> {
    out: &'a mut Vec<Diagnostic>,
}

impl Reader<'_> {
    fn push(&mut self, rule: Rule, pointer: &str, detail: Detail) {
        self.out.push(Diagnostic::at(rule, pointer, detail));
    }

    fn missing(&mut self, pointer: &str) {
        self.push(Rule::FieldMissing, pointer, Detail::FieldMissing);
    }

    fn unknown(&mut self, parent: &str, key: &str) {
        let pointer = format!("{parent}/{}", escape_pointer_token(key));
        self.push(Rule::FieldUnknown, &pointer, Detail::FieldUnknown);
    }

    fn wrong_type(&mut self, pointer: &str, expected: ExpectedType, found: &Value) {
        self.out.push(type_finding(pointer, expected, found));
    }

    fn year(&mut self, root: &Object) -> Option<i64> {
        match root.get("year") {
            None => {
                self.missing("/year");
                None
            }
            Some(Value::Number(n)) => match exact_number(n) {
                Some(v) if v.fract() == 0.0 => Some(v as i64),
                _ => {
                    let found = if exact_number(n).is_none() {
                        Found::HugeNumber(n.as_str().into())
                    } else {
                        Found::Value(n.as_str().into())
                    };
                    self.push(Rule::FieldType, "/year", Detail::FieldType { expected: ExpectedType::Year, found });
                    None
                }
            },
            Some(other) => {
                self.wrong_type("/year", ExpectedType::Year, other);
                None
            }
        }
    }

    fn string(&mut self, root: &Object, key: &str, required: bool) -> Option<String> {
        // The pointer is made only for a finding.
        let pointer = || format!("/{key}");
        match root.get(key) {
            None => {
                if required {
                    self.missing(&pointer());
                }
                None
            }
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => {
                self.wrong_type(&pointer(), ExpectedType::String, other);
                None
            }
        }
    }

    /// An optional string key whose value must be one of a set (`kind`) or
    /// have a shape (`published`).
    fn enumerated<T>(
        &mut self,
        root: &Object,
        key: &str,
        expected: ExpectedType,
        read: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        let pointer = || format!("/{key}");
        match root.get(key)? {
            Value::String(s) => {
                let value = read(s);
                if value.is_none() {
                    self.push(
                        Rule::FieldType,
                        &pointer(),
                        Detail::FieldType { expected, found: Found::Value(s.clone()) },
                    );
                }
                value
            }
            other => {
                self.wrong_type(&pointer(), expected, other);
                None
            }
        }
    }

    /// The object at `pointer`, or a finding (and `None`) when it is absent
    /// or not an object.
    fn object<'v>(&mut self, value: Option<&'v Value>, pointer: &str) -> Option<&'v Object> {
        self.object_at(value, || pointer.to_string())
    }

    /// Like `object`, with the pointer made only when there is a finding.
    fn object_at<'v>(&mut self, value: Option<&'v Value>, pointer: impl Fn() -> String) -> Option<&'v Object> {
        match value {
            None => {
                self.missing(&pointer());
                None
            }
            Some(Value::Object(o)) => Some(o),
            Some(other) => {
                self.wrong_type(&pointer(), ExpectedType::Object, other);
                None
            }
        }
    }

    /// One cell of a row; `row_pointer` is only called to report a finding.
    fn cell(&mut self, row: &Object, key: &str, row_pointer: &dyn Fn() -> String) -> Cell {
        let pointer = || format!("{}/{key}", row_pointer());
        match row.get(key) {
            None => {
                self.missing(&pointer());
                Cell::Missing
            }
            Some(Value::Null) => Cell::Blank,
            Some(Value::String(s)) => Cell::Text(s.clone()),
            Some(Value::Number(n)) => match exact_number(n) {
                Some(v) => Cell::Number(v),
                None => {
                    let detail =
                        Detail::FieldType { expected: ExpectedType::Cell, found: Found::HugeNumber(n.as_str().into()) };
                    self.push(Rule::FieldType, &pointer(), detail);
                    Cell::Invalid
                }
            },
            Some(other) => {
                self.wrong_type(&pointer(), ExpectedType::Cell, other);
                Cell::Invalid
            }
        }
    }

    /// Reads the cells `keys` of a row; reports keys beyond them.
    fn row_cells<const N: usize>(
        &mut self,
        row: Option<&Object>,
        pointer: &dyn Fn() -> String,
        keys: [&str; N],
    ) -> [Cell; N] {
        let Some(row) = row else {
            return std::array::from_fn(|_| Cell::Missing);
        };
        let cells = keys.map(|key| self.cell(row, key, pointer));
        for key in row.keys_except(&keys) {
            self.unknown(&pointer(), key);
        }
        cells
    }

    fn proactive(&mut self, value: Option<&Value>, template: Template) -> Vec<ProactiveCell> {
        let table = self.object(value, "/proactive");
        let mut cells = Vec::with_capacity(22);
        let mut known_rows = Vec::with_capacity(8);
        for block in template.proactive() {
            for row in block.rows {
                known_rows.push(row.key);
                let pointer = || format!("/proactive/{}", row.key);
                let row_object = table.and_then(|t| self.object_at(t.get(row.key), pointer));
                for column in block.columns {
                    let cell = match row_object {
                        Some(r) => self.cell(r, column.key, &pointer),
                        None => Cell::Missing,
                    };
                    cells.push(ProactiveCell { row, column, cell });
                }
                if let Some(r) = row_object {
                    let allowed: Vec<&str> = block.columns.iter().map(|c| c.key).collect();
                    for key in r.keys_except(&allowed) {
                        self.unknown(&pointer(), key);
                    }
                }
            }
        }
        if let Some(table) = table {
            for key in table.keys_except(&known_rows) {
                self.unknown("/proactive", key);
            }
        }
        cells
    }

    fn applications(&mut self, value: Option<&Value>, template: Template) -> (OtherShape, Vec<[Cell; 7]>) {
        let table = self.object(value, "/applications");
        let results = table.and_then(|t| self.object(t.get("results"), "/applications/results"));
        let shape = results.and_then(|r| r.pointer_object("other")).map_or(template.other_shape(), |other| {
            let has_columns = APPLICANT_COLUMNS.iter().any(|c| other.contains_key(c.key));
            let has_sub_rows = OTHER_SUB_KEYS.iter().any(|k| other.contains_key(k));
            match (has_columns, has_sub_rows) {
                (true, false) => OtherShape::Single,
                (false, true) => OtherShape::Split,
                _ => template.other_shape(),
            }
        });
        let column_keys = APPLICANT_COLUMNS.each_ref().map(|c| c.key);
        let mut rows = Vec::with_capacity(shape.rows().len());
        for row in shape.rows() {
            let pointer = || row.pointer();
            // The row's parent: the table itself, `results`, or a result group.
            let parent = match row.path {
                [_] => table,
                ["results", _] => results,
                ["results", group, _] => {
                    let group_pointer = || format!("/applications/results/{group}");
                    let group_value = results.and_then(|r| r.get(group));
                    // One finding for a missing or mistyped group, not one per row.
                    let first_in_group =
                        rows.is_empty() || shape.rows()[rows.len() - 1].group.map(|g| g.key) != Some(group);
                    match group_value {
                        Some(Value::Object(o)) => Some(o),
                        _ if !first_in_group || results.is_none() => None,
                        other => self.object_at(other, group_pointer),
                    }
                }
                _ => None,
            };
            let key = row.path[row.path.len() - 1];
            let row_object = parent.and_then(|p| self.object_at(p.get(key), pointer));
            rows.push(self.row_cells(row_object, &pointer, column_keys));
        }
        // Keys beyond the template, at every level above the rows.
        if let Some(table) = table {
            for key in table.keys_except(&["received", "carried_over", "results", "carried_forward"]) {
                self.unknown("/applications", key);
            }
        }
        if let Some(results) = results {
            for (key, value) in results.iter() {
                let known = shape.rows().iter().any(|r| r.path.len() >= 2 && r.path[1] == key);
                if !known {
                    self.unknown("/applications/results", key);
                } else if let Value::Object(group) = value {
                    let sub_keys: Vec<&str> = shape
                        .rows()
                        .iter()
                        .filter(|r| r.path.len() == 3 && r.path[1] == key)
                        .map(|r| r.path[2])
                        .collect();
                    if !sub_keys.is_empty() {
                        for sub in group.keys() {
                            if !sub_keys.contains(&sub) {
                                self.unknown(&format!("/applications/results/{key}"), sub);
                            }
                        }
                    }
                }
            }
        }
        (shape, rows)
    }

    fn appeals(&mut self, value: Option<&Value>) -> [[Cell; 5]; 3] {
        let table = self.object(value, "/appeals");
        let keys = APPEAL_COLUMNS.each_ref().map(|c| c.key);
        let blocks = APPEAL_BLOCKS.each_ref().map(|block| {
            let pointer = || format!("/appeals/{}", block.key);
            let row = table.and_then(|t| self.object_at(t.get(block.key), pointer));
            self.row_cells(row, &pointer, keys)
        });
        if let Some(table) = table {
            for key in table.keys_except(&APPEAL_BLOCKS.each_ref().map(|b| b.key)) {
                self.unknown("/appeals", key);
            }
        }
        blocks
    }

    fn annotations(&mut self, value: Option<&Value>) -> Vec<Annotation> {
        let items = match value {
            None => return Vec::new(),
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.wrong_type("/annotations", ExpectedType::Array, other);
                return Vec::new();
            }
        };
        let mut annotations = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let pointer = format!("/annotations/{i}");
            let Value::Object(o) = item else {
                self.wrong_type(&pointer, ExpectedType::Object, item);
                continue;
            };
            let mut text = |key: &str, required: bool| -> Option<String> {
                let key_pointer = format!("{pointer}/{key}");
                match o.get(key) {
                    Some(Value::String(s)) => Some(s.clone()),
                    None if !required => Some(String::new()),
                    None => {
                        self.missing(&key_pointer);
                        None
                    }
                    Some(other) => {
                        self.wrong_type(&key_pointer, ExpectedType::String, other);
                        None
                    }
                }
            };
            let rule = text("rule", true);
            let target = text("pointer", true);
            let status = text("status", true);
            let comment = text("comment", false);
            let status = match status.as_deref() {
                Some("dismissed") => Some(Status::Dismissed),
                Some("confirmed") => Some(Status::Confirmed),
                Some(other) => {
                    let detail = Detail::FieldType {
                        expected: ExpectedType::AnnotationStatus,
                        found: Found::Value(other.into()),
                    };
                    self.push(Rule::FieldType, &format!("{pointer}/status"), detail);
                    None
                }
                None => None,
            };
            for key in o.keys() {
                if !["rule", "pointer", "status", "comment"].contains(&key) {
                    self.unknown(&pointer, key);
                }
            }
            if let (Some(rule), Some(pointer), Some(status), Some(comment)) = (rule, target, status, comment) {
                annotations.push(Annotation { rule, pointer, status, comment });
            }
        }
        annotations
    }
}
