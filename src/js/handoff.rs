//! The viewer hands over to the workstation.
//!
//! Every visitor downloads the viewer (`nianbao-app`): a report's tables, its
//! checks, opening JSON files, the findings. The tools of the people who work
//! on reports (editing, settling findings, last year's report, batches,
//! importing a report's text or a Word file) are in the workstation
//! (`nianbao-workstation`), a second wasm module that `www/boot.js` loads the
//! first time one of them is used. The viewer then hands over the report on
//! screen (its bytes, as read) and what the user asked for, and stops; the
//! workstation starts with the same report and carries the requests out.
//!
//! The switch is made in this order, so that nothing is lost:
//! 1. The viewer's first request sends a `nianbao-workstation` event
//!    (`request`); `boot.js` accepts it (`preventDefault`) and loads the
//!    workstation. Meanwhile the viewer keeps working, and queues whatever
//!    else the user asks of the tools, and any report opened, in order.
//! 2. When the workstation is ready, `boot.js` takes the viewer's state as it
//!    is at that moment (`takeHandoff`) and starts the workstation with it, in
//!    an element of its own.
//! 3. Once the workstation has drawn itself, `boot.js` stops the viewer.
//!
//! If the workstation cannot be loaded or started, the viewer stays, says so,
//! and opens the JSON reports queued meanwhile itself.
//!
//! The two modules share no memory, so the handoff crosses JavaScript as a
//! plain object (`to_js` writes it, `from_js` reads it):
//! `{ version, lang, origin: {kind, name}, report: Uint8Array, intents: [{kind, …}] }`.
//! The handoff itself (`Handoff`, `Intent`) is plain data in
//! `crate::state::intent`; this module is its JS form and the request.

use crate::state::{Edit, Handoff, Intent, Origin};
use js_sys::{Array, Object, Reflect, Uint8Array};
use nianbao_core::diagnostic::Status;
use nianbao_core::Lang;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The form of the handoff object. A viewer and a workstation of different
/// releases (one cached, one new) may meet after an update; the workstation
/// reads only a handoff of its own version.
pub const VERSION: u32 = 1;

/// The event `www/boot.js` answers by loading the workstation.
const EVENT: &str = "nianbao-workstation";

