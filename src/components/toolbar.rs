//! The app bar's actions: one primary action (opening the user's report),
//! pasting, starting a report, last year's report to compare with, one 导出
//! menu for every download (the workstation adds its publishing tools to it),
//! and the language switch. Drag and drop works anywhere on the page (a
//! hook). Undo and redo sit beside the report (`HistoryBar`).

use crate::i18n::tr;
use nianbao_core::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub lang: Lang,
    pub id_prefix: AttrValue,
    /// Files picked: one to open, or several for a batch.
    pub on_file: Callback<Vec<web_sys::File>>,
    pub on_text: Callback<String>,
    pub on_lang: Callback<Lang>,
    pub on_download: Callback<()>,
    /// What is being read or fetched right now.
    pub loading: Option<AttrValue>,
    /// The workstation (the editing and review tools) is being loaded, and
    /// for which control the user used, which shows it is busy.
    #[prop_or_default]
    pub waiting: Option<Waiting>,
    /// Last year's report was picked.
    #[prop_or_default]
    pub on_previous_file: Callback<web_sys::File>,
    /// The report checked against, if any (agency and year), and how to stop.
    #[prop_or_default]
    pub previous: Option<AttrValue>,
    #[prop_or_default]
    pub on_clear_previous: Callback<()>,
    /// Whether last year's numbers are shown in the cells, and the switch.
    #[prop_or_default]
    pub compare: bool,
    #[prop_or_default]
    pub on_compare: Callback<()>,
    /// Download the report (with its edits and decisions) as JSON.
    #[prop_or_default]
    pub on_download_report: Callback<()>,
    /// Start a report (新建报告).
    #[prop_or_default]
    pub on_new: Callback<()>,
    /// More items of the 导出 menu (the workstation's publishing tools).
    #[prop_or_default]
    pub children: Html,
}

/// The control whose action waits for the workstation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waiting {
    /// Opening a file or pasted text the viewer cannot read.
    Open,
    /// Starting a report.
    New,
    /// Last year's report.
    Previous,
    /// Something in the report (a cell, a decision on a finding).
    Report,
}

impl Waiting {
    /// The control a queued request was made with.
    pub fn of(intent: &crate::state::Intent) -> Waiting {
        use crate::state::Intent;
        match intent {
            Intent::Open { .. } | Intent::Files(_) => Waiting::Open,
            Intent::NewReport => Waiting::New,
            Intent::Previous(_) => Waiting::Previous,
            Intent::EditAt(_) | Intent::Settle(_) => Waiting::Report,
        }
    }
}

