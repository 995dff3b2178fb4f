//! The app's state and its pure reducer.
//!
//! IO (the clock, storage, files, fetch) happens in hooks; they turn what they
//! read into an `Action` carrying plain data. `reduce` only computes: it reads
//! bytes with the core and validates them, both pure.

use nianbao_core::date::Date;
use nianbao_core::diagnostic::Severity;
use nianbao_core::diagnostic::Status;
use nianbao_core::import::{ImportNote, ImportOptions};
use nianbao_core::json::{Object, Value};
use nianbao_core::layout::{self, TableLayout};
use nianbao_core::template::OtherShape;
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
    /// When it was imported from text rather than read as JSON: what the
    /// importer could not read for certain.
    pub import_notes: Option<Shared<Vec<ImportNote>>>,
}

impl Opened {
    /// Reads and checks `bytes`; `today` decides the report year's range.
    /// JSON is read as the format; any other UTF-8 text is taken for a
    /// report copied from a web page, Word or a PDF, and imported.
    pub fn read(origin: Origin, bytes: &[u8], today: Date) -> Opened {
        Opened::read_beside(origin, bytes, today, None)
    }

    /// Like `read`, with last year's report for the cross-year rules.
    pub fn read_beside(origin: Origin, bytes: &[u8], today: Date, previous: Option<&Opened>) -> Opened {
        let (loaded, import_notes) = match report_text(bytes) {
            Some(text) => {
                let imported = nianbao_core::import::import_document(text, &ImportOptions::default());
                (nianbao_core::load_value(imported.document), Some(Shared::new(imported.notes)))
            }
            None => (nianbao_core::load(bytes), None),
        };
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
        }
    }

    /// Re-reads and re-checks an edited document, keeping where it came from.
    pub fn edited(&self, document: Value, today: Date, previous: Option<&Opened>) -> Opened {
        let loaded = nianbao_core::load_value(document);
        let previous = previous.and_then(|p| p.loaded.report.as_ref());
        let checked = nianbao_core::validate(&loaded, &Context { today, previous });
        let tables = match &loaded.report {
            // The layout changes only with the template or the shape of （六）.
            Some(report)
                if self
                    .loaded
                    .report
                    .as_ref()
                    .is_some_and(|r| (r.template, r.other_shape) == (report.template, report.other_shape)) =>
            {
                self.tables.clone()
            }
            Some(report) => layouts(report.template, report.other_shape),
            None => self.tables.clone(),
        };
        Opened {
            origin: self.origin.clone(),
            loaded: Shared::new(loaded),
            checked: Shared::new(checked),
            tables,
            import_notes: self.import_notes.clone(),
        }
    }

    /// Whether it can be shown: the document was read as an object.
    pub fn is_readable(&self) -> bool {
        self.loaded.report.is_some()
    }
}

/// One report of a batch (many files opened at once).
#[derive(Debug, Clone, PartialEq)]
pub struct BatchEntry {
    pub name: String,
    pub opened: Opened,
}

/// Many reports, checked one after another (a supervisor's folder).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Batch {
    /// How many files were given; `entries` fills up to it.
    pub total: usize,
    pub entries: Vec<BatchEntry>,
    /// `aggregate-sum` of a parent's report against its subordinates'.
    pub aggregate: Option<Aggregate>,
    /// When the batch is several years of one agency: their entries, oldest
    /// first (each checked against the year before).
    pub years: Option<Vec<usize>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Aggregate {
    pub parent: usize,
    pub included: Vec<usize>,
    pub checked: Shared<Checked>,
}

impl Batch {
    pub fn done(&self) -> bool {
        self.entries.len() >= self.total
    }

    /// Several years of one agency: orders them and checks each year against
    /// the one before (the cross-year rules). Anything else is left alone.
    fn chain_years(&mut self, today: Date) {
        let report = |e: &BatchEntry| e.opened.loaded.report.clone();
        let readable: Vec<usize> = (0..self.entries.len()).filter(|&i| report(&self.entries[i]).is_some()).collect();
        if readable.len() < 2 {
            return;
        }
        let agencies: Vec<String> = readable.iter().filter_map(|&i| report(&self.entries[i])?.agency).collect();
        let one_agency = agencies.len() == readable.len()
            && agencies.iter().all(|a| nianbao_core::rules::same_body(a, &agencies[0]));
        let mut years: Vec<(i64, usize)> =
            readable.iter().filter_map(|&i| Some((report(&self.entries[i])?.year?, i))).collect();
        years.sort_unstable();
        let distinct = years.len() == readable.len() && years.windows(2).all(|w| w[0].0 != w[1].0);
        if !(one_agency && distinct) {
            return;
        }
        for pair in years.windows(2) {
            let previous = self.entries[pair[0].1].opened.clone();
            let entry = &mut self.entries[pair[1].1];
            if let Some(document) = entry.opened.loaded.document.clone() {
                entry.opened = entry.opened.edited(document, today, Some(&previous));
            }
        }
        self.years = Some(years.into_iter().map(|(_, i)| i).collect());
    }

