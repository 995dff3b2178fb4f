//! Many reports at once: a progress bar while they are read, then the
//! totals, filters (agency, year, severity) and a sortable summary, a row
//! per report with its verdict (多数检查未能运行 is one, never clean) and its
//! findings per table, that opens any report; the `aggregate-sum` check of a
//! parent against its subordinates, and the summary and all findings as CSV
//! and JSON. What a row is and what the totals are, the core decides
//! (`nianbao_core::batch`): the totals are summed from the rows' tallies.

use crate::components::findings::{repeated, Entry};
use crate::components::trend_chart::TrendChart;
use crate::i18n::tr;
use crate::io::download::{BatchDownload, ExportProgress};
use crate::state::{Batch, BatchEntry, Shared};
use nianbao_core::batch::{Filter, Part, Show, Tally, Totals, Verdict};
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
    /// Stops the checking; the rows so far stay.
    pub on_cancel: Callback<()>,
    /// Asks for the summary or the findings as a file.
    /// An export asked for, and where to tell how far it has come.
    pub on_download: Callback<(BatchDownload, Callback<ExportProgress>)>,
    /// No report is on screen: the batch's heading is the page's first.
    #[prop_or_default]
    pub alone: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SortBy {
    File,
    Agency,
    Year,
    Verdict,
    Errors,
    Warnings,
    Part(Part),
}

fn agency(e: &BatchEntry) -> String {
    e.row.agency.clone().unwrap_or_default()
}

fn year(e: &BatchEntry) -> Option<i64> {
    e.row.year
}

/// Worse is higher, so that "descending" puts the worst first, as it puts
/// the most errors first.
fn badness(verdict: Verdict) -> u8 {
    match verdict {
        Verdict::Unread => 4,
        Verdict::MostlyUnchecked => 3,
        Verdict::Errors => 2,
        Verdict::Warnings => 1,
        Verdict::Clean => 0,
    }
}

fn verdict_class(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Unread => "nb-verdict-unread",
        Verdict::MostlyUnchecked => "nb-verdict-unchecked",
        Verdict::Errors => "nb-verdict-error",
        Verdict::Warnings => "nb-verdict-warning",
        Verdict::Clean => "nb-verdict-clean",
    }
}

/// The rows the filter keeps, in the order asked for.
fn rows(batch: &Batch, tallies: &[Tally], filter: &Filter, (by, descending): (SortBy, bool)) -> Vec<usize> {
    let mut order: Vec<usize> = (0..batch.entries.len())
        .filter(|&i| {
            let e = &batch.entries[i];
            filter.keeps(&e.name, e.row.agency.as_deref(), year(e), &tallies[i])
        })
        .collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&batch.entries[a], &batch.entries[b]);
        let (s, t) = (&tallies[a], &tallies[b]);
        let ordering = match by {
            SortBy::File => x.name.cmp(&y.name),
            SortBy::Agency => agency(x).cmp(&agency(y)),
            SortBy::Year => year(x).cmp(&year(y)),
            SortBy::Verdict => badness(s.verdict).cmp(&badness(t.verdict)).then(s.errors.cmp(&t.errors)),
            SortBy::Errors => s.errors.cmp(&t.errors),
            SortBy::Warnings => s.warnings.cmp(&t.warnings),
            SortBy::Part(part) => s.parts[part.index()].cmp(&t.parts[part.index()]),
        };
        let ordering = if descending { ordering.reverse() } else { ordering };
        ordering.then_with(|| x.name.cmp(&y.name))
    });
    order
}

/// The rows the filter keeps, in the files' order.
fn in_file_order(batch: &Batch, tallies: &[Tally], filter: &Filter) -> Vec<usize> {
    (0..batch.entries.len())
        .filter(|&i| {
            let e = &batch.entries[i];
            filter.keeps(&e.name, e.row.agency.as_deref(), year(e), &tallies[i])
        })
        .collect()
}

