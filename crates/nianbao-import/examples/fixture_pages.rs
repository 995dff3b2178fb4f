//! Writes the web pages from which the PDF import corpus is printed
//! (`tests/corpus/`, rebuilt by `scripts/make-pdf-fixtures.sh`): each report
//! as agencies publish it, once as a page saved by Word "as a web page"
//! (`word.html`) and once as a government site's article page
//! (`cms.html`), plus the report itself (`report.json`), the truth the
//! imports are compared with.
//!
//! The reports: the four samples (`samples/*.json`), a 2019-template report
//! written for the corpus (`tests/corpus/html-word-qingxi-county-2020/report.json`)
//! and a variant of the 济源 sample with blank and `/` cells.
//!
//! Usage: `cargo run -p nianbao-import --example fixture_pages -- OUT_DIR`
//! writes `OUT_DIR/<report>/{word.html,cms.html,report.json}` and prints one
//! line per report: its name and the path its cases compare with.

use nianbao_core::json::{self, Value};
use nianbao_core::layout::{self, GridKind, TableLayout};
use nianbao_core::template::{Lang, SECTIONS};
use std::path::Path;

/// The 2019-template report, kept in its primary case's folder.
const REPORT_2019: &str = "tests/corpus/html-word-qingxi-county-2020/report.json";
/// The blank-cell variant's truth, written by this generator.
const BLANKS: &str = "tests/corpus/html-word-jiyuan-hitech-zone-2024-blanks/report.json";

fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn text<'a>(document: &'a Value, key: &str) -> &'a str {
    document.pointer(&format!("/{key}")).and_then(Value::as_str).unwrap_or("")
}

/// What a cell prints: a number as spelt, text as published, blank as nothing.
fn cell_text(document: &Value, pointer: &str) -> Option<String> {
    match document.pointer(pointer) {
        Some(Value::Number(n)) => Some(n.as_str().to_string()),
        Some(Value::String(s)) => Some(s.clone()),
        _ => None,
    }
}

/// A table's rows as `(attributes, content)` cells, `content` chosen by `cell`.
fn table_rows(table: &TableLayout, mut cell: impl FnMut(&layout::GridCell) -> String) -> Vec<Vec<(String, String)>> {
    table
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|c| {
                    let mut spans = String::new();
                    if c.colspan > 1 {
                        spans.push_str(&format!(" colspan={}", c.colspan));
                    }
                    if c.rowspan > 1 {
                        spans.push_str(&format!(" rowspan={}", c.rowspan));
                    }
                    (spans, cell(c))
                })
                .collect()
        })
        .collect()
}

fn label(cell: &layout::GridCell) -> &'static str {
    cell.label.map(|l| l.get(Lang::Zh)).unwrap_or("")
}

