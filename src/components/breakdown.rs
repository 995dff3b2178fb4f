//! The calculation behind an arithmetic finding, in the manner of a
//! calculation inspector: each contributing cell with its label and value,
//! the calculated sum, the reported total and the difference.

use crate::i18n::tr;
use nianbao_core::diagnostic::{Detail, Diagnostic, Rule};
use nianbao_core::message::number;
use nianbao_core::template::{cell_place, APPLICANT_COLUMNS};
use nianbao_core::{Lang, Template};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BreakdownProps {
    pub diagnostic: Diagnostic,
    pub template: Template,
    pub lang: Lang,
}

/// A line of the breakdown: label, value, and whether it is a result line.
type Line = (String, String, bool);

fn lines(d: &Diagnostic, template: Template, lang: Lang) -> Option<Vec<Line>> {
    let place = |i: usize| -> String {
        let Some(p) = d.pointers.get(i).and_then(|p| cell_place(template, p, lang)) else {
            return String::new();
        };
        if d.rule == Rule::T3ResultsTotal {
            p.row
        } else {
            p.column
        }
    };
    let difference = tr(lang, "差额", "Difference");
    match &d.detail {
        Detail::Sum { values } => {
            let sum: f64 = values[1..].iter().sum();
            let mut lines: Vec<Line> = values[1..]
                .iter()
                .enumerate()
                .map(|(i, v)| (format!("+ {}", place(i + 1)), number(*v), false))
                .collect();
            lines.push((tr(lang, "= 计算合计", "= Calculated sum").into(), number(sum), true));
            lines.push((
                format!("{}（{}）", tr(lang, "填报总计", "Reported total"), place(0)),
                number(values[0]),
                true,
            ));
            lines.push((difference.into(), number(values[0] - sum), true));
            Some(lines)
        }
        Detail::Balance { column, received, carried_over, results_total, carried_forward } => {
            let c = APPLICANT_COLUMNS[*column].label.get(lang);
            Some(vec![
                (format!("{} · {}", tr(lang, "一、本年新收", "1. Received"), c), number(*received), false),
                (format!("+ {} · {}", tr(lang, "二、上年结转", "2. Carried over"), c), number(*carried_over), false),
                (tr(lang, "= 应办理", "= To be handled").into(), number(received + carried_over), true),
                (format!("{} · {}", tr(lang, "（七）总计", "(7) Total"), c), number(*results_total), false),
                (
                    format!("+ {} · {}", tr(lang, "四、结转下年度", "4. Carried forward"), c),
                    number(*carried_forward),
                    false,
                ),
                (
                    tr(lang, "= 已办理与结转", "= Handled and carried forward").into(),
                    number(results_total + carried_forward),
                    true,
                ),
                (difference.into(), number(received + carried_over - results_total - carried_forward), true),
            ])
        }
        Detail::InForce { in_force, issued, repealed, previous_in_force, .. } => {
            let mut lines = Vec::new();
            if let Some(previous) = previous_in_force {
                lines.push((tr(lang, "上年现行有效", "In force last year").into(), number(*previous), false));
            }
            lines.push((tr(lang, "+ 本年制发", "+ Issued").into(), number(*issued), false));
            lines.push((tr(lang, "− 本年废止", "− Repealed").into(), number(*repealed), false));
            let expected = previous_in_force.unwrap_or(0.0) + issued - repealed;
            lines.push((tr(lang, "= 应至少/应为", "= Expected").into(), number(expected), true));
            lines.push((tr(lang, "填报现行有效", "Reported in force").into(), number(*in_force), true));
            Some(lines)
        }
        Detail::AggregateSum { parent, sum, included } => Some(vec![
            (included.join(tr(lang, "、", ", ")), number(*sum), false),
            (tr(lang, "本级汇总", "Aggregate").into(), number(*parent), true),
            (difference.into(), number(parent - sum), true),
        ]),
        Detail::TextTableMismatch { stated, table, percent, .. } => {
            let unit = if *percent { "%" } else { "" };
            Some(vec![
                (tr(lang, "文字所写", "Stated in the text").into(), format!("{}{unit}", number(*stated)), false),
                (
                    tr(lang, "表格数据", "In the tables").into(),
                    format!("{}{unit}", number((table * 10.0).round() / 10.0)),
                    false,
                ),
            ])
        }
        _ => None,
    }
}

#[component]
pub fn Breakdown(props: &BreakdownProps) -> Html {
    let Some(lines) = lines(&props.diagnostic, props.template, props.lang) else {
        return html! {};
    };
    html! {
        <table class="nb-breakdown">
            <caption class="nb-visually-hidden">{tr(props.lang, "计算过程", "Calculation")}</caption>
            <tbody>
                { for lines.into_iter().map(|(label, value, result)| html! {
                    <tr class={classes!(result.then_some("nb-result"))}>
                        <th scope="row">{label}</th>
                        <td class="nb-num">{value}</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
