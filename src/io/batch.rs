//! Checking a batch off the main thread: the files go to Web Workers
//! (`www/batch-worker.js`, one per core the browser reports but one, each running
//! this very module, the workstation), which read and check them and send
//! back one row each (`state::Row`), never the document. The rows are added
//! in the files' order, a few times a second, so the summary fills in while
//! the page keeps answering. When no worker can start, the same rows are
//! made here, a few files at a time between pauses. PDFs go to the importer
//! module first, as a single PDF does.
//!
//! The files themselves (`web_sys::File`, handles, not bytes) are kept for
//! as long as the batch is open: a row opened, the aggregate check, the
//! chain of years and the exports read their files again (docs/DECISIONS.md).

use crate::io::clock::today;
use crate::io::download::{batch_export, BatchDownload, ExportProgress};
use crate::io::files::{read_file, FilesRead};
use crate::state::{Batch, BatchEntry, Row, Shared, State, Work};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::UseReducerDispatcher;

/// Workers at most, whatever the browser reports: past this, reading the
/// files and the main thread's share are the limit, and each worker holds a
/// copy of the module.
const MAX_WORKERS: usize = 8;
/// Files in one message to a worker, at most. Handing a file over (to a
/// read or to a worker) costs the page about 0.3 ms (measured in headless
/// Chromium on two cores), so a chunk is about 10 ms of the page's time.
const MAX_CHUNK: usize = 32;
/// Messages in flight per worker: one being checked, one waiting, so that
/// no worker waits for the main thread.
const IN_FLIGHT: usize = 2;
/// How often the rows so far are added (ms): each addition draws the summary.
const ADD_EVERY_MS: f64 = 100.0;

thread_local! {
    /// The open batch's files, by batch id.
    static FILES: RefCell<Option<(u32, Rc<Vec<web_sys::File>>)>> = const { RefCell::new(None) };
    /// The batch being checked: its workers and what they say.
    static RUNNING: RefCell<Option<Running>> = const { RefCell::new(None) };
    /// The workers making an export's pieces, while they do.
    static EXPORTING: RefCell<Option<Running>> = const { RefCell::new(None) };
}

static NEXT_BATCH: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);

struct Running {
    workers: Vec<web_sys::Worker>,
    queue: Rc<Queue>,
    /// The workers' listeners, alive as long as they are.
    _listeners: Vec<Closure<dyn FnMut(web_sys::MessageEvent)>>,
    _errors: Vec<Closure<dyn FnMut(web_sys::Event)>>,
}

impl Running {
    fn terminate(&self) {
        for worker in &self.workers {
            worker.terminate();
        }
    }
}

/// What the workers said, in order, awaited one at a time.
#[derive(Default)]
struct Queue {
    // A Vec rather than a VecDeque (it holds a message or two): each
    // collection type costs the workstation's download its own code.
    items: RefCell<Vec<Said>>,
    waiting: RefCell<Option<js_sys::Function>>,
    stopped: Cell<bool>,
}

enum Said {
    Rows {
        worker: usize,
        start: usize,
        rows: Vec<Row>,
    },
    /// An export's pieces of a chunk; `None` for a file the page makes
    /// (a PDF, which the importer module reads).
    Pieces {
        worker: usize,
        start: usize,
        pieces: Vec<Option<JsValue>>,
    },
    /// A worker could not start, or failed: the rest is checked here.
    Failed,
}

impl Queue {
    fn push(&self, said: Said) {
        self.items.borrow_mut().push(said);
        self.wake();
    }

    fn stop(&self) {
        self.stopped.set(true);
        self.wake();
    }

    fn wake(&self) {
        if let Some(resolve) = self.waiting.borrow_mut().take() {
            let _ = resolve.call0(&JsValue::NULL);
        }
    }

    /// The next thing said; `None` once stopped.
    async fn next(&self) -> Option<Said> {
        loop {
            if self.stopped.get() {
                return None;
            }
            let said = {
                let mut items = self.items.borrow_mut();
                (!items.is_empty()).then(|| items.remove(0))
            };
            if let Some(said) = said {
                return Some(said);
            }
            let promise = js_sys::Promise::new(&mut |resolve, _reject| {
                *self.waiting.borrow_mut() = Some(resolve);
            });
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        }
    }
}

