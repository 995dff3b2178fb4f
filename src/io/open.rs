//! Opening something: bytes read from a file, an address or the clipboard,
//! files picked or dropped (one, or many as a batch), last year's report.
//! Each ends in an `Action` for the reducer; what the viewer cannot read
//! itself goes to the workstation (`Action::Upgrade`, see `crate::js::handoff`).

use crate::io::clock::today;
use crate::io::fetch::fetch_bytes;
use crate::io::files::read_file;
#[cfg(not(feature = "workstation"))]
use crate::state::Intent;
#[cfg(feature = "workstation")]
use crate::state::Work;
use crate::state::{Action, Failure, Origin, State};
use std::rc::Rc;
use yew::UseReducerDispatcher;

/// Opens bytes read from a file, an address or the clipboard. The viewer
/// reads JSON only: a report's text goes to the workstation, which imports
/// it (`crate::js::handoff`).
pub fn open_bytes(origin: Origin, bytes: Rc<[u8]>, dispatch: &UseReducerDispatcher<State>) {
    #[cfg(feature = "workstation")]
    if is_pdf(&origin, &bytes) {
        yew::platform::spawn_local(open_pdf(origin, bytes, dispatch.clone()));
        return;
    }
    open_read(origin, bytes, dispatch);
}

/// Like `open_bytes`, done when the report is open (or refused).
pub async fn open_bytes_in_turn(origin: Origin, bytes: Rc<[u8]>, dispatch: &UseReducerDispatcher<State>) {
    #[cfg(feature = "workstation")]
    if is_pdf(&origin, &bytes) {
        open_pdf(origin, bytes, dispatch.clone()).await;
        return;
    }
    open_read(origin, bytes, dispatch);
}

#[cfg(feature = "workstation")]
fn is_pdf(origin: &Origin, bytes: &[u8]) -> bool {
    let name = match origin {
        Origin::File(name) => Some(name.as_str()),
        _ => None,
    };
    nianbao_import::kind_of(bytes, name) == Ok(nianbao_import::InputKind::Pdf)
}

/// A PDF, read by the importer module in a worker of its own.
#[cfg(feature = "workstation")]
async fn open_pdf(origin: Origin, bytes: Rc<[u8]>, dispatch: UseReducerDispatcher<State>) {
    let name = match &origin {
        Origin::File(name) => Some(name.clone()),
        _ => None,
    };
    let lang = crate::io::lang::saved_lang();
    let shown = name.clone().unwrap_or_default()
        + crate::i18n::tr(
            lang,
            "（PDF：正在本机识别文字和表格，不上传）",
            " (PDF: finding its text and tables, on this computer)",
        );
    dispatch.dispatch(Action::Loading(shown));
    match crate::io::importer::import_in_module(&bytes, name.as_deref()).await {
        Ok(crate::io::importer::ModuleAnswer::Document(json)) => {
            dispatch.dispatch(Action::Open { origin, bytes: json.into_bytes().into(), today: today() })
        }
        Ok(crate::io::importer::ModuleAnswer::Json) => {
            dispatch.dispatch(Action::Open { origin, bytes, today: today() })
        }
        Ok(crate::io::importer::ModuleAnswer::Refused(refusal)) => {
            let opened = crate::state::Opened::refused(origin, refusal);
            dispatch.dispatch(Action::Failed(Failure::Unreadable(opened)));
        }
        Err(reason) => {
            let name = name.unwrap_or_default();
            let reason = crate::io::importer::module_failure(&reason, lang);
            dispatch.dispatch(Action::Failed(Failure::File { name, reason }));
        }
    }
}

fn open_read(origin: Origin, bytes: Rc<[u8]>, dispatch: &UseReducerDispatcher<State>) {
    #[cfg(not(feature = "workstation"))]
    if !nianbao_core::input::is_json_like(&bytes) {
        dispatch.dispatch(Action::Upgrade(Intent::Open { origin, bytes }));
        return;
    }
    dispatch.dispatch(Action::Open { origin, bytes, today: today() });
}