#[component]
pub fn BatchPanel(props: &BatchPanelProps) -> Html {
    let lang = props.lang;
    let batch = &*props.batch;
    let sort = use_state(|| (SortBy::Verdict, true));
    // While the files are being checked the rows stay in the files' order,
    // so that those on screen stay put as more arrive (and drawing them
    // again costs next to nothing); the order chosen (worst first unless the
    // user sorts) applies once all are in, or as soon as the user sorts.
    let sorted = use_state(|| false);
    let filter = use_state(Filter::default);
    // A thousand rows take a while to draw: the first ones, until asked.
    let show_all = use_state(|| false);
    const FIRST_ROWS: usize = 100;
    // Every row's tally, once per batch: the rows and the totals read these.
    let tallies =
        use_memo(props.batch.clone(), |batch| batch.entries.iter().map(|e| e.row.tally).collect::<Vec<Tally>>());
    let order = if batch.done() || *sorted {
        rows(batch, &tallies, &filter, *sort)
    } else {
        in_file_order(batch, &tallies, &filter)
    };
    let totals = Totals::of(order.iter().map(|&i| &tallies[i]));
    let (by, descending) = *sort;
    let header = |label: &'static str, column: SortBy| {
        let (sort, sorted) = (sort.clone(), sorted.clone());
        let active = by == column && (batch.done() || *sorted);
        let onclick = Callback::from(move |_: MouseEvent| {
            let (current, descending) = *sort;
            sort.set((column, if current == column { !descending } else { true }));
            sorted.set(true);
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
    // An export under way: which, and how many files of all are done; and
    // the files the last export could not read again, left out of it.
    let exporting = use_state(|| None::<(BatchDownload, usize, usize, usize)>);
    let left_out = use_state(|| None::<Vec<String>>);
    let export = |what: BatchDownload| {
        let (on_download, exporting, left_out) = (props.on_download.clone(), exporting.clone(), left_out.clone());
        Callback::from(move |_: MouseEvent| {
            if exporting.is_some() {
                return;
            }
            left_out.set(None);
            let (making, over) = (exporting.setter(), left_out.setter());
            on_download.emit((
                what,
                Callback::from(move |p: ExportProgress| match p {
                    ExportProgress::Making(done, total, workers) => making.set(Some((what, done, total, workers))),
                    ExportProgress::Over(names) => {
                        making.set(None);
                        over.set((!names.is_empty()).then_some(names));
                    }
                }),
            ));
        })
    };
    let export_csv = export(BatchDownload::Summary);
    let export_json = export(BatchDownload::Findings);
    let export_progress = exporting.map(|(what, done, total, workers)| {
        let name = match (what, lang) {
            (BatchDownload::Summary, Lang::Zh) => "汇总 CSV",
            (BatchDownload::Findings, Lang::Zh) => "全部结果 JSON",
            (BatchDownload::Summary, Lang::En) => "the summary CSV",
            (BatchDownload::Findings, Lang::En) => "all findings JSON",
        };
        html! {
            <span class="nb-batch-exporting" role="status" data-testid="batch-exporting"
                data-done={done.to_string()} data-total={total.to_string()} data-workers={workers.to_string()}>
                <progress max={total.to_string()} value={done.to_string()} aria-label={tr(lang, "导出进度", "Export progress")}></progress>
                <span>{ match lang {
                    Lang::Zh => format!("正在准备{name}：已处理 {done} / {total} 份"),
                    Lang::En => format!("Preparing {name}: {done} of {total} files"),
                } }</span>
            </span>
        }
    });
    let left_out_notice = left_out.as_ref().map(|names| {
        let dismiss = {
            let left_out = left_out.clone();
            Callback::from(move |_: MouseEvent| left_out.set(None))
        };
        html! {
            <span class="nb-batch-left-out" role="alert" data-testid="batch-left-out" data-count={names.len().to_string()}>
                <span>{words::left_out_text(names, lang)}</span>
                <button type="button" class="nb-button" onclick={dismiss}>{tr(lang, "知道了", "OK")}</button>
            </span>
        }
    });
    let busy = exporting.is_some();
    let on_close = props.on_close.clone();
    let on_cancel = props.on_cancel.reform(|_: MouseEvent| ());
    let aggregate = batch.aggregate.as_ref().map(|a| {
        let parent = &batch.entries[a.parent];
        let names: Vec<String> = a.included.iter().map(|&i| agency(&batch.entries[i])).collect();
        let template = parent.row.template.unwrap_or(nianbao_core::Template::T2021);
        let diagnostics = &a.checked.diagnostics;
        let line = |d: &nianbao_core::diagnostic::Diagnostic| {
            html! { <li data-rule={d.rule.code()} data-pointers={d.pointers.join(" ")}>{words::aggregate_line(d, template, lang)}</li> }
        };
        html! {
            <div class="nb-aggregate" data-testid="aggregate">
                <h3>{tr(lang, "汇总核对", "Aggregate check")}</h3>
                <p>{words::aggregate_text(&agency(parent), &names, diagnostics.len(), lang)}</p>
                // The names are said once above; each difference is one line,
                // and many in one table are one line that opens onto them.
                <ul>
                    { for repeated(diagnostics, (0..diagnostics.len()).collect()).into_iter().map(|entry| match entry {
                        Entry::One(i) => line(&diagnostics[i]),
                        Entry::Many { rule, part, indices } => html! {
                            <li class="nb-finding-group" data-group-rule={rule.code()} data-part={part} data-count={indices.len().to_string()}>
                                <details>
                                    <summary>{words::repeated_text(rule, part, indices.len(), lang)}</summary>
                                    <ul>{ for indices.into_iter().map(|i| line(&diagnostics[i])) }</ul>
                                </details>
                            </li>
                        },
                    }) }
                </ul>
            </div>
        }
    });
    let filters = {
        let on_agency = {
            let filter = filter.clone();
            Callback::from(move |e: InputEvent| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                filter.set(Filter { agency: input.value(), ..(*filter).clone() });
            })
        };
        let on_year = {
            let filter = filter.clone();
            Callback::from(move |e: Event| {
                let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                filter.set(Filter { year: select.value().parse().ok(), ..(*filter).clone() });
            })
        };
        let on_show = {
            let filter = filter.clone();
            Callback::from(move |e: Event| {
                let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                filter.set(Filter { show: Show::from_code(&select.value()), ..(*filter).clone() });
            })
        };
        let mut years: Vec<i64> = batch.entries.iter().filter_map(year).collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        let show_label = |show: Show| match show {
            Show::All => tr(lang, "全部", "All"),
            Show::Errors => words::verdict_label(Verdict::Errors, lang),
            Show::Warnings => words::verdict_label(Verdict::Warnings, lang),
            Show::MostlyUnchecked => words::verdict_label(Verdict::MostlyUnchecked, lang),
            Show::Clean => words::verdict_label(Verdict::Clean, lang),
            Show::Unread => words::verdict_label(Verdict::Unread, lang),
        };
        html! {
            <div class="nb-batch-filters" role="group" aria-label={tr(lang, "筛选报告", "Filter the reports")}>
                <span class="nb-batch-filter">
                    <label for="nb-batch-agency">{tr(lang, "机关名称包含", "Agency contains")}</label>
                    <input id="nb-batch-agency" type="search" data-testid="filter-agency" value={filter.agency.clone()} oninput={on_agency} />
                </span>
                <span class="nb-batch-filter">
                    <label for="nb-batch-year">{tr(lang, "年度", "Year")}</label>
                    <select id="nb-batch-year" data-testid="filter-year" onchange={on_year}>
                        <option value="" selected={filter.year.is_none()}>{tr(lang, "全部", "All")}</option>
                        { for years.iter().map(|y| html! { <option value={y.to_string()} selected={filter.year == Some(*y)}>{y}</option> }) }
                    </select>
                </span>
                <span class="nb-batch-filter">
                    <label for="nb-batch-show">{tr(lang, "检查情况", "Result")}</label>
                    <select id="nb-batch-show" data-testid="filter-show" onchange={on_show}>
                        { for Show::ALL.into_iter().map(|show| html! {
                            <option value={show.code()} selected={filter.show == show}>{show_label(show)}</option>
                        }) }
                    </select>
                </span>
            </div>
        }
    };
    let count_cell = |n: usize, error: bool| {
        html! { <td class={crate::class!("nb-num", (n == 0).then_some("nb-zero"), (error && n > 0).then_some("nb-count-error"))}>{n}</td> }
    };
    html! {
        <section class="nb-batch" aria-labelledby="nb-batch-heading" data-testid="batch" data-done={batch.done().to_string()} data-workers={batch.workers.to_string()}>
            <@{if props.alone { "h1" } else { "h2" }} id="nb-batch-heading" class="nb-batch-heading">
                { match lang {
                    Lang::Zh => format!("批量检查：{} 份报告", batch.total),
                    Lang::En => format!("Batch: {} reports", batch.total),
                } }
                <button type="button" class="nb-button nb-edit-text" onclick={Callback::from(move |_: MouseEvent| on_close.emit(()))}>
                    {tr(lang, "关闭批量检查", "Close the batch")}
                </button>
            </@>
            if !batch.done() {
                <p class="nb-batch-progress" data-testid="batch-progress"
                    data-checked={batch.entries.len().to_string()} data-total={batch.total.to_string()}>
                    <progress max={batch.total.to_string()} value={batch.entries.len().to_string()} aria-label={tr(lang, "检查进度", "Progress")}></progress>
                    <span role="status">{ match lang {
                        Lang::Zh => format!("已检查 {} / {} 份", batch.entries.len(), batch.total),
                        Lang::En => format!("{} of {} checked", batch.entries.len(), batch.total),
                    } }</span>
                    <button type="button" class="nb-button" data-testid="batch-cancel" onclick={on_cancel}>{tr(lang, "停止检查", "Stop checking")}</button>
                </p>
            } else {
                if batch.cancelled {
                    <p class="nb-batch-stopped" role="status" data-testid="batch-stopped" data-unchecked={batch.unchecked().to_string()}>
                        { match lang {
                            Lang::Zh => format!("已停止检查：已检查 {} 份，其余 {} 份未检查，不在下表中。", batch.entries.len(), batch.unchecked()),
                            Lang::En => format!("Checking stopped: {} checked; the other {} were not checked and are not in the table.", batch.entries.len(), batch.unchecked()),
                        } }
                    </p>
                }
                <p class="nb-batch-actions">
                    <button type="button" class="nb-button" onclick={export_csv} disabled={busy}>{tr(lang, "导出汇总 CSV", "Export summary CSV")}</button>
                    <button type="button" class="nb-button" onclick={export_json} disabled={busy}>{tr(lang, "导出全部结果 JSON", "Export all findings JSON")}</button>
                    {export_progress}
                    {left_out_notice}
                </p>
            }
            // The summary fills in as the rows arrive.
            {filters}
            <p class="nb-batch-totals" data-testid="batch-totals" aria-live={if batch.done() { "polite" } else { "off" }}
                data-shown={order.len().to_string()} data-total={batch.entries.len().to_string()}
                data-errors={totals.errors.to_string()} data-warnings={totals.warnings.to_string()}
                data-with-errors={totals.with_errors.to_string()} data-unread={totals.unread.to_string()}
                data-mostly-unchecked={totals.mostly_unchecked.to_string()} data-clean={totals.clean.to_string()}>
                <strong>{words::shown_text(order.len(), batch.entries.len(), lang)}</strong>
                {words::colon(lang)}{words::totals_text(&totals, lang)}
            </p>
            <div class="nb-batch-scroll" tabindex="0" role="region" aria-label={tr(lang, "批量检查汇总表", "Batch summary")}>
                <table class="nb-grid nb-batch-table">
                    <thead><tr>
                        {header(tr(lang, "机关", "Agency"), SortBy::Agency)}
                        {header(tr(lang, "年度", "Year"), SortBy::Year)}
                        {header(tr(lang, "检查情况", "Result"), SortBy::Verdict)}
                        {header(words::severity_heading(Severity::Error, lang), SortBy::Errors)}
                        {header(words::severity_heading(Severity::Warning, lang), SortBy::Warnings)}
                        { for Part::ALL.into_iter().map(|part| header(words::part_heading(part, lang), SortBy::Part(part))) }
                        <th scope="col">{tr(lang, "模板", "Template")}</th>
                        {header(tr(lang, "文件", "File"), SortBy::File)}
                    </tr></thead>
                    <tbody>
                        { for order.iter().take(if *show_all { usize::MAX } else { FIRST_ROWS }).map(|&i| {
                            let e = &batch.entries[i];
                            let t = &tallies[i];
                            let on_open = props.on_open.clone();
                            let shown = batch.shown == Some(i);
                            let unread = t.verdict == Verdict::Unread;
                            // Why a file was not read: the disk's reason, or its finding.
                            let reason = e.row.reason(lang).map(str::to_string);
                            let name = agency(e);
                            html! {
                                <tr key={i} data-testid="batch-row" data-file={e.name.clone()} data-verdict={format!("{:?}", t.verdict)}
                                    class={crate::class!(shown.then_some("nb-batch-current"))} aria-current={shown.then_some("true")}>
                                    // The report's name opens it.
                                    <th scope="row" class="nb-txt nb-batch-name">
                                        if unread {
                                            {e.name.clone()}
                                        } else {
                                            <button type="button" class="nb-link" onclick={Callback::from(move |_: MouseEvent| on_open.emit(i))}>
                                                {if name.is_empty() { e.name.clone() } else { name }}
                                            </button>
                                            if shown {
                                                <span class="nb-batch-showing">{tr(lang, "（正在查看）", " (on screen)")}</span>
                                            }
                                        }
                                    </th>
                                    <td class="nb-num">{year(e).map(|y| y.to_string()).unwrap_or_default()}</td>
                                    <td class={crate::class!("nb-txt", "nb-verdict", verdict_class(t.verdict))} data-testid="verdict">
                                        <span class="nb-verdict-label">{words::verdict_label(t.verdict, lang)}</span>
                                        if t.verdict == Verdict::MostlyUnchecked {
                                            <span class="nb-batch-checks">{words::checks_text(&e.row.summary, lang)}</span>
                                        }
                                        if unread {
                                            <span class="nb-batch-reason">{reason.unwrap_or_default()}</span>
                                        }
                                    </td>
                                    if unread {
                                        { for (0..2 + Part::ALL.len()).map(|_| html! { <td class="nb-num nb-zero">{"—"}</td> }) }
                                    } else {
                                        {count_cell(t.errors, true)}
                                        {count_cell(t.warnings, false)}
                                        { for t.parts.iter().map(|&n| count_cell(n, false)) }
                                    }
                                    <td class="nb-txt">{e.row.template.map(|t| t.code()).unwrap_or("—")}</td>
                                    <td class="nb-txt nb-batch-file">{e.name.clone()}</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                    <tfoot>
                        <tr data-testid="batch-sums">
                            <th scope="row" colspan="3" class="nb-txt nb-batch-name">{tr(lang, "合计", "Total")}</th>
                            <td class="nb-num">{totals.errors}</td>
                            <td class="nb-num">{totals.warnings}</td>
                            { for totals.parts.iter().map(|n| html! { <td class="nb-num">{n}</td> }) }
                            <td colspan="2"></td>
                        </tr>
                    </tfoot>
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
            {aggregate}
            if let Some(years) = &batch.years {
                <div class="nb-years" data-testid="batch-years">
                    <h3>{words::years_text(years.len(), lang)}</h3>
                    <TrendChart years={years.iter().filter_map(|&i| {
                        let report = batch.entries[i].opened.as_ref()?.loaded.report.clone()?;
                        Some((report.year?, Shared::new(report)))
                    }).collect::<Vec<_>>()} {lang} />
                </div>
            }
        </section>
    }
}
