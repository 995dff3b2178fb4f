//! Property tests, the backbone of the arithmetic rules: random consistent
//! reports of both templates (and of the 2021 template with the single （六）
//! row) give no findings; changing any one cell of 表三 or 表四 makes exactly
//! the right rules fire, each with that cell among its pointers.

mod common;
use common::*;
use nianbao_core::json::{Number, Object, Value};
use nianbao_core::template::{
    OtherShape, RowRole, Template, APPEAL_BLOCKS, APPEAL_COLUMNS, APPLICANT_COLUMNS,
};
use proptest::prelude::*;
use std::collections::BTreeSet;

/// A small deterministic generator, seeded by proptest.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn range(&mut self, low: u64, high: u64) -> u64 {
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
        let Some(Value::Object(next)) = object.get_mut(key) else {
            unreachable!()
        };
        object = next;
    }
    object.insert(*last, value);
}

#[derive(Debug, Clone, Copy)]
enum Variant {
    T2021,
    T2019,
    T2021SingleOther,
}

/// A report whose every 勾稽关系 holds, with narrative text that states no
/// table numbers, published on time.
// Column-by-column filling of a row-major grid reads clearest with indices.
#[allow(clippy::needless_range_loop)]
fn consistent_report(seed: u64, variant: Variant) -> Value {
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
    root.insert(
        "title",
        Value::String(format!(
            "某某县人民政府办公室{year}年政府信息公开工作年度报告"
        )),
    );
    root.insert("kind", Value::String("department".into()));
    root.insert(
        "published",
        Value::String(format!("{}-01-{:02}", year + 1, rng.range(1, 31))),
    );
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
                    "amount" => {
                        Value::Number(Number::from_f64(rng.range(0, 100_000) as f64 / 100.0))
                    }
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
            set(
                &mut proactive,
                &[row, "in_force"],
                num(issued.saturating_sub(repealed) + rng.range(0, 50)),
            );
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
            cells.insert(
                column.key,
                num(if c < 4 {
                    values[c]
                } else {
                    values.iter().sum()
                }),
            );
        }
        appeals.insert(block.key, Value::Object(cells));
    }
    root.insert("appeals", Value::Object(appeals));
    root.insert("problems", Value::String("一是信息发布的及时性有待提高；二是政策解读的形式还不够丰富。下一步将加强培训，完善审核机制。".into()));
    root.insert("other", Value::String("本年度未收取信息处理费。".into()));
    Value::Object(root)
}

fn variant() -> impl Strategy<Value = Variant> {
    prop_oneof![
        Just(Variant::T2021),
        Just(Variant::T2019),
        Just(Variant::T2021SingleOther)
    ]
}

/// Every 表三 and 表四 cell pointer of a report, with the rules (and their
/// first pointers) that a change of that cell alone must set off.
fn cells_and_consequences(shape: OtherShape) -> Vec<(String, BTreeSet<(String, String)>)> {
    let rows = shape.rows();
    let row_pointer = |role: RowRole, column: usize| {
        rows.iter()
            .find(|r| r.role == role)
            .unwrap()
            .cell_pointer(column)
    };
    let mut all = Vec::new();
    for row in rows {
        for column in 0..7 {
            let mut fired = BTreeSet::new();
            fired.insert(("t3-row-total".to_string(), row.cell_pointer(6)));
            let results_total = (
                "t3-results-total".to_string(),
                row_pointer(RowRole::ResultsTotal, column),
            );
            let balance = (
                "t3-balance".to_string(),
                row_pointer(RowRole::Received, column),
            );
            match row.role {
                RowRole::Result => {
                    fired.insert(results_total);
                }
                RowRole::ResultsTotal => {
                    fired.insert(results_total);
                    fired.insert(balance);
                }
                RowRole::Received | RowRole::CarriedOver | RowRole::CarriedForward => {
                    fired.insert(balance);
                }
            }
            all.push((row.cell_pointer(column), fired));
        }
    }
    for b in 0..3 {
        for c in 0..5 {
            let fired = BTreeSet::from([(
                "t4-total".to_string(),
                nianbao_core::template::appeal_pointer(b, 4),
            )]);
            all.push((nianbao_core::template::appeal_pointer(b, c), fired));
        }
    }
    all
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn consistent_reports_have_no_findings(seed in any::<u64>(), variant in variant()) {
        let report = consistent_report(seed, variant);
        let checked = check_value(&report, None);
        let expected: &[(&str, &str)] = match variant {
            Variant::T2021SingleOther => &[("template-mixed", "/applications/results/other")],
            _ => &[],
        };
        prop_assert_eq!(findings(&checked), pairs(expected));
        prop_assert_eq!(checked.summary.checks_skipped, 0);
    }

    #[test]
    fn one_changed_cell_fires_the_right_rules_at_that_cell(
        seed in any::<u64>(), variant in variant(), pick in any::<prop::sample::Index>(), delta in 1u64..5,
    ) {
        let mut report = consistent_report(seed, variant);
        let shape = match variant { Variant::T2021 => OtherShape::Split, _ => OtherShape::Single };
        let cells = cells_and_consequences(shape);
        let (pointer, expected) = &cells[pick.index(cells.len())];
        let Some(Value::Number(n)) = report.pointer(pointer).cloned() else { panic!("{pointer}") };
        *report.pointer_mut(pointer).unwrap() = Value::Number(Number::from_f64(n.value() + delta as f64));

        let checked = check_value(&report, None);
        let fired: BTreeSet<(String, String)> = findings(&checked)
            .into_iter()
            .filter(|(rule, _)| rule != "template-mixed")
            .collect();
        prop_assert_eq!(&fired, expected, "changing {}", pointer);
        for d in checked.diagnostics.iter().filter(|d| d.rule.code() != "template-mixed") {
            prop_assert!(d.pointers.contains(pointer), "{} does not point at {}", d.rule.code(), pointer);
            prop_assert_eq!((d.expected.unwrap() - d.actual.unwrap()).abs(), delta as f64);
        }
    }

    #[test]
    fn blanking_a_cell_skips_instead_of_counting_zero(seed in any::<u64>(), pick in any::<prop::sample::Index>()) {
        let mut report = consistent_report(seed, Variant::T2021);
        let cells = cells_and_consequences(OtherShape::Split);
        let (pointer, _) = &cells[pick.index(cells.len())];
        *report.pointer_mut(pointer).unwrap() = Value::Null;
        let checked = check_value(&report, None);
        prop_assert_eq!(findings(&checked), vec![("cell-blank".to_string(), pointer.clone())]);
        prop_assert!(checked.summary.checks_skipped >= 1);
    }
}
