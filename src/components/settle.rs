//! A reviewer's decision on a finding: dismissed (not a problem) or
//! confirmed (a real one), with a comment. Stored in the report's
//! `annotations`, so it travels with the file and survives re-checking.

use crate::i18n::tr;
use crate::state::Edit;
use nianbao_core::diagnostic::{Diagnostic, Status};
use nianbao_core::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The finding decided on, by what its decision is stored under (its rule
/// and first pointer), and the decision it has.
#[derive(Properties, PartialEq)]
pub struct SettleFormProps {
    pub rule: &'static str,
    pub pointer: AttrValue,
    /// The comment of its decision; `None`: not decided.
    pub settled: Option<AttrValue>,
    pub lang: Lang,
    pub on_settle: Callback<Edit>,
}

impl SettleFormProps {
    /// The form's properties for a finding.
    pub fn of(d: &Diagnostic, lang: Lang, on_settle: Callback<Edit>) -> Self {
        SettleFormProps {
            rule: d.rule.code(),
            pointer: d.pointers.first().cloned().unwrap_or_default().into(),
            settled: d.settled.as_ref().map(|s| s.comment.clone().into()),
            lang,
            on_settle,
        }
    }
}

#[component]
pub fn SettleForm(props: &SettleFormProps) -> Html {
    let lang = props.lang;
    let comment = use_state(|| props.settled.as_deref().unwrap_or_default().to_string());
    let decide = |status: Option<Status>| {
        let on_settle = props.on_settle.clone();
        let (rule, pointer) = (props.rule, props.pointer.clone());
        let comment = comment.clone();
        Callback::from(move |_: MouseEvent| {
            on_settle.emit(Edit::Settle {
                rule: rule.to_string(),
                pointer: pointer.to_string(),
                status,
                comment: (*comment).clone(),
            })
        })
    };
    let oninput = {
        let comment = comment.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                comment.set(input.value());
            }
        })
    };
    html! {
        <div class="nb-settle">
            <input type="text" class="nb-settle-comment" value={(*comment).clone()} {oninput}
                aria-label={tr(lang, "处理意见（可选）", "Comment (optional)")}
                placeholder={tr(lang, "处理意见，如：受理数含上年结转，口径不同", "Comment, e.g. counted differently")} />
            <span class="nb-settle-buttons">
                <button type="button" class="nb-button" onclick={decide(Some(Status::Dismissed))}>{tr(lang, "排除：不是问题", "Dismiss: not a problem")}</button>
                <button type="button" class="nb-button" onclick={decide(Some(Status::Confirmed))}>{tr(lang, "确认：确有问题", "Confirm: a real problem")}</button>
                if props.settled.is_some() {
                    <button type="button" class="nb-button" onclick={decide(None)}>{tr(lang, "撤销决定", "Take back")}</button>
                }
            </span>
        </div>
    }
}
