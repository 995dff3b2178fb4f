//! Nothing typed is lost: after every edit the report is saved in the
//! browser (LocalStorage), and the next visit offers to restore it.

use crate::state::{Opened, Origin};
use nianbao_core::json::{Object, Value};
use yew::prelude::*;

const DRAFT_KEY: &str = "nianbao.draft";

/// An edited report saved by an earlier visit.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub name: String,
    pub saved: String,
    pub document: String,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The draft left by an earlier visit, if any.
pub fn read_draft() -> Option<Draft> {
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    let text = storage()?.get_item(DRAFT_KEY).ok().flatten()?;
    let value = nianbao_core::json::parse(&text).ok()?.value;
    let field = |key: &str| value.pointer(&format!("/{key}")).and_then(Value::as_str).map(str::to_string);
    Some(Draft { name: field("name")?, saved: field("saved").unwrap_or_default(), document: field("document")? })
}

pub fn discard_draft() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(DRAFT_KEY);
    }
}

fn origin_name(origin: &Origin) -> String {
    match origin {
        Origin::File(name) | Origin::Url(name) => name.clone(),
        Origin::BuiltinSample => "builtin-sample.json".into(),
        Origin::Pasted | Origin::Inline => "report.json".into(),
    }
}

/// The local time, for the restore offer ("2026-11-27 14:05").
fn now_text() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date(),
        now.get_hours(),
        now.get_minutes()
    )
}

fn save(current: &Opened) {
    let Some(document) = &current.loaded.document else { return };
    let mut draft = Object::new();
    draft.insert("name", Value::String(origin_name(&current.origin)));
    draft.insert("saved", Value::String(now_text()));
    draft.insert("document", Value::String(document.to_json_pretty()));
    if let Some(storage) = storage() {
        let _ = storage.set_item(DRAFT_KEY, &Value::Object(draft).to_json());
    }
}

/// Saves the report on screen after an edit (`edited`): a quarter of a second
/// after typing pauses, so that a keystroke never waits for storage; at the
/// latest two seconds after the first unsaved change, so that typing on and
/// on is not all lost if the tab crashes; and at once when the page is hidden
/// or closed.
#[hook]
pub fn use_autosave(enabled: bool, current: Option<Opened>, edited: bool) {
    // The edited report not yet saved. One `pagehide` listener serves the
    // page's life, rather than one added and removed on every keystroke.
    let pending = use_mut_ref(|| None::<Opened>);
    {
        let pending = pending.clone();
        use_effect_with(enabled, move |enabled| {
            let listener = enabled.then(|| {
                gloo::events::EventListener::new(&gloo::utils::window(), "pagehide", move |_| {
                    if let Some(current) = pending.borrow_mut().take() {
                        save(&current);
                    }
                })
            });
            move || drop(listener)
        });
    }
    // When the oldest unsaved change was made (ms since the epoch).
    let unsaved_since = use_mut_ref(|| None::<f64>);
    let key = current.as_ref().map(|c| c.loaded.clone());
    use_effect_with((key, edited, enabled), move |(_, edited, enabled)| {
        /// The longest an edit waits to be saved while typing goes on.
        const MAX_WAIT_MS: f64 = 2000.0;
        *pending.borrow_mut() = if *enabled && *edited { current } else { None };
        let now = js_sys::Date::now();
        let waiting = pending.borrow().is_some();
        let since = *unsaved_since.borrow_mut().get_or_insert(now);
        if !waiting {
            *unsaved_since.borrow_mut() = None;
        } else if now - since >= MAX_WAIT_MS {
            if let Some(current) = pending.borrow_mut().take() {
                save(&current);
            }
            *unsaved_since.borrow_mut() = None;
        }
        let waiting = pending.borrow().is_some();
        let timer = waiting.then(|| {
            gloo::timers::callback::Timeout::new(250, move || {
                if let Some(current) = pending.borrow_mut().take() {
                    save(&current);
                }
                *unsaved_since.borrow_mut() = None;
            })
        });
        move || drop(timer)
    });
}
