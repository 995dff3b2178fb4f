//! Prerenders the first screen into `index.html` at build time.
//!
//! The first visit shows the built-in sample, checked. Rendering it here, on
//! the build machine, puts the validated tables on screen as fast as a static
//! page; the wasm app then starts and replaces this copy with a live one
//! (`App` removes `#nb-prerender` once mounted). Trunk runs this as a
//! post-build hook on the staged `index.html`.
//!
//! Usage: `nianbao-prerender [INDEX_HTML]` (default: `$TRUNK_STAGING_DIR/index.html`).

use nianbao_app::app::{App, PRERENDER_ID};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let path = match std::env::args().nth(1) {
        Some(path) => PathBuf::from(path),
        None => match std::env::var_os("TRUNK_STAGING_DIR") {
            Some(dir) => PathBuf::from(dir).join("index.html"),
            None => {
                eprintln!("nianbao-prerender: give the index.html to fill, or run as a Trunk hook");
                return ExitCode::from(2);
            }
        },
    };
    let page = match std::fs::read_to_string(&path) {
        Ok(page) => page,
        Err(e) => {
            eprintln!("nianbao-prerender: {}: {e}", path.display());
            return ExitCode::from(2);
        }
    };
    let html = futures::executor::block_on(yew::LocalServerRenderer::<App>::new().hydratable(false).render());
    let marker = "<body data-nianbao-app>";
    let Some(at) = page.find(marker) else {
        eprintln!("nianbao-prerender: {} has no <body>", path.display());
        return ExitCode::from(2);
    };
    let at = at + marker.len();
    // A page filled before (a staging directory Trunk kept from a failed
    // build) is filled again, not twice.
    let end_marker = "<!--/nb-prerender-->";
    let rest = match page[at..].find(end_marker) {
        Some(end) => &page[at + end + end_marker.len()..],
        None => &page[at..],
    };
    let filled = format!("{}\n  <div id=\"{PRERENDER_ID}\">{html}</div>{end_marker}{}", &page[..at], rest);
    if let Err(e) = std::fs::write(&path, filled) {
        eprintln!("nianbao-prerender: {}: {e}", path.display());
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}
