//! Fixture tests per rule: the built-in sample with a few cells changed, and
//! the exact findings that must come out (rule, first pointer), in order;
//! every fixture's whole findings are also compared with a golden file.

mod common;
use common::*;
use nianbao_core::json::Value;
use nianbao_core::Loaded;

/// Every fixture's findings, in the words the user reads, in both
/// languages: `tests/golden/rules/<test>-<n>.txt`, blessed like the schema
/// (`NIANBAO_BLESS=1`), so that a changed word is a visible diff.
fn check_value(document: &Value, previous: Option<&Loaded>) -> nianbao_core::Checked {
    let checked = common::check_value(document, previous);
    golden(document, &checked);
    checked
}

thread_local! {
    static CALLS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn golden(document: &Value, checked: &nianbao_core::Checked) {
    use nianbao_core::Lang;
    let template = nianbao_core::load_value(document.clone()).template();
    let mut text = String::new();
    for d in &checked.diagnostics {
        if let Err(why) = common::one_sentence(d, template) {
            panic!("{why}");
        }
        // The whole finding: every pointer in order, the line and column of
        // unreadable input, the detail the words are made from, the
        // reviewer's decision, then the words.
        text.push_str(&format!("{} {} {}\n", d.severity().code(), d.rule.code(), d.pointers.join(" ")));
        if let Some(p) = d.position {
            text.push_str(&format!("  at: {}:{}\n", p.line, p.column));
        }
        text.push_str(&format!("  detail: {:?}\n", d.detail));
        if let Some((expected, actual)) = d.numbers() {
            text.push_str(&format!("  expected: {expected}, actual: {actual}\n"));
        }
        if let Some(s) = &d.settled {
            text.push_str(&format!("  settled: {} {:?}\n", s.status.code(), s.comment));
        }
        for lang in [Lang::Zh, Lang::En] {
            text.push_str(&format!("  {}: {}\n", lang.code(), nianbao_core::message::message(d, template, lang)));
        }
    }
    let test = std::thread::current().name().unwrap_or("unnamed").replace("::", "-");
    let n = CALLS.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/rules");
    let path = dir.join(format!("{test}-{n}.txt"));
    if std::env::var_os("NIANBAO_BLESS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(&path, &text).unwrap();
    } else {
        let blessed = std::fs::read_to_string(&path).unwrap_or_else(|_| {
            panic!("{} is not blessed yet: run with NIANBAO_BLESS=1 and review it", path.display())
        });
        assert_eq!(text, blessed, "the words of {} changed: review, then bless with NIANBAO_BLESS=1", path.display());
    }
}

#[test]
fn every_rule_has_its_words_in_the_golden_files() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/rules");
    let all: String = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok()).collect())
        .unwrap_or_default();
    let missing: Vec<&str> = nianbao_core::diagnostic::Rule::ALL
        .iter()
        .map(|r| r.code())
        .filter(|code| !all.lines().any(|l| !l.starts_with(' ') && l.split(' ').nth(1) == Some(code)))
        .collect();
    // Rules of several reports at once or of reading bytes are worded in
    // other tests; every other rule has a fixture here.
    let elsewhere = ["aggregate-sum", "json-syntax", "field-duplicate"];
    let missing: Vec<&str> = missing.into_iter().filter(|c| !elsewhere.contains(c)).collect();
    assert!(missing.is_empty(), "rules without a fixture whose words are golden: {missing:?}");
}

/// Applies `edits` (pointer, JSON value or `None` to delete) to the built-in
/// sample and asserts the findings.
fn check(edits: &[(&str, Option<&str>)], expected: &[(&str, &str)]) -> nianbao_core::Checked {
    let mut document = sample("jiyuan-hitech-zone-2024");
    for (pointer, value) in edits {
        edit(&mut document, pointer, *value);
    }
    let checked = check_value(&document, None);
    assert_eq!(findings(&checked), pairs(expected), "edits {edits:?}");
    checked
}

