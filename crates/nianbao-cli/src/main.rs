//! `nianbao`: check annual reports from the command line.
//!
//! A thin shell over `nianbao-core`: it reads files, asks the clock for
//! today's date, and prints what the core found. Every judgement is the
//! core's.

mod export;

use nianbao_core::batch::{self, Member};
use nianbao_core::date::Date;
use nianbao_core::message::{self as words, message};
use nianbao_core::output;
use nianbao_core::{Checked, Context, Lang, Loaded, Template};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod new;

const USAGE: &str = "\
nianbao: check 政府信息公开工作年度报告 files (zfxxgk-annual-report/1)

Usage:
  nianbao check PATH... [--previous FILE] [--format text|json] [--lang zh|en] [--today YYYY-MM-DD]
  nianbao import FILE [--out OUT.json] [--agency NAME] [--kind KIND] [--source TEXT] [--lang zh|en]
  nianbao new (--year YYYY --agency NAME | --previous LAST.json) [--kind KIND] [--out FILE]
  nianbao export FILE --to html|docx|csv [--out OUT] [--fragment] [--data] [--table 2|3|4] [--lang zh|en]
  nianbao schema
  nianbao --help | --version

check   Checks each file; a directory means every .json file in it.
        --previous FILE   last year's report of the same agency (cross-year rules)
        --format          text for people (default), json for machines
        --lang            message language, zh (default) or en
        --today           the date to judge the report year by (default: today)
import  Turns a report published as text (copied from a web page, Word or a PDF
        viewer) or as an HTML page into the JSON format: to OUT.json, or to
        standard output.
        Notes on what could not be read for certain go to standard error;
        exit status 1 when cells are missing.
        --agency, --kind, --source   what the text may not say (kind: department,
                                     township, county, prefecture, province)