/// Stops the batch being checked, if any, and its export: their workers
/// end at once, and the rows already added stay.
pub fn stop() {
    for slot in [&RUNNING, &EXPORTING] {
        if let Some(running) = slot.with(|r| r.borrow_mut().take()) {
            running.terminate();
            running.queue.stop();
        }
    }
}

/// Checks many files as a batch.
pub fn check(files: Vec<web_sys::File>, dispatch: UseReducerDispatcher<State>) {
    stop();
    let id = NEXT_BATCH.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    dispatch.dispatch(Work::BatchStart { id, total: files.len() }.into());
    let files = Rc::new(files);
    FILES.with(|f| *f.borrow_mut() = Some((id, files.clone())));
    yew::platform::spawn_local(run(id, files, dispatch));
}

/// How many workers: one per core the browser reports but the page's own
/// (reading and handing over the files keeps it busy all through a batch:
/// decision 134), at least one, at most `MAX_WORKERS`, and no more than
/// there are chunks of files.
fn worker_count(total: usize) -> usize {
    let cores = web_sys::window().map_or(1.0, |w| w.navigator().hardware_concurrency());
    let cores = if cores.is_finite() && cores >= 1.0 { cores as usize } else { 1 };
    cores.saturating_sub(1).clamp(1, MAX_WORKERS).min(total.div_ceil(4)).max(1)
}

/// Files per message: small enough that every worker has several, so the
/// last ones finish together.
fn chunk_size(total: usize, workers: usize) -> usize {
    (total / (workers * 4)).clamp(1, MAX_CHUNK)
}

/// Starts `count` workers that say what they check into `queue`; none when
/// the browser cannot start one.
fn start_workers(count: usize, queue: &Rc<Queue>) -> Option<Running> {
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let mut running =
        Running { workers: Vec::new(), queue: queue.clone(), _listeners: Vec::new(), _errors: Vec::new() };
    for k in 0..count {
        let Ok(worker) = web_sys::Worker::new_with_options("./batch-worker.js", &options) else {
            running.terminate();
            return None;
        };
        let said = queue.clone();
        let listener = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            said.push(answer(k, &event.data()));
        });
        let failed = queue.clone();
        let error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            event.prevent_default();
            failed.push(Said::Failed);
        });
        // The page's compiled module, once: the worker need not fetch or
        // compile it again.
        let init = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&init, &JsValue::from_str("module"), &wasm_bindgen::module());
        let _ = worker.post_message(&init);
        worker.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        worker.set_onerror(Some(error.as_ref().unchecked_ref()));
        running.workers.push(worker);
        running._listeners.push(listener);
        running._errors.push(error);
    }
    Some(running)
}

