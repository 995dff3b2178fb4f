//! What only the workstation does to the state: edits and their history,
//! last year's report, and batches. The viewer is built without this module
//! (the `workstation` feature), so readers do not download it.

use super::{layouts, Action, Aggregate, Batch, BatchEntry, Edit, Failure, Opened, Origin, Row, Screen, Shared, State};
use nianbao_core::batch::{self, Member};
use nianbao_core::date::Date;
use nianbao_core::import_note::Refusal;
use nianbao_core::json::Value;
use nianbao_core::{Context, Loaded};
use std::rc::Rc;

/// A change only the workstation makes.
pub enum Work {
    Edit {
        edit: Edit,
        today: Date,
    },
    Undo,
    Redo,
    /// Escape in a cell's editor: the cell as it was before this editing
    /// began (the undo step its typing made is taken back), editing ends.
    CancelEdit,
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
    /// Many files: which batch, and how many are coming.
    BatchStart {
        id: u32,
        total: usize,
    },
    /// The next files of batch `id`, checked (in a worker or here): their
    /// names and rows, in the files' order.
    BatchRows {
        id: u32,
        rows: Vec<(String, Row)>,
        /// How many workers checked them (0: the page itself).
        workers: usize,
    },
    /// The user stopped batch `id`: the rows so far stay.
    BatchCancel {
        id: u32,
    },
    /// The reports the aggregate check and the chain of years need whole
    /// (`Batch::needs_whole`), read again from their files once every row
    /// is in (`Opened::load`: read, not checked; `io::batch` reads them a
    /// few at a time, so that the page is not held up): their entries and
    /// documents.
    BatchWhole {
        id: u32,
        files: Vec<(usize, Loaded, Option<Refusal>)>,
        today: Date,
    },
    /// Show one report of the batch whose report is kept (on screen before,
    /// edited, or one of a chain of years).
    BatchOpen(usize),
    /// Show one report of the batch, read again from its file.
    BatchShow {
        id: u32,
        index: usize,
        bytes: Rc<[u8]>,
        today: Date,
    },
    BatchClose,
    /// Open or close the form that starts a report.
    NewForm(bool),
    /// Start a report: the year's blank template.
    CreateBlank {
        year: i64,
        agency: String,
        kind: Option<nianbao_core::model::Kind>,
        today: Date,
    },
    /// Start next year's report from last year's (its bytes, read like any
    /// report), which then stays loaded as last year's for the cross-year
    /// checks.
    CreateFromPrevious {
        origin: Origin,
        bytes: Rc<[u8]>,
        today: Date,
    },
}

impl From<Work> for Action {
    fn from(work: Work) -> Action {
        Action::Work(work)
    }
}

