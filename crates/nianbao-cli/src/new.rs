//! `nianbao new`: a blank report of a year, or next year's draft from last
//! year's report (`nianbao_core::new` makes both; this reads and writes).

use nianbao_core::model::Kind;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(args: &[String]) -> ExitCode {
    match parse(args).and_then(|options| make(&options)) {
        Ok(status) => status,
        Err(Problem::Usage(e)) => super::usage_error(&e),
        Err(Problem::Io(e)) => {
            eprintln!("nianbao: {e}");
            ExitCode::from(2)
        }
    }
}

enum Problem {
    Usage(String),
    Io(String),
}

#[derive(Default)]
struct Options {
    year: Option<i64>,
    agency: Option<String>,
    kind: Option<Kind>,
    previous: Option<PathBuf>,
    out: Option<PathBuf>,
}

fn parse(args: &[String]) -> Result<Options, Problem> {
    let mut options = Options::default();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value =
            |name: &str| args.next().cloned().ok_or_else(|| Problem::Usage(format!("{name} needs a value")));
        match arg.as_str() {
            "--year" => {
                let text = value("--year")?;
                let year = text.parse::<i64>().ok().filter(|y| (1990..=2200).contains(y));
                options.year = Some(
                    year.ok_or_else(|| Problem::Usage(format!("--year must be a year such as 2025, not {text:?}")))?,
                );
            }
            "--agency" => options.agency = Some(value("--agency")?).filter(|a| !a.trim().is_empty()),
            "--kind" => {
                let code = value("--kind")?;
                options.kind = Some(Kind::from_code(&code).ok_or_else(|| {
                    Problem::Usage(format!(
                        "--kind must be department, township, county, prefecture or province, not {code:?}"
                    ))
                })?);
            }
            "--previous" => options.previous = Some(PathBuf::from(value("--previous")?)),
            "--out" => options.out = Some(PathBuf::from(value("--out")?)),
            other => return Err(Problem::Usage(format!("unknown option {other:?}"))),
        }
    }
    if options.previous.is_some() && options.year.is_some() {
        return Err(Problem::Usage("--year follows from --previous (the year after it)".into()));
    }
    Ok(options)
}

fn make(options: &Options) -> Result<ExitCode, Problem> {
    let mut document = match &options.previous {
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| Problem::Io(format!("{}: {e}", path.display())))?;
            let loaded = nianbao_core::load(&bytes);
            let draft = loaded.document.as_ref().and_then(nianbao_core::new::from_previous);
            draft.ok_or_else(|| {
                Problem::Io(format!("{}: not a readable report with a year and an agency", path.display()))
            })?
        }
        None => {
            let (Some(year), Some(agency)) = (options.year, options.agency.as_deref()) else {
                return Err(Problem::Usage("new needs --year and --agency, or --previous".into()));
            };
            nianbao_core::new::blank(year, agency, options.kind)
        }
    };
    // With --previous, what is given overrides what last year's report says.
    if options.previous.is_some() {
        if let Some(agency) = &options.agency {
            fact(&mut document, "agency", agency.clone());
            let (agency, year) = read_facts(&document);
            fact(&mut document, "title", nianbao_core::new::title(&agency, year));
        }
        if let Some(kind) = options.kind {
            fact(&mut document, "kind", kind.code().to_string());
        }
    }
    let json = document.to_json_pretty() + "\n";
    let written = match &options.out {
        Some(path) => std::fs::write(path, json).map_err(|e| format!("{}: {e}", path.display())),
        None => std::io::stdout().write_all(json.as_bytes()).map_err(|e| e.to_string()),
    };
    written.map_err(Problem::Io)?;
    Ok(ExitCode::SUCCESS)
}

fn fact(document: &mut nianbao_core::json::Value, key: &str, text: String) {
    nianbao_core::edit::apply(document, nianbao_core::edit::Edit::Fact { key: key.into(), text });
}

fn read_facts(document: &nianbao_core::json::Value) -> (String, i64) {
    let report = nianbao_core::load_value(document.clone()).report;
    let agency = report.as_ref().and_then(|r| r.agency.clone()).unwrap_or_default();
    let year = report.as_ref().and_then(|r| r.year).unwrap_or_default();
    (agency, year)
}
