//! A reviewer's batch: when most checks could not run, what a row counts,
//! the totals over rows and the filters, on the real samples and on reports
//! made from them (a table blanked, a table missing, a blank template).

mod common;
use common::*;
use nianbao_core::batch::{Filter, Part, Show, Tally, Totals, Verdict};
use nianbao_core::Checked;

/// `name`'s sample with every number under each of `keys` made blank
/// (`null`), or the key removed when `remove`.
fn with_blank(name: &str, keys: &[&str], remove: bool) -> String {
    fn blank(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Number(_) => *value = serde_json::Value::Null,
            serde_json::Value::Object(o) => o.values_mut().for_each(blank),
            serde_json::Value::Array(a) => a.iter_mut().for_each(blank),
            _ => {}
        }
    }
    let mut document: serde_json::Value = serde_json::from_str(&sample_text(name)).unwrap();
    let object = document.as_object_mut().unwrap();
    for key in keys {
        if remove {
            object.remove(*key);
        } else {
            blank(object.get_mut(*key).unwrap());
        }
    }
    document.to_string()
}

fn tally(text: &str) -> (Checked, Tally) {
    let checked = check_text(text, None);
    let read = nianbao_core::load(text.as_bytes()).report.is_some();
    let tally = Tally::of(read, &checked);
    (checked, tally)
}

#[test]
fn the_real_samples_are_checked_not_mostly_skipped() {
    for name in SAMPLES {
        let (checked, tally) = tally(&sample_text(name));
        let s = checked.summary;
        assert!(!s.mostly_unchecked(), "{name}: {s:?}");
        assert!(s.checks_skipped <= 1 && s.checks_run > 200, "{name}: {s:?}");
        assert_ne!(tally.verdict, Verdict::MostlyUnchecked, "{name}");
    }
    assert_eq!(tally(&sample_text("jiyuan-hitech-zone-2024")).1.verdict, Verdict::Clean);
    assert_eq!(tally(&sample_text("hongze-district-2023")).1.verdict, Verdict::Errors);
    assert_eq!(tally(&sample_text("hongze-district-2024")).1.verdict, Verdict::Warnings);
}

#[test]
fn a_blank_table_three_or_a_missing_one_is_mostly_unchecked_and_never_clean() {
    // 表三 blank: 175 cells' number checks and every sum of 表三 skipped,
    // 0 errors, 162 warnings: not clean, not "warnings" either.
    let (checked, t) = tally(&with_blank("hongze-district-2024", &["applications"], false));
    assert_eq!((checked.summary.errors, checked.summary.checks_run, checked.summary.checks_skipped), (0, 38, 201));
    assert!(checked.summary.mostly_unchecked());
    assert_eq!(t.verdict, Verdict::MostlyUnchecked);
    // 表三 missing: one error (field-missing), and still mostly unchecked.
    let (checked, t) = tally(&with_blank("huaian-city-2024", &["applications"], true));
    assert_eq!(checked.summary.errors, 1);
    assert_eq!(t.verdict, Verdict::MostlyUnchecked);
    assert_eq!(t.errors, 1);
    // Only 表三's results blank (the rows 一, 二 and 四 filled): still most.
    let mut results: serde_json::Value = serde_json::from_str(&sample_text("jiyuan-hitech-zone-2024")).unwrap();
    for value in results["applications"]["results"].as_object_mut().unwrap().values_mut() {
        for cell in value.as_object_mut().unwrap().values_mut() {
            if cell.is_number() {
                *cell = serde_json::Value::Null;
            } else if let Some(inner) = cell.as_object_mut() {
                inner.values_mut().for_each(|c| *c = serde_json::Value::Null);
            }
        }
    }
    assert_eq!(tally(&results.to_string()).1.verdict, Verdict::MostlyUnchecked);
}

#[test]
fn a_blank_template_is_mostly_unchecked() {
    let document = nianbao_core::new::blank(2025, "某某局", None);
    let text = document.to_json_pretty();
    let (checked, t) = tally(&text);
    assert_eq!(checked.summary.errors, 0);
    assert!(checked.summary.checks_skipped > 200, "{:?}", checked.summary);
    assert_eq!(t.verdict, Verdict::MostlyUnchecked);
}

