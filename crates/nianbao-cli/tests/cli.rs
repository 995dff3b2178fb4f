//! The `nianbao` binary end to end: output shapes, exit codes, directories.

use std::path::PathBuf;
use std::process::{Command, Output};

fn samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples")
}

fn nianbao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nianbao")).args(args).output().expect("the binary runs")
}

fn sample(name: &str) -> String {
    samples().join(format!("{name}.json")).display().to_string()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nianbao-cli-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn clean_report_exits_0() {
    let out = nianbao(&["check", &sample("jiyuan-hitech-zone-2024"), "--today", "2026-11-27"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("0 个错误，0 个警告，0 条提示"), "{text}");
}

#[test]
fn report_with_errors_exits_1_and_names_the_cell() {
    let out = nianbao(&["check", &sample("hongze-district-2023"), "--today", "2026-11-27"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("错误  t4-total  表四「行政复议」·「总计」"), "{text}");
    assert!(text.contains("总计填 0"), "{text}");
    let out = nianbao(&["check", &sample("hongze-district-2023"), "--lang", "en"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("error  t4-total  Table 4, “Administrative review”, “Total”"), "{text}");
}

#[test]
fn json_for_one_file_is_one_object() {
    let out = nianbao(&["check", &sample("hongze-district-2023"), "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let value = nianbao_core::json::parse(std::str::from_utf8(&out.stdout).unwrap()).unwrap().value;
    assert_eq!(value.pointer("/summary/errors").map(|v| v.to_json()), Some("2".into()));
    assert_eq!(value.pointer("/diagnostics/0/rule").and_then(|v| v.as_str()), Some("t4-total"));
    assert_eq!(value.pointer("/diagnostics/0/pointers/0").and_then(|v| v.as_str()), Some("/appeals/review/total"));
    assert_eq!(value.pointer("/diagnostics/0/expected").map(|v| v.to_json()), Some("11".into()));
    assert_eq!(value.pointer("/diagnostics/0/actual").map(|v| v.to_json()), Some("0".into()));
}

#[test]
fn a_directory_checks_every_json_file_and_gives_an_array() {
    let out = nianbao(&["check", &samples().display().to_string(), "--format", "json", "--today", "2026-11-27"]);
    assert_eq!(out.status.code(), Some(1));
    let value = nianbao_core::json::parse(std::str::from_utf8(&out.stdout).unwrap()).unwrap().value;
    let nianbao_core::json::Value::Array(items) = value else { panic!("an array") };
    assert_eq!(items.len(), 4);
    let files: Vec<&str> = items.iter().map(|i| i.pointer("/file").and_then(|f| f.as_str()).unwrap()).collect();
    assert!(
        files[0].ends_with("hongze-district-2023.json") && files[3].ends_with("jiyuan-hitech-zone-2024.json"),
        "{files:?}"
    );
    for item in &items {
        assert!(item.pointer("/summary/checks_run").is_some() && item.pointer("/diagnostics").is_some());
    }
}

#[test]
fn not_json_is_an_error_finding_with_its_position() {
    let dir = temp_dir("broken");
    let path = dir.join("broken.json");
    std::fs::write(&path, "{\n  \"year\": 2024,\n  \"agency\" \"x\"\n}").unwrap();
    let out = nianbao(&["check", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let value = nianbao_core::json::parse(std::str::from_utf8(&out.stdout).unwrap()).unwrap().value;
    assert_eq!(value.pointer("/diagnostics/0/rule").and_then(|v| v.as_str()), Some("json-syntax"));
    assert_eq!(value.pointer("/diagnostics/0/line").map(|v| v.to_json()), Some("3".into()));
    assert_eq!(value.pointer("/diagnostics/0/column").map(|v| v.to_json()), Some("12".into()));
    let out = nianbao(&["check", path.to_str().unwrap()]);
    assert!(String::from_utf8(out.stdout).unwrap().contains("第 3 行第 12 列"));
}

#[test]
fn unreadable_file_exits_2() {
    let out = nianbao(&["check", "/nonexistent/report.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("/nonexistent/report.json"));
    assert_eq!(nianbao(&["check"]).status.code(), Some(2));
    assert_eq!(nianbao(&["check", "x.json", "--format", "xml"]).status.code(), Some(2));
    assert_eq!(nianbao(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn previous_year_runs_the_cross_year_rules() {
    let out = nianbao(&[
        "check",
        &sample("jiyuan-hitech-zone-2024"),
        "--previous",
        &sample("huaian-city-2024"),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    for rule in ["carry-over", "agency-mismatch", "year-gap", "in-force-continuity"] {
        assert!(text.contains(&format!("\"rule\": \"{rule}\"")), "{rule} missing in {text}");
    }
}

#[test]
fn year_range_follows_today() {
    let out = nianbao(&["check", &sample("jiyuan-hitech-zone-2024"), "--today", "2023-06-01", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stdout).unwrap().contains("year-range"));
}

#[test]
fn schema_command_prints_the_stored_schema() {
    let out = nianbao(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let stored = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schema/zfxxgk-annual-report-1.schema.json"),
    )
    .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), stored);
}

#[test]
fn import_writes_json_and_notes() {
    let txt = samples().join("hongze-district-2023.txt");
    let out = nianbao(&["import", txt.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let value = nianbao_core::json::parse(std::str::from_utf8(&out.stdout).unwrap()).unwrap().value;
    assert_eq!(value.pointer("/appeals/review/upheld").map(|v| v.to_json()), Some("10".into()));
    assert_eq!(value.pointer("/proactive/fees/amount").map(|v| v.to_json()), Some("7730.28".into()));
    let notes = String::from_utf8(out.stderr).unwrap();
    assert!(notes.contains("行政止公开") && notes.contains("2021 版"), "{notes}");

    // To a file, with what the text does not say.
    let dir = temp_dir("import");
    let json = dir.join("hongze.json");
    let out = nianbao(&[
        "import",
        txt.to_str().unwrap(),
        "--out",
        json.to_str().unwrap(),
        "--kind",
        "county",
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stderr).unwrap().contains("Detected the 2021 template"));
    let written = std::fs::read_to_string(&json).unwrap();
    assert!(written.contains("\"kind\": \"county\""));
    // And it checks like the hand-written one: 表四 totals and the single （六） row.
    let out = nianbao(&["check", json.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.matches("\"rule\": \"t4-total\"").count(), 2);
}

#[test]
fn import_exits_1_when_cells_are_missing() {
    let dir = temp_dir("import-missing");
    let cut = dir.join("cut.txt");
    let text = std::fs::read_to_string(samples().join("jiyuan-hitech-zone-2024.txt")).unwrap();
    let cut_at = text.find("四、政府信息公开行政复议").unwrap();
    std::fs::write(&cut, &text[..cut_at]).unwrap();
    let out = nianbao(&["import", cut.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr).unwrap().contains("没有找到"));
    assert_eq!(nianbao(&["import"]).status.code(), Some(2));
    assert_eq!(nianbao(&["import", "/nonexistent.txt"]).status.code(), Some(2));
}

/// The `.docx` fixtures (Word's merged cells as `w:vMerge`/`w:gridSpan`,
/// numbers split across runs, DEFLATE) import to the hand-written JSON.
#[test]
fn docx_fixtures_import_to_the_same_json() {
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/docx");
    for name in ["jiyuan-hitech-zone-2024", "huaian-city-2024", "hongze-district-2023", "hongze-district-2024"] {
        let docx = fixtures.join(format!("{name}.docx"));
        let out = nianbao(&["import", docx.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let imported = nianbao_core::json::parse(std::str::from_utf8(&out.stdout).unwrap()).unwrap().value;
        let expected = nianbao_core::json::parse(&std::fs::read_to_string(sample(name)).unwrap()).unwrap().value;
        for key in
            ["template", "year", "title", "overview", "proactive", "applications", "appeals", "problems", "other"]
        {
            let pointer = format!("/{key}");
            assert_eq!(imported.pointer(&pointer), expected.pointer(&pointer), "{name} {key}");
        }
    }
}

#[test]
fn damaged_docx_is_a_clear_error() {
    let dir = temp_dir("docx-bad");
    let bad = dir.join("bad.docx");
    let mut bytes = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/docx/jiyuan-hitech-zone-2024.docx"),
    )
    .unwrap();
    bytes.truncate(bytes.len() / 2);
    std::fs::write(&bad, &bytes).unwrap();
    let out = nianbao(&["import", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("不是有效的 .docx"));
    let out = nianbao(&["import", bad.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("not a valid .docx"));
}

#[test]
fn a_pdf_imports_and_its_notes_travel_into_check() {
    let dir = temp_dir("pdf");
    let out_json = dir.join("huaian.json");
    let pdf = samples().join("huaian-city-2024.pdf");
    let out = nianbao(&["import", pdf.to_str().unwrap(), "--out", out_json.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8(out.stderr).unwrap().contains("识别为 2021 版模板"));
    let out = nianbao(&["check", out_json.to_str().unwrap(), "--today", "2025-03-01"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("导入自 pdf 文件：每一格都已读取"), "{stdout}");
    assert_eq!(out.status.code(), Some(0), "{stdout}");
}

#[test]
fn files_that_cannot_be_imported_say_what_they_are() {
    let dir = temp_dir("refused");
    let pdf = std::fs::read(samples().join("huaian-city-2024.pdf")).unwrap();
    let cases: [(&str, Vec<u8>, &str); 4] = [
        ("half.pdf", pdf[..pdf.len() / 2].to_vec(), "PDF 文件已损坏或不完整"),
        ("scan.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), "是一张图片"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0".to_vec(), "另存为”.docx"),
        ("notes.txt", "会议纪要：明天开会。".as_bytes().to_vec(), "不像是政府信息公开工作年度报告"),
    ];
    for (name, bytes, words) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = nianbao(&["import", path.to_str().unwrap()]);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains(words), "{name}: {stderr}");
        assert!(!stderr.contains("UTF-8"), "{name}: {stderr}");
        // A truncated PDF may still give its first pages: then cells are
        // missing (1); otherwise it is refused (2). Never success.
        assert!(matches!(out.status.code(), Some(1 | 2)), "{name}: {:?}", out.status);
    }
}

fn json_of(out: &Output) -> nianbao_core::json::Value {
    nianbao_core::json::parse(std::str::from_utf8(&out.stdout).unwrap()).unwrap().value
}

fn entry<'a>(items: &'a nianbao_core::json::Value, file_suffix: &str) -> &'a nianbao_core::json::Value {
    let nianbao_core::json::Value::Array(items) = items else { panic!("an array") };
    items
        .iter()
        .find(|i| i.pointer("/file").and_then(|f| f.as_str()).is_some_and(|f| f.ends_with(file_suffix)))
        .unwrap_or_else(|| panic!("no entry for {file_suffix}"))
}

#[test]
fn a_folder_with_a_parent_and_its_subordinates_runs_aggregate_sum() {
    let dir = temp_dir("aggregate");
    std::fs::copy(samples().join("huaian-city-2024.json"), dir.join("huaian-city-2024.json")).unwrap();
    let unit = std::fs::read_to_string(samples().join("jiyuan-hitech-zone-2024.json")).unwrap();
    for i in 1..=3 {
        let renamed = unit.replace("济源高新技术产业开发区管理办公室", &format!("淮安市第{i}局"));
        std::fs::write(dir.join(format!("unit-{i}.json")), renamed).unwrap();
    }
    let out = nianbao(&["check", dir.to_str().unwrap(), "--format", "json", "--today", "2026-11-27"]);
    let all = json_of(&out);
    let parent = entry(&all, "huaian-city-2024.json");
    let nianbao_core::json::Value::Array(findings) = parent.pointer("/diagnostics").unwrap() else { panic!() };
    let aggregate: Vec<_> =
        findings.iter().filter(|d| d.pointer("/rule").and_then(|r| r.as_str()) == Some("aggregate-sum")).collect();
    assert!(!aggregate.is_empty(), "the parent is summed against the three units");
    let message = aggregate[0].pointer("/message").and_then(|m| m.as_str()).unwrap();
    assert!(message.contains("淮安市第1局、淮安市第2局、淮安市第3局"), "{message}");
    let warnings = parent.pointer("/summary/warnings").map(|v| v.to_json()).unwrap();
    assert_eq!(warnings, aggregate.len().to_string(), "the summary counts the aggregate findings");
    // The subordinates' own results are not touched.
    let unit = entry(&all, "unit-1.json");
    assert_eq!(unit.pointer("/summary/warnings").map(|v| v.to_json()), Some("0".into()));
    let text = String::from_utf8(nianbao(&["check", dir.to_str().unwrap(), "--today", "2026-11-27"]).stdout).unwrap();
    assert!(text.contains("“淮安市人民政府”的汇总数与所载 3 份下级报告之和比较"), "{text}");
}

#[test]
fn a_folder_of_one_agencys_years_checks_each_year_against_the_one_before() {
    let dir = temp_dir("years");
    for year in ["2023", "2024"] {
        let name = format!("hongze-district-{year}.json");
        std::fs::copy(samples().join(&name), dir.join(&name)).unwrap();
    }
    let together = json_of(&nianbao(&["check", dir.to_str().unwrap(), "--format", "json", "--today", "2026-11-27"]));
    let apart = json_of(&nianbao(&[
        "check",
        &sample("hongze-district-2024"),
        "--previous",
        &sample("hongze-district-2023"),
        "--format",
        "json",
        "--today",
        "2026-11-27",
    ]));
    let year_2024 = entry(&together, "hongze-district-2024.json");
    assert_eq!(year_2024.pointer("/diagnostics"), apart.pointer("/diagnostics"));
    assert_eq!(year_2024.pointer("/summary"), apart.pointer("/summary"));
    let alone =
        json_of(&nianbao(&["check", &sample("hongze-district-2024"), "--format", "json", "--today", "2026-11-27"]));
    assert_ne!(alone.pointer("/summary/checks_run"), apart.pointer("/summary/checks_run"), "the cross-year rules ran");
    let text = String::from_utf8(nianbao(&["check", dir.to_str().unwrap(), "--today", "2026-11-27"]).stdout).unwrap();
    assert!(text.contains("同一机关的 2 个年度"), "{text}");
}

#[test]
fn new_makes_the_blank_template_that_the_app_makes() {
    let dir = temp_dir("new");
    let out = dir.join("new.json");
    let made = nianbao(&[
        "new",
        "--year",
        "2025",
        "--agency",
        "某某县市场监督管理局",
        "--kind",
        "department",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(made.status.code(), Some(0), "{}", String::from_utf8_lossy(&made.stderr));
    let text = std::fs::read_to_string(&out).unwrap();
    let expected = nianbao_core::new::blank(2025, "某某县市场监督管理局", Some(nianbao_core::model::Kind::Department));
    assert_eq!(text, expected.to_json_pretty() + "\n");
    // It checks without errors: its 200 blank cells are warnings, and so
    // are 一 (headings only) and 五 (empty).
    let checked = nianbao(&["check", out.to_str().unwrap(), "--today", "2026-11-27"]);
    assert_eq!(checked.status.code(), Some(0));
    let text = String::from_utf8(checked.stdout).unwrap();
    assert!(text.contains("0 个错误，202 个警告"), "{text}");
    assert_eq!(text.matches("section-empty").count(), 2, "{text}");
}

#[test]
fn new_from_last_years_report_is_next_years_draft() {
    let made = nianbao(&["new", "--previous", &sample("huaian-city-2024")]);
    assert_eq!(made.status.code(), Some(0));
    let draft = json_of(&made);
    let last = nianbao_core::load(std::fs::read(sample("huaian-city-2024")).unwrap().as_slice()).document.unwrap();
    assert_eq!(draft, nianbao_core::new::from_previous(&last).unwrap());
    assert_eq!(draft.pointer("/year").map(|y| y.to_json()), Some("2025".to_string()));
    assert_eq!(draft.pointer("/applications/carried_over/total"), last.pointer("/applications/carried_forward/total"));
    // Another agency given: its name, and the title follows.
    let made = nianbao(&["new", "--previous", &sample("huaian-city-2024"), "--agency", "淮安市人民政府办公室"]);
    let draft = json_of(&made);
    assert_eq!(
        draft.pointer("/title").and_then(|t| t.as_str()),
        Some("淮安市人民政府办公室2025年政府信息公开工作年度报告")
    );
}

#[test]
fn new_refuses_what_it_cannot_make() {
    for args in [
        &["new"][..],
        &["new", "--year", "2025"],
        &["new", "--year", "20x5", "--agency", "某局"],
        &["new", "--year", "2025", "--agency", "某局", "--kind", "bureau"],
        &["new", "--previous", "no-such-file.json"],
        &["new", "--previous", "x.json", "--year", "2025"],
    ] {
        let out = nianbao(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8(out.stderr).unwrap().starts_with("nianbao: "), "{args:?}");
    }
}

#[test]
fn export_publishes_a_page_a_word_file_and_csv_that_import_back() {
    let dir = temp_dir("export");
    let report = sample("hongze-district-2023");
    let expected = nianbao_core::json::parse(&std::fs::read_to_string(&report).unwrap()).unwrap().value;
    for (to, file) in [("html", "report.html"), ("docx", "report.docx")] {
        let out_path = dir.join(file);
        let out = nianbao(&["export", &report, "--to", to, "--out", out_path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        let back = nianbao(&["import", out_path.to_str().unwrap()]);
        assert_eq!(back.status.code(), Some(0), "{to}: {}", String::from_utf8_lossy(&back.stderr));
        let imported = json_of(&back);
        for key in ["/applications", "/proactive", "/appeals", "/overview", "/problems", "/other", "/title"] {
            assert_eq!(imported.pointer(key), expected.pointer(key), "{to} {key}");
        }
    }
    // A page to standard output, with the data block; a fragment.
    let page = String::from_utf8(nianbao(&["export", &report, "--to", "html", "--data"]).stdout).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("<script type=\"application/json\">"));
    let fragment = String::from_utf8(nianbao(&["export", &report, "--to", "html", "--fragment"]).stdout).unwrap();
    assert!(fragment.starts_with("<article") && !fragment.contains("<script"));
    // CSV: the three tables, or one as the app exports it.
    let csv = String::from_utf8(nianbao(&["export", &report, "--to", "csv"]).stdout).unwrap();
    assert!(csv.starts_with('\u{feff}') && csv.matches('\u{feff}').count() == 1);
    assert!(csv.contains("行政复议,") && csv.contains("（七）总计,"), "{csv}");
    let table = String::from_utf8(nianbao(&["export", &report, "--to", "csv", "--table", "3"]).stdout).unwrap();
    assert!(table.starts_with("\u{feff}（本列数据") && !table.contains("行政复议"), "{table}");
    // Mistakes are usage errors; a file that is no report says why.
    assert_eq!(nianbao(&["export", &report]).status.code(), Some(2));
    assert_eq!(nianbao(&["export", &report, "--to", "pdf"]).status.code(), Some(2));
    assert_eq!(nianbao(&["export", &report, "--to", "docx", "--data"]).status.code(), Some(2));
    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{\"format\": ").unwrap();
    let out = nianbao(&["export", broken.to_str().unwrap(), "--to", "html"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!String::from_utf8(out.stderr).unwrap().is_empty());
}

#[test]
fn a_large_folder_is_written_in_name_order_each_file_as_checked_alone() {
    // Files are checked on every core and written as they arrive: the order
    // is the names', each entry is the file's own check, and the one parent
    // (here in the middle) still gets the aggregate of all the others.
    let dir = temp_dir("order");
    let unit = std::fs::read_to_string(samples().join("jiyuan-hitech-zone-2024.json")).unwrap();
    let other = std::fs::read_to_string(samples().join("hongze-district-2024.json")).unwrap();
    let n = 240;
    for i in 0..n {
        let text = if i % 7 == 0 {
            other.replace("淮安市洪泽区人民政府", &format!("淮安市第{i}局")).replace("\"county\"", "\"department\"")
        } else {
            unit.replace("济源高新技术产业开发区管理办公室", &format!("淮安市第{i}局"))
        };
        std::fs::write(dir.join(format!("unit-{i:03}.json")), text).unwrap();
    }
    std::fs::copy(samples().join("huaian-city-2024.json"), dir.join("unit-120-city.json")).unwrap();
    let out = nianbao(&["check", dir.to_str().unwrap(), "--format", "json", "--today", "2026-11-27"]);
    let nianbao_core::json::Value::Array(items) = json_of(&out) else { panic!("an array") };
    let names: Vec<String> =
        items.iter().map(|i| i.pointer("/file").and_then(|f| f.as_str()).unwrap().to_string()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names.len(), n + 1);
    assert_eq!(names, sorted, "written in the order of the names");
    assert!(names[120].ends_with("unit-120-city.json"), "{}", names[120]);
    for i in (0..n).step_by(17) {
        let path = dir.join(format!("unit-{i:03}.json"));
        let alone = json_of(&nianbao(&["check", path.to_str().unwrap(), "--format", "json", "--today", "2026-11-27"]));
        let together = entry(&json_of(&out), &format!("unit-{i:03}.json")).clone();
        assert_eq!(together.pointer("/diagnostics"), alone.pointer("/diagnostics"), "file {i}");
        assert_eq!(together.pointer("/summary"), alone.pointer("/summary"), "file {i}");
    }
    let parent = &items[120];
    let nianbao_core::json::Value::Array(findings) = parent.pointer("/diagnostics").unwrap() else { panic!() };
    assert!(findings.iter().any(|d| d.pointer("/rule").and_then(|r| r.as_str()) == Some("aggregate-sum")));
    let text = String::from_utf8(nianbao(&["check", dir.to_str().unwrap(), "--today", "2026-11-27"]).stdout).unwrap();
    assert!(text.contains(&format!("所载 {n} 份下级报告之和")), "{}", &text[text.len().saturating_sub(400)..]);
}