impl State {
    /// Applies `work`; returns whether anything changed.
    pub(super) fn work(&mut self, work: Work) -> bool {
        match work {
            Work::Edit { edit, today } => {
                let Some(current) = &self.current else { return false };
                let Some(mut document) = current.loaded.document.clone() else { return false };
                let step = edit.place();
                nianbao_core::edit::apply(&mut document, edit);
                // Typing on in the same place continues the same undo step.
                if step.is_none() || step != self.last_edit {
                    self.undo.push(current.clone());
                }
                self.redo.clear();
                self.last_edit = step;
                let selected_rule = self
                    .selected
                    .and_then(|i| current.checked.diagnostics.get(i))
                    .map(|d| (d.rule, d.pointers.first().cloned()));
                // A year of a batch's chain is checked against the year
                // before it in the batch, as when the batch was checked.
                let chained = self.batch.as_ref().and_then(|b| b.previous_in_chain());
                let edited = current.edited(document, today, chained.as_ref().or(self.previous.as_ref()));
                // Keep the same finding selected when it is still there.
                self.selected = selected_rule.and_then(|(rule, first)| {
                    edited
                        .checked
                        .diagnostics
                        .iter()
                        .position(|d| d.rule == rule && d.pointers.first() == first.as_ref())
                });
                self.current = Some(edited);
            }
            Work::OpenPrevious { origin, bytes, today } => {
                self.loading = None;
                let previous = Opened::read(origin, &bytes, today);
                if !previous.is_readable() {
                    self.failure = Some(Failure::Unreadable(previous));
                    return true;
                }
                self.previous = Some(previous);
                self.recheck(today);
            }
            Work::ClearPrevious { today } => {
                self.previous = None;
                self.recheck(today);
            }
            Work::BatchStart { id, total } => {
                // The report on screen is put aside until the batch closes;
                // a batch opened over another keeps what was there before
                // the first.
                let before = match self.batch.take().and_then(|b| b.before.clone()) {
                    Some(before) => before,
                    None => Rc::new(Screen {
                        current: self.current.take(),
                        source: self.source.take(),
                        undo: std::mem::take(&mut self.undo),
                        redo: std::mem::take(&mut self.redo),
                    }),
                };
                self.current = None;
                self.source = None;
                self.undo.clear();
                self.redo.clear();
                self.selected = None;
                self.editing = None;
                self.last_edit = None;
                self.batch = Some(Shared::new(Batch { id, total, before: Some(before), ..Batch::default() }));
                self.loading = None;
            }
            Work::BatchRows { id, rows, workers } => {
                let Some(batch) = self.batch.as_ref().filter(|b| b.id == id && !b.cancelled) else { return false };
                let mut batch = (**batch).clone();
                batch.workers = workers;
                let room = batch.total.saturating_sub(batch.entries.len());
                batch.entries.extend(rows.into_iter().take(room).map(|(name, row)| BatchEntry::new(name, row)));
                self.batch = Some(Shared::new(batch));
            }
            Work::BatchCancel { id } => {
                let Some(batch) = self.batch.as_ref().filter(|b| b.id == id && !b.done()) else { return false };
                let mut batch = (**batch).clone();
                batch.cancelled = true;
                self.batch = Some(Shared::new(batch));
            }
            Work::BatchWhole { id, files, today } => {
                let Some(batch) = self.batch.as_ref().filter(|b| b.id == id) else { return false };
                let mut batch = (**batch).clone();
                // Read, not checked: the aggregate check needs the tables
                // alone, and only a chain's years are kept and checked.
                let whole: Vec<(usize, Loaded, Option<Refusal>)> =
                    files.into_iter().filter(|(i, _, _)| *i < batch.entries.len()).collect();
                batch.checked_on = Some(today);
                let reports: Vec<(usize, &nianbao_core::model::Report)> =
                    whole.iter().filter_map(|(i, loaded, _)| Some((*i, loaded.report.as_ref()?))).collect();
                batch.aggregate = batch.aggregate_of(&reports);
                // What the aggregate check summed, kept without its text to
                // make it again after an edit.
                let summed =
                    |i: &usize| batch.aggregate.as_ref().is_some_and(|a| a.parent == *i || a.included.contains(i));
                batch.tables = reports
                    .iter()
                    .filter(|(i, _)| summed(i))
                    .map(|(i, r)| (*i, Shared::new(batch::tables_only((*r).clone()))))
                    .collect();
                // The chain's reports stay whole: each is checked against
                // the year before, and its trend chart draws them.
                let years = batch.chain();
                for (i, loaded, refused) in whole {
                    let entry = &mut batch.entries[i];
                    if entry.opened.is_none() && years.as_ref().is_some_and(|y| y.contains(&i)) {
                        entry.opened = Some(Opened::of(Origin::File(entry.name.clone()), loaded, refused, today, None));
                    }
                }
                batch.chain_years(today);
                self.batch = Some(Shared::new(batch));
            }
            Work::BatchOpen(index) => {
                let Some(batch) = &self.batch else { return false };
                let Some(opened) = batch.entries.get(index).and_then(|e| e.opened.clone()) else { return false };
                if !opened.is_readable() {
                    return false;
                }
                let mut batch = (**batch).clone();
                batch.show(index, opened.clone());
                self.batch = Some(Shared::new(batch));
                self.show_batch_entry(opened);
            }
            Work::BatchShow { id, index, bytes, today } => {
                let Some(batch) = self.batch.as_ref().filter(|b| b.id == id) else { return false };
                let Some(entry) = batch.entries.get(index) else { return false };
                let opened = Opened::read(Origin::File(entry.name.clone()), &bytes, today);
                if !opened.is_readable() {
                    return false;
                }
                let mut batch = (**batch).clone();
                batch.show(index, opened.clone());
                self.batch = Some(Shared::new(batch));
                self.show_batch_entry(opened);
            }
            Work::BatchClose => self.close_batch(),
            Work::NewForm(open) => self.new_form = open,
            Work::CreateBlank { year, agency, kind, today } => {
                // Last year's report of another body would mislead the checks.
                self.previous = None;
                self.create(nianbao_core::new::blank(year, agency.trim(), kind), today);
            }
            Work::CreateFromPrevious { origin, bytes, today } => {
                self.loading = None;
                let previous = Opened::read(origin, &bytes, today);
                if !previous.is_readable() {
                    self.failure = Some(Failure::Unreadable(previous));
                    return true;
                }
                let draft = previous.loaded.document.as_ref().and_then(nianbao_core::new::from_previous);
                let Some(draft) = draft else {
                    let name = crate::components::failure::origin_name(&previous.origin, self.lang);
                    self.failure = Some(Failure::NoDraft { name });
                    return true;
                };
                self.previous = Some(previous);
                self.create(draft, today);
            }
            Work::CancelEdit => {
                let Some(pointer) = self.editing.take() else { return false };
                // Typing in this cell made the newest undo step (the report
                // before its first keystroke) exactly when it is the last edit.
                if self.last_edit.as_deref() == Some(pointer.as_str()) {
                    if let Some(before) = self.undo.pop() {
                        self.current = Some(before);
                        self.selected = None;
                    }
                }
                self.last_edit = None;
            }
            Work::Undo => self.travel(true),
            Work::Redo => self.travel(false),
        }
        self.keep_batch_entry();
        true
    }

    /// Closes the batch: what was on screen before it comes back, with its
    /// history of edits.
    fn close_batch(&mut self) {
        let Some(batch) = self.batch.take() else { return };
        if let Some(before) = &batch.before {
            let before = (**before).clone();
            self.current = before.current;
            self.source = before.source;
            self.undo = before.undo;
            self.redo = before.redo;
        }
        self.selected = None;
        self.editing = None;
        self.last_edit = None;
    }

    /// The batch's report on screen, edited (or undone), is its entry: its
    /// row and the totals count what is on screen, the aggregate check is
    /// made again with it, and the next year of a chain is checked against
    /// it.
    fn keep_batch_entry(&mut self) {
        let (Some(batch), Some(current)) = (&self.batch, &self.current) else { return };
        let Some(index) = batch.shown else { return };
        if batch.entries.get(index).is_none_or(|e| e.opened.as_ref() == Some(current)) {
            return;
        }
        let mut batch = (**batch).clone();
        let entry = &mut batch.entries[index];
        entry.row = Row::of(current, None);
        entry.opened = Some(current.clone());
        entry.kept = true;
        batch.reaggregate();
        batch.recheck_next_year(index);
        self.batch = Some(Shared::new(batch));
    }

