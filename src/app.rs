//! The root component: owns the state, wires the hooks and the IO of
//! `crate::io` to the components (all pure rendering). The same component is
//! the whole page (`index.html`) and an embedded report (`<nianbao-report>`,
//! see `crate::js::embed`).

use crate::components::failure::failure_banner;
use crate::components::intro::intro;
use crate::components::report_view::{ReportView, View};
use crate::components::toolbar::{Toolbar, Waiting};
use crate::embedding::Embed;
use crate::hooks::use_drop_and_paste::use_drop_and_paste;
use crate::hooks::use_embed::use_embed;
use crate::hooks::use_handoff::{use_handoff, use_remember_report};
use crate::hooks::use_lang_storage::use_lang_storage;
use crate::hooks::use_live::use_live;
use crate::hooks::use_scroll_into_view::{use_scroll_to_cell, use_scroll_to_failure};
use crate::hooks::use_src_param::use_src_param;
use crate::hooks::use_work_tools::{use_work_tools, WorkTools};
use crate::i18n::tr;
use crate::io::clock::today;
use crate::io::download::{download, Download};
use crate::io::lang::saved_lang;
use crate::io::open::{open_files, open_previous_file, open_text};
use crate::state::{Action, Edit, Handoff, State};
use nianbao_core::Lang;
use yew::prelude::*;

/// The prefix of element ids of the whole-page app.
const ID_PREFIX: &str = "nb-";

