//! `nianbao check`: files checked on every core and written as they are
//! checked, in the order of their names, so that a directory of 100,000
//! reports takes seconds and little memory (docs/SCALING.md).
//!
//! What is kept of a file after its check is its findings and what the
//! checks across files need (its tables, agency, year and kind), never its
//! document or its text. Its part of the output is written by the thread
//! that checked it, and passed on as soon as no check across files can
//! still change it: while the files so far could be one agency's years
//! (`batch::chain_years`), or from the one aggregated report on
//! (`batch::aggregate`), it waits; the end decides.

use crate::OutputFormat;
use nianbao_core::batch::{self, Member};
use nianbao_core::import_note::ImportRecord;
use nianbao_core::message::{self as words, message};
use nianbao_core::model::{Kind, Report};
use nianbao_core::output;
use nianbao_core::text::same_body;
use nianbao_core::{Checked, Context, Lang, Loaded, Template};
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// One checked file.
struct Kept {
    path: PathBuf,
    name: String,
    template: Template,
    checked: Checked,
    import: Option<ImportRecord>,
    /// What the checks across files need: the report without its text.
    report: Option<Report>,
    /// When it is a parent's aggregated report checked against the others:
    /// the line that names them (its findings are in `checked`).
    aggregate: Option<String>,
    /// Its part of the output, as checked alone.
    out: String,
}

/// What was written.
pub struct Written {
    /// A file could not be read.
    pub unreadable: bool,
    /// A file has an error finding.
    pub errors: bool,
    /// The most files held at once (checked, not yet passed on or kept
    /// for the checks across files): what bounds the memory.
    #[cfg_attr(not(test), expect(dead_code, reason = "what the tests hold the writer to"))]
    pub held: usize,
}

pub struct Run<'a> {
    pub files: &'a [PathBuf],
    pub context: &'a Context<'a>,
    pub format: OutputFormat,
    pub lang: Lang,
    /// One file was named: JSON output is its findings alone.
    pub single: bool,
}

/// Files a worker takes at once.
const TAKEN: usize = 8;

/// How far past the first file not yet written a worker may take files,
/// per worker: a worker slow on one file (a large one, or a thread the
/// system put aside) holds every later file back, and they would otherwise
/// pile up behind it.
const AHEAD: usize = 4 * TAKEN;

/// The first file not yet passed on, for the workers to keep within reach
/// of; `usize::MAX` once the writer has stopped.
struct Progress {
    next: std::sync::Mutex<usize>,
    moved: std::sync::Condvar,
}

impl Progress {
    fn set(&self, next: usize) {
        let mut at = self.next.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if *at != next {
            *at = next;
            self.moved.notify_all();
        }
    }

    /// Waits until files from `from` on may be taken.
    fn wait_for(&self, from: usize, window: usize) {
        let mut at = self.next.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        while from >= at.saturating_add(window) {
            at = self.moved.wait(at).unwrap_or_else(std::sync::PoisonError::into_inner);
        }
    }
}

/// Checks the files and writes the result to `out`.
pub fn run(run: &Run<'_>, out: &mut impl Write) -> std::io::Result<Written> {
    let n = run.files.len();
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(n.max(1));
    let window = AHEAD * workers;
    let next = AtomicUsize::new(0);
    let progress = Progress { next: std::sync::Mutex::new(0), moved: std::sync::Condvar::new() };
    let mut writer = Writer::new(run);
    std::thread::scope(|scope| -> std::io::Result<()> {
        // Files are taken and passed on a few at a time: one hand-over per
        // file cost more in waking threads than the checks on two cores.
        let (send, receive) = std::sync::mpsc::sync_channel::<Vec<(usize, Option<Kept>)>>(32);
        for _ in 0..workers {
            let send = send.clone();
            let (next, progress) = (&next, &progress);
            scope.spawn(move || loop {
                let from = next.fetch_add(TAKEN, Ordering::Relaxed);
                if from >= n {
                    break;
                }
                // The first file not written is always within reach: the
                // worker that took it never waits.
                progress.wait_for(from, window);
                let checked = (from..n.min(from + TAKEN)).map(|i| (i, check_file(&run.files[i], run))).collect();
                if send.send(checked).is_err() {
                    break;
                }
            });
        }
        drop(send);
        let mut written = || -> std::io::Result<()> {
            for checked in &receive {
                for (i, kept) in checked {
                    writer.arrived(i, kept, out)?;
                }
                progress.set(writer.next);
            }
            Ok(())
        };
        let result = written();
        // A failed write (a closed pipe) lets waiting workers go: they
        // find the channel closed and stop.
        progress.set(usize::MAX);
        drop(receive);
        result
    })?;
    writer.finish(out)
}

