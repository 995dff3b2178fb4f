//! The Nianbao browser app: shows a report's tables as printed and every
//! problem at its cell. Everything it knows about reports comes from
//! `nianbao-core`; this crate is components, a pure reducer, and IO in hooks.

pub mod app;
pub mod components;
pub mod hooks;
pub mod i18n;
pub mod state;
pub mod view;

pub use app::App;

/// Mounts the app on the page's `<body>`.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
