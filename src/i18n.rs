//! The interface's own words. Labels of the report come from the core's
//! template description; these are the app's buttons, headings and notes.

use nianbao_core::Lang;

/// Picks the Chinese or English form. Keeping both forms side by side at the
/// call site keeps every string visible where it is used.
pub fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

pub const STORAGE_LANG_KEY: &str = "nianbao.lang";