fn pointers(checked: &nianbao_core::Checked, index: usize) -> Vec<&str> {
    checked.diagnostics[index].pointers.iter().map(String::as_str).collect()
}

#[test]
fn the_sample_is_clean() {
    check(&[], &[]);
}

#[test]
fn t3_row_total() {
    let checked = check(
        &[
            ("/applications/results/granted/commercial", Some("2")),
            ("/applications/results/granted/total", Some("2")),
            ("/applications/results/total/commercial", Some("2")),
            ("/applications/results/total/total", Some("3")),
            ("/applications/received/commercial", Some("2")),
            ("/applications/received/total", Some("3")),
            ("/applications/results/granted/natural_person", Some("0")),
        ],
        // Consistent tables, but section 一 still says 受理 1 件.
        &[("text-table-mismatch", "/overview")],
    );
    assert_eq!(checked.summary.errors, 0);
    let checked = check(
        &[("/applications/results/withheld/state_secret/research", Some("4"))],
        &[
            ("t3-results-total", "/applications/results/total/research"),
            ("t3-row-total", "/applications/results/withheld/state_secret/total"),
        ],
    );
    let d = &checked.diagnostics[1];
    assert_eq!(
        pointers(&checked, 1),
        [
            "/applications/results/withheld/state_secret/total",
            "/applications/results/withheld/state_secret/natural_person",
            "/applications/results/withheld/state_secret/commercial",
            "/applications/results/withheld/state_secret/research",
            "/applications/results/withheld/state_secret/social_welfare",
            "/applications/results/withheld/state_secret/legal_service",
            "/applications/results/withheld/state_secret/other_org",
        ]
    );
    assert_eq!(d.numbers(), Some((4.0, 0.0)));
}

#[test]
fn t3_results_total_counts_all_21_rows_in_order() {
    let checked = check(
        &[
            ("/applications/results/total/natural_person", Some("2")),
            ("/applications/results/total/total", Some("2")),
            ("/applications/carried_forward/natural_person", Some("-1")),
            ("/applications/carried_forward/total", Some("-1")),
        ],
        &[
            ("cell-negative", "/applications/carried_forward/natural_person"),
            ("cell-negative", "/applications/carried_forward/total"),
            ("t3-results-total", "/applications/results/total/natural_person"),
            ("t3-results-total", "/applications/results/total/total"),
            // Section 一 says 办结率 100%; the table now says 2 of 1.
            ("text-table-mismatch", "/overview"),
        ],
    );
    let p = pointers(&checked, 2);
    assert_eq!(p.len(), 22);
    assert_eq!(p[1], "/applications/results/granted/natural_person");
    assert_eq!(p[21], "/applications/results/other/misc/natural_person");
    assert_eq!(checked.diagnostics[2].numbers(), Some((1.0, 2.0)));
}

#[test]
fn t3_balance_one_finding_per_column() {
    let checked = check(
        &[("/applications/carried_over/natural_person", Some("3")), ("/applications/carried_over/total", Some("3"))],
        &[
            ("t3-balance", "/applications/received/natural_person"),
            ("t3-balance", "/applications/received/total"),
            // 办结率 100% no longer holds: 1 of 1 + 3.
            ("text-table-mismatch", "/overview"),
        ],
    );
    assert_eq!(
        pointers(&checked, 0),
        [
            "/applications/received/natural_person",
            "/applications/carried_over/natural_person",
            "/applications/results/total/natural_person",
            "/applications/carried_forward/natural_person",
        ]
    );
    assert_eq!(checked.diagnostics[0].numbers(), Some((4.0, 1.0)));
    let message =
        nianbao_core::message::message(&checked.diagnostics[0], nianbao_core::Template::T2021, nianbao_core::Lang::Zh);
    assert!(
        message.contains("自然人") && message.contains("一、本年新收 1") && message.contains("（七）总计 1"),
        "{message}"
    );
}

