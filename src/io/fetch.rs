//! The network: a report fetched from an address, under the browser's usual
//! origin rules.

use crate::js::bindings::js_error_text;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

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
