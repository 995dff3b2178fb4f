//! The report as a Word file (`.docx`, WordprocessingML), in the official
//! layout: A4 with the margins of GB/T 9704 (党政机关公文格式), the title in
//! 方正小标宋简体 二号, section headings in 黑体 三号, sub-headings in
//! 楷体_GB2312, text in 仿宋_GB2312 三号 at a fixed 28 pt line; the tables as
//! the template prints them, merged cells as `w:gridSpan` (across) and
//! `w:vMerge` (down: Word writes a cell in every row a merged cell covers),
//! rows never split across pages and the heads of 表三 and 表四 repeated on
//! each page (`w:tblHeader`). The fonts' fallbacks (仿宋, 宋体, 楷体, SimHei)
//! are named in the font table (`w:altName`), for machines without the
//! GB2312 fonts; Latin text and digits are Times New Roman.
//!
//! The parts are written here (a few kB of XML) and zipped, stored, by
//! [`crate::zip`]: a .docx crate would have cost the workstation over
//! 200 kB gzipped (docs/DECISIONS.md, 91–92).

use crate::xml::escape_into;
use crate::Source;
use nianbao_core::layout::{GridKind, TableLayout};
use nianbao_core::template::{Lang, SECTIONS};
use nianbao_core::Loaded;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const XML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// The width of the text on an A4 page with GB/T 9704's margins (28 mm
/// left, 26 mm right), in twentieths of a point: every table's width.
const TEXT_WIDTH: u32 = 11906 - 1587 - 1474;

/// The fonts, with the fallback Word and WPS take where one is missing.
const FONT_TEXT: &str = "仿宋_GB2312";
const FONT_TITLE: &str = "方正小标宋简体";
const FONT_HEADING: &str = "黑体";
const FONT_SUBHEADING: &str = "楷体_GB2312";
const FONT_LATIN: &str = "Times New Roman";

/// The report as a `.docx` file. `None` when the document is not a readable
/// report.
pub fn docx(loaded: &Loaded) -> Option<Vec<u8>> {
    let source = Source::new(loaded)?;
    let document = document_xml(&source);
    let core = core_xml(&source);
    let styles = styles_xml();
    let fonts = font_table_xml();
    let entries: [(&str, &[u8]); 8] = [
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", PACKAGE_RELS.as_bytes()),
        ("docProps/core.xml", core.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("word/fontTable.xml", fonts.as_bytes()),
        ("word/settings.xml", SETTINGS.as_bytes()),
    ];
    Some(crate::zip::zip(&entries))
}

const CONTENT_TYPES: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">",
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>",
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>",
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>",
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>",
    "<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>",
    "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>",
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>",
    "</Types>"
);

const PACKAGE_RELS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>",
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>",
    "</Relationships>"
);

const DOCUMENT_RELS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>",
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable\" Target=\"fontTable.xml\"/>",
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>",
    "</Relationships>"
);

const SETTINGS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">",
    "<w:defaultTabStop w:val=\"420\"/>",
    "<w:characterSpacingControl w:val=\"compressPunctuation\"/>",
    "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>",
    "</w:settings>"
);

/// The title and the agency in the file's properties (no date: the core
/// reads no clock, and the same report gives the same file).
fn core_xml(source: &Source<'_>) -> String {
    let mut out = String::from(XML);
    out.push_str("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>");
    escape_into(&mut out, &source.title());
    out.push_str("</dc:title><dc:creator>");
    escape_into(&mut out, source.report.agency.as_deref().unwrap_or(""));
    out.push_str("</dc:creator><dc:language>zh-CN</dc:language></cp:coreProperties>");
    out
}

/// `w:rFonts` with an East Asian font and Times New Roman for the rest.
fn fonts(east_asia: &str) -> String {
    format!("<w:rFonts w:ascii=\"{FONT_LATIN}\" w:hAnsi=\"{FONT_LATIN}\" w:eastAsia=\"{east_asia}\" w:cs=\"{FONT_LATIN}\"/>")
}

