//! The two sides of the handoff from the viewer to the workstation (see
//! `crate::handoff`).

use crate::handoff::{Handoff, Intent};
#[cfg(any(feature = "workstation", target_arch = "wasm32"))]
use crate::state::Action;
use crate::state::{Origin, Shared, State};
use nianbao_core::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// The viewer's side: when the user asks for a tool of the workstation
/// (`upgrade`), asks `www/boot.js` to load it, handing over the report on
/// screen. A failure to load it becomes a message; the viewer stays.
#[cfg(not(feature = "workstation"))]
#[hook]
pub fn use_handoff(
    _handoff: Option<Handoff>,
    upgrade: Option<Shared<Intent>>,
    report: Option<(Origin, Rc<[u8]>)>,
    lang: Lang,
    dispatch: UseReducerDispatcher<State>,
) {
    use_effect_with(upgrade, move |upgrade| {
        #[cfg(target_arch = "wasm32")]
        if let Some(intent) = upgrade {
            let report = report.as_ref().map(|(origin, bytes)| (origin, &bytes[..]));
            crate::handoff::request(lang, report, intent, move |reason| {
                dispatch.dispatch(Action::Failed(crate::state::Failure::Tools { reason }))
            });
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (upgrade, report, lang, dispatch);
    });
}

/// The workstation's side: once started, carries out what the user asked
/// the viewer for.
#[cfg(feature = "workstation")]
#[hook]
pub fn use_handoff(
    handoff: Option<Handoff>,
    _upgrade: Option<Shared<Intent>>,
    _report: Option<(Origin, Rc<[u8]>)>,
    _lang: Lang,
    dispatch: UseReducerDispatcher<State>,
) {
    use crate::hooks::today;
    use crate::hooks::use_drop_and_paste::{open_files, open_previous_file};
    use crate::state::Work;
    use_effect_with(handoff, move |handoff| {
        let Some(intent) = handoff.as_ref().and_then(|h| h.intent.clone()) else { return };
        match intent {
            Intent::Open { origin, bytes } => dispatch.dispatch(Action::Open { origin, bytes, today: today() }),
            Intent::Files(files) => open_files(files, dispatch),
            Intent::Previous(file) => open_previous_file(file, dispatch),
            Intent::EditAt(pointer) => dispatch.dispatch(Action::EditCell(Some(pointer))),
            Intent::Settle(edit) => dispatch.dispatch(Work::Edit { edit, today: today() }.into()),
        }
    });
}
