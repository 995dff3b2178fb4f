//! The root component: owns the state, wires the hooks (all the IO) to the
//! components (all pure rendering).

use crate::components::failure::{origin_name, FailureBanner};
use crate::components::findings::FindingsPanel;
use crate::components::header::ReportHeader;
use crate::components::import_notes::{guessed_rows, ImportNotes};
use crate::components::section_text::SectionText;
use crate::components::summary::SummaryStrip;
use crate::components::table_grid::TableGrid;
use crate::components::toolbar::Toolbar;
use crate::hooks::use_drop_and_paste::{open_file, open_text, use_drop_and_paste};
use crate::hooks::use_lang_storage::{saved_lang, use_lang_storage};
use crate::hooks::use_src_param::use_src_param;
use crate::hooks::{download_text, today};
use crate::i18n::tr;
use crate::state::{Action, Shared, State};
use crate::view::{cell_pointers, flags};
use nianbao_core::Lang;
use yew::prelude::*;

/// The prefix of element ids; one app per page for now.
const ID_PREFIX: &str = "nb-";

/// The element holding the prerendered first screen (see `src/bin/prerender.rs`).
pub const PRERENDER_ID: &str = "nb-prerender";

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| State::new(saved_lang(), today()));
    let dispatcher = state.dispatcher();
    use_lang_storage(state.lang);
    use_src_param(dispatcher.clone());
    let dragging = use_drop_and_paste(dispatcher.clone());
    let root = use_node_ref();

    // Once live, the app marks itself and removes the prerendered first
    // screen it replaces (effects never run while prerendering).
    {
        let root = root.clone();
        use_effect_with((), move |_| {
            if let Some(root) = root.cast::<web_sys::Element>() {
                let _ = root.set_attribute("data-live", "");
            }
            if let Some(prerendered) =
                web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(PRERENDER_ID))
            {
                prerendered.remove();
            }
        });
    }

    let current = &state.current;
    let flags = {
        let key = (current.checked.clone(), current.tables.clone());
        (*use_memo(key, |(checked, tables)| {
            let layouts: Vec<_> = tables.iter().map(|t| (**t).clone()).collect();
            Shared::new(flags(&checked.diagnostics, &cell_pointers(&layouts)))
        }))
        .clone()
    };
    let selected_pointers = Shared::new(state.selected_pointers().to_vec());

    // Selecting a finding brings its first cell into view and gives it focus.
    {
        let root = root.clone();
        let first = state.selected_pointers().first().cloned();
        use_effect_with(first, move |first| {
            if let (Some(pointer), Some(root)) = (first, root.cast::<web_sys::Element>()) {
                let selector = format!("[data-pointer=\"{}\"]", pointer.replace('\\', "\\\\").replace('"', "\\\""));
                if let Ok(Some(element)) = root.query_selector(&selector) {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Center);
                    options.set_behavior(web_sys::ScrollBehavior::Smooth);
                    element.scroll_into_view_with_scroll_into_view_options(&options);
                }
            }
        });
    }

    let lang = state.lang;
    let on_select = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |index: Option<usize>| dispatcher.dispatch(Action::Select(index)))
    };
    let on_cell_select = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |index: usize| dispatcher.dispatch(Action::Select(Some(index))))
    };
    let on_file = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |file: web_sys::File| open_file(file, dispatcher.clone()))
    };
    let on_text = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |text: String| open_text(text, &dispatcher))
    };
    let on_lang = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |lang: Lang| dispatcher.dispatch(Action::SetLang(lang)))
    };
    let on_dismiss = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |()| dispatcher.dispatch(Action::DismissFailure))
    };
    let on_download = {
        let checked = current.checked.clone();
        let template = current.loaded.template();
        Callback::from(move |()| {
            let json = nianbao_core::output::checked(&checked, template, lang).to_json_pretty();
            download_text("nianbao-findings.json", &json, "application/json");
        })
    };

    let on_download_json = {
        let document = current.loaded.document.clone();
        let name = match &current.origin {
            crate::state::Origin::File(name) => {
                format!("{}.json", name.rsplit_once('.').map_or(name.as_str(), |(stem, _)| stem))
            }
            _ => "nianbao-report.json".to_string(),
        };
        Callback::from(move |()| {
            if let Some(document) = &document {
                download_text(&name, &document.to_json_pretty(), "application/json");
            }
        })
    };
    let guessed = Shared::new(current.import_notes.as_ref().map(|n| guessed_rows(n)).unwrap_or_default());

    let Some(report) = current.loaded.report.as_ref() else {
        // `State` only ever puts readable reports on screen.
        return html! {};
    };
    let template = report.template;
    let severity = |pointer: &str| flags.get(pointer).and_then(|f| f.severity).map(|s| s.code());
    let section = |key: &'static str| {
        html! {
            <SectionText key_name={key} text={report.section_text(key).map(|t| AttrValue::from(t.to_string()))}
                severity={severity(&format!("/{key}"))} {lang} id_prefix={ID_PREFIX} />
        }
    };
    let table = |index: usize| {
        html! {
            <TableGrid table={current.tables[index].clone()} loaded={current.loaded.clone()} checked={current.checked.clone()}
                flags={flags.clone()} {template} selected={selected_pointers.clone()} guessed={guessed.clone()} {lang}
                id_prefix={ID_PREFIX} on_select={on_cell_select.clone()} />
        }
    };

    html! {
        <div class="nb-app" ref={root} lang={if lang == Lang::Zh { "zh-CN" } else { "en" }}>
            <header class="nb-appbar">
                <span class="nb-brand" lang="zh-CN">{"年报"}<span class="nb-brand-en">{" Nianbao"}</span></span>
                <Toolbar {lang} id_prefix={ID_PREFIX} {on_file} {on_text} {on_lang} {on_download}
                    loading={state.loading.clone().map(AttrValue::from)} />
            </header>
            if dragging {
                <div class="nb-drop-overlay" aria-hidden="true">{tr(lang, "松开鼠标即可打开文件", "Drop the file to open it")}</div>
            }
            <div class="nb-layout">
                <main class="nb-report">
                    if let Some(failure) = &state.failure {
                        <FailureBanner failure={failure.clone()} {lang} {on_dismiss} />
                    }
                    if let Some(notes) = &current.import_notes {
                        <ImportNotes notes={notes.clone()} {lang} on_download={on_download_json} />
                    }
                    <SummaryStrip summary={current.checked.summary} {lang} />
                    <ReportHeader loaded={current.loaded.clone()} flags={flags.clone()}
                        origin={origin_name(&current.origin, lang)} {lang} />
                    {section("overview")}
                    {table(0)}
                    {table(1)}
                    {table(2)}
                    {section("problems")}
                    {section("other")}
                </main>
                <FindingsPanel checked={current.checked.clone()} {template} selected={state.selected} {lang} {on_select} />
            </div>
        </div>
    }
}
