//! The calculation behind an arithmetic finding, in the manner of a
//! calculation inspector: the core's steps (each contributing cell with its
//! label and value, the calculated result, the reported number and the
//! difference), laid out as a small table.

use crate::i18n::tr;
use nianbao_core::diagnostic::Diagnostic;
use nianbao_core::explain::explain;
use nianbao_core::{Lang, Template};
use yew::prelude::*;

pub fn breakdown(diagnostic: &Diagnostic, template: Template, lang: Lang) -> Html {
    let steps = explain(diagnostic, template, lang);
    if steps.is_empty() {
        return html! {};
    }
    html! {
        <table class="nb-breakdown">
            <caption class="nb-visually-hidden">{tr(lang, "计算过程", "Calculation")}</caption>
            <tbody>
                { for steps.iter().map(|step| html! {
                    <tr class={crate::class!(step.result.then_some("nb-result"))}>
                        <th scope="row">{step.label_text()}</th>
                        <td class="nb-num">{step.value_text()}</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
