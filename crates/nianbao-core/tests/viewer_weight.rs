//! What would weigh on every reader's download, kept out of the code the
//! viewer compiles (the core and the app's `src/`): Unicode's case tables.
//! `str::to_lowercase` and its kin link them (15 kB of the viewer, gzipped,
//! measured in session 6); the words they were used on are the template's
//! English, all ASCII, so the ASCII forms do.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_unicode_case_conversion_in_the_viewers_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    rust_files(&root.join("crates/nianbao-core/src"), &mut files);
    rust_files(&root.join("src"), &mut files);
    assert!(files.len() > 40, "the sources were found ({} files)", files.len());
    let banned = ["to_lowercase", "to_uppercase", "char::to_lowercase", "char::to_uppercase"];
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            // `to_ascii_lowercase` is the one wanted, and does not match.
            if banned.iter().any(|b| code.contains(&format!("{b}(")) || code.contains(&format!("{b})"))) {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "use the ASCII forms (to_ascii_lowercase):\n{}", found.join("\n"));
}
