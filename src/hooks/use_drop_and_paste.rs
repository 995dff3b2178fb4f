//! Drag and drop anywhere on the page, and pasting JSON text anywhere that is
//! not a text field. Returns whether a file is being dragged over the page.

use crate::io::events::in_text_field;
use crate::io::files::file_list;
use crate::io::open::{open_files, open_text};
use crate::state::State;
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[hook]
pub fn use_drop_and_paste(dispatch: UseReducerDispatcher<State>, enabled: bool) -> bool {
    let dragging = use_state(|| false);
    {
        let dragging = dragging.clone();
        use_effect_with(enabled, move |enabled| {
            let document = web_sys::window().and_then(|w| w.document()).filter(|_| *enabled);
            let listeners = document.map(|document| listeners(&document, &dragging, &dispatch));
            move || drop(listeners)
        });
    }
    *dragging
}

/// The page-wide listeners, removed when dropped. Those that cancel the
/// browser's own handling are not passive.
fn listeners(
    document: &web_sys::Document,
    dragging: &UseStateHandle<bool>,
    dispatch: &UseReducerDispatcher<State>,
) -> [EventListener; 4] {
    let active = EventListenerOptions::enable_prevent_default;
    let on_dragover = {
        let dragging = dragging.clone();
        EventListener::new_with_options(document, "dragover", active(), move |e| {
            // Without this the browser opens the file itself.
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_dragleave = {
        let dragging = dragging.clone();
        EventListener::new_with_options(document, "dragleave", active(), move |e| {
            // Only leaving the window ends the drag (no related target).
            if let Some(drag) = e.dyn_ref::<web_sys::DragEvent>() {
                if drag.related_target().is_none() {
                    dragging.set(false);
                }
            }
        })
    };
    let on_drop = {
        let (dragging, dispatch) = (dragging.clone(), dispatch.clone());
        EventListener::new_with_options(document, "drop", active(), move |e| {
            e.prevent_default();
            dragging.set(false);
            let Some(transfer) = e.dyn_ref::<web_sys::DragEvent>().and_then(web_sys::DragEvent::data_transfer) else {
                return;
            };
            let files = file_list(transfer.files());
            if !files.is_empty() {
                open_files(files, dispatch.clone());
            } else if let Ok(text) = transfer.get_data("text/plain") {
                if !text.trim().is_empty() {
                    open_text(text, &dispatch);
                }
            }
        })
    };
    let on_paste = {
        let dispatch = dispatch.clone();
        EventListener::new_with_options(document, "paste", active(), move |e| {
            // Pasting into a field is the field's business, and a block
            // pasted into a table's cells the table's.
            if in_text_field(e) || e.default_prevented() {
                return;
            }
            let Some(clipboard) = e.dyn_ref::<web_sys::ClipboardEvent>().and_then(|c| c.clipboard_data()) else {
                return;
            };
            if let Ok(text) = clipboard.get_data("text") {
                let report_like = nianbao_core::input::is_report_paste(&text);
                if report_like {
                    e.prevent_default();
                    open_text(text, &dispatch);
                }
            }
        })
    };
    [on_dragover, on_dragleave, on_drop, on_paste]
}
