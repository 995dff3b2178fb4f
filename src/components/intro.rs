//! The first visit's line: what Nianbao is, and that the report on screen is
//! only an example (the built-in sample).

use crate::i18n::tr;
use nianbao_core::Lang;
use yew::prelude::*;

pub fn intro(lang: Lang) -> Html {
    html! {
        <aside class="nb-intro" data-testid="intro" aria-label={tr(lang, "关于年报", "About Nianbao")}>
            <p>
                <strong>{tr(lang, "年报", "Nianbao")}</strong>
                {tr(lang,
                    "在您的浏览器里显示、核对和撰写政府信息公开工作年度报告，文件不会上传。",
                    " shows, checks and writes government information-disclosure annual reports in your browser; nothing is uploaded.")}
            </p>
            <p>
                <span class="nb-example-tag">{tr(lang, "示例", "Example")}</span>
                {tr(lang,
                    "下面是一份示例报告。打开您的报告（PDF、Word、网页或 JSON，也可以拖到页面上或直接粘贴原文）即可检查。",
                    "The report below is an example. Open your report (a PDF, Word file, web page or JSON; or drop it on the page, or paste its text) to check it.")}
            </p>
        </aside>
    }
}
