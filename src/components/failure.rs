//! Why the last file could not be opened, with line and column, above the
//! report that stays on screen.

use crate::i18n::tr;
use crate::state::{Failure, Origin};
use nianbao_core::message::{self as words, message};
use nianbao_core::Lang;
use yew::prelude::*;

pub fn origin_name(origin: &Origin, lang: Lang) -> String {
    match origin {
        Origin::BuiltinSample => tr(lang, "内置示例", "built-in sample").to_string(),
        Origin::File(name) => name.clone(),
        Origin::Pasted => tr(lang, "粘贴的文本", "pasted text").to_string(),
        Origin::Url(url) => url.clone(),
        Origin::Inline => tr(lang, "本页所附数据", "the data in this page").to_string(),
        Origin::New(_) => tr(lang, "新建报告", "new report").to_string(),
    }
}

/// Why the last file could not be opened; `keeps_report` when a report is on screen and stays there.
pub fn failure_banner(failure: &Failure, lang: Lang, on_dismiss: &Callback<()>, keeps_report: bool) -> Html {
    let (what, details): (String, Html) = match failure {
        Failure::Unreadable(opened) => {
            let name = origin_name(&opened.origin, lang);
            // Only the workstation's importer refuses files; the viewer does
            // not carry the words.
            #[cfg(feature = "workstation")]
            let refusal = opened.refused.as_ref().map(|r| html! { <li data-refusal="">{r.message(lang)}</li> });
            #[cfg(not(feature = "workstation"))]
            let refusal: Option<Html> = None;
            let items = opened.checked.diagnostics.iter().map(|d| {
                let position = d.position.map(|p| format!("{}{}", words::position_text(p, lang), words::colon(lang)));
                html! {
                    <li data-rule={d.rule.code()} data-pointers={d.pointers.join(" ")}>
                        <strong>{position}</strong>{message(d, opened.loaded.template(), lang)}
                    </li>
                }
            });
            (
                match lang {
                    Lang::Zh => format!("无法打开「{name}」"),
                    Lang::En => format!("Could not open “{name}”"),
                },
                html! { <ul>{ for refusal }{ for items }</ul> },
            )
        }
        Failure::Fetch { url, reason } => (
            match lang {
                Lang::Zh => format!("无法获取 {url}"),
                Lang::En => format!("Could not fetch {url}"),
            },
            html! { <p>{reason.clone()}{tr(lang, "。请检查网址是否正确，以及该网站是否允许本页面读取（跨域限制）。", ". Check the address, and whether that site lets this page read it (cross-origin rules).")}</p> },
        ),
        Failure::File { name, reason } => (
            match lang {
                Lang::Zh => format!("无法读取文件「{name}」"),
                Lang::En => format!("Could not read the file “{name}”"),
            },
            html! { <p>{reason.clone()}</p> },
        ),
        Failure::TooLarge { name, size } => (
            match lang {
                Lang::Zh => format!("无法打开「{name}」"),
                Lang::En => format!("Could not open “{name}”"),
            },
            html! { <p>{nianbao_core::import_note::too_large(*size, nianbao_core::MAX_REPORT_BYTES, lang)}</p> },
        ),
        Failure::NoDraft { name } => (
            match lang {
                Lang::Zh => format!("「{name}」不能作为底稿"),
                Lang::En => format!("“{name}” cannot be the draft"),
            },
            html! { <p>{tr(lang,
            "这份报告没有写明年度或机关名称，无法推出下一年度的报告。请选择上一年度同一机关的年报 JSON 文件，或用“新建报告”从空白模板开始。",
            "It names no year or no agency, so next year's report cannot follow from it. Pick last year's report (JSON) of the same agency, or start from the blank template.")}</p> },
        ),
        Failure::Tools { reason } => (
            tr(lang, "无法载入编辑和核对工具", "Could not load the editing and review tools").to_string(),
            html! { <p>{reason.clone()}{tr(lang,
            "。编辑、处理检查结果、对照上年、批量检查和导入 Word 或网页文本，需要再下载一个文件。请检查网络连接后重试。",
            ". Editing, settling findings, comparing years, batches and importing Word or web text need one more file; check the connection and try again.")}</p> },
        ),
    };
    let on_dismiss = on_dismiss.clone();
    let onclick = Callback::from(move |_: MouseEvent| on_dismiss.emit(()));
    html! {
        <div class="nb-failure" role="alert">
            <h2>{what}</h2>
            {details}
            if keeps_report {
                <p class="nb-kept">{tr(lang, "页面上仍显示之前的报告，没有任何内容丢失。", "The report shown before is still on screen; nothing was lost.")}</p>
            }
            <button type="button" class="nb-button" {onclick}>{tr(lang, "知道了", "Dismiss")}</button>
        </div>
    }
}
