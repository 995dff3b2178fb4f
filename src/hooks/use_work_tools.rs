//! The workstation's page-wide tools (on the whole page, not embedded):
//! autosave, the offer to restore a draft, and the undo keys. The viewer has
//! none of them: there the hook does nothing.

use crate::state::{Opened, State};
use yew::prelude::*;

/// What the tools show, in the notices of `components::draft_banner`.
#[derive(Clone, Default)]
pub struct WorkTools {
    /// Nothing could be saved (the browser's storage is full or off).
    pub storage_full: bool,
    /// The draft offered for restoring, when one waits.
    pub draft: Option<DraftOffer>,
    /// Restore the draft offered: the report on screen keeps its edits
    /// (they are saved too).
    pub on_restore: Callback<()>,
    /// Forget the draft offered, that one only.
    pub on_discard: Callback<()>,
}

/// A draft offered for restoring.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftOffer {
    /// The report's name.
    pub name: String,
    /// When it was saved ("2026-11-27 14:05").
    pub saved: String,
    /// Drafts waiting after this one.
    pub more: usize,
}

/// `page`: on the whole page. `history`: something to undo, something to
/// redo. `batch_shown`: the report of a batch on screen, and the app's root
/// (it is brought into view when chosen).
#[hook]
pub fn use_work_tools(
    page: bool,
    current: Option<Opened>,
    history: (bool, bool),
    dispatcher: UseReducerDispatcher<State>,
    batch_shown: (Option<usize>, NodeRef),
) -> WorkTools {
    #[cfg(feature = "workstation")]
    let tools = {
        use crate::hooks::use_autosave::{adopt_draft, discard_draft, load_overflow, read_drafts, use_autosave};
        use crate::state::{Action, Origin};
        // Something to undo: edited. Nothing to undo but something to redo:
        // every edit was undone.
        let (edited, undone) = history;
        let unsaved = use_autosave(page, current, edited, !edited && undone);
        let drafts = use_state(|| if page { read_drafts() } else { Vec::new() });
        // Drafts that overflowed into IndexedDB join the offer once read.
        {
            let drafts = drafts.clone();
            use_effect_with(page, move |page| {
                if *page {
                    yew::platform::spawn_local(async move {
                        if load_overflow().await {
                            drafts.set(read_drafts());
                        }
                    });
                }
            });
        }
        crate::hooks::use_undo_keys::use_undo_keys(dispatcher.clone(), page);
        crate::hooks::use_scroll_into_view::use_scroll_to_batch_report(batch_shown.1, batch_shown.0);
        // The newest draft is offered; once restored or discarded, the next.
        let first = drafts.first().cloned();
        let next = {
            let drafts = drafts.clone();
            move || drafts.set(drafts.iter().skip(1).cloned().collect())
        };
        let on_restore = {
            let (first, next) = (first.clone(), next.clone());
            Callback::from(move |()| {
                let Some(d) = &first else { return };
                adopt_draft(d);
                let bytes = d.document.clone().into_bytes().into();
                dispatcher.dispatch(Action::Open {
                    origin: Origin::File(d.name.clone()),
                    bytes,
                    today: crate::io::clock::today(),
                });
                next();
            })
        };
        let on_discard = {
            let id = first.as_ref().map(|d| d.id.clone());
            Callback::from(move |()| {
                let Some(id) = &id else { return };
                discard_draft(id);
                next();
            })
        };
        let draft = first.map(|d| DraftOffer { name: d.name, saved: d.saved, more: drafts.len() - 1 });
        WorkTools { storage_full: unsaved && edited, draft, on_restore, on_discard }
    };
    #[cfg(not(feature = "workstation"))]
    let tools = {
        let _ = (page, current, history, dispatcher, batch_shown);
        WorkTools::default()
    };
    tools
}