/// A worker's message: `{ start, rows: [row JSON…] }`, `{ start, pieces:
/// [text or undefined…] }`, or `{ start, error }`.
fn answer(worker: usize, data: &JsValue) -> Said {
    let get = |key: &str| js_sys::Reflect::get(data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    let Some(start) = get("start").as_f64() else { return Said::Failed };
    if let Ok(pieces) = get("pieces").dyn_into::<js_sys::Array>() {
        // Kept as the worker's strings: they go to the download's Blob as
        // they are.
        let pieces = pieces.iter().map(|p| p.is_string().then_some(p)).collect();
        return Said::Pieces { worker, start: start as usize, pieces };
    }
    let Ok(rows) = get("rows").dyn_into::<js_sys::Array>() else { return Said::Failed };
    let rows: Option<Vec<Row>> = rows.iter().map(|r| r.as_string().and_then(|text| Row::from_json(&text))).collect();
    match rows {
        Some(rows) => Said::Rows { worker, start: start as usize, rows },
        None => Said::Failed,
    }
}

/// A chunk of the files being read, each file's read started when the
/// chunk is made. The page reads the files and hands the bytes over
/// (transferred, not copied): handing a `File` on (to a worker, or into a
/// `Blob` that joins a chunk) costs the page more than starting its read
/// (decision 133).
struct ChunkRead {
    start: usize,
    end: usize,
    reads: Vec<js_sys::Promise>,
}

/// Reads the files chunk by chunk, a chunk ahead per worker, and hands each
/// to the worker that asks.
struct Feeder {
    files: Rc<Vec<web_sys::File>>,
    chunk: usize,
    ahead: usize,
    next: usize,
    reads: Vec<ChunkRead>,
    today: String,
    /// For an export: what, and in which language, each file's piece is.
    export: Option<(BatchDownload, nianbao_core::Lang)>,
}

impl Feeder {
    /// Reads `files` in chunks of `chunk` for `workers` workers, a chunk
    /// ahead per worker.
    fn new(
        files: Rc<Vec<web_sys::File>>,
        chunk: usize,
        workers: usize,
        today: String,
        export: Option<(BatchDownload, nianbao_core::Lang)>,
    ) -> Feeder {
        Feeder { files, chunk, ahead: workers + 1, next: 0, reads: Vec::new(), today, export }
    }

    /// Gives each worker its first chunks (`IN_FLIGHT` each); false when
    /// one could not be posted.
    async fn start(&mut self, workers: &[web_sys::Worker]) -> bool {
        for _ in 0..IN_FLIGHT {
            for worker in workers {
                if !self.feed(worker).await {
                    return false;
                }
            }
        }
        true
    }

    /// Starts one more read, if fewer than `ahead` are under way: one at a
    /// time, so that the page's share stays a short task.
    fn fill(&mut self) {
        if self.reads.len() < self.ahead && self.next < self.files.len() {
            let (start, end) = (self.next, (self.next + self.chunk).min(self.files.len()));
            let reads = self.files[start..end].iter().map(|f| f.array_buffer()).collect();
            self.reads.push(ChunkRead { start, end, reads });
            self.next = end;
        }
    }

    /// Hands the next chunk to `worker`; false when it could not be posted.
    async fn feed(&mut self, worker: &web_sys::Worker) -> bool {
        self.fill();
        if self.reads.is_empty() {
            return true;
        }
        let read = self.reads.remove(0);
        // The next read starts before this one is awaited.
        self.fill();
        let chunk = &self.files[read.start..read.end];
        let message = js_sys::Object::new();
        let transfer = js_sys::Array::new();
        let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&message, &JsValue::from_str(key), value).is_ok();
        // Each file's bytes, or why it could not be read.
        let parts = js_sys::Array::new();
        for read in read.reads {
            match wasm_bindgen_futures::JsFuture::from(read).await {
                Ok(buffer) => {
                    transfer.push(&buffer);
                    parts.push(&buffer);
                }
                Err(error) => {
                    parts.push(&JsValue::from_str(&crate::js::bindings::js_error_text(error)));
                }
            }
        }
        let ok = set("parts", &parts);
        let names: js_sys::Array = chunk.iter().map(|f| JsValue::from_str(&f.name())).collect();
        let export = self.export.is_none_or(|(what, lang)| {
            set("export", &JsValue::from_str(what.code())) && set("lang", &JsValue::from_str(lang.code()))
        });
        ok && export
            && set("start", &JsValue::from_f64(read.start as f64))
            && set("names", &names)
            && set("today", &JsValue::from_str(&self.today))
            && worker.post_message_with_transfer(&message, &transfer).is_ok()
    }
}

