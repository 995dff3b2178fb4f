//! The whole-page app: mounting the viewer on a page that asks for it, the
//! exports `www/boot.js` calls to switch to the workstation (`takeHandoff`,
//! `startApp`, `stopApp`), and telling `boot.js` of a crash.

use crate::app::App;
use crate::js::bindings::{page_function, CRASHED, REMEMBER};
use crate::js::handoff;
use crate::state::Handoff;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// The whole-page app and the element it lives in, kept so that the
    /// viewer can stop when the workstation takes over (`stopApp`).
    static PAGE_APP: std::cell::RefCell<Option<(yew::AppHandle<App>, web_sys::Element)>> =
        const { std::cell::RefCell::new(None) };
}

/// A new element at the end of the page's body for the whole-page app: the
/// viewer and the workstation each have their own, so that one can start
/// while the other is still there.
fn page_root() -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    let root = document.create_element("div").ok()?;
    root.set_class_name("nb-page");
    document.body()?.append_child(&root).ok()?;
    Some(root)
}

/// Whether this page is the whole-page app (its `<body data-nianbao-app>`)
/// rather than a host page that embeds reports.
pub fn is_app_page() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .is_some_and(|body| body.unchecked_ref::<web_sys::Element>().has_attribute("data-nianbao-app"))
}

/// Mounts the whole-page app (the viewer) on a page that asks for it.
pub fn start() {
    report_crashes("viewer");
    if let Some(root) = page_root().filter(|_| is_app_page()) {
        let app = yew::Renderer::<App>::with_root(root.clone()).render();
        PAGE_APP.with(|page| page.replace(Some((app, root))));
    }
}

/// Removes the whole-page app from the page, for the workstation to take
/// its place (`www/boot.js`).
#[wasm_bindgen(js_name = stopApp)]
pub fn stop_app() {
    if let Some((app, root)) = PAGE_APP.with(|page| page.take()) {
        app.destroy();
        root.remove();
    }
}

/// What the viewer hands over to the workstation now (see `crate::js::handoff`).
#[wasm_bindgen(js_name = takeHandoff)]
pub fn take_handoff() -> JsValue {
    handoff::take()
}

/// Starts the workstation on the whole page with what the viewer handed
/// over (`handoff`, see `crate::js::handoff`), or afresh when it is `null`.
/// The promise resolves once it has drawn itself, so that the viewer is
/// removed only then; if it cannot start, the viewer is still there.
#[cfg(feature = "workstation")]
#[wasm_bindgen(js_name = startApp)]
pub fn start_app(handoff: JsValue) -> js_sys::Promise {
    report_crashes("workstation");
    let handoff = handoff::from_js(&handoff);
    js_sys::Promise::new(&mut |resolve, reject| {
        let Some(root) = page_root() else {
            let _ = reject.call1(&JsValue::NULL, &"no page to start on".into());
            return;
        };
        let on_ready = yew::Callback::from(move |()| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let props = crate::app::AppProps { embed: None, handoff: handoff.clone(), on_ready: Some(on_ready) };
        let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
        PAGE_APP.with(|page| page.replace(Some((app, root))));
    })
}

/// A panic ends a wasm module for good (it aborts). Before it does, the
/// module tells `www/boot.js` (`nianbaoCrashed(module, message)`), which
/// drops it and starts a fresh workstation with the report last on screen
/// (`remember_report`) and the drafts: the page is never left half-alive.
fn report_crashes(module: &'static str) {
    yew::set_custom_panic_hook(Box::new(move |info| {
        let message = info.to_string();
        web_sys::console::error_1(&format!("Nianbao {module}: {message}").into());
        if let Some((window, f)) = page_function(CRASHED) {
            let _ = f.call2(&window, &module.into(), &message.into());
        }
    }));
}

/// Tells `www/boot.js` the report on screen, as a handoff, so that a
/// workstation started after a crash opens it again.
pub fn remember_report(handoff: &Handoff) {
    if let Some((window, f)) = page_function(REMEMBER) {
        let _ = f.call1(&window, &handoff::to_js(handoff));
    }
}

/// Panics, on purpose: the end-to-end test of recovery from a crash
/// (`tests/e2e/workstation.test.mjs`). Harmless: it stops only the module
/// it is called on, which boot.js then restarts.
#[cfg(feature = "workstation")]
#[wasm_bindgen(js_name = testCrash)]
pub fn test_crash() {
    panic!("a crash asked for by a test");
}
