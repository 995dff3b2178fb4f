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
    html! {
        <figure class="nb-chart nb-trend" data-testid="trend-chart">
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
        </figure>
    }
}