#[test]
fn a_blank_small_table_or_column_leaves_most_checks_running() {
    // 表四 or 表二 blank: their cells are warnings, the rest is checked.
    for key in ["appeals", "proactive"] {
        let (checked, t) = tally(&with_blank("hongze-district-2024", &[key], false));
        assert!(!checked.summary.mostly_unchecked(), "{key}: {:?}", checked.summary);
        assert_eq!(t.verdict, Verdict::Warnings, "{key}");
    }
    // One column of 表三 blank (自然人): 25 cells, its sums; the rest runs.
    let mut document: serde_json::Value = serde_json::from_str(&sample_text("huaian-city-2024")).unwrap();
    fn blank_column(value: &mut serde_json::Value) {
        if let Some(o) = value.as_object_mut() {
            if o.contains_key("natural_person") {
                o.insert("natural_person".into(), serde_json::Value::Null);
            }
            o.values_mut().for_each(blank_column);
        }
    }
    blank_column(&mut document["applications"]);
    let (checked, t) = tally(&document.to_string());
    assert!(checked.summary.checks_skipped > 25 && !checked.summary.mostly_unchecked(), "{:?}", checked.summary);
    assert_eq!(t.verdict, Verdict::Warnings);
}

#[test]
fn nothing_read_is_unread_with_no_counts() {
    let (checked, t) = tally("{\"year\": 2024,");
    assert_eq!(checked.summary.errors, 1, "the json-syntax finding");
    assert!(!checked.summary.mostly_unchecked(), "nothing checked is not mostly unchecked");
    assert_eq!(t, Tally { verdict: Verdict::Unread, ..Tally::default() });
}

#[test]
fn a_rows_parts_add_up_to_its_errors_and_warnings() {
    let texts = [
        sample_text("hongze-district-2023"),
        sample_text("hongze-district-2024"),
        with_blank("hongze-district-2024", &["applications"], false),
        with_blank("huaian-city-2024", &["appeals", "proactive"], false),
        nianbao_core::new::blank(2025, "某某局", None).to_json_pretty(),
    ];
    for text in &texts {
        let (checked, t) = tally(text);
        assert_eq!(t.parts.iter().sum::<usize>(), t.errors + t.warnings, "{:?}", checked.summary);
    }
    // 洪泽 2023: two 表四 totals and （六） of 表三.
    let (_, t) = tally(&texts[0]);
    assert_eq!(t.parts, [0, 1, 2, 0, 0]);
    // 洪泽 2024: （六） of 表三, and section 一 against the tables.
    let (_, t) = tally(&texts[1]);
    assert_eq!(t.parts[Part::Applications.index()], 1);
    assert_eq!(t.parts[Part::Text.index()], 1);
    // A blank template: its blank cells per table; its year and title in the rest.
    let (_, t) = tally(&texts[4]);
    assert_eq!(&t.parts[..3], &[10, 175, 15]);
}

#[test]
fn totals_are_the_sums_of_the_rows() {
    let texts = [
        sample_text("jiyuan-hitech-zone-2024"),
        sample_text("hongze-district-2023"),
        sample_text("hongze-district-2024"),
        with_blank("hongze-district-2024", &["applications"], false),
        with_blank("huaian-city-2024", &["applications"], true),
        "not json".to_string(),
    ];
    let tallies: Vec<Tally> = texts.iter().map(|t| tally(t).1).collect();
    let totals = Totals::of(&tallies);
    assert_eq!(totals.reports, 6);
    assert_eq!(totals.errors, tallies.iter().map(|t| t.errors).sum::<usize>());
    assert_eq!(totals.warnings, tallies.iter().map(|t| t.warnings).sum::<usize>());
    assert_eq!(totals.errors, 2 + 1, "洪泽 2023's two, the missing 表三's one; the unread file has none");
    assert_eq!(totals.with_errors, 2);
    assert_eq!((totals.unread, totals.mostly_unchecked, totals.clean), (1, 2, 1));
    for part in Part::ALL {
        assert_eq!(totals.parts[part.index()], tallies.iter().map(|t| t.parts[part.index()]).sum::<usize>());
    }
    assert_eq!(Totals::of(&[]), Totals::default());
}

