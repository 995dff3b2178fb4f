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
    /// The whole-page app, kept so that the viewer can stop when the
    /// workstation takes over (`stopApp`).
    static PAGE_APP: std::cell::RefCell<Option<yew::AppHandle<App>>> = const { std::cell::RefCell::new(None) };
}

/// Mounts the whole-page app (the viewer) on a page that asks for it
/// (`<body data-nianbao-app>`). On a host page the module only serves the
/// embedding API (`www/nianbao-embed.js`).
pub fn start() {
    #[cfg(target_arch = "wasm32")]
    if embed::is_app_page() {
        let app = yew::Renderer::<App>::new().render();
        PAGE_APP.with(|page| page.replace(Some(app)));
    }
}

/// Removes the whole-page app from the page, for the workstation to take
/// its place (`www/boot.js`).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = stopApp)]
pub fn stop_app() {
    if let Some(app) = PAGE_APP.with(|page| page.take()) {
        app.destroy();
    }
}

/// Starts the workstation on the whole page with what the viewer handed
/// over (`handoff`, see `crate::handoff`), or afresh when it is `null`.
#[cfg(all(target_arch = "wasm32", feature = "workstation"))]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = startApp)]
pub fn start_app(handoff: wasm_bindgen::JsValue) {
    let props = app::AppProps { embed: None, handoff: handoff::from_js(&handoff) };
    let app = yew::Renderer::<App>::with_props(props).render();
    PAGE_APP.with(|page| page.replace(Some(app)));
}
