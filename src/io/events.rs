//! Page-wide events: what the listeners of `hooks/` share.

use wasm_bindgen::JsCast;

/// Whether the event happened in a text field, whose typing, pasting and
/// undo are its own business.
pub fn in_text_field(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA"))
}
