//! Drag and drop anywhere on the page, and pasting JSON text anywhere that is
//! not a text field. Returns whether a file is being dragged over the page.

use crate::hooks::{read_file, today};
#[cfg(not(feature = "workstation"))]
use crate::state::Intent;
#[cfg(feature = "workstation")]
use crate::state::Work;
use crate::state::{Action, Failure, Origin, State};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Opens bytes read from a file, an address or the clipboard. The viewer
/// reads JSON only: a report's text goes to the workstation, which imports
/// it (`crate::handoff`).
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
    let lang = crate::hooks::use_lang_storage::saved_lang();
    let shown = name.clone().unwrap_or_default()
        + crate::i18n::tr(
            lang,
            "（PDF：正在本机识别文字和表格，不上传）",
            " (PDF: finding its text and tables, on this computer)",
        );
    dispatch.dispatch(Action::Loading(shown));
    match crate::hooks::import_in_module(&bytes, name.as_deref()).await {
        Ok(crate::hooks::ModuleAnswer::Document(json)) => {
            dispatch.dispatch(Action::Open { origin, bytes: json.into_bytes().into(), today: today() })
        }
        Ok(crate::hooks::ModuleAnswer::Json) => dispatch.dispatch(Action::Open { origin, bytes, today: today() }),
        Ok(crate::hooks::ModuleAnswer::Refused(refusal)) => {
            let opened = crate::state::Opened::refused(origin, refusal);
            dispatch.dispatch(Action::Failed(Failure::Unreadable(opened)));
        }
        Err(reason) => {
            let name = name.unwrap_or_default();
            let reason = crate::hooks::module_failure(&reason, lang);
            dispatch.dispatch(Action::Failed(Failure::File { name, reason }));
        }
    }
}

fn open_read(origin: Origin, bytes: Rc<[u8]>, dispatch: &UseReducerDispatcher<State>) {
    #[cfg(not(feature = "workstation"))]
    if !crate::state::is_json_like(&bytes) {
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
    open_batch(files, dispatch);
}

/// Reads many files as a batch: a few dozen files at a time in one read
/// (`hooks::FilesRead`), the next group read while this one is checked.
/// Files are checked in order, a few at a time, with a pause after each few
/// milliseconds of work, so that the page keeps answering and the progress
/// bar moves.
#[cfg(feature = "workstation")]
fn open_batch(files: Vec<web_sys::File>, dispatch: UseReducerDispatcher<State>) {
    /// Files read in one go.
    const GROUP: usize = 50;
    /// Files checked between pauses (about a third of a millisecond each).
    const CHUNK: usize = 16;
    static NEXT_BATCH: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);
    let id = NEXT_BATCH.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    dispatch.dispatch(Work::BatchStart { id, total: files.len() }.into());
    yew::platform::spawn_local(async move {
        use crate::hooks::FilesRead;
        let mut groups = files.chunks(GROUP).map(<[_]>::to_vec);
        let mut next = groups.next().map(FilesRead::start);
        while let Some(reading) = next.take() {
            let names: Vec<String> = reading.names();
            let bytes = reading.bytes().await;
            // The next group is read while this one is checked.
            next = groups.next().map(FilesRead::start);
            let mut named = names.into_iter().zip(bytes).peekable();
            while named.peek().is_some() {
                // An unreadable file still counts: its row says why. PDFs
                // are imported by the importer module first.
                let mut chunk = Vec::with_capacity(CHUNK);
                for (name, read) in named.by_ref().take(CHUNK) {
                    let read = match read {
                        Ok(bytes)
                            if nianbao_import::kind_of(&bytes, Some(&name)) == Ok(nianbao_import::InputKind::Pdf) =>
                        {
                            pdf_as_json(&bytes, &name).await
                        }
                        other => other.map(Rc::from),
                    };
                    chunk.push((name, read));
                }
                dispatch.dispatch(Work::BatchAdd { id, files: chunk, today: today() }.into());
                crate::hooks::yield_to_browser().await;
            }
        }
    });
}

