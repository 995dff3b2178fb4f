//! The text importer on the four real reports: every cell equal to the
//! published number (the hand-written JSON), and the built-in sample exactly.

#[path = "../../nianbao-core/tests/common/mod.rs"]
mod common;
use common::*;
use nianbao_core::json::Value;
use nianbao_core::model::Kind;
use nianbao_import::{import_text, ImportNote, ImportOptions};

fn sample_txt(name: &str) -> String {
    let path = format!("{}/../../samples/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_sample_imports_with_every_cell_as_published() {
    for name in SAMPLES {
        let expected = sample(name);
        let imported = import_text(&sample_txt(name), &ImportOptions::default());
        let pointers = cell_pointers(&expected);
        assert!(pointers.len() >= 186, "{name}: {} cells", pointers.len());
        let wrong: Vec<String> = pointers
            .iter()
            .filter(|p| imported.document.pointer(p) != expected.pointer(p))
            .map(|p| {
                format!(
                    "{p}: {:?} vs {:?}",
                    imported.document.pointer(p).map(Value::to_json),
                    expected.pointer(p).map(Value::to_json)
                )
            })
            .collect();
        assert!(wrong.is_empty(), "{name}: {} of {} cells differ: {wrong:#?}", wrong.len(), pointers.len());
        assert!(!imported.has_missing_cells(), "{name}: {:?}", imported.notes);
        for key in ["template", "year"] {
            assert_eq!(
                imported.document.pointer(&format!("/{key}")),
                expected.pointer(&format!("/{key}")),
                "{name} {key}"
            );
        }
    }
}

#[test]
fn the_builtin_sample_is_exactly_what_the_importer_makes_of_the_seed_text() {
    let expected = sample("jiyuan-hitech-zone-2024");
    let options = ImportOptions {
        agency: Some("济源高新技术产业开发区管理办公室".into()),
        kind: Some(Kind::Department),
        source: expected.pointer("/source").and_then(Value::as_str).map(str::to_string),
    };
    let imported = import_text(&sample_txt("jiyuan-hitech-zone-2024"), &options);
    assert_eq!(imported.document.to_json_pretty(), expected.to_json_pretty());
}

#[test]
fn template_and_misspellings_are_noted() {
    let imported = import_text(&sample_txt("hongze-district-2023"), &ImportOptions::default());
    assert!(
        imported.notes.iter().any(|n| matches!(n, ImportNote::TemplateDetected(d) if d.single_other)),
        "{:?}",
        imported.notes
    );
    let misspelt: Vec<&ImportNote> =
        imported.notes.iter().filter(|n| matches!(n, ImportNote::LabelMisspelt { .. })).collect();
    assert_eq!(misspelt.len(), 1, "{misspelt:?}");
    let ImportNote::LabelMisspelt { pointer, found, .. } = misspelt[0] else { unreachable!() };
    assert_eq!(pointer, "/applications/results/withheld/prohibited_by_law");
    assert!(found.contains("行政止公开"), "{found}");
    let imported = import_text(&sample_txt("huaian-city-2024"), &ImportOptions::default());
    assert!(imported.notes.iter().all(|n| !matches!(n, ImportNote::LabelMisspelt { .. })), "{:?}", imported.notes);
}

#[test]
fn imported_samples_check_like_the_hand_written_ones() {
    for name in SAMPLES {
        let imported = import_text(&sample_txt(name), &ImportOptions::default());
        let from_text: Vec<String> =
            findings(&check_value(&imported.document, None)).into_iter().map(|(r, _)| r).collect();
        let by_hand: Vec<String> = findings(&check_value(&sample(name), None)).into_iter().map(|(r, _)| r).collect();
        assert_eq!(from_text, by_hand, "{name}");
    }
}

mod round_trip {
    use super::common::{consistent_report, Variant};
    use nianbao_core::export::report_text;
    use nianbao_core::json::Value;
    use nianbao_core::model::Kind;
    use nianbao_import::{import_text, ImportOptions};
    use proptest::prelude::*;

    fn variant() -> impl Strategy<Value = Variant> {
        prop_oneof![Just(Variant::T2021), Just(Variant::T2019), Just(Variant::T2021SingleOther)]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

        /// A report written out as text by the project itself and imported
        /// back is the same report (the publication date is not in the text).
        #[test]
        fn text_written_by_the_project_imports_back_identical(seed in any::<u64>(), variant in variant(), blank in any::<prop::sample::Index>(), slash in any::<bool>()) {
            let mut report = consistent_report(seed, variant);
            // Blank and text cells come back as blank and text, never 0.
            let loaded = nianbao_core::load_value(report.clone());
            let pointers: Vec<String> = loaded.report.as_ref().unwrap().cells().map(|(id, _)| id.pointer()).collect();
            let pointer = &pointers[blank.index(pointers.len())];
            *report.pointer_mut(pointer).unwrap() = if slash { Value::String("/".into()) } else { Value::Null };
            let Value::Object(root) = &mut report else { unreachable!() };
            root.remove("published");

            let text = report_text(&report).expect("a readable report");
            let options = ImportOptions { agency: Some("某某县人民政府办公室".into()), kind: Some(Kind::Department), source: None };
            let imported = import_text(&text, &options);
            prop_assert_eq!(imported.document.to_json_pretty(), report.to_json_pretty());
            prop_assert!(!imported.has_missing_cells(), "{:?}", imported.notes);
        }
    }
}

mod html {
    use super::common::*;
    use super::{cell_pointers, sample_txt};
    use nianbao_core::json::Value;
    use nianbao_core::layout::{self, GridKind};
    use nianbao_core::template::{Lang, SECTIONS};
    use nianbao_import::{import_html, ImportOptions};

    /// Escapes text for HTML.
    fn esc(text: &str) -> String {
        text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
    }

    /// Word's way of writing a cell's number: digits in separate spans, as
    /// Word does after an edit, inside its paragraph and span markup.
    fn word_number(text: &str) -> String {
        let digits: String = text
            .chars()
            .map(|c| format!("<span lang=EN-US style='font-size:10.5pt;mso-bidi-font-size:11.0pt'>{c}</span>"))
            .collect();
        format!("<p class=MsoNormal align=center style='text-align:center'>{digits}<o:p></o:p></p>")
    }

    /// The report as a page saved by Word "as a web page": merged cells with
    /// rowspan and colspan, `mso-` styles, `&nbsp;` in empty cells,
    /// conditional comments, paragraphs with `MsoNormal`.
    fn word_html(document: &Value) -> String {
        let report = nianbao_core::load_value(document.clone()).report.unwrap();
        let text = |key: &str| document.pointer(&format!("/{key}")).and_then(Value::as_str).unwrap_or("").to_string();
        let paragraphs = |key: &str| -> String {
            text(key)
                .split('\n')
                .map(|p| format!("<p class=MsoNormal style='text-indent:21.0pt;mso-char-indent-count:2.0'><span style='font-family:仿宋_GB2312'>{}</span></p>\n", esc(p)))
                .collect()
        };
        let mut html = String::from("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta charset=utf-8><style><!-- p.MsoNormal {mso-style-parent:\"\";} --></style></head><body lang=ZH-CN>\n");
        html.push_str(&format!(
            "<p class=MsoTitle align=center><b><span style='font-size:22.0pt'>{}</span></b></p>\n",
            esc(report.title.as_deref().unwrap_or(""))
        ));
        let tables = layout::tables(report.template, report.other_shape);
        for (index, section) in SECTIONS.iter().enumerate() {
            html.push_str(&format!(
                "<p class=MsoNormal><b><span style='font-family:黑体'>{}</span></b><o:p></o:p></p>\n",
                section.heading.zh
            ));
            if (1..=3).contains(&index) {
                html.push_str("<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-table-layout-alt:fixed'>\n");
                for row in &tables[index - 1].rows {
                    html.push_str(" <tr style='mso-yfti-irow:0;height:20.0pt'>\n");
                    for cell in row {
                        let spans = format!(
                            "{}{}",
                            if cell.colspan > 1 { format!(" colspan={}", cell.colspan) } else { String::new() },
                            if cell.rowspan > 1 { format!(" rowspan={}", cell.rowspan) } else { String::new() }
                        );
                        let content = match &cell.kind {
                            GridKind::Value { pointer } => match document.pointer(pointer) {
                                Some(Value::Number(n)) => word_number(n.as_str()),
                                Some(Value::String(s)) => format!("<p class=MsoNormal align=center>{}</p>", esc(s)),
                                _ => "<p class=MsoNormal>&nbsp;<o:p></o:p></p>".to_string(),
                            },
                            GridKind::Empty => {
                                "<p class=MsoNormal><![if !supportEmptyParas]>&nbsp;<![endif]><o:p></o:p></p>"
                                    .to_string()
                            }
                            _ => format!(
                                "<p class=MsoNormal><span style='font-size:10.5pt'>{}</span></p>",
                                esc(cell.label.map(|l| l.get(Lang::Zh)).unwrap_or(""))
                            ),
                        };
                        html.push_str(&format!("  <td width=60{spans} valign=top style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt'>{content}</td>\n"));
                    }
                    html.push_str(" </tr>\n");
                }
                html.push_str("</table>\n");
            } else {
                html.push_str(&paragraphs(section.key));
            }
        }
        html.push_str("</body></html>\n");
        html
    }

    #[test]
    fn word_html_of_every_sample_imports_to_the_same_json() {
        for name in SAMPLES {
            let expected = sample(name);
            let imported = import_html(&word_html(&expected), &ImportOptions::default());
            for pointer in cell_pointers(&expected) {
                assert_eq!(imported.document.pointer(&pointer), expected.pointer(&pointer), "{name} {pointer}");
            }
            for key in ["template", "year", "title", "overview", "problems", "other"] {
                let p = format!("/{key}");
                assert_eq!(imported.document.pointer(&p), expected.pointer(&p), "{name} {key}");
            }
            assert!(!imported.has_missing_cells(), "{name}: {:?}", imported.notes);
        }
        let _ = sample_txt;
    }

    #[test]
    fn a_web_page_with_its_text_in_divs_and_a_plain_table() {
        // The seed report as a CMS page: text in <div>s, one plain table per
        // section, the leading empty cells lost as in the published text.
        let text = sample_txt("jiyuan-hitech-zone-2024");
        let mut html = String::from(
            "<!DOCTYPE html><html><head><script>var x = 1 < 2;</script></head><body><div class=\"article\">",
        );
        let mut in_table = false;
        for line in text.lines() {
            if line.contains('\t') {
                if !in_table {
                    html.push_str("<table>");
                    in_table = true;
                }
                html.push_str("<tr>");
                for cell in line.split('\t') {
                    html.push_str(&format!("<td>{}</td>", esc(cell)));
                }
                html.push_str("</tr>");
            } else {
                if in_table {
                    html.push_str("</table>");
                    in_table = false;
                }
                html.push_str(&format!("<div>{}</div>\n", esc(line)));
            }
        }
        html.push_str("</div></body></html>");
        let imported = import_html(&html, &ImportOptions::default());
        let expected = sample("jiyuan-hitech-zone-2024");
        for pointer in cell_pointers(&expected) {
            assert_eq!(imported.document.pointer(&pointer), expected.pointer(&pointer), "{pointer}");
        }
    }
}

#[test]
fn a_table_with_a_row_lost_places_the_rest_by_label_and_says_so() {
    // A PDF copy that dropped the line of numbers of （二）部分公开: 24 runs
    // for 25 rows. The others are placed by their labels and marked.
    let text = sample_txt("jiyuan-hitech-zone-2024");
    let broken: String = text.lines().filter(|l| !l.contains("(二) 部分公开")).map(|l| format!("{l}\n")).collect();
    let imported = import_text(&broken, &ImportOptions::default());
    let expected = sample("jiyuan-hitech-zone-2024");
    let missing = "/applications/results/partially_granted";
    assert!(imported.notes.contains(&ImportNote::RowMissing { pointer: missing.into() }), "{:?}", imported.notes);
    assert!(imported.has_missing_cells());
    for pointer in [
        "/applications/received/total",
        "/applications/results/unavailable/not_held/natural_person",
        "/applications/results/total/total",
        "/applications/carried_forward/total",
    ] {
        assert_eq!(imported.document.pointer(pointer), expected.pointer(pointer), "{pointer}");
    }
    assert!(imported
        .notes
        .iter()
        .any(|n| matches!(n, ImportNote::RowPlacedByLabel { pointer } if pointer == "/applications/results/granted")));
    // The validator then names the missing row.
    let findings = findings(&check_value(&imported.document, None));
    assert!(findings.contains(&("field-missing".to_string(), missing.to_string())), "{findings:?}");
}

/// The cells of `imported` that differ from `expected` while present (a
/// missing cell is reported by its note and by the checker; a wrong one is
/// not).
fn wrong_cells(imported: &Value, expected: &Value) -> Vec<String> {
    cell_pointers(expected)
        .into_iter()
        .filter(|p| imported.pointer(p).is_some_and(|v| Some(v) != expected.pointer(p)))
        .collect()
}

#[test]
fn pdf_text_with_a_blank_cell_leaves_that_row_out_and_shifts_no_other() {
    // 淮安 2024 as a PDF viewer copies it, with one blank cell in 2.重复申请
    // (invisible in page text). Its wrapped labels (（二）部分公开…, 5.要求行政机关
    // 确认或重新出具…) must not take a neighbour's numbers.
    let text = sample_txt("huaian-city-2024").replacen("2.重复申请 25 0 0 0 0 0 25", "2.重复申请 25 0 0 0 0 25", 1);
    let imported = import_text(&text, &ImportOptions::default());
    let expected = sample("huaian-city-2024");
    assert_eq!(wrong_cells(&imported.document, &expected), Vec::<String>::new());
    let repeated = "/applications/results/not_processed/repeated";
    assert!(
        imported.notes.iter().any(|n| matches!(n, ImportNote::RowAmbiguous { pointer, .. } if pointer == repeated)),
        "{:?}",
        imported.notes
    );
    assert!(imported.document.pointer("/applications/results/partially_granted/total").is_some());
    assert!(imported.document.pointer("/applications/results/not_processed/confirmation/total").is_some());
}

#[test]
fn the_title_is_the_one_above_the_report_not_a_list_of_other_reports() {
    // A web page that lists earlier reports above the article.
    let text = sample_txt("jiyuan-hitech-zone-2024");
    let page = format!("相关阅读\n济源高新技术产业开发区管理办公室2023年政府信息公开工作年度报告\n\n{text}");
    let imported = import_text(&page, &ImportOptions::default());
    assert_eq!(imported.document.pointer("/year").map(Value::to_json).as_deref(), Some("2024"));
}

#[test]
fn headings_as_agencies_word_and_number_them() {
    let expected = sample("jiyuan-hitech-zone-2024");
    let text = sample_txt("jiyuan-hitech-zone-2024");
    let variants = [
        // A full-width comma, Arabic numerals, the agencies' rewordings.
        vec![("一、总体情况", "一，总体情况"), ("二、主动公开政府信息情况", "二，政府信息主动公开情况")],
        vec![
            ("一、总体情况", "1.总体情况"),
            ("三、收到和处理政府信息公开申请情况", "3.收到和处理政府信息依申请公开情况"),
            ("五、存在的主要问题及改进情况", "5.存在的问题及改进情况"),
        ],
        // Word's automatic numbering, lost when the text is copied.
        vec![
            ("一、总体情况", "总体情况"),
            ("二、主动公开政府信息情况", "主动公开政府信息情况"),
            ("三、收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请情况"),
            ("四、政府信息公开行政复议、行政诉讼情况", "政府信息公开行政复议、行政诉讼情况"),
            ("五、存在的主要问题及改进情况", "存在的主要问题及改进情况"),
            ("六、其他需要报告的事项", "其他需要报告的事项"),
        ],
    ];
    for changes in variants {
        let mut changed = text.clone();
        for (from, to) in &changes {
            changed = changed.replacen(&format!("\n{from}\n"), &format!("\n{to}\n"), 1);
        }
        let imported = import_text(&changed, &ImportOptions::default());
        for pointer in cell_pointers(&expected) {
            assert_eq!(imported.document.pointer(&pointer), expected.pointer(&pointer), "{changes:?}: {pointer}");
        }
        assert_eq!(imported.document.pointer("/problems"), expected.pointer("/problems"), "{changes:?}");
    }
}

#[test]
fn table_labels_with_units_and_spacer_rows_as_word_prints_them() {
    let expected = sample("jiyuan-hitech-zone-2024");
    let text = sample_txt("jiyuan-hitech-zone-2024")
        // 表二's label with its unit, as some agencies print it.
        .replacen("\n行政许可\t", "\n行政许可（件）\t", 1)
        // An empty spacer row in 表三, as Word's HTML export leaves one.
        .replacen("\t(二) 部分公开", "\t\t\t\t\t\t\t\n\t(二) 部分公开", 1);
    let imported = import_text(&text, &ImportOptions::default());
    for pointer in cell_pointers(&expected) {
        assert_eq!(imported.document.pointer(&pointer), expected.pointer(&pointer), "{pointer}");
    }
    assert!(!imported.notes.iter().any(|n| matches!(n, ImportNote::RowPlacedByLabel { .. })), "{:?}", imported.notes);
}

#[test]
fn notes_name_rows_of_the_2019_template_by_their_printed_label() {
    let note = ImportNote::RowMissing { pointer: "/proactive/other_services".into() };
    let message = note.message(nianbao_core::Lang::Zh);
    assert!(message.contains("其他对外管理服务事项") && !message.contains("/proactive"), "{message}");
}

#[test]
fn a_web_page_footer_is_not_part_of_section_six() {
    let expected = sample("jiyuan-hitech-zone-2024");
    let page = format!(
        "{}\n\n【打印本页】【关闭窗口】\n主办单位：济源高新技术产业开发区管理办公室  网站标识码：4190010001\n豫ICP备00000000号\n",
        sample_txt("jiyuan-hitech-zone-2024")
    );
    let imported = import_text(&page, &ImportOptions::default());
    assert_eq!(imported.document.pointer("/other"), expected.pointer("/other"));
}

#[test]
fn titles_in_the_forms_agencies_publish() {
    let text = sample_txt("jiyuan-hitech-zone-2024");
    let title = "高新技术产业开发区管理办公室 2024 年政府信息公开工作年度报告";
    assert!(text.contains(title));
    for form in [
        "济源高新技术产业开发区管理办公室2024年度政府信息公开工作报告",
        "济源高新技术产业开发区管理办公室关于2024年政府信息公开工作年度报告的公告",
    ] {
        let imported = import_text(&text.replacen(title, form, 1), &ImportOptions::default());
        assert_eq!(imported.document.pointer("/year").map(Value::to_json).as_deref(), Some("2024"), "{form}");
        assert_eq!(imported.document.pointer("/title").and_then(Value::as_str), Some(form));
        assert_eq!(
            imported.document.pointer("/agency").and_then(Value::as_str),
            Some("济源高新技术产业开发区管理办公室"),
            "{form}"
        );
    }
}

#[test]
fn tables_copied_one_cell_per_line_are_read_in_order() {
    // As some PDF viewers copy a table: every cell on a line of its own.
    let expected = sample("jiyuan-hitech-zone-2024");
    let text: String = sample_txt("jiyuan-hitech-zone-2024")
        .lines()
        .flat_map(|line| {
            let fields: Vec<String> = if line.contains('\t') {
                line.split('\t').map(str::trim).filter(|f| !f.is_empty()).map(str::to_string).collect()
            } else {
                vec![line.to_string()]
            };
            fields
        })
        .map(|line| format!("{line}\n"))
        .collect();
    let imported = import_text(&text, &ImportOptions::default());
    for pointer in cell_pointers(&expected) {
        assert_eq!(imported.document.pointer(&pointer), expected.pointer(&pointer), "{pointer}");
    }
    assert!(imported
        .notes
        .iter()
        .any(|n| matches!(n, ImportNote::PlacedInReadingOrder { pointer } if pointer == "/applications")));
}

#[test]
fn long_labels_of_other_handling_are_found_wrapped_or_punctuated_otherwise() {
    // 淮安 2024 as a PDF viewer copies it, with the numbers of （二）部分公开
    // lost (so rows are placed by label), （六）'s first label typed with ，
    // and the numbers of 5.要求行政机关确认… lost too. The wrapped labels of
    // （六） share their tail (行政机关不再处理其政府信息公开申请): neither row
    // may take the other's numbers, nor 5. the numbers of （六）1.
    let text = sample_txt("huaian-city-2024")
        .replacen("\n447 7 0 0 0 0 454\n", "\n", 1)
        .replacen("\n1 0 0 0 0 0 1\n具已获取信息", "\n具已获取信息", 1)
        .replacen("正、行政机关不再处理其政府信 67", "正，行政机关不再处理其政府信 67", 1);
    let imported = import_text(&text, &ImportOptions::default());
    let expected = sample("huaian-city-2024");
    assert_eq!(wrong_cells(&imported.document, &expected), Vec::<String>::new());
    for row in ["no_correction", "unpaid_fee", "misc"] {
        let pointer = format!("/applications/results/other/{row}");
        assert_eq!(imported.document.pointer(&pointer), expected.pointer(&pointer), "{pointer}");
        assert!(imported.notes.contains(&ImportNote::RowPlacedByLabel { pointer: pointer.clone() }), "{pointer}");
    }
    for lost in ["/applications/results/partially_granted", "/applications/results/not_processed/confirmation"] {
        assert!(
            imported.notes.contains(&ImportNote::RowMissing { pointer: lost.into() }),
            "{lost}: {:?}",
            imported.notes
        );
    }
}

#[test]
fn a_report_numbered_its_own_way_keeps_its_tables_and_sections() {
    // Section 一's parts headed 二、…六、 like sections, the tables headed
    // 一、二、三、, 五 without a heading, 六 headed 四、.
    let expected = sample("jiyuan-hitech-zone-2024");
    let mut text = sample_txt("jiyuan-hitech-zone-2024");
    for (from, to) in [
        ("（一）主动公开情况", "二、主动公开情况"),
        ("（二）依申请公开情况", "三、依申请公开情况"),
        ("（三）政府信息管理情况", "四、政府信息管理情况"),
        ("二、主动公开政府信息情况", "一、主动公开政府信息情况"),
        ("三、收到和处理政府信息公开申请情况", "二、收到和处理政府信息公开申请情况"),
        ("四、政府信息公开行政复议、行政诉讼情况", "三、政府信息公开行政复议、行政诉讼情况"),
        ("五、存在的主要问题及改进情况", ""),
        ("六、其他需要报告的事项", "四、其他需要报告的事项"),
    ] {
        assert!(text.contains(&format!("\n{from}\n")), "{from}");
        text = text.replacen(&format!("\n{from}\n"), &format!("\n{to}\n"), 1);
    }
    let imported = import_text(&text, &ImportOptions::default());
    for pointer in cell_pointers(&expected) {
        assert_eq!(imported.document.pointer(&pointer), expected.pointer(&pointer), "{pointer}");
    }
    assert!(!imported.has_missing_cells(), "{:?}", imported.notes);
    for key in ["problems", "other"] {
        assert_eq!(imported.document.pointer(&format!("/{key}")), expected.pointer(&format!("/{key}")), "{key}");
    }
    let overview = imported.document.pointer("/overview").and_then(Value::as_str).unwrap_or("");
    assert!(overview.contains("\n二、主动公开情况\n") && overview.contains("\n四、政府信息管理情况\n"), "{overview}");
    assert!(!overview.contains("主动公开政府信息情况"), "{overview}");
}

#[test]
fn a_share_bar_and_byline_are_dropped_from_the_text_but_prose_about_weixin_stays() {
    let text = sample_txt("jiyuan-hitech-zone-2024").replacen(
        "\n一、总体情况\n",
        "\n一、总体情况\n来源：济源高新区  发布时间：2025-01-20  浏览次数：99\n字号 大 中 小\n微信 微博 QQ空间\n全真版\n打印本页 【关闭】\n通过政务微信、微博发布信息 120 条。\n",
        1,
    );
    let imported = import_text(&text, &ImportOptions::default());
    let overview = imported.document.pointer("/overview").and_then(Value::as_str).unwrap_or("");
    assert!(overview.contains("通过政务微信、微博发布信息 120 条。"), "{overview}");
    for chrome in ["来源：", "字号", "QQ空间", "全真版", "打印本页", "【关闭】"] {
        assert!(!overview.contains(chrome), "{chrome}: {overview}");
    }
    let dropped: Vec<&str> = imported
        .notes
        .iter()
        .filter_map(|n| match n {
            ImportNote::TextDropped { text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        dropped,
        [
            "来源：济源高新区  发布时间：2025-01-20  浏览次数：99",
            "字号 大 中 小",
            "微信 微博 QQ空间",
            "全真版",
            "打印本页 【关闭】"
        ]
    );
}
