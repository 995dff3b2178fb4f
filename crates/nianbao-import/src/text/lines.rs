//! The lines of a report as copied, without what a PDF viewer, an extraction
//! tool or a web page adds: page markers, tool output, tool bars, bylines and
//! the site's footer. And the folding of labels all readers share.

use crate::ImportNote;

/// Folds the ways publishers type the same label into one: no whitespace,
/// ASCII brackets, digits, colons, commas and semicolons, `1、`/`1．` as
/// `1.`, straight quotes.
pub(super) fn fold_label(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '：' => ':',
            '，' => ',',
            '；' => ';',
            '、' | '．' => '.',
            '“' | '”' | '＂' => '"',
            '‘' | '’' => '\'',
            '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// A line that only a PDF viewer or an extraction tool adds: page numbers
/// (`- 3 -`, `— 3 —` as official documents print them, `第 3 页`), page
/// separators (`--- page 2 ---`).
pub(super) fn is_page_marker(line: &str) -> bool {
    const DASHES: [char; 4] = ['-', '—', '－', '–'];
    let t = line.trim();
    let inner = t.trim_matches(|c: char| DASHES.contains(&c) || c.is_whitespace());
    let page_number = !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit());
    // A line of ASCII dashes is a separator; other dashes (a row of — for
    // zero) only frame a page number.
    let ascii =
        t.starts_with('-') && t.ends_with('-') && (inner.is_empty() || page_number || inner.starts_with("page"));
    let framed = t.starts_with(DASHES) && t.ends_with(DASHES) && page_number;
    ascii
        || framed
        || (t.starts_with('第')
            && t.ends_with('页')
            && t.chars().filter(char::is_ascii_digit).count() > 0
            && t.chars().count() <= 12)
}

/// A line that belongs to an extraction tool's dump rather than the report.
pub(super) fn is_tool_output(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("=====") || t.starts_with("SOURCE:")
}

/// The lines of the report, without page markers and tool output.
pub(super) fn report_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    for line in text.lines() {
        if line.trim_start().starts_with("=====") {
            // Everything after a tool's separator is the tool's, not the report's.
            break;
        }
        if is_page_marker(line) || is_tool_output(line) {
            continue;
        }
        lines.push(line);
    }
    lines
}

/// Whether a line is running text: a sentence, or wider than any heading or
/// table label. A table's rows (tab- or `|`-separated) never are.
pub(super) fn is_prose(line: &str) -> bool {
    let t = line.trim();
    !(t.contains('\t') || t.contains('|'))
        && (t.contains('。') || t.chars().filter(|c| !c.is_whitespace()).count() > 40)
}

/// Where a web page's footer starts in the last section (主办单位：…, ICP备…,
/// 相关链接 and the list under it), which a copied page carries after the
/// report.
pub(super) fn site_footer_start(lines: &[&str]) -> usize {
    const FOOTER: &[&str] = &[
        "版权所有",
        "ICP备",
        "网站标识码",
        "主办单位：",
        "主办单位:",
        "承办单位：",
        "技术支持：",
        "网站地图",
        "联系我们",
        "打印本页",
        "关闭窗口",
        "【打印】",
        "【关闭】",
        "分享到：",
    ];
    /// Lists of links under the article.
    const LISTS: &[&str] =
        &["相关链接", "相关文件", "相关阅读", "相关新闻", "文件下载", "附件下载", "上一篇", "下一篇"];
    lines
        .iter()
        .position(|l| {
            let t = l.trim();
            (!t.contains('。') && FOOTER.iter().any(|w| t.contains(w)))
                || LISTS.iter().any(|w| t.trim_matches(['【', '】', '[', ']', '：', ':', ' ', '　']) == *w)
        })
        .unwrap_or(lines.len())
}

