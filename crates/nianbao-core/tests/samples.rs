//! The four real reports in `samples/`, transcribed by hand from their
//! published text: their findings, their round trip, the JSON Schema, and
//! the cross-year and cross-agency rules on real data.

mod common;
use common::*;
use nianbao_core::diagnostic::Quantity;
use nianbao_core::json::Value;
use nianbao_core::rules::text_table_mismatch::statements;

#[test]
fn published_findings_of_each_sample() {
    let expected: [(&str, &[(&str, &str)]); 4] = [
        ("jiyuan-hitech-zone-2024", &[]),
        ("huaian-city-2024", &[]),
        (
            "hongze-district-2023",
            &[
                ("t4-total", "/appeals/review/total"),
                ("t4-total", "/appeals/litigation_after_review/total"),
                ("template-mixed", "/applications/results/other"),
            ],
        ),
        (
            "hongze-district-2024",
            &[("template-mixed", "/applications/results/other"), ("text-table-mismatch", "/overview")],
        ),
    ];
    for (name, findings_expected) in expected {
        let checked = check_text(&sample_text(name), None);
        assert_eq!(findings(&checked), pairs(findings_expected), "{name}");
    }
}

#[test]
fn hongze_2023_appeal_totals_quote_the_numbers() {
    let checked = check_text(&sample_text("hongze-district-2023"), None);
    let d = &checked.diagnostics[0];
    assert_eq!(d.numbers(), Some((11.0, 0.0)));
    let zh = nianbao_core::message::message(d, nianbao_core::Template::T2021, nianbao_core::Lang::Zh);
    assert!(zh.contains("行政复议") && zh.contains("总计填 0") && zh.contains("11"), "{zh}");
    let en = nianbao_core::message::message(d, nianbao_core::Template::T2021, nianbao_core::Lang::En);
    assert!(en.contains("Administrative review") && en.contains("11"), "{en}");
}

#[test]
fn load_then_save_gives_back_the_same_data() {
    for name in SAMPLES {
        let text = sample_text(name);
        let loaded = nianbao_core::load(text.as_bytes());
        let document = loaded.document.expect("well-formed");
        let again = nianbao_core::load(document.to_json_pretty().as_bytes()).document.unwrap();
        assert_eq!(again, document, "{name}");
        // Decimals keep their spelling.
        if name == "huaian-city-2024" {
            assert!(document.to_json().contains("\"amount\":96171.6"));
        }
    }
}

#[test]
fn the_builtin_sample_is_jiyuan_2024() {
    let loaded = nianbao_core::load(nianbao_core::BUILTIN_SAMPLE.as_bytes());
    let report = loaded.report.unwrap();
    assert_eq!(report.agency.as_deref(), Some("济源高新技术产业开发区管理办公室"));
    assert_eq!(report.year, Some(2024));
    assert_eq!(report.applications.len(), 25);
    for key in ["overview", "problems", "other"] {
        assert!(report.section_text(key).is_some_and(|t| t.chars().count() > 10), "{key}");
    }
}

