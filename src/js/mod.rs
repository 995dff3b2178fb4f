//! The JavaScript boundary, all of it: every `#[wasm_bindgen]` export of the
//! app and everything it takes from the page.
//!
//! - `embed`: `validateJson`, `mountReport` and `EmbedHandle`, the internals
//!   of the public, versioned API in `www/nianbao-embed.js` (`Nianbao.v1`).
//! - `page`: the whole-page app: mounting it, `startApp`, `stopApp`,
//!   `takeHandoff`, crash reports to `www/boot.js`.
//! - `handoff`: the viewer → workstation handoff as a plain JS object.
//! - `batch`: `checkBatchFile`, what a batch worker calls (the workstation's).
//! - `bindings`: the functions `www/boot.js` offers, and JS errors as text.
//!
//! Nothing here may panic on what JavaScript hands in: every failure becomes
//! a `JsValue` error for the caller or a message. The lint below makes that
//! a rule the compiler checks.
#![deny(clippy::unwrap_used, clippy::expect_used)]

#[cfg(all(target_arch = "wasm32", feature = "workstation"))]
pub mod batch;
pub mod bindings;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod handoff;
#[cfg(target_arch = "wasm32")]
pub mod page;
