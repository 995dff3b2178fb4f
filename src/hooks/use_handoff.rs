//! The two sides of the handoff from the viewer to the workstation (see
//! `crate::js::handoff`), and the report on screen told to `www/boot.js` for
//! after a crash.

use crate::state::{Handoff, Intent, Origin, State};
use nianbao_core::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// The viewer's side. Keeps `crate::js::handoff` told of what it would hand over
/// now (the report on screen and the requests queued), and asks `www/boot.js`
/// for the workstation when the first request comes. A failure to load it
/// becomes a message; the viewer stays.
#[cfg(not(feature = "workstation"))]
#[hook]
pub fn use_handoff(
    _handoff: Option<Handoff>,
    upgrade: Vec<Intent>,
    report: Option<(Origin, Rc<[u8]>)>,
    lang: Lang,
    dispatch: UseReducerDispatcher<State>,
) {
    let asked = !upgrade.is_empty();
    #[cfg(target_arch = "wasm32")]
    crate::js::handoff::offer(Handoff { lang, report, intents: upgrade });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (lang, report, upgrade);
    use_effect_with(asked, move |asked| {
        #[cfg(target_arch = "wasm32")]
        if *asked {
            crate::js::handoff::request(move |reason| {
                dispatch.dispatch(crate::state::Action::ToolsFailed { reason, today: crate::io::clock::today() })
            });
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (asked, dispatch);
    });
}

/// The workstation's side: once started, carries out what the user asked
/// the viewer for, in order (a file is read before the next request is
/// carried out).
#[cfg(feature = "workstation")]
#[hook]
pub fn use_handoff(
    handoff: Option<Handoff>,
    _upgrade: Vec<Intent>,
    _report: Option<(Origin, Rc<[u8]>)>,
    _lang: Lang,
    dispatch: UseReducerDispatcher<State>,
) {
    use crate::io::clock::today;
    use crate::io::open::{open_bytes_in_turn, open_files, read_and_open, read_previous};
    use crate::state::{Action, Work};
    use_effect_with(handoff, move |handoff| {
        let intents = handoff.as_ref().map(|h| h.intents.clone()).unwrap_or_default();
        yew::platform::spawn_local(async move {
            for intent in intents {
                match intent {
                    Intent::Open { origin, bytes } => open_bytes_in_turn(origin, bytes, &dispatch).await,
                    Intent::Files(mut files) if files.len() == 1 => {
                        read_and_open(files.remove(0), dispatch.clone()).await;
                    }
                    Intent::Files(files) => open_files(files, dispatch.clone()),
                    Intent::Previous(file) => read_previous(file, dispatch.clone()).await,
                    Intent::EditAt(pointer) => dispatch.dispatch(Action::EditCell(Some(pointer))),
                    Intent::Settle(edit) => dispatch.dispatch(Work::Edit { edit, today: today() }.into()),
                    Intent::NewReport => dispatch.dispatch(Work::NewForm(true).into()),
                }
            }
        });
    });
}

/// Keeps `www/boot.js` told of the report on screen (the whole-page app
/// only: `enabled`), so that a workstation started after a crash opens it
/// again.
#[hook]
pub fn use_remember_report(report: Option<(Origin, Rc<[u8]>)>, lang: Lang, enabled: bool) {
    use_effect_with((report, lang, enabled), |(report, lang, enabled)| {
        #[cfg(target_arch = "wasm32")]
        if *enabled {
            crate::js::page::remember_report(&Handoff { lang: *lang, report: report.clone(), intents: Vec::new() });
        }
        let _ = (report, lang, enabled);
    });
}
