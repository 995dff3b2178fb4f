//! The findings panel, grouped by severity (settled ones last). Selecting a
//! finding highlights its cells, scrolls to them and shows its calculation.

use crate::components::breakdown::Breakdown;
use crate::components::settle::SettleForm;
use crate::i18n::{severity_name, tr};
use crate::state::{Edit, Shared};
use nianbao_core::diagnostic::{Diagnostic, Severity};
use nianbao_core::message::{message, place};
use nianbao_core::{Checked, Lang, Template};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FindingsPanelProps {
    pub checked: Shared<Checked>,
    pub template: Template,
    pub selected: Option<usize>,
    pub lang: Lang,
    pub on_select: Callback<Option<usize>>,
    /// A complementary landmark on the whole page; a plain block when
    /// embedded in a host page.
    #[prop_or(true)]
    pub landmark: bool,
    /// Where reviewers' decisions go (the whole-page app); none: read-only.
    #[prop_or_default]
    pub on_settle: Option<Callback<Edit>>,
}

fn location(d: &Diagnostic, template: Template, lang: Lang) -> String {
    match (d.position, lang) {
        (Some(p), Lang::Zh) => format!("第 {} 行第 {} 列", p.line, p.column),
        (Some(p), Lang::En) => format!("line {}, column {}", p.line, p.column),
        (None, _) => place(template, d.pointers.first().map_or("", String::as_str), lang),
    }
}

#[component]
pub fn FindingsPanel(props: &FindingsPanelProps) -> Html {
    let lang = props.lang;
    let diagnostics = &props.checked.diagnostics;
    if diagnostics.is_empty() {
        let run = props.checked.summary.checks_run;
        let text = match lang {
            Lang::Zh => format!("全部 {run} 项检查均已通过，表格的勾稽关系成立，文字与表格一致。"),
            Lang::En => {
                format!("All {run} checks passed: the tables add up and the text agrees with them.")
            }
        };
        return html! {
            <@{if props.landmark { "aside" } else { "div" }} class="nb-findings" aria-label={props.landmark.then(|| tr(lang, "检查结果", "Findings"))}>
                <h2 class="nb-section-heading">{tr(lang, "检查结果", "Findings")}</h2>
                <p class="nb-all-clear">{text}</p>
            </@>
        };
    }
    let item = |index: usize| -> Html {
        let d = &diagnostics[index];
        let selected = props.selected == Some(index);
        let on_select = props.on_select.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_select.emit(if selected { None } else { Some(index) }));
        let settled = d.settled.as_ref().map(|s| {
            let word = if d.is_dismissed() { tr(lang, "已排除", "Dismissed") } else { tr(lang, "已确认", "Confirmed") };
            html! { <span class="nb-settled">{word}{ (!s.comment.is_empty()).then(|| format!("：{}", s.comment)) }</span> }
        });
        html! {
            <li class={classes!("nb-finding", format!("nb-{}", d.severity().code()), selected.then_some("nb-selected"))}
                data-rule={d.rule.code()} data-pointers={d.pointers.join(" ")} data-severity={d.severity().code()}>
                <button type="button" class="nb-finding-button" aria-expanded={selected.to_string()} {onclick}>
                    <span class="nb-finding-head">
                        <span class="nb-place">{location(d, props.template, lang)}</span>
                        <code class="nb-rule">{d.rule.code()}</code>
                    </span>
                    <span class="nb-message">{message(d, props.template, lang)}</span>
                    {settled}
                </button>
                if selected {
                    <Breakdown diagnostic={d.clone()} template={props.template} {lang} />
                    if let Some(on_settle) = &props.on_settle {
                        <SettleForm diagnostic={d.clone()} {lang} on_settle={on_settle.clone()} />
                    }
                }
            </li>
        }
    };
    let group = |severity: Option<Severity>| -> Html {
        let indices: Vec<usize> = (0..diagnostics.len())
            .filter(|&i| match severity {
                Some(s) => !diagnostics[i].is_dismissed() && diagnostics[i].severity() == s,
                None => diagnostics[i].is_dismissed(),
            })
            .collect();
        if indices.is_empty() {
            return html! {};
        }
        let title = severity.map_or(tr(lang, "已排除", "Dismissed"), |s| severity_name(s, lang));
        let class = severity.map_or("nb-group-dismissed", |s| match s {
            Severity::Error => "nb-group-error",
            Severity::Warning => "nb-group-warning",
            Severity::Info => "nb-group-info",
        });
        html! {
            <section class={classes!("nb-group", class)}>
                <h3>{title}{format!(" ({})", indices.len())}</h3>
                <ol>{ for indices.into_iter().map(item) }</ol>
            </section>
        }
    };
    html! {
        <@{if props.landmark { "aside" } else { "div" }} class="nb-findings" aria-label={props.landmark.then(|| tr(lang, "检查结果", "Findings"))}>
            <h2 class="nb-section-heading">{tr(lang, "检查结果", "Findings")}</h2>
            <p class="nb-hint">{tr(lang, "点击一条结果，表格中相应的格子会突出显示。", "Select a finding to highlight its cells in the tables.")}</p>
            {group(Some(Severity::Error))}
            {group(Some(Severity::Warning))}
            {group(Some(Severity::Info))}
            {group(None)}
        </@>
    }
}
