//! The root component: owns the state, wires the hooks (all the IO) to the
//! components (all pure rendering). The same component is the whole page
//! (`index.html`) and an embedded report (`<nianbao-report>`, see embed.rs).

use crate::components::failure::FailureBanner;
use crate::components::report_view::{ReportView, View};
use crate::components::toolbar::Toolbar;
use crate::handoff::Handoff;
use crate::hooks::use_drop_and_paste::{open_files, open_previous_file, open_text, use_drop_and_paste};
use crate::hooks::use_embed::use_embed;
use crate::hooks::use_handoff::use_handoff;
use crate::hooks::use_lang_storage::{saved_lang, use_lang_storage};
use crate::hooks::use_src_param::use_src_param;
use crate::hooks::{download_text, today};
use crate::i18n::tr;
use crate::state::{Action, Edit, State};
use nianbao_core::Lang;
use yew::prelude::*;

/// The prefix of element ids of the whole-page app.
const ID_PREFIX: &str = "nb-";

/// The element holding the prerendered first screen (see `src/bin/prerender.rs`).
pub const PRERENDER_ID: &str = "nb-prerender";

/// How an embedded report is given.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// Fetched, under the browser's usual origin rules.
    Url(String),
    /// The report's JSON (or text) itself.
    Inline(String),
}

/// The settings of an embedded report.
#[derive(Debug, Clone, PartialEq)]
pub struct Embed {
    /// Unique on the page: several reports may share it.
    pub id_prefix: AttrValue,
    pub lang: Lang,
    pub view: View,
    pub source: Option<Source>,
    /// Bumped to read the same source again.
    pub generation: u32,
    /// Where `nianbao-validated` is dispatched.
    pub host: web_sys::Element,
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Set when the app is embedded in a host page; unset for the whole page.
    #[prop_or_default]
    pub embed: Option<Embed>,
    /// What the viewer handed over, when the workstation takes its place
    /// (see `crate::handoff`).
    #[prop_or_default]
    pub handoff: Option<Handoff>,
    /// Told once the app has drawn itself (the workstation tells `boot.js`
    /// that the viewer may go).
    #[prop_or_default]
    pub on_ready: Option<Callback<()>>,
}

/// Starting to edit a cell or a section: the workstation opens the editor;
/// the viewer first hands the report over to the workstation.
fn edit_start(pointer: Option<String>) -> Action {
    #[cfg(not(feature = "workstation"))]
    if let Some(pointer) = pointer {
        return Action::Upgrade(crate::state::Intent::EditAt(pointer));
    }
    Action::EditCell(pointer)
}

