//! The Nianbao browser app: shows a report's tables as printed and every
//! problem at its cell. Everything it knows about reports comes from
//! `nianbao-core`; this crate is components, a pure reducer, IO in `io/` and
//! `hooks/`, and the JavaScript boundary in `js/`.

pub mod app;
pub mod components;
pub mod embedding;
pub mod hooks;
pub mod i18n;
pub mod io;
pub mod js;
pub mod state;
pub mod view;

pub use app::App;

/// Mounts the whole-page app (the viewer) on a page that asks for it
/// (`<body data-nianbao-app>`). On a host page the module only serves the
/// embedding API (`www/nianbao-embed.js`).
pub fn start() {
    #[cfg(target_arch = "wasm32")]
    js::page::start();
}