#[test]
fn filters_combine() {
    let texts = [
        ("jiyuan.json", sample_text("jiyuan-hitech-zone-2024")),
        ("hongze-2023.json", sample_text("hongze-district-2023")),
        ("hongze-2024.json", sample_text("hongze-district-2024")),
        ("blank.json", with_blank("hongze-district-2024", &["applications"], false)),
        ("broken.json", "{".to_string()),
    ];
    let rows: Vec<(&str, Option<String>, Option<i64>, Tally)> = texts
        .iter()
        .map(|(file, text)| {
            let report = nianbao_core::load(text.as_bytes()).report;
            (*file, report.as_ref().and_then(|r| r.agency.clone()), report.as_ref().and_then(|r| r.year), tally(text).1)
        })
        .collect();
    let kept = |filter: &Filter| -> Vec<&str> {
        rows.iter()
            .filter(|(file, agency, year, t)| filter.keeps(file, agency.as_deref(), *year, t))
            .map(|r| r.0)
            .collect()
    };
    assert_eq!(kept(&Filter::default()).len(), 5);
    let hongze = Filter { agency: " 洪泽 ".into(), ..Filter::default() };
    assert_eq!(kept(&hongze), ["hongze-2023.json", "hongze-2024.json", "blank.json"]);
    assert_eq!(kept(&Filter { year: Some(2024), ..hongze.clone() }), ["hongze-2024.json", "blank.json"]);
    assert_eq!(kept(&Filter { year: Some(2024), show: Show::MostlyUnchecked, ..hongze.clone() }), ["blank.json"]);
    assert_eq!(kept(&Filter { show: Show::Errors, ..Filter::default() }), ["hongze-2023.json"]);
    assert_eq!(
        kept(&Filter { show: Show::Warnings, ..Filter::default() }),
        ["hongze-2023.json", "hongze-2024.json", "blank.json"]
    );
    assert_eq!(kept(&Filter { show: Show::Clean, ..Filter::default() }), ["jiyuan.json"]);
    assert_eq!(kept(&Filter { show: Show::Unread, ..Filter::default() }), ["broken.json"]);
    // A file that names no agency is found by its file name; full-width
    // letters are folded.
    assert_eq!(kept(&Filter { agency: "ＢＲＯＫＥＮ".into(), ..Filter::default() }), ["broken.json"]);
    for show in Show::ALL {
        assert_eq!(Show::from_code(show.code()), show);
    }
}

#[test]
fn the_words_of_a_batch_in_both_languages() {
    use nianbao_core::message::{mostly_unchecked_text, part_heading, shown_text, totals_text, verdict_label};
    use nianbao_core::Lang;
    let headings: Vec<&str> = Part::ALL.iter().map(|&p| part_heading(p, Lang::Zh)).collect();
    assert_eq!(headings, ["表二", "表三", "表四", "文字", "其他"]);
    assert_eq!(part_heading(Part::Appeals, Lang::En), "Table 4");
    assert_eq!(verdict_label(Verdict::MostlyUnchecked, Lang::Zh), "多数检查未能运行");
    assert_eq!(verdict_label(Verdict::MostlyUnchecked, Lang::En), mostly_unchecked_text(Lang::En).0);
    assert_eq!(shown_text(3, 50, Lang::Zh), "显示 3 / 50 份");
    let totals = Totals {
        reports: 5,
        errors: 1,
        warnings: 170,
        with_errors: 1,
        unread: 1,
        mostly_unchecked: 1,
        clean: 2,
        parts: [0; 5],
    };
    assert_eq!(
        totals_text(&totals, Lang::Zh),
        "共 1 个错误、170 个警告；1 份有错误，1 份多数检查未能运行，1 份无法读取，2 份无错误和警告"
    );
    assert_eq!(
        totals_text(&totals, Lang::En),
        "1 error, 170 warnings; 1 with errors, 1 mostly unchecked, 1 could not be read, 2 with no errors or warnings"
    );
}

#[test]
fn the_aggregate_check_reads_only_what_tables_only_keeps() {
    use nianbao_core::batch::{aggregate, tables_only, Member};
    // 淮安 2024 (a prefecture) summed against 济源 2024 (a zone's
    // department): the findings are the same whole or text-less, and there
    // are some.
    let names = ["huaian-city-2024", "jiyuan-hitech-zone-2024"];
    let whole: Vec<_> = names.iter().map(|n| nianbao_core::load(sample_text(n).as_bytes()).report.unwrap()).collect();
    let bare: Vec<_> = whole.iter().cloned().map(tables_only).collect();
    assert!(bare.iter().all(|r| r.overview.is_none() && r.problems.is_none() && r.annotations.is_empty()));
    assert!(whole.iter().any(|r| r.overview.is_some()));
    let members = |reports: &[nianbao_core::model::Report]| -> Option<nianbao_core::batch::Aggregation> {
        let members: Vec<Member> =
            names.iter().zip(reports).map(|(n, r)| Member { file: n, report: Some(r) }).collect();
        aggregate(&members)
    };
    let from_whole = members(&whole).expect("淮安 is a prefecture's report");
    assert_eq!((from_whole.parent, from_whole.included.as_slice()), (0, [1].as_slice()));
    assert!(!from_whole.checked.diagnostics.is_empty());
    assert_eq!(members(&bare), Some(from_whole));
}
