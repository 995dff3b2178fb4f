//! The text importer: a report as copied from a web page, a Word document or
//! a PDF viewer, with its tables as tab-separated cells (Word, web pages),
//! ` | `-joined cells (table-aware PDF extraction) or spaces (PDF page text).
//!
//! `import_text` orchestrates: the report's lines (`lines`), where its
//! sections and tables are (`headings`, `layout`), its title (`title`), its
//! three tables (`proactive`, `applications`, `appeals`, read with `cells`)
//! and its text sections (`paragraphs`).

mod appeals;
mod applications;
mod cells;
mod headings;
mod layout;
mod lines;
mod paragraphs;
mod proactive;
mod title;

use crate::{DetectedTemplate, ImportNote, ImportOptions, Imported};
use appeals::read_appeals;
use applications::{detect_shape, read_applications};
use layout::find_layout;
use lines::{dropped, report_lines, site_footer_start, without_page_chrome};
use nianbao_core::json::{Number, Object, Value};
use nianbao_core::template::{OtherShape, Template, FORMAT_ID, SECTIONS};
use paragraphs::paragraphs;
use proactive::{detect_template, read_proactive};
use title::{agency_from_title, find_title};

fn number_value(n: usize) -> Value {
    Value::Number(Number::from_f64(n as f64))
}

pub(super) fn set_path(root: &mut Object, path: &[&str], value: Value) {
    let (last, parents) = path.split_last().expect("a non-empty path");
    let mut object = root;
    for key in parents {
        if !matches!(object.get(key), Some(Value::Object(_))) {
            object.insert(*key, Value::Object(Object::new()));
        }
        let Some(Value::Object(next)) = object.get_mut(key) else { unreachable!("just inserted") };
        object = next;
    }
    object.insert(*last, value);
}

/// Reads a report from its text. Never fails: what cannot be found is left
/// out of the document and named in the notes.
pub fn import_text(text: &str, options: &ImportOptions) -> Imported {
    let lines = report_lines(text);
    let layout = find_layout(&lines);
    let mut notes = Vec::new();
    for (k, start) in layout.starts.iter().enumerate() {
        if start.is_none() {
            notes.push(ImportNote::SectionMissing { key: SECTIONS[k].key.into() });
        } else if layout.unheaded[k] {
            notes.push(ImportNote::SectionUnheaded { key: SECTIONS[k].key.into() });
        }
    }

    let first_heading = layout.body_start(lines.len());
    let (title, title_end) = find_title(&lines[..first_heading]);
    let year = title.as_deref().and_then(|t| nianbao_core::text::years(t).into_iter().next());
    let agency = options.agency.clone().or_else(|| title.as_deref().and_then(agency_from_title));

    let proactive_lines = layout.lines(&lines, 1);
    let template = detect_template(&proactive_lines, year);
    let application_lines = layout.lines(&lines, 2);
    let shape = detect_shape(&application_lines);
    notes.push(ImportNote::TemplateDetected(DetectedTemplate {
        template,
        single_other: template == Template::T2021 && shape == OtherShape::Single,
    }));

    let mut root = Object::new();
    root.insert("format", Value::String(FORMAT_ID.into()));
    root.insert("template", Value::String(template.code().into()));
    match year {
        Some(year) => {
            root.insert("year", number_value(year as usize));
        }
        None => notes.push(ImportNote::FieldMissing { key: "year".into() }),
    }
    match &agency {
        Some(agency) => {
            root.insert("agency", Value::String(agency.clone()));
        }
        None => notes.push(ImportNote::FieldMissing { key: "agency".into() }),
    }
    match &title {
        Some(title) => {
            root.insert("title", Value::String(title.clone()));
        }
        None => notes.push(ImportNote::FieldMissing { key: "title".into() }),
    }
    if let Some(kind) = options.kind {
        root.insert("kind", Value::String(kind.code().into()));
    }
    if let Some(source) = &options.source {
        root.insert("source", Value::String(source.clone()));
    }

    // Section 一: the preamble after the title, then the section's own text.
    let mut overview_lines: Vec<&str> = lines[title_end.min(first_heading)..first_heading].to_vec();
    overview_lines.push("");
    overview_lines.extend(layout.lines(&lines, 0));
    let overview = without_page_chrome(&overview_lines, &mut notes);
    root.insert("overview", Value::String(paragraphs(&overview)));
    root.insert("proactive", Value::Object(read_proactive(&proactive_lines, template, &mut notes)));
    root.insert("applications", Value::Object(read_applications(&application_lines, shape, &mut notes)));
    root.insert("appeals", Value::Object(read_appeals(&layout.lines(&lines, 3), &mut notes)));
    // The last text section ends at the web page's footer, if there is one.
    let last = if layout.content[5].is_some() { 5 } else { 4 };
    for k in [4, 5] {
        let mut section = layout.lines(&lines, k);
        if k == last {
            let footer = site_footer_start(&section);
            dropped(&mut notes, &section[footer..]);
            section.truncate(footer);
        }
        let section = without_page_chrome(&section, &mut notes);
        root.insert(SECTIONS[k].key, Value::String(paragraphs(&section)));
    }
    Imported { document: Value::Object(root), notes }
}
