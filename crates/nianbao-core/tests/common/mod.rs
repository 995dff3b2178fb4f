//! Helpers shared by the integration tests: the samples, edits by JSON
//! pointer, and a compact view of findings.
#![allow(dead_code)]

use nianbao_core::date::Date;
use nianbao_core::json::{self, Number, Object, Value};
use nianbao_core::template::{OtherShape, RowRole, Template, APPEAL_BLOCKS, APPEAL_COLUMNS, APPLICANT_COLUMNS};
use nianbao_core::{Checked, Context, Loaded};

pub const SAMPLES: [&str; 4] =
    ["jiyuan-hitech-zone-2024", "huaian-city-2024", "hongze-district-2023", "hongze-district-2024"];

/// The date the tests judge report years by.
pub fn today() -> Date {
    Date::new(2026, 11, 27).unwrap()
}

pub fn sample_text(name: &str) -> String {
    let path = format!("{}/../../samples/{name}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn sample(name: &str) -> Value {
    json::parse(&sample_text(name)).expect("samples are well-formed").value
}

/// Every table cell pointer of a report, from its printed layout.
pub fn cell_pointers(document: &Value) -> Vec<String> {
    let report = nianbao_core::load_value(document.clone()).report.expect("a readable report");
    nianbao_core::layout::tables(report.template, report.other_shape)
        .iter()
        .flat_map(|t| t.rows.iter().flatten().filter_map(|c| c.pointer().map(str::to_string)).collect::<Vec<_>>())
        .collect()
}

/// A PDF file of numbered objects (`1 0 obj` is the catalogue), with a
/// correct cross-reference table: for tests that need a file of a given shape.
pub fn pdf_of(objects: &[String]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").bytes());
    }
    out.extend(format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).bytes());
    out
}

/// Sets the value at `pointer` (creating nothing: the parent must exist) to
/// the JSON `value`, or removes the key when `value` is `None`.
pub fn edit(document: &mut Value, pointer: &str, value: Option<&str>) {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer below the root");
    let Some(Value::Object(object)) = document.pointer_mut(parent) else { panic!("{parent} is not an object") };
    match value {
        Some(text) => {
            object.insert(key, json::parse(text).expect("edit value is JSON").value);
        }
        None => {
            object.remove(key).unwrap_or_else(|| panic!("{pointer} does not exist"));
        }
    }
}

pub fn check_value(document: &Value, previous: Option<&Loaded>) -> Checked {
    check_text(&document.to_json(), previous)
}

pub fn check_text(text: &str, previous: Option<&Loaded>) -> Checked {
    let loaded = nianbao_core::load(text.as_bytes());
    let context = Context { today: today(), previous: previous.and_then(|p| p.report.as_ref()) };
    nianbao_core::validate(&loaded, &context)
}

/// Findings as (rule, first pointer), the way the tests state expectations.
pub fn findings(checked: &Checked) -> Vec<(String, String)> {
    checked
        .diagnostics
        .iter()
        .map(|d| (d.rule.code().to_string(), d.pointers.first().cloned().unwrap_or_default()))
        .collect()
}

pub fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

/// A small deterministic generator, seeded by proptest.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn range(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low + 1)
    }
}

fn num(n: u64) -> Value {
    Value::Number(Number::from_f64(n as f64))
}

fn set(root: &mut Object, path: &[&str], value: Value) {
    let (last, parents) = path.split_last().unwrap();
    let mut object = root;
    for key in parents {
        if !object.contains_key(key) {
            object.insert(*key, Value::Object(Object::new()));
        }
        let Some(Value::Object(next)) = object.get_mut(key) else { unreachable!() };
        object = next;
    }
    object.insert(*last, value);
}

#[derive(Debug, Clone, Copy)]
pub enum Variant {
    T2021,
    T2019,
    T2021SingleOther,
}