    /// A report of the batch on screen, chosen from its summary.
    fn show_batch_entry(&mut self, opened: Opened) {
        self.current = Some(opened);
        self.selected = None;
        self.editing = None;
        self.undo.clear();
        self.redo.clear();
        self.last_edit = None;
    }

    /// Shows a report started here. The report that was on screen is one
    /// undo away (starting a report never loses one).
    fn create(&mut self, document: Value, today: Date) {
        // A report started here is not one of the batch's: the batch closes,
        // and what was on screen before it is the one undo away.
        self.close_batch();
        let bytes: Rc<[u8]> = document.to_json_pretty().into_bytes().into();
        let opened = Opened::read_beside(Origin::New(new_file_name(&document)), &bytes, today, self.previous.as_ref());
        if let Some(current) = self.current.take() {
            self.undo.push(current);
        }
        self.current = Some(opened);
        self.source = Some(bytes);
        self.redo.clear();
        self.last_edit = None;
        self.selected = None;
        self.editing = None;
        self.failure = None;
        self.new_form = false;
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
}

/// The file a report started here downloads as, and keeps its drafts under:
/// its agency and year (某某局-2025.json), fixed when it is started.
fn new_file_name(document: &Value) -> String {
    let text = |key: &str| {
        document.pointer(&format!("/{key}")).map(|v| match v {
            Value::String(s) => s.clone(),
            other => other.to_json(),
        })
    };
    let agency: String = text("agency").unwrap_or_default().chars().filter(|c| !"/\\:*?\"<>|".contains(*c)).collect();
    format!("{}-{}.json", agency.trim(), text("year").unwrap_or_default())
}

impl Opened {
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
            refused: None,
        }
    }
}

/// A report standing for a row: its agency, year and kind, which is all
/// the core's batch policy (`batch::aggregate`, `batch::chain_years`) reads
/// to decide who is whose aggregate and which reports are one agency's
/// years. Its cells are missing, so nothing is checked with it.
fn stand_in(row: &Row) -> Option<nianbao_core::model::Report> {
    use nianbao_core::model::{Cell, Report};
    use nianbao_core::Template;
    if !row.is_readable() {
        return None;
    }
    let template = row.template.unwrap_or(Template::T2021);
    Some(Report {
        template,
        template_declared: true,
        other_shape: template.other_shape(),
        year: row.year,
        agency: row.agency.clone(),
        title: None,
        kind: row.kind,
        published: None,
        overview: None,
        problems: None,
        other: None,
        proactive: Vec::new(),
        applications: Vec::new(),
        appeals: std::array::from_fn(|_| std::array::from_fn(|_| Cell::Missing)),
        annotations: Vec::new(),
        import: None,
    })
}

impl Batch {
    /// Stand-ins for every row (see [`stand_in`]).
    fn stand_ins(&self) -> Vec<Option<nianbao_core::model::Report>> {
        self.entries.iter().map(|e| stand_in(&e.row)).collect()
    }

    /// The entries whose reports the aggregate check and the chain of years
    /// need whole, as the core decides from the rows: none in most batches.
    pub fn needs_whole(&self) -> Vec<usize> {
        let stand_ins = self.stand_ins();
        let members = self.members_with(&stand_ins, &[]);
        let mut needed: Vec<usize> = Vec::new();
        if let Some(found) = batch::aggregate(&members) {
            needed.push(found.parent);
            needed.extend(found.included);
        }
        needed.extend(batch::chain_years(&members).unwrap_or_default());
        needed.sort_unstable();
        needed.dedup();
        needed
    }

