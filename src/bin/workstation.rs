//! The workstation: the viewer plus the tools for working on reports (see
//! `nianbao_app::js::handoff`). It does nothing when loaded: `www/boot.js` calls
//! its `startApp` with what the viewer hands over.

// Nothing in `main` uses the library; this links it, and with it the
// `startApp` export, into the binary.
extern crate nianbao_app;

fn main() {}
