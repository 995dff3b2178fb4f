//! The words around a finding: its severity, where it is, whether a
//! reviewer settled it, and the counts of a check. The CLI, the app and the
//! embedding API all lay out these words; none of them writes its own.
//!
//! English says "note" for the `info` severity (the JSON code stays `info`):
//! "2 notes" reads as English, "2 infos" does not (docs/DECISIONS.md).

use super::{number, place};
use crate::diagnostic::{Diagnostic, Position, Settled, Severity, Status, Summary};
use crate::template::{Lang, Template};

/// Every word around a finding in one language: `zh.rs` and `en.rs` each
/// implement it, so that a translator finds all of one language's words in
/// one file. The functions below pick the language and lay the words out.
pub(super) trait Words: Sync {
    /// A severity as one word in a line: 错误 / error.
    fn severity(&self, severity: Severity) -> &'static str;
    /// A severity as the heading of its group: 错误 / Errors.
    fn severity_heading(&self, severity: Severity) -> &'static str;
    /// What follows a count of findings: 个错误 / errors (`one`: error).
    fn count_unit(&self, severity: Severity, one: bool) -> &'static str;
    fn status(&self, status: Status) -> &'static str;
    /// Between a label and what it labels.
    fn colon(&self) -> &'static str;
    /// Between the items of a list in a line.
    fn comma(&self) -> &'static str;
    /// Around a remark at the end of a line.
    fn brackets(&self) -> (&'static str, &'static str);
    fn dismissed(&self, n: usize) -> String;
    fn position(&self, line: u32, column: u32) -> String;
    /// How many checks ran, standing alone (the summary strip).
    fn checks(&self, run: usize, skipped: usize) -> String;
    /// How many checks ran, inside the summary line's brackets.
    fn checks_in_line(&self, run: usize, skipped: usize) -> String;
    fn skipped_reason(&self) -> &'static str;
    fn no_problems(&self) -> &'static str;
    fn all_passed(&self, run: usize) -> String;
    fn files(&self, files: usize, with_errors: usize) -> String;
    fn aggregate(&self, parent: &str, included: &[String], differences: usize) -> String;
    fn aggregate_line(&self, place: &str, parent: &str, sum: &str, difference: &str) -> String;
    fn years(&self, years: usize) -> String;
    /// Many findings of one rule in one part, shown as one line
    /// (`part`: its short name, 表三).
    fn repeated(&self, rule: crate::diagnostic::Rule, part: &str, n: usize) -> String;
    /// Nothing stands between the report and its publication.
    fn ready(&self) -> &'static str;
    /// What stands in the way, before its counts: 发布前还需处理：
    fn before_publishing(&self) -> &'static str;
    /// Errors standing in the way: 2 个错误.
    fn blocking_errors(&self, n: usize) -> String;
    /// Warnings nobody has settled: 3 条未处理的警告.
    fn unsettled_warnings(&self, n: usize) -> String;
    /// Blank cells of a report being written, in all and per table
    /// (`tables`: each table's short name and count).
    fn to_fill(&self, total: usize, tables: &[(&str, usize)]) -> String;
    /// Most checks of a report could not run: its label, and what its
    /// counts are worth.
    fn mostly_unchecked(&self) -> &'static str;
    fn mostly_unchecked_note(&self) -> &'static str;
}

fn words(lang: Lang) -> &'static dyn Words {
    match lang {
        Lang::Zh => &super::zh::Zh,
        Lang::En => &super::en::En,
    }
}

/// A severity as one word in a line: 错误 / error.
pub fn severity_label(severity: Severity, lang: Lang) -> &'static str {
    words(lang).severity(severity)
}

/// A severity as the heading of its group of findings: 错误 / Errors.
pub fn severity_heading(severity: Severity, lang: Lang) -> &'static str {
    words(lang).severity_heading(severity)
}

/// What follows a count of findings of `severity`: “3 个错误”, “1 error”.
pub fn count_unit(severity: Severity, n: usize, lang: Lang) -> &'static str {
    words(lang).count_unit(severity, n == 1)
}

/// The heading of the settled findings' group, and the mark on one.
pub fn status_label(status: Status, lang: Lang) -> &'static str {
    words(lang).status(status)
}

/// A reviewer's decision with its comment: “已排除：系统统计口径不同”.
pub fn settled_text(settled: &Settled, lang: Lang) -> String {
    let word = status_label(settled.status, lang);
    if settled.comment.is_empty() {
        word.to_string()
    } else {
        format!("{word}{}{}", colon(lang), settled.comment)
    }
}