#[test]
fn t4_total() {
    let checked = check(
        &[("/appeals/litigation_direct/pending", Some("2"))],
        &[("t4-total", "/appeals/litigation_direct/total")],
    );
    assert_eq!(
        pointers(&checked, 0),
        [
            "/appeals/litigation_direct/total",
            "/appeals/litigation_direct/upheld",
            "/appeals/litigation_direct/corrected",
            "/appeals/litigation_direct/other",
            "/appeals/litigation_direct/pending",
        ]
    );
}

#[test]
fn t2_in_force_floor() {
    let checked = check(
        &[
            ("/proactive/normative_documents/issued", Some("5")),
            ("/proactive/normative_documents/repealed", Some("1")),
            ("/proactive/normative_documents/in_force", Some("3")),
        ],
        &[("t2-in-force-floor", "/proactive/normative_documents/in_force")],
    );
    assert_eq!(
        pointers(&checked, 0),
        [
            "/proactive/normative_documents/in_force",
            "/proactive/normative_documents/issued",
            "/proactive/normative_documents/repealed",
        ]
    );
    check(
        &[
            ("/proactive/normative_documents/issued", Some("5")),
            ("/proactive/normative_documents/repealed", Some("1")),
            ("/proactive/normative_documents/in_force", Some("4")),
        ],
        &[],
    );
}

#[test]
fn blank_and_text_cells_are_never_zero() {
    let checked = check(
        &[("/applications/results/granted/research", Some("null")), ("/appeals/review/total", Some("\"/\""))],
        &[("cell-blank", "/applications/results/granted/research"), ("cell-text", "/appeals/review/total")],
    );
    // The two cells' own number checks, and the row, the column and the
    // block that need those cells, were skipped.
    assert_eq!(checked.summary.checks_skipped, 1 + 2 + 3);
}

#[test]
fn fractions_and_amounts() {
    check(
        &[("/proactive/fees/amount", Some("24252.311082")), ("/proactive/licensing/decisions", Some("1.5"))],
        &[("cell-fraction", "/proactive/licensing/decisions")],
    );
    // 1.0 and 1e0 are whole.
    check(
        &[("/applications/received/natural_person", Some("1.0")), ("/applications/received/total", Some("1e0"))],
        &[],
    );
}

#[test]
fn missing_pieces_one_finding_each() {
    check(
        &[("/applications/results/unavailable", None), ("/appeals/review/pending", None), ("/agency", None)],
        &[
            ("field-missing", "/agency"),
            ("field-missing", "/applications/results/unavailable"),
            ("field-missing", "/appeals/review/pending"),
        ],
    );
    check(&[("/applications/carried_forward", None)], &[("field-missing", "/applications/carried_forward")]);
    check(&[("/proactive", None)], &[("field-missing", "/proactive")]);
}

#[test]
fn wrong_types() {
    check(
        &[
            ("/year", Some("\"2024\"")),
            ("/applications/received/commercial", Some("{\"n\": 0}")),
            ("/proactive/fees", Some("[0]")),
            ("/kind", Some("\"city\"")),
            ("/published", Some("\"2025/01/20\"")),
        ],
        &[
            ("field-type", "/year"),
            ("field-type", "/kind"),
            ("field-type", "/published"),
            ("field-type", "/proactive/fees"),
            ("field-type", "/applications/received/commercial"),
        ],
    );
    check(&[("/applications/received/total", Some("1e400"))], &[("field-type", "/applications/received/total")]);
}

#[test]
fn unknown_keys_are_kept_and_reported() {
    let mut document = sample("jiyuan-hitech-zone-2024");
    edit(&mut document, "/contact", Some("{\"phone\": \"0391-1234567\"}"));
    edit(&mut document, "/applications/received/remark", Some("\"含电话申请\""));
    let text = document.to_json();
    let checked = check_text(&text, None);
    assert_eq!(
        findings(&checked),
        pairs(&[("field-unknown", "/applications/received/remark"), ("field-unknown", "/contact")])
    );
    let loaded = nianbao_core::load(text.as_bytes());
    assert_eq!(loaded.document.unwrap(), document);
}

