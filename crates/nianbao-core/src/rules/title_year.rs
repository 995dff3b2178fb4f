// Rule: title-year
// Fires when the title names no year or only other years than `year`
// (pointer /title), or when section 一 states a 统计期限 that is not 1 January
// – 31 December of `year` (pointer /overview). A period is read only from a
// sentence that mentions 统计 and gives two full dates; anything vaguer is
// left alone.

use super::Checks;
use crate::diagnostic::{Detail, Diagnostic, Rule};
use crate::model::Report;
use crate::text::{fold, leading_number, sentences, years};

pub fn check(report: &Report, checks: &mut Checks) {
    let Some(year) = report.year else {
        checks.count(false);
        return;
    };
    if let Some(title) = report.title.as_deref() {
        checks.count(true);
        let stated = years(title);
        if stated.is_empty() {
            checks.push(Diagnostic::at(Rule::TitleYear, "/title", Detail::TitleNoYear));
        } else if !stated.contains(&year) {
            checks.push(Diagnostic::at(Rule::TitleYear, "/title", Detail::TitleOtherYear { stated: stated[0], year }));
        }
    }
    let Some(overview) = report.overview.as_deref() else {
        return;
    };
    let Some((sentence, dates)) = stated_period(overview) else {
        return;
    };
    checks.count(true);
    if dates != [(year, 1, 1), (year, 12, 31)] {
        checks.push(Diagnostic::at(Rule::TitleYear, "/overview", Detail::PeriodWrong { stated: sentence }));
    }
}

type Ymd = (i64, i64, i64);

/// The first sentence that speaks of 统计 and holds two dates, with them.
fn stated_period(text: &str) -> Option<(String, [Ymd; 2])> {
    for sentence in sentences(text) {
        if !sentence.contains("统计") {
            continue;
        }
        let folded = fold(sentence);
        let Some(at) = folded.find("统计") else {
            continue;
        };
        let dates = dates(&folded[at..]);
        if dates.len() >= 2 {
            return Some((sentence.to_string(), [dates[0], dates[1]]));
        }
    }
    None
}

/// Dates written `YYYY年M月D日` in folded text, in order.
fn dates(text: &str) -> Vec<Ymd> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some((start, _)) = rest.char_indices().find(|(_, c)| c.is_ascii_digit()) {
        rest = &rest[start..];
        match date_at(rest) {
            Some((date, len)) => {
                found.push(date);
                rest = &rest[len..];
            }
            None => {
                let (_, len) = leading_number(rest).unwrap_or((0.0, 1));
                rest = &rest[len..];
            }
        }
    }
    found
}

fn date_at(text: &str) -> Option<(Ymd, usize)> {
    let mut pos = 0;
    let mut parts = [0i64; 3];
    for (i, unit) in ['年', '月', '日'].iter().enumerate() {
        let (n, len) = leading_number(&text[pos..])?;
        pos += len;
        if !text[pos..].starts_with(*unit) || n.fract() != 0.0 {
            return None;
        }
        pos += unit.len_utf8();
        parts[i] = n as i64;
    }
    Some(((parts[0], parts[1], parts[2]), pos))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        let (_, dates) =
            stated_period("报告中所列数据统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止。").unwrap();
        assert_eq!(dates, [(2023, 1, 1), (2023, 12, 31)]);
        let (_, dates) = stated_period("本报告所列数据的统计期限为2024年1月1日至2024年12月31日").unwrap();
        assert_eq!(dates, [(2024, 1, 1), (2024, 12, 31)]);
        assert!(stated_period("统计期限为本年度。").is_none());
        assert!(stated_period("2024年1月1日至2024年12月31日，共受理申请3件。").is_none());
    }
}