/// The styles: Normal (仿宋_GB2312 三号, 2-character first-line indent, 28 pt
/// line), Title, the two heading levels, and the tables' text (五号, single
/// spacing) centred or, for row labels, left.
fn styles_xml() -> String {
    let paragraph = |id: &str, name: &str, based: bool, ppr: &str, rpr: &str| {
        format!(
            "<w:style w:type=\"paragraph\"{default} w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>{based}<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>",
            default = if based { "" } else { " w:default=\"1\"" },
            based = if based { "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>" } else { "" },
        )
    };
    let table_ppr = "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>";
    let table_rpr = "<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/>";
    let mut out = String::from(XML);
    out.push_str(&format!("<w:styles xmlns:w=\"{W}\"><w:docDefaults><w:rPrDefault><w:rPr>"));
    out.push_str(&fonts(FONT_TEXT));
    out.push_str("<w:kern w:val=\"2\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults>");
    out.push_str(&paragraph(
        "Normal",
        "Normal",
        false,
        "<w:widowControl w:val=\"0\"/><w:spacing w:line=\"560\" w:lineRule=\"exact\"/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:jc w:val=\"both\"/>",
        "",
    ));
    out.push_str(&paragraph(
        "Title",
        "Title",
        true,
        "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"560\" w:line=\"700\" w:lineRule=\"exact\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/>",
        &format!("{}<w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/>", fonts(FONT_TITLE)),
    ));
    out.push_str(&paragraph(
        "Heading1",
        "heading 1",
        true,
        "<w:keepNext/><w:spacing w:before=\"160\"/><w:outlineLvl w:val=\"0\"/>",
        &fonts(FONT_HEADING),
    ));
    out.push_str(&paragraph(
        "Heading2",
        "heading 2",
        true,
        "<w:keepNext/><w:outlineLvl w:val=\"1\"/>",
        &fonts(FONT_SUBHEADING),
    ));
    out.push_str(&paragraph(
        "TableText",
        "Table Text",
        true,
        &format!("{table_ppr}<w:jc w:val=\"center\"/>"),
        table_rpr,
    ));
    out.push_str(&paragraph(
        "TableLabel",
        "Table Label",
        true,
        &format!("{table_ppr}<w:jc w:val=\"left\"/>"),
        table_rpr,
    ));
    out.push_str("</w:styles>");
    out
}

/// The font table: each East Asian font with the font Word and WPS use
/// where it is not installed.
fn font_table_xml() -> String {
    let mut out = String::from(XML);
    out.push_str(&format!("<w:fonts xmlns:w=\"{W}\">"));
    for (name, alt, family, pitch) in [
        (FONT_TEXT, "仿宋", "modern", "fixed"),
        (FONT_TITLE, "宋体", "script", "variable"),
        (FONT_HEADING, "SimHei", "modern", "fixed"),
        (FONT_SUBHEADING, "楷体", "modern", "fixed"),
    ] {
        out.push_str(&format!(
            "<w:font w:name=\"{name}\"><w:altName w:val=\"{alt}\"/><w:charset w:val=\"86\"/><w:family w:val=\"{family}\"/><w:pitch w:val=\"{pitch}\"/></w:font>"
        ));
    }
    out.push_str(&format!(
        "<w:font w:name=\"{FONT_LATIN}\"><w:charset w:val=\"00\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font></w:fonts>"
    ));
    out
}

/// A paragraph of `style` holding `text` (none: an empty paragraph, which
/// every table cell needs at least).
fn paragraph(out: &mut String, style: &str, text: &str) {
    out.push_str("<w:p><w:pPr><w:pStyle w:val=\"");
    out.push_str(style);
    out.push_str("\"/></w:pPr>");
    if !text.is_empty() {
        out.push_str("<w:r><w:t xml:space=\"preserve\">");
        escape_into(out, text);
        out.push_str("</w:t></w:r>");
    }
    out.push_str("</w:p>");
}

fn document_xml(source: &Source<'_>) -> String {
    let mut out = String::with_capacity(256 * 1024);
    out.push_str(XML);
    out.push_str(&format!("<w:document xmlns:w=\"{W}\"><w:body>"));
    paragraph(&mut out, "Title", &source.title());
    for (index, section) in SECTIONS.iter().enumerate() {
        paragraph(&mut out, "Heading1", section.heading.zh);
        match index {
            1..=3 => table(&mut out, source, &source.tables[index - 1]),
            _ => {
                for (heading, line) in crate::paragraphs(source.text(section.key)) {
                    paragraph(&mut out, if heading { "Heading2" } else { "Normal" }, line);
                }
            }
        }
    }
    // A4, portrait; margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right.
    out.push_str("<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>");
    out
}