new     Starts a report: the year's blank template (every cell blank, never 0;
        section 一 with the template's headings), or with --previous, next
        year's draft from last year's report of the same body (its agency and
        kind, the next year, the applications carried over from those last
        year carried forward, last year's sections 一 and 五 to rewrite).
        To FILE or standard output.
export  Publishes a report (its JSON, or any file import reads) in the official
        layout, to OUT or to standard output: --to html a web page with no script
        (--fragment: the report's <article> alone, for a CMS editor; --data: with
        the report's JSON in a data block, for <nianbao-report>), --to docx a Word
        file, --to csv the three tables (--table N: table N alone).
schema  Prints the JSON Schema of the format.

Exit status: 0 no errors, 1 at least one error finding, 2 a file could not be read or the command is wrong.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => match CheckOptions::parse(&args[1..]) {
            Ok(options) => check(&options),
            Err(e) => usage_error(&e),
        },
        Some("import") => import(&args[1..]),
        Some("new") => new::run(&args[1..]),
        Some("export") => export::run(&args[1..], usage_error),
        Some("schema") => {
            print!("{}", nianbao_core::schema::schema().to_json_pretty());
            ExitCode::SUCCESS
        }
        Some("--version" | "-V") => {
            println!("nianbao {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some(other) => usage_error(&format!("unknown command {other:?}")),
        None => usage_error("no command given"),
    }
}

fn usage_error(problem: &str) -> ExitCode {
    eprintln!("nianbao: {problem}\n\n{USAGE}");
    ExitCode::from(2)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OutputFormat {
    Text,
    Json,
}

struct CheckOptions {
    paths: Vec<PathBuf>,
    previous: Option<PathBuf>,
    format: OutputFormat,
    lang: Lang,
    today: Date,
}

impl CheckOptions {
    fn parse(args: &[String]) -> Result<CheckOptions, String> {
        let mut options = CheckOptions {
            paths: Vec::new(),
            previous: None,
            format: OutputFormat::Text,
            lang: Lang::Zh,
            today: today(),
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let mut value = |name: &str| args.next().cloned().ok_or_else(|| format!("{name} needs a value"));
            match arg.as_str() {
                "--previous" => options.previous = Some(PathBuf::from(value("--previous")?)),
                "--format" => {
                    options.format = match value("--format")?.as_str() {
                        "text" => OutputFormat::Text,
                        "json" => OutputFormat::Json,
                        other => return Err(format!("--format must be text or json, not {other:?}")),
                    }
                }
                "--lang" => {
                    let code = value("--lang")?;
                    options.lang =
                        Lang::from_code(&code).ok_or_else(|| format!("--lang must be zh or en, not {code:?}"))?;
                }
                "--today" => {
                    let text = value("--today")?;
                    options.today =
                        Date::parse(&text).ok_or_else(|| format!("--today must be YYYY-MM-DD, not {text:?}"))?;
                }
                flag if flag.starts_with("--") => return Err(format!("unknown option {flag:?}")),
                path => options.paths.push(PathBuf::from(path)),
            }
        }
        if options.paths.is_empty() {
            return Err("check needs at least one file or directory".into());
        }
        Ok(options)
    }
}

/// Today's date in UTC+8, the time zone every report deadline is set in.
fn today() -> Date {
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    Date::from_days_since_epoch((seconds + 8 * 3600).div_euclid(86_400))
}

/// One checked file.
struct FileResult {
    name: String,
    template: Template,
    loaded: Loaded,
    checked: Checked,
    /// What its importer noted, when it was imported.
    import: Option<nianbao_core::import_note::ImportRecord>,
    /// When it is a parent's aggregated report checked against the others:
    /// the line that names them (its findings are in `checked`).
    aggregate: Option<String>,
}

fn check(options: &CheckOptions) -> ExitCode {
    let mut unreadable = false;
    let mut files = Vec::new();
    for path in &options.paths {
        match expand(path) {
            Ok(found) => files.extend(found),
            Err(e) => {
                eprintln!("nianbao: {}: {e}", path.display());
                unreadable = true;
            }
        }
    }
    let previous = match &options.previous {
        None => None,
        Some(path) => match std::fs::read(path) {
            Ok(bytes) => Some(nianbao_core::load(&bytes)),
            Err(e) => {
                eprintln!("nianbao: {}: {e}", path.display());
                return ExitCode::from(2);
            }
        },
    };
    if let Some(previous) = &previous {
        if previous.report.is_none() {
            eprintln!("nianbao: the --previous file is not a readable report; the cross-year rules were not run");
        }
    }
    let context = Context { today: options.today, previous: previous.as_ref().and_then(|p| p.report.as_ref()) };
    let (mut results, read_failures) = check_files(&files, &context);
    unreadable |= read_failures;
    let years = check_together(&mut results, &context, options.lang);

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let single = options.paths.len() == 1 && options.paths[0].is_file();
    let written = match options.format {
        OutputFormat::Json => write_json(&mut out, &results, single, options.lang),
        OutputFormat::Text => write_text(&mut out, &results, years, options.lang),
    };
    if written.and_then(|()| out.flush()).is_err() {
        return ExitCode::from(2);
    }
    if unreadable {
        ExitCode::from(2)
    } else if results.iter().any(|r| r.checked.summary.errors > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// A file stands for itself; a directory for its `.json` files, sorted.
fn expand(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    if !path.is_dir() {
        // Let the read report a missing file, with the OS's words.
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")))
        .collect();
    files.sort();
    Ok(files)
}

/// Checks the files on every core, keeping their order.
fn check_files(files: &[PathBuf], context: &Context<'_>) -> (Vec<FileResult>, bool) {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(files.len().max(1));
    let chunk = files.len().div_ceil(workers).max(1);
    let parts: Vec<Vec<Option<FileResult>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(|path| check_file(path, context)).collect()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
    });
    let mut results = Vec::with_capacity(files.len());
    let mut failed = false;
    for result in parts.into_iter().flatten() {
        match result {
            Some(r) => results.push(r),
            None => failed = true,
        }
    }
    (results, failed)
}

fn check_file(path: &Path, context: &Context<'_>) -> Option<FileResult> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("nianbao: {}: {e}", path.display());
            return None;
        }
    };
    let loaded: Loaded = nianbao_core::load(&bytes);
    let checked = nianbao_core::validate(&loaded, context);
    let import = loaded.report.as_ref().and_then(|r| r.import.clone());
    Some(FileResult {
        name: path.display().to_string(),
        template: loaded.template(),
        loaded,
        checked,
        import,
        aggregate: None,
    })
}

fn members(results: &[FileResult]) -> Vec<Member<'_>> {
    results.iter().map(|r| Member { file: &r.name, report: r.loaded.report.as_ref() }).collect()
}

/// Several files are checked together as the app's batch checks them: one
/// agency's years each against the year before, and a parent's aggregated
/// report against its subordinates' (`aggregate-sum`). Returns how many
/// years of one agency were checked one against the other.
fn check_together(results: &mut [FileResult], context: &Context<'_>, lang: Lang) -> Option<usize> {
    if results.len() < 2 {
        return None;
    }
    let members = members(results);
    let chain = batch::chain_years(&members);
    let aggregation = batch::aggregate(&members);
    let aggregate_line = aggregation.as_ref().map(|a| {
        let parent = members[a.parent].name();
        words::aggregate_text(&parent, &a.names(&members), a.checked.diagnostics.len(), lang)
    });
    let years = chain.as_ref().map(Vec::len);
    let rechecked = chain.map(|chain| {
        let loaded: Vec<&Loaded> = results.iter().map(|r| &r.loaded).collect();
        batch::check_chain(&loaded, &chain, context.today, context.previous)
    });
    for (i, checked) in rechecked.into_iter().flatten() {
        results[i].checked = checked;
    }
    if let (Some(a), Some(line)) = (aggregation, aggregate_line) {
        let parent = &mut results[a.parent];
        parent.checked = batch::with_aggregate(&parent.checked, &a.checked);
        parent.aggregate = Some(line);
    }
    years
}

fn write_json(out: &mut impl std::io::Write, results: &[FileResult], single: bool, lang: Lang) -> std::io::Result<()> {
    let value = if single && results.len() == 1 {
        nianbao_core::output::checked(&results[0].checked, results[0].template, lang)
    } else {
        let files: Vec<output::File<'_>> =
            results.iter().map(|r| output::File { name: &r.name, template: r.template, checked: &r.checked }).collect();
        output::files(&files, lang)
    };
    out.write_all(value.to_json_pretty().as_bytes())
}

fn write_text(
    out: &mut impl std::io::Write,
    results: &[FileResult],
    years: Option<usize>,
    lang: Lang,
) -> std::io::Result<()> {
    for r in results {
        writeln!(out, "{}", r.name)?;
        if let Some(line) = &r.aggregate {
            writeln!(out, "  {line}")?;
        }
        for d in &r.checked.diagnostics {
            let settled =
                d.settled.as_ref().map(|s| format!(" [{}]", words::settled_text(s, lang))).unwrap_or_default();
            writeln!(
                out,
                "  {}  {}  {}\n      {}{settled}",
                words::severity_label(d.severity(), lang),
                d.rule.code(),
                words::location(d, r.template, lang),
                message(d, r.template, lang),
            )?;
        }
        if let Some(record) = &r.import {
            writeln!(out, "  {}", record.origin_text(lang))?;
            for note in record.notes.iter().filter(|n| n.pointer().is_some()) {
                writeln!(out, "      {}", note.message(lang))?;
            }
        }
        writeln!(out, "  {}", words::summary_text(&r.checked.summary, lang))?;
    }
    if results.len() > 1 {
        let files_with_errors = results.iter().filter(|r| r.checked.summary.errors > 0).count();
        if let Some(years) = years {
            writeln!(out, "{}", words::years_text(years, lang))?;
        }
        writeln!(out, "{}", words::files_text(results.len(), files_with_errors, lang))?;
    }
    Ok(())
}

fn import(args: &[String]) -> ExitCode {
    let mut file = None;
    let mut out = None;
    let mut lang = Lang::Zh;
    let mut options = nianbao_import::ImportOptions::default();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        let result = match arg.as_str() {
            "--out" => value("--out").map(|v| out = Some(PathBuf::from(v))),
            "--agency" => value("--agency").map(|v| options.agency = Some(v)),
            "--source" => value("--source").map(|v| options.source = Some(v)),
            "--kind" => value("--kind").and_then(|v| {
                nianbao_core::model::Kind::from_code(&v).map(|k| options.kind = Some(k)).ok_or_else(|| {
                    format!("--kind must be department, township, county, prefecture or province, not {v:?}")
                })
            }),
            "--lang" => value("--lang").and_then(|v| {
                Lang::from_code(&v).map(|l| lang = l).ok_or_else(|| format!("--lang must be zh or en, not {v:?}"))
            }),
            flag if flag.starts_with("--") => Err(format!("unknown option {flag:?}")),
            path if file.is_none() => {
                file = Some(PathBuf::from(path));
                Ok(())
            }
            _ => Err("import takes one file".to_string()),
        };
        if let Err(e) = result {
            return usage_error(&e);
        }
    }
    let Some(file) = file else {
        return usage_error("import needs a file");
    };
    let bytes = match std::fs::read(&file) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("nianbao: {}: {e}", file.display());
            return ExitCode::from(2);
        }
    };
    let name = file.file_name().and_then(|n| n.to_str());
    let imported = match nianbao_import::open(&bytes, name, &options) {
        nianbao_import::Outcome::Imported(imported) => imported,
        nianbao_import::Outcome::Json => {
            eprintln!("nianbao: {}: {}", file.display(), nianbao_core::import_note::already_json(lang));
            return ExitCode::from(2);
        }
        nianbao_import::Outcome::Refused(refusal) => {
            eprintln!("nianbao: {}: {}", file.display(), refusal.message(lang));
            return ExitCode::from(2);
        }
    };
    for note in &imported.notes {
        eprintln!("{}: {}", file.display(), note.message(lang));
    }
    let json = imported.document.to_json_pretty();
    let written = match &out {
        Some(path) => std::fs::write(path, json),
        None => std::io::stdout().write_all(json.as_bytes()),
    };
    if let Err(e) = written {
        eprintln!("nianbao: {e}");
        return ExitCode::from(2);
    }
    if imported.has_missing_cells() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
