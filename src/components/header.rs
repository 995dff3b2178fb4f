//! The report's header: title, agency, year, template and the other facts of
//! the top level, each carrying its pointer so findings can point at it.

use crate::i18n::tr;
use crate::state::{Edit, Shared};
use crate::view::Flag;
use nianbao_core::json::Value;
use nianbao_core::template::TOP_LEVEL_KEYS;
use nianbao_core::{Lang, Loaded};
use std::collections::HashMap;
#[cfg(feature = "workstation")]
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What `report_header` shows.
pub struct ReportHeaderProps {
    pub loaded: Shared<Loaded>,
    pub flags: Shared<HashMap<String, Flag>>,
    /// Where the report came from; `None`: not shown.
    pub origin: Option<AttrValue>,
    pub lang: Lang,
    /// Show the title (an embedding host with its own heading leaves it out).
    pub show_title: bool,
    /// The facts can be edited in place.
    pub editable: bool,
    /// They are being edited.
    pub editing: bool,
    /// Start (`Some("")`, the document's root) or stop (`None`) editing them.
    pub on_edit_start: Callback<Option<String>>,
    pub on_edit: Callback<Edit>,
}

pub fn report_header(props: &ReportHeaderProps) -> Html {
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
    let toggle = props.editable.then(|| {
        let start = props.on_edit_start.clone();
        let editing = props.editing;
        html! {
            <button type="button" class="nb-button nb-edit-text" data-action="edit-facts" aria-pressed={editing.to_string()}
                onclick={Callback::from(move |_: MouseEvent| start.emit((!editing).then(String::new)))}>
                {if editing { tr(lang, "完成", "Done") } else { tr(lang, "编辑信息", "Edit details") }}
            </button>
        }
    });
    html! {
        <header class="nb-header">
            if props.show_title {
                <p class="nb-eyebrow">{tr(lang, "政府信息公开工作年度报告", "Government information disclosure annual report")}{toggle}</p>
                <h1 class="nb-title" data-pointer="/title" data-severity={severity("/title")}>{title}</h1>
            }
            {facts_form(props)}
            <dl class="nb-facts">
                {field("/agency", tr(lang, "机关", "Agency"), report.agency.clone())}
                {field("/year", tr(lang, "年度", "Year"), report.year.map(|y| y.to_string()))}
                {field("/template", tr(lang, "模板", "Template"), Some(template))}
                {field("/kind", tr(lang, "类别", "Kind"), kind)}
                {field("/published", tr(lang, "发布日期", "Published"), report.published.map(|d| d.to_string()))}
                if let Some(origin) = &props.origin {
                    <div class="nb-fact"><dt>{tr(lang, "来源", "Opened from")}</dt><dd>{origin.clone()}</dd></div>
                }
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

/// The facts' fields while they are edited (the workstation only: the viewer
/// hands editing over to it).
#[cfg(feature = "workstation")]
fn facts_form(props: &ReportHeaderProps) -> Html {
    if !props.editing {
        return Html::default();
    }
    html! { <FactsForm loaded={props.loaded.clone()} lang={props.lang} on_edit={props.on_edit.clone()} /> }
}

#[cfg(not(feature = "workstation"))]
fn facts_form(_: &ReportHeaderProps) -> Html {
    Html::default()
}

#[cfg(feature = "workstation")]
#[derive(Properties, PartialEq)]
struct FactsFormProps {
    loaded: Shared<Loaded>,
    lang: Lang,
    on_edit: Callback<Edit>,
}

/// The report's facts as fields; each change is an edit (`Edit::Fact`),
/// re-checked at once (`title-year`, `published-late`, `template-year`).
#[cfg(feature = "workstation")]
#[component]
fn FactsForm(props: &FactsFormProps) -> Html {
    let lang = props.lang;
    // The facts as written in the document (a year typed in words shows as
    // typed, for the checks to flag).
    let raw = |key: &str| -> String {
        match props.loaded.document.as_ref().and_then(|d| d.pointer(&format!("/{key}"))) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Null) | None => String::new(),
            Some(other) => other.to_json(),
        }
    };
    let change = |key: &'static str| {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: Event| {
            let value = e.target().and_then(|t| {
                t.dyn_ref::<web_sys::HtmlInputElement>()
                    .map(|i| i.value())
                    .or_else(|| t.dyn_ref::<web_sys::HtmlSelectElement>().map(|s| s.value()))
            });
            if let Some(text) = value {
                on_edit.emit(Edit::Fact { key: key.to_string(), text });
            }
        })
    };
    let field = |key: &'static str, label: &'static str, input: Html| {
        html! {
            <div class={crate::class!("nb-field", matches!(key, "agency" | "source").then_some("nb-field-wide"), (key == "title").then_some("nb-field-full"))}>
                <label for={format!("nb-fact-{key}")}>{label}</label>
                {input}
            </div>
        }
    };
    let text = |key: &'static str, kind: &'static str| {
        html! { <input id={format!("nb-fact-{key}")} type={kind} value={raw(key)} onchange={change(key)} data-fact={key} /> }
    };
    let kind = raw("kind");
    html! {
        <form class="nb-facts-form" data-testid="facts-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            {field("title", tr(lang, "标题", "Title"), text("title", "text"))}
            {field("agency", tr(lang, "机关", "Agency"), text("agency", "text"))}
            {field("year", tr(lang, "年度", "Year"), html! {
                <input id="nb-fact-year" type="text" inputmode="numeric" value={raw("year")} onchange={change("year")} data-fact="year" />
            })}
            {field("kind", tr(lang, "类别", "Kind"), html! {
                <select id="nb-fact-kind" onchange={change("kind")} data-fact="kind">
                    <option value="" selected={kind.is_empty()}>{tr(lang, "（不填）", "(not given)")}</option>
                    { for nianbao_core::model::Kind::ALL.iter().map(|k| html! {
                        <option value={k.code()} selected={kind == k.code()}>{k.label().get(lang)}</option>
                    }) }
                </select>
            })}
            // A date picker, unless what is written is not a date (it would
            // show as blank): then the text as written.
            {field("published", tr(lang, "发布日期", "Published"), {
                let written = raw("published");
                let picker = written.is_empty() || nianbao_core::date::Date::parse(&written).is_some();
                text("published", if picker { "date" } else { "text" })
            })}
            {field("source", tr(lang, "来源（网址）", "Source (address)"), text("source", "text"))}
        </form>
    }
}