/// A report whose every 勾稽关系 holds, with narrative text that states no
/// table numbers, published on time.
// Column-by-column filling of a row-major grid reads clearest with indices.
#[allow(clippy::needless_range_loop)]
pub fn consistent_report(seed: u64, variant: Variant) -> Value {
    let mut rng = Rng(seed | 1);
    let (template, shape, year) = match variant {
        Variant::T2021 => (Template::T2021, OtherShape::Split, rng.range(2021, 2026)),
        Variant::T2019 => (Template::T2019, OtherShape::Single, rng.range(2019, 2020)),
        Variant::T2021SingleOther => (Template::T2021, OtherShape::Single, rng.range(2021, 2026)),
    };
    let mut root = Object::new();
    root.insert("format", Value::String("zfxxgk-annual-report/1".into()));
    root.insert("template", Value::String(template.code().into()));
    root.insert("year", num(year));
    root.insert("agency", Value::String("某某县人民政府办公室".into()));
    root.insert("title", Value::String(format!("某某县人民政府办公室{year}年政府信息公开工作年度报告")));
    root.insert("kind", Value::String("department".into()));
    root.insert("published", Value::String(format!("{}-01-{:02}", year + 1, rng.range(1, 31))));
    root.insert(
        "overview",
        Value::String(format!("本报告数据统计期限为{year}年1月1日至{year}年12月31日。\n（一）主动公开情况\n本机关按照条例要求主动公开政府信息，及时更新各栏目内容。")),
    );

    // 表二: anything non-negative, with 现行有效 at least 制发 − 废止.
    let mut proactive = Object::new();
    for block in template.proactive() {
        for row in block.rows {
            for column in block.columns {
                let value = match column.key {
                    "change" => Value::Number(Number::from_f64(rng.range(0, 20) as f64 - 10.0)),
                    "amount" => Value::Number(Number::from_f64(rng.range(0, 100_000) as f64 / 100.0)),
                    _ => num(rng.range(0, 30)),
                };
                set(&mut proactive, &[row.key, column.key], value);
            }
        }
    }
    if template == Template::T2021 {
        for row in ["regulations", "normative_documents"] {
            let issued = rng.range(0, 10);
            let repealed = rng.range(0, 10);
            set(&mut proactive, &[row, "issued"], num(issued));
            set(&mut proactive, &[row, "repealed"], num(repealed));
            set(&mut proactive, &[row, "in_force"], num(issued.saturating_sub(repealed) + rng.range(0, 50)));
        }
    }
    root.insert("proactive", Value::Object(proactive));

    // 表三, column by column: results, then carried over/forward, then received.
    let rows = shape.rows();
    let mut grid = vec![[0u64; 7]; rows.len()];
    for column in 0..6 {
        let mut results_total = 0;
        for (i, row) in rows.iter().enumerate() {
            if row.role == RowRole::Result {
                let value = match (row.path.get(1), row.path.get(2)) {
                    (Some(&"granted"), _) => rng.range(20, 100),
                    (Some(&"other"), _) => rng.range(0, 1),
                    _ => rng.range(0, 12),
                };
                grid[i][column] = value;
                results_total += value;
            }
        }
        let forward = rng.range(0, 10);
        let over = rng.range(0, 10).min(results_total + forward);
        for (i, row) in rows.iter().enumerate() {
            grid[i][column] = match row.role {
                RowRole::Result => grid[i][column],
                RowRole::ResultsTotal => results_total,
                RowRole::CarriedForward => forward,
                RowRole::CarriedOver => over,
                RowRole::Received => results_total + forward - over,
            };
        }
    }
    let mut applications = Object::new();
    for (i, row) in rows.iter().enumerate() {
        grid[i][6] = grid[i][..6].iter().sum();
        let mut cells = Object::new();
        for (c, column) in APPLICANT_COLUMNS.iter().enumerate() {
            cells.insert(column.key, num(grid[i][c]));
        }
        set(&mut applications, row.path, Value::Object(cells));
    }
    root.insert("applications", Value::Object(applications));

    let mut appeals = Object::new();
    for block in &APPEAL_BLOCKS {
        let values: Vec<u64> = (0..4).map(|_| rng.range(0, 20)).collect();
        let mut cells = Object::new();
        for (c, column) in APPEAL_COLUMNS.iter().enumerate() {
            cells.insert(column.key, num(if c < 4 { values[c] } else { values.iter().sum() }));
        }
        appeals.insert(block.key, Value::Object(cells));
    }
    root.insert("appeals", Value::Object(appeals));
    root.insert(
        "problems",
        Value::String(
            "一是信息发布的及时性有待提高；二是政策解读的形式还不够丰富。下一步将加强培训，完善审核机制。".into(),
        ),
    );
    root.insert("other", Value::String("本年度未收取信息处理费。".into()));
    Value::Object(root)
}

