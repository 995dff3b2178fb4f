//! `?src=URL`: fetch the report named in the page address, once, under the
//! browser's usual origin rules. A failure is a message, not a blank page.

use crate::hooks::js_error_text;
use crate::state::{Action, Failure, Origin, State};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// The `src` parameter of the page address.
pub fn src_param() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get("src").filter(|s| !s.trim().is_empty())
}

/// Fetches `url` and returns its bytes, or why not.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(js_error_text)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {} {}", response.status(), response.status_text()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(js_error_text)?).await.map_err(js_error_text)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Fetches a report and opens it; a failed fetch is a message, and the
/// report on screen stays.
pub fn open_url(url: String, dispatch: UseReducerDispatcher<State>) {
    dispatch.dispatch(Action::Loading(url.clone()));
    yew::platform::spawn_local(async move {
        match fetch_bytes(&url).await {
            Ok(bytes) => crate::hooks::use_drop_and_paste::open_bytes(Origin::Url(url), bytes.into(), &dispatch),
            Err(reason) => dispatch.dispatch(Action::Failed(Failure::Fetch { url, reason })),
        }
    });
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