#[test]
fn schema_file_is_the_generated_schema() {
    let generated = nianbao_core::schema::schema().to_json_pretty();
    let path = format!("{}/../../schema/zfxxgk-annual-report-1.schema.json", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("NIANBAO_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(stored == generated, "{path} is out of date: run the tests with NIANBAO_BLESS=1 to rewrite it");
}

#[test]
fn every_sample_conforms_to_the_schema() {
    let schema: serde_json::Value = serde_json::from_str(&nianbao_core::schema::schema().to_json()).unwrap();
    let validator = jsonschema::draft202012::new(&schema).expect("a valid 2020-12 schema");
    for name in SAMPLES {
        let instance: serde_json::Value = serde_json::from_str(&sample_text(name)).unwrap();
        let errors: Vec<String> =
            validator.iter_errors(&instance).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
    // And the schema is not a rubber stamp: broken documents fail it.
    for (pointer, value) in [("/year", "\"2024\""), ("/applications/received/total", "{}"), ("/template", "\"2022\"")] {
        let mut document = sample("huaian-city-2024");
        edit(&mut document, pointer, Some(value));
        let instance: serde_json::Value = serde_json::from_str(&document.to_json()).unwrap();
        assert!(!validator.is_valid(&instance), "{pointer} = {value} should fail the schema");
    }
    let mut document = sample("huaian-city-2024");
    edit(&mut document, "/proactive/regulations/issued", None);
    let instance: serde_json::Value = serde_json::from_str(&document.to_json()).unwrap();
    assert!(!validator.is_valid(&instance), "a missing 表二 cell should fail the schema");
}

#[test]
fn huaian_narrative_is_read_and_agrees() {
    let report = nianbao_core::load(sample_text("huaian-city-2024").as_bytes()).report.unwrap();
    let stated: Vec<(Quantity, f64)> = statements(report.overview.as_deref().unwrap(), report.year)
        .into_iter()
        .map(|s| (s.quantity, s.stated))
        .collect();
    for expected in [
        (Quantity::Received, 3119.0),
        (Quantity::Answered, 3050.0),
        (Quantity::CarriedOver, 34.0),
        (Quantity::CarriedForward, 103.0),
        (Quantity::Reviews, 351.0),
        (Quantity::Lawsuits, 46.0),
        (Quantity::AppealOutcome { review: true, column: 2 }, 178.0),
    ] {
        assert!(stated.contains(&expected), "{expected:?} not among {stated:?}");
    }
}

#[test]
fn huaian_with_a_changed_review_total_contradicts_its_text() {
    let mut document = sample("huaian-city-2024");
    edit(&mut document, "/appeals/review/other", Some("177"));
    edit(&mut document, "/appeals/review/total", Some("350"));
    let checked = check_value(&document, None);
    assert_eq!(
        findings(&checked),
        pairs(&[("text-table-mismatch", "/overview"), ("text-table-mismatch", "/overview")])
    );
    let zh: Vec<String> = checked
        .diagnostics
        .iter()
        .map(|d| nianbao_core::message::message(d, nianbao_core::Template::T2021, nianbao_core::Lang::Zh))
        .collect();
    assert!(zh[0].contains("行政复议案件数为 351 件") && zh[0].contains("表四中为 350"), "{zh:?}");
    assert!(zh[1].contains("其他结果") && zh[1].contains("178"), "{zh:?}");
}

#[test]
fn hongze_2024_office_acting_for_the_government_speaks_for_the_whole() {
    // 区政府办代表区政府受理 … 17 件: the office received them on behalf of the
    // district government, whose 表三 says 95 (RULES.md: 代表区政府 is the whole).
    let report = nianbao_core::load(sample_text("hongze-district-2024").as_bytes()).report.unwrap();
    let stated = statements(report.overview.as_deref().unwrap(), report.year);
    let received: Vec<f64> = stated.iter().filter(|s| s.quantity == Quantity::Received).map(|s| s.stated).collect();
    assert_eq!(received, [17.0], "{stated:?}");
    let checked = check_text(&sample_text("hongze-district-2024"), None);
    let d = checked.diagnostics.iter().find(|d| d.rule.code() == "text-table-mismatch").expect("a finding");
    assert_eq!(d.pointers, ["/overview", "/applications/received/total"]);
    assert_eq!(d.numbers(), Some((95.0, 17.0)));
    // The calculation shows both numbers, the table's by its printed place.
    let steps: Vec<(String, f64, Option<String>)> =
        nianbao_core::explain::explain(d, report.template, nianbao_core::Lang::Zh)
            .into_iter()
            .map(|s| (s.label_text(), s.value, s.pointer))
            .collect();
    assert_eq!(
        steps,
        [
            ("文字所写".to_string(), 17.0, Some("/overview".to_string())),
            (
                "表格数据（一、本年新收政府信息公开申请数量 · 总计）".to_string(),
                95.0,
                Some("/applications/received/total".to_string())
            ),
        ]
    );
}

#[test]
fn hongze_two_years_side_by_side() {
    let previous = nianbao_core::load(sample_text("hongze-district-2023").as_bytes());
    let checked = check_text(&sample_text("hongze-district-2024"), Some(&previous));
    // Same body (洪泽区人民政府 / 淮安市洪泽区人民政府), consecutive years, 0 carried.
    // 规范性文件 in force: 5 + 3 − 0 = 8, as reported.
    assert_eq!(
        findings(&checked),
        pairs(&[("template-mixed", "/applications/results/other"), ("text-table-mismatch", "/overview")])
    );
    assert_eq!(checked.summary.checks_skipped, 1);

    let mut document = sample("hongze-district-2024");
    edit(&mut document, "/applications/carried_over/natural_person", Some("2"));
    edit(&mut document, "/applications/carried_over/total", Some("2"));
    edit(&mut document, "/applications/carried_forward/natural_person", Some("2"));
    edit(&mut document, "/applications/carried_forward/total", Some("2"));
    edit(&mut document, "/proactive/normative_documents/in_force", Some("9"));
    let checked = check_value(&document, Some(&previous));
    assert_eq!(
        findings(&checked),
        pairs(&[
            ("template-mixed", "/applications/results/other"),
            ("text-table-mismatch", "/overview"),
            ("carry-over", "/applications/carried_over/natural_person"),
            ("carry-over", "/applications/carried_over/total"),
            ("in-force-continuity", "/proactive/normative_documents/in_force"),
        ])
    );
    let d = &checked.diagnostics[2];
    assert_eq!(d.numbers(), Some((0.0, 2.0)));
    let zh = nianbao_core::message::message(d, nianbao_core::Template::T2021, nianbao_core::Lang::Zh);
    assert!(zh.contains("2023 年报告") && zh.contains("填 2") && zh.contains("为 0"), "{zh}");
}

#[test]
fn wrong_previous_report() {
    let previous = nianbao_core::load(sample_text("huaian-city-2024").as_bytes());
    let checked = check_text(&sample_text("jiyuan-hitech-zone-2024"), Some(&previous));
    assert_eq!(
        findings(&checked),
        pairs(&[
            ("carry-over", "/applications/carried_over/natural_person"),
            ("carry-over", "/applications/carried_over/total"),
            ("in-force-continuity", "/proactive/regulations/in_force"),
            ("in-force-continuity", "/proactive/normative_documents/in_force"),
            ("agency-mismatch", "/agency"),
            ("year-gap", "/year"),
        ])
    );
}

#[test]
fn problems_repeated_word_for_word() {
    let previous_text = sample_text("jiyuan-hitech-zone-2024").replace("\"year\": 2024", "\"year\": 2023");
    let previous = nianbao_core::load(previous_text.as_bytes());
    let checked = check_text(&sample_text("jiyuan-hitech-zone-2024"), Some(&previous));
    let rules: Vec<String> = findings(&checked).into_iter().map(|(r, _)| r).collect();
    // Last year's report republished: its problems, and its section 一.
    assert_eq!(rules, ["problems-repeated", "copied-previous"]);
}

#[test]
fn aggregate_of_two_subordinates() {
    let a = nianbao_core::load(sample_text("hongze-district-2024").as_bytes()).report.unwrap();
    let mut b_doc = sample("jiyuan-hitech-zone-2024");
    edit(
        &mut b_doc,
        "/applications/results/other",
        Some(
            r#"{"natural_person":0,"commercial":0,"research":0,"social_welfare":0,"legal_service":0,"other_org":0,"total":0}"#,
        ),
    );
    let b = nianbao_core::load_value(b_doc).report.unwrap();
    // The parent is the cell-wise sum of both, except one cell.
    let mut parent_doc = sample("hongze-district-2024");
    edit(&mut parent_doc, "/applications/received/natural_person", Some("96"));
    edit(&mut parent_doc, "/applications/received/total", Some("96"));
    edit(&mut parent_doc, "/applications/results/unavailable/not_held/natural_person", Some("32"));
    edit(&mut parent_doc, "/applications/results/unavailable/not_held/total", Some("32"));
    edit(&mut parent_doc, "/applications/results/total/natural_person", Some("96"));
    edit(&mut parent_doc, "/applications/results/total/total", Some("96"));
    edit(&mut parent_doc, "/appeals/review/upheld", Some("5"));
    let parent = nianbao_core::load_value(parent_doc).report.unwrap();
    let checked = nianbao_core::validate_aggregate(&parent, &[("洪泽区", &a), ("济源高新区", &b)]);
    assert_eq!(findings(&checked), pairs(&[("aggregate-sum", "/appeals/review/upheld")]));
    let d = &checked.diagnostics[0];
    assert_eq!(d.numbers(), Some((1.0, 5.0)));
    let zh = nianbao_core::message::message(d, nianbao_core::Template::T2021, nianbao_core::Lang::Zh);
    assert!(zh.contains("洪泽区、济源高新区") && zh.contains("2 份"), "{zh}");
    assert_eq!(checked.summary.checks_run, 161 + 15);
}

/// Every finding of every sample, alone and beside each other sample as last
/// year's, and of each sample with one total made wrong in each table, is
/// one sentence with its calculation's numbers (`common::one_sentence`).
#[test]
fn every_finding_on_the_samples_is_one_sentence() {
    let mut seen = std::collections::BTreeSet::new();
    let mut check = |document: &Value, previous: Option<&nianbao_core::Loaded>| {
        let template = nianbao_core::load_value(document.clone()).template();
        for d in &check_value(document, previous).diagnostics {
            seen.insert(d.rule.code());
            if let Err(why) = one_sentence(d, template) {
                panic!("{why}");
            }
        }
    };
    for name in SAMPLES {
        check(&sample(name), None);
        for last in SAMPLES {
            check(&sample(name), Some(&nianbao_core::load(sample_text(last).as_bytes())));
        }
        let mut wrong = sample(name);
        for total in
            ["/applications/results/total/natural_person", "/applications/received/total", "/appeals/review/total"]
        {
            let Some(Value::Number(n)) = wrong.pointer(total).cloned() else { panic!("{total}") };
            edit(&mut wrong, total, Some(&nianbao_core::message::number(n.value() + 6.0)));
        }
        edit(&mut wrong, "/proactive/normative_documents/in_force", Some("0"));
        check(&wrong, None);
    }
    for rule in ["t3-results-total", "t3-row-total", "t3-balance", "t4-total", "text-table-mismatch", "carry-over"] {
        assert!(seen.contains(rule), "{rule} was not among the findings: {seen:?}");
    }
}

/// The message of RULES.md's example of the output shape, word for word.
#[test]
fn a_balance_reads_as_the_rules_example() {
    let mut document = sample("jiyuan-hitech-zone-2024");
    for (pointer, value) in [
        ("/applications/received/natural_person", "1"),
        ("/applications/carried_over/natural_person", "0"),
        ("/applications/results/total/natural_person", "0"),
        ("/applications/carried_forward/natural_person", "0"),
    ] {
        edit(&mut document, pointer, Some(value));
    }
    let checked = check_value(&document, None);
    let d = checked
        .diagnostics
        .iter()
        .find(|d| d.rule.code() == "t3-balance" && d.pointers[0].ends_with("/natural_person"));
    let d = d.expect("the balance of 自然人 fails");
    assert_eq!(
        nianbao_core::message::message(d, nianbao_core::Template::T2021, nianbao_core::Lang::Zh),
        "自然人一列：一、本年新收 1 + 二、上年结转 0 = 1，但（七）总计 0 + 四、结转下年度 0 = 0。请核对这一列。"
    );
}
