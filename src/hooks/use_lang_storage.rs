//! The interface language, remembered across visits in LocalStorage, and
//! reflected in `<html lang>` so screen readers pronounce the page right
//! (read back by `io::lang::saved_lang`).

use crate::i18n::STORAGE_LANG_KEY;
use nianbao_core::Lang;
use yew::prelude::*;

/// Saves `lang` whenever it changes (when `enabled`: an embedded report
/// leaves the host page's storage and `<html lang>` alone).
#[hook]
pub fn use_lang_storage(lang: Lang, enabled: bool) {
    use_effect_with((lang, enabled), |(lang, enabled)| {
        if !enabled {
            return;
        }
        if let Some(window) = web_sys::window() {
            if let Some(storage) = window.local_storage().ok().flatten() {
                let _ = storage.set_item(STORAGE_LANG_KEY, lang.code());
            }
            if let Some(root) = window.document().and_then(|d| d.document_element()) {
                let _ = root.set_attribute("lang", if *lang == Lang::Zh { "zh-CN" } else { "en" });
            }
        }
    });
}
