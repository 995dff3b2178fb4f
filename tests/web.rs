//! Component tests in headless Chromium (wasm-bindgen-test): each mounts a
//! component into a fresh element and asserts on the DOM.
#![cfg(target_arch = "wasm32")]

use nianbao_app::components::findings::{findings_panel, FindingsPanelProps};
use nianbao_app::components::summary::summary_strip;
use nianbao_app::components::table_grid::{TableGrid, TableGridProps};
use nianbao_app::state::{Opened, Origin, Shared};
use nianbao_app::view::{cell_pointers, flags, Mark};
use nianbao_core::date::Date;
use nianbao_core::Lang;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_test::*;
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

const HONGZE_2023: &str = include_str!("../samples/hongze-district-2023.json");
const KNOWN_ERRORS: &str = include_str!("e2e/fixtures/known-errors.json");

/// The summary strip is a function of the report's view, not a component:
/// this one renders it alone.
#[derive(yew::Properties, PartialEq)]
struct SummaryStripProps {
    summary: nianbao_core::diagnostic::Summary,
    lang: Lang,
}

#[yew::component]
fn SummaryStrip(props: &SummaryStripProps) -> yew::Html {
    summary_strip(props.summary, props.lang)
}

/// The findings panel of a report, read-only, in Chinese (a function of the
/// report's view, rendered alone here).
#[derive(yew::Properties, PartialEq)]
struct PanelProps {
    checked: Shared<nianbao_core::Checked>,
    on_select: Callback<Option<usize>>,
}

#[yew::component]
fn Panel(props: &PanelProps) -> yew::Html {
    findings_panel(&FindingsPanelProps {
        checked: props.checked.clone(),
        template: nianbao_core::Template::T2021,
        selected: None,
        lang: Lang::Zh,
        on_select: props.on_select.clone(),
        landmark: true,
        on_settle: None,
    })
}

fn fresh_root() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// Waits until Yew has rendered everything scheduled (mounts, effects,
/// re-renders after a callback).
async fn settle() {
    yew::scheduler::flush().await;
}

fn opened(text: &str) -> Opened {
    Opened::read(Origin::Pasted, text.as_bytes(), Date::new(2026, 11, 27).unwrap())
}

fn attribute(root: &web_sys::Element, selector: &str, name: &str) -> Option<String> {
    root.query_selector(selector).unwrap().and_then(|e| e.get_attribute(name))
}

