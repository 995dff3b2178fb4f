//! The app's state and its pure reducer.
//!
//! IO (the clock, storage, files, fetch) happens in hooks; they turn what they
//! read into an `Action` carrying plain data. `reduce` only computes: it reads
//! bytes with the core and validates them, both pure.

#[cfg(feature = "workstation")]
mod work;
#[cfg(feature = "workstation")]
pub use work::Work;

mod intent;
pub use intent::{Handoff, Intent};
mod row;
use nianbao_core::date::Date;
use nianbao_core::diagnostic::Severity;
use nianbao_core::import_note::{ImportNote, Refusal};
use nianbao_core::layout::{self, TableLayout};
use nianbao_core::template::OtherShape;
use nianbao_core::{Checked, Context, Lang, Loaded, Template};
pub use row::Row;
use std::rc::Rc;
use yew::Reducible;

/// Where a report came from, for the header line and messages.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    BuiltinSample,
    File(String),
    Pasted,
    Url(String),
    /// Given by the host page of an embedded report.
    Inline,
    /// Started here (新建报告): the blank template or last year's as a
    /// draft; the name it downloads and keeps its drafts under.
    New(String),
}

/// The three printed tables of a report.
pub type Tables = [Shared<TableLayout>; 3];

/// The printed layouts of a template's tables, built once per template and
/// shape and shared by every report that uses them (a batch of a thousand
/// reports has four layouts, not three thousand).
fn layouts(template: Template, shape: OtherShape) -> Tables {
    thread_local! {
        static CACHE: std::cell::RefCell<Vec<((Template, OtherShape), Tables)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((_, tables)) = cache.iter().find(|(key, _)| *key == (template, shape)) {
            return tables.clone();
        }
        let tables = layout::tables(template, shape).map(Shared::new);
        cache.push(((template, shape), tables.clone()));
        tables
    })
}

/// Shared, immutable data compared by identity: props that hold a whole
/// report must not be compared cell by cell on every render.
#[derive(Debug)]
pub struct Shared<T: ?Sized>(pub Rc<T>);

impl<T: ?Sized> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T: ?Sized> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: ?Sized> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }
}

/// A document that has been read and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub origin: Origin,
    pub loaded: Shared<Loaded>,
    pub checked: Shared<Checked>,
    /// The printed layout of its three tables.
    pub tables: [Shared<TableLayout>; 3],
    /// When it was imported rather than written as JSON: what the importer
    /// could not read for certain (stored in the document, so it survives
    /// saving and reopening).
    pub import_notes: Option<Shared<Vec<ImportNote>>>,
    /// Why the file could not be imported at all (then nothing was read).
    pub refused: Option<Refusal>,
}

impl Opened {
    /// Reads and checks `bytes`; `today` decides the report year's range.
    /// JSON is read as the format. In the workstation, any other UTF-8 text
    /// is taken for a report copied from a web page, Word or a PDF, and
    /// imported; the viewer hands such text to the workstation before it gets
    /// here (`crate::js::handoff`), and reads anything that still arrives as JSON.
    pub fn read(origin: Origin, bytes: &[u8], today: Date) -> Opened {
        Opened::read_beside(origin, bytes, today, None)
    }

    /// Like `read`, with last year's report for the cross-year rules.
    pub fn read_beside(origin: Origin, bytes: &[u8], today: Date, previous: Option<&Opened>) -> Opened {
        let (loaded, refused) = Opened::load(&origin, bytes);
        Opened::of(origin, loaded, refused, today, previous)
    }

    /// Reads `bytes` as `read` does, without checking them: the document,
    /// and why the importer refused it if it did.
    pub fn load(origin: &Origin, bytes: &[u8]) -> (Loaded, Option<Refusal>) {
        #[cfg(feature = "workstation")]
        {
            let name = match origin {
                Origin::File(name) => Some(name.as_str()),
                _ => None,
            };
            match nianbao_import::open(bytes, name, &nianbao_import::ImportOptions::default()) {
                nianbao_import::Outcome::Json => (nianbao_core::load(bytes), None),
                nianbao_import::Outcome::Imported(imported) => (nianbao_core::load_value(imported.document), None),
                nianbao_import::Outcome::Refused(refusal) => (Loaded::nothing(), Some(refusal)),
            }
        }
        #[cfg(not(feature = "workstation"))]
        {
            let _ = origin;
            (nianbao_core::load(bytes), None)
        }
    }