/// The count of dismissed findings: “2 条已排除”.
pub fn dismissed_text(n: usize, lang: Lang) -> String {
    words(lang).dismissed(n)
}

/// The files a batch export left out, since they could not be read again
/// (moved, deleted or renamed since they were chosen): up to five named.
/// Not a word of the `Words` trait, so that the viewer, which has no
/// batch, does not carry it.
pub fn left_out_text(names: &[String], lang: Lang) -> String {
    let shown = &names[..names.len().min(5)];
    match lang {
        Lang::Zh => super::zh::left_out(shown, names.len()),
        Lang::En => super::en::left_out(shown, names.len()),
    }
}

/// A line and column of an unreadable file: “第 3 行第 5 列”.
pub fn position_text(position: Position, lang: Lang) -> String {
    words(lang).position(position.line, position.column)
}

/// Where a finding is: its line and column, or the printed place of its
/// first pointer (“表三「（七）总计」·「自然人」”).
pub fn location(d: &Diagnostic, template: Template, lang: Lang) -> String {
    match d.position {
        Some(p) => position_text(p, lang),
        None => place(template, d.pointers.first().map_or("", String::as_str), lang),
    }
}

/// The separator between a label and what it labels.
pub fn colon(lang: Lang) -> &'static str {
    words(lang).colon()
}

/// How many checks ran: “共运行 231 项检查，跳过 2 项”.
pub fn checks_text(summary: &Summary, lang: Lang) -> String {
    words(lang).checks(summary.checks_run, summary.checks_skipped)
}

/// Why checks are skipped, said once beside their count.
pub fn skipped_reason(lang: Lang) -> &'static str {
    words(lang).skipped_reason()
}

/// The summary when nothing was found.
pub fn no_problems(lang: Lang) -> &'static str {
    words(lang).no_problems()
}

/// The findings panel's sentence when every check passed.
pub fn all_passed(checks_run: usize, lang: Lang) -> String {
    words(lang).all_passed(checks_run)
}

/// A check's result on one line: “1 个错误，0 个警告，2 条提示（运行 231 项检查，跳过 0 项）”.
pub fn summary_text(s: &Summary, lang: Lang) -> String {
    let w = words(lang);
    let counts = [(Severity::Error, s.errors), (Severity::Warning, s.warnings), (Severity::Info, s.infos)]
        .map(|(severity, n)| format!("{n} {}", w.count_unit(severity, n == 1)));
    let mut line = counts.join(w.comma());
    if s.dismissed > 0 {
        line.push_str(w.comma());
        line.push_str(&w.dismissed(s.dismissed));
    }
    let (open, close) = w.brackets();
    format!("{line}{open}{}{close}", w.checks_in_line(s.checks_run, s.checks_skipped))
}

/// Whether the report can be published: “可以发布”, or what stands in the
/// way: “发布前还需处理：2 个错误，3 条未处理的警告”.
pub fn readiness_text(readiness: &crate::readiness::Readiness, lang: Lang) -> String {
    let w = words(lang);
    if readiness.ready() {
        return w.ready().to_string();
    }
    let parts = readiness_parts(readiness, lang);
    format!("{}{}", w.before_publishing(), parts.into_iter().map(|(text, _)| text).collect::<Vec<_>>().join(w.comma()))
}

/// The counts of what stands in the way, each with the first finding it
/// counts (an index into the findings): a page links each to its finding.
pub fn readiness_parts(readiness: &crate::readiness::Readiness, lang: Lang) -> Vec<(String, usize)> {
    let w = words(lang);
    let mut parts = Vec::new();
    if let Some(&first) = readiness.errors.first() {
        parts.push((w.blocking_errors(readiness.errors.len()), first));
    }
    if let Some(&first) = readiness.warnings.first() {
        parts.push((w.unsettled_warnings(readiness.warnings.len()), first));
    }
    parts
}

/// “发布前还需处理：”, before [`readiness_parts`].
pub fn before_publishing(lang: Lang) -> &'static str {
    words(lang).before_publishing()
}