fn check_file(path: &std::path::Path, run: &Run<'_>) -> Option<Kept> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("nianbao: {}: {e}", path.display());
            return None;
        }
    };
    let loaded = nianbao_core::load(&bytes);
    drop(bytes);
    let checked = nianbao_core::validate(&loaded, run.context);
    let template = loaded.template();
    let report = loaded.report.map(batch::tables_only);
    let mut kept = Kept {
        path: path.to_path_buf(),
        name: path.display().to_string(),
        template,
        checked,
        import: report.as_ref().and_then(|r| r.import.clone()),
        report,
        aggregate: None,
        out: String::new(),
    };
    kept.out = render(&kept, run);
    Some(kept)
}

/// A file's part of the output.
fn render(kept: &Kept, run: &Run<'_>) -> String {
    let mut out = String::new();
    match run.format {
        OutputFormat::Json if run.single => {
            out = output::checked(&kept.checked, kept.template, run.lang).to_json_pretty()
        }
        OutputFormat::Json => {
            let file = output::File { name: &kept.name, template: kept.template, checked: &kept.checked };
            output::file(&file, run.lang).write_pretty_at(&mut out, 1);
        }
        OutputFormat::Text => text(&mut out, kept, run.lang),
    }
    out
}

fn text(out: &mut String, r: &Kept, lang: Lang) {
    use std::fmt::Write as _;
    let _ = writeln!(out, "{}", r.name);
    if let Some(line) = &r.aggregate {
        let _ = writeln!(out, "  {line}");
    }
    for d in &r.checked.diagnostics {
        let settled = d.settled.as_ref().map(|s| format!(" [{}]", words::settled_text(s, lang))).unwrap_or_default();
        let _ = writeln!(
            out,
            "  {}  {}  {}\n      {}{settled}",
            words::severity_label(d.severity(), lang),
            d.rule.code(),
            words::location(d, r.template, lang),
            message(d, r.template, lang),
        );
    }
    if let Some(record) = &r.import {
        let _ = writeln!(out, "  {}", record.origin_text(lang));
        for note in record.notes.iter().filter(|n| n.pointer().is_some()) {
            let _ = writeln!(out, "      {}", note.message(lang));
        }
    }
    let _ = writeln!(out, "  {}", words::summary_text(&r.checked.summary, lang));
}

/// Writes the files' parts in order as they arrive, holding back what a
/// check across files may still change.
struct Writer<'a> {
    run: &'a Run<'a>,
    /// Files checked but not yet passed on, by index (a few: the workers
    /// take files in order; a slot per file would grow with the directory).
    arrived: std::collections::BTreeMap<usize, Option<Kept>>,
    /// The next index to pass on.
    next: usize,
    /// Files passed on and kept for the end (the checks across files),
    /// in order; emptied once no such check can apply.
    kept: Vec<Kept>,
    /// How many of `kept` are written already.
    written: usize,
    /// Whether the files so far can be one agency's years.
    chain: Chain,
    /// Parents (county, prefecture, province reports) passed on so far;
    /// an aggregate needs exactly one.
    parents: usize,
    /// Files read, and with errors.
    files: usize,
    with_errors: usize,
    unreadable: bool,
    started: bool,
    held: usize,
}

#[derive(PartialEq)]
enum Chain {
    Possible { first_agency: Option<String>, years: Vec<i64> },
    Impossible,
}

impl<'a> Writer<'a> {
    fn new(run: &'a Run<'a>) -> Self {
        Writer {
            run,
            arrived: std::collections::BTreeMap::new(),
            next: 0,
            kept: Vec::new(),
            written: 0,
            chain: Chain::Possible { first_agency: None, years: Vec::new() },
            parents: 0,
            files: 0,
            with_errors: 0,
            unreadable: false,
            started: false,
            held: 0,
        }
    }