    /// A document read (`load`), checked; with last year's report for the
    /// cross-year rules.
    pub fn of(
        origin: Origin,
        loaded: Loaded,
        refused: Option<Refusal>,
        today: Date,
        previous: Option<&Opened>,
    ) -> Opened {
        let import_notes =
            loaded.report.as_ref().and_then(|r| r.import.as_ref()).map(|record| Shared::new(record.notes.clone()));
        let previous = previous.and_then(|p| p.loaded.report.as_ref());
        let checked = nianbao_core::validate(&loaded, &Context { today, previous });
        let (template, shape) = match &loaded.report {
            Some(report) => (report.template, report.other_shape),
            None => (Template::T2021, Template::T2021.other_shape()),
        };
        Opened {
            origin,
            loaded: Shared::new(loaded),
            checked: Shared::new(checked),
            tables: layouts(template, shape),
            import_notes,
            refused,
        }
    }

    /// A file the importer refused: nothing read, the refusal says why.
    pub fn refused(origin: Origin, refusal: Refusal) -> Opened {
        let loaded = Loaded::nothing();
        // Nothing was read, so nothing was checked.
        let checked = Checked { diagnostics: Vec::new(), summary: nianbao_core::diagnostic::Summary::count(&[], 0, 0) };
        Opened {
            origin,
            loaded: Shared::new(loaded),
            checked: Shared::new(checked),
            tables: layouts(Template::T2021, Template::T2021.other_shape()),
            import_notes: None,
            refused: Some(refusal),
        }
    }

    /// Whether it can be shown: the document was read as an object.
    pub fn is_readable(&self) -> bool {
        self.loaded.report.is_some()
    }
}

/// One report of a batch (many files opened at once): its row, and the
/// report itself only while it is needed (on screen, edited, or one of a
/// chain of years); any other is read again from its file when opened.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchEntry {
    pub name: String,
    pub row: Row,
    pub opened: Option<Opened>,
    /// Edited while on screen: its report is kept, not read again.
    pub kept: bool,
}

impl BatchEntry {
    pub fn new(name: String, row: Row) -> BatchEntry {
        BatchEntry { name, row, opened: None, kept: false }
    }
}

/// Many reports, checked one after another (a supervisor's folder).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Batch {
    /// Which batch this is: files still being read for an earlier batch
    /// (closed, or replaced by another) are not added to this one.
    pub id: u32,
    /// How many files were given; `entries` fills up to it, in the files'
    /// order.
    pub total: usize,
    pub entries: Vec<BatchEntry>,
    /// Stopped by the user before every file was checked: the rows so far
    /// stay.
    pub cancelled: bool,
    /// How many Web Workers checked the rows last added; 0 when the page
    /// checked them itself (no worker could start).
    pub workers: usize,
    /// `aggregate-sum` of a parent's report against its subordinates'.
    pub aggregate: Option<Aggregate>,
    /// The reports the aggregate check summed, as read from their files
    /// and without their text (`batch::tables_only`), so that it is made
    /// again when one of them is edited on screen (whose edited report
    /// counts instead); empty when there is no aggregate check.
    pub tables: Vec<(usize, Shared<nianbao_core::model::Report>)>,
    /// The day the checks across files were made (`Work::BatchWhole`):
    /// the chain's next year is checked again on it after an edit.
    pub checked_on: Option<Date>,
    /// When the batch is several years of one agency: their entries, oldest
    /// first (each checked against the year before).
    pub years: Option<Vec<usize>>,
    /// The entry on screen, chosen from the summary; none until one is.
    pub shown: Option<usize>,
    /// What was on screen before the batch opened, which closing it brings
    /// back (docs/DECISIONS.md): no report from outside the batch is shown
    /// beside it.
    pub before: Option<Rc<Screen>>,
}

