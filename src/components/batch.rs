//! Many reports at once: a progress bar while they are read, then a sortable
//! summary (agency, year, template, errors, warnings) that opens any report,
//! the `aggregate-sum` check of a parent against its subordinates, and the
//! summary and all findings as CSV and JSON.

use crate::components::trend_chart::TrendChart;
use crate::i18n::tr;
use crate::io::download::BatchDownload;
use crate::state::{Batch, BatchEntry, Shared};
use nianbao_core::diagnostic::Severity;
use nianbao_core::message as words;
use nianbao_core::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BatchPanelProps {
    pub batch: Shared<Batch>,
    pub lang: Lang,
    pub on_open: Callback<usize>,
    pub on_close: Callback<()>,
    /// Asks for the summary or the findings as a file.
    pub on_download: Callback<BatchDownload>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SortBy {
    File,
    Agency,
    Year,
    Errors,
    Warnings,
}

fn agency(e: &BatchEntry) -> String {
    e.opened.loaded.report.as_ref().and_then(|r| r.agency.clone()).unwrap_or_default()
}

fn year(e: &BatchEntry) -> Option<i64> {
    e.opened.loaded.report.as_ref().and_then(|r| r.year)
}

#[component]
pub fn BatchPanel(props: &BatchPanelProps) -> Html {
    let lang = props.lang;
    let batch = &*props.batch;
    let sort = use_state(|| (SortBy::Errors, true));
    // A thousand rows take a while to draw: the first ones, until asked.
    let show_all = use_state(|| false);
    const FIRST_ROWS: usize = 100;
    let mut order: Vec<usize> = (0..batch.entries.len()).collect();
    let (by, descending) = *sort;
    order.sort_by(|&a, &b| {
        let (x, y) = (&batch.entries[a], &batch.entries[b]);
        let ordering = match by {
            SortBy::File => x.name.cmp(&y.name),
            SortBy::Agency => agency(x).cmp(&agency(y)),
            SortBy::Year => year(x).cmp(&year(y)),
            SortBy::Errors => x.opened.checked.summary.errors.cmp(&y.opened.checked.summary.errors),
            SortBy::Warnings => x.opened.checked.summary.warnings.cmp(&y.opened.checked.summary.warnings),
        };
        if descending {
            ordering.reverse()
        } else {
            ordering
        }
    });
    let header = |label: &'static str, column: SortBy| {
        let sort = sort.clone();
        let active = by == column;
        let onclick = Callback::from(move |_: MouseEvent| {
            let (current, descending) = *sort;
            sort.set((column, if current == column { !descending } else { true }));
        });
        let aria_sort = if !active {
            "none"
        } else if descending {
            "descending"
        } else {
            "ascending"
        };
        html! {
            <th scope="col" aria-sort={aria_sort}>
                <button type="button" class="nb-sort" {onclick}>{label}{if active { if descending { " ▼" } else { " ▲" } } else { "" }}</button>
            </th>
        }
    };
    let export_csv = props.on_download.reform(|_: MouseEvent| BatchDownload::Summary);
    let export_json = props.on_download.reform(|_: MouseEvent| BatchDownload::Findings);
    let on_close = props.on_close.clone();
    let aggregate = batch.aggregate.as_ref().map(|a| {
        let parent = &batch.entries[a.parent];
        let names: Vec<String> = a.included.iter().map(|&i| agency(&batch.entries[i])).collect();
        let template = parent.opened.loaded.template();
        html! {
            <div class="nb-aggregate" data-testid="aggregate">
                <h3>{tr(lang, "汇总核对", "Aggregate check")}</h3>
                <p>{words::aggregate_text(&agency(parent), &names, a.checked.diagnostics.len(), lang)}</p>
                // The names are said once above; each difference is one line.
                <ul>
                    { for a.checked.diagnostics.iter().take(30).map(|d| html! {
                        <li data-rule={d.rule.code()} data-pointers={d.pointers.join(" ")}>{words::aggregate_line(d, template, lang)}</li>
                    }) }
                </ul>
                if a.checked.diagnostics.len() > 30 {
                    <p>{ match lang {
                        Lang::Zh => format!("另有 {} 处，见导出的结果。", a.checked.diagnostics.len() - 30),
                        Lang::En => format!("{} more in the exported findings.", a.checked.diagnostics.len() - 30),
                    } }</p>
                }
            </div>
        }
    });
    html! {
        <section class="nb-batch" aria-labelledby="nb-batch-heading" data-testid="batch">
            <h2 id="nb-batch-heading">
                { match lang {
                    Lang::Zh => format!("批量检查：{} 份报告", batch.total),
                    Lang::En => format!("Batch: {} reports", batch.total),
                } }
                <button type="button" class="nb-button nb-edit-text" onclick={Callback::from(move |_: MouseEvent| on_close.emit(()))}>
                    {tr(lang, "关闭列表", "Close the list")}
                </button>
            </h2>
            if !batch.done() {
                <p role="status">
                    <progress max={batch.total.to_string()} value={batch.entries.len().to_string()} aria-label={tr(lang, "读取进度", "Progress")}></progress>
                    {format!(" {} / {}", batch.entries.len(), batch.total)}
                </p>
            } else {
                <p class="nb-batch-actions">
                    <button type="button" class="nb-button" onclick={export_csv}>{tr(lang, "导出汇总 CSV", "Export summary CSV")}</button>
                    <button type="button" class="nb-button" onclick={export_json}>{tr(lang, "导出全部结果 JSON", "Export all findings JSON")}</button>
                </p>
            }
            {aggregate}
            if let Some(years) = &batch.years {
                <div class="nb-years" data-testid="batch-years">
                    <h3>{words::years_text(years.len(), lang)}</h3>
                    <TrendChart years={years.iter().filter_map(|&i| {
                        let report = batch.entries[i].opened.loaded.report.clone()?;
                        Some((report.year?, Shared::new(report)))
                    }).collect::<Vec<_>>()} {lang} />
                </div>
            }
            if batch.done() {
            <div class="nb-scroll" tabindex="0" role="region" aria-label={tr(lang, "批量检查汇总表", "Batch summary")}>
                <table class="nb-grid nb-batch-table">
                    <thead><tr>
                        {header(tr(lang, "文件", "File"), SortBy::File)}
                        {header(tr(lang, "机关", "Agency"), SortBy::Agency)}
                        {header(tr(lang, "年度", "Year"), SortBy::Year)}
                        <th scope="col">{tr(lang, "模板", "Template")}</th>
                        {header(words::severity_heading(Severity::Error, lang), SortBy::Errors)}
                        {header(words::severity_heading(Severity::Warning, lang), SortBy::Warnings)}
                        <th scope="col"><span class="nb-visually-hidden">{tr(lang, "查看", "Open")}</span></th>
                    </tr></thead>
                    <tbody>
                        { for order.iter().take(if *show_all { usize::MAX } else { FIRST_ROWS }).map(|&i| {
                            let e = &batch.entries[i];
                            let s = e.opened.checked.summary;
                            let on_open = props.on_open.clone();
                            let readable = e.opened.is_readable();
                            html! {
                                <tr data-testid="batch-row">
                                    <td class="nb-txt">{e.name.clone()}</td>
                                    <td class="nb-txt">
                                        if let Some(reason) = &e.read_error {
                                            <span class="nb-count-error">{tr(lang, "无法读取：", "Could not read: ")}{reason.clone()}</span>
                                        } else {
                                            {agency(e)}
                                        }
                                    </td>
                                    <td class="nb-num">{year(e).map(|y| y.to_string()).unwrap_or_default()}</td>
                                    <td class="nb-txt">{e.opened.loaded.report.as_ref().map(|r| r.template.code()).unwrap_or("—")}</td>
                                    <td class={classes!("nb-num", (s.errors > 0).then_some("nb-count-error"))}>{s.errors}</td>
                                    <td class="nb-num">{s.warnings}</td>
                                    <td>
                                        if readable {
                                            <button type="button" class="nb-button" onclick={Callback::from(move |_: MouseEvent| on_open.emit(i))}>
                                                {tr(lang, "查看", "Open")}
                                            </button>
                                        }
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            if !*show_all && order.len() > FIRST_ROWS {
                <p>
                    <button type="button" class="nb-button" onclick={{ let show_all = show_all.clone(); Callback::from(move |_: MouseEvent| show_all.set(true)) }}>
                        { match lang {
                            Lang::Zh => format!("显示全部 {} 份", order.len()),
                            Lang::En => format!("Show all {}", order.len()),
                        } }
                    </button>
                </p>
            }
            }
        </section>
    }
}
