//! The template has one home (issue 12): only `template.rs` spells a printed
//! label of the template; every other source file asks it.
//!
//! This test reads the string literals of every `.rs` file under
//! `crates/*/src` and the app's `src/`, and fails on a printed label of the
//! template found in one, naming the file and the line. Comments, test
//! modules (`#[cfg(test)]`) and `tests/` and `examples/` directories are not
//! read: tests and documentation quote labels on purpose.
//!
//! The labels are the Chinese of the template's public data: the section
//! headings, and 表二, 表三 and 表四's headers, rows, columns, groups and
//! blocks. A literal hits when it holds
//! - a whole label of three 汉字 or more (`MIN_CJK`): the two-character
//!   labels (规章, 总计, 其他) are everyday words that prose, units and
//!   messages use for themselves, and a hit on them would say nothing;
//! - a label's words without its numbering (本年新收政府信息公开申请数量 for
//!   一、本年新收政府信息公开申请数量) of five or more (`MIN_CJK_UNNUMBERED`):
//!   shorter ones (总体情况, 不予公开, 其他处理) are also the phrases by which
//!   agencies, and the importer's rewordings, name things;
//! - or when the literal is itself the start of a table's label, four 汉字
//!   or more (`MIN_CJK_SHORTENED`): a label cut short (一、本年新收, 本年制发).
//!   Headings are left out of this last check: the importer recognises them
//!   by the start of their words (主动公开政府信息), as agencies reword them.

use nianbao_core::template::{
    self, Label, OtherShape, Template, APPEAL_BLOCKS, APPEAL_COLUMNS, APPLICANTS_HEADER, APPLICANT_COLUMNS,
    BALANCE_NOTE, LITIGATION_HEADER, ORGANISATIONS_HEADER, PROACTIVE_ROW_HEADER, RESULTS_HEADER, RESULT_GROUPS,
    SECTIONS,
};
use std::path::{Path, PathBuf};

const MIN_CJK: usize = 3;
const MIN_CJK_UNNUMBERED: usize = 5;
const MIN_CJK_SHORTENED: usize = 4;

/// Files that still spell labels, each with why. Exactly the files that hit:
/// an entry whose file no longer hits fails the test, so that it is removed.
const ALLOWED: &[(&str, &str)] = &[(
    "crates/nianbao-core/src/rules/text_table_mismatch.rs",
    "narrative phrase words the rule reads in prose: reading knowledge, not labels",
)];

/// String literals that look like a shortened label but are reading
/// knowledge of their own, each with its file and why. Checked as exactly
/// as `ALLOWED`.
const READING: &[(&str, &str, &str)] = &[(
    "crates/nianbao-import/src/text/appeals.rs",
    "未经复议",
    "a piece that a PDF's columns cut 表四's 未经复议直接起诉 into; the importer reads header lines made of them",
)];

/// Where template labels may be spelt.
const HOME: &[&str] = &["crates/nianbao-core/src/template.rs", "crates/nianbao-core/src/lang.rs"];

fn cjk(text: &str) -> usize {
    text.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count()
}

/// The template's printed labels in Chinese, from its public data, with
/// their words without numbering, longest first.
fn labels() -> Vec<&'static str> {
    forms(SECTIONS.iter().map(|s| s.heading).chain(table_labels()))
}

/// The labels of the three tables: their headers, rows, columns, groups and
/// blocks.
fn table_labels() -> Vec<Label> {
    let mut all: Vec<Label> = vec![PROACTIVE_ROW_HEADER];
    for t in Template::ALL {
        for block in t.proactive() {
            all.push(block.article);
            all.extend(block.columns.iter().map(|c| c.label));
            all.extend(block.rows.iter().map(|r| r.label));
        }
    }
    all.extend([APPLICANTS_HEADER, ORGANISATIONS_HEADER, BALANCE_NOTE, RESULTS_HEADER, LITIGATION_HEADER]);
    all.extend(APPLICANT_COLUMNS.iter().map(|c| c.label));
    for shape in [OtherShape::Split, OtherShape::Single] {
        all.extend(shape.rows().iter().map(|r| r.label));
    }
    all.extend(RESULT_GROUPS.iter().map(|g| g.label));
    all.extend(APPEAL_BLOCKS.iter().flat_map(|b| [b.label, b.short_label]));
    all.extend(APPEAL_COLUMNS.iter().map(|c| c.label));
    all
}

