//! How the year's applications were answered: one bar per outcome of 表三
//! (（一）予以公开 … （六）其他处理, and 结转下年度), from the 总计 column.
//! Inline SVG, no chart library.

use crate::i18n::tr;
use crate::view::{label_width, svg_number};
use nianbao_core::template::{self, RowRole, TOTAL_COLUMN};
use nianbao_core::{Lang, Loaded};
use yew::prelude::*;

/// The outcomes and their counts; `None` when a count is not a number.
fn outcomes(loaded: &Loaded, lang: Lang) -> Vec<(String, Option<f64>)> {
    let Some(report) = &loaded.report else { return Vec::new() };
    let mut bars: Vec<(String, Option<f64>)> = Vec::new();
    for (row, cells) in report.application_rows() {
        if row.role != RowRole::Result {
            continue;
        }
        let label = match row.group {
            Some(group) => group.label.get(lang).to_string(),
            // （二）部分公开 has a long note: keep the head only.
            None => {
                row.label.get(lang).split(['（', '('].as_ref()).take(2).collect::<Vec<_>>().join(if lang == Lang::Zh {
                    "（"
                } else {
                    "("
                })
            }
        };
        let value = cells[TOTAL_COLUMN].number();
        match bars.last_mut() {
            Some((last, sum)) if *last == label => *sum = sum.zip(value).map(|(a, b)| a + b),
            _ => bars.push((label, value)),
        }
    }
    if let Some(cells) = report.application_row(RowRole::CarriedForward) {
        let label = template::row(report.other_shape, RowRole::CarriedForward).label.get(lang);
        bars.push((template::unnumbered(label).trim_start().to_string(), cells[TOTAL_COLUMN].number()));
    }
    bars
}

pub fn outcome_chart(loaded: &Loaded, lang: Lang) -> Html {
    let bars = outcomes(loaded, lang);
    let max = bars.iter().filter_map(|(_, v)| *v).fold(0.0f64, f64::max);
    if bars.is_empty() || max <= 0.0 {
        return html! {};
    }
    let row_height = 26.0;
    // Room for the longest label, estimated from its characters (汉字 are
    // about twice as wide as Latin letters at the chart's type size).
    let longest = bars.iter().map(|(label, _)| label_width(label)).fold(0.0f64, f64::max);
    let label_width = (longest + 16.0).clamp(150.0, 260.0);
    let bar_width = 360.0;
    let height = row_height * bars.len() as f64 + 8.0;
    let summary = bars
        .iter()
        .map(|(label, v)| format!("{label} {}", v.map_or("—".to_string(), nianbao_core::decimal::write)))
        .collect::<Vec<_>>()
        .join(if lang == Lang::Zh { "，" } else { ", " });
    html! {
        <figure class="nb-chart" data-testid="outcome-chart">
            <svg viewBox={format!("0 0 {} {}", svg_number(label_width + bar_width + 70.0), svg_number(height))} role="img"
                aria-label={format!("{}{summary}", tr(lang, "本年办理结果：", "Outcomes this year: "))}>
                { for bars.iter().enumerate().map(|(i, (label, value))| {
                    let y = 4.0 + i as f64 * row_height;
                    let width = value.map_or(0.0, |v| (v / max * bar_width).max(if v > 0.0 { 2.0 } else { 0.0 }));
                    html! {
                        <g>
                            <text x={svg_number(label_width - 8.0)} y={svg_number(y + 17.0)} text-anchor="end" class="nb-chart-label">{label.clone()}</text>
                            <rect x={svg_number(label_width)} y={svg_number(y + 4.0)} width={svg_number(width)} height={svg_number(row_height - 8.0)} class="nb-chart-bar" />
                            <text x={svg_number(label_width + width + 6.0)} y={svg_number(y + 17.0)} class="nb-chart-value">
                                {value.map_or("—".to_string(), nianbao_core::decimal::write)}
                            </text>
                        </g>
                    }
                }) }
            </svg>
            <figcaption>{tr(lang, "本年度申请的办理结果（总计列）", "How this year's applications were answered (total column)")}</figcaption>
        </figure>
    }
}
