//! The interface language saved by an earlier visit.

use crate::i18n::STORAGE_LANG_KEY;
use nianbao_core::Lang;

/// The language saved by an earlier visit, if any (storage may be disabled:
/// then Chinese). The prerendered page is Chinese.
pub fn saved_lang() -> Lang {
    if cfg!(not(target_arch = "wasm32")) {
        return Lang::Zh;
    }
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(STORAGE_LANG_KEY).ok().flatten())
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default()
}