/// How many cells are still blank, per table (表二, 表三, 表四): “还有 200 格
/// 待填：表二 10 格，表三 175 格，表四 15 格”. `None` when none is.
pub fn to_fill_text(counts: [usize; 3], lang: Lang) -> Option<String> {
    let total: usize = counts.iter().sum();
    if total == 0 {
        return None;
    }
    let tables: Vec<(&str, usize)> = ["proactive", "applications", "appeals"]
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .filter_map(|(key, n)| Some((crate::template::section(key)?.short.get(lang), n)))
        .collect();
    Some(words(lang).to_fill(total, &tables))
}

/// The last line of a check of several files.
pub fn files_text(files: usize, with_errors: usize, lang: Lang) -> String {
    words(lang).files(files, with_errors)
}

/// The heading of an aggregate check: the parent, the subordinates included
/// and how many cells differ.
pub fn aggregate_text(parent: &str, included: &[String], differences: usize, lang: Lang) -> String {
    words(lang).aggregate(parent, included, differences)
}

/// One line of an aggregate check, under [`aggregate_text`] (which names the
/// subordinates once): “表三「一、本年新收」·「总计」：本级汇总 88，下级之和 80，相差 8”.
/// Any other finding is its whole message.
pub fn aggregate_line(d: &Diagnostic, template: Template, lang: Lang) -> String {
    let crate::diagnostic::Detail::AggregateSum { parent, sum, .. } = &d.detail else {
        return super::message(d, template, lang);
    };
    let place = location(d, template, lang);
    words(lang).aggregate_line(&place, &number(*parent), &number(*sum), &number(parent - sum))
}

/// The line of a check of several years of one agency.
pub fn years_text(years: usize, lang: Lang) -> String {
    words(lang).years(years)
}

/// How many findings of one rule stand together before a page shows them as
/// one line that opens onto them: “表三有 175 个空白格”.
pub const REPEATED_FROM: usize = 4;

/// The part of the report a finding is in (its first pointer's section:
/// 表三, 第一部分), for [`repeated_text`].
pub fn part_of(d: &Diagnostic) -> Option<&'static str> {
    let first = d.pointers.first()?;
    let key = first.strip_prefix('/')?.split('/').next()?;
    crate::template::section(key).map(|s| s.key)
}

/// Many findings of one rule in one part, as one line: “表三有 175 个空白格”,
/// “表三：12 条同类问题”.
pub fn repeated_text(rule: crate::diagnostic::Rule, part: &str, n: usize, lang: Lang) -> String {
    let short = crate::template::section(part).map_or("", |s| s.short.get(lang));
    words(lang).repeated(rule, short, n)
}

// The words of a batch (the workstation's): free functions, not `Words`,
// so that the viewer does not carry them; but for the label of a report
// whose checks mostly could not run, which its summary shows too.

/// What a report of a batch is: 多数检查未能运行, 有错误 …
pub fn verdict_label(verdict: crate::batch::Verdict, lang: Lang) -> &'static str {
    match verdict {
        crate::batch::Verdict::MostlyUnchecked => words(lang).mostly_unchecked(),
        other => match lang {
            Lang::Zh => super::zh::verdict(other),
            Lang::En => super::en::verdict(other),
        },
    }
}

/// Most checks of a report could not run ([`Summary::mostly_unchecked`]):
/// its label, and what its counts are worth.
pub fn mostly_unchecked_text(lang: Lang) -> (&'static str, &'static str) {
    let w = words(lang);
    (w.mostly_unchecked(), w.mostly_unchecked_note())
}

/// The heading of a batch's column of findings in one part: 表二, 表三,
/// 表四 (the template's short names), 文字, 其他.
pub fn part_heading(part: crate::batch::Part, lang: Lang) -> &'static str {
    use crate::batch::Part;
    let table = |key| crate::template::section(key).map_or("", |s| s.short.get(lang));
    match part {
        Part::Proactive => table("proactive"),
        Part::Applications => table("applications"),
        Part::Appeals => table("appeals"),
        Part::Text | Part::Rest => match lang {
            Lang::Zh => super::zh::part_word(part),
            Lang::En => super::en::part_word(part),
        },
    }
}

/// How many reports of a batch the filters show: “显示 3 / 50 份”.
pub fn shown_text(shown: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("显示 {shown} / {total} 份"),
        Lang::En => format!("Showing {shown} of {total}"),
    }
}

/// The totals of a batch's rows: “共 3 个错误、170 个警告；2 份有错误，1 份多数检查未能运行……”.
pub fn totals_text(totals: &crate::batch::Totals, lang: Lang) -> String {
    match lang {
        Lang::Zh => super::zh::totals(totals),
        Lang::En => super::en::totals(totals),
    }
}