/// The element holding the prerendered first screen (see `src/bin/prerender.rs`).
pub const PRERENDER_ID: &str = "nb-prerender";

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Set when the app is embedded in a host page; unset for the whole page.
    #[prop_or_default]
    pub embed: Option<Embed>,
    /// What the viewer handed over, when the workstation takes its place
    /// (see `crate::js::handoff`).
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
    use_remember_report(report.clone(), state.lang, !embedded);
    use_handoff(props.handoff.clone(), state.upgrade.clone(), report, state.lang, dispatcher.clone());
    let root = use_node_ref();
    let tools = use_work_tools(
        !embedded,
        state.current.clone(),
        (!state.undo.is_empty(), !state.redo.is_empty()),
        dispatcher.clone(),
        (state.batch.as_ref().and_then(|b| b.shown), root.clone()),
    );
    let compare = use_state(|| true);

    use_live(root.clone(), embedded, props.on_ready.clone());
    use_scroll_to_cell(root.clone(), state.selected_pointers().first().cloned());
    use_scroll_to_failure(root.clone(), state.failure.clone());

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
    // Every download of the report on screen starts here, whichever part of
    // the page asks for it.
    let on_download = {
        let current = state.current.clone();
        Callback::from(move |what: Download| {
            if let Some(current) = &current {
                download(what, current, lang);
            }
        })
    };
    let on_download_findings = on_download.reform(|()| Download::Findings);
    let on_download_report = on_download.reform(|()| Download::Report);
    let on_edit_start = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |pointer: Option<String>| dispatcher.dispatch(edit_start(pointer)))
    };
    let on_edit = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |change: Edit| dispatcher.dispatch(edit(change)))
    };
    #[cfg(feature = "workstation")]
    let on_edit_cancel = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |()| dispatcher.dispatch(crate::state::Work::CancelEdit.into()))
    };
    #[cfg(not(feature = "workstation"))]
    let on_edit_cancel = Callback::noop();
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
    let on_clear_previous = Callback::noop();
    // Starting a report is the workstation's: the viewer hands over to it.
    let on_new = {
        let dispatcher = dispatcher.clone();
        #[cfg(feature = "workstation")]
        let action = || crate::state::Work::NewForm(true).into();
        #[cfg(not(feature = "workstation"))]
        let action = || Action::Upgrade(crate::state::Intent::NewReport);
        Callback::from(move |()| dispatcher.dispatch(action()))
    };
    // Last year's report is only ever loaded in the workstation.
    let previous_label =
        state.previous.as_ref().filter(|_| cfg!(feature = "workstation")).and_then(|p| p.loaded.report.as_ref()).map(
            |r| {
                AttrValue::from(format!(
                    "{} {}",
                    r.agency.clone().unwrap_or_default(),
                    r.year.map(|y| y.to_string()).unwrap_or_default()
                ))
            },
        );
    #[cfg(feature = "workstation")]
    let notices = html! {
        <>
            {work_notices(&tools, lang, &on_download_report)}
            <crate::components::history::HistoryBar {lang} can_undo={!state.undo.is_empty()} can_redo={!state.redo.is_empty()}
                {on_undo} {on_redo} />
        </>
    };
    #[cfg(not(feature = "workstation"))]
    let notices = {
        let _: WorkTools = tools;
        Html::default()
    };
    // The first visit: what Nianbao is, and that the report is an example.
    let intro = (!embedded && state.current.as_ref().is_some_and(|c| c.origin == crate::state::Origin::BuiltinSample))
        .then(|| intro(lang));
    #[cfg(feature = "workstation")]
    let new_report = new_report_form(&state, &dispatcher, lang);
    #[cfg(not(feature = "workstation"))]
    let new_report = Html::default();
    #[cfg(feature = "workstation")]
    let publish = publish_tools(lang, state.current.is_some(), &on_download);
    #[cfg(not(feature = "workstation"))]
    let publish = Html::default();
    #[cfg(feature = "workstation")]
    let batch_panel = batch_panel(&state, &dispatcher, lang);
    #[cfg(not(feature = "workstation"))]
    let batch_panel = Html::default();
    // Above a report chosen from a batch: the way back to its summary.
    #[cfg(feature = "workstation")]
    let (in_batch, batch_back) = match (&state.batch, &state.current) {
        (Some(_), Some(_)) => (
            true,
            html! {
                <p class="nb-batch-back"><a href="#nb-batch-heading">{tr(lang, "↑ 回到批量检查汇总表", "↑ Back to the batch summary")}</a></p>
            },
        ),
        (batch, _) => (batch.is_some(), Html::default()),
    };
    // The viewer has no batch.
    #[cfg(not(feature = "workstation"))]
    let (in_batch, batch_back) = (false, Html::default());
    let (prefix, view) = match &props.embed {
        Some(embed) => (embed.id_prefix.clone(), embed.view),
        None => (AttrValue::from(ID_PREFIX), View::Full),
    };
    let failure =
        state.failure.clone().map(|failure| failure_banner(&failure, lang, &on_dismiss, state.current.is_some()));
    html! {
        <div class={crate::class!("nb-app", embedded.then_some("nb-embedded"))} ref={root} lang={if lang == Lang::Zh { "zh-CN" } else { "en" }}>
            if !embedded {
                <header class="nb-appbar">
                    <span class="nb-brand" lang="zh-CN">{"年报"}<span class="nb-brand-en">{" Nianbao"}</span></span>
                    <Toolbar {lang} id_prefix={ID_PREFIX} {on_file} {on_text} {on_lang} on_download={on_download_findings}
                        loading={state.loading.clone().map(AttrValue::from)} waiting={state.upgrade.first().map(Waiting::of)}
                        {on_download_report} {on_previous_file} previous={previous_label} {on_clear_previous} {on_new}
                        compare={*compare} on_compare={{ let compare = compare.clone(); Callback::from(move |()| compare.set(!*compare)) }}>
                        {publish}
                    </Toolbar>
                </header>
            }
            if dragging {
                <div class="nb-drop-overlay" aria-hidden="true">{tr(lang, "松开鼠标即可打开文件", "Drop the file to open it")}</div>
            }
            // A batch stands above the report area, the width of the page; the
            // report area shows one of its reports, chosen there, or says to
            // choose one: never a report from outside it.
            {batch_panel}
            {match &state.current {
                Some(opened) => html! {
                    <ReportView opened={opened.clone()} {lang} {view} id_prefix={prefix} selected={state.selected} {on_select} {embedded}
                        editable={!embedded} editing={state.editing.clone().map(AttrValue::from)} {on_edit_start} {on_edit} {on_edit_cancel}
                        previous={state.previous.clone()} compare={*compare} {on_download}
                        show_title={props.embed.as_ref().is_none_or(|e| e.title)} exports={props.embed.as_ref().is_none_or(|e| e.exports)}>
                        {intro}
                        {batch_back}
                        {notices}
                        {failure}
                        {new_report}
                    </ReportView>
                },
                None if in_batch => html! {
                    <div class="nb-layout nb-layout-single">
                        <main class="nb-report">
                            {notices}
                            {failure}
                            {new_report}
                            <p class="nb-batch-choose" data-testid="batch-choose">
                                {tr(lang, "在上面的汇总表中点一份报告的机关名称，这份报告就显示在这里。", "Choose a report in the summary above by its agency's name; it is shown here.")}
                            </p>
                        </main>
                    </div>
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

/// The workstation's notices above the report: nothing could be saved, a
/// draft waits to be restored.
#[cfg(feature = "workstation")]
fn work_notices(tools: &WorkTools, lang: Lang, on_download_report: &Callback<()>) -> Html {
    use crate::components::draft_banner::{DraftBanner, StorageFull};
    html! {
        <>
            if tools.storage_full {
                <StorageFull {lang} on_download={on_download_report.clone()} />
            }
            if let Some(offer) = tools.draft.clone() {
                <DraftBanner {offer} {lang} on_restore={tools.on_restore.clone()} on_discard={tools.on_discard.clone()} />
            }
        </>
    }
}

/// The form that starts a report, when open.
#[cfg(feature = "workstation")]
fn new_report_form(state: &State, dispatcher: &UseReducerDispatcher<State>, lang: Lang) -> Html {
    use crate::components::new_report::NewReport;
    use crate::state::Work;
    if !state.new_form {
        return Html::default();
    }
    let on_blank = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |(year, agency, kind)| {
            dispatcher.dispatch(Work::CreateBlank { year, agency, kind, today: today() }.into())
        })
    };
    let on_previous_file = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |file| crate::io::open::draft_from_previous_file(file, dispatcher.clone()))
    };
    let on_close = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |()| dispatcher.dispatch(Work::NewForm(false).into()))
    };
    html! {
        <NewReport {lang} year={i64::from(today().year) - 1} id_prefix={ID_PREFIX} {on_blank} {on_previous_file} {on_close} />
    }
}

