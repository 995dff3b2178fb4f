//! The app's first moment on the page.

use yew::prelude::*;

/// Once live, the app marks its `root` (`data-live`), tells `on_ready`, and,
/// on the whole page (not `embedded`), removes the prerendered first screen
/// it replaces (effects never run while prerendering).
#[hook]
pub fn use_live(root: NodeRef, embedded: bool, on_ready: Option<Callback<()>>) {
    use_effect_with(embedded, move |embedded| {
        if let Some(on_ready) = on_ready {
            on_ready.emit(());
        }
        if let Some(root) = root.cast::<web_sys::Element>() {
            let _ = root.set_attribute("data-live", "");
        }
        if !embedded {
            let document = web_sys::window().and_then(|w| w.document());
            if let Some(prerendered) = document.and_then(|d| d.get_element_by_id(crate::app::PRERENDER_ID)) {
                prerendered.remove();
            }
        }
    });
}