fn set(object: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(object, &JsValue::from_str(key), &value.into());
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn text(object: &JsValue, key: &str) -> String {
    get(object, key).as_string().unwrap_or_default()
}

fn origin_to_js(origin: &Origin) -> Object {
    let object = Object::new();
    let (kind, name) = match origin {
        Origin::BuiltinSample => ("sample", ""),
        Origin::File(name) => ("file", name.as_str()),
        Origin::Pasted => ("pasted", ""),
        Origin::Url(url) => ("url", url.as_str()),
        Origin::Inline => ("inline", ""),
        Origin::New(name) => ("new", name.as_str()),
    };
    set(&object, "kind", kind);
    set(&object, "name", name);
    object
}

fn origin_from_js(value: &JsValue) -> Origin {
    let name = text(value, "name");
    match text(value, "kind").as_str() {
        "sample" => Origin::BuiltinSample,
        "file" => Origin::File(name),
        "url" => Origin::Url(name),
        "inline" => Origin::Inline,
        "new" => Origin::New(name),
        _ => Origin::Pasted,
    }
}

fn bytes_from_js(value: &JsValue) -> std::rc::Rc<[u8]> {
    value.dyn_ref::<Uint8Array>().map(Uint8Array::to_vec).unwrap_or_default().into()
}

fn intent_to_js(intent: &Intent) -> Object {
    let object = Object::new();
    match intent {
        Intent::Open { origin, bytes } => {
            set(&object, "kind", "open");
            set(&object, "origin", origin_to_js(origin));
            set(&object, "bytes", Uint8Array::from(&bytes[..]));
        }
        Intent::Files(files) => {
            set(&object, "kind", "files");
            set(&object, "files", files.iter().collect::<Array>());
        }
        Intent::Previous(file) => {
            set(&object, "kind", "previous");
            set(&object, "file", file.clone());
        }
        Intent::NewReport => set(&object, "kind", "new-report"),
        Intent::EditAt(pointer) => {
            set(&object, "kind", "edit-at");
            set(&object, "pointer", pointer.as_str());
        }
        Intent::Settle(edit) => {
            if let Edit::Settle { rule, pointer, status, comment } = edit {
                set(&object, "kind", "settle");
                set(&object, "rule", rule.as_str());
                set(&object, "pointer", pointer.as_str());
                set(&object, "status", status.map_or(JsValue::NULL, |s| JsValue::from_str(s.code())));
                set(&object, "comment", comment.as_str());
            }
        }
    }
    object
}

fn intent_from_js(value: &JsValue) -> Option<Intent> {
    Some(match text(value, "kind").as_str() {
        "open" => {
            Intent::Open { origin: origin_from_js(&get(value, "origin")), bytes: bytes_from_js(&get(value, "bytes")) }
        }
        "files" => Intent::Files(
            get(value, "files").dyn_into::<Array>().ok()?.iter().filter_map(|f| f.dyn_into().ok()).collect(),
        ),
        "previous" => Intent::Previous(get(value, "file").dyn_into().ok()?),
        "edit-at" => Intent::EditAt(text(value, "pointer")),
        "new-report" => Intent::NewReport,
        "settle" => Intent::Settle(Edit::Settle {
            rule: text(value, "rule"),
            pointer: text(value, "pointer"),
            status: match text(value, "status").as_str() {
                "dismissed" => Some(Status::Dismissed),
                "confirmed" => Some(Status::Confirmed),
                _ => None,
            },
            comment: text(value, "comment"),
        }),
        _ => return None,
    })
}

/// Called once, by whichever reports first that the workstation will
/// not come: the loader, later, or `request`, at once.
type Failed = std::rc::Rc<std::cell::RefCell<Option<Box<dyn FnOnce(String)>>>>;

fn fail(failed: &Failed, reason: String) {
    if let Some(failed) = failed.borrow_mut().take() {
        failed(reason);
    }
}

/// Asks `www/boot.js` for the workstation. `failed` is called with the
/// reason if it cannot be loaded, or at once if nothing on the page
/// answers (the viewer then stays as it is).
pub fn request(failed: impl FnOnce(String) + 'static) {
    let failed: Failed = std::rc::Rc::new(std::cell::RefCell::new(Some(Box::new(failed))));
    let callback = {
        let failed = failed.clone();
        Closure::once_into_js(move |reason: JsValue| fail(&failed, crate::js::bindings::js_error_text(reason)))
    };
    let detail = Object::new();
    set(&detail, "failed", callback);
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&detail);
    init.set_cancelable(true);
    // The loader accepts the request by cancelling the event.
    let accepted = web_sys::CustomEvent::new_with_event_init_dict(EVENT, &init)
        .ok()
        .zip(web_sys::window())
        .is_some_and(|(event, window)| window.dispatch_event(&event) == Ok(false));
    if !accepted {
        fail(&failed, "www/boot.js, which loads the tools, is not on this page".to_string());
    }
}

thread_local! {
    /// What the viewer would hand over now; kept up to date as it renders.
    static LATEST: std::cell::RefCell<Option<Handoff>> = const { std::cell::RefCell::new(None) };
}

/// Records what the viewer would hand over now.
pub fn offer(handoff: Handoff) {
    LATEST.with(|latest| latest.replace(Some(handoff)));
}

/// What the viewer hands over, as `boot.js` passes it to the workstation
/// (`null` if the viewer never rendered).
pub fn take() -> JsValue {
    LATEST.with(|latest| latest.borrow().as_ref().map_or(JsValue::NULL, to_js))
}

/// The handoff as the plain object `boot.js` passes on.
pub fn to_js(handoff: &Handoff) -> JsValue {
    let object = Object::new();
    set(&object, "version", VERSION);
    set(&object, "lang", handoff.lang.code());
    if let Some((origin, bytes)) = &handoff.report {
        set(&object, "origin", origin_to_js(origin));
        set(&object, "report", Uint8Array::from(&bytes[..]));
    }
    set(&object, "intents", handoff.intents.iter().map(intent_to_js).collect::<Array>());
    object.into()
}

/// Reads a handoff (`null` when the workstation is opened directly, as
/// when a draft waits to be restored; `None` too for a handoff of another
/// version).
pub fn from_js(value: &JsValue) -> Option<Handoff> {
    if !value.is_object() || get(value, "version").as_f64() != Some(f64::from(VERSION)) {
        return None;
    }
    let report = get(value, "report");
    let intents = get(value, "intents").dyn_into::<Array>().ok();
    Some(Handoff {
        lang: Lang::from_code(&text(value, "lang")).unwrap_or_default(),
        report: report.is_object().then(|| (origin_from_js(&get(value, "origin")), bytes_from_js(&report))),
        intents: intents.map(|a| a.iter().filter_map(|i| intent_from_js(&i)).collect()).unwrap_or_default(),
    })
}