/// A change to the report: the workstation makes it; in the viewer the only
/// change offered is a decision on a finding, which the workstation makes
/// once it has taken over.
fn edit(edit: Edit) -> Action {
    #[cfg(feature = "workstation")]
    return crate::state::Work::Edit { edit, today: today() }.into();
    #[cfg(not(feature = "workstation"))]
    Action::Upgrade(crate::state::Intent::Settle(edit))
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let embedded = props.embed.is_some();
    let state = use_reducer({
        let lang = props.embed.as_ref().map(|e| e.lang);
        let handoff = props.handoff.clone();
        move || match (lang, handoff) {
            (Some(lang), _) => State::empty(lang),
            (None, Some(handoff)) => State::handed_over(&handoff, today()),
            (None, None) => State::new(saved_lang(), today()),
        }
    });
    let dispatcher = state.dispatcher();
    // Page-wide behaviour belongs to the whole-page app only: an embedded
    // report must not take over the host page's drops, pastes or storage.
    use_lang_storage(state.lang, !embedded);
    // A report handed over by the viewer was already fetched.
    use_src_param(dispatcher.clone(), !embedded && props.handoff.is_none());
    let dragging = use_drop_and_paste(dispatcher.clone(), !embedded);
    use_embed(props.embed.clone(), dispatcher.clone(), state.current.clone(), state.lang);
    let report = state.current.as_ref().zip(state.source.clone()).map(|(c, bytes)| (c.origin.clone(), bytes));
    // The loader keeps the report on screen, to reopen it after a crash.
    use_effect_with((report.clone(), state.lang, embedded), |(report, lang, embedded)| {
        #[cfg(target_arch = "wasm32")]
        if !embedded {
            crate::remember_report(&crate::handoff::Handoff {
                lang: *lang,
                report: report.clone(),
                intents: Vec::new(),
            });
        }
        let _ = (report, lang, embedded);
    });
    use_handoff(props.handoff.clone(), state.upgrade.clone(), report, state.lang, dispatcher.clone());
    let draft_banner = use_work_tools(
        !embedded,
        state.current.clone(),
        (!state.undo.is_empty(), !state.redo.is_empty()),
        dispatcher.clone(),
        state.lang,
    );
    let compare = use_state(|| true);
    let root = use_node_ref();

    // Once live, the app marks itself and removes the prerendered first
    // screen it replaces (effects never run while prerendering).
    {
        let root = root.clone();
        let on_ready = props.on_ready.clone();
        use_effect_with(embedded, move |embedded| {
            if let Some(on_ready) = on_ready {
                on_ready.emit(());
            }
            if let Some(root) = root.cast::<web_sys::Element>() {
                let _ = root.set_attribute("data-live", "");
            }
            if !embedded {
                let document = web_sys::window().and_then(|w| w.document());
                if let Some(prerendered) = document.and_then(|d| d.get_element_by_id(PRERENDER_ID)) {
                    prerendered.remove();
                }
            }
        });
    }

    // Selecting a finding brings its first cell into view.
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

    // A failure is shown above the report; bring it into view, since the
    // user may have acted far down the page (a cell, a finding).
    {
        let root = root.clone();
        use_effect_with(state.failure.clone(), move |failure| {
            let banner = root.cast::<web_sys::Element>().and_then(|r| r.query_selector(".nb-failure").ok().flatten());
            if let (Some(_), Some(banner)) = (failure, banner) {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                banner.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    }

    let lang = state.lang;
    let on_select = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |index: Option<usize>| dispatcher.dispatch(Action::Select(index)))
    };
    let on_file = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |files: Vec<web_sys::File>| open_files(files, dispatcher.clone()))
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
        let current = state.current.clone();
        Callback::from(move |()| {
            if let Some(current) = &current {
                let template = current.loaded.template();
                let json = nianbao_core::output::checked(&current.checked, template, lang).to_json_pretty();
                download_text("nianbao-findings.json", &json, "application/json");
            }
        })
    };
    let on_edit_start = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |pointer: Option<String>| dispatcher.dispatch(edit_start(pointer)))
    };
    let on_edit = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |change: Edit| dispatcher.dispatch(edit(change)))
    };
    let on_previous_file = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |file: web_sys::File| open_previous_file(file, dispatcher.clone()))
    };
    #[cfg(feature = "workstation")]
    let (on_clear_previous, on_undo, on_redo) = {
        use crate::state::Work;
        let send = |work: fn() -> Work| {
            let dispatcher = dispatcher.clone();
            Callback::from(move |()| dispatcher.dispatch(work().into()))
        };
        (send(|| Work::ClearPrevious { today: today() }), send(|| Work::Undo), send(|| Work::Redo))
    };
    // The viewer has no history and no last year's report to clear.
    #[cfg(not(feature = "workstation"))]
    let (on_clear_previous, on_undo, on_redo) = (Callback::noop(), Callback::noop(), Callback::noop());
    let previous_label = state.previous.as_ref().and_then(|p| p.loaded.report.as_ref()).map(|r| {
        AttrValue::from(format!(
            "{} {}",
            r.agency.clone().unwrap_or_default(),
            r.year.map(|y| y.to_string()).unwrap_or_default()
        ))
    });
    let on_download_report = {
        let current = state.current.clone();
        Callback::from(move |()| {
            if let Some(document) = current.as_ref().and_then(|c| c.loaded.document.as_ref()) {
                download_text("nianbao-report.json", &document.to_json_pretty(), "application/json");
            }
        })
    };
    #[cfg(feature = "workstation")]
    let batch_panel = batch_panel(&state, &dispatcher, lang);
    #[cfg(not(feature = "workstation"))]
    let batch_panel = Html::default();
    let (prefix, view) = match &props.embed {
        Some(embed) => (embed.id_prefix.clone(), embed.view),
        None => (AttrValue::from(ID_PREFIX), View::Full),
    };
    let failure = state.failure.clone().map(|failure| {
        html! { <FailureBanner {failure} {lang} on_dismiss={on_dismiss.clone()} keeps_report={state.current.is_some()} /> }
    });
    html! {
        <div class={classes!("nb-app", embedded.then_some("nb-embedded"))} ref={root} lang={if lang == Lang::Zh { "zh-CN" } else { "en" }}>
            if !embedded {
                <header class="nb-appbar">
                    <span class="nb-brand" lang="zh-CN">{"年报"}<span class="nb-brand-en">{" Nianbao"}</span></span>
                    <Toolbar {lang} id_prefix={ID_PREFIX} {on_file} {on_text} {on_lang} {on_download}
                        loading={state.loading.clone().map(AttrValue::from)} loading_tools={!state.upgrade.is_empty()} can_undo={!state.undo.is_empty()}
                        can_redo={!state.redo.is_empty()} {on_undo} {on_redo} {on_download_report}
                        {on_previous_file} previous={previous_label} {on_clear_previous}
                        compare={*compare} on_compare={{ let compare = compare.clone(); Callback::from(move |()| compare.set(!*compare)) }} />
                </header>
            }
            if dragging {
                <div class="nb-drop-overlay" aria-hidden="true">{tr(lang, "松开鼠标即可打开文件", "Drop the file to open it")}</div>
            }
            {match &state.current {
                Some(opened) => html! {
                    <ReportView opened={opened.clone()} {lang} {view} id_prefix={prefix} selected={state.selected} {on_select} {embedded}
                        editable={!embedded} editing={state.editing.clone().map(AttrValue::from)} {on_edit_start} {on_edit}
                        previous={state.previous.clone()} compare={*compare}>
                        {draft_banner}
                        {failure}
                        {batch_panel}
                    </ReportView>
                },
                None => html! {
                    <div class="nb-layout nb-layout-single">
                        <div class="nb-report">
                            {failure}
                            if state.failure.is_none() {
                                <p class="nb-loading" role="status">{tr(lang, "正在载入年报……", "Loading the report…")}</p>
                            }
                        </div>
                    </div>
                },
            }}
        </div>
    }
}