/// A page saved by Word "as a web page": Office namespaces and XML islands,
/// `MsoNormal` paragraphs, 仿宋 text and 黑体 headings (not bold, as official
/// documents set them), tables with `border=1` and Word's cell borders,
/// numbers split into runs, `&nbsp;` in blank cells.
fn word_html(document: &Value) -> String {
    let report = nianbao_core::load_value(document.clone()).report.expect("a readable report");
    let mut html = r#"<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<title>TITLE</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>办公室</o:Author>
  <o:Pages>6</o:Pages>
 </o:DocumentProperties>
</xml><![endif]-->
<!--[if gte mso 9]><xml>
 <w:WordDocument>
  <w:View>Print</w:View>
  <w:SpellingState>Clean</w:SpellingState>
  <w:DocumentKind>DocumentNotSpecified</w:DocumentKind>
  <w:DrawingGridVerticalSpacing>7.8 磅</w:DrawingGridVerticalSpacing>
 </w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face {font-family:宋体; panose-1:2 1 6 0 3 1 1 1 1 1;}
 @font-face {font-family:黑体; panose-1:2 1 6 9 6 1 1 1 1 1;}
 @font-face {font-family:仿宋_GB2312; panose-1:2 1 6 9 3 1 1 1 1 1;}
 @font-face {font-family:方正小标宋简体; panose-1:2 0 0 0 0 0 0 0 0 0;}
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{mso-style-unhide:no; mso-style-qformat:yes; mso-style-parent:"";
	margin:0cm; text-align:justify; text-justify:inter-ideograph;
	font-size:10.5pt; font-family:"Times New Roman",serif; mso-fareast-font-family:宋体;}
 p.MsoTitle {margin:0cm; text-align:center; font-size:22.0pt; font-family:方正小标宋简体;}
 table.MsoNormalTable {mso-style-name:普通表格; mso-tstyle-rowband-size:0; mso-padding-alt:0cm 5.4pt 0cm 5.4pt;}
@page WordSection1
	{size:595.3pt 841.9pt; margin:72.0pt 90.0pt 72.0pt 90.0pt; mso-header-margin:42.55pt; mso-footer-margin:49.6pt; layout-grid:15.6pt;}
div.WordSection1 {page:WordSection1;}
-->
</style>
</head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>
<div class=WordSection1 style='layout-grid:15.6pt'>
"#
    .replace("TITLE", &esc(report.title.as_deref().unwrap_or("")));
    html.push_str(&format!(
        "<p class=MsoTitle align=center style='text-align:center;line-height:28.0pt'><span style='font-size:22.0pt;font-family:方正小标宋简体;mso-hansi-font-family:\"Times New Roman\"'>{}<span lang=EN-US><o:p></o:p></span></span></p>\n<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n",
        esc(report.title.as_deref().unwrap_or(""))
    ));
    let tables = layout::tables(report.template, report.other_shape);
    for (index, section) in SECTIONS.iter().enumerate() {
        html.push_str(&format!(
            "<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt'><span style='font-size:16.0pt;font-family:黑体;mso-hansi-font-family:\"Times New Roman\"'>{}</span><span lang=EN-US style='font-size:16.0pt'><o:p></o:p></span></p>\n",
            section.heading.zh
        ));
        if (1..=3).contains(&index) {
            html.push_str(&word_table(document, &tables[index - 1]));
            html.push_str("<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n");
        } else {
            for paragraph in text(document, section.key).split('\n') {
                html.push_str(&format!(
                    "<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt'><span style='font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:\"Times New Roman\"'>{}</span></p>\n",
                    esc(paragraph)
                ));
            }
        }
    }
    html.push_str("</div>\n</body>\n</html>\n");
    html
}

fn word_table(document: &Value, table: &TableLayout) -> String {
    let width = 553.0 / table.columns as f64;
    let rows = table_rows(table, |c| {
        match &c.kind {
        GridKind::Value { pointer } => match cell_text(document, pointer) {
            Some(t) => {
                // Word splits a number typed in several edits into runs.
                let runs: String = t
                    .chars()
                    .map(|ch| format!("<span lang=EN-US style='font-size:10.5pt;font-family:宋体'>{}</span>", esc(&ch.to_string())))
                    .collect();
                format!("<p class=MsoNormal align=center style='text-align:center'>{runs}<span lang=EN-US style='font-size:10.5pt'><o:p></o:p></span></p>")
            }
            None => "<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US style='font-size:10.5pt'><o:p>&nbsp;</o:p></span></p>".into(),
        },
        GridKind::Empty => "<p class=MsoNormal><span lang=EN-US><![if !supportEmptyParas]>&nbsp;<![endif]><o:p></o:p></span></p>".into(),
        _ => format!(
            "<p class=MsoNormal align=center style='text-align:center'><span style='font-size:10.5pt;font-family:宋体'>{}</span><span lang=EN-US style='font-size:10.5pt'><o:p></o:p></span></p>",
            esc(label(c))
        ),
    }
    });
    let mut html = format!("<div align=center>\n<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width={} style='width:{:.1}pt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>\n", 738, 553.0);
    for (r, row) in rows.iter().enumerate() {
        html.push_str(&format!(" <tr style='mso-yfti-irow:{r};height:18.0pt'>\n"));
        for (spans, content) in row {
            html.push_str(&format!(
                "  <td width={}{spans} valign=center style='width:{width:.1}pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 2.0pt 0cm 2.0pt;height:18.0pt'>\n  {content}\n  </td>\n",
                (width * 4.0 / 3.0).round()
            ));
        }
        html.push_str(" </tr>\n");
    }
    html.push_str("</table>\n</div>\n");
    html
}

