//! The import corpus (`tests/corpus/README.md`): every case folder's input
//! through `nianbao_import::open`, timed and guarded against panics, held to
//! the contract its `case.json` states, then compared with its blessed
//! output. `NIANBAO_BLESS=1` rewrites the blessed files; `NIANBAO_CASE=text`
//! runs only the cases whose name contains `text`. Every failing case is
//! reported in one message.

#[path = "../../nianbao-core/tests/common/mod.rs"]
mod common;
use common::cell_pointers;
use nianbao_core::json::{self, Object, Value};
use nianbao_core::template::Lang;
use nianbao_import::{open, ImportNote, ImportOptions, Outcome};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The most one case may take (a debug build is several times slower).
const TIME_LIMIT: Duration = Duration::from_secs(if cfg!(debug_assertions) { 20 } else { 5 });
/// Differing cells shown per failing case.
const SHOWN: usize = 10;

fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A path of `case.json`, relative to this crate or else to the workspace.
fn resolve(path: &str) -> PathBuf {
    let here = crate_dir().join(path);
    if here.exists() {
        here
    } else {
        crate_dir().join("../..").join(path)
    }
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    json::parse(&text).map(|p| p.value).map_err(|e| format!("{}: {e:?}", path.display()))
}

fn show(value: Option<&Value>) -> String {
    value.map_or("absent".into(), Value::to_json)
}

/// The variant name of a refusal (`PdfDamaged`), as `case.json` names it.
fn kind(refusal: &nianbao_import::Refusal) -> String {
    format!("{refusal:?}").chars().take_while(char::is_ascii_alphanumeric).collect()
}

/// Whether a note says that the cell at `pointer` may be missing.
fn names(note: &ImportNote, pointer: &str) -> bool {
    match note {
        ImportNote::SectionMissing { key } => pointer.starts_with(&format!("/{key}/")),
        _ => note.pointer().is_some_and(|p| pointer == p || pointer.starts_with(&format!("{p}/"))),
    }
}

/// What is wrong with `outcome` by the case's contract.
fn contract(case: &Value, outcome: &Outcome) -> Result<Vec<String>, String> {
    let field = |key: &str| case.pointer(&format!("/{key}")).and_then(Value::as_str);
    let expect = field("expect").ok_or("case.json has no \"expect\"")?;
    if !matches!(expect, "exact" | "no-wrong-cell" | "refused") {
        return Err(format!("unknown \"expect\": {expect}"));
    }
    let imported = match (outcome, expect) {
        (Outcome::Json, _) => return Ok(vec!["opened as JSON".into()]),
        (Outcome::Refused(r), "refused") => {
            return Ok(match field("refusal") {
                Some(k) if k != kind(r) => vec![format!("refused as {}, not {k}: {}", kind(r), r.message(Lang::En))],
                _ => vec![],
            })
        }
        (Outcome::Refused(r), _) if field("or_refused") == Some(kind(r).as_str()) => return Ok(vec![]),
        (Outcome::Refused(r), _) => return Ok(vec![format!("refused ({}): {}", kind(r), r.message(Lang::En))]),
        (Outcome::Imported(_), "refused") => return Ok(vec!["imported, not refused".into()]),
        (Outcome::Imported(imported), _) => imported,
    };
    let truth = read_json(&resolve(field("compare_with").ok_or("case.json has no \"compare_with\"")?))?;
    let mut problems = Vec::new();
    for pointer in cell_pointers(&truth) {
        let (got, published) = (imported.document.pointer(&pointer), truth.pointer(&pointer));
        if got == published {
            continue;
        }
        match expect {
            "exact" => problems.push(format!("{pointer}: {} (published {})", show(got), show(published))),
            "no-wrong-cell" if matches!(got, None | Some(Value::Null)) => {
                if !imported.notes.iter().any(|n| names(n, &pointer)) {
                    problems.push(format!("{pointer}: missing and no note names it (published {})", show(published)))
                }
            }
            _ => problems.push(format!("WRONG {pointer}: {} (published {})", show(got), show(published))),
        }
    }
    if expect == "exact" {
        problems.extend(
            imported.notes.iter().filter(|n| n.loses_cells()).map(|n| format!("note: {}", n.message(Lang::En))),
        );
    }
    Ok(problems)
}

/// The blessed forms of an outcome: `expected.json` and `expected-notes.txt`.
fn blessed(outcome: &Outcome) -> (Value, String) {
    match outcome {
        Outcome::Imported(imported) => {
            let notes: String =
                imported.notes.iter().map(|n| format!("{}\n", n.message(Lang::Zh).replace('\n', "\\n"))).collect();
            (imported.document.clone(), notes)
        }
        Outcome::Refused(refusal) => {
            let mut o = Object::new();
            o.insert("refused", Value::String(refusal.message(Lang::En)));
            (Value::Object(o), String::new())
        }
        Outcome::Json => (Value::String("opened as JSON".into()), String::new()),
    }
}