/// The widths of a table's grid columns, adding up to the text width:
/// 表三's three label columns (the narrow one of 三、本年度办理结果, printed
/// down it; its groups; its items) and seven equal number columns; 表二's
/// label column and three equal ones; 表四's fifteen equal ones.
fn column_widths(table: &TableLayout) -> Vec<u32> {
    let (labels, numbers): (Vec<u32>, usize) = match table.columns {
        10 => (vec![480, 1100], 8),
        4 => (vec![], 4),
        n => (vec![], n),
    };
    let rest = TEXT_WIDTH - labels.iter().sum::<u32>();
    let mut widths = labels;
    if numbers == 8 {
        // 表三's item labels take what the seven number columns leave.
        let number = 665;
        widths.push(rest - 7 * number);
        widths.extend([number; 7]);
    } else if table.columns == 4 {
        let number = 2000;
        widths.push(rest - 3 * number);
        widths.extend([number; 3]);
    } else {
        let number = rest / numbers as u32;
        widths.extend(std::iter::repeat_n(number, numbers - 1));
        widths.push(rest - number * (numbers as u32 - 1));
    }
    widths
}

fn table(out: &mut String, source: &Source<'_>, table: &TableLayout) {
    let widths = column_widths(table);
    let border = |side: &str| format!("<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>");
    out.push_str(&format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{TEXT_WIDTH}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>"
    ));
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        out.push_str(&border(side));
    }
    out.push_str("</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar><w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>");
    for w in &widths {
        out.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
    }
    out.push_str("</w:tblGrid>");
    let grid = crate::grid(table);
    for (r, slots) in grid.iter().enumerate() {
        out.push_str("<w:tr><w:trPr><w:cantSplit/>");
        if r < table.head_rows {
            out.push_str("<w:tblHeader/>");
        }
        out.push_str("</w:trPr>");
        let mut c = 0;
        while c < table.columns {
            let Some((origin_row, index)) = slots[c] else {
                c += 1;
                continue;
            };
            let cell = &table.rows[origin_row][index];
            let span = cell.colspan as usize;
            let width: u32 = widths[c..(c + span).min(widths.len())].iter().sum();
            out.push_str(&format!("<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>"));
            if span > 1 {
                out.push_str(&format!("<w:gridSpan w:val=\"{span}\"/>"));
            }
            if cell.rowspan > 1 {
                out.push_str(if origin_row == r { "<w:vMerge w:val=\"restart\"/>" } else { "<w:vMerge/>" });
            }
            out.push_str("<w:vAlign w:val=\"center\"/></w:tcPr>");
            if origin_row != r {
                // A row below a merged cell's first: Word's empty stand-in.
                paragraph(out, "TableText", "");
            } else {
                match &cell.kind {
                    GridKind::Value { pointer } => paragraph(out, "TableText", &source.cell(pointer)),
                    GridKind::Empty => paragraph(out, "TableText", ""),
                    kind => {
                        let style = match kind {
                            GridKind::RowHeader | GridKind::BlockHeader => "TableLabel",
                            _ => "TableText",
                        };
                        paragraph(out, style, cell.label.map_or("", |l| l.get(Lang::Zh)));
                    }
                }
            }
            out.push_str("</w:tc>");
            c += span;
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_core::layout;
    use nianbao_core::template::{OtherShape, Template};

    #[test]
    fn every_table_fills_the_text_width() {
        for template in Template::ALL {
            for table in
                layout::tables(template, OtherShape::Split).iter().chain(&layout::tables(template, OtherShape::Single))
            {
                let widths = column_widths(table);
                assert_eq!(widths.len(), table.columns, "{}", table.key);
                assert_eq!(widths.iter().sum::<u32>(), TEXT_WIDTH, "{}", table.key);
                assert!(widths.iter().all(|&w| w >= 450), "{}: {widths:?}", table.key);
            }
        }
    }
}