/// Labels as they are checked: each whole, and its words without numbering.
fn forms(all: impl IntoIterator<Item = Label>) -> Vec<&'static str> {
    let mut labels: Vec<&'static str> = Vec::new();
    for label in all {
        let words = template::unnumbered(label.zh);
        let forms = [(label.zh, MIN_CJK), (words, MIN_CJK_UNNUMBERED)];
        for (form, min) in forms {
            if cjk(form) >= min && !labels.contains(&form) {
                labels.push(form);
            }
        }
    }
    labels.sort_by_key(|l| std::cmp::Reverse(l.chars().count()));
    labels
}

/// The string literals of Rust source outside comments and `#[cfg(test)]`
/// items, each with the line it starts on.
fn string_literals(source: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = source.chars().collect();
    let at = |i: usize, s: &str| s.chars().enumerate().all(|(k, c)| chars.get(i + k) == Some(&c));
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = Vec::new();
    let (mut i, mut line, mut depth) = (0, 1, 0usize);
    // The depth a skipped `#[cfg(test)]` item closes at, and whether one is
    // announced and not yet opened.
    let (mut skip_to, mut pending): (Option<usize>, bool) = (None, false);
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if at(i, "//") {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if at(i, "/*") {
            i += 2;
            while i < chars.len() && !at(i, "*/") {
                line += usize::from(chars[i] == '\n');
                i += 1;
            }
            i += 2;
        } else if at(i, "#[cfg(test)]") {
            pending = true;
            i += "#[cfg(test)]".len();
        } else if c == '"' || (c == 'r' && (i == 0 || !ident(chars[i - 1])) && (at(i, "r\"") || at(i, "r#"))) {
            let start = line;
            let mut text = String::new();
            if c == 'r' {
                let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
                if chars.get(i + 1 + hashes) != Some(&'"') {
                    i += 1;
                    continue;
                }
                i += hashes + 2;
                let close: String = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
                while i < chars.len() && !at(i, &close) {
                    line += usize::from(chars[i] == '\n');
                    text.push(chars[i]);
                    i += 1;
                }
                i += close.chars().count();
            } else {
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        i += 1;
                    }
                    if let Some(&ch) = chars.get(i) {
                        line += usize::from(ch == '\n');
                        text.push(ch);
                    }
                    i += 1;
                }
                i += 1;
            }
            if skip_to.is_none() {
                out.push((start, text));
            }
        } else if c == '\'' {
            // A character literal ('x', '\n', '"'), or a lifetime.
            if chars.get(i + 1) == Some(&'\\') {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else {
            match c {
                '{' => {
                    if pending && skip_to.is_none() {
                        skip_to = Some(depth);
                    }
                    pending = false;
                    depth += 1;
                }
                '}' => {
                    depth = depth.saturating_sub(1);
                    if skip_to == Some(depth) {
                        skip_to = None;
                    }
                }
                ';' => pending = false,
                _ => {}
            }
            i += 1;
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if path.is_dir() {
            if name != "tests" && name != "examples" {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every source file to read, relative to the workspace's root.
fn sources(root: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    if let Ok(crates) = std::fs::read_dir(root.join("crates")) {
        for krate in crates.flatten() {
            rust_files(&krate.path().join("src"), &mut files);
        }
    }
    let mut files: Vec<String> = files
        .iter()
        .filter_map(|f| f.strip_prefix(root).ok())
        .map(|f| f.to_string_lossy().replace('\\', "/"))
        .collect();
    files.sort();
    files
}

/// Each file's hits: the line and the label.
fn hits(root: &Path) -> Vec<(String, Vec<(usize, &'static str)>)> {
    let labels = labels();
    let table_labels = forms(table_labels());
    let mut found = Vec::new();
    for file in sources(root) {
        if HOME.contains(&file.as_str()) {
            continue;
        }
        let source = std::fs::read_to_string(root.join(&file)).expect("a readable source file");
        let mut file_hits = Vec::new();
        for (line, text) in string_literals(&source) {
            let bare = text.trim_start_matches(['+', '-', '−', '=', ' ']).trim_end();
            let whole = labels.iter().find(|l| text.contains(**l));
            let shortened = || table_labels.iter().find(|l| cjk(bare) >= MIN_CJK_SHORTENED && l.starts_with(bare));
            let reading = READING.iter().any(|(f, literal, _)| *f == file && *literal == text);
            if let Some(label) = whole.or_else(shortened).filter(|_| !reading) {
                file_hits.push((line, *label));
            }
        }
        if !file_hits.is_empty() {
            found.push((file, file_hits));
        }
    }
    found
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn only_the_template_spells_its_labels() {
    let found = hits(&root());
    let mut problems = Vec::new();
    for (file, file_hits) in &found {
        if ALLOWED.iter().any(|(allowed, _)| allowed == file) {
            continue;
        }
        for (line, label) in file_hits {
            problems.push(format!("{file}:{line}: spells the template's label “{label}”; ask template.rs for it"));
        }
    }
    for (allowed, reason) in ALLOWED {
        if !found.iter().any(|(file, _)| file == allowed) {
            problems.push(format!("{allowed}: allowed to spell labels ({reason}) but spells none; remove it"));
        }
    }
    for (file, literal, reason) in READING {
        let source = std::fs::read_to_string(root().join(file)).unwrap_or_default();
        if !string_literals(&source).iter().any(|(_, text)| text == literal) {
            problems.push(format!("{file}: “{literal}” is read ({reason}) but no longer spelt there; remove it"));
        }
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

#[test]
fn the_labels_read_are_the_templates() {
    let labels = labels();
    for label in
        ["一、总体情况", "本年新收政府信息公开申请数量", "（六）其他处理", "结果维持", "自然人", "本年制发件数"]
    {
        assert!(labels.contains(&label), "{label}");
    }
    for short in ["规章", "总计", "其他", "表二", "总体情况", "不予公开"] {
        assert!(!labels.contains(&short), "{short}");
    }
}

#[test]
fn literals_outside_comments_and_test_modules() {
    let source = "// \"一、总体情况\"\nfn f() -> &'static str { let c = '\"'; \"a{\" }\n/* \"b\" */\n#[cfg(test)]\nmod tests {\n    fn g() { \"c\"; }\n}\nconst D: &str = r#\"d\"e\"#;\n";
    let literals = string_literals(source);
    assert_eq!(literals, [(2, "a{".to_string()), (8, "d\"e".to_string())]);
}

/// The words around a finding (severities, settled marks, positions, the
/// counts of a summary) are the core's vocabulary
/// (`nianbao_core::message`); no shell writes its own. A literal that is one
/// of these words, or holds the position or count phrases, outside the
/// message module fails here.
#[test]
fn only_the_core_words_findings() {
    const WHOLE: &[&str] =
        &["错误", "警告", "提示", "已排除", "已确认", "Errors", "Warnings", "Notes", "Dismissed", "Confirmed"];
    const PARTS: &[&str] = &["行第", "个错误", "个警告", "条提示", "条已排除", "checks run", "line {}, column"];
    let root = root();
    let mut found = Vec::new();
    for file in sources(&root) {
        if file.starts_with("crates/nianbao-core/src/message") {
            continue;
        }
        let Ok(source) = std::fs::read_to_string(root.join(&file)) else { continue };
        for (line, literal) in string_literals(&source) {
            if WHOLE.contains(&literal.as_str()) || PARTS.iter().any(|p| literal.contains(p)) {
                found.push(format!(
                    "{file}:{line}: “{literal}” is a word of findings; ask nianbao_core::message for it"
                ));
            }
        }
    }
    assert!(found.is_empty(), "\n{}", found.join("\n"));
}
