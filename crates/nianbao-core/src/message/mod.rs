//! The words of every finding. Each language has its own file: `zh.rs`
//! holds every Chinese sentence, `en.rs` every English one, so that a
//! translator reads one language in one place. This file dispatches and
//! holds what both share (numbers, places, the names of addends).
//!
//! Messages are for 政务公开 staff: they say what is wrong with the numbers
//! and the printed labels (“（七）总计”, “自然人”), and what to check.

mod en;
mod vocabulary;
mod zh;
pub use vocabulary::*;

use crate::diagnostic::Diagnostic;
use crate::lang::Label;
use crate::template::{cell_place, row_place, section, Lang, Section, Template};

/// A number as people write it: integers without a fraction, others with up
/// to six decimals and no trailing zeros (`7730.28`, `-0.5`); see
/// [`crate::decimal::write`].
pub fn number(value: f64) -> String {
    crate::decimal::write(value)
}

/// The printed place of a pointer: a cell (“表三「（七）总计」·「自然人」”),
/// a section, or the key itself.
pub fn place(template: Template, pointer: &str, lang: Lang) -> String {
    if let Some(place) = cell_place(template, pointer, lang) {
        return place.describe(lang);
    }
    if let Some(row) = row_place(template, pointer, lang) {
        return row;
    }
    let key = pointer.trim_start_matches('/');
    if let Some(section) = section(key) {
        return section.heading.get(lang).to_string();
    }
    match lang {
        Lang::Zh => zh::field_place(pointer),
        Lang::En => en::field_place(pointer),
    }
}

/// The message of a finding in `lang`. `template` is the report's (for the
/// printed labels of its cells).
pub fn message(d: &Diagnostic, template: Template, lang: Lang) -> String {
    match lang {
        Lang::Zh => zh::message(d, template),
        Lang::En => en::message(d, template),
    }
}

/// A part of the report, by its key, for the names sentences give it
/// (第一部分, Section 1).
/// The printed label of one of 表三's outcomes, without what follows in
/// brackets: （二）部分公开.
fn outcome_label(key: &str) -> Label {
    let label = crate::template::outcomes().find(|(k, _)| *k == key).map_or(Label { zh: "", en: "" }, |(_, l)| l);
    let cut = |text: &'static str, bracket: &str| {
        let first = text.chars().next().map_or(0, char::len_utf8);
        match text[first..].find(bracket) {
            Some(at) => text[..first + at].trim_end(),
            None => text,
        }
    };
    Label { zh: cut(label.zh, "（"), en: cut(label.en, " (") }
}

fn part(key: &str) -> &'static Section {
    section(key).expect("a section of the template")
}

/// The first pointer of a finding, or the whole document's.
fn first_pointer(d: &Diagnostic) -> &str {
    d.pointers.first().map(String::as_str).unwrap_or("")
}

fn number_rounded(value: f64, percent: bool) -> String {
    if percent {
        let rounded = (value * 10.0).round() / 10.0;
        number(rounded)
    } else {
        number(value)
    }
}

/// The printed label of 表四's block a pointer is in: 行政复议.
fn block_of(pointer: &str, lang: Lang) -> &'static str {
    let key = pointer.strip_prefix("/appeals/").and_then(|rest| rest.split('/').next()).unwrap_or("");
    crate::template::APPEAL_BLOCKS.iter().find(|b| b.key == key).map_or("", |b| b.label.get(lang))
}