/// A PDF of a batch as the JSON the importer module makes of it, or why not.
#[cfg(feature = "workstation")]
async fn pdf_as_json(bytes: &[u8], name: &str) -> Result<Rc<[u8]>, String> {
    use crate::hooks::ModuleAnswer;
    let lang = crate::hooks::use_lang_storage::saved_lang();
    match crate::hooks::import_in_module(bytes, Some(name)).await {
        Ok(ModuleAnswer::Document(json)) => Ok(Rc::from(json.into_bytes())),
        Ok(ModuleAnswer::Json) => Ok(Rc::from(bytes)),
        Ok(ModuleAnswer::Refused(refusal)) => Err(refusal.message(lang)),
        Err(reason) => Err(crate::hooks::module_failure(&reason, lang)),
    }
}

/// The files of a file list.
pub fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
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

/// Opens pasted text.
pub fn open_text(text: String, dispatch: &UseReducerDispatcher<State>) {
    open_bytes(Origin::Pasted, text.into_bytes().into(), dispatch);
}

/// A page-wide event listener, kept alive while the component lives.
type Listener = Closure<dyn Fn(web_sys::Event)>;

#[hook]
pub fn use_drop_and_paste(dispatch: UseReducerDispatcher<State>, enabled: bool) -> bool {
    let dragging = use_state(|| false);
    {
        let dragging = dragging.clone();
        use_effect_with(enabled, move |enabled| {
            let document = web_sys::window().and_then(|w| w.document()).filter(|_| *enabled);
            let mut listeners: Vec<(&'static str, Listener)> = Vec::new();
            {
                let dragging = dragging.clone();
                listeners.push((
                    "dragover",
                    Closure::new(move |e: web_sys::Event| {
                        // Without this the browser opens the file itself.
                        e.prevent_default();
                        dragging.set(true);
                    }),
                ));
            }
            {
                let dragging = dragging.clone();
                listeners.push((
                    "dragleave",
                    Closure::new(move |e: web_sys::Event| {
                        // Only leaving the window ends the drag (no related target).
                        if let Some(drag) = e.dyn_ref::<web_sys::DragEvent>() {
                            if drag.related_target().is_none() {
                                dragging.set(false);
                            }
                        }
                    }),
                ));
            }
            {
                let dragging = dragging.clone();
                let dispatch = dispatch.clone();
                listeners.push((
                    "drop",
                    Closure::new(move |e: web_sys::Event| {
                        e.prevent_default();
                        dragging.set(false);
                        let Some(drag) = e.dyn_ref::<web_sys::DragEvent>() else {
                            return;
                        };
                        let Some(transfer) = drag.data_transfer() else {
                            return;
                        };
                        let files = file_list(transfer.files());
                        if !files.is_empty() {
                            open_files(files, dispatch.clone());
                        } else if let Ok(text) = transfer.get_data("text/plain") {
                            if !text.trim().is_empty() {
                                open_text(text, &dispatch);
                            }
                        }
                    }),
                ));
            }
            {
                let dispatch = dispatch.clone();
                listeners.push((
                    "paste",
                    Closure::new(move |e: web_sys::Event| {
                        // Pasting into a field is the field's business.
                        let in_field = e
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA"));
                        if in_field {
                            return;
                        }
                        let Some(clipboard) = e.dyn_ref::<web_sys::ClipboardEvent>().and_then(|c| c.clipboard_data())
                        else {
                            return;
                        };
                        if let Ok(text) = clipboard.get_data("text") {
                            let report_like = text.trim_start().starts_with('{')
                                || crate::state::report_text(text.as_bytes()).is_some();
                            if report_like {
                                e.prevent_default();
                                open_text(text, &dispatch);
                            }
                        }
                    }),
                ));
            }
            if let Some(document) = &document {
                for (name, listener) in &listeners {
                    let _ = document.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
                }
            }
            move || {
                if let Some(document) = &document {
                    for (name, listener) in &listeners {
                        let _ = document.remove_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
                    }
                }
            }
        });
    }
    *dragging
}
