//! Printing the report on screen: the print stylesheet (`www/nianbao.css`)
//! prints the report as published (A4, rows never cut, 表三's and 表四's heads
//! on every page, no highlight tints); its findings only when asked, which
//! is a class on the page's root element. The class stays after printing,
//! so that the browser's own print command prints the same until the next
//! choice (some browsers print after `print()` has returned).

/// The class on `<html>` that prints the findings with the report.
pub const PRINT_FINDINGS: &str = "nb-print-findings";

/// Prints the page, with the findings or without.
pub fn print(with_findings: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(root) = window.document().and_then(|d| d.document_element()) {
        let _ = root.class_list().toggle_with_force(PRINT_FINDINGS, with_findings);
    }
    let _ = window.print();
}
