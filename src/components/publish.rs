//! Publishing the report on screen (the workstation): as a static web page
//! (the whole page, or the report's part alone for a CMS editor; with the
//! report's data for `<nianbao-report>` if asked), as a Word file, or on
//! paper, with its findings or without.

use crate::i18n::tr;
use crate::io::download::Download;
use nianbao_core::Lang;
use nianbao_publish::Page;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PublishProps {
    pub lang: Lang,
    pub id_prefix: AttrValue,
    /// A report is on screen.
    pub ready: bool,
    pub on_download: Callback<Download>,
    /// Print: with the findings (`true`) or the report alone.
    pub on_print: Callback<bool>,
}

#[component]
pub fn PublishTools(props: &PublishProps) -> Html {
    let lang = props.lang;
    let page = use_state(Page::default);
    let findings = use_state(|| false);
    let checkbox = |set: fn(&mut Page, bool)| {
        let page = page.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                let mut next = *page;
                set(&mut next, input.checked());
                page.set(next);
            }
        })
    };
    let export_html = {
        let (page, on_download) = (page.clone(), props.on_download.clone());
        Callback::from(move |_: MouseEvent| on_download.emit(Download::Page(*page)))
    };
    let export_docx = props.on_download.reform(|_: MouseEvent| Download::Word);
    let choose = {
        let findings = findings.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                findings.set(select.value() == "findings");
            }
        })
    };
    let print = {
        let (findings, on_print) = (findings.clone(), props.on_print.clone());
        Callback::from(move |_: MouseEvent| on_print.emit(*findings))
    };
    let id = |name: &str| format!("{}publish-{name}", props.id_prefix);
    let disabled = !props.ready;
    html! {
        <div class="nb-publish nb-menu-section" role="group" aria-label={tr(lang, "发布", "Publish")}>
            <p class="nb-menu-heading">{tr(lang, "发布", "Publish")}</p>
            <button type="button" class="nb-menu-item" data-action="export-html" {disabled} onclick={export_html}>
                <span>{tr(lang, "网页（HTML）", "Web page (HTML)")}</span>
                <small>{tr(lang, "按官方格式排版的静态网页，不含脚本，可直接放到政府网站", "A static page in the official layout, with no script, ready for a government site")}</small>
            </button>
            <div class="nb-menu-options">
                <label for={id("fragment")}>
                    <input type="checkbox" id={id("fragment")} checked={page.fragment} onchange={checkbox(|p, on| p.fragment = on)} />
                    {tr(lang, "只要报告部分（粘贴到网站编辑器）", "The report's part only (to paste into a CMS editor)")}
                </label>
                <label for={id("data")}>
                    <input type="checkbox" id={id("data")} checked={page.data} onchange={checkbox(|p, on| p.data = on)} />
                    {tr(lang, "附带报告数据（供 <nianbao-report> 显示检查）", "With the report's data (for <nianbao-report>)")}
                </label>
            </div>
            <button type="button" class="nb-menu-item" data-action="export-docx" {disabled} onclick={export_docx}>
                <span>{tr(lang, "Word 文件（.docx）", "Word file (.docx)")}</span>
                <small>{tr(lang, "保留官方表格的合并单元格和字体", "Keeps the official tables' merged cells and fonts")}</small>
            </button>
            <span class="nb-print">
                <select id={id("print-what")} aria-label={tr(lang, "打印内容", "What to print")} onchange={choose}>
                    <option value="report" selected={!*findings}>{tr(lang, "报告正文", "Report only")}</option>
                    <option value="findings" selected={*findings}>{tr(lang, "报告和检查结果", "Report and findings")}</option>
                </select>
                <button type="button" class="nb-button" data-action="print" {disabled} onclick={print}>{tr(lang, "打印", "Print")}</button>
            </span>
        </div>
    }
}