/// A line of a web page's tool bars rather than of the report: a share bar
/// (分享到：微信 微博 QQ空间), 字号 大 中 小, 打印本页, 【关闭】, 全真版, 文件下载,
/// 相关链接, every word of it one of these; or a byline (来源：… 发布时间：…
/// 浏览次数：…). Report text that mentions 微信 or 微博 has other words too.
pub(super) fn is_page_chrome(line: &str) -> bool {
    /// Tool-bar words, longer before shorter.
    const WORDS: &[&str] = &[
        "分享到",
        "分享",
        "新浪微博",
        "腾讯微博",
        "微信朋友圈",
        "朋友圈",
        "微信",
        "微博",
        "QQ空间",
        "QQ好友",
        "QQ",
        "人人网",
        "豆瓣",
        "复制链接",
        "扫一扫",
        "二维码",
        "字号",
        "字体",
        "打印本页",
        "打印",
        "关闭窗口",
        "关闭本页",
        "关闭",
        "全真版",
        "文字版",
        "图片版",
        "文件下载",
        "附件下载",
        "相关链接",
        "相关文件",
        "收藏",
        "返回顶部",
        "返回",
        "无障碍",
        "长者模式",
        "繁体",
        "简体",
        "默认",
    ];
    /// Byline fields.
    const BYLINE: &[&str] = &[
        "来源：",
        "来源:",
        "信息来源",
        "文章来源",
        "发布时间",
        "发布日期",
        "更新时间",
        "发布机构",
        "浏览次数",
        "浏览量",
        "阅读次数",
        "访问次数",
        "点击数",
        "点击量",
        "点击率",
        "责任编辑",
        "当前位置：",
    ];
    let t = line.trim();
    if t.is_empty() || t.contains('。') || t.chars().count() > 120 {
        return false;
    }
    let fields = BYLINE.iter().filter(|w| t.contains(*w)).count();
    let bare = t.trim_start_matches(['【', '[', ' ', '　']);
    if fields >= 2 || (fields == 1 && BYLINE.iter().any(|w| bare.starts_with(w)) && t.chars().count() <= 40) {
        return true;
    }
    let mut rest = t.to_string();
    let mut found = false;
    for word in WORDS {
        if rest.contains(word) {
            found = true;
            rest = rest.replace(word, " ");
        }
    }
    let sized = t.contains("字号") || t.contains("字体");
    found
        && rest
            .chars()
            .all(|c| c.is_whitespace() || "【】[]()（）：:|｜/·-—>".contains(c) || (sized && "大中小".contains(c)))
}

/// A text section's lines without a web page's tool bars and bylines
/// (`is_page_chrome`), which become blank lines; each is named in a note.
pub(super) fn without_page_chrome<'a>(lines: &[&'a str], notes: &mut Vec<ImportNote>) -> Vec<&'a str> {
    lines
        .iter()
        .map(|line| {
            if is_page_chrome(line) {
                dropped(notes, &[line]);
                ""
            } else {
                line
            }
        })
        .collect()
}

/// Notes lines left out of the report as the page's, once for each text.
pub(super) fn dropped(notes: &mut Vec<ImportNote>, lines: &[&str]) {
    const SHOWN: usize = 80;
    let text = lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return;
    }
    let text = if text.chars().count() > SHOWN { text.chars().take(SHOWN).collect::<String>() + "…" } else { text };
    let note = ImportNote::TextDropped { text };
    if !notes.contains(&note) {
        notes.push(note);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_chrome_is_whole_lines_of_tool_bar_words_or_bylines() {
        for line in [
            "分享到：微信微博QQ空间　字号：大中小　打印本页",
            "微信 微博 QQ空间",
            "全真版",
            "文件下载",
            "相关链接：",
            "字号 大 中 小",
            "【关闭】",
            "【打印本页】【关闭窗口】",
            "来源：淮安市人民政府  发布时间：2025-01-20  浏览次数：1024",
            "发布时间：2025-01-20",
        ] {
            assert!(is_page_chrome(line), "{line}");
        }
        for line in [
            "通过政务微信、微博发布信息 120 条",
            "微信公众号：济源高新区发布",
            "大中小",
            "关闭无力运维账号 2 个",
            "来源于群众的意见建议 12 条均已办结",
            "一、总体情况",
        ] {
            assert!(!is_page_chrome(line), "{line}");
        }
    }

    #[test]
    fn page_markers_as_pdf_viewers_and_official_documents_print_them() {
        for line in ["- 3 -", "— 3 —", "－ 12 －", "--- page 2 ---", "第 3 页", "第3页 共4页"] {
            assert!(is_page_marker(line), "{line}");
        }
        for line in ["—", "—\t—\t—", "3", "一、总体情况", "— 政府信息公开 —"] {
            assert!(!is_page_marker(line), "{line}");
        }
    }
}