/// The report on screen and its history, put aside while a batch is open.
#[derive(Debug, Clone, PartialEq)]
pub struct Screen {
    pub current: Option<Opened>,
    pub source: Option<Rc<[u8]>>,
    pub undo: Vec<Opened>,
    pub redo: Vec<Opened>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Aggregate {
    pub parent: usize,
    pub included: Vec<usize>,
    pub checked: Shared<Checked>,
}

impl Batch {
    /// Every file checked, or the rest given up.
    pub fn done(&self) -> bool {
        self.cancelled || self.entries.len() >= self.total
    }

    /// Files not checked (after a cancel).
    pub fn unchecked(&self) -> usize {
        self.total.saturating_sub(self.entries.len())
    }
}

/// Why an attempt to open something did not replace the report on screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The file was read but is not a report (its findings say why, with
    /// line and column).
    Unreadable(Opened),
    /// `?src=` could not be fetched: the URL and what went wrong.
    Fetch { url: String, reason: String },
    /// A file could not be read from disk.
    File { name: String, reason: String },
    /// The workstation (editing and the other tools) could not be loaded.
    Tools { reason: String },
    /// A file larger than any report (`nianbao_core::MAX_REPORT_BYTES`).
    TooLarge { name: String, size: usize },
    /// Last year's report, picked as the draft of this year's, names no year
    /// or no agency.
    NoDraft { name: String },
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub lang: Lang,
    /// The report on screen; `None` until an embedded report has loaded.
    pub current: Option<Opened>,
    /// Last year's report of the same agency, for the cross-year rules.
    pub previous: Option<Opened>,
    /// Many reports opened at once.
    pub batch: Option<Shared<Batch>>,
    /// The last attempt that failed, shown above the report until dismissed.
    pub failure: Option<Failure>,
    /// The finding selected in the panel (an index into `current.checked`).
    pub selected: Option<usize>,
    /// What is being fetched or read right now.
    pub loading: Option<String>,
    /// The cell being edited, by pointer.
    pub editing: Option<String>,
    /// Reports as they were before each edit, newest last; and those undone.
    pub undo: Vec<Opened>,
    pub redo: Vec<Opened>,
    /// The pointer of the last edit, so that typing in one cell is one step
    /// of undo, not one per keystroke.
    pub last_edit: Option<String>,
    /// The bytes the report on screen was read from, so that the workstation
    /// reads exactly the same file when the viewer hands it over.
    pub source: Option<Rc<[u8]>>,
    /// What the user asked of the workstation while it loads, in order: the
    /// first tool asked for, then anything done meanwhile (a file opened, a
    /// finding settled). The workstation carries them all out.
    pub upgrade: Vec<Intent>,
    /// The form that starts a report (新建报告) is open.
    pub new_form: bool,
}

/// A change to the report on screen: the core's edits.
pub use nianbao_core::edit::Edit;

pub enum Action {
    /// Bytes to read and check; they replace the report only if readable.
    Open {
        origin: Origin,
        bytes: Rc<[u8]>,
        today: Date,
    },
    Loading(String),
    Failed(Failure),
    DismissFailure,
    SetLang(Lang),
    Select(Option<usize>),
    /// Start or stop editing a cell or a text section (by pointer).
    EditCell(Option<String>),
    /// Edits, last year's report, batches (the workstation only).
    #[cfg(feature = "workstation")]
    Work(work::Work),
    /// The user asked for a tool of the workstation: the viewer hands the
    /// report over to it (see `crate::js::handoff`).
    Upgrade(Intent),
    /// The workstation could not be loaded.
    ToolsFailed {
        reason: String,
        today: Date,
    },
}

impl State {
    /// The first screen: the built-in sample, checked.
    pub fn new(lang: Lang, today: Date) -> State {
        let bytes = nianbao_core::BUILTIN_SAMPLE.as_bytes();
        State {
            current: Some(Opened::read(Origin::BuiltinSample, bytes, today)),
            source: Some(bytes.into()),
            ..State::empty(lang)
        }
    }