async fn run(id: u32, files: Rc<Vec<web_sys::File>>, dispatch: UseReducerDispatcher<State>) {
    let total = files.len();
    let day = today();
    let today_text = day.to_string();
    let queue = Rc::new(Queue::default());
    let count = worker_count(total);
    let chunk = chunk_size(total, count);
    let running = start_workers(count, &queue);
    let workers: Vec<web_sys::Worker> = running.as_ref().map(|r| r.workers.clone()).unwrap_or_default();
    let mut on_workers = running.is_some();
    // Kept even with no worker: a cancel stops the page's own checking too.
    let running = running.unwrap_or_else(|| Running {
        workers: Vec::new(),
        queue: queue.clone(),
        _listeners: Vec::new(),
        _errors: Vec::new(),
    });
    RUNNING.with(|r| *r.borrow_mut() = Some(running));

    let mut rows: Vec<(String, Row)> = Vec::with_capacity(total);
    let mut added = 0;
    // The first rows are added as soon as they come; then a few times a
    // second.
    let mut last_added = f64::NEG_INFINITY;
    // Rows that came early, by chunk (every chunk starts at a multiple of
    // `chunk`), until those before them are in.
    let mut pending: Vec<Option<Vec<Row>>> = (0..total.div_ceil(chunk)).map(|_| None).collect();
    let mut feeder = Feeder::new(files.clone(), chunk, workers.len(), today_text, None);
    if !feeder.start(&workers).await {
        stop_workers(&queue);
        on_workers = false;
    }
    while rows.len() < total {
        if !on_workers {
            // No worker (or one failed): the rest is checked here.
            if !check_here(&files, &mut rows, &queue, |rows| add(id, rows, &mut added, 0, &dispatch)).await {
                return;
            }
            break;
        }
        match queue.next().await {
            None => return,
            Some(Said::Failed | Said::Pieces { .. }) => {
                stop_workers(&queue);
                on_workers = false;
                continue;
            }
            // A row for each file of the chunk, or the worker is not to be trusted.
            Some(Said::Rows { start, rows: said, .. })
                if start % chunk != 0 || start >= total || said.len() != chunk.min(total - start) =>
            {
                stop_workers(&queue);
                on_workers = false;
                continue;
            }
            Some(Said::Rows { worker, start, rows: said }) => {
                if let Some(slot) = pending.get_mut(start / chunk) {
                    *slot = Some(said);
                }
                if !feeder.feed(&workers[worker]).await {
                    stop_workers(&queue);
                    on_workers = false;
                }
            }
        }
        while let Some(said) = pending.get_mut(rows.len() / chunk).and_then(Option::take) {
            for row in said {
                let file = &files[rows.len()];
                let row = if row.pdf { pdf_row(file, day).await } else { row };
                rows.push((file.name(), row));
            }
        }
        if queue.stopped.get() {
            return;
        }
        if js_sys::Date::now() - last_added >= ADD_EVERY_MS || rows.len() == total {
            add(id, &rows, &mut added, workers.len(), &dispatch);
            last_added = js_sys::Date::now();
        }
    }
    add(id, &rows, &mut added, if on_workers { workers.len() } else { 0 }, &dispatch);
    stop_workers(&queue);
    RUNNING.with(|r| {
        let mut running = r.borrow_mut();
        if running.as_ref().is_some_and(|running| Rc::ptr_eq(&running.queue, &queue)) {
            *running = None;
        }
    });
    whole(id, &files, rows, day, &dispatch).await;
}

/// Ends this batch's workers, once their work is done or one failed (not a
/// cancel: the checking goes on, on the page if need be).
fn stop_workers(queue: &Rc<Queue>) {
    RUNNING.with(|r| {
        if let Some(running) = r.borrow().as_ref().filter(|running| Rc::ptr_eq(&running.queue, queue)) {
            running.terminate();
        }
    });
}

/// Adds the rows not yet added.
fn add(id: u32, rows: &[(String, Row)], added: &mut usize, workers: usize, dispatch: &UseReducerDispatcher<State>) {
    if *added < rows.len() {
        dispatch.dispatch(Work::BatchRows { id, rows: rows[*added..].to_vec(), workers }.into());
        *added = rows.len();
    }
}

