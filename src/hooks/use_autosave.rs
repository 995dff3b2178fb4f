//! Nothing typed is lost: after every edit the report is saved in the
//! browser (LocalStorage, the fast path; IndexedDB when LocalStorage is
//! full, through `nianbaoOverflow` in `www/boot.js`), and the next visit
//! offers to restore it.

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

thread_local! {
    /// Drafts kept in IndexedDB because LocalStorage was full, as last read
    /// or written.
    static OVERFLOW: std::cell::RefCell<Vec<Draft>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn parse_drafts(text: &str) -> Vec<Draft> {
    let Ok(parsed) = nianbao_core::json::parse(text) else { return Vec::new() };
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

fn drafts_json(drafts: &[Draft]) -> String {
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
    Value::Array(items).to_json()
}

/// The drafts in LocalStorage and those that overflowed into IndexedDB.
fn read_all() -> Vec<Draft> {
    if cfg!(not(target_arch = "wasm32")) {
        return Vec::new();
    }
    let text = storage().and_then(|s| s.get_item(DRAFT_KEY).ok().flatten());
    let mut drafts = text.as_deref().map(parse_drafts).unwrap_or_default();
    OVERFLOW.with(|o| {
        for d in o.borrow().iter() {
            if !drafts.iter().any(|x| x.id == d.id) {
                drafts.push(d.clone());
            }
        }
    });
    drafts
}

/// `window.nianbaoOverflow.<name>(args…)`, a promise (`www/boot.js`).
fn overflow(name: &str, args: &[wasm_bindgen::JsValue]) -> Option<js_sys::Promise> {
    use wasm_bindgen::JsCast;
    let store = crate::js::bindings::page_object(crate::js::bindings::OVERFLOW)?;
    let function = js_sys::Reflect::get(&store, &name.into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    let args: js_sys::Array = args.iter().collect();
    function.apply(&store, &args).ok()?.dyn_into::<js_sys::Promise>().ok()
}

/// Reads the drafts that overflowed into IndexedDB (once, when the page
/// opens); whether there are any.
pub async fn load_overflow() -> bool {
    let Some(promise) = overflow("get", &[]) else { return false };
    let Ok(value) = wasm_bindgen_futures::JsFuture::from(promise).await else { return false };
    let drafts = value.as_string().map(|t| parse_drafts(&t)).unwrap_or_default();
    let any = !drafts.is_empty();
    OVERFLOW.with(|o| *o.borrow_mut() = drafts);
    any
}

/// How a save went.
pub enum Saved {
    Yes,
    No,
    /// Written to IndexedDB: the promise tells.
    Later(js_sys::Promise),
}

/// Writes the drafts: to LocalStorage, or, when it is full, to IndexedDB.
fn write_all(drafts: &[Draft]) -> Saved {
    let local = storage();
    if drafts.is_empty() {
        if let Some(storage) = &local {
            let _ = storage.remove_item(DRAFT_KEY);
        }
        clear_overflow();
        return Saved::Yes;
    }
    if local.as_ref().is_some_and(|s| s.set_item(DRAFT_KEY, &drafts_json(drafts)).is_ok()) {
        // Everything is in LocalStorage again: the overflow is stale.
        clear_overflow();
        return Saved::Yes;
    }
    OVERFLOW.with(|o| *o.borrow_mut() = drafts.to_vec());
    if let Some(promise) = overflow("put", &[drafts_json(drafts).into()]) {
        return Saved::Later(promise);
    }
    // No IndexedDB either: keep the newest draft at least, if it fits.
    let newest = drafts_json(&drafts[..1]);
    if local.is_some_and(|s| s.set_item(DRAFT_KEY, &newest).is_ok()) {
        Saved::Yes
    } else {
        Saved::No
    }
}

fn clear_overflow() {
    let had = OVERFLOW.with(|o| !std::mem::take(&mut *o.borrow_mut()).is_empty());
    if had {
        let _ = overflow("clear", &[]);
    }
}

/// Puts `draft` first, replacing any draft of the same id.
fn keep(draft: Draft) -> Saved {
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

/// The name the built-in sample's drafts are kept under.
pub const BUILTIN_SAMPLE_DRAFT: &str = "builtin-sample.json";

fn origin_name(origin: &Origin) -> String {
    match origin {
        Origin::File(name) | Origin::Url(name) | Origin::New(name) => name.clone(),
        Origin::BuiltinSample => BUILTIN_SAMPLE_DRAFT.into(),
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

/// Saves a draft of the report.
fn save(current: &Opened) -> Saved {
    let Some(document) = &current.loaded.document else { return Saved::Yes };
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
        move |saved: Saved| match saved {
            Saved::Yes => failed.set(false),
            Saved::No => failed.set(true),
            Saved::Later(promise) => {
                let failed = failed.clone();
                yew::platform::spawn_local(async move {
                    let stored = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                    failed.set(!stored);
                });
            }
        }
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
