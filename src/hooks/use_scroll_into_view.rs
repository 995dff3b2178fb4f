//! Bringing what the user must see next into view.

use crate::state::Failure;
use yew::prelude::*;

/// Selecting a finding brings its first cell (`pointer`) under `root` into
/// view; in a text section, the sentence marked in it.
#[hook]
pub fn use_scroll_to_cell(root: NodeRef, pointer: Option<String>) {
    use_effect_with(pointer, move |pointer| {
        if let (Some(pointer), Some(root)) = (pointer, root.cast::<web_sys::Element>()) {
            let quoted = pointer.replace('\\', "\\\\").replace('"', "\\\"");
            let marked = |e: web_sys::Element| e.query_selector("mark.nb-mark").ok().flatten().unwrap_or(e);
            // The element itself, or, for a finding about a row or a block
            // (template-mixed points at （六）'s row), the cell it marks (its
            // total), else its first cell.
            let query = |selector: String| root.query_selector(&selector).ok().flatten();
            let element = query(format!("[data-pointer=\"{quoted}\"]"))
                .or_else(|| query(format!("[data-pointer^=\"{quoted}/\"].nb-selected")))
                .or_else(|| query(format!("[data-pointer^=\"{quoted}/\"]")));
            // One already in full view stays where it is: a click on a
            // cell selects its finding, and the page moving under the
            // pointer would turn a double click (to edit) into two clicks
            // on two places.
            if let Some(element) = element.map(marked).filter(|e| !in_full_view(e)) {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Center);
                options.set_behavior(web_sys::ScrollBehavior::Smooth);
                element.scroll_into_view_with_scroll_into_view_options(&options);
            }
        }
    });
}

/// Whether all of `element` is inside the window (a cell in a table
/// scrolled sideways may be inside the window but hidden by its container:
/// then it is brought into view).
fn in_full_view(element: &web_sys::Element) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let size = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    let (width, height) = (size(window.inner_width()), size(window.inner_height()));
    let rect = element.get_bounding_client_rect();
    let inside = rect.top() >= 0.0 && rect.left() >= 0.0 && rect.bottom() <= height && rect.right() <= width;
    // Its container (a table's scroller) shows it too.
    let shown_by = |container: web_sys::Element| {
        let outer = container.get_bounding_client_rect();
        rect.left() >= outer.left()
            && rect.right() <= outer.right()
            && rect.top() >= outer.top()
            && rect.bottom() <= outer.bottom()
    };
    inside && element.parent_element().and_then(|p| p.closest(".nb-scroll").ok().flatten()).is_none_or(shown_by)
}

/// A failure is shown above the report; bring its banner under `root` into
/// view, since the user may have acted far down the page (a cell, a finding).
#[hook]
pub fn use_scroll_to_failure(root: NodeRef, failure: Option<Failure>) {
    use_effect_with(failure, move |failure| {
        let banner = root.cast::<web_sys::Element>().and_then(|r| r.query_selector(".nb-failure").ok().flatten());
        if let (Some(_), Some(banner)) = (failure, banner) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            banner.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
}

/// Brings the findings beside the report that holds `from` into view and
/// focuses the first control there that `target` selects (the panel itself
/// if none): the summary's counts lead to the first finding of their
/// severity, one tap from the top of a phone's page; 回到检查结果 leads back
/// to the finding selected.
pub fn jump_to_findings(from: &web_sys::Element, target: &str) {
    let Some(findings) =
        from.closest(".nb-app").ok().flatten().and_then(|app| app.query_selector(".nb-findings").ok().flatten())
    else {
        return;
    };
    let first = findings.query_selector(target).ok().flatten().unwrap_or_else(|| findings.clone());
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Start);
    findings.scroll_into_view_with_scroll_into_view_options(&options);
    if let Ok(first) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(first) {
        // In view already: focusing it does not scroll further.
        let _ = first.focus();
    }
}

/// A report chosen from a batch's summary is shown below it: bring its
/// first line under `root` into view (`shown`: the entry on screen). The
/// workstation's (`use_work_tools` calls it): the viewer has no batch.
#[cfg(feature = "workstation")]
#[hook]
pub fn use_scroll_to_batch_report(root: NodeRef, shown: Option<usize>) {
    use_effect_with(shown, move |shown| {
        let report = root
            .cast::<web_sys::Element>()
            .and_then(|r| r.query_selector(".nb-batch-area + .nb-layout").ok().flatten());
        if let (Some(_), Some(report)) = (shown, report) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Start);
            report.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
}
