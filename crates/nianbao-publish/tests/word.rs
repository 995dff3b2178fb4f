//! The Word file as Word opens it: every part the package names is there
//! and is well-formed XML, merged cells are written as Word writes them, and
//! the fonts are those of official documents.

#[path = "../../nianbao-core/tests/common/mod.rs"]
mod common;
use common::*;
use nianbao_import::docx::zip_entry;

const PARTS: [&str; 8] = [
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/core.xml",
    "word/document.xml",
    "word/_rels/document.xml.rels",
    "word/styles.xml",
    "word/fontTable.xml",
    "word/settings.xml",
];

fn part(docx: &[u8], name: &str) -> String {
    let entry = zip_entry(docx, name).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    assert_eq!(entry.method, 0);
    assert_eq!(entry.data.len(), entry.uncompressed_size as usize);
    String::from_utf8(entry.data.to_vec()).expect("UTF-8")
}

/// Checks that every element is closed in order, and returns the element
/// names in document order (a well-formedness check, not a validator).
fn elements(xml: &str) -> Vec<String> {
    let body =
        xml.strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n").expect("declaration");
    let mut open: Vec<String> = Vec::new();
    let mut names = Vec::new();
    for tag in body.split('<').skip(1) {
        let tag = tag.split('>').next().expect("closed tag");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(open.pop().as_deref(), Some(name), "</{name}>");
        } else {
            let name = tag.split([' ', '/']).next().unwrap_or("").to_string();
            names.push(name.clone());
            if !tag.ends_with('/') {
                open.push(name);
            }
        }
    }
    assert!(open.is_empty(), "unclosed: {open:?}");
    assert!(!body.contains(['\u{0}', '\u{1}']));
    names
}

#[test]
fn every_part_is_there_and_well_formed() {
    for name in SAMPLES {
        let loaded = nianbao_core::load_value(sample(name));
        let docx = nianbao_publish::docx::docx(&loaded).expect("a report");
        for p in PARTS {
            elements(&part(&docx, p));
        }
        let types = part(&docx, "[Content_Types].xml");
        for p in PARTS.iter().filter(|p| !p.contains("rels") && !p.starts_with('[')) {
            assert!(types.contains(&format!("PartName=\"/{p}\"")), "{p}");
        }
        // The same report gives the same bytes.
        assert_eq!(docx, nianbao_publish::docx::docx(&loaded).unwrap());
    }
}

#[test]
fn merged_cells_fonts_and_page() {
    let loaded = nianbao_core::load_value(sample("huaian-city-2024"));
    let docx = nianbao_publish::docx::docx(&loaded).unwrap();
    let document = part(&docx, "word/document.xml");
    let names = elements(&document);
    assert_eq!(names.iter().filter(|n| *n == "w:tbl").count(), 3);
    // 表三: 25 rows under a 3-row head; 三、本年度办理结果 starts a vertical
    // merge continued in the 21 rows below it.
    assert_eq!(document.matches("<w:tblHeader/>").count(), 3 + 3);
    let table3 = document.split("<w:tbl>").nth(2).unwrap();
    assert_eq!(table3.matches("<w:tr>").count(), 3 + 25);
    assert!(table3.contains("<w:gridSpan w:val=\"7\"/>"));
    assert!(table3.contains("<w:gridSpan w:val=\"3\"/><w:vMerge w:val=\"restart\"/>"));
    let results = table3.split("<w:tr>").nth(6).unwrap();
    assert!(results.contains("<w:vMerge w:val=\"restart\"/>"));
    // Every row is as wide as the grid: 10 columns, counting spans.
    for row in table3.split("<w:tr>").skip(1) {
        let spans: usize = row
            .split("<w:tc>")
            .skip(1)
            .map(|cell| {
                cell.split("<w:gridSpan w:val=\"").nth(1).map_or(1, |v| v.split('"').next().unwrap().parse().unwrap())
            })
            .sum();
        assert_eq!(spans, 10, "{row}");
    }
    assert!(document.contains("<w:t xml:space=\"preserve\">3119</w:t>"));
    assert!(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), "A4");
    let styles = part(&docx, "word/styles.xml");
    for font in ["方正小标宋简体", "黑体", "仿宋_GB2312", "楷体_GB2312"] {
        assert!(styles.contains(&format!("w:eastAsia=\"{font}\"")), "{font}");
    }
    let fonts = part(&docx, "word/fontTable.xml");
    assert!(fonts.contains("<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/>"));
}
