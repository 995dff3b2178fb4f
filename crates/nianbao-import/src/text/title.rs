//! The report's title and the agency it names.

/// The title: the last line before the first heading that ends with
/// 年度报告 (or 信息公开…工作报告, or 关于…年度报告的公告), joined with the line
/// before when the title was broken after the agency's name. Returns it and
/// the index of the line after it.
pub(super) fn find_title(lines: &[&str]) -> (Option<String>, usize) {
    // The title closest to the report's first heading: a web page may list
    // other reports (earlier years, a side list, a breadcrumb) above it.
    for (i, line) in lines.iter().enumerate().rev() {
        let t = line.trim();
        let words = t.trim_end_matches(|c: char| !nianbao_core::text::is_word_char(c));
        let is_title = words.ends_with("年度报告")
            || (words.ends_with("工作报告") && words.contains("信息公开"))
            // 关于…年度报告的公告 (or 通知), as some agencies publish it.
            || (words.contains("关于") && words.contains("年度报告") && words.ends_with(['告', '知']));
        if !is_title {
            continue;
        }
        let starts_with_year = t.chars().next().is_some_and(|c| c.is_ascii_digit() || "〇一二".contains(c));
        if starts_with_year && i > 0 && !lines[i - 1].trim().is_empty() && lines[i - 1].trim().chars().count() <= 30 {
            return (Some(format!("{}{}", lines[i - 1].trim(), t)), i + 1);
        }
        return (Some(t.to_string()), i + 1);
    }
    (None, 0)
}

/// The agency named at the start of a title, before its year.
pub(super) fn agency_from_title(title: &str) -> Option<String> {
    let at = title.find(|c: char| c.is_ascii_digit() || "〇二".contains(c))?;
    // 某某局关于2024年…的公告: the agency is before 关于.
    let agency = title[..at].trim().trim_end_matches("关于").trim();
    (!agency.is_empty()).then(|| agency.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert_eq!(
            find_title(&["", "高新技术产业开发区管理办公室 2024 年政府信息公开工作年度报告", ""]).0.as_deref(),
            Some("高新技术产业开发区管理办公室 2024 年政府信息公开工作年度报告")
        );
        assert_eq!(
            find_title(&["洪泽区人民政府", "2023 年政府信息公开工作年度报告"]).0.as_deref(),
            Some("洪泽区人民政府2023 年政府信息公开工作年度报告")
        );
        assert_eq!(
            agency_from_title("淮安市人民政府2024年政府信息公开工作年度报告").as_deref(),
            Some("淮安市人民政府")
        );
    }
}