    /// The workstation's first state: the report the viewer handed over, or
    /// the first screen when it handed none.
    pub fn handed_over(handoff: &Handoff, today: Date) -> State {
        let Some((origin, bytes)) = &handoff.report else { return State::new(handoff.lang, today) };
        let opened = Opened::read(origin.clone(), bytes, today);
        if !opened.is_readable() {
            // The viewer only shows readable reports; this is a safeguard.
            return State::new(handoff.lang, today);
        }
        State { current: Some(opened), source: Some(bytes.clone()), ..State::empty(handoff.lang) }
    }

    /// Reads `bytes` and shows them if they are a readable report; otherwise
    /// says why, and the report on screen stays.
    fn open(&mut self, origin: Origin, bytes: Rc<[u8]>, today: Date) {
        self.loading = None;
        if bytes.len() > nianbao_core::MAX_REPORT_BYTES && is_json_like(&bytes) {
            let name = match &origin {
                Origin::File(name) | Origin::Url(name) => name.clone(),
                _ => String::new(),
            };
            self.failure = Some(Failure::TooLarge { name, size: bytes.len() });
            return;
        }
        let opened = Opened::read_beside(origin, &bytes, today, self.previous.as_ref());
        if opened.is_readable() {
            // A report opened alone ends the batch: it is not one of its
            // reports, and is never shown beside them.
            self.batch = None;
            self.current = Some(opened);
            self.source = Some(bytes);
            self.failure = None;
            self.selected = None;
            self.editing = None;
            self.undo.clear();
            self.redo.clear();
            self.last_edit = None;
        } else {
            self.failure = Some(Failure::Unreadable(opened));
        }
    }

    /// Nothing on screen yet: an embedded report that is still loading.
    pub fn empty(lang: Lang) -> State {
        State {
            lang,
            current: None,
            previous: None,
            batch: None,
            failure: None,
            selected: None,
            loading: None,
            editing: None,
            undo: Vec::new(),
            redo: Vec::new(),
            last_edit: None,
            source: None,
            upgrade: Vec::new(),
            new_form: false,
        }
    }

    /// The pointers of the selected finding.
    pub fn selected_pointers(&self) -> &[String] {
        let current = self.current.as_ref();
        self.selected.and_then(|i| current?.checked.diagnostics.get(i)).map_or(&[], |d| d.pointers.as_slice())
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            // While the workstation loads, a report opened is queued for it,
            // after the tool asked for first, so that the order holds.
            Action::Open { origin, bytes, .. } if !next.upgrade.is_empty() => {
                next.loading = None;
                next.upgrade.push(Intent::Open { origin, bytes });
            }
            Action::Open { origin, bytes, today } => next.open(origin, bytes, today),
            Action::Loading(name) => next.loading = Some(name),
            Action::Failed(failure) => {
                next.loading = None;
                next.failure = Some(failure);
            }
            Action::ToolsFailed { reason, today } => {
                // What the viewer can do itself, it does: reports opened
                // meanwhile that are JSON. The tools asked for are not done,
                // and the message says so.
                for intent in std::mem::take(&mut next.upgrade) {
                    if let Intent::Open { origin, bytes } = intent {
                        if is_json_like(&bytes) {
                            next.open(origin, bytes, today);
                        }
                    }
                }
                next.loading = None;
                next.failure = Some(Failure::Tools { reason });
            }
            Action::DismissFailure => next.failure = None,
            Action::SetLang(lang) => next.lang = lang,
            Action::Select(index) => {
                let count = next.current.as_ref().map_or(0, |c| c.checked.diagnostics.len());
                next.selected = index.filter(|&i| i < count);
            }
            Action::EditCell(pointer) => {
                next.editing = pointer;
                next.last_edit = None;
            }
            #[cfg(feature = "workstation")]
            Action::Work(work) => {
                if !next.work(work) {
                    return self;
                }
            }
            Action::Upgrade(intent) => next.upgrade.push(intent),
        }
        Rc::new(next)
    }
}

