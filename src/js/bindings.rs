//! What the app takes from the page's JavaScript: the functions `www/boot.js`
//! puts on `window` for the modules, and JS errors as text. A page without
//! `boot.js` (a host page, the single file for `file://`) lacks some of them:
//! each is looked up when needed, and its absence is an answer, not a fault.

use wasm_bindgen::JsCast;

/// `nianbaoImportFile(bytes, name)`: has the importer module (in a worker)
/// import a file; a promise of its JSON answer.
pub const IMPORT_FILE: &str = "nianbaoImportFile";
/// `nianbaoCrashed(module, message)`: a module is about to abort.
pub const CRASHED: &str = "nianbaoCrashed";
/// `nianbaoRemember(handoff)`: the report on screen, to reopen after a crash.
pub const REMEMBER: &str = "nianbaoRemember";
/// `nianbaoOverflow.{get, put, clear}`: drafts kept in IndexedDB.
pub const OVERFLOW: &str = "nianbaoOverflow";

/// The object `window[name]`, if the page has one.
pub fn page_object(name: &str) -> Option<wasm_bindgen::JsValue> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &name.into()).ok().filter(|value| !value.is_undefined())
}

/// The function `window[name]` and the window to call it on, if the page
/// has it.
pub fn page_function(name: &str) -> Option<(web_sys::Window, js_sys::Function)> {
    let window = web_sys::window()?;
    let function = js_sys::Reflect::get(&window, &name.into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    Some((window, function))
}

/// A JavaScript error as text for a message.
pub fn js_error_text(error: wasm_bindgen::JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(e) => String::from(e.message()),
        None => error.as_string().unwrap_or_else(|| "unknown error".to_string()),
    }
}