#[test]
fn format_and_template() {
    check(&[("/format", Some("\"zfxxgk-annual-report/2\""))], &[("format-unsupported", "/format")]);
    // An unknown template is reported; the tables are still read (they look like 2021).
    check(&[("/template", Some("\"2022\""))], &[("template-unknown", "/template")]);
    check(&[("/template", None)], &[("template-unknown", "/template")]);
}

#[test]
fn year_rules() {
    check(
        &[("/year", Some("2018")), ("/title", Some("\"2018年政府信息公开工作年度报告\""))],
        &[("year-range", "/year"), ("title-year", "/overview")],
    );
    check(
        &[("/year", Some("2027")), ("/title", Some("\"2027年报告\""))],
        &[("year-range", "/year"), ("title-year", "/overview")],
    );
    check(&[("/title", Some("\"政府信息公开工作年度报告\""))], &[("title-year", "/title")]);
    check(&[("/title", Some("\"2023年政府信息公开工作年度报告\""))], &[("title-year", "/title")]);
}

#[test]
fn template_year_and_mixed() {
    check(
        &[("/year", Some("2020")), ("/title", Some("\"2020 年报告\""))],
        &[("template-year", "/template"), ("title-year", "/overview")],
    );
    check(
        &[(
            "/applications/results/other",
            Some(
                r#"{"natural_person":0,"commercial":0,"research":0,"social_welfare":0,"legal_service":0,"other_org":0,"total":0}"#,
            ),
        )],
        &[("template-mixed", "/applications/results/other")],
    );
}

#[test]
fn published_late_by_kind() {
    check(&[("/published", Some("\"2025-01-31\""))], &[]);
    check(&[("/published", Some("\"2025-02-01\""))], &[("published-late", "/published")]);
    check(&[("/published", Some("\"2025-03-10\"")), ("/kind", Some("\"prefecture\""))], &[]);
    check(
        &[("/published", Some("\"2025-03-11\"")), ("/kind", Some("\"prefecture\""))],
        &[("published-late", "/published")],
    );
    check(
        &[("/published", Some("\"2025-02-21\"")), ("/kind", Some("\"county\""))],
        &[("published-late", "/published")],
    );
}

#[test]
fn sections() {
    check(&[("/problems", Some("\"无\""))], &[("section-empty", "/problems")]);
    check(&[("/overview", Some("\"略。\""))], &[("section-empty", "/overview")]);
    check(&[("/other", Some("\"无。\""))], &[("fee-not-reported", "/other")]);
    check(&[("/other", Some("\"本年度未收取信息处理费。\""))], &[]);
}

#[test]
fn other_processing_high() {
    let row = |n: u32| {
        format!(
            r#"{{"natural_person":{n},"commercial":0,"research":0,"social_welfare":0,"legal_service":0,"other_org":0,"total":{n}}}"#
        )
    };
    let edits_owned = [
        ("/applications/received", row(20)),
        ("/applications/results/granted", row(14)),
        ("/applications/results/unavailable/not_held", row(0)),
        ("/applications/results/other/misc", row(6)),
        ("/applications/results/total", row(20)),
    ];
    let edits: Vec<(&str, Option<&str>)> = edits_owned.iter().map(|(p, v)| (*p, Some(v.as_str()))).collect();
    check(
        &edits,
        &[
            ("other-processing-high", "/applications/results/other/no_correction/total"),
            ("text-table-mismatch", "/overview"),
        ],
    );
}

#[test]
fn text_table_mismatch_quotes_the_sentence() {
    let row = |n: u32| {
        format!(
            r#"{{"natural_person":{n},"commercial":0,"research":0,"social_welfare":0,"legal_service":0,"other_org":0,"total":{n}}}"#
        )
    };
    let edits_owned = [
        ("/applications/received", row(2)),
        ("/applications/results/granted", row(1)),
        ("/applications/results/total", row(2)),
    ];
    let edits: Vec<(&str, Option<&str>)> = edits_owned.iter().map(|(p, v)| (*p, Some(v.as_str()))).collect();
    let checked = check(&edits, &[("text-table-mismatch", "/overview")]);
    let d = &checked.diagnostics[0];
    assert_eq!(d.numbers(), Some((2.0, 1.0)));
    let message = nianbao_core::message::message(d, nianbao_core::Template::T2021, nianbao_core::Lang::Zh);
    assert!(message.contains("共受理政府信息依申请公开 1 件") && message.contains("表三中为 2"), "{message}");
}