/// Checks the files after `rows` here, a few at a time with a pause after
/// each few, as the batch was checked before workers. False when stopped.
async fn check_here(
    files: &[web_sys::File],
    rows: &mut Vec<(String, Row)>,
    queue: &Queue,
    mut add: impl FnMut(&[(String, Row)]),
) -> bool {
    /// Files read in one go.
    const GROUP: usize = 50;
    /// Files checked between pauses (about a third of a millisecond each).
    const CHUNK: usize = 16;
    let day = today();
    let rest = &files[rows.len()..];
    let mut groups = rest.chunks(GROUP).map(<[_]>::to_vec);
    let mut next = groups.next().map(FilesRead::start);
    while let Some(reading) = next.take() {
        let names = reading.names();
        let bytes = reading.bytes().await;
        next = groups.next().map(FilesRead::start);
        let mut named = names.into_iter().zip(bytes).peekable();
        while named.peek().is_some() {
            for (name, read) in named.by_ref().take(CHUNK) {
                let row = match read {
                    Ok(bytes) if is_pdf(&bytes, &name) => {
                        let json = pdf_as_json(&bytes, &name).await;
                        Row::read(&name, json.as_deref().map_err(String::clone), day)
                    }
                    Ok(bytes) => Row::read(&name, Ok(&bytes), day),
                    Err(reason) => Row::read(&name, Err(reason), day),
                };
                rows.push((name, row));
            }
            if queue.stopped.get() {
                return false;
            }
            add(rows.as_slice());
            crate::io::pause::yield_to_browser().await;
        }
    }
    true
}

fn is_pdf(bytes: &[u8], name: &str) -> bool {
    nianbao_import::kind_of(bytes, Some(name)) == Ok(nianbao_import::InputKind::Pdf)
}

/// A PDF of a batch: imported by the importer module, then checked here.
async fn pdf_row(file: &web_sys::File, today: nianbao_core::date::Date) -> Row {
    let name = file.name();
    match read_file(file.clone()).await {
        Ok(bytes) => {
            let json = pdf_as_json(&bytes, &name).await;
            Row::read(&name, json.as_deref().map_err(String::clone), today)
        }
        Err(reason) => Row::read(&name, Err(reason), today),
    }
}

/// A PDF of a batch as the JSON the importer module makes of it, or why not.
async fn pdf_as_json(bytes: &[u8], name: &str) -> Result<Vec<u8>, String> {
    use crate::io::importer::ModuleAnswer;
    let lang = crate::io::lang::saved_lang();
    match crate::io::importer::import_in_module(bytes, Some(name)).await {
        Ok(ModuleAnswer::Document(json)) => Ok(json.into_bytes()),
        Ok(ModuleAnswer::Json) => Ok(bytes.to_vec()),
        Ok(ModuleAnswer::Refused(refusal)) => Err(refusal.message(lang)),
        Err(reason) => Err(crate::io::importer::module_failure(&reason, lang)),
    }
}

/// A file of the batch read again: its own bytes, and for a PDF what the
/// importer module made of them (its JSON, or why not); or why the file
/// could not be read.
async fn read_file_again(file: &web_sys::File) -> Result<(Vec<u8>, Option<Result<Vec<u8>, String>>), String> {
    let name = file.name();
    let bytes = read_file(file.clone()).await?;
    let imported = if is_pdf(&bytes, &name) { Some(pdf_as_json(&bytes, &name).await) } else { None };
    Ok((bytes, imported))
}

/// A file of the batch read again: its bytes as the batch checked them (a
/// PDF imported), or why not.
async fn read_again(file: &web_sys::File) -> Result<Vec<u8>, String> {
    match read_file_again(file).await? {
        (_, Some(imported)) => imported,
        (bytes, None) => Ok(bytes),
    }
}

fn files_of(id: u32) -> Option<Rc<Vec<web_sys::File>>> {
    FILES.with(|f| f.borrow().as_ref().filter(|(batch, _)| *batch == id).map(|(_, files)| files.clone()))
}

/// Once every row is in: the reports that the aggregate check and the chain
/// of years need whole (the core decides which from the rows), read again.
async fn whole(
    id: u32,
    files: &[web_sys::File],
    rows: Vec<(String, Row)>,
    today: nianbao_core::date::Date,
    dispatch: &UseReducerDispatcher<State>,
) {
    let batch = Batch {
        id,
        total: rows.len(),
        entries: rows.into_iter().map(|(name, row)| BatchEntry::new(name, row)).collect(),
        ..Batch::default()
    };
    let needed = batch.needs_whole();
    if needed.is_empty() {
        return;
    }
    // Read (not checked: the reducer checks only a chain's years), a few at
    // a time between frames: a county's folder may hold thousands.
    let mut read = Vec::with_capacity(needed.len());
    let mut pacer = crate::io::pause::Pacer::default();
    for i in needed {
        if let Ok(bytes) = read_again(&files[i]).await {
            let (loaded, refused) =
                crate::state::Opened::load(&crate::state::Origin::File(batch.entries[i].name.clone()), &bytes);
            read.push((i, loaded, refused));
        }
        pacer.due().await;
    }
    dispatch.dispatch(Work::BatchWhole { id, files: read, today }.into());
}

