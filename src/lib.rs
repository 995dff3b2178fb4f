//! The Nianbao browser app: shows a report's tables as printed and every
//! problem at its cell. Everything it knows about reports comes from
//! `nianbao-core`; this crate is components, a pure reducer, and IO in hooks.

pub mod app;
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod embed;
pub mod handoff;
pub mod hooks;
pub mod i18n;
pub mod state;
pub mod view;

pub use app::App;

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The whole-page app and the element it lives in, kept so that the
    /// viewer can stop when the workstation takes over (`stopApp`).
    static PAGE_APP: std::cell::RefCell<Option<(yew::AppHandle<App>, web_sys::Element)>> =
        const { std::cell::RefCell::new(None) };
}

/// A new element at the end of the page's body for the whole-page app: the
/// viewer and the workstation each have their own, so that one can start
/// while the other is still there.
#[cfg(target_arch = "wasm32")]
fn page_root() -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    let root = document.create_element("div").ok()?;
    root.set_class_name("nb-page");
    document.body()?.append_child(&root).ok()?;
    Some(root)
}

/// Mounts the whole-page app (the viewer) on a page that asks for it
/// (`<body data-nianbao-app>`). On a host page the module only serves the
/// embedding API (`www/nianbao-embed.js`).
pub fn start() {
    #[cfg(target_arch = "wasm32")]
    report_crashes("viewer");
    #[cfg(target_arch = "wasm32")]
    if let Some(root) = page_root().filter(|_| embed::is_app_page()) {
        let app = yew::Renderer::<App>::with_root(root.clone()).render();
        PAGE_APP.with(|page| page.replace(Some((app, root))));
    }
}

/// Removes the whole-page app from the page, for the workstation to take
/// its place (`www/boot.js`).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = stopApp)]
pub fn stop_app() {
    if let Some((app, root)) = PAGE_APP.with(|page| page.take()) {
        app.destroy();
        root.remove();
    }
}

/// What the viewer hands over to the workstation now (see `crate::handoff`).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = takeHandoff)]
pub fn take_handoff() -> wasm_bindgen::JsValue {
    handoff::take()
}

/// Starts the workstation on the whole page with what the viewer handed
/// over (`handoff`, see `crate::handoff`), or afresh when it is `null`. The
/// promise resolves once it has drawn itself, so that the viewer is removed
/// only then; if it cannot start, the viewer is still there.
#[cfg(all(target_arch = "wasm32", feature = "workstation"))]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = startApp)]
pub fn start_app(handoff: wasm_bindgen::JsValue) -> js_sys::Promise {
    report_crashes("workstation");
    let handoff = handoff::from_js(&handoff);
    js_sys::Promise::new(&mut |resolve, reject| {
        let Some(root) = page_root() else {
            let _ = reject.call1(&wasm_bindgen::JsValue::NULL, &"no page to start on".into());
            return;
        };
        let on_ready = yew::Callback::from(move |()| {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
        let props = app::AppProps { embed: None, handoff: handoff.clone(), on_ready: Some(on_ready) };
        let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
        PAGE_APP.with(|page| page.replace(Some((app, root))));
    })
}

/// A panic ends a wasm module for good (it aborts). Before it does, the
/// module tells `www/boot.js` (`nianbaoCrashed(module, message)`), which
/// drops it and starts a fresh workstation with the report last on screen
/// (`remember_report`) and the drafts: the page is never left half-alive.
#[cfg(target_arch = "wasm32")]
fn report_crashes(module: &'static str) {
    yew::set_custom_panic_hook(Box::new(move |info| {
        let message = info.to_string();
        web_sys::console::error_1(&format!("Nianbao {module}: {message}").into());
        if let Some(window) = web_sys::window() {
            if let Ok(f) = js_sys::Reflect::get(&window, &"nianbaoCrashed".into()) {
                if let Some(f) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&f) {
                    let _ = f.call2(&window, &module.into(), &message.into());
                }
            }
        }
    }));
}

/// Tells `www/boot.js` the report on screen, as a handoff, so that a
/// workstation started after a crash opens it again.
#[cfg(target_arch = "wasm32")]
pub fn remember_report(handoff: &handoff::Handoff) {
    let Some(window) = web_sys::window() else { return };
    let Ok(f) = js_sys::Reflect::get(&window, &"nianbaoRemember".into()) else { return };
    if let Some(f) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&f) {
        let _ = f.call1(&window, &handoff::to_js(handoff));
    }
}

/// Panics, on purpose: the end-to-end test of recovery from a crash
/// (`tests/e2e/workstation.test.mjs`). Harmless: it stops only the module
/// it is called on, which boot.js then restarts.
#[cfg(all(target_arch = "wasm32", feature = "workstation"))]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = testCrash)]
pub fn test_crash() {
    panic!("a crash asked for by a test");
}