/// Opens a file picked, dropped or otherwise handed over.
pub fn open_file(file: web_sys::File, dispatch: UseReducerDispatcher<State>) {
    yew::platform::spawn_local(read_and_open(file, dispatch));
}

/// Reads a file and opens it, once read.
pub async fn read_and_open(file: web_sys::File, dispatch: UseReducerDispatcher<State>) {
    let name = file.name();
    dispatch.dispatch(Action::Loading(name.clone()));
    match read_file(file).await {
        Ok(bytes) => open_bytes_in_turn(Origin::File(name), bytes.into(), &dispatch).await,
        Err(reason) => dispatch.dispatch(Action::Failed(Failure::File { name, reason })),
    }
}

/// Opens the files picked or dropped: one is shown; several make a batch
/// (in the workstation).
pub fn open_files(files: Vec<web_sys::File>, dispatch: UseReducerDispatcher<State>) {
    if files.len() == 1 {
        if let Some(file) = files.into_iter().next() {
            open_file(file, dispatch);
        }
        return;
    }
    if files.is_empty() {
        return;
    }
    #[cfg(not(feature = "workstation"))]
    dispatch.dispatch(Action::Upgrade(Intent::Files(files)));
    #[cfg(feature = "workstation")]
    crate::io::batch::check(files, dispatch);
}

/// Reads last year's report from a file, to check the one on screen against.
#[cfg(not(feature = "workstation"))]
pub fn open_previous_file(file: web_sys::File, dispatch: UseReducerDispatcher<State>) {
    dispatch.dispatch(Action::Upgrade(Intent::Previous(file)));
}

/// Reads last year's report from a file, to check the one on screen against.
#[cfg(feature = "workstation")]
pub fn open_previous_file(file: web_sys::File, dispatch: UseReducerDispatcher<State>) {
    yew::platform::spawn_local(read_previous(file, dispatch));
}

/// Reads last year's report and checks the one on screen against it.
#[cfg(feature = "workstation")]
pub async fn read_previous(file: web_sys::File, dispatch: UseReducerDispatcher<State>) {
    let name = file.name();
    dispatch.dispatch(Action::Loading(name.clone()));
    match read_file(file).await {
        Ok(bytes) => dispatch
            .dispatch(Work::OpenPrevious { origin: Origin::File(name), bytes: bytes.into(), today: today() }.into()),
        Err(reason) => dispatch.dispatch(Action::Failed(Failure::File { name, reason })),
    }
}

/// Reads last year's report from a file and starts next year's from it.
#[cfg(feature = "workstation")]
pub fn draft_from_previous_file(file: web_sys::File, dispatch: UseReducerDispatcher<State>) {
    yew::platform::spawn_local(async move {
        let name = file.name();
        dispatch.dispatch(Action::Loading(name.clone()));
        match read_file(file).await {
            Ok(bytes) => dispatch.dispatch(
                Work::CreateFromPrevious { origin: Origin::File(name), bytes: bytes.into(), today: today() }.into(),
            ),
            Err(reason) => dispatch.dispatch(Action::Failed(Failure::File { name, reason })),
        }
    });
}

/// Opens pasted text.
pub fn open_text(text: String, dispatch: &UseReducerDispatcher<State>) {
    open_bytes(Origin::Pasted, text.into_bytes().into(), dispatch);
}

/// Fetches a report and opens it; a failed fetch is a message, and the
/// report on screen stays.
pub fn open_url(url: String, dispatch: UseReducerDispatcher<State>) {
    dispatch.dispatch(Action::Loading(url.clone()));
    yew::platform::spawn_local(async move {
        match fetch_bytes(&url).await {
            Ok(bytes) => open_bytes(Origin::Url(url), bytes.into(), &dispatch),
            Err(reason) => dispatch.dispatch(Action::Failed(Failure::Fetch { url, reason })),
        }
    });
}
