//! The app's hooks (`use_*` only): they tie the IO of `crate::io` and the
//! page-wide listeners to a component's life. Components and the reducer
//! stay pure.

#[cfg(feature = "workstation")]
pub mod use_autosave;
pub mod use_drop_and_paste;
pub mod use_embed;
pub mod use_handoff;
pub mod use_lang_storage;
pub mod use_live;
pub mod use_scroll_into_view;
pub mod use_src_param;
#[cfg(feature = "workstation")]
pub mod use_undo_keys;
pub mod use_work_tools;
