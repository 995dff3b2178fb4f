//! The keyboard's undo and redo (the workstation, on the whole page).

use crate::io::events::in_text_field;
use crate::state::{State, Work};
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo, outside text fields (which
/// have their own undo while typing).
#[hook]
pub fn use_undo_keys(dispatch: UseReducerDispatcher<State>, enabled: bool) {
    use_effect_with(enabled, move |enabled| {
        let document = web_sys::window().and_then(|w| w.document()).filter(|_| *enabled);
        let listener = document.map(|document| {
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&document, "keydown", options, move |e| {
                let Some(key) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                if in_text_field(e) || !(key.ctrl_key() || key.meta_key()) {
                    return;
                }
                match (key.key().to_ascii_lowercase().as_str(), key.shift_key()) {
                    ("z", false) => dispatch.dispatch(Work::Undo.into()),
                    ("z", true) | ("y", _) => dispatch.dispatch(Work::Redo.into()),
                    _ => return,
                }
                e.prevent_default();
            })
        });
        move || drop(listener)
    });
}
