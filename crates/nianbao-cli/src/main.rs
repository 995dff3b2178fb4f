//! `nianbao`: check annual reports from the command line.
//!
//! A thin shell over `nianbao-core`: it reads files, asks the clock for
//! today's date, and prints what the core found. Every judgement is the
//! core's.

mod check;
mod export;

use nianbao_core::date::Date;
use nianbao_core::{Context, Lang};
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
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let run = check::Run {
        files: &files,
        context: &context,
        format: options.format,
        lang: options.lang,
        single: options.paths.len() == 1 && options.paths[0].is_file(),
    };
    let written = match check::run(&run, &mut out) {
        Ok(written) if out.flush().is_ok() => written,
        _ => return ExitCode::from(2),
    };
    if unreadable || written.unreadable {
        ExitCode::from(2)
    } else if written.errors {
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
