//! The findings panel, grouped by severity (settled ones last). Selecting a
//! finding highlights its cells, scrolls to them and shows its calculation.

use crate::components::breakdown::Breakdown;
use crate::components::settle::SettleForm;
use crate::i18n::tr;
use crate::state::{Edit, Shared};
use nianbao_core::diagnostic::{Severity, Status};
use nianbao_core::message::{self as words, message};
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

#[component]
pub fn FindingsPanel(props: &FindingsPanelProps) -> Html {
    let lang = props.lang;
    let diagnostics = &props.checked.diagnostics;
    if diagnostics.is_empty() {
        let run = props.checked.summary.checks_run;
        let text = words::all_passed(run, lang);
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
        let settled =
            d.settled.as_ref().map(|s| html! { <span class="nb-settled">{words::settled_text(s, lang)}</span> });
        html! {
            <li class={classes!("nb-finding", format!("nb-{}", d.severity().code()), selected.then_some("nb-selected"))}
                data-rule={d.rule.code()} data-pointers={d.pointers.join(" ")} data-severity={d.severity().code()}>
                <button type="button" class="nb-finding-button" aria-expanded={selected.to_string()} {onclick}>
                    <span class="nb-finding-head">
                        <span class="nb-place">{words::location(d, props.template, lang)}</span>
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
        let title = severity.map_or(words::status_label(Status::Dismissed, lang), |s| words::severity_heading(s, lang));
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