/// Opens a row of the batch: its report kept, or read again from its file.
pub fn open_entry(batch: &Shared<Batch>, index: usize, dispatch: UseReducerDispatcher<State>) {
    let Some(entry) = batch.entries.get(index) else { return };
    if entry.opened.is_some() {
        dispatch.dispatch(Work::BatchOpen(index).into());
        return;
    }
    let id = batch.id;
    let Some(file) = files_of(id).and_then(|files| files.get(index).cloned()) else { return };
    yew::platform::spawn_local(async move {
        if let Ok(bytes) = read_again(&file).await {
            dispatch.dispatch(Work::BatchShow { id, index, bytes: bytes.into(), today: today() }.into());
        }
    });
}

/// Downloads the batch's summary or findings. Each file's piece is made in
/// the batch workers where they can start, as the rows were (the file read
/// and checked again there); here for the files they cannot make (PDFs,
/// read by the importer module), for a report opened on screen (its edits
/// count), for the aggregate check's parent (the check's findings join its
/// own), and for all when no worker starts. `progress` hears how far it has
/// come, and `Over` with the files it could not read again when it is over
/// (downloaded, or the batch closed).
pub fn download(
    what: BatchDownload,
    batch: Shared<Batch>,
    lang: nianbao_core::Lang,
    progress: yew::Callback<ExportProgress>,
) {
    let files = files_of(batch.id);
    yew::platform::spawn_local(async move {
        let day = today();
        let total = batch.entries.len();
        progress.emit(ExportProgress::Making(0, total, 0));
        let queue = Rc::new(Queue::default());
        // Closing the batch stops the export (`stop`), as it stops the checking.
        exporting(Running { workers: Vec::new(), queue: queue.clone(), _listeners: Vec::new(), _errors: Vec::new() });
        let mut pieces: Vec<Option<JsValue>> = vec![None; total];
        let mut shown = Shown { at: js_sys::Date::now(), progress: &progress, total, workers: 0 };
        if let Some(files) = files.as_ref().filter(|f| f.len() == total) {
            export_in_workers(files, (what, lang), day, &queue, &mut pieces, &mut shown).await;
        }
        let parent = batch.aggregate.as_ref().map(|a| a.parent);
        let mut done = pieces.iter().filter(|p| p.is_some()).count();
        let mut left_out = Vec::new();
        let mut pacer = crate::io::pause::Pacer::default();
        for (i, entry) in batch.entries.iter().enumerate() {
            if queue.stopped.get() {
                progress.emit(ExportProgress::Over(Vec::new()));
                return;
            }
            let here = entry.opened.is_some() || parent == Some(i) || pieces[i].is_none();
            if !here {
                continue;
            }
            // The report itself, with the aggregate check's findings when
            // it is the parent's and the findings are asked for.
            let own = |opened: &crate::state::Opened| {
                let checked = &opened.checked.0;
                let merged = (what == BatchDownload::Findings)
                    .then(|| batch_export::with_aggregate(&batch, i, checked))
                    .flatten();
                batch_export::piece(
                    what,
                    &entry.name,
                    merged.as_ref().unwrap_or(checked),
                    opened.loaded.template(),
                    lang,
                )
            };
            let piece = match (&entry.opened, files.as_ref().and_then(|f| f.get(i))) {
                (Some(opened), _) => own(opened),
                // A file that cannot be read (again: the worker could not
                // either) is left out of the export and named (decision 140).
                (None, Some(file)) => match read_file_again(file).await {
                    Err(_) => {
                        left_out.push(entry.name.clone());
                        String::new()
                    }
                    Ok((raw, imported)) => {
                        // A PDF is checked as the importer module reads it;
                        // one it refuses, as its bytes read as JSON.
                        let read = match &imported {
                            Some(imported) => imported.as_deref().unwrap_or_default(),
                            None => raw.as_slice(),
                        };
                        if parent == Some(i) {
                            own(&crate::state::Opened::read(crate::state::Origin::File(entry.name.clone()), read, day))
                        } else {
                            batch_export::read_piece(what, &entry.name, read, &raw, day, lang)
                        }
                    }
                },
                (None, None) => {
                    left_out.push(entry.name.clone());
                    String::new()
                }
            };
            if pieces[i].replace(JsValue::from_str(&piece)).is_none() {
                done += 1;
            }
            shown.tell(done);
            pacer.due().await;
        }
        let pieces: Vec<JsValue> = pieces.into_iter().map(|p| p.unwrap_or_else(|| JsValue::from_str(""))).collect();
        crate::io::download::download_batch(what, &batch, &pieces);
        progress.emit(ExportProgress::Over(left_out));
        EXPORTING.with(|e| {
            let mut running = e.borrow_mut();
            if running.as_ref().is_some_and(|r| Rc::ptr_eq(&r.queue, &queue)) {
                *running = None;
            }
        });
    });
}

