//! The web page as a CMS that forbids scripts sees it: no script (but the
//! optional data block, which cannot be broken out of), no event handler,
//! the language set, every table with a caption and its headers scoped,
//! report text escaped.

#[path = "../../nianbao-core/tests/common/mod.rs"]
mod common;
use common::*;
use nianbao_core::json::Value;
use nianbao_publish::{html, Page};

fn page_of(document: &Value, page: Page) -> String {
    html(&nianbao_core::load_value(document.clone()), &page).expect("a readable report")
}

/// A sample whose text and cells try to be markup.
fn hostile() -> Value {
    let mut document = sample("jiyuan-hitech-zone-2024");
    let text = "本机关</script><script>alert(1)</script><img src=x onerror=alert(2)>\n<!-- x --></p>“引号”&amp;";
    edit(&mut document, "/other", Some(&Value::String(text.into()).to_json()));
    edit(&mut document, "/title", Some(&Value::String("<b onclick=\"x()\">报告</b>".into()).to_json()));
    edit(&mut document, "/applications/received/research", Some("\"<i>无</i>\""));
    document
}

/// Every tag of a page, as `<name attributes…`, lower-cased.
fn tags(html: &str) -> Vec<String> {
    html.split('<').skip(1).map(|t| t.split('>').next().unwrap_or("").to_lowercase()).collect()
}

#[test]
fn a_page_has_no_script_and_no_event_handler() {
    for page in [Page::default(), Page { fragment: true, data: false }] {
        let html = page_of(&hostile(), page);
        assert!(!html.to_lowercase().contains("<script"), "{page:?}");
        for tag in tags(&html) {
            let attributes = tag.split_whitespace().skip(1);
            for attribute in attributes {
                assert!(!attribute.starts_with("on"), "{page:?}: an event handler in <{tag}>");
                assert!(!attribute.starts_with("style"), "{page:?}: an inline style in <{tag}>");
                assert!(!attribute.contains("javascript:"), "{page:?}: <{tag}>");
            }
        }
        // Report text is text.
        assert!(html
            .contains("本机关&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"));
        assert!(html.contains("&lt;!-- x --&gt;&lt;/p&gt;“引号”&amp;amp;"));
        assert!(html.contains("<h1>&lt;b onclick=&quot;x()&quot;&gt;报告&lt;/b&gt;</h1>"));
        assert!(html.contains(">&lt;i&gt;无&lt;/i&gt;</td>"));
    }
}

#[test]
fn the_data_block_is_the_only_script_and_cannot_be_broken_out_of() {
    let document = hostile();
    let html = page_of(&document, Page { fragment: false, data: true });
    let lower = html.to_lowercase();
    assert_eq!(lower.matches("<script").count(), 1);
    assert_eq!(lower.matches("</script").count(), 1);
    let open = "<script type=\"application/json\">";
    let start = html.find(open).expect("the data block") + open.len();
    let end = html.find("</script>").unwrap();
    let json = &html[start..end];
    assert!(!json.contains('<'), "{json}");
    // The block is the document, to the byte once unescaped.
    let read = nianbao_core::json::parse(json).expect("JSON").value;
    assert_eq!(read, document);
    assert!(html.contains("<nianbao-report lang=\"zh\" view=\"tables\">"));
    assert!(html.trim_end().ends_with("</nianbao-report>\n</main>\n</body>\n</html>"));
}

#[test]
fn language_captions_and_scopes() {
    for name in SAMPLES {
        let html = page_of(&sample(name), Page::default());
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"), "{name}");
        assert!(html.contains("<meta charset=\"utf-8\">"));
        assert!(html.contains("<meta name=\"viewport\""));
        assert_eq!(html.matches("<table").count(), 3, "{name}");
        assert_eq!(html.matches("<caption><h2 id=").count(), 3, "{name}");
        assert_eq!(html.matches("<thead>").count(), 2, "{name}: 表三 and 表四 have heads");
        assert_eq!(html.matches("<h2").count(), 6, "{name}: six sections");
        assert_eq!(html.matches("<h1>").count(), 1);
        // Every header cell has a scope and an id; every value cell names
        // headers that exist.
        let ids: Vec<String> = tags(&html)
            .iter()
            .filter_map(|t| t.split("id=\"").nth(1).map(|r| r.split('"').next().unwrap_or("").to_string()))
            .collect();
        for tag in tags(&html) {
            if tag.starts_with("th ") || tag == "th" {
                assert!(tag.contains(" scope=\""), "{name}: <{tag}>");
                assert!(tag.contains(" id=\""), "{name}: <{tag}>");
            }
            if let Some(headers) = tag.split("headers=\"").nth(1) {
                for id in headers.split('"').next().unwrap_or("").split(' ') {
                    assert!(ids.iter().any(|i| i == id), "{name}: <{tag}> names {id}");
                }
            }
        }
        // Ids are unique.
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len(), "{name}");
        assert!(html.contains("scope=\"rowgroup\""));
        assert!(html.contains("scope=\"colgroup\""));
        assert!(html.contains("@media print"));
        assert!(html.contains("thead{display:table-header-group}"));
        assert!(html.contains("break-inside:avoid"));
    }
}

#[test]
fn the_tables_are_the_printed_grid() {
    let html = page_of(&sample("jiyuan-hitech-zone-2024"), Page::default());
    // 三、本年度办理结果 spans the 22 result rows, （三）不予公开 its 8.
    assert!(html.contains(" rowspan=\"22\">三、本年度办理结果</th>"), "{html}");
    assert!(html.contains(" rowspan=\"8\">（三）不予公开</th>"));
    // The 勾稽关系 note spans three columns and three rows, and names no data.
    assert!(html.contains("<td class=\"nianbao-ch\" colspan=\"3\" rowspan=\"3\">（本列数据的勾稽关系为"));
    // A number as spelt, in its cell with its headers.
    let row = html.lines().find(|l| l.contains("一、本年新收政府信息公开申请数量")).unwrap();
    assert!(
        row.contains("headers=\"nianbao-t3-r-received nianbao-t3-applicants nianbao-t3-c-natural_person\">1</td>"),
        "{row}"
    );
}

#[test]
fn a_fragment_is_the_article_alone() {
    let html = page_of(&sample("huaian-city-2024"), Page { fragment: true, data: false });
    assert!(html.starts_with("<article class=\"nianbao-report\" lang=\"zh-CN\">\n<style>"));
    assert!(html.trim_end().ends_with("</article>"));
    for tag in ["<html", "<head", "<body", "<main", "<!DOCTYPE", "<title"] {
        assert!(!html.contains(tag), "{tag}");
    }
}

#[test]
fn a_document_that_is_no_report_gives_nothing() {
    let loaded = nianbao_core::load(b"[1, 2]");
    assert!(html(&loaded, &Page::default()).is_none());
    assert!(nianbao_publish::docx::docx(&loaded).is_none());
    assert!(nianbao_publish::csv(&loaded).is_none());
}