#[wasm_bindgen_test]
async fn the_app_first_shows_the_checked_builtin_sample() {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().remove_item("nianbao.lang").unwrap();
    let root = fresh_root();
    yew::Renderer::<nianbao_app::App>::with_root(root.clone()).render();
    settle().await;
    assert_eq!(root.query_selector_all("td[data-pointer]").unwrap().length(), 200);
    let summary = root.query_selector("[data-testid=summary]").unwrap().unwrap().text_content().unwrap();
    assert!(summary.contains("未发现问题"), "{summary}");
    let cell = root.query_selector("td[data-pointer='/applications/received/total']").unwrap().unwrap();
    assert_eq!(cell.text_content().unwrap(), "1");
    assert!(root.query_selector("input[type=file]").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn the_saved_language_is_used() {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().set_item("nianbao.lang", "en").unwrap();
    let root = fresh_root();
    yew::Renderer::<nianbao_app::App>::with_root(root.clone()).render();
    settle().await;
    let summary = root.query_selector("[data-testid=summary]").unwrap().unwrap().text_content().unwrap();
    assert!(summary.contains("No problems found"), "{summary}");
    web_sys::window().unwrap().local_storage().unwrap().unwrap().remove_item("nianbao.lang").unwrap();
}

#[wasm_bindgen_test]
async fn flagged_cells_carry_severity_and_a_tooltip() {
    let opened = opened(KNOWN_ERRORS);
    let layouts: Vec<_> = opened.tables.iter().map(|t| (**t).clone()).collect();
    let flags = Shared::new(flags(&opened.checked.diagnostics, &cell_pointers(&layouts)));
    let root = fresh_root();
    let props = yew::props!(TableGridProps {
        table: opened.tables[1].clone(),
        loaded: opened.loaded.clone(),
        checked: opened.checked.clone(),
        flags,
        template: nianbao_core::Template::T2021,
        selected: Shared::new(vec![("/applications/received/total".to_string(), Mark::Flagged)]),
        lang: Lang::Zh,
        id_prefix: "t-",
        on_select: Callback::noop(),
    });
    yew::Renderer::<TableGrid>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let total = "td[data-pointer='/applications/received/total']";
    assert_eq!(attribute(&root, total, "data-severity").as_deref(), Some("error"));
    assert!(attribute(&root, total, "class").unwrap().contains("nb-selected"));
    let tip = attribute(&root, total, "aria-describedby").unwrap();
    let tip_text = root.query_selector(&format!("#{tip}")).unwrap().unwrap().text_content().unwrap();
    // The short sentence: the total, the sum and the difference; no addends.
    assert_eq!(tip_text, "总计填 1，六类申请人之和 3，相差 2。请核对这一行的总计和各列。");
    assert_eq!(
        attribute(&root, "td[data-pointer='/applications/results/granted/research']", "data-severity").as_deref(),
        Some("warning")
    );
    assert_eq!(attribute(&root, "td[data-pointer='/applications/carried_over/total']", "data-severity"), None);
    // Header cells are real headers that the data cells name.
    let headers = attribute(&root, total, "headers").unwrap();
    for id in headers.split(' ') {
        assert!(root.query_selector(&format!("th#{id}")).unwrap().is_some(), "missing header {id}");
    }
}

#[wasm_bindgen_test]
async fn the_findings_panel_groups_by_severity_and_selects() {
    let opened = opened(HONGZE_2023);
    let chosen = Rc::new(RefCell::new(None));
    let chosen_in = chosen.clone();
    let root = fresh_root();
    let props = PanelProps {
        checked: opened.checked.clone(),
        on_select: Callback::from(move |i| *chosen_in.borrow_mut() = Some(i)),
    };
    yew::Renderer::<Panel>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let items = root.query_selector_all("li[data-rule]").unwrap();
    assert_eq!(items.length(), 3);
    assert_eq!(
        attribute(&root, "li[data-rule]", "data-pointers").unwrap().split(' ').next(),
        Some("/appeals/review/total")
    );
    let headings: Vec<String> = (0..root.query_selector_all("h3").unwrap().length())
        .map(|i| root.query_selector_all("h3").unwrap().get(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(headings, ["错误 (2)", "警告 (1)"]);
    let button: web_sys::HtmlElement =
        wasm_bindgen::JsCast::unchecked_into(root.query_selector("li[data-rule] button").unwrap().unwrap());
    button.click();
    settle().await;
    assert_eq!(*chosen.borrow(), Some(Some(0)));
}

#[wasm_bindgen_test]
async fn the_summary_says_no_problems_in_green_or_counts_them() {
    let root = fresh_root();
    let clean = opened(nianbao_core::BUILTIN_SAMPLE).checked.summary;
    yew::Renderer::<SummaryStrip>::with_root_and_props(
        root.clone(),
        SummaryStripProps { summary: clean, lang: Lang::En },
    )
    .render();
    settle().await;
    assert!(attribute(&root, "[data-testid=summary]", "class").unwrap().contains("nb-clean"));
    let root = fresh_root();
    let dirty = opened(HONGZE_2023).checked.summary;
    yew::Renderer::<SummaryStrip>::with_root_and_props(
        root.clone(),
        SummaryStripProps { summary: dirty, lang: Lang::Zh },
    )
    .render();
    settle().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("2 个错误") && text.contains("1 个警告"), "{text}");
    // Most checks skipped, and nothing found: said so first, never green.
    let root = fresh_root();
    let skipped = nianbao_core::diagnostic::Summary { checks_run: 7, checks_skipped: 246, ..Default::default() };
    yew::Renderer::<SummaryStrip>::with_root_and_props(
        root.clone(),
        SummaryStripProps { summary: skipped, lang: Lang::Zh },
    )
    .render();
    settle().await;
    assert!(!attribute(&root, "[data-testid=summary]", "class").unwrap().contains("nb-clean"));
    let text = root.text_content().unwrap();
    assert!(text.starts_with("多数检查未能运行") && !text.contains("未发现问题"), "{text}");
}
