//! Undo and redo, beside the report they change (the workstation, once
//! something has been changed).

use crate::i18n::tr;
use nianbao_core::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HistoryBarProps {
    pub lang: Lang,
    pub can_undo: bool,
    pub can_redo: bool,
    pub on_undo: Callback<()>,
    pub on_redo: Callback<()>,
}

#[component]
pub fn HistoryBar(props: &HistoryBarProps) -> Html {
    let lang = props.lang;
    if !props.can_undo && !props.can_redo {
        return Html::default();
    }
    html! {
        <div class="nb-history" role="group" aria-label={tr(lang, "修改记录", "Changes")}>
            <button type="button" class="nb-button" data-action="undo" disabled={!props.can_undo} title={tr(lang, "撤销（Ctrl+Z）", "Undo (Ctrl+Z)")}
                onclick={{ let f = props.on_undo.clone(); Callback::from(move |_: MouseEvent| f.emit(())) }}>{tr(lang, "撤销", "Undo")}</button>
            <button type="button" class="nb-button" data-action="redo" disabled={!props.can_redo} title={tr(lang, "重做（Ctrl+Y）", "Redo (Ctrl+Y)")}
                onclick={{ let f = props.on_redo.clone(); Callback::from(move |_: MouseEvent| f.emit(())) }}>{tr(lang, "重做", "Redo")}</button>
        </div>
    }
}
