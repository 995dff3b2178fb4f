//! `nianbao export FILE --to html|docx|csv [--out OUT]`: a report published
//! as a web page, a Word file or its tables as CSV (`nianbao-publish`). The
//! file is the report's JSON, or anything `nianbao import` reads (it is
//! imported first, its notes on standard error).

use nianbao_core::{Lang, Loaded};
use nianbao_publish::{Format, Page};
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

struct Options {
    file: PathBuf,
    format: Format,
    out: Option<PathBuf>,
    page: Page,
    table: Option<usize>,
    lang: Lang,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut file = None;
    let mut format = None;
    let mut out = None;
    let mut page = Page::default();
    let mut table = None;
    let mut lang = Lang::Zh;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--to" => {
                let v = value("--to")?;
                format =
                    Some(Format::from_code(&v).ok_or_else(|| format!("--to must be html, docx or csv, not {v:?}"))?);
            }
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--fragment" => page.fragment = true,
            "--data" => page.data = true,
            "--table" => {
                let v = value("--table")?;
                table = Some(match v.as_str() {
                    "2" => 0,
                    "3" => 1,
                    "4" => 2,
                    _ => return Err(format!("--table must be 2, 3 or 4, not {v:?}")),
                });
            }
            "--lang" => {
                let v = value("--lang")?;
                lang = Lang::from_code(&v).ok_or_else(|| format!("--lang must be zh or en, not {v:?}"))?;
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag:?}")),
            path if file.is_none() => file = Some(PathBuf::from(path)),
            _ => return Err("export takes one file".to_string()),
        }
    }
    let file = file.ok_or("export needs a file")?;
    let format = format.ok_or("export needs --to html, docx or csv")?;
    if (page.fragment || page.data) && format != Format::Html {
        return Err("--fragment and --data are for --to html".to_string());
    }
    if table.is_some() && format != Format::Csv {
        return Err("--table is for --to csv".to_string());
    }
    Ok(Options { file, format, out, page, table, lang })
}

/// Runs `nianbao export`; `usage_error` prints the problem with the usage.
pub fn run(args: &[String], usage_error: fn(&str) -> ExitCode) -> ExitCode {
    let options = match parse(args) {
        Ok(options) => options,
        Err(e) => return usage_error(&e),
    };
    let file = &options.file;
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("nianbao: {}: {e}", file.display());
            return ExitCode::from(2);
        }
    };
    let name = file.file_name().and_then(|n| n.to_str());
    let loaded = match nianbao_import::open(&bytes, name, &nianbao_import::ImportOptions::default()) {
        nianbao_import::Outcome::Json => nianbao_core::load(&bytes),
        nianbao_import::Outcome::Imported(imported) => {
            for note in &imported.notes {
                eprintln!("{}: {}", file.display(), note.message(options.lang));
            }
            nianbao_core::load_value(imported.document)
        }
        nianbao_import::Outcome::Refused(refusal) => {
            eprintln!("nianbao: {}: {}", file.display(), refusal.message(options.lang));
            return ExitCode::from(2);
        }
    };
    let Some(bytes) = publish(&loaded, &options) else {
        // Not a report: say why, in the words `check` uses.
        for d in &loaded.diagnostics {
            eprintln!(
                "nianbao: {}: {}",
                file.display(),
                nianbao_core::message::message(d, loaded.template(), options.lang)
            );
        }
        return ExitCode::from(2);
    };
    let written = match &options.out {
        Some(path) => std::fs::write(path, bytes),
        None => std::io::stdout().lock().write_all(&bytes),
    };
    if let Err(e) = written {
        eprintln!("nianbao: {e}");
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}

fn publish(loaded: &Loaded, options: &Options) -> Option<Vec<u8>> {
    match (options.format, options.table) {
        (Format::Html, _) => nianbao_publish::html(loaded, &options.page).map(String::into_bytes),
        (Format::Docx, _) => nianbao_publish::docx::docx(loaded),
        (Format::Csv, None) => nianbao_publish::csv(loaded).map(String::into_bytes),
        (Format::Csv, Some(table)) => {
            let source = nianbao_publish::Source::new(loaded)?;
            Some(nianbao_core::export::table_csv(source.document, &source.tables[table]).into_bytes())
        }
    }
}