/// The workstation's page-wide tools (on the whole page, not embedded):
/// autosave, the offer to restore a draft, and the undo keys. Returns the
/// offer, when there is one.
#[cfg(feature = "workstation")]
#[hook]
fn use_work_tools(
    page: bool,
    current: Option<crate::state::Opened>,
    history: (bool, bool),
    dispatcher: UseReducerDispatcher<State>,
    lang: Lang,
) -> Html {
    // Something to undo: edited. Nothing to undo but something to redo:
    // every edit was undone.
    let (edited, undone) = history;
    let document = current.as_ref().and_then(|c| c.loaded.document.clone());
    let unsaved = crate::hooks::use_autosave::use_autosave(page, current, edited, !edited && undone);
    let drafts = use_state(|| if page { crate::hooks::use_autosave::read_drafts() } else { Vec::new() });
    // Drafts that overflowed into IndexedDB join the offer once read.
    {
        let drafts = drafts.clone();
        use_effect_with(page, move |page| {
            if *page {
                yew::platform::spawn_local(async move {
                    if crate::hooks::use_autosave::load_overflow().await {
                        drafts.set(crate::hooks::use_autosave::read_drafts());
                    }
                });
            }
        });
    }
    use_undo_keys(dispatcher.clone(), page);
    // Nothing could be saved: say so at once, before more is typed, with
    // the download at hand.
    let storage_full = (unsaved && edited).then(|| {
        let download = Callback::from(move |_: MouseEvent| {
            if let Some(document) = &document {
                download_text("nianbao-report.json", &document.to_json_pretty(), "application/json");
            }
        });
        html! {
            <div class="nb-draft nb-storage-full" role="alert" data-testid="storage-full">
                <span>{tr(lang,
                    "浏览器的存储空间已满（或已被禁用），您的修改无法在本机自动保存，关闭页面就会丢失。请现在下载报告 JSON 保存修改，再清理浏览器存储。",
                    "The browser's storage is full (or turned off): your edits cannot be saved on this computer and will be lost when the page closes. Download the report's JSON now to keep them, then free some browser storage.")}</span>
                <button type="button" class="nb-button nb-primary-button" onclick={download}>{tr(lang, "下载报告 JSON", "Download the report's JSON")}</button>
            </div>
        }
    });
    html! { <>{ for storage_full }{ draft_banner(&drafts, &dispatcher, lang) }</> }
}