    /// The batch's members: an entry's report where it has one (on screen,
    /// edited, or one of a chain), else the one read from its file
    /// (`whole`), else its stand-in.
    fn members_with<'a>(
        &'a self,
        stand_ins: &'a [Option<nianbao_core::model::Report>],
        whole: &[(usize, &'a nianbao_core::model::Report)],
    ) -> Vec<Member<'a>> {
        self.entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let report = e
                    .opened
                    .as_ref()
                    .and_then(|o| o.loaded.report.as_ref())
                    .or_else(|| whole.iter().find(|(j, _)| *j == i).map(|(_, r)| *r))
                    .or(stand_ins[i].as_ref());
                Member { file: &e.name, report }
            })
            .collect()
    }

    /// The aggregate check made again (after an edit) from the reports it
    /// summed and the edited ones; none when the reports it would now sum
    /// are not all at hand (a stand-in has no cells: it would be a false
    /// alarm, not a check).
    fn reaggregate(&mut self) {
        if self.tables.is_empty() {
            return;
        }
        let stand_ins = self.stand_ins();
        let tables: Vec<(usize, &nianbao_core::model::Report)> = self.tables.iter().map(|(i, r)| (*i, &**r)).collect();
        let at_hand = |i: usize| {
            tables.iter().any(|(j, _)| *j == i)
                || self.entries[i].opened.as_ref().is_some_and(|o| o.loaded.report.is_some())
        };
        let aggregate = batch::aggregate(&self.members_with(&stand_ins, &tables))
            .filter(|found| at_hand(found.parent) && found.included.iter().all(|&i| at_hand(i)))
            .map(|found| Aggregate {
                parent: found.parent,
                included: found.included,
                checked: Shared::new(found.checked),
            });
        self.aggregate = aggregate;
    }

    /// The report before the one on screen in the batch's chain of years.
    fn previous_in_chain(&self) -> Option<Opened> {
        let years = self.years.as_ref()?;
        let k = years.iter().position(|&i| Some(i) == self.shown)?;
        self.entries[*years.get(k.checked_sub(1)?)?].opened.clone()
    }

    /// The year after entry `index` in the chain, checked again against it
    /// as it now is (its cross-year findings follow the edit).
    fn recheck_next_year(&mut self, index: usize) {
        let (Some(years), Some(today)) = (&self.years, self.checked_on) else { return };
        let Some(k) = years.iter().position(|&i| i == index) else { return };
        let Some(&next) = years.get(k + 1) else { return };
        let Some(previous) = self.entries[index].opened.clone() else { return };
        let entry = &mut self.entries[next];
        let Some(opened) = &entry.opened else { return };
        if let Some(document) = opened.loaded.document.clone() {
            let opened = opened.edited(document, today, Some(&previous));
            entry.row = Row::of(&opened, None);
            entry.opened = Some(opened);
        }
    }

    /// The chain of years, as the core decides from the rows.
    fn chain(&self) -> Option<Vec<usize>> {
        let stand_ins = self.stand_ins();
        batch::chain_years(&self.members_with(&stand_ins, &[]))
    }

    /// Several years of one agency (the core decides): each year is checked
    /// against the one before (the cross-year rules). Their reports are
    /// whole by now (`Work::BatchWhole`).
    fn chain_years(&mut self, today: Date) {
        let Some(chain) = self.chain() else { return };
        for pair in chain.windows(2) {
            let Some(previous) = self.entries[pair[0]].opened.clone() else { return };
            let entry = &mut self.entries[pair[1]];
            let Some(opened) = &entry.opened else { return };
            if let Some(document) = opened.loaded.document.clone() {
                let opened = opened.edited(document, today, Some(&previous));
                entry.row = Row::of(&opened, None);
                entry.opened = Some(opened);
            }
        }
        self.years = Some(chain);
    }

    /// A parent's aggregated report against the other reports of its year
    /// (`aggregate-sum`), when the core finds one; `whole` holds the reports
    /// it needs (`needs_whole`).
    fn aggregate_of(&self, whole: &[(usize, &nianbao_core::model::Report)]) -> Option<Aggregate> {
        let stand_ins = self.stand_ins();
        let found = batch::aggregate(&self.members_with(&stand_ins, whole))?;
        Some(Aggregate { parent: found.parent, included: found.included, checked: Shared::new(found.checked) })
    }

    /// Entry `index` on screen; the one shown before is read again from its
    /// file when opened again, unless it was edited or is one of the chain.
    fn show(&mut self, index: usize, opened: Opened) {
        if let Some(before) = self.shown.filter(|&b| b != index) {
            let in_chain = self.years.as_ref().is_some_and(|y| y.contains(&before));
            if let Some(entry) = self.entries.get_mut(before).filter(|e| !e.kept && !in_chain) {
                entry.opened = None;
            }
        }
        self.entries[index].opened = Some(opened);
        self.shown = Some(index);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{open, today};
    use super::*;
    use nianbao_core::diagnostic::Status;
    use nianbao_core::edit::typed_cell;
    use nianbao_core::import_note::ImportNote;
    use nianbao_core::input::report_text;
    use nianbao_core::Lang;
    use yew::Reducible;

    fn edit(state: Rc<State>, edit: Edit) -> Rc<State> {
        state.reduce(Action::Work(Work::Edit { edit, today: today() }))
    }

    fn cell(pointer: &str, text: &str) -> Edit {
        Edit::Cell { pointer: pointer.into(), text: text.into() }
    }

    #[test]
    fn a_report_started_here_keeps_the_one_before_one_undo_away() {
        let state = Rc::new(State::new(Lang::Zh, today()));
        let state = state.reduce(Action::Work(Work::NewForm(true)));
        assert!(state.new_form);
        let state = state.reduce(Action::Work(Work::CreateBlank {
            year: 2025,
            agency: " 某某局 ".into(),
            kind: None,
            today: today(),
        }));
        assert!(!state.new_form);
        let current = state.current.as_ref().unwrap();
        assert_eq!(current.origin, Origin::New("某某局-2025.json".into()));
        assert_eq!(current.loaded.report.as_ref().unwrap().agency.as_deref(), Some("某某局"));
        assert_eq!(nianbao_core::new::to_fill(current.loaded.document.as_ref().unwrap()), [10, 175, 15]);
        let state = state.reduce(Action::Work(Work::Undo));
        assert_eq!(state.current.as_ref().unwrap().origin, Origin::BuiltinSample);
    }

    #[test]
    fn next_years_draft_keeps_last_years_report_beside_it() {
        let state = Rc::new(State::new(Lang::Zh, today()));
        let bytes: Rc<[u8]> = nianbao_core::BUILTIN_SAMPLE.as_bytes().into();
        let state = state.reduce(Action::Work(Work::CreateFromPrevious {
            origin: Origin::File("last.json".into()),
            bytes,
            today: today(),
        }));
        let current = state.current.as_ref().unwrap();
        assert_eq!(current.loaded.report.as_ref().unwrap().year, Some(2025));
        assert_eq!(state.previous.as_ref().unwrap().origin, Origin::File("last.json".into()));
        let rules: Vec<&str> = current.checked.diagnostics.iter().map(|d| d.rule.code()).collect();
        assert!(rules.contains(&"copied-previous"), "{rules:?}");
        // Not a report with a year: said, and nothing replaced.
        let no_year = nianbao_core::BUILTIN_SAMPLE.replace("\"year\": 2024,", "");
        let state = state.reduce(Action::Work(Work::CreateFromPrevious {
            origin: Origin::File("no-year.json".into()),
            bytes: no_year.into_bytes().into(),
            today: today(),
        }));
        assert_eq!(state.failure, Some(Failure::NoDraft { name: "no-year.json".into() }));
        assert_eq!(state.current.as_ref().unwrap().loaded.report.as_ref().unwrap().year, Some(2025));
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
        let state = state.reduce(Action::Work(Work::Undo));
        let state = state.reduce(Action::Work(Work::Undo));
        assert_eq!(state.current.as_ref().unwrap().checked.summary.errors, 0);
        let state = state.reduce(Action::Work(Work::Redo));
        assert!(state.current.as_ref().unwrap().checked.summary.errors > 0);
        assert_eq!(state.redo.len(), 1);
    }

    #[test]
    fn escape_restores_the_cell_and_a_paste_is_one_undo_step() {
        let pointer = "/applications/received/natural_person";
        let state = Rc::new(State::new(Lang::Zh, today()));
        let state = edit(state, cell("/appeals/review/pending", "1"));
        // Editing starts, two keystrokes, Escape: the cell is as it was, and
        // the earlier edit is still the one step of undo.
        let state = state.reduce(Action::EditCell(Some(pointer.into())));
        let state = edit(state, cell(pointer, "3"));
        let state = edit(state, cell(pointer, "31"));
        let state = state.reduce(Action::Work(Work::CancelEdit));
        let document = state.current.as_ref().unwrap().loaded.document.clone().unwrap();
        assert_eq!(document.pointer(pointer).map(Value::to_json), Some("1".into()));
        assert_eq!(document.pointer("/appeals/review/pending").map(Value::to_json), Some("1".into()));
        assert_eq!((state.undo.len(), state.editing.as_deref()), (1, None));
        // Escape without typing changes nothing.
        let state = state.reduce(Action::EditCell(Some(pointer.into())));
        let state = state.reduce(Action::Work(Work::CancelEdit));
        assert_eq!(state.undo.len(), 1);
        // A pasted row: seven cells in one step, undone in one step.
        let sheet = nianbao_core::sheet::Sheet::new(&state.current.as_ref().unwrap().tables[1]);
        let cells = nianbao_core::sheet::paste(&sheet, pointer, "3 1 0 0 2 0 6").unwrap();
        let state = edit(state, Edit::Cells { cells });
        let document = state.current.as_ref().unwrap().loaded.document.clone().unwrap();
        assert_eq!(document.pointer("/applications/received/total").map(Value::to_json), Some("6".into()));
        assert_eq!(state.undo.len(), 2);
        let state = state.reduce(Action::Work(Work::Undo));
        let document = state.current.as_ref().unwrap().loaded.document.clone().unwrap();
        assert_eq!(document.pointer("/applications/received/total").map(Value::to_json), Some("1".into()));
        assert_eq!(document.pointer(pointer).map(Value::to_json), Some("1".into()));
    }

    #[test]
    fn last_years_report_runs_the_cross_year_rules() {
        let state =
            open(Rc::new(State::new(Lang::Zh, today())), include_bytes!("../../samples/hongze-district-2024.json"));
        let previous = include_str!("../../samples/hongze-district-2023.json").replacen(
            "\"carried_forward\": { \"natural_person\": 0",
            "\"carried_forward\": { \"natural_person\": 2",
            1,
        );
        let state = state.reduce(Action::Work(Work::OpenPrevious {
            origin: Origin::Pasted,
            bytes: previous.as_bytes().into(),
            today: today(),
        }));
        let rules: Vec<&str> =
            state.current.as_ref().unwrap().checked.diagnostics.iter().map(|d| d.rule.code()).collect();
        assert!(rules.contains(&"carry-over"), "{rules:?}");
        // Edits are checked against it too; clearing it stops the cross-year rules.
        let state = edit(state, cell("/applications/carried_over/natural_person", "2"));
        let rules: Vec<&str> =
            state.current.as_ref().unwrap().checked.diagnostics.iter().map(|d| d.rule.code()).collect();
        assert!(!rules.contains(&"carry-over"), "{rules:?}");
        let state = state.reduce(Action::Work(Work::ClearPrevious { today: today() }));
        assert!(state.previous.is_none());
    }

    /// A file of a batch as a worker checks it.
    fn row(name: &str, read: Result<&[u8], String>) -> (String, Row) {
        (name.to_string(), Row::read(name, read, today()))
    }

    /// Rows in, then the reports the batch needs whole, as `io::batch` does.
    fn add_all(state: Rc<State>, id: u32, files: &[(&str, Result<&[u8], String>)]) -> Rc<State> {
        let rows = files.iter().map(|(name, read)| row(name, read.clone())).collect();
        let state = state.reduce(Action::Work(Work::BatchRows { id, rows, workers: 0 }));
        let needed = state.batch.as_ref().unwrap().needs_whole();
        let files = needed.iter().map(|&i| read(i, files[i].0, files[i].1.clone().unwrap_or_default())).collect();
        state.reduce(Action::Work(Work::BatchWhole { id, files, today: today() }))
    }

    /// A file of a batch read again, as `io::batch` reads it for the reducer.
    fn read(index: usize, name: &str, bytes: &[u8]) -> (usize, Loaded, Option<Refusal>) {
        let (loaded, refused) = Opened::load(&Origin::File(name.to_string()), bytes);
        (index, loaded, refused)
    }

    #[test]
    fn a_batch_is_summarised_and_a_parent_is_checked_against_its_subordinates() {
        let state = Rc::new(State::new(Lang::Zh, today()));
        let state = state.reduce(Action::Work(Work::BatchStart { id: 1, total: 4 }));
        let parent = include_bytes!("../../samples/huaian-city-2024.json").as_slice();
        let files =
            vec![row("huaian.json", Ok(parent)), row("jiyuan.json", Ok(nianbao_core::BUILTIN_SAMPLE.as_bytes()))];
        let state = state.reduce(Action::Work(Work::BatchRows { id: 1, rows: files, workers: 0 }));
        assert!(!state.batch.as_ref().unwrap().done());
        // Rows of another batch are not this one's.
        let stray = state.clone().reduce(Action::Work(Work::BatchRows {
            id: 9,
            rows: vec![row("x.json", Ok(b"{"))],
            workers: 0,
        }));
        assert_eq!(stray.batch.as_ref().unwrap().entries.len(), 2);
        let files = vec![row("broken.json", Ok(b"{")), row("gone.docx", Err("文件已被移走".to_string()))];
        let state = state.reduce(Action::Work(Work::BatchRows { id: 1, rows: files, workers: 0 }));
        let batch = state.batch.as_ref().unwrap();
        assert!(batch.done());
        assert_eq!(batch.entries.len(), 4);
        assert!(batch.entries.iter().all(|e| e.opened.is_none()), "rows only, no documents");
        assert!(batch.entries[2].row.reason(Lang::Zh).is_some_and(|r| r.contains("JSON")));
        // A file that could not be read is listed with the reason.
        assert_eq!(batch.entries[3].row.reason(Lang::Zh), Some("文件已被移走"));
        assert_eq!(batch.needs_whole(), [0, 1]);
        let whole =
            vec![read(0, "huaian.json", parent), read(1, "jiyuan.json", nianbao_core::BUILTIN_SAMPLE.as_bytes())];
        let state = state.reduce(Action::Work(Work::BatchWhole { id: 1, files: whole, today: today() }));
        let batch = state.batch.as_ref().unwrap();
        let aggregate = batch.aggregate.as_ref().expect("淮安 is a prefecture's report");
        assert_eq!((aggregate.parent, aggregate.included.as_slice()), (0, [1].as_slice()));
        assert!(aggregate.checked.diagnostics.iter().all(|d| d.rule.code() == "aggregate-sum"));
        assert!(!aggregate.checked.diagnostics.is_empty());
        let state =
            state.reduce(Action::Work(Work::BatchShow { id: 1, index: 0, bytes: parent.into(), today: today() }));
        assert!(
            state.current.as_ref().unwrap().loaded.report.as_ref().unwrap().agency.as_deref() == Some("淮安市人民政府")
        );
        // An unreadable entry is not opened.
        let state = state.reduce(Action::Work(Work::BatchShow {
            id: 1,
            index: 2,
            bytes: b"{".as_slice().into(),
            today: today(),
        }));
        assert!(
            state.current.as_ref().unwrap().loaded.report.as_ref().unwrap().agency.as_deref() == Some("淮安市人民政府")
        );
        // Another one shown: the first is read again when opened again.
        let jiyuan = nianbao_core::BUILTIN_SAMPLE.as_bytes();
        let state =
            state.reduce(Action::Work(Work::BatchShow { id: 1, index: 1, bytes: jiyuan.into(), today: today() }));
        let batch = state.batch.as_ref().unwrap();
        assert_eq!(batch.shown, Some(1));
        assert!(batch.entries[0].opened.is_none() && batch.entries[1].opened.is_some());
    }

    #[test]
    fn the_aggregate_check_follows_an_edit_of_a_summed_report() {
        let state = Rc::new(State::new(Lang::Zh, today()));
        let state = state.reduce(Action::Work(Work::BatchStart { id: 1, total: 2 }));
        let parent = include_bytes!("../../samples/huaian-city-2024.json").as_slice();
        let jiyuan = nianbao_core::BUILTIN_SAMPLE.as_bytes();
        let state = add_all(state, 1, &[("huaian.json", Ok(parent)), ("jiyuan.json", Ok(jiyuan))]);
        let batch = state.batch.as_ref().unwrap();
        let before = batch.aggregate.clone().expect("淮安 is a prefecture's report");
        // What was summed is kept, without its text.
        assert_eq!(batch.tables.iter().map(|(i, _)| *i).collect::<Vec<_>>(), [0, 1]);
        assert!(batch.tables.iter().all(|(_, r)| r.overview.is_none() && r.problems.is_none()));
        // A difference at a cell 淮安 filled: 济源's cell made the same (the
        // one subordinate is the whole sum) takes it away.
        let huaian = nianbao_core::load(parent).document.unwrap();
        let (pointer, published) = before
            .checked
            .diagnostics
            .iter()
            .find_map(|d| {
                let pointer = d.pointers.first()?;
                let value @ Value::Number(_) = huaian.pointer(pointer)? else { return None };
                Some((pointer.clone(), value.to_json()))
            })
            .expect("a difference at a number of 淮安's");
        let state =
            state.reduce(Action::Work(Work::BatchShow { id: 1, index: 1, bytes: jiyuan.into(), today: today() }));
        let state = edit(state, cell(&pointer, &published));
        let after = state.batch.as_ref().unwrap().aggregate.clone().expect("still 淮安 against 济源");
        assert!(after.checked.diagnostics.iter().all(|d| d.pointers.first() != Some(&pointer)), "{pointer}");
        assert!(after.checked.diagnostics.len() < before.checked.diagnostics.len());
        // Undone, the check is as it was.
        let state = state.reduce(Action::Work(Work::Undo));
        let undone = state.batch.as_ref().unwrap().aggregate.clone().unwrap();
        assert_eq!(*undone.checked, *before.checked);
        // 淮安 itself edited to another year: 济源 is no longer its year's,
        // and nothing is summed.
        let state =
            state.reduce(Action::Work(Work::BatchShow { id: 1, index: 0, bytes: parent.into(), today: today() }));
        let state = edit(state, Edit::Fact { key: "year".into(), text: "2023".into() });
        assert_eq!(state.current.as_ref().unwrap().loaded.report.as_ref().unwrap().year, Some(2023));
        assert!(state.batch.as_ref().unwrap().aggregate.is_none());
    }

    #[test]
    fn a_cancelled_batch_keeps_its_rows_and_takes_no_more() {
        let state = Rc::new(State::new(Lang::Zh, today()));
        let state = state.reduce(Action::Work(Work::BatchStart { id: 1, total: 3 }));
        let state =
            state.reduce(Action::Work(Work::BatchRows { id: 1, rows: vec![row("a.json", Ok(b"{"))], workers: 0 }));
        let state = state.reduce(Action::Work(Work::BatchCancel { id: 1 }));
        let batch = state.batch.as_ref().unwrap();
        assert!(batch.done() && batch.cancelled);
        assert_eq!((batch.entries.len(), batch.unchecked()), (1, 2));
        let state =
            state.reduce(Action::Work(Work::BatchRows { id: 1, rows: vec![row("b.json", Ok(b"{"))], workers: 0 }));
        assert_eq!(state.batch.as_ref().unwrap().entries.len(), 1);
    }

    #[test]
    fn a_batch_shows_only_its_own_reports_and_closing_it_brings_back_the_one_before() {
        let state = Rc::new(State::new(Lang::Zh, today()));
        let state = edit(state, cell("/appeals/review/pending", "1"));
        let state = state.reduce(Action::Work(Work::BatchStart { id: 1, total: 2 }));
        // The sample is put aside, with its history: nothing of it can come back
        // by undo while the batch is open.
        assert!(state.current.is_none() && state.undo.is_empty());
        let state = state.reduce(Action::Work(Work::Undo));
        assert!(state.current.is_none());
        let hongze = include_bytes!("../../samples/hongze-district-2023.json").as_slice();
        let files = vec![
            row("hongze.json", Ok(hongze)),
            row("huaian.json", Ok(include_bytes!("../../samples/huaian-city-2024.json"))),
        ];
        let state = state.reduce(Action::Work(Work::BatchRows { id: 1, rows: files, workers: 0 }));
        assert!(state.current.is_none());
        // A report not kept is not opened without its bytes.
        assert!(state.clone().reduce(Action::Work(Work::BatchOpen(0))).current.is_none());
        let state =
            state.reduce(Action::Work(Work::BatchShow { id: 1, index: 0, bytes: hongze.into(), today: today() }));
        assert_eq!(state.batch.as_ref().unwrap().shown, Some(0));
        assert_eq!(state.current.as_ref().unwrap().origin, Origin::File("hongze.json".into()));
        // An edit of the report on screen is its row's too.
        let state = edit(state, cell("/appeals/review/total", "11"));
        let batch = state.batch.as_ref().unwrap();
        assert_eq!(batch.entries[0].row.summary.errors, 1);
        assert!(batch.entries[0].kept);
        assert_eq!(state.current.as_ref().unwrap().checked.summary.errors, 1);
        let state = state.reduce(Action::Work(Work::Undo));
        assert_eq!(state.batch.as_ref().unwrap().entries[0].row.summary.errors, 2);
        // Kept: opened again as edited, not read again.
        let state = state.reduce(Action::Work(Work::BatchOpen(0)));
        assert_eq!(state.current.as_ref().unwrap().checked.summary.errors, 2);
        // A second batch over the first keeps what was there before the first.
        let state = state.reduce(Action::Work(Work::BatchStart { id: 2, total: 0 }));
        let state = state.reduce(Action::Work(Work::BatchClose));
        assert!(state.batch.is_none());
        let current = state.current.as_ref().unwrap();
        assert_eq!(current.origin, Origin::BuiltinSample);
        assert_eq!(state.undo.len(), 1, "its history came back with it");
        assert_eq!(
            current.loaded.document.as_ref().unwrap().pointer("/appeals/review/pending").map(Value::to_json),
            Some("1".into())
        );
        // A report opened alone ends a batch.
        let state = state.reduce(Action::Work(Work::BatchStart { id: 3, total: 1 }));
        let state = open(state, include_bytes!("../../samples/hongze-district-2024.json"));
        assert!(state.batch.is_none());
        assert_eq!(state.current.as_ref().unwrap().loaded.report.as_ref().unwrap().year, Some(2024));
        // Starting a report closes the batch; the report before it is one undo away.
        let state = state.reduce(Action::Work(Work::BatchStart { id: 4, total: 1 }));
        let state = state.reduce(Action::Work(Work::CreateBlank {
            year: 2025,
            agency: "某某局".into(),
            kind: None,
            today: today(),
        }));
        assert!(state.batch.is_none());
        let state = state.reduce(Action::Work(Work::Undo));
        assert_eq!(state.current.as_ref().unwrap().loaded.report.as_ref().unwrap().year, Some(2024));
    }

    #[test]
    fn files_of_an_earlier_batch_do_not_join_a_later_one() {
        let state = Rc::new(State::new(Lang::Zh, today()));
        let state = state.reduce(Action::Work(Work::BatchStart { id: 1, total: 2 }));
        let state = state.reduce(Action::Work(Work::BatchStart { id: 2, total: 1 }));
        let late = vec![row("old.json", Ok(nianbao_core::BUILTIN_SAMPLE.as_bytes()))];
        let state = state.reduce(Action::Work(Work::BatchRows { id: 1, rows: late, workers: 0 }));
        assert!(state.batch.as_ref().unwrap().entries.is_empty());
        let files = vec![row("new.json", Ok(nianbao_core::BUILTIN_SAMPLE.as_bytes()))];
        let state = state.reduce(Action::Work(Work::BatchRows { id: 2, rows: files, workers: 0 }));
        let batch = state.batch.as_ref().unwrap();
        assert_eq!((batch.entries.len(), batch.entries[0].name.as_str(), batch.done()), (1, "new.json", true));
    }

    #[test]
    fn several_years_of_one_agency_are_chained() {
        let state = Rc::new(State::new(Lang::Zh, today()));
        let state = state.reduce(Action::Work(Work::BatchStart { id: 1, total: 2 }));
        let y2024 = include_str!("../../samples/hongze-district-2024.json").replacen(
            "\"carried_over\": { \"natural_person\": 0",
            "\"carried_over\": { \"natural_person\": 3",
            1,
        );
        let files: [(&str, Result<&[u8], String>); 2] = [
            ("2024.json", Ok(y2024.as_bytes())),
            ("2023.json", Ok(include_bytes!("../../samples/hongze-district-2023.json"))),
        ];
        let alone = Row::read("2024.json", Ok(y2024.as_bytes()), today());
        let state = add_all(state, 1, &files);
        let batch = state.batch.as_ref().unwrap();
        assert_eq!(batch.years.as_deref(), Some([1, 0].as_slice()));
        assert!(batch.entries.iter().all(|e| e.opened.is_some()), "the chain's reports are kept whole");
        let checked = &batch.entries[0].opened.as_ref().unwrap().checked;
        let rules: Vec<&str> = checked.diagnostics.iter().map(|d| d.rule.code()).collect();
        assert!(rules.contains(&"carry-over"), "{rules:?}");
        // Its row counts the cross-year findings, which the file alone has not.
        assert_eq!(batch.entries[0].row.summary, checked.summary);
        assert_ne!(batch.entries[0].row.summary, alone.summary);
    }

    #[test]
    fn an_edited_year_of_a_chain_is_checked_against_the_year_before_and_checks_the_year_after() {
        let state = Rc::new(State::new(Lang::Zh, today()));
        let state = state.reduce(Action::Work(Work::BatchStart { id: 1, total: 2 }));
        let y2024 = include_str!("../../samples/hongze-district-2024.json").replacen(
            "\"carried_over\": { \"natural_person\": 0",
            "\"carried_over\": { \"natural_person\": 3",
            1,
        );
        let files: [(&str, Result<&[u8], String>); 2] = [
            ("2024.json", Ok(y2024.as_bytes())),
            ("2023.json", Ok(include_bytes!("../../samples/hongze-district-2023.json"))),
        ];
        let state = add_all(state, 1, &files);
        let carry_over =
            |opened: &Opened| opened.checked.diagnostics.iter().filter(|d| d.rule.code() == "carry-over").count();
        // 2024 on screen and edited elsewhere: still checked against 2023.
        let state = state.reduce(Action::Work(Work::BatchOpen(0)));
        let state = edit(state, Edit::Text { key: "other".into(), text: "无。".into() });
        assert_eq!(carry_over(state.current.as_ref().unwrap()), 1);
        assert_eq!(carry_over(state.batch.as_ref().unwrap().entries[0].opened.as_ref().unwrap()), 1);
        // 2023 edited to carry forward the 3 that 2024 carried over: 2024's
        // carry-over finding goes, in its entry and its row.
        let finding = state.batch.as_ref().unwrap().entries[0].opened.as_ref().unwrap().checked.diagnostics.clone();
        let pointer = finding.iter().find(|d| d.rule.code() == "carry-over").unwrap().pointers[0].clone();
        let forward = pointer.replace("carried_over", "carried_forward");
        assert_ne!(forward, pointer);
        let state = state.reduce(Action::Work(Work::BatchOpen(1)));
        let state = edit(state, cell(&forward, "3"));
        let batch = state.batch.as_ref().unwrap();
        let next = batch.entries[0].opened.as_ref().unwrap();
        assert_eq!(carry_over(next), 0);
        assert_eq!(batch.entries[0].row.summary, next.checked.summary);
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
    fn report_text_is_imported_and_noted() {
        let state = Rc::new(State::new(Lang::Zh, today()));
        let text = include_str!("../../samples/hongze-district-2023.txt");
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
}
