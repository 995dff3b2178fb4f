//! `?src=URL`: fetch the report named in the page address, once, under the
//! browser's usual origin rules. A failure is a message, not a blank page.

use crate::io::open::open_url;
use crate::state::State;
use yew::prelude::*;

/// The `src` parameter of the page address.
fn src_param() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get("src").filter(|s| !s.trim().is_empty())
}

/// On first render, opens the report named by `?src=` (the whole-page app
/// only: `enabled`).
#[hook]
pub fn use_src_param(dispatch: UseReducerDispatcher<State>, enabled: bool) {
    use_effect_with(enabled, move |enabled| {
        if !enabled {
            return;
        }
        if let Some(url) = src_param() {
            open_url(url, dispatch);
        }
    });
}
