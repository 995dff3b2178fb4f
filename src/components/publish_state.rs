//! Whether the report can be published: 可以发布, or how many errors and
//! unsettled warnings stand in the way, each count a link to its first
//! finding; and, while the report is being written, how many cells are still
//! blank. The words and the judgement are the core's.

use crate::state::Shared;
use nianbao_core::message as words;
use nianbao_core::readiness::Readiness;
use nianbao_core::{Checked, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PublishStateProps {
    pub checked: Shared<Checked>,
    /// Blank cells of 表二, 表三 and 表四.
    pub to_fill: [usize; 3],
    pub lang: Lang,
    pub on_select: Callback<Option<usize>>,
}

#[component]
pub fn PublishState(props: &PublishStateProps) -> Html {
    let lang = props.lang;
    let readiness = Readiness::of(&props.checked);
    let ready = readiness.ready();
    let to_fill = words::to_fill_text(props.to_fill, lang);
    html! {
        <div class={crate::class!("nb-publish-state", if ready { "nb-ready" } else { "nb-not-ready" })}
            data-testid="publish-state" data-ready={ready.to_string()}>
            if ready {
                <strong>{"✓ "}{words::readiness_text(&readiness, lang)}</strong>
            } else {
                <span>{words::before_publishing(lang)}</span>
                { for words::readiness_parts(&readiness, lang).into_iter().map(|(text, first)| {
                    let on_select = props.on_select.clone();
                    html! {
                        <button type="button" class="nb-link-button" data-finding={first.to_string()}
                            onclick={Callback::from(move |_: MouseEvent| on_select.emit(Some(first)))}>{text}</button>
                    }
                }) }
            }
            if let Some(text) = to_fill {
                <span class="nb-to-fill" data-testid="to-fill">{text}</span>
            }
        </div>
    }
}