/// Why a pasted block was not pasted, with how many of its cells fit:
/// “粘贴的内容有 2 行 8 列（16 个单元格），从所选单元格起本表只放得下其中 14 个……”.
pub fn paste_refused(overflow: &crate::sheet::Overflow, lang: Lang) -> String {
    match lang {
        Lang::Zh => super::zh::paste_refused(overflow),
        Lang::En => super::en::paste_refused(overflow),
    }
}

/// The note under a number cell's editor while what is typed is not a
/// number (it is stored as text, and checked as `cell-text`).
pub fn stored_as_text(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => super::zh::stored_as_text(),
        Lang::En => super::en::stored_as_text(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_files_an_export_left_out_are_named_up_to_five() {
        let names: Vec<String> = (1..=7).map(|i| format!("r{i}.json")).collect();
        let zh = left_out_text(&names, Lang::Zh);
        assert!(
            zh.starts_with("导出的结果不含 7 份文件的检查结果：r1.json、r2.json、r3.json、r4.json、r5.json等 7 份。"),
            "{zh}"
        );
        assert!(!zh.contains("r6.json"));
        let en = left_out_text(&names[..1], Lang::En);
        assert!(
            en.starts_with("The export leaves out the findings of 1 file that could no longer be read: r1.json. "),
            "{en}"
        );
        let en = left_out_text(&names, Lang::En);
        assert!(en.contains("7 files") && en.contains("r5.json and 2 more."), "{en}");
    }

    #[test]
    fn one_summary_line_in_both_languages() {
        let s = Summary { errors: 1, warnings: 0, infos: 2, dismissed: 1, checks_run: 231, checks_skipped: 3 };
        assert_eq!(
            summary_text(&s, Lang::Zh),
            "1 个错误，0 个警告，2 条提示，1 条已排除（运行 231 项检查，跳过 3 项）"
        );
        assert_eq!(summary_text(&s, Lang::En), "1 error, 0 warnings, 2 notes, 1 dismissed (231 checks run, 3 skipped)");
    }

    #[test]
    fn every_severity_has_its_words() {
        for severity in [Severity::Error, Severity::Warning, Severity::Info] {
            for lang in [Lang::Zh, Lang::En] {
                assert!(!severity_label(severity, lang).is_empty());
                assert_ne!(count_unit(severity, 1, Lang::En), count_unit(severity, 2, Lang::En));
                assert_eq!(count_unit(severity, 1, Lang::Zh), count_unit(severity, 2, Lang::Zh));
            }
        }
    }

    #[test]
    fn a_refused_paste_says_how_many_cells_fit() {
        let overflow = crate::sheet::Overflow { rows: 2, columns: 8, cells: 16, fit: 14 };
        assert_eq!(
            paste_refused(&overflow, Lang::Zh),
            "粘贴的内容有 2 行 8 列（16 个单元格），从所选单元格起本表只放得下其中 14 个，因此没有粘贴任何内容。请选择更靠左或靠上的单元格，或少复制几行几列。"
        );
        assert_eq!(
            paste_refused(&overflow, Lang::En),
            "The pasted block is 2 rows by 8 columns (16 cells); from the selected cell only 14 of them fit in this table, so nothing was pasted. Select a cell further left or up, or copy fewer rows or columns."
        );
        let one = crate::sheet::Overflow { rows: 1, columns: 1, cells: 1, fit: 0 };
        assert_eq!(
            paste_refused(&one, Lang::En),
            "The pasted block is 1 row by 1 column (1 cell); from the selected cell none of it fits in this table, so nothing was pasted. Select a cell further left or up, or copy fewer rows or columns."
        );
        assert_eq!(stored_as_text(Lang::Zh), "将保存为文字，不是数字");
    }

    #[test]
    fn a_settled_mark_without_comment_is_the_word_alone() {
        let s = Settled { status: Status::Dismissed, comment: String::new() };
        assert_eq!(settled_text(&s, Lang::Zh), "已排除");
        let s = Settled { status: Status::Confirmed, comment: "已整改".into() };
        assert_eq!(settled_text(&s, Lang::Zh), "已确认：已整改");
        assert_eq!(settled_text(&s, Lang::En), "Confirmed: 已整改");
    }
}