/// The export under way (again, with its workers): an earlier one still
/// going is stopped.
fn exporting(running: Running) {
    let queue = running.queue.clone();
    let earlier = EXPORTING.with(|e| e.borrow_mut().replace(running));
    if let Some(earlier) = earlier.filter(|earlier| !Rc::ptr_eq(&earlier.queue, &queue)) {
        earlier.terminate();
        earlier.queue.stop();
    }
}

/// An export's progress, told a few times a second.
struct Shown<'a> {
    at: f64,
    progress: &'a yew::Callback<ExportProgress>,
    total: usize,
    workers: usize,
}

impl Shown<'_> {
    fn tell(&mut self, done: usize) {
        if js_sys::Date::now() - self.at >= ADD_EVERY_MS {
            self.progress.emit(ExportProgress::Making(done, self.total, self.workers));
            self.at = js_sys::Date::now();
        }
    }
}

/// Makes the export's pieces in the batch workers, chunk by chunk as the
/// rows were; a worker that cannot start or fails leaves the rest (`None`)
/// to the page.
async fn export_in_workers(
    files: &Rc<Vec<web_sys::File>>,
    export: (BatchDownload, nianbao_core::Lang),
    day: nianbao_core::date::Date,
    queue: &Rc<Queue>,
    pieces: &mut [Option<JsValue>],
    shown: &mut Shown<'_>,
) {
    let total = files.len();
    if total == 0 {
        return;
    }
    let count = worker_count(total);
    let chunk = chunk_size(total, count);
    let Some(running) = start_workers(count, queue) else { return };
    let workers = running.workers.clone();
    exporting(running);
    let mut feeder = Feeder::new(files.clone(), chunk, workers.len(), day.to_string(), Some(export));
    let mut fed = feeder.start(&workers).await;
    let (mut received, mut done) = (0, 0);
    while fed && received < total.div_ceil(chunk) {
        match queue.next().await {
            Some(Said::Pieces { worker, start, pieces: said })
                if start % chunk == 0 && start < total && said.len() == chunk.min(total - start) =>
            {
                done += said.iter().filter(|p| p.is_some()).count();
                for (slot, piece) in pieces[start..].iter_mut().zip(said) {
                    *slot = piece;
                }
                received += 1;
                // Workers that answer (a script that does not load starts
                // a worker all the same, which then fails).
                if shown.workers == 0 {
                    shown.workers = workers.len();
                    shown.progress.emit(ExportProgress::Making(done, total, shown.workers));
                }
                shown.tell(done);
                fed = feeder.feed(&workers[worker]).await;
            }
            // Stopped (the batch closed), or a worker not to be trusted.
            _ => break,
        }
    }
    // The rest, if any, is made here; a close still stops it.
    for worker in &workers {
        worker.terminate();
    }
}
