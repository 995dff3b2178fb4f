//! The output shape of RULES.md: `{"summary": …, "diagnostics": […]}`, shared
//! by the CLI's `--format json`, the JavaScript API and the app's download.

use crate::diagnostic::{Diagnostic, Summary};
use crate::json::{Number, Object, Value};
use crate::message::message;
use crate::template::{Lang, Template};
use crate::Checked;

fn int(n: usize) -> Value {
    Value::Number(Number::from_f64(n as f64))
}

fn string(s: impl Into<String>) -> Value {
    Value::String(s.into())
}

pub fn summary(summary: &Summary) -> Value {
    let mut o = Object::new();
    o.insert("errors", int(summary.errors));
    o.insert("warnings", int(summary.warnings));
    o.insert("infos", int(summary.infos));
    o.insert("dismissed", int(summary.dismissed));
    o.insert("checks_run", int(summary.checks_run));
    o.insert("checks_skipped", int(summary.checks_skipped));
    Value::Object(o)
}

/// One finding as JSON: rule, severity, pointers (or line and column),
/// message, expected and actual for arithmetic, and the reviewer's decision
/// when there is one.
pub fn diagnostic(d: &Diagnostic, template: Template, lang: Lang) -> Value {
    let mut o = Object::new();
    o.insert("rule", string(d.rule.code()));
    o.insert("severity", string(d.severity().code()));
    match d.position {
        Some(p) => {
            o.insert("line", int(p.line as usize));
            o.insert("column", int(p.column as usize));
        }
        None => {
            o.insert("pointers", Value::Array(d.pointers.iter().map(|p| string(p.as_str())).collect()));
        }
    }
    o.insert("message", string(message(d, template, lang)));
    if let Some((expected, actual)) = d.numbers() {
        o.insert("expected", Value::Number(Number::from_f64(expected)));
        o.insert("actual", Value::Number(Number::from_f64(actual)));
    }
    if let Some(settled) = &d.settled {
        o.insert("status", string(settled.status.code()));
        if !settled.comment.is_empty() {
            o.insert("comment", string(settled.comment.as_str()));
        }
    }
    Value::Object(o)
}

/// The whole result of checking one document.
pub fn checked(checked: &Checked, template: Template, lang: Lang) -> Value {
    let mut o = Object::new();
    fill_checked(&mut o, checked, template, lang);
    Value::Object(o)
}

fn fill_checked(o: &mut Object, checked: &Checked, template: Template, lang: Lang) {
    o.insert("summary", summary(&checked.summary));
    o.insert("diagnostics", Value::Array(checked.diagnostics.iter().map(|d| diagnostic(d, template, lang)).collect()));
}

/// One checked file of several: its name, its template and its findings.
pub struct File<'a> {
    pub name: &'a str,
    pub template: Template,
    pub checked: &'a Checked,
}

/// The result of checking several files: one object per file, each the
/// shape of [`checked`] with the file's name first (`{"file": …,
/// "summary": …, "diagnostics": …}`).
pub fn files(files: &[File<'_>], lang: Lang) -> Value {
    Value::Array(files.iter().map(|f| file(f, lang)).collect())
}

/// One element of [`files`].
pub fn file(f: &File<'_>, lang: Lang) -> Value {
    let mut o = Object::new();
    o.insert("file", string(f.name));
    fill_checked(&mut o, f.checked, f.template, lang);
    Value::Object(o)
}