/// The viewer has none of the workstation's tools.
#[cfg(not(feature = "workstation"))]
#[hook]
fn use_work_tools(
    _page: bool,
    _current: Option<crate::state::Opened>,
    _history: (bool, bool),
    _dispatcher: UseReducerDispatcher<State>,
    _lang: Lang,
) -> Html {
    Html::default()
}

/// The offer to restore edits saved before the page was closed, newest
/// first, one at a time. Restoring one keeps the report on screen's edits
/// (they are saved too); discarding one forgets that one only.
#[cfg(feature = "workstation")]
fn draft_banner(
    drafts: &UseStateHandle<Vec<crate::hooks::use_autosave::Draft>>,
    dispatcher: &UseReducerDispatcher<State>,
    lang: Lang,
) -> Html {
    use crate::hooks::use_autosave::{adopt_draft, discard_draft};
    let Some(d) = drafts.first().cloned() else { return Html::default() };
    let rest = drafts.len() - 1;
    let settle = |drafts: &UseStateHandle<Vec<crate::hooks::use_autosave::Draft>>| {
        let remaining: Vec<_> = drafts.iter().skip(1).cloned().collect();
        drafts.set(remaining);
    };
    let restore = {
        let (dispatcher, drafts, d) = (dispatcher.clone(), drafts.clone(), d.clone());
        Callback::from(move |_: MouseEvent| {
            adopt_draft(&d);
            let bytes = d.document.clone().into_bytes().into();
            dispatcher.dispatch(Action::Open {
                origin: crate::state::Origin::File(d.name.clone()),
                bytes,
                today: today(),
            });
            settle(&drafts);
        })
    };
    let discard = {
        let (drafts, id) = (drafts.clone(), d.id.clone());
        Callback::from(move |_: MouseEvent| {
            discard_draft(&id);
            settle(&drafts);
        })
    };
    let mut text = match lang {
        Lang::Zh => format!("上次编辑的“{}”（保存于 {}）尚未下载。", d.name, d.saved),
        Lang::En => format!("Your edits to “{}” (saved {}) were not downloaded.", d.name, d.saved),
    };
    if rest > 0 {
        text.push_str(&match lang {
            Lang::Zh => format!("另有 {rest} 份未下载的编辑，处理完这一份后列出。"),
            Lang::En => format!(" {rest} more after this one."),
        });
    }
    html! {
        <div class="nb-draft" role="alert" data-testid="draft">
            <span>{text}</span>
            <button type="button" class="nb-button nb-primary-button" onclick={restore}>{tr(lang, "恢复编辑", "Restore")}</button>
            <button type="button" class="nb-button" onclick={discard}>{tr(lang, "放弃", "Discard")}</button>
        </div>
    }
}

/// The summary of many reports opened at once.
#[cfg(feature = "workstation")]
fn batch_panel(state: &State, dispatcher: &UseReducerDispatcher<State>, lang: Lang) -> Html {
    use crate::components::batch::BatchPanel;
    let panel = state.batch.clone().map(|batch| {
        let on_open = {
            let dispatcher = dispatcher.clone();
            Callback::from(move |i: usize| dispatcher.dispatch(crate::state::Work::BatchOpen(i).into()))
        };
        let on_close = {
            let dispatcher = dispatcher.clone();
            Callback::from(move |()| dispatcher.dispatch(crate::state::Work::BatchClose.into()))
        };
        html! { <BatchPanel {batch} {lang} {on_open} {on_close} /> }
    });
    panel.unwrap_or_default()
}

/// Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo, outside text fields (which
/// have their own undo while typing).
#[cfg(feature = "workstation")]
#[hook]
fn use_undo_keys(dispatch: UseReducerDispatcher<State>, enabled: bool) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use_effect_with(enabled, move |enabled| {
        let document = web_sys::window().and_then(|w| w.document()).filter(|_| *enabled);
        let listener = Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
            let in_field = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA"));
            if in_field || !(e.ctrl_key() || e.meta_key()) {
                return;
            }
            match (e.key().to_ascii_lowercase().as_str(), e.shift_key()) {
                ("z", false) => dispatch.dispatch(crate::state::Work::Undo.into()),
                ("z", true) | ("y", _) => dispatch.dispatch(crate::state::Work::Redo.into()),
                _ => return,
            }
            e.prevent_default();
        });
        if let Some(document) = &document {
            let _ = document.add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(document) = &document {
                let _ = document.remove_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
            }
        }
    });
}