/// Publishing the report on screen: a web page, a Word file, print.
#[cfg(feature = "workstation")]
fn publish_tools(lang: Lang, ready: bool, on_download: &Callback<Download>) -> Html {
    use crate::components::publish::PublishTools;
    let on_print = Callback::from(crate::io::print::print);
    html! { <PublishTools {lang} id_prefix={ID_PREFIX} {ready} on_download={on_download.clone()} {on_print} /> }
}

/// The summary of many reports opened at once.
#[cfg(feature = "workstation")]
fn batch_panel(state: &State, dispatcher: &UseReducerDispatcher<State>, lang: Lang) -> Html {
    use crate::components::batch::BatchPanel;
    let panel = state.batch.clone().map(|batch| {
        let on_open = {
            let (dispatcher, batch) = (dispatcher.clone(), batch.clone());
            Callback::from(move |i: usize| crate::io::batch::open_entry(&batch, i, dispatcher.clone()))
        };
        let on_close = {
            let dispatcher = dispatcher.clone();
            Callback::from(move |()| {
                crate::io::batch::stop();
                dispatcher.dispatch(crate::state::Work::BatchClose.into())
            })
        };
        let on_cancel = {
            let (dispatcher, id) = (dispatcher.clone(), batch.id);
            Callback::from(move |()| {
                crate::io::batch::stop();
                dispatcher.dispatch(crate::state::Work::BatchCancel { id }.into())
            })
        };
        let on_download = {
            let batch = batch.clone();
            Callback::from(move |(what, progress)| crate::io::batch::download(what, batch.clone(), lang, progress))
        };
        // A new batch is a new panel: its order and filters start afresh.
        let key = batch.id.to_string();
        html! { <div class="nb-batch-area"><BatchPanel {key} {batch} {lang} {on_open} {on_close} {on_cancel} {on_download} alone={state.current.is_none()} /></div> }
    });
    panel.unwrap_or_default()
}