/// Where two documents differ, as pointers.
fn differences(old: &Value, new: &Value, at: &str, out: &mut Vec<String>) {
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            let keys = a.keys().chain(b.keys().filter(|k| !a.contains_key(k)));
            for key in keys.map(str::to_string).collect::<Vec<_>>() {
                let path = format!("{at}/{}", json::escape_pointer_token(&key));
                match (a.get(&key), b.get(&key)) {
                    (Some(x), Some(y)) => differences(x, y, &path, out),
                    (x, y) => out.push(format!("{path}: blessed {}, now {}", show(x), show(y))),
                }
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                differences(x, y, &format!("{at}/{i}"), out);
            }
        }
        (a, b) if a != b => out.push(format!("{at}: blessed {}, now {}", a.to_json(), b.to_json())),
        _ => {}
    }
}

/// Runs one case: what is wrong with it, if anything.
fn run(dir: &Path, bless: bool) -> Result<(Vec<String>, Duration), String> {
    let case = read_json(&dir.join("case.json"))?;
    let inputs: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| e.to_string())?
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.file_stem().is_some_and(|s| s == "input"))
        .collect();
    let [input] = inputs.as_slice() else { return Err(format!("{} input files, not one", inputs.len())) };
    let bytes = std::fs::read(input).map_err(|e| e.to_string())?;
    let name = input.file_name().and_then(|n| n.to_str());
    let start = Instant::now();
    let outcome = std::panic::catch_unwind(|| open(&bytes, name, &ImportOptions::default()));
    let took = start.elapsed();
    let outcome = outcome.map_err(|panic| {
        let message =
            panic.downcast_ref::<String>().cloned().or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()));
        format!("PANICKED: {}", message.unwrap_or_default())
    })?;
    let mut problems = contract(&case, &outcome)?;
    if took > TIME_LIMIT {
        problems.insert(0, format!("took {took:.1?}, more than {TIME_LIMIT:?}"));
    }
    let (document, notes) = blessed(&outcome);
    let (json_path, notes_path) = (dir.join("expected.json"), dir.join("expected-notes.txt"));
    if bless {
        std::fs::write(&json_path, document.to_json_pretty() + "\n").map_err(|e| e.to_string())?;
        std::fs::write(&notes_path, notes).map_err(|e| e.to_string())?;
    } else if !json_path.exists() {
        problems.push("not blessed yet (run with NIANBAO_BLESS=1 and review the result)".into());
    } else {
        let mut changed = Vec::new();
        differences(&read_json(&json_path)?, &document, "", &mut changed);
        let old_notes = std::fs::read_to_string(&notes_path).unwrap_or_default();
        if old_notes != notes {
            changed.push(format!("notes: blessed\n{old_notes}now\n{notes}"));
        }
        problems.extend(changed.into_iter().map(|c| format!("differs from blessed: {c}")));
    }
    Ok((problems, took))
}

#[test]
fn corpus() {
    let bless = std::env::var_os("NIANBAO_BLESS").is_some_and(|v| v == "1");
    let only = std::env::var("NIANBAO_CASE").unwrap_or_default();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(crate_dir().join("tests/corpus"))
        .expect("tests/corpus")
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|d| d.join("case.json").is_file())
        .filter(|d| d.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.contains(only.as_str())))
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty(), "no case matches NIANBAO_CASE={only}");
    let mut failures = Vec::new();
    for dir in &dirs {
        let name = dir.file_name().unwrap().to_string_lossy();
        match run(dir, bless) {
            Ok((problems, took)) => {
                println!(
                    "{name:<56} {:>8.1} ms  {}",
                    took.as_secs_f64() * 1e3,
                    if problems.is_empty() { "ok" } else { "FAILED" }
                );
                if !problems.is_empty() {
                    let more = problems.len().saturating_sub(SHOWN);
                    let mut text = format!(
                        "{name}: {} problems\n  {}",
                        problems.len(),
                        problems[..problems.len().min(SHOWN)].join("\n  ")
                    );
                    if more > 0 {
                        text.push_str(&format!("\n  … and {more} more"));
                    }
                    failures.push(text);
                }
            }
            Err(e) => failures.push(format!("{name}: {e}")),
        }
    }
    assert!(failures.is_empty(), "{} of {} cases fail:\n{}", failures.len(), dirs.len(), failures.join("\n"));
}