use nianbao_core::input::is_json_like;

/// The highest severity among findings (for the page title and summary).
pub fn worst(checked: &Checked) -> Option<Severity> {
    checked.diagnostics.iter().filter(|d| !d.is_dismissed()).map(|d| d.severity()).min()
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn today() -> Date {
        Date::new(2026, 11, 27).unwrap()
    }

    pub(super) fn open(state: Rc<State>, bytes: &[u8]) -> Rc<State> {
        state.reduce(Action::Open { origin: Origin::Pasted, bytes: bytes.into(), today: today() })
    }

    #[test]
    fn first_screen_is_the_checked_sample() {
        let state = State::new(Lang::Zh, today());
        assert_eq!(state.current.as_ref().unwrap().origin, Origin::BuiltinSample);
        assert_eq!(
            state.current.as_ref().unwrap().checked.summary.errors
                + state.current.as_ref().unwrap().checked.summary.warnings,
            0
        );
        assert!(state.current.as_ref().unwrap().checked.summary.checks_run > 200);
    }

    #[test]
    fn a_broken_file_keeps_the_report_on_screen() {
        let state = Rc::new(State::new(Lang::Zh, today()));
        let state = open(state, b"{\"year\": 2024,");
        assert_eq!(state.current.as_ref().unwrap().origin, Origin::BuiltinSample);
        let Some(Failure::Unreadable(failed)) = &state.failure else { panic!("a failure") };
        assert_eq!(failed.checked.diagnostics[0].rule.code(), "json-syntax");
        assert!(failed.checked.diagnostics[0].position.is_some());
    }

    #[test]
    fn a_readable_file_replaces_it_and_clears_the_failure() {
        let state = Rc::new(State::new(Lang::Zh, today()));
        let state = open(state, b"not json");
        assert!(state.failure.is_some());
        let hongze = include_bytes!("../samples/hongze-district-2023.json");
        let state = open(state, hongze);
        assert!(state.failure.is_none());
        assert_eq!(state.current.as_ref().unwrap().checked.summary.errors, 2);
        assert_eq!(state.current.as_ref().unwrap().tables[1].rows.len(), 3 + 23);
    }

    #[test]
    fn the_workstation_starts_with_the_report_the_viewer_had() {
        let hongze = include_bytes!("../samples/hongze-district-2023.json");
        let state = open(Rc::new(State::new(Lang::En, today())), hongze);
        // What the viewer hands over: the bytes it read, where they came from.
        let handoff = Handoff {
            lang: state.lang,
            report: Some((state.current.as_ref().unwrap().origin.clone(), state.source.clone().unwrap())),
            intents: Vec::new(),
        };
        let taken_over = State::handed_over(&handoff, today());
        let (before, after) = (state.current.as_ref().unwrap(), taken_over.current.as_ref().unwrap());
        assert_eq!(after.origin, Origin::Pasted);
        assert_eq!(after.checked.diagnostics, before.checked.diagnostics);
        assert_eq!(taken_over.lang, Lang::En);
        // Nothing handed over: the first screen.
        let fresh = State::handed_over(&Handoff { report: None, ..handoff }, today());
        assert_eq!(fresh.current.unwrap().origin, Origin::BuiltinSample);
    }

    #[test]
    fn selection_is_bounded_and_reset_on_open() {
        let state = Rc::new(State::new(Lang::Zh, today()));
        let state = open(state, include_bytes!("../samples/hongze-district-2023.json"));
        let state = state.reduce(Action::Select(Some(1)));
        assert_eq!(state.selected_pointers()[0], "/appeals/litigation_after_review/total");
        let state = state.reduce(Action::Select(Some(99)));
        assert_eq!(state.selected, None);
        let state = state.reduce(Action::Select(Some(0)));
        let state = open(state, nianbao_core::BUILTIN_SAMPLE.as_bytes());
        assert_eq!(state.selected, None);
    }
}