/// A government site's article page: header and menu, breadcrumb, the
/// title, a byline with the date, share bar, 字号 and 打印本页, the article
/// with CSS-bordered tables, then 相关链接, 附件 and the site footer. Its
/// bold title has no bold CJK face here, so Chromium draws it in Type 3 fonts.
fn cms_html(document: &Value) -> String {
    let report = nianbao_core::load_value(document.clone()).report.expect("a readable report");
    let agency = text(document, "agency");
    let title = report.title.as_deref().unwrap_or("");
    let published = document.pointer("/published").and_then(Value::as_str).unwrap_or("2025-01-20");
    let year = report.year.map(|y| y.to_string()).unwrap_or_default();
    let mut html = format!(
        r##"<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="SiteName" content="{agency}">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{published} 09:30">
<meta name="ContentSource" content="{agency}">
<title>{title}_政府信息公开年报_{agency}</title>
<style>
body {{ margin: 0; font-family: "Microsoft YaHei", "微软雅黑", SimSun, sans-serif; font-size: 14px; color: #333; }}
.top {{ background: #b8131a; color: #fff; padding: 18px 40px; }}
.top .logo {{ font-size: 28px; font-weight: bold; letter-spacing: 2px; }}
.nav {{ background: #d32a2f; padding: 0 40px; }}
.nav a {{ color: #fff; display: inline-block; padding: 9px 18px; text-decoration: none; }}
.crumb {{ padding: 10px 40px; color: #666; border-bottom: 1px solid #ddd; }}
.main {{ padding: 10px 40px; }}
h1.title {{ font-size: 22px; text-align: center; color: #000; margin: 18px 0 10px; }}
.info {{ text-align: center; color: #888; font-size: 13px; border-bottom: 1px dashed #ccc; padding-bottom: 8px; }}
.info span {{ margin: 0 8px; }}
.tools {{ text-align: right; color: #666; font-size: 13px; margin: 6px 0 14px; }}
.tools a {{ color: #666; margin: 0 4px; text-decoration: none; }}
.TRS_Editor p {{ text-indent: 2em; line-height: 1.9; margin: 0 0 6px; font-size: 16px; font-family: 仿宋_GB2312, 仿宋, serif; }}
.TRS_Editor p.h {{ font-family: 黑体, sans-serif; }}
.TRS_Editor table {{ border-collapse: collapse; width: 100%; margin: 8px 0 14px; }}
.TRS_Editor td {{ border: 1px solid #000; padding: 3px 4px; text-align: center; font-size: 13px; line-height: 1.4; }}
.related {{ margin-top: 20px; border-top: 2px solid #b8131a; padding-top: 8px; }}
.related li {{ line-height: 1.9; }}
.foot {{ margin-top: 30px; background: #f2f2f2; padding: 18px 40px; text-align: center; color: #666; font-size: 12px; line-height: 2; }}
</style>
<script>
function doZoom(size) {{ document.getElementById("zoom").style.fontSize = size + "px"; }}
var _hmt = _hmt || []; if (1 < 2) {{ _hmt.push(["_trackPageview"]); }}
</script>
</head>
<body>
<div class="top"><div class="logo">{agency}</div><div>www.example.gov.cn</div></div>
<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/zwfw/">政务服务</a><a href="/hdjl/">互动交流</a><a href="/zjqx/">走进本地</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/xxgk/">政府信息公开</a> &gt; 政府信息公开年报</div>
<div class="main">
<h1 class="title">{title}</h1>
<div class="info"><span>来源：{agency}</span><span>发布时间：{published}</span><span>浏览次数：<script>document.write("1024")</script></span></div>
<div class="tools">分享到：<a href="#">微信</a><a href="#">微博</a><a href="#">QQ空间</a>　字号：<a href="javascript:doZoom(18)">大</a><a href="javascript:doZoom(16)">中</a><a href="javascript:doZoom(14)">小</a>　<a href="javascript:window.print()">打印本页</a></div>
<div class="TRS_Editor" id="zoom">
"##,
        agency = esc(agency),
        title = esc(title),
        published = published
    );
    let tables = layout::tables(report.template, report.other_shape);
    for (index, section) in SECTIONS.iter().enumerate() {
        html.push_str(&format!("<p class=\"h\">{}</p>\n", section.heading.zh));
        if (1..=3).contains(&index) {
            html.push_str("<table>\n<tbody>\n");
            let rows = table_rows(&tables[index - 1], |c| match &c.kind {
                GridKind::Value { pointer } => cell_text(document, pointer).map(|t| esc(&t)).unwrap_or_default(),
                GridKind::Empty => String::new(),
                _ => esc(label(c)),
            });
            for row in rows {
                html.push_str("<tr>");
                for (spans, content) in row {
                    html.push_str(&format!("<td{spans}>{content}</td>"));
                }
                html.push_str("</tr>\n");
            }
            html.push_str("</tbody>\n</table>\n");
        } else {
            for paragraph in text(document, section.key).split('\n') {
                html.push_str(&format!("<p>{}</p>\n", esc(paragraph)));
            }
        }
    }
    html.push_str(&format!(
        r##"</div>
<div class="related">
<p><strong>相关链接：</strong></p>
<ul>
<li><a href="/zwgk/xxgk/ndbg/">政府信息公开工作年度报告专栏</a></li>
<li><a href="/zwgk/xxgk/zn/">政府信息公开指南</a></li>
<li><a href="http://www.gov.cn/">中国政府网</a></li>
</ul>
<p>附件：<a href="/files/ndbg{year}.pdf">{title}.pdf</a></p>
</div>
</div>
<div class="foot">
<a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a><br>
主办单位：{agency}办公室　承办单位：{agency}大数据中心<br>
网站标识码：3300000000　备案号：浙ICP备05000000号-1　公网安备 33000002000001号
</div>
</body>
</html>
"##,
        agency = esc(agency),
        title = esc(title),
    ));
    html
}

/// The 济源 sample as many agencies print it: no 规章 powers (`/`), zeros
/// left blank, a dash and a blank 收费.
fn with_blanks(mut document: Value) -> Value {
    let set = |document: &mut Value, pointer: &str, value: Value| {
        *document.pointer_mut(pointer).unwrap_or_else(|| panic!("{pointer}")) = value;
    };
    for column in ["issued", "repealed", "in_force"] {
        set(&mut document, &format!("/proactive/regulations/{column}"), Value::String("/".into()));
    }
    set(&mut document, "/proactive/fees/amount", Value::Null);
    set(&mut document, "/proactive/coercion/decisions", Value::String("—".into()));
    for row in
        ["/applications/carried_over", "/applications/results/withheld/state_secret", "/applications/carried_forward"]
    {
        for column in
            ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"]
        {
            set(&mut document, &format!("{row}/{column}"), Value::Null);
        }
    }
    set(&mut document, "/applications/received/research", Value::Null);
    set(&mut document, "/applications/results/unavailable/not_held/legal_service", Value::Null);
    for column in ["upheld", "corrected", "other", "pending", "total"] {
        set(&mut document, &format!("/appeals/litigation_after_review/{column}"), Value::String("/".into()));
    }
    if let Value::Object(root) = &mut document {
        root.insert(
            "source",
            Value::String("The 济源 sample with blank, / and — cells, as agencies without those powers print them (import corpus)".into()),
        );
    }
    document
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    json::parse(&text).unwrap_or_else(|e| panic!("{}: {e:?}", path.display())).value
}

fn main() {
    let out = std::env::args().nth(1).expect("usage: fixture_pages OUT_DIR");
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let samples = crate_dir.join("../../samples");
    let mut reports: Vec<(String, String, Value)> = Vec::new();
    let mut names: Vec<String> = std::fs::read_dir(&samples)
        .expect("samples/")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".json").map(str::to_string))
        .collect();
    names.sort();
    for name in names {
        let document = read_json(&samples.join(format!("{name}.json")));
        reports.push((name.clone(), format!("samples/{name}.json"), document));
    }
    reports.push(("qingxi-county-2020".into(), REPORT_2019.into(), read_json(&crate_dir.join(REPORT_2019))));
    let jiyuan = read_json(&samples.join("jiyuan-hitech-zone-2024.json"));
    reports.push(("jiyuan-hitech-zone-2024-blanks".into(), BLANKS.into(), with_blanks(jiyuan)));
    for (name, compare_with, document) in &reports {
        let dir = Path::new(&out).join(name);
        std::fs::create_dir_all(&dir).expect("the output folder");
        std::fs::write(dir.join("word.html"), word_html(document)).expect("word.html");
        std::fs::write(dir.join("cms.html"), cms_html(document)).expect("cms.html");
        std::fs::write(dir.join("report.json"), document.to_json_pretty() + "\n").expect("report.json");
        println!("{name}\t{compare_with}");
    }
}
