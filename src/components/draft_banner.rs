//! The workstation's notices about drafts: the offer to restore edits saved
//! before the page was closed, and the alarm when nothing can be saved
//! (`hooks::use_work_tools` says when).

use crate::hooks::use_work_tools::DraftOffer;
use crate::i18n::tr;
use nianbao_core::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DraftBannerProps {
    pub offer: DraftOffer,
    pub lang: Lang,
    pub on_restore: Callback<()>,
    pub on_discard: Callback<()>,
}

/// The offer to restore edits saved before the page was closed, one draft at
/// a time, newest first.
#[component]
pub fn DraftBanner(props: &DraftBannerProps) -> Html {
    let DraftOffer { name, saved, more } = &props.offer;
    let lang = props.lang;
    // The built-in sample by its name on screen, not its draft's file name.
    let name = if name == crate::hooks::use_autosave::BUILTIN_SAMPLE_DRAFT {
        crate::components::failure::origin_name(&crate::state::Origin::BuiltinSample, lang)
    } else {
        name.clone()
    };
    let mut text = match lang {
        Lang::Zh => format!("上次编辑的“{name}”（保存于 {saved}）尚未下载。"),
        Lang::En => format!("Your edits to “{name}” (saved {saved}) were not downloaded."),
    };
    if *more > 0 {
        text.push_str(&match lang {
            Lang::Zh => format!("另有 {more} 份未下载的编辑，处理完这一份后列出。"),
            Lang::En => format!(" {more} more after this one."),
        });
    }
    let restore = props.on_restore.reform(|_: MouseEvent| ());
    let discard = props.on_discard.reform(|_: MouseEvent| ());
    html! {
        <div class="nb-draft" role="alert" data-testid="draft">
            <span>{text}</span>
            <button type="button" class="nb-button nb-primary-button" onclick={restore}>{tr(lang, "恢复编辑", "Restore")}</button>
            <button type="button" class="nb-button" onclick={discard}>{tr(lang, "放弃", "Discard")}</button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct StorageFullProps {
    pub lang: Lang,
    /// Download the report's JSON.
    pub on_download: Callback<()>,
}

/// Nothing could be saved: said at once, before more is typed, with the
/// download at hand.
#[component]
pub fn StorageFull(props: &StorageFullProps) -> Html {
    let lang = props.lang;
    let download = props.on_download.reform(|_: MouseEvent| ());
    html! {
        <div class="nb-draft nb-storage-full" role="alert" data-testid="storage-full">
            <span>{tr(lang,
                "浏览器的存储空间已满（或已被禁用），您的修改无法在本机自动保存，关闭页面就会丢失。请现在下载报告 JSON 保存修改，再清理浏览器存储。",
                "The browser's storage is full (or turned off): your edits cannot be saved on this computer and will be lost when the page closes. Download the report's JSON now to keep them, then free some browser storage.")}</span>
            <button type="button" class="nb-button nb-primary-button" onclick={download}>{tr(lang, "下载报告 JSON", "Download the report's JSON")}</button>
        </div>
    }
}
