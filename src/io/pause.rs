//! Pauses in long work (a batch), so that the page keeps answering.

/// Lets the browser draw and answer input before going on: a task posted
/// through a `MessageChannel`, which, unlike `setTimeout(0)`, browsers do not
/// hold back by 4 ms when such pauses follow one another.
pub async fn yield_to_browser() {
    use wasm_bindgen::JsCast;
    let promise = js_sys::Promise::new(&mut |resolve, _reject| match web_sys::MessageChannel::new() {
        Ok(channel) => {
            channel.port1().set_onmessage(Some(resolve.unchecked_ref()));
            let _ = channel.port2().post_message(&wasm_bindgen::JsValue::NULL);
        }
        Err(_) => {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Long work on the page, let out to the browser once it has run 8 ms
/// (`due`), so that it keeps drawing and answering.
pub struct Pacer {
    since: f64,
}

impl Default for Pacer {
    fn default() -> Self {
        Pacer { since: js_sys::Date::now() }
    }
}

impl Pacer {
    /// Yields to the browser if 8 ms have passed since the last pause.
    pub async fn due(&mut self) {
        if js_sys::Date::now() - self.since > 8.0 {
            yield_to_browser().await;
            self.since = js_sys::Date::now();
        }
    }
}