/// Closes the `<details>` menu a click inside it chose an action from (a
/// button; a checkbox or a select keeps it open).
fn close_menu(menu: NodeRef) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        let on_button = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("button").ok().flatten());
        if on_button.is_some() {
            if let Some(details) = menu.cast::<web_sys::Element>() {
                let _ = details.remove_attribute("open");
            }
        }
    })
}

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let lang = props.lang;
    let file_id = format!("{}file", props.id_prefix);
    // Last year's file is picked through a file input made on demand, so the
    // page keeps exactly one <input type="file"> (the report's).
    let on_previous_file = props.on_previous_file.clone();
    let pick_previous = Callback::from(move |_: MouseEvent| crate::io::files::pick_file(on_previous_file.clone()));
    let paste_id = format!("{}paste", props.id_prefix);
    let textarea = use_node_ref();
    let on_file = props.on_file.clone();
    let onchange = Callback::from(move |e: Event| {
        let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let files = crate::io::files::file_list(input.files());
        if !files.is_empty() {
            on_file.emit(files);
        }
        // Picking the same file again must open it again.
        input.set_value("");
    });
    let on_text = props.on_text.clone();
    let area = textarea.clone();
    let open_pasted = Callback::from(move |_: MouseEvent| {
        if let Some(area) = area.cast::<web_sys::HtmlTextAreaElement>() {
            let text = area.value();
            if !text.trim().is_empty() {
                on_text.emit(text);
            }
        }
    });
    let on_lang = props.on_lang.clone();
    let other = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
    let switch_lang = Callback::from(move |_: MouseEvent| on_lang.emit(other));
    let on_download = props.on_download.clone();
    let download = Callback::from(move |_: MouseEvent| on_download.emit(()));
    let busy = |what: Waiting| props.waiting == Some(what);
    let busy_attr = |what: Waiting| busy(what).then_some("true");
    let export_menu = use_node_ref();
    let on_download_report = props.on_download_report.clone();
    let download_report = Callback::from(move |_: MouseEvent| on_download_report.emit(()));
    html! {
        <div class="nb-toolbar" role="toolbar" aria-label={tr(lang, "操作", "Actions")}>
            <span class="nb-file">
                <input type="file" id={file_id.clone()} class="nb-file-input" multiple=true accept={nianbao_core::import_note::FILE_PICKER_ACCEPT} {onchange} />
                <label for={file_id} class={crate::class!("nb-button", "nb-primary-button", busy(Waiting::Open).then_some("nb-busy"))}
                    aria-busy={busy_attr(Waiting::Open)}>{tr(lang, "打开您的报告…", "Open your report…")}</label>
            </span>
            <details class="nb-paste">
                <summary class="nb-button">{tr(lang, "粘贴", "Paste")}</summary>
                <div class="nb-paste-body">
                    <label for={paste_id.clone()}>{tr(lang, "把报告的 JSON 或原文（从网页、Word 或 PDF 复制）粘贴到这里：", "Paste the report's JSON, or its text copied from a web page, Word or a PDF:")}</label>
                    <textarea id={paste_id} ref={textarea} rows="6" spellcheck="false" />
                    <button type="button" class="nb-button" onclick={open_pasted}>{tr(lang, "打开", "Open")}</button>
                </div>
            </details>
            <button type="button" class={crate::class!("nb-button", busy(Waiting::New).then_some("nb-busy"))} data-action="new-report"
                aria-busy={busy_attr(Waiting::New)}
                onclick={{ let f = props.on_new.clone(); Callback::from(move |_: MouseEvent| f.emit(())) }}>
                {tr(lang, "新建报告", "New report")}
            </button>
            <button type="button" class={crate::class!("nb-button", busy(Waiting::Previous).then_some("nb-busy"))} data-action="compare-previous"
                aria-busy={busy_attr(Waiting::Previous)} onclick={pick_previous}>{tr(lang, "对照上年报告…", "Compare with last year…")}</button>
            {previous_chip(props)}
            <details class="nb-paste nb-menu" ref={export_menu.clone()}>
                <summary class="nb-button" data-action="export-menu">{tr(lang, "导出", "Export")}<span class="nb-caret" aria-hidden="true">{" ▾"}</span></summary>
                <div class="nb-paste-body nb-menu-body" onclick={close_menu(export_menu)}>
                    <button type="button" class="nb-menu-item" data-action="download-report" onclick={download_report}>
                        <span>{tr(lang, "报告数据（JSON）", "The report's data (JSON)")}</span>
                        <small>{tr(lang, "含您的修改和处理意见，可以再次打开", "With your changes and decisions; opens here again")}</small>
                    </button>
                    <button type="button" class="nb-menu-item" data-action="download-findings" onclick={download}>
                        <span>{tr(lang, "检查结果（JSON）", "The findings (JSON)")}</span>
                        <small>{tr(lang, "每个问题的位置、说明和计算", "Each problem's place, explanation and sums")}</small>
                    </button>
                    {props.children.clone()}
                </div>
            </details>
            if let Some(name) = &props.loading {
                <span class="nb-loading" role="status">{tr(lang, "正在读取：", "Reading: ")}{name.clone()}</span>
            }
            if props.waiting.is_some() {
                <span class="nb-loading nb-toast" role="status" data-testid="loading-tools">
                    <span class="nb-spinner" aria-hidden="true" />
                    {tr(lang, "正在载入编辑和核对工具……", "Loading the editing and review tools…")}
                </span>
            }
            <button type="button" class="nb-button nb-lang" lang={other.code()} onclick={switch_lang}>
                {if lang == Lang::Zh { "English" } else { "中文" }}
            </button>
        </div>
    }
}

/// The report compared with, and the switches of the comparison: last year's
/// report is the workstation's (the viewer hands over to load one).
#[cfg(feature = "workstation")]
fn previous_chip(props: &ToolbarProps) -> Html {
    let lang = props.lang;
    let Some(previous) = &props.previous else {
        return Html::default();
    };
    html! {
        <span class="nb-previous" data-testid="previous">
            {tr(lang, "对照：", "Compared with: ")}{previous.clone()}
            <button type="button" class="nb-button" aria-pressed={props.compare.to_string()}
                onclick={{ let f = props.on_compare.clone(); Callback::from(move |_: MouseEvent| f.emit(())) }}>
                {tr(lang, "并排显示上年数字", "Show last year's numbers")}
            </button>
            <button type="button" class="nb-button" aria-label={tr(lang, "不再对照上年报告", "Stop comparing with last year")}
                onclick={{ let f = props.on_clear_previous.clone(); Callback::from(move |_: MouseEvent| f.emit(())) }}>{"×"}</button>
        </span>
    }
}

#[cfg(not(feature = "workstation"))]
fn previous_chip(_: &ToolbarProps) -> Html {
    Html::default()
}