    /// How many of the kept files (from the first) are final: none while
    /// they may be one agency's years; those before the one parent while
    /// it may be checked against the others.
    fn settled(&self) -> usize {
        match self.chain {
            Chain::Possible { .. } => 0,
            Chain::Impossible if self.parents == 1 => self.kept.iter().position(is_parent).unwrap_or(self.kept.len()),
            Chain::Impossible => self.kept.len(),
        }
    }

    /// Whether the kept files are still needed at the end: for a chain of
    /// years, or for the aggregate (until a second parent makes it none).
    fn needed(&self) -> bool {
        self.chain != Chain::Impossible || self.parents <= 1
    }

    fn arrived(&mut self, i: usize, kept: Option<Kept>, out: &mut impl Write) -> std::io::Result<()> {
        self.arrived.insert(i, kept);
        self.held = self.held.max(self.arrived.len() + self.kept.len());
        while let Some(slot) = self.arrived.remove(&self.next) {
            self.next += 1;
            let Some(kept) = slot else {
                self.unreadable = true;
                continue;
            };
            self.files += 1;
            if let Some(report) = &kept.report {
                self.chain.add(report);
            }
            self.parents += usize::from(is_parent(&kept));
            self.kept.push(kept);
            self.write_kept(out, self.settled())?;
            if !self.needed() {
                self.kept.clear();
                self.written = 0;
            }
        }
        Ok(())
    }

    /// Writes the kept files up to `end` that are not written yet; what is
    /// written is dropped but for what the aggregate needs.
    fn write_kept(&mut self, out: &mut impl Write, end: usize) -> std::io::Result<()> {
        for index in self.written..end {
            let first = !self.started;
            self.started = true;
            if self.run.format == OutputFormat::Json && !self.run.single {
                out.write_all(if first { b"[\n  " } else { b",\n  " })?;
            }
            let kept = &mut self.kept[index];
            self.with_errors += usize::from(kept.checked.summary.errors > 0);
            out.write_all(kept.out.as_bytes())?;
            kept.out = String::new();
            kept.checked.diagnostics = Vec::new();
        }
        self.written = self.written.max(end);
        Ok(())
    }

    fn finish(mut self, out: &mut impl Write) -> std::io::Result<Written> {
        let years = self.across_files();
        let end = self.kept.len();
        self.write_kept(out, end)?;
        match self.run.format {
            OutputFormat::Json if self.run.single && self.started => {}
            OutputFormat::Json if self.started => out.write_all(b"\n]\n")?,
            OutputFormat::Json => out.write_all(b"[]\n")?,
            OutputFormat::Text if self.files > 1 => {
                let lang = self.run.lang;
                if let Some(years) = years {
                    writeln!(out, "{}", words::years_text(years, lang))?;
                }
                writeln!(out, "{}", words::files_text(self.files, self.with_errors, lang))?;
            }
            OutputFormat::Text => {}
        }
        Ok(Written { unreadable: self.unreadable, errors: self.with_errors > 0, held: self.held })
    }

    /// The checks across files, on the files kept (all of them, when any
    /// such check can still apply): one agency's years each against the
    /// year before, and a parent's aggregated report against its
    /// subordinates' (`aggregate-sum`). Returns how many years of one
    /// agency were checked one against the other.
    fn across_files(&mut self) -> Option<usize> {
        if self.kept.len() < 2 || !self.needed() {
            return None;
        }
        let context = self.run.context;
        let lang = self.run.lang;
        let members: Vec<Member<'_>> =
            self.kept.iter().map(|k| Member { file: &k.name, report: k.report.as_ref() }).collect();
        let chain = batch::chain_years(&members);
        let aggregation = batch::aggregate(&members);
        let aggregate_line = aggregation.as_ref().map(|a| {
            let parent = members[a.parent].name();
            words::aggregate_text(&parent, &a.names(&members), a.checked.diagnostics.len(), lang)
        });
        let years = chain.as_ref().map(Vec::len);
        let mut changed = Vec::new();
        if let Some(chain) = chain {
            // A chain is a few files: they are read again whole (their text
            // is what the cross-year rules compare).
            let loaded: Vec<Loaded> = self
                .kept
                .iter()
                .map(|k| std::fs::read(&k.path).map_or_else(|_| Loaded::nothing(), |b| nianbao_core::load(&b)))
                .collect();
            let loaded: Vec<&Loaded> = loaded.iter().collect();
            for (i, checked) in batch::check_chain(&loaded, &chain, context.today, context.previous) {
                self.kept[i].checked = checked;
                changed.push(i);
            }
        }
        if let (Some(a), Some(line)) = (aggregation, aggregate_line) {
            let parent = &mut self.kept[a.parent];
            parent.checked = batch::with_aggregate(&parent.checked, &a.checked);
            parent.aggregate = Some(line);
            changed.push(a.parent);
        }
        for i in changed {
            debug_assert!(i >= self.written, "a file written before the checks across files changed");
            self.kept[i].out = render(&self.kept[i], self.run);
        }
        years
    }
}

