//! The findings panel, grouped by severity (settled ones last). Selecting a
//! finding highlights its cells, scrolls to them and shows its calculation.

use crate::components::breakdown::breakdown;
use crate::components::settle::{SettleForm, SettleFormProps};
use crate::i18n::tr;
use crate::state::{Edit, Shared};
use nianbao_core::diagnostic::{Severity, Status};
use nianbao_core::message::{self as words, message};
use nianbao_core::{Checked, Lang, Template};
use yew::prelude::*;

/// What `findings_panel` shows.
pub struct FindingsPanelProps {
    pub checked: Shared<Checked>,
    pub template: Template,
    pub selected: Option<usize>,
    pub lang: Lang,
    pub on_select: Callback<Option<usize>>,
    /// A complementary landmark on the whole page; a plain block when
    /// embedded in a host page.
    pub landmark: bool,
    /// Where reviewers' decisions go (the whole-page app); none: read-only.
    pub on_settle: Option<Callback<Edit>>,
}

pub fn findings_panel(props: &FindingsPanelProps) -> Html {
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
            <li class={crate::class!("nb-finding", format!("nb-{}", d.severity().code()), selected.then_some("nb-selected"))}
                data-rule={d.rule.code()} data-pointers={d.pointers.join(" ")} data-severity={d.severity().code()}>
                <button type="button" class="nb-finding-button" aria-expanded={selected.to_string()} {onclick}>
                    <span class="nb-place">{words::location(d, props.template, lang)}</span>
                    <span class="nb-message">{message(d, props.template, lang)}</span>
                    {settled}
                </button>
                if selected {
                    {breakdown(d, props.template, lang)}
                    if let Some(on_settle) = &props.on_settle {
                        <SettleForm ..SettleFormProps::of(d, lang, on_settle.clone()) />
                    }
                }
                // The rule's code, for those who write to the project or
                // script against it, behind a disclosure: not on every card.
                <details class="nb-finding-details">
                    <summary>{tr(lang, "详情", "Details")}</summary>
                    <code class="nb-rule">{d.rule.code()}</code>
                </details>
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
        let count = indices.len();
        html! {
            <section class={crate::class!("nb-group", class)}>
                <h3>{title}{format!(" ({count})")}</h3>
                <ol>{ for repeated(diagnostics, indices).into_iter().map(|entry| match entry {
                    Entry::One(index) => item(index),
                    Entry::Many { rule, part, indices } => {
                        // Open when the finding selected is one of them.
                        let open = props.selected.is_some_and(|s| indices.contains(&s));
                        html! {
                            <li class="nb-finding-group" data-group-rule={rule.code()} data-part={part} data-count={indices.len().to_string()}>
                                <details {open}>
                                    <summary>{words::repeated_text(rule, part, indices.len(), lang)}</summary>
                                    <ol>{ for indices.into_iter().map(item) }</ol>
                                </details>
                            </li>
                        }
                    }
                }) }</ol>
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

/// A line of a group of findings: one finding, or many of one rule in one
/// part of the report (表三有 175 个空白格), which opens onto them.
pub(crate) enum Entry {
    One(usize),
    Many { rule: nianbao_core::diagnostic::Rule, part: &'static str, indices: Vec<usize> },
}

/// The findings of a group in their order, those of one rule in one part
/// gathered into one line where the first of them stands when there are
/// [`words::REPEATED_FROM`] or more.
pub(crate) fn repeated(diagnostics: &[nianbao_core::diagnostic::Diagnostic], indices: Vec<usize>) -> Vec<Entry> {
    let key = |i: usize| words::part_of(&diagnostics[i]).map(|part| (diagnostics[i].rule, part));
    let count =
        |k: (nianbao_core::diagnostic::Rule, &'static str)| indices.iter().filter(|&&i| key(i) == Some(k)).count();
    let mut entries: Vec<Entry> = Vec::new();
    for &index in &indices {
        match key(index).filter(|&k| count(k) >= words::REPEATED_FROM) {
            Some((rule, part)) => {
                let existing = entries.iter_mut().find_map(|e| match e {
                    Entry::Many { rule: r, part: p, indices } if *r == rule && *p == part => Some(indices),
                    _ => None,
                });
                match existing {
                    Some(list) => list.push(index),
                    None => entries.push(Entry::Many { rule, part, indices: vec![index] }),
                }
            }
            None => entries.push(Entry::One(index)),
        }
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::{repeated, Entry};
    use nianbao_core::date::Date;

    #[test]
    fn a_blank_reports_blank_cells_are_three_lines_and_nothing_is_left_out() {
        let document = nianbao_core::new::blank(2025, "某某局", None);
        let loaded = nianbao_core::load_value(document);
        let context = nianbao_core::Context { today: Date::new(2026, 3, 1).unwrap(), previous: None };
        let checked = nianbao_core::validate(&loaded, &context);
        let warnings: Vec<usize> = (0..checked.diagnostics.len())
            .filter(|&i| checked.diagnostics[i].severity() == nianbao_core::diagnostic::Severity::Warning)
            .collect();
        let entries = repeated(&checked.diagnostics, warnings.clone());
        let lines: Vec<(String, usize)> = entries
            .iter()
            .map(|e| match e {
                Entry::One(i) => (checked.diagnostics[*i].rule.code().to_string(), 1),
                Entry::Many { rule, part, indices } => (format!("{} {part}", rule.code()), indices.len()),
            })
            .collect();
        let many: Vec<&(String, usize)> = lines.iter().filter(|(_, n)| *n > 1).collect();
        assert_eq!(
            many,
            [
                &("cell-blank proactive".to_string(), 10),
                &("cell-blank applications".to_string(), 175),
                &("cell-blank appeals".to_string(), 15)
            ]
        );
        // Every finding is in exactly one line, in the order they came.
        let mut all: Vec<usize> = entries
            .into_iter()
            .flat_map(|e| match e {
                Entry::One(i) => vec![i],
                Entry::Many { indices, .. } => indices,
            })
            .collect();
        all.sort_unstable();
        assert_eq!(all, warnings);
        // Fewer than four of a kind stay as they are.
        let few: Vec<usize> =
            warnings.iter().copied().filter(|&i| checked.diagnostics[i].rule.code() == "section-empty").collect();
        assert!(repeated(&checked.diagnostics, few).iter().all(|e| matches!(e, Entry::One(_))));
        assert_eq!(
            nianbao_core::message::repeated_text(
                checked.diagnostics[warnings[0]].rule,
                "applications",
                175,
                nianbao_core::Lang::Zh
            ),
            "表三有 175 个空白格"
        );
    }
}
