//! Opening a report (file picker, pasted text), downloading the findings, and
//! the language switch. Drag and drop works anywhere on the page (a hook).

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
    /// The workstation (the editing and review tools) is being loaded.
    #[prop_or_default]
    pub loading_tools: bool,
    #[prop_or_default]
    pub can_undo: bool,
    #[prop_or_default]
    pub can_redo: bool,
    #[prop_or_default]
    pub on_undo: Callback<()>,
    #[prop_or_default]
    pub on_redo: Callback<()>,
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
    html! {
        <div class="nb-toolbar" role="toolbar" aria-label={tr(lang, "操作", "Actions")}>
            <span class="nb-file">
                <input type="file" id={file_id.clone()} class="nb-file-input" multiple=true accept={nianbao_core::import_note::FILE_PICKER_ACCEPT} {onchange} />
                <label for={file_id} class="nb-button nb-primary-button">{tr(lang, "打开文件…", "Open file…")}</label>
            </span>
            <button type="button" class="nb-button nb-tool" data-action="new-report"
                onclick={{ let f = props.on_new.clone(); Callback::from(move |_: MouseEvent| f.emit(())) }}>
                {tr(lang, "新建报告", "New report")}
            </button>
            <button type="button" class="nb-button nb-tool" onclick={pick_previous}>{tr(lang, "对照上年报告…", "Compare with last year…")}</button>
            if let Some(previous) = &props.previous {
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
            <details class="nb-paste">
                <summary class="nb-button">{tr(lang, "粘贴", "Paste")}</summary>
                <div class="nb-paste-body">
                    <label for={paste_id.clone()}>{tr(lang, "把报告的 JSON 或原文（从网页、Word 或 PDF 复制）粘贴到这里：", "Paste the report's JSON, or its text copied from a web page, Word or a PDF:")}</label>
                    <textarea id={paste_id} ref={textarea} rows="6" spellcheck="false" />
                    <button type="button" class="nb-button" onclick={open_pasted}>{tr(lang, "打开", "Open")}</button>
                </div>
            </details>
            <button type="button" class="nb-button" onclick={download}>{tr(lang, "下载检查结果", "Download findings")}</button>
            <button type="button" class="nb-button" onclick={{ let f = props.on_download_report.clone(); Callback::from(move |_: MouseEvent| f.emit(())) }}>
                {tr(lang, "下载报告 JSON", "Download report JSON")}
            </button>
            <button type="button" class="nb-button" disabled={!props.can_undo} title={tr(lang, "撤销（Ctrl+Z）", "Undo (Ctrl+Z)")}
                onclick={{ let f = props.on_undo.clone(); Callback::from(move |_: MouseEvent| f.emit(())) }}>{tr(lang, "撤销", "Undo")}</button>
            <button type="button" class="nb-button" disabled={!props.can_redo} title={tr(lang, "重做（Ctrl+Y）", "Redo (Ctrl+Y)")}
                onclick={{ let f = props.on_redo.clone(); Callback::from(move |_: MouseEvent| f.emit(())) }}>{tr(lang, "重做", "Redo")}</button>
            <span class="nb-drop-hint">{tr(lang, "也可以把文件拖到页面任意位置，或粘贴报告原文。", "Or drop a file anywhere, or paste the report's text.")}</span>
            if let Some(name) = &props.loading {
                <span class="nb-loading" role="status">{tr(lang, "正在读取：", "Reading: ")}{name.clone()}</span>
            }
            if props.loading_tools {
                <span class="nb-loading" role="status" data-testid="loading-tools">
                    {tr(lang, "正在载入编辑和核对工具……", "Loading the editing and review tools…")}
                </span>
            }
            <button type="button" class="nb-button nb-lang" lang={other.code()} onclick={switch_lang}>
                {if lang == Lang::Zh { "English" } else { "中文" }}
            </button>
        </div>
    }
}