/// Whether a finding's words are one plain sentence (issue 15), in both
/// languages: checked on every finding of the rule fixtures, the samples and
/// generated reports with a wrong cell. The property:
///
/// - at most two sentences (quotations of the report left out): what is
///   wrong, then what to check;
/// - no longer than 100 characters in Chinese, 220 in English, quotations
///   left out; 80 and 170 for a finding with a calculation;
/// - for a finding with a calculation (`explain`), every number the words
///   give is one of the calculation's (or the difference), and the second
///   sentence gives none; for a sum, the numbers are exactly the total as
///   filled, the sum and the difference, in that order, and no addend is
///   named (they are the calculation's lines).
///
/// Years (“2023 年报告”) and the numbering of printed labels (“(7) Total”,
/// “1. received”) are not numbers of a calculation and are left out.
pub fn one_sentence(d: &nianbao_core::diagnostic::Diagnostic, template: Template) -> Result<(), String> {
    use nianbao_core::diagnostic::Detail;
    use nianbao_core::explain::{explain, Sign};
    use nianbao_core::Lang;
    for lang in [Lang::Zh, Lang::En] {
        let message = nianbao_core::message::message(d, template, lang);
        let fail = |why: &str| Err(format!("{} ({lang:?}): {why}: {message}", d.rule.code()));
        let bare = unquoted(&message);
        let sentences = sentences(&bare, lang);
        let steps = explain(d, template, lang);
        let arithmetic = !steps.is_empty();
        let limit = match (lang, arithmetic) {
            (Lang::Zh, true) => 80,
            (Lang::Zh, false) => 100,
            (Lang::En, true) => 170,
            (Lang::En, false) => 220,
        };
        if sentences.len() > 2 {
            return fail("more than two sentences");
        }
        if bare.chars().count() > limit {
            return fail(&format!("longer than {limit} characters"));
        }
        if !arithmetic {
            continue;
        }
        let mut allowed: Vec<String> = steps.iter().map(|s| s.value_text().trim_end_matches('%').to_string()).collect();
        allowed.extend(steps.iter().map(|s| nianbao_core::message::number(s.value.abs())));
        if let Some((expected, actual)) = d.numbers() {
            allowed.push(nianbao_core::message::number((expected - actual).abs()));
        }
        let said = numbers(&sentences[0], lang);
        if let Some(n) = said.iter().find(|n| !allowed.contains(n)) {
            return fail(&format!("{n} is not a number of the calculation {allowed:?}"));
        }
        if sentences.get(1).is_some_and(|s| !numbers(s, lang).is_empty()) {
            return fail("the second sentence gives numbers");
        }
        if let Detail::Sum { values } = &d.detail {
            let sum: f64 = values[1..].iter().sum();
            let n = nianbao_core::message::number;
            let expected = vec![n(values[0]), n(sum), n((values[0] - sum).abs())];
            if said != expected {
                return fail(&format!(
                    "the numbers are {said:?}, not the total, the sum and the difference {expected:?}"
                ));
            }
            let named = steps.iter().filter(|s| s.sign == Sign::Plus).find(|s| message.contains(&s.label));
            if let Some(step) = named {
                return fail(&format!("names the addend {}", step.label));
            }
        }
    }
    Ok(())
}

/// The words without what they quote of the report (“…”).
fn unquoted(message: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in message.chars() {
        match c {
            '“' => depth += 1,
            '”' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The sentences of `text`: ended by 。？！ in Chinese; in English by . ? !
/// before a capital letter or at the end (so “e.g.”, “7730.28” and “1. received” stay inside).
fn sentences(text: &str, lang: nianbao_core::Lang) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        current.push(c);
        let end = match lang {
            nianbao_core::Lang::Zh => matches!(c, '。' | '？' | '！'),
            nianbao_core::Lang::En => {
                let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
                // “2. Information disclosed…” opening a sentence is a label's numbering.
                let numbering = c == '.' && current.trim_start().chars().count() == 2;
                matches!(c, '.' | '?' | '!')
                    && !numbering
                    && chars.get(i + 1).is_none_or(|c| c.is_whitespace())
                    && next.is_none_or(|c| c.is_ascii_uppercase())
            }
        };
        if end {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.trim().is_empty() {
        out.push(current);
    }
    out
}

/// The numbers a sentence gives, as written; years and the numbering of
/// printed labels left out.
fn numbers(sentence: &str, lang: nianbao_core::Lang) -> Vec<String> {
    let chars: Vec<char> = sentence.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let starts = c.is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_alphanumeric());
        if !starts {
            i += 1;
            continue;
        }
        let minus = i > 0 && chars[i - 1] == '-';
        let start = i;
        while i < chars.len()
            && (chars[i].is_ascii_digit() || (chars[i] == '.' && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit())))
        {
            i += 1;
        }
        let token: String = chars[start..i].iter().collect();
        let rest: String = chars[i..].iter().take(8).collect();
        let before = if start > 0 { chars[start - 1] } else { ' ' };
        let year = token.len() == 4
            && (rest.trim_start().starts_with('年') || rest.starts_with("'s") || rest.starts_with(" report"));
        let numbering = match lang {
            nianbao_core::Lang::Zh => false,
            nianbao_core::Lang::En => {
                let word: String = chars[..start].iter().rev().take(8).collect::<Vec<_>>().into_iter().rev().collect();
                (before == '(' && rest.starts_with(')'))
                    || word.ends_with("Table ")
                    || word.ends_with("Section ")
                    || (rest.starts_with(". ") && rest.chars().nth(2).is_some_and(|c| c.is_ascii_lowercase()))
            }
        };
        if !year && !numbering {
            out.push(if minus { format!("-{token}") } else { token });
        }
    }
    out
}