#[test]
fn duplicate_keys_quote_both_values() {
    let text =
        sample_text("jiyuan-hitech-zone-2024").replacen("\"year\": 2024,", "\"year\": 2023,\n  \"year\": 2024,", 1);
    let checked = check_text(&text, None);
    assert_eq!(findings(&checked), pairs(&[("field-duplicate", "/year")]));
    let message =
        nianbao_core::message::message(&checked.diagnostics[0], nianbao_core::Template::T2021, nianbao_core::Lang::Zh);
    assert!(
        message.contains("2023")
            && message.contains("2024")
            && message.contains("第 4 行")
            && message.contains("第 5 行"),
        "{message}"
    );
}

#[test]
fn annotations_settle_findings() {
    let mut document = sample("jiyuan-hitech-zone-2024");
    edit(&mut document, "/problems", Some("\"无\""));
    edit(
        &mut document,
        "/annotations",
        Some(r#"[{"rule":"section-empty","pointer":"/problems","status":"dismissed","comment":"本年确无问题"}]"#),
    );
    let checked = check_value(&document, None);
    assert_eq!(findings(&checked), pairs(&[("section-empty", "/problems")]));
    assert!(checked.diagnostics[0].is_dismissed());
    assert_eq!((checked.summary.warnings, checked.summary.dismissed), (0, 1));
    edit(
        &mut document,
        "/annotations",
        Some(r#"[{"rule":"section-empty","pointer":"/problems","status":"confirmed"}]"#),
    );
    let checked = check_value(&document, None);
    assert_eq!((checked.summary.warnings, checked.summary.dismissed), (1, 0));
    edit(&mut document, "/annotations", Some(r#"[{"rule":"section-empty","pointer":"/problems","status":"ignored"}]"#));
    let checked = check_value(&document, None);
    assert_eq!(findings(&checked), pairs(&[("field-type", "/annotations/0/status"), ("section-empty", "/problems")]));
}

#[test]
fn template_2019_report() {
    // A 2020 report on the 2019 template: 表二 has 22 cells, （六） is one row.
    let mut document = sample("hongze-district-2023");
    edit(&mut document, "/template", Some("\"2019\""));
    edit(&mut document, "/year", Some("2020"));
    edit(&mut document, "/title", Some("\"洪泽区人民政府2020年政府信息公开工作年度报告\""));
    edit(
        &mut document,
        "/overview",
        Some("\"本报告数据统计期限自2020年1月1日起至2020年12月31日止。2020年全区受理政府信息公开申请21件。\""),
    );
    edit(&mut document, "/appeals/review/total", Some("11"));
    edit(&mut document, "/appeals/litigation_after_review/total", Some("5"));
    let cells = |keys: &[&str], v: &str| {
        format!("{{{}}}", keys.iter().map(|k| format!("\"{k}\":{v}")).collect::<Vec<_>>().join(","))
    };
    let p2019 = format!(
        r#"{{"regulations":{a},"normative_documents":{a},"licensing":{b},"other_services":{b},"punishment":{b},"coercion":{c},"fees":{d},"procurement":{e}}}"#,
        a = cells(&["made", "published", "total_published"], "1"),
        b = cells(&["previous_items", "change", "decisions"], "2"),
        c = cells(&["previous_items", "change", "decisions"], "-1"),
        d = cells(&["previous_items", "change"], "0"),
        e = r#"{"items":3,"amount":12.5}"#,
    );
    edit(&mut document, "/proactive", Some(&p2019));
    let checked = check_value(&document, None);
    // 行政强制's change of −1 is allowed; its previous_items and decisions of −1 are not.
    assert_eq!(
        findings(&checked),
        pairs(&[
            ("cell-negative", "/proactive/coercion/previous_items"),
            ("cell-negative", "/proactive/coercion/decisions"),
        ])
    );
    assert_eq!(checked.diagnostics.iter().filter(|d| d.rule.code() == "fee-not-reported").count(), 0);
}

#[test]
fn document_that_is_not_an_object() {
    for (text, rule) in [("[]", "field-type"), ("42", "field-type"), ("null", "field-type")] {
        let checked = check_text(text, None);
        assert_eq!(findings(&checked), pairs(&[(rule, "")]));
    }
    let value: Value = nianbao_core::json::parse("[]").unwrap().value;
    assert!(nianbao_core::load_value(value).report.is_none());
}

/// The findings of the built-in sample with its section 一 replaced (its
/// tables: 1 application received, none carried over, no reviews).
fn overview_findings(overview: &str) -> Vec<(String, String)> {
    let mut document = sample("jiyuan-hitech-zone-2024");
    edit(&mut document, "/overview", Some(&Value::String(overview.to_string()).to_json()));
    findings(&check_value(&document, None))
}

#[test]
fn statements_real_reports_make_without_contradicting_the_tables() {
    // Breakdowns after 其中 (channels, how quickly answered) are parts, and
    // reviews of every kind are not the table's disclosure reviews.
    for overview in [
        "2024年，共受理政府信息公开申请1件，其中网上受理1件，当面受理0件，信函受理0件。",
        "2024年，受理政府信息公开申请1件，均在法定期限内答复，其中当场答复0件，延期答复0件。",
        "2024年，区政府共办理行政复议案件120件，其中涉及政府信息公开的0件。",
        "2024年，本机关行政复议案件共6件，均不涉及政府信息公开。",
        "2024年，行政诉讼案件4件，其中政府信息公开类0件。",
        "2024年，本部门共受理政府信息公开申请1件，主动公开政府信息2012件。",
    ] {
        assert_eq!(overview_findings(overview), pairs(&[]), "{overview}");
    }
}

#[test]
fn statements_that_contradict_the_tables_however_phrased() {
    // An agency naming itself (本部门, 本街道 …) states the whole; a count
    // of 2050 is a count, not a year.
    for overview in [
        "2024年，本部门共受理政府信息公开申请2件。",
        "2024年，本街道共受理政府信息公开申请2件。",
        "2024年，全区共受理政府信息公开申请2050件。",
        "2024年，因政府信息公开被申请行政复议3件。",
    ] {
        assert_eq!(overview_findings(overview), pairs(&[("text-table-mismatch", "/overview")]), "{overview}");
    }
}

#[test]
fn a_title_may_write_its_year_with_a_circle_for_zero() {
    check(&[("/title", Some("\"济源高新技术产业开发区管理办公室二○二四年政府信息公开工作年度报告\""))], &[]);
    check(
        &[("/title", Some("\"济源高新技术产业开发区管理办公室二○二三年政府信息公开工作年度报告\""))],
        &[("title-year", "/title")],
    );
}

#[test]
fn headings_alone_do_not_make_problems_repeated_or_filled() {
    let problems =
        |body: &str| format!("（一）存在的主要问题及原因分析\n{body}\n（二）下一步改进措施和工作计划\n{body}");
    let mut previous = sample("jiyuan-hitech-zone-2024");
    edit(&mut previous, "/year", Some("2023"));
    edit(&mut previous, "/problems", Some(&Value::String(problems("一是公开意识不强，二是更新不及时。")).to_json()));
    let previous = nianbao_core::load(previous.to_json().as_bytes());
    let mut document = sample("jiyuan-hitech-zone-2024");
    edit(
        &mut document,
        "/problems",
        Some(&Value::String(problems("政策解读形式较为单一，需要加强图解和视频解读。")).to_json()),
    );
    let rules: Vec<String> = findings(&check_value(&document, Some(&previous))).into_iter().map(|(r, _)| r).collect();
    assert!(!rules.contains(&"problems-repeated".to_string()), "{rules:?}");
    // A heading over 无 says nothing.
    edit(&mut document, "/problems", Some(&Value::String(problems("无")).to_json()));
    assert!(findings(&check_value(&document, None)).contains(&("section-empty".to_string(), "/problems".to_string())));
}

#[test]
fn template_year_names_the_letter_that_issued_the_template() {
    let mut document = sample("jiyuan-hitech-zone-2024");
    edit(&mut document, "/template", Some("\"2019\""));
    let checked = check_value(&document, None);
    let d = checked.diagnostics.iter().find(|d| d.rule.code() == "template-year").expect("template-year");
    let message = nianbao_core::message::message(d, nianbao_core::Template::T2019, nianbao_core::Lang::Zh);
    assert!(message.contains("国办公开办函〔2021〕30号"), "{message}");
}

#[test]
fn cross_year_rules_against_last_years_report() {
    let document = sample("jiyuan-hitech-zone-2024");
    let mut previous = sample("jiyuan-hitech-zone-2024");
    edit(&mut previous, "/year", Some("2023"));
    edit(&mut previous, "/agency", Some("\"济源市人民政府办公室\""));
    edit(&mut previous, "/applications/carried_forward/natural_person", Some("5"));
    edit(&mut previous, "/applications/carried_forward/total", Some("5"));
    edit(&mut previous, "/proactive/regulations/in_force", Some("10"));
    let loaded = nianbao_core::load(previous.to_json().as_bytes());
    let rules: Vec<String> = findings(&check_value(&document, Some(&loaded))).into_iter().map(|(r, _)| r).collect();
    for rule in ["carry-over", "in-force-continuity", "agency-mismatch", "problems-repeated"] {
        assert!(rules.iter().any(|r| r == rule), "{rule} in {rules:?}");
    }
    edit(&mut previous, "/year", Some("2021"));
    let loaded = nianbao_core::load(previous.to_json().as_bytes());
    let rules: Vec<String> = findings(&check_value(&document, Some(&loaded))).into_iter().map(|(r, _)| r).collect();
    assert!(rules.iter().any(|r| r == "year-gap"), "{rules:?}");
}

#[test]
fn copied_previous_catches_last_years_report_republished() {
    let copied = |document: &Value, previous: &Value| -> Vec<(String, String)> {
        let loaded = nianbao_core::load(previous.to_json().as_bytes());
        findings(&check_value(document, Some(&loaded))).into_iter().filter(|(r, _)| r == "copied-previous").collect()
    };
    let this_year = sample("jiyuan-hitech-zone-2024");
    let mut last_year = sample("jiyuan-hitech-zone-2024");
    edit(&mut last_year, "/year", Some("2023"));
    // Section 一 word for word; the tables too, but with one application a
    // year identical tables are no sign: the finding is about the text.
    let found = copied(&this_year, &last_year);
    assert_eq!(found, [("copied-previous".to_string(), "/overview".to_string())]);
    // A new section 一, and tables with enough applications to tell.
    let mut this_year = this_year.clone();
    edit(
        &mut this_year,
        "/overview",
        Some("\"2024 年，本机关认真贯彻《条例》，全年新收政府信息公开申请 6 件，均已按时答复。\""),
    );
    for document in [&mut this_year, &mut last_year] {
        edit(document, "/applications/received/total", Some("6"));
    }
    assert_eq!(copied(&this_year, &last_year), [("copied-previous".to_string(), "/applications".to_string())]);
    // One cell of 表四 differs: not a copy.
    edit(&mut last_year, "/appeals/review/upheld", Some("7"));
    assert_eq!(copied(&this_year, &last_year), []);
}

#[test]
fn copied_previous_stays_silent_on_a_real_next_year() {
    let previous = nianbao_core::load(sample("hongze-district-2023").to_json().as_bytes());
    let rules = findings(&check_value(&sample("hongze-district-2024"), Some(&previous)));
    assert!(!rules.iter().any(|(r, _)| r == "copied-previous"), "{rules:?}");
}
