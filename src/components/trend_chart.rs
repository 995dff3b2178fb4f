//! The years loaded, side by side: applications received, answered and
//! carried forward, and the reviews and lawsuits, per year. Inline SVG.

use crate::i18n::tr;
use crate::view::{svg_number, wrap_label};
use nianbao_core::template::{self, OtherShape, RowRole, APPEAL_BLOCKS, APPEAL_TOTAL, LITIGATION_HEADER, TOTAL_COLUMN};
use nianbao_core::{Lang, Report};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TrendChartProps {
    /// (year, report) oldest first.
    pub years: Vec<(i64, crate::state::Shared<Report>)>,
    pub lang: Lang,
}

/// How to read one measure from a report.
type Measure = Box<dyn Fn(&Report) -> Option<f64>>;

/// The measures shown, and how to read each from a report.
fn measures(lang: Lang) -> Vec<(&'static str, Measure)> {
    let row = |role: RowRole| move |r: &Report| r.application_row(role).and_then(|c| c[TOTAL_COLUMN].number());
    vec![
        (tr(lang, "新收申请", "Received"), Box::new(row(RowRole::Received))),
        (tr(lang, "办结（七）", "Answered (7)"), Box::new(row(RowRole::ResultsTotal))),
        (
            template::unnumbered(template::row(OtherShape::Split, RowRole::CarriedForward).label.get(lang))
                .trim_start(),
            Box::new(row(RowRole::CarriedForward)),
        ),
        (APPEAL_BLOCKS[0].short_label.get(lang), Box::new(|r: &Report| r.appeals[0][APPEAL_TOTAL].number())),
        (
            LITIGATION_HEADER.get(lang),
            Box::new(|r: &Report| Some(r.appeals[1][APPEAL_TOTAL].number()? + r.appeals[2][APPEAL_TOTAL].number()?)),
        ),
    ]
}

#[component]
pub fn TrendChart(props: &TrendChartProps) -> Html {
    let lang = props.lang;
    let measures = measures(lang);
    let values: Vec<Vec<Option<f64>>> =
        measures.iter().map(|(_, read)| props.years.iter().map(|(_, r)| read(r)).collect()).collect();
    let max = values.iter().flatten().flatten().fold(0.0f64, |a, &b| a.max(b));
    if props.years.len() < 2 || max <= 0.0 {
        return html! {};
    }
    let group_width = 110.0;
    let bar = 22.0;
    let height = 150.0;
    let width = group_width * measures.len() as f64 + 20.0;
    let label_lines = measures.iter().map(|(name, _)| wrap_label(name, group_width - 8.0).len()).max().unwrap_or(1);
    let summary = measures
        .iter()
        .zip(&values)
        .map(|((name, _), vs)| {
            let parts: Vec<String> = props
                .years
                .iter()
                .zip(vs)
                .map(|((y, _), v)| format!("{y} {}", v.map_or("—".to_string(), nianbao_core::decimal::write)))
                .collect();
            format!("{name} {}", parts.join(" / "))
        })
        .collect::<Vec<_>>()
        .join(if lang == Lang::Zh { "；" } else { "; " });
    // What changed in the last year from the one before it, in words: the
    // figures a reader looks for first.
    let (first_year, last_year) = (props.years[0].0, props.years[props.years.len() - 1].0);
    let changes = measures.iter().zip(&values).filter_map(|((name, _), vs)| {
        let (before, now) = (vs.get(vs.len().wrapping_sub(2)).copied().flatten()?, vs.last().copied().flatten()?);
        let delta = now - before;
        let change = if delta == 0.0 {
            tr(lang, "与上年持平", "the same as the year before").to_string()
        } else {
            let amount = nianbao_core::decimal::write(delta.abs());
            // In tenths of a percent, rounded; written without the float
            // formatter, which would cost the module 13 kB.
            let percent = (before != 0.0).then(|| {
                let tenths = (delta.abs() / before.abs() * 1000.0).round() as u64;
                format!("{}.{}%", tenths / 10, tenths % 10)
            });
            let (zh, en) = if delta > 0.0 { ("增加", "up") } else { ("减少", "down") };
            match (lang, percent) {
                (Lang::Zh, Some(p)) => format!("比上年{zh} {amount}（{p}）"),
                (Lang::Zh, None) => format!("比上年{zh} {amount}"),
                (Lang::En, Some(p)) => format!("{en} {amount} ({p})"),
                (Lang::En, None) => format!("{en} {amount}"),
            }
        };
        let now = nianbao_core::decimal::write(now);
        Some(html! {
            <li data-measure={*name}>{format!("{name}{}{now}{}{change}", if lang == Lang::Zh { "：" } else { ": " }, if lang == Lang::Zh { "，" } else { ", " })}</li>
        })
    });
    html! {
        <figure class="nb-chart nb-trend" data-testid="trend-chart">
            <h3 class="nb-chart-title">
                {match (lang, props.years.len()) {
                    (Lang::Zh, 2) => format!("{first_year} 年与 {last_year} 年对照"),
                    (Lang::Zh, _) => format!("{first_year}—{last_year} 年逐年对照"),
                    (Lang::En, 2) => format!("{first_year} and {last_year} compared"),
                    (Lang::En, _) => format!("{first_year} to {last_year}, year by year"),
                }}
            </h3>
            <svg viewBox={format!("0 0 {} {}", svg_number(width), svg_number(height + 24.0 + 16.0 * label_lines as f64))} role="img" aria-label={summary}>
                { for measures.iter().zip(&values).enumerate().map(|(g, ((name, _), vs))| {
                    let x0 = 10.0 + g as f64 * group_width;
                    html! {
                        <g>
                            { for vs.iter().enumerate().map(|(i, v)| {
                                let h = v.map_or(0.0, |v| v / max * (height - 20.0));
                                let x = x0 + 10.0 + i as f64 * (bar + 4.0);
                                html! {
                                    <g>
                                        <rect x={svg_number(x)} y={svg_number(height - h)} width={svg_number(bar)} height={svg_number(h)}
                                            class={format!("nb-trend-bar nb-trend-{}", i.min(3))} />
                                        <text x={svg_number(x + bar / 2.0)} y={svg_number(height - h - 4.0)} text-anchor="middle" class="nb-chart-value">
                                            {v.map_or("—".to_string(), nianbao_core::decimal::write)}
                                        </text>
                                    </g>
                                }
                            }) }
                            <text x={svg_number(x0 + group_width / 2.0 - 6.0)} y={svg_number(height + 18.0)} text-anchor="middle" class="nb-chart-label">
                                { for wrap_label(name, group_width - 8.0).into_iter().enumerate().map(|(i, line)| html! {
                                    <tspan x={svg_number(x0 + group_width / 2.0 - 6.0)} dy={if i == 0 { "0" } else { "1.2em" }}>{line}</tspan>
                                }) }
                            </text>
                        </g>
                    }
                }) }
            </svg>
            <figcaption>
                {tr(lang, "逐年对照：", "Year by year: ")}
                { for props.years.iter().enumerate().map(|(i, (y, _))| html! {
                    <span class={format!("nb-legend nb-trend-{}", i.min(3))}>{y.to_string()}</span>
                }) }
            </figcaption>
            <ul class="nb-trend-changes" data-testid="trend-changes">{ for changes }</ul>
        </figure>
    }
}