fn is_parent(kept: &Kept) -> bool {
    kept.report
        .as_ref()
        .and_then(|r| r.kind)
        .is_some_and(|k| matches!(k, Kind::County | Kind::Prefecture | Kind::Province))
}

impl Chain {
    /// `batch::chain_years` over the files so far: every readable report
    /// names the first one's body and a year of its own.
    fn add(&mut self, report: &Report) {
        let Chain::Possible { first_agency, years } = self else { return };
        let (Some(agency), Some(year)) = (report.agency.as_deref(), report.year) else {
            *self = Chain::Impossible;
            return;
        };
        let first = first_agency.get_or_insert_with(|| agency.to_string());
        if !same_body(agency, first) || years.contains(&year) {
            *self = Chain::Impossible;
            return;
        }
        years.push(year);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str, files: &[(&str, String)]) -> Vec<PathBuf> {
        let dir = std::env::temp_dir().join(format!("nianbao-check-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        files
            .iter()
            .map(|(file, text)| {
                let path = dir.join(file);
                std::fs::write(&path, text).unwrap();
                path
            })
            .collect()
    }

    fn sample(name: &str) -> String {
        std::fs::read_to_string(format!("{}/../../samples/{name}.json", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    fn check(files: &[PathBuf]) -> (Written, String) {
        let today = nianbao_core::date::Date::new(2026, 11, 27).unwrap();
        let context = Context { today, previous: None };
        let run = Run { files, context: &context, format: OutputFormat::Json, lang: Lang::Zh, single: false };
        let mut out = Vec::new();
        let written = super::run(&run, &mut out).unwrap();
        (written, String::from_utf8(out).unwrap())
    }

    #[test]
    fn a_large_folder_is_held_a_few_files_at_a_time() {
        // Several agencies and two parents: no check across files can apply
        // once the first few are in, so memory stays that of a few files.
        let names = ["jiyuan-hitech-zone-2024", "huaian-city-2024", "hongze-district-2023", "hongze-district-2024"];
        let texts: Vec<String> = names.iter().map(|n| sample(n)).collect();
        let files: Vec<(String, String)> = (0..600)
            .map(|i| (format!("r-{i:04}.json"), texts[i % 4].replace("\"agency\": \"", &format!("\"agency\": \"{i}"))))
            .collect();
        let files: Vec<(&str, String)> = files.iter().map(|(n, t)| (n.as_str(), t.clone())).collect();
        let (written, out) = check(&folder("held", &files));
        assert_eq!(out.matches("\"file\":").count(), 600);
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
        let bound = 4 + (AHEAD + 2 * TAKEN) * workers;
        assert!(written.held <= bound, "held {} files at once (bound {bound})", written.held);
    }

    #[test]
    fn one_agencys_years_are_held_until_the_end() {
        let files = [
            ("a-2023.json", sample("hongze-district-2023")),
            ("b-2024.json", sample("hongze-district-2024")),
            ("c-2025.json", sample("hongze-district-2024").replace("\"year\": 2024", "\"year\": 2025")),
        ];
        let (written, out) = check(&folder("chain", &files));
        assert_eq!(written.held, 3, "a chain of years can only be decided at the end");
        assert_eq!(out.matches("\"file\":").count(), 3);
    }
}
