//! One report of a batch as its row needs it, and no more: what a Web Worker
//! sends back after checking a file (`www/batch-worker.js`,
//! `crate::js::batch`), and what the main thread makes of a file when no
//! worker can. The document itself stays in the worker: a batch of ten
//! thousand reports keeps ten thousand rows, not ten thousand documents
//! (docs/DECISIONS.md); a row opened is read again from its file.

use super::Opened;
use nianbao_core::batch::{Tally, Verdict};
use nianbao_core::date::Date;
use nianbao_core::diagnostic::Summary;
use nianbao_core::json::{Number, Object, Value};
use nianbao_core::model::Kind;
use nianbao_core::{Lang, Template};

/// A checked file of a batch: its agency, year, kind and template as read,
/// its counts (`Summary`), its verdict and counts per part (`Tally`), and,
/// for a file with no report in it, why, in both languages.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    pub agency: Option<String>,
    pub year: Option<i64>,
    pub kind: Option<Kind>,
    /// The template it was read with; none when nothing was read.
    pub template: Option<Template>,
    pub summary: Summary,
    pub tally: Tally,
    /// Why nothing was read (the disk's reason, the importer's refusal or
    /// the first finding), in Chinese and in English.
    pub reason: Option<[String; 2]>,
    /// A PDF, which the worker leaves to the importer module (the page's).
    pub pdf: bool,
}

impl Row {
    /// The row of a file read and checked; `read_error` when the file itself
    /// could not be read (it was then checked as empty).
    pub fn of(opened: &Opened, read_error: Option<&str>) -> Row {
        let report = opened.loaded.report.as_ref();
        let readable = opened.is_readable();
        let reason = |lang: Lang| {
            read_error.map(str::to_string).or_else(|| {
                if readable {
                    return None;
                }
                opened
                    .checked
                    .diagnostics
                    .first()
                    .map(|d| nianbao_core::message::message(d, opened.loaded.template(), lang))
                    .or_else(|| opened.refused.as_ref().map(|r| r.message(lang)))
            })
        };
        let reason = match (reason(Lang::Zh), reason(Lang::En)) {
            (Some(zh), Some(en)) => Some([zh, en]),
            _ => None,
        };
        Row {
            agency: report.and_then(|r| r.agency.clone()),
            year: report.and_then(|r| r.year),
            kind: report.and_then(|r| r.kind),
            template: report.map(|r| r.template),
            summary: opened.checked.summary,
            tally: Tally::of(readable && read_error.is_none(), &opened.checked),
            reason,
            pdf: false,
        }
    }

    /// Reads and checks a file of a batch (its bytes, or why they could not
    /// be read), as the main thread does it and as each worker does it.
    pub fn read(name: &str, read: Result<&[u8], String>, today: Date) -> Row {
        match read {
            Ok(bytes) => Row::of(&Opened::read(super::Origin::File(name.to_string()), bytes, today), None),
            Err(reason) => Row::of(&Opened::read(super::Origin::File(name.to_string()), &[], today), Some(&reason)),
        }
    }

    /// A PDF, to be read by the importer module first.
    pub fn pdf() -> Row {
        Row { pdf: true, ..Row::default() }
    }

    /// Whether a report was read from the file.
    pub fn is_readable(&self) -> bool {
        self.tally.verdict != Verdict::Unread
    }

    /// Why nothing was read, in `lang`.
    pub fn reason(&self, lang: Lang) -> Option<&str> {
        self.reason.as_ref().map(|[zh, en]| match lang {
            Lang::Zh => zh.as_str(),
            Lang::En => en.as_str(),
        })
    }

    /// The row as the JSON a worker sends.
    pub fn to_json(&self) -> String {
        let number = |n: usize| Value::Number(Number::from_f64(n as f64));
        let text = |t: Option<&str>| t.map_or(Value::Null, |t| Value::String(t.to_string()));
        let s = self.summary;
        let t = self.tally;
        let mut o = Object::new();
        o.insert("agency", text(self.agency.as_deref()));
        o.insert("year", self.year.map_or(Value::Null, |y| Value::Number(Number::from_f64(y as f64))));
        o.insert("kind", text(self.kind.map(Kind::code)));
        o.insert("template", text(self.template.map(Template::code)));
        let counts = [s.errors, s.warnings, s.infos, s.dismissed, s.checks_run, s.checks_skipped];
        o.insert("summary", Value::Array(counts.into_iter().map(number).collect()));
        o.insert("verdict", Value::String(t.verdict.code().to_string()));
        let tally = [t.errors, t.warnings, t.infos, t.checks_run, t.checks_skipped];
        o.insert("tally", Value::Array(tally.into_iter().map(number).collect()));
        o.insert("parts", Value::Array(t.parts.into_iter().map(number).collect()));
        if let Some([zh, en]) = &self.reason {
            o.insert("reason", Value::Array(vec![Value::String(zh.clone()), Value::String(en.clone())]));
        }
        if self.pdf {
            o.insert("pdf", Value::Bool(true));
        }
        Value::Object(o).to_json()
    }

