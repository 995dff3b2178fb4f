//! The words around a finding: its severity, where it is, whether a
//! reviewer settled it, and the counts of a check. The CLI, the app and the
//! embedding API all lay out these words; none of them writes its own.
//!
//! English says "note" for the `info` severity (the JSON code stays `info`):
//! "2 notes" reads as English, "2 infos" does not (docs/DECISIONS.md).

use super::{number, place};
use crate::diagnostic::{Diagnostic, Position, Settled, Severity, Status, Summary};
use crate::template::{Lang, Template};

/// A severity as one word in a line: 错误 / error.
pub fn severity_label(severity: Severity, lang: Lang) -> &'static str {
    match (severity, lang) {
        (Severity::Error, Lang::Zh) => "错误",
        (Severity::Warning, Lang::Zh) => "警告",
        (Severity::Info, Lang::Zh) => "提示",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
        (Severity::Info, Lang::En) => "note",
    }
}

/// A severity as the heading of its group of findings: 错误 / Errors.
pub fn severity_heading(severity: Severity, lang: Lang) -> &'static str {
    match (severity, lang) {
        (Severity::Error, Lang::Zh) => "错误",
        (Severity::Warning, Lang::Zh) => "警告",
        (Severity::Info, Lang::Zh) => "提示",
        (Severity::Error, Lang::En) => "Errors",
        (Severity::Warning, Lang::En) => "Warnings",
        (Severity::Info, Lang::En) => "Notes",
    }
}

/// What follows a count of findings of `severity`: “3 个错误”, “1 error”.
pub fn count_unit(severity: Severity, n: usize, lang: Lang) -> &'static str {
    let one = n == 1;
    match (severity, lang) {
        (Severity::Error, Lang::Zh) => "个错误",
        (Severity::Warning, Lang::Zh) => "个警告",
        (Severity::Info, Lang::Zh) => "条提示",
        (Severity::Error, Lang::En) if one => "error",
        (Severity::Warning, Lang::En) if one => "warning",
        (Severity::Info, Lang::En) if one => "note",
        (Severity::Error, Lang::En) => "errors",
        (Severity::Warning, Lang::En) => "warnings",
        (Severity::Info, Lang::En) => "notes",
    }
}

/// The heading of the settled findings' group, and the mark on one.
pub fn status_label(status: Status, lang: Lang) -> &'static str {
    match (status, lang) {
        (Status::Dismissed, Lang::Zh) => "已排除",
        (Status::Confirmed, Lang::Zh) => "已确认",
        (Status::Dismissed, Lang::En) => "Dismissed",
        (Status::Confirmed, Lang::En) => "Confirmed",
    }
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
    match lang {
        Lang::Zh => format!("{n} 条已排除"),
        Lang::En => format!("{n} dismissed"),
    }
}

/// A line and column of an unreadable file: “第 3 行第 5 列”.
pub fn position_text(position: Position, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("第 {} 行第 {} 列", position.line, position.column),
        Lang::En => format!("Line {}, column {}", position.line, position.column),
    }
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
    match lang {
        Lang::Zh => "：",
        Lang::En => ": ",
    }
}

/// How many checks ran: “共运行 231 项检查，跳过 2 项”.
pub fn checks_text(summary: &Summary, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("共运行 {} 项检查，跳过 {} 项", summary.checks_run, summary.checks_skipped),
        Lang::En => format!("{} checks run, {} skipped", summary.checks_run, summary.checks_skipped),
    }
}

/// Why checks are skipped, said once beside their count.
pub fn skipped_reason(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "（所需的数据空白、不是数字或没有提供）",
        Lang::En => " (the data they need is blank, not a number, or not given)",
    }
}

/// The summary when nothing was found.
pub fn no_problems(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "✓ 未发现问题",
        Lang::En => "✓ No problems found",
    }
}

/// The findings panel's sentence when every check passed.
pub fn all_passed(checks_run: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("全部 {checks_run} 项检查均已通过，表格的勾稽关系成立，文字与表格一致。"),
        Lang::En => format!("All {checks_run} checks passed: the tables add up and the text agrees with them."),
    }
}

/// A check's result on one line: “1 个错误，0 个警告，2 条提示（运行 231 项检查，跳过 0 项）”.
pub fn summary_text(s: &Summary, lang: Lang) -> String {
    let counts = [(Severity::Error, s.errors), (Severity::Warning, s.warnings), (Severity::Info, s.infos)]
        .map(|(severity, n)| format!("{n} {}", count_unit(severity, n, lang)));
    let (comma, open, close) = match lang {
        Lang::Zh => ("，", "（", "）"),
        Lang::En => (", ", " (", ")"),
    };
    let mut line = counts.join(comma);
    if s.dismissed > 0 {
        line.push_str(comma);
        line.push_str(&dismissed_text(s.dismissed, lang));
    }
    let checks = match lang {
        Lang::Zh => format!("运行 {} 项检查，跳过 {} 项", s.checks_run, s.checks_skipped),
        Lang::En => format!("{} checks run, {} skipped", s.checks_run, s.checks_skipped),
    };
    format!("{line}{open}{checks}{close}")
}

/// The last line of a check of several files.
pub fn files_text(files: usize, with_errors: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("共检查 {files} 个文件，其中 {with_errors} 个有错误。"),
        Lang::En => format!("{files} files checked, {with_errors} with errors."),
    }
}

/// The heading of an aggregate check: the parent, the subordinates included
/// and how many cells differ.
pub fn aggregate_text(parent: &str, included: &[String], differences: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "“{parent}”的汇总数与所载 {} 份下级报告之和比较（{}）：{differences} 处不一致。",
            included.len(),
            included.join("、")
        ),
        Lang::En => format!(
            "“{parent}” against the sum of the {} subordinate reports loaded ({}): {differences} differences.",
            included.len(),
            included.join(", ")
        ),
    }
}

/// One line of an aggregate check, under [`aggregate_text`] (which names the
/// subordinates once): “表三「一、本年新收」·「总计」：本级汇总 88，下级之和 80，相差 8”.
/// Any other finding is its whole message.
pub fn aggregate_line(d: &Diagnostic, template: Template, lang: Lang) -> String {
    let crate::diagnostic::Detail::AggregateSum { parent, sum, .. } = &d.detail else {
        return super::message(d, template, lang);
    };
    let place = location(d, template, lang);
    let (parent, sum, difference) = (number(*parent), number(*sum), number(parent - sum));
    match lang {
        Lang::Zh => format!("{place}：本级汇总 {parent}，下级之和 {sum}，相差 {difference}"),
        Lang::En => format!("{place}: aggregate {parent}, subordinates {sum}, difference {difference}"),
    }
}

/// The line of a check of several years of one agency.
pub fn years_text(years: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("同一机关的 {years} 个年度：逐年对照（各年均已与上一年核对）"),
        Lang::En => format!("{years} years of one agency, each checked against the year before"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn a_settled_mark_without_comment_is_the_word_alone() {
        let s = Settled { status: Status::Dismissed, comment: String::new() };
        assert_eq!(settled_text(&s, Lang::Zh), "已排除");
        let s = Settled { status: Status::Confirmed, comment: "已整改".into() };
        assert_eq!(settled_text(&s, Lang::Zh), "已确认：已整改");
        assert_eq!(settled_text(&s, Lang::En), "Confirmed: 已整改");
    }
}