    /// Finds a parent's aggregated report (a county's, prefecture's or
    /// province's) and the other reports of its year, and runs
    /// `aggregate-sum`. With several parents in one year nothing is guessed.
    fn aggregate(&self) -> Option<Aggregate> {
        use nianbao_core::model::Kind;
        let report = |i: usize| self.entries[i].opened.loaded.report.as_ref();
        let parents: Vec<usize> = (0..self.entries.len())
            .filter(|&i| {
                report(i)
                    .and_then(|r| r.kind)
                    .is_some_and(|k| matches!(k, Kind::County | Kind::Prefecture | Kind::Province))
            })
            .collect();
        let [parent] = parents.as_slice() else { return None };
        let parent_report = report(*parent)?;
        let included: Vec<usize> = (0..self.entries.len())
            .filter(|&i| i != *parent && report(i).is_some_and(|r| r.year == parent_report.year))
            .collect();
        if included.is_empty() {
            return None;
        }
        let names: Vec<String> = included
            .iter()
            .map(|&i| report(i).and_then(|r| r.agency.clone()).unwrap_or_else(|| self.entries[i].name.clone()))
            .collect();
        let subordinates: Vec<(&str, &nianbao_core::Report)> =
            included.iter().zip(&names).filter_map(|(&i, name)| Some((name.as_str(), report(i)?))).collect();
        let checked = nianbao_core::validate_aggregate(parent_report, &subordinates);
        Some(Aggregate { parent: *parent, included, checked: Shared::new(checked) })
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
}

/// A change to the report on screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// A cell, as typed: a number, empty for blank, or text.
    Cell { pointer: String, text: String },
    /// A text section (`overview`, `problems`, `other`).
    Text { key: String, text: String },
    /// A reviewer's decision on a finding (`None` takes it back).
    Settle { rule: String, pointer: String, status: Option<Status>, comment: String },
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
    /// Start or stop editing a cell.
    EditCell(Option<String>),
    Edit {
        edit: Edit,
        today: Date,
    },
    Undo,
    Redo,
    /// Last year's report, to check this one against; its bytes are read
    /// like any report.
    OpenPrevious {
        origin: Origin,
        bytes: Rc<[u8]>,
        today: Date,
    },
    ClearPrevious {
        today: Date,
    },
    /// Many files: how many are coming.
    BatchStart {
        total: usize,
    },
    /// The next files of the batch, read.
    BatchAdd {
        files: Vec<(String, Rc<[u8]>)>,
        today: Date,
    },
    /// Show one report of the batch.
    BatchOpen(usize),
    BatchClose,
}

impl State {
    /// The first screen: the built-in sample, checked.
    pub fn new(lang: Lang, today: Date) -> State {
        State {
            current: Some(Opened::read(Origin::BuiltinSample, nianbao_core::BUILTIN_SAMPLE.as_bytes(), today)),
            ..State::empty(lang)
        }
    }

    /// One step back (undo) or forward (redo) in the history of edits.
    fn travel(&mut self, back: bool) {
        let (from, to) = if back { (&mut self.undo, &mut self.redo) } else { (&mut self.redo, &mut self.undo) };
        if let Some(other) = from.pop() {
            if let Some(current) = self.current.replace(other) {
                to.push(current);
            }
            self.last_edit = None;
            self.selected = None;
        }
    }

