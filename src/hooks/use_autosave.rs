//! Nothing typed is lost: after every edit the report is saved in the
//! browser (LocalStorage), and the next visit offers to restore it.

use crate::state::{Opened, Origin};
use nianbao_core::json::{Object, Value};
use yew::prelude::*;

/// Where drafts are kept: a JSON array of drafts, newest first. (`boot.js`
/// starts the workstation at once when it is there.)
const DRAFT_KEY: &str = "nianbao.draft";

/// Drafts kept at most; the oldest go first.
const MAX_DRAFTS: usize = 10;

/// An edited report saved by a visit.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The visit that saved it and the report's name: each visit keeps its
    /// own drafts, so that neither another tab nor a later visit overwrites
    /// edits that were never restored.
    pub id: String,
    pub name: String,
    pub saved: String,
    pub document: String,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

thread_local! {
    /// This visit, as drafts name it.
    static VISIT: String = format!("{:x}-{:x}", js_sys::Date::now() as u64, (js_sys::Math::random() * 1e9) as u64);
}

/// The id under which this visit saves a report of this name.
fn draft_id(name: &str) -> String {
    VISIT.with(|visit| format!("{visit}/{name}"))
}

fn read_all() -> Vec<Draft> {
    if cfg!(not(target_arch = "wasm32")) {
        return Vec::new();
    }
    let Some(text) = storage().and_then(|s| s.get_item(DRAFT_KEY).ok().flatten()) else { return Vec::new() };
    let Ok(parsed) = nianbao_core::json::parse(&text) else { return Vec::new() };
    // An earlier release kept one draft as an object.
    let items = match parsed.value {
        Value::Array(items) => items,
        single => vec![single],
    };
    items
        .iter()
        .filter_map(|value| {
            let field = |key: &str| value.pointer(&format!("/{key}")).and_then(Value::as_str).map(str::to_string);
            let name = field("name")?;
            Some(Draft {
                id: field("id").unwrap_or_else(|| format!("earlier/{name}")),
                name,
                saved: field("saved").unwrap_or_default(),
                document: field("document")?,
            })
        })
        .collect()
}

/// Writes the drafts; whether the newest at least was saved.
fn write_all(drafts: &[Draft]) -> bool {
    let Some(storage) = storage() else { return false };
    if drafts.is_empty() {
        let _ = storage.remove_item(DRAFT_KEY);
        return true;
    }
    let items: Vec<Value> = drafts
        .iter()
        .map(|d| {
            let mut o = Object::new();
            o.insert("id", Value::String(d.id.clone()));
            o.insert("name", Value::String(d.name.clone()));
            o.insert("saved", Value::String(d.saved.clone()));
            o.insert("document", Value::String(d.document.clone()));
            Value::Object(o)
        })
        .collect();
    // When storage is full, keep the newest draft at least.
    storage.set_item(DRAFT_KEY, &Value::Array(items.clone()).to_json()).is_ok()
        || storage.set_item(DRAFT_KEY, &Value::Array(items.into_iter().take(1).collect()).to_json()).is_ok()
}

/// Puts `draft` first, replacing any draft of the same id.
fn keep(draft: Draft) -> bool {
    let mut drafts = read_all();
    drafts.retain(|d| d.id != draft.id);
    drafts.insert(0, draft);
    drafts.truncate(MAX_DRAFTS);
    write_all(&drafts)
}

/// The drafts left by earlier visits (read when the page opens), newest first.
pub fn read_drafts() -> Vec<Draft> {
    read_all()
}

/// Forgets one draft.
pub fn discard_draft(id: &str) {
    let mut drafts = read_all();
    drafts.retain(|d| d.id != id);
    let _ = write_all(&drafts);
}

/// A draft restored: from now on this visit saves the report's edits in its
/// place, and until then it stays as it was.
pub fn adopt_draft(draft: &Draft) {
    let mut drafts = read_all();
    drafts.retain(|d| d.id != draft.id);
    let _ = write_all(&drafts);
    let _ = keep(Draft { id: draft_id(&draft.name), ..draft.clone() });
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

/// Saves a draft of the report; whether it could be saved.
fn save(current: &Opened) -> bool {
    let Some(document) = &current.loaded.document else { return true };
    let name = origin_name(&current.origin);
    keep(Draft { id: draft_id(&name), name, saved: now_text(), document: document.to_json_pretty() })
}

/// Saves the report on screen after an edit (`edited`): a quarter of a second
/// after typing pauses, so that a keystroke never waits for storage; at the
/// latest two seconds after the first unsaved change, so that typing on and
/// on is not all lost if the tab crashes; and at once when the page is hidden
/// or closed.
///
/// Returns whether the last save failed (the browser's storage is full or
/// off): the page then says so at once and offers the download, before more
/// is typed.
#[hook]
pub fn use_autosave(enabled: bool, current: Option<Opened>, edited: bool, all_undone: bool) -> bool {
    let failed = use_state_eq(|| false);
    let report = {
        let failed = failed.setter();
        move |saved: bool| failed.set(!saved)
    };
    // The edited report not yet saved. One `pagehide` listener serves the
    // page's life, rather than one added and removed on every keystroke.
    let pending = use_mut_ref(|| None::<Opened>);
    {
        let pending = pending.clone();
        let report = report.clone();
        use_effect_with(enabled, move |enabled| {
            let listener = enabled.then(|| {
                gloo::events::EventListener::new(&gloo::utils::window(), "pagehide", move |_| {
                    if let Some(current) = pending.borrow_mut().take() {
                        report(save(&current));
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
        // A save still waiting for another report (one just left for another
        // file, or a batch's report) is made now, not dropped.
        let name = |o: &Opened| origin_name(&o.origin);
        let left = pending.borrow_mut().take();
        if let Some(left) = left.filter(|l| current.as_ref().map(name) != Some(name(l))) {
            report(save(&left));
        }
        // Every edit undone: the report is as it was opened, and its draft
        // would offer edits the user took back.
        if *enabled && all_undone {
            if let Some(current) = &current {
                discard_draft(&draft_id(&name(current)));
            }
        }
        *pending.borrow_mut() = if *enabled && *edited { current } else { None };
        let now = js_sys::Date::now();
        let waiting = pending.borrow().is_some();
        let since = *unsaved_since.borrow_mut().get_or_insert(now);
        if !waiting {
            *unsaved_since.borrow_mut() = None;
        } else if now - since >= MAX_WAIT_MS {
            if let Some(current) = pending.borrow_mut().take() {
                report(save(&current));
            }
            *unsaved_since.borrow_mut() = None;
        }
        let waiting = pending.borrow().is_some();
        let report = report.clone();
        let timer = waiting.then(|| {
            gloo::timers::callback::Timeout::new(250, move || {
                if let Some(current) = pending.borrow_mut().take() {
                    report(save(&current));
                }
                *unsaved_since.borrow_mut() = None;
            })
        });
        move || drop(timer)
    });
    *failed
}
