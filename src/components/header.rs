//! The report's header: title, agency, year, template and the other facts of
//! the top level, each carrying its pointer so findings can point at it.

use crate::i18n::tr;
use crate::state::Shared;
use crate::view::Flag;
use nianbao_core::json::Value;
use nianbao_core::template::TOP_LEVEL_KEYS;
use nianbao_core::{Lang, Loaded};
use std::collections::HashMap;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReportHeaderProps {
    pub loaded: Shared<Loaded>,
    pub flags: Shared<HashMap<String, Flag>>,
    pub origin: AttrValue,
    pub lang: Lang,
}

#[component]
pub fn ReportHeader(props: &ReportHeaderProps) -> Html {
    let lang = props.lang;
    let Some(report) = props.loaded.report.as_ref() else {
        return html! {};
    };
    let severity = |pointer: &str| props.flags.get(pointer).and_then(|f| f.severity).map(|s| s.code());
    let title = report.title.clone().unwrap_or_else(|| {
        let agency = report.agency.clone().unwrap_or_default();
        let year = report.year.map(|y| y.to_string()).unwrap_or_default();
        format!(
            "{agency}{year}{}",
            tr(lang, "年政府信息公开工作年度报告", " government information disclosure annual report")
        )
    });
    let field = |pointer: &'static str, label: &'static str, value: Option<String>| -> Html {
        match value {
            None => html! {},
            Some(value) => html! {
                <div class="nb-fact" data-pointer={pointer} data-severity={severity(pointer)}>
                    <dt>{label}</dt><dd>{value}</dd>
                </div>
            },
        }
    };
    let template = format!(
        "{}{}{}",
        report.template.code(),
        tr(lang, " 版", " template"),
        if report.template_declared { "" } else { tr(lang, "（推断）", " (inferred)") }
    );
    let kind = report.kind.map(|k| k.label().get(lang).to_string());
    // Keys the format does not define: shown, never dropped.
    let unknown: Vec<(String, String)> = match &props.loaded.document {
        Some(Value::Object(o)) => o
            .iter()
            .filter(|(k, _)| !TOP_LEVEL_KEYS.contains(k))
            .map(|(k, v)| (k.to_string(), v.to_json().chars().take(200).collect()))
            .collect(),
        _ => Vec::new(),
    };
    html! {
        <header class="nb-header">
            <p class="nb-eyebrow">{tr(lang, "政府信息公开工作年度报告", "Government information disclosure annual report")}</p>
            <h1 class="nb-title" data-pointer="/title" data-severity={severity("/title")}>{title}</h1>
            <dl class="nb-facts">
                {field("/agency", tr(lang, "机关", "Agency"), report.agency.clone())}
                {field("/year", tr(lang, "年度", "Year"), report.year.map(|y| y.to_string()))}
                {field("/template", tr(lang, "模板", "Template"), Some(template))}
                {field("/kind", tr(lang, "类别", "Kind"), kind)}
                {field("/published", tr(lang, "发布日期", "Published"), report.published.map(|d| d.to_string()))}
                <div class="nb-fact"><dt>{tr(lang, "来源", "Opened from")}</dt><dd>{props.origin.clone()}</dd></div>
            </dl>
            if !unknown.is_empty() {
                <details class="nb-unknown">
                    <summary>{tr(lang, "格式未定义的字段（已原样保留）", "Keys the format does not define (kept as they are)")}</summary>
                    <dl>{ for unknown.iter().map(|(k, v)| html! { <div class="nb-fact" data-pointer={format!("/{k}")}><dt>{k.clone()}</dt><dd><code>{v.clone()}</code></dd></div> }) }</dl>
                </details>
            }
        </header>
    }
}