    /// Checks the report on screen again, against the previous year's as it
    /// now is; the history of edits stays.
    fn recheck(&mut self, today: Date) {
        if let Some(current) = &self.current {
            if let Some(document) = current.loaded.document.clone() {
                self.current = Some(current.edited(document, today, self.previous.as_ref()));
                self.selected = None;
            }
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
            Action::Open { origin, bytes, today } => {
                next.loading = None;
                let opened = Opened::read_beside(origin, &bytes, today, next.previous.as_ref());
                if opened.is_readable() {
                    next.current = Some(opened);
                    next.failure = None;
                    next.selected = None;
                    next.editing = None;
                    next.undo.clear();
                    next.redo.clear();
                    next.last_edit = None;
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
            Action::EditCell(pointer) => {
                next.editing = pointer;
                next.last_edit = None;
            }
            Action::Edit { edit, today } => {
                let Some(current) = &next.current else { return self };
                let Some(mut document) = current.loaded.document.clone() else { return self };
                let step = match &edit {
                    Edit::Cell { pointer, .. } => Some(pointer.clone()),
                    Edit::Text { key, .. } => Some(format!("/{key}")),
                    Edit::Settle { .. } => None,
                };
                apply(&mut document, edit);
                // Typing on in the same place continues the same undo step.
                if step.is_none() || step != next.last_edit {
                    next.undo.push(current.clone());
                }
                next.redo.clear();
                next.last_edit = step;
                let selected_rule = next
                    .selected
                    .and_then(|i| current.checked.diagnostics.get(i))
                    .map(|d| (d.rule, d.pointers.first().cloned()));
                let edited = current.edited(document, today, next.previous.as_ref());
                // Keep the same finding selected when it is still there.
                next.selected = selected_rule.and_then(|(rule, first)| {
                    edited
                        .checked
                        .diagnostics
                        .iter()
                        .position(|d| d.rule == rule && d.pointers.first() == first.as_ref())
                });
                next.current = Some(edited);
            }
            Action::OpenPrevious { origin, bytes, today } => {
                next.loading = None;
                let previous = Opened::read(origin, &bytes, today);
                if !previous.is_readable() {
                    next.failure = Some(Failure::Unreadable(previous));
                    return Rc::new(next);
                }
                next.previous = Some(previous);
                next.recheck(today);
            }
            Action::ClearPrevious { today } => {
                next.previous = None;
                next.recheck(today);
            }
            Action::BatchStart { total } => {
                next.batch = Some(Shared::new(Batch { total, ..Batch::default() }));
                next.loading = None;
            }
            Action::BatchAdd { files, today } => {
                let Some(batch) = &next.batch else { return self };
                let mut batch = (**batch).clone();
                for (name, bytes) in files {
                    let opened = Opened::read(Origin::File(name.clone()), &bytes, today);
                    batch.entries.push(BatchEntry { name, opened });
                }
                if batch.done() {
                    batch.aggregate = batch.aggregate();
                    batch.chain_years(today);
                }
                next.batch = Some(Shared::new(batch));
            }
            Action::BatchOpen(index) => {
                let entry = next.batch.as_ref().and_then(|b| b.entries.get(index)).cloned();
                if let Some(entry) = entry.filter(|e| e.opened.is_readable()) {
                    next.current = Some(entry.opened);
                    next.selected = None;
                    next.editing = None;
                    next.undo.clear();
                    next.redo.clear();
                }
            }
            Action::BatchClose => next.batch = None,
            Action::Undo => next.travel(true),
            Action::Redo => next.travel(false),
        }
        Rc::new(next)
    }
}

/// What a typed cell holds: empty is blank (`null`), a JSON number is a
/// number, anything else is text as typed.
pub fn typed_cell(text: &str) -> Value {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Value::Null;
    }
    match nianbao_core::json::parse(trimmed) {
        Ok(parsed) if matches!(parsed.value, Value::Number(_)) => parsed.value,
        _ => Value::String(text.to_string()),
    }
}

/// Sets the value at `pointer`, making the objects on the way (a missing row).
fn set_at(document: &mut Value, pointer: &str, value: Value) {
    let mut current = document;
    let mut tokens = pointer.trim_start_matches('/').split('/').peekable();
    while let Some(token) = tokens.next() {
        let Value::Object(object) = current else { return };
        if tokens.peek().is_none() {
            object.insert(token, value);
            return;
        }
        if !matches!(object.get(token), Some(Value::Object(_))) {
            object.insert(token, Value::Object(Object::new()));
        }
        let Some(next) = object.get_mut(token) else { return };
        current = next;
    }
}

/// Applies an edit to a document.
fn apply(document: &mut Value, edit: Edit) {
    match edit {
        Edit::Cell { pointer, text } => set_at(document, &pointer, typed_cell(&text)),
        Edit::Text { key, text } => set_at(document, &format!("/{key}"), Value::String(text)),
        Edit::Settle { rule, pointer, status, comment } => {
            let Value::Object(root) = document else { return };
            let mut kept: Vec<Value> = match root.get("annotations") {
                Some(Value::Array(items)) => items
                    .iter()
                    .filter(|a| {
                        let same =
                            |key: &str, want: &str| a.pointer(&format!("/{key}")).and_then(Value::as_str) == Some(want);
                        !(same("rule", &rule) && same("pointer", &pointer))
                    })
                    .cloned()
                    .collect(),
                _ => Vec::new(),
            };
            if let Some(status) = status {
                let mut annotation = Object::new();
                annotation.insert("rule", Value::String(rule));
                annotation.insert("pointer", Value::String(pointer));
                annotation.insert("status", Value::String(status.code().into()));
                annotation.insert("comment", Value::String(comment));
                kept.push(Value::Object(annotation));
            }
            if kept.is_empty() {
                root.remove("annotations");
            } else {
                root.insert("annotations", Value::Array(kept));
            }
        }
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

    fn edit(state: Rc<State>, edit: Edit) -> Rc<State> {
        state.reduce(Action::Edit { edit, today: today() })
    }

    fn cell(pointer: &str, text: &str) -> Edit {
        Edit::Cell { pointer: pointer.into(), text: text.into() }
    }

    #[test]
    fn edits_revalidate_and_undo_redo() {
        let state = Rc::new(State::new(Lang::Zh, today()));
        let state = edit(state, cell("/applications/received/natural_person", "2"));
        let state = edit(state, cell("/applications/received/natural_person", "3"));
        let current = state.current.as_ref().unwrap();
        let rules: Vec<&str> = current.checked.diagnostics.iter().map(|d| d.rule.code()).collect();
        assert!(rules.contains(&"t3-row-total") && rules.contains(&"t3-balance"), "{rules:?}");
        // Typing in one cell is one undo step.
        assert_eq!(state.undo.len(), 1);
        let state = edit(state, cell("/appeals/review/pending", ""));
        assert_eq!(
            state.current.as_ref().unwrap().loaded.document.as_ref().unwrap().pointer("/appeals/review/pending"),
            Some(&Value::Null)
        );
        assert_eq!(state.undo.len(), 2);
        let state = state.reduce(Action::Undo);
        let state = state.reduce(Action::Undo);
        assert_eq!(state.current.as_ref().unwrap().checked.summary.errors, 0);
        let state = state.reduce(Action::Redo);
        assert!(state.current.as_ref().unwrap().checked.summary.errors > 0);
        assert_eq!(state.redo.len(), 1);
    }

    #[test]
    fn last_years_report_runs_the_cross_year_rules() {
        let state =
            open(Rc::new(State::new(Lang::Zh, today())), include_bytes!("../samples/hongze-district-2024.json"));
        let previous = include_str!("../samples/hongze-district-2023.json").replacen(
            "\"carried_forward\": { \"natural_person\": 0",
            "\"carried_forward\": { \"natural_person\": 2",
            1,
        );
        let state = state.reduce(Action::OpenPrevious {
            origin: Origin::Pasted,
            bytes: previous.as_bytes().into(),
            today: today(),
        });
        let rules: Vec<&str> =
            state.current.as_ref().unwrap().checked.diagnostics.iter().map(|d| d.rule.code()).collect();
        assert!(rules.contains(&"carry-over"), "{rules:?}");
        // Edits are checked against it too; clearing it stops the cross-year rules.
        let state = edit(state, cell("/applications/carried_over/natural_person", "2"));
        let rules: Vec<&str> =
            state.current.as_ref().unwrap().checked.diagnostics.iter().map(|d| d.rule.code()).collect();
        assert!(!rules.contains(&"carry-over"), "{rules:?}");
        let state = state.reduce(Action::ClearPrevious { today: today() });
        assert!(state.previous.is_none());
    }

    #[test]
    fn a_batch_is_summarised_and_a_parent_is_checked_against_its_subordinates() {
        let state = Rc::new(State::new(Lang::Zh, today()));
        let state = state.reduce(Action::BatchStart { total: 3 });
        let parent = include_str!("../samples/huaian-city-2024.json");
        let files = vec![
            ("huaian.json".to_string(), parent.as_bytes().into()),
            ("jiyuan.json".to_string(), nianbao_core::BUILTIN_SAMPLE.as_bytes().into()),
        ];
        let state = state.reduce(Action::BatchAdd { files, today: today() });
        assert!(!state.batch.as_ref().unwrap().done());
        let files = vec![("broken.json".to_string(), b"{".as_slice().into())];
        let state = state.reduce(Action::BatchAdd { files, today: today() });
        let batch = state.batch.as_ref().unwrap();
        assert!(batch.done());
        assert_eq!(batch.entries.len(), 3);
        assert_eq!(batch.entries[2].opened.checked.diagnostics[0].rule.code(), "json-syntax");
        let aggregate = batch.aggregate.as_ref().expect("淮安 is a prefecture's report");
        assert_eq!((aggregate.parent, aggregate.included.as_slice()), (0, [1].as_slice()));
        assert!(aggregate.checked.diagnostics.iter().all(|d| d.rule.code() == "aggregate-sum"));
        assert!(!aggregate.checked.diagnostics.is_empty());
        let state = state.reduce(Action::BatchOpen(0));
        assert!(
            state.current.as_ref().unwrap().loaded.report.as_ref().unwrap().agency.as_deref() == Some("淮安市人民政府")
        );
        // An unreadable entry is not opened.
        let state = state.reduce(Action::BatchOpen(2));
        assert!(
            state.current.as_ref().unwrap().loaded.report.as_ref().unwrap().agency.as_deref() == Some("淮安市人民政府")
        );
    }

    #[test]
    fn several_years_of_one_agency_are_chained() {
        let state = Rc::new(State::new(Lang::Zh, today()));
        let state = state.reduce(Action::BatchStart { total: 2 });
        let y2024 = include_str!("../samples/hongze-district-2024.json").replacen(
            "\"carried_over\": { \"natural_person\": 0",
            "\"carried_over\": { \"natural_person\": 3",
            1,
        );
        let files = vec![
            ("2024.json".to_string(), y2024.as_bytes().into()),
            ("2023.json".to_string(), include_bytes!("../samples/hongze-district-2023.json").as_slice().into()),
        ];
        let state = state.reduce(Action::BatchAdd { files, today: today() });
        let batch = state.batch.as_ref().unwrap();
        assert_eq!(batch.years.as_deref(), Some([1, 0].as_slice()));
        let rules: Vec<&str> = batch.entries[0].opened.checked.diagnostics.iter().map(|d| d.rule.code()).collect();
        assert!(rules.contains(&"carry-over"), "{rules:?}");
    }

    #[test]
    fn typed_cells() {
        assert_eq!(typed_cell(" 12 "), nianbao_core::json::parse("12").unwrap().value);
        assert_eq!(typed_cell("7730.28").to_json(), "7730.28");
        assert_eq!(typed_cell(""), Value::Null);
        assert_eq!(typed_cell("/"), Value::String("/".into()));
        assert_eq!(typed_cell("12件"), Value::String("12件".into()));
    }

    #[test]
    fn a_missing_row_is_made_by_typing_into_it() {
        let text = nianbao_core::BUILTIN_SAMPLE.replace("\"carried_forward\": {", "\"carried_forward_x\": {");
        let state = open(Rc::new(State::new(Lang::Zh, today())), text.as_bytes());
        let state = edit(state, cell("/applications/carried_forward/total", "0"));
        let document = state.current.as_ref().unwrap().loaded.document.clone().unwrap();
        assert_eq!(document.pointer("/applications/carried_forward/total").map(Value::to_json), Some("0".into()));
    }

    #[test]
    fn a_dismissed_finding_stays_dismissed_after_another_edit() {
        let state = Rc::new(State::new(Lang::Zh, today()));
        let state = edit(state, Edit::Text { key: "problems".into(), text: "无".into() });
        assert_eq!(state.current.as_ref().unwrap().checked.summary.warnings, 1);
        let settle = Edit::Settle {
            rule: "section-empty".into(),
            pointer: "/problems".into(),
            status: Some(Status::Dismissed),
            comment: "本年确无问题".into(),
        };
        let state = edit(state, settle);
        let summary = state.current.as_ref().unwrap().checked.summary;
        assert_eq!((summary.warnings, summary.dismissed), (0, 1));
        let state = edit(state, cell("/proactive/fees/amount", "1.5"));
        let summary = state.current.as_ref().unwrap().checked.summary;
        assert_eq!((summary.warnings, summary.dismissed), (0, 1));
        // Taken back: counted again.
        let undo = Edit::Settle {
            rule: "section-empty".into(),
            pointer: "/problems".into(),
            status: None,
            comment: String::new(),
        };
        let state = edit(state, undo);
        assert_eq!(state.current.as_ref().unwrap().checked.summary.warnings, 1);
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