    /// A row from a worker's JSON; `None` when it is not one.
    pub fn from_json(text: &str) -> Option<Row> {
        let value = nianbao_core::json::parse(text).ok()?.value;
        let o = value.as_object()?;
        let text = |key: &str| o.get(key).and_then(Value::as_str).map(str::to_string);
        let count = |v: &Value| match v {
            Value::Number(n) if n.value() >= 0.0 => Some(n.value() as usize),
            _ => None,
        };
        let counts = |key: &str| -> Option<Vec<usize>> {
            match o.get(key)? {
                Value::Array(items) => items.iter().map(count).collect(),
                _ => None,
            }
        };
        let [errors, warnings, infos, dismissed, checks_run, checks_skipped] = counts("summary")?[..] else {
            return None;
        };
        let parts: [usize; 5] = counts("parts")?.try_into().ok()?;
        let [t_errors, t_warnings, t_infos, t_run, t_skipped] = counts("tally")?[..] else {
            return None;
        };
        let verdict = [Verdict::Unread, Verdict::MostlyUnchecked, Verdict::Errors, Verdict::Warnings, Verdict::Clean]
            .into_iter()
            .find(|v| Some(v.code()) == o.get("verdict").and_then(Value::as_str))?;
        let reason = match o.get("reason") {
            Some(Value::Array(items)) => match &items[..] {
                [Value::String(zh), Value::String(en)] => Some([zh.clone(), en.clone()]),
                _ => None,
            },
            _ => None,
        };
        Some(Row {
            agency: text("agency"),
            year: match o.get("year") {
                Some(Value::Number(n)) => Some(n.value() as i64),
                _ => None,
            },
            kind: o.get("kind").and_then(Value::as_str).and_then(Kind::from_code),
            template: o.get("template").and_then(Value::as_str).and_then(Template::from_code),
            summary: Summary { errors, warnings, infos, dismissed, checks_run, checks_skipped },
            tally: Tally {
                verdict,
                errors: t_errors,
                warnings: t_warnings,
                infos: t_infos,
                parts,
                checks_run: t_run,
                checks_skipped: t_skipped,
            },
            reason,
            pdf: matches!(o.get("pdf"), Some(Value::Bool(true))),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::tests::today;

    #[test]
    fn a_row_goes_through_json_unchanged() {
        let samples = [
            nianbao_core::BUILTIN_SAMPLE.as_bytes(),
            include_bytes!("../../samples/hongze-district-2023.json"),
            b"{\"format\": ",
            b"[1, 2]",
        ];
        for bytes in samples {
            let row = Row::read("a.json", Ok(bytes), today());
            assert_eq!(Row::from_json(&row.to_json()).as_ref(), Some(&row));
        }
        let unread = Row::read("gone.json", Err("文件已被移走".into()), today());
        assert_eq!(unread.reason(Lang::En), Some("文件已被移走"));
        assert!(!unread.is_readable());
        assert_eq!(Row::from_json(&unread.to_json()), Some(unread));
        assert_eq!(Row::from_json(&Row::pdf().to_json()), Some(Row::pdf()));
        assert_eq!(Row::from_json("{}"), None);
        assert_eq!(Row::from_json("not json"), None);
    }

    #[test]
    fn a_row_counts_what_the_single_file_check_counts() {
        let bytes = include_bytes!("../../samples/hongze-district-2023.json");
        let opened = Opened::read(crate::state::Origin::File("h.json".into()), bytes, today());
        let row = Row::read("h.json", Ok(bytes), today());
        assert_eq!(row.summary, opened.checked.summary);
        assert_eq!(row.tally, Tally::of(true, &opened.checked));
        assert_eq!(row.year, Some(2023));
        assert_eq!(row.kind, Some(Kind::County));
        assert!(row.reason.is_none());
        let broken = Row::read("t.json", Ok(b"{\"format\": "), today());
        assert_eq!(broken.tally.verdict, Verdict::Unread);
        assert!(broken.reason(Lang::Zh).is_some_and(|r| !r.is_empty()));
    }
}
