//! The app's state and its pure reducer.
//!
//! IO (the clock, storage, files, fetch) happens in hooks; they turn what they
//! read into an `Action` carrying plain data. `reduce` only computes: it reads
//! bytes with the core and validates them, both pure.

use nianbao_core::date::Date;
use nianbao_core::diagnostic::Severity;
use nianbao_core::import::{ImportNote, ImportOptions};
use nianbao_core::layout::{self, TableLayout};
use nianbao_core::{Checked, Context, Lang, Loaded, Template};
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
    /// When it was imported from text rather than read as JSON: what the
    /// importer could not read for certain.
    pub import_notes: Option<Shared<Vec<ImportNote>>>,
}

impl Opened {
    /// Reads and checks `bytes`; `today` decides the report year's range.
    /// JSON is read as the format; any other UTF-8 text is taken for a
    /// report copied from a web page, Word or a PDF, and imported.
    pub fn read(origin: Origin, bytes: &[u8], today: Date) -> Opened {
        let (loaded, import_notes) = match report_text(bytes) {
            Some(text) => {
                let imported = nianbao_core::import::import_document(text, &ImportOptions::default());
                (nianbao_core::load_value(imported.document), Some(Shared::new(imported.notes)))
            }
            None => (nianbao_core::load(bytes), None),
        };
        let checked = nianbao_core::validate(&loaded, &Context { today, previous: None });
        let (template, shape) = match &loaded.report {
            Some(report) => (report.template, report.other_shape),
            None => (Template::T2021, Template::T2021.other_shape()),
        };
        let tables = layout::tables(template, shape);
        Opened {
            origin,
            loaded: Shared::new(loaded),
            checked: Shared::new(checked),
            tables: tables.map(Shared::new),
            import_notes,
        }
    }

    /// Whether it can be shown: the document was read as an object.
    pub fn is_readable(&self) -> bool {
        self.loaded.report.is_some()
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
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub lang: Lang,
    /// The report on screen; `None` until an embedded report has loaded.
    pub current: Option<Opened>,
    /// The last attempt that failed, shown above the report until dismissed.
    pub failure: Option<Failure>,
    /// The finding selected in the panel (an index into `current.checked`).
    pub selected: Option<usize>,
    /// What is being fetched or read right now.
    pub loading: Option<String>,
}

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
}

impl State {
    /// The first screen: the built-in sample, checked.
    pub fn new(lang: Lang, today: Date) -> State {
        State {
            lang,
            current: Some(Opened::read(Origin::BuiltinSample, nianbao_core::BUILTIN_SAMPLE.as_bytes(), today)),
            failure: None,
            selected: None,
            loading: None,
        }
    }

    /// Nothing on screen yet: an embedded report that is still loading.
    pub fn empty(lang: Lang) -> State {
        State { lang, current: None, failure: None, selected: None, loading: None }
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
            Action::Open { origin, bytes, today } => {
                next.loading = None;
                let opened = Opened::read(origin, &bytes, today);
                if opened.is_readable() {
                    next.current = Some(opened);
                    next.failure = None;
                    next.selected = None;
                } else {
                    next.failure = Some(Failure::Unreadable(opened));
                }
            }
            Action::Loading(name) => next.loading = Some(name),
            Action::Failed(failure) => {
                next.loading = None;
                next.failure = Some(failure);
            }
            Action::DismissFailure => next.failure = None,
            Action::SetLang(lang) => next.lang = lang,
            Action::Select(index) => {
                let count = next.current.as_ref().map_or(0, |c| c.checked.diagnostics.len());
                next.selected = index.filter(|&i| i < count);
            }
        }
        Rc::new(next)
    }
}

/// The text of `bytes` when they are a report's text rather than JSON: UTF-8
/// that does not open with `{` or `[` and speaks of 政府信息公开. Anything
/// else goes to the JSON reader, whose findings say what is wrong (an
/// encoding, a syntax error), so that a stray file never replaces the report
/// on screen with an empty one.
pub fn report_text(bytes: &[u8]) -> Option<&str> {
    let text = std::str::from_utf8(bytes).ok()?;
    let body = text.trim_start_matches('\u{feff}').trim_start();
    let json_like = body.starts_with('{') || body.starts_with('[') || body.is_empty();
    let about_disclosure = body.contains("政府信息公开") || body.contains("年度报告") || body.contains("<w:document");
    (!json_like && about_disclosure).then_some(text)
}

/// The highest severity among findings (for the page title and summary).
pub fn worst(checked: &Checked) -> Option<Severity> {
    checked.diagnostics.iter().filter(|d| !d.is_dismissed()).map(|d| d.severity()).min()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::new(2026, 11, 27).unwrap()
    }

    fn open(state: Rc<State>, bytes: &[u8]) -> Rc<State> {
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
    fn report_text_is_imported_and_noted() {
        let state = Rc::new(State::new(Lang::Zh, today()));
        let text = include_str!("../samples/hongze-district-2023.txt");
        let state = open(state, text.as_bytes());
        assert!(state.failure.is_none());
        let notes = state.current.as_ref().unwrap().import_notes.as_ref().expect("import notes");
        assert!(notes.iter().any(|n| matches!(n, ImportNote::LabelMisspelt { .. })));
        assert_eq!(state.current.as_ref().unwrap().checked.summary.errors, 2);
        // JSON is never taken for text, even when it is broken.
        let state = open(state, b"  {\"year\": 2024,");
        assert!(matches!(&state.failure, Some(Failure::Unreadable(_))));
        assert!(report_text(b"\xEF\xBB\xBF{}").is_none());
        assert!(report_text("一、总体情况\n政府信息公开工作".as_bytes()).is_some());
        assert!(report_text(b"not json").is_none());
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
