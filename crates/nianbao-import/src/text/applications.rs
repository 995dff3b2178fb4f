//! 表三: its rows in the template's order, by runs of cells or by label.

use super::cells::{table_line, CellText, TableLine};
use super::lines::fold_label;
use super::set_path;
use crate::ImportNote;
use nianbao_core::json::{Object, Value};
use nianbao_core::template::{
    unnumbered, OtherShape, RowRole, APPLICANTS_HEADER, APPLICANT_CELLS, APPLICANT_COLUMNS, ORGANISATIONS_HEADER,
    RESULTS_HEADER, RESULT_GROUPS,
};
use std::sync::OnceLock;

/// How （六）其他处理 is printed: split when the section holds a piece of
/// one of its items' own words (before the tail 、行政机关不再处理… they
/// share) that no row of the single shape has. Five characters in a row
/// survive a label wrapped across lines.
pub(super) fn detect_shape(lines: &[&str]) -> OtherShape {
    const PIECE: usize = 5;
    let compact: String = lines.iter().map(|l| fold_label(l)).collect();
    let single: Vec<String> = OtherShape::Single.rows().iter().map(|r| fold_label(r.label.zh)).collect();
    let split = OtherShape::Split.other_rows().any(|row| {
        let words = fold_label(unnumbered(row.label.zh));
        let own: Vec<char> = words.split('.').next().unwrap_or("").chars().collect();
        own.windows(PIECE)
            .map(|w| w.iter().collect::<String>())
            .any(|piece| !single.iter().any(|s| s.contains(piece.as_str())) && compact.contains(piece.as_str()))
    });
    if split {
        OtherShape::Split
    } else {
        OtherShape::Single
    }
}

/// 表三. Its rows always come in the template's order, each with seven
/// cells (`APPLICANT_CELLS`), so the runs of seven cells are the rows in order, whatever
/// happened to their labels (lost leading cells, labels broken across lines,
/// numbers printed before a wrapped label). Labels then check the count and
/// name misspellings.
pub(super) fn read_applications(lines: &[&str], shape: OtherShape, notes: &mut Vec<ImportNote>) -> Object {
    let rows = shape.rows();
    let table_lines: Vec<TableLine> = lines.iter().map(|l| table_line(l)).collect();
    let mut runs: Vec<(usize, &TableLine)> =
        table_lines.iter().enumerate().filter(|(_, l)| l.cells_for(APPLICANT_CELLS).is_some()).collect();
    // A run of seven blanks with no label is a spacer (Word's HTML export, a
    // trailing empty row, a header's merged cell split into fields), not a
    // row: when leaving such runs out makes one run per row, they are left out.
    let spacer = |line: &TableLine| {
        line.label.trim().is_empty()
            && line.cells_for(APPLICANT_CELLS).is_some_and(|cells| cells.iter().all(CellText::is_blank))
    };
    if runs.len() != rows.len() {
        let without: Vec<(usize, &TableLine)> = runs.iter().copied().filter(|(_, l)| !spacer(l)).collect();
        if without.len() == rows.len() {
            runs = without;
        }
    }
    let mut object = Object::new();
    // One cell per line, as some PDF viewers copy a table: when the lone
    // numbers of the section are exactly the table's cells, they are its
    // rows in reading order.
    if runs.len() != rows.len() {
        let singles: Vec<&CellText> = table_lines
            .iter()
            .filter(|l| l.label.trim().is_empty() && l.cells.len() == 1)
            .map(|l| &l.cells[0])
            .collect();
        if !singles.is_empty() && singles.len() == rows.len() * APPLICANT_CELLS {
            for (row, cells) in rows.iter().zip(singles.chunks(APPLICANT_CELLS)) {
                let cells: Vec<CellText> = cells.iter().map(|c| (*c).clone()).collect();
                put_application_row(&mut object, row.path, &cells);
            }
            notes.push(ImportNote::PlacedInReadingOrder { pointer: "/applications".into() });
            return object;
        }
    }
    if runs.len() == rows.len() {
        for (row, (_, line)) in rows.iter().zip(&runs) {
            put_application_row(&mut object, row.path, line.cells_for(APPLICANT_CELLS).unwrap_or(&line.cells));
            check_label(row, &line.label, notes);
        }
        return object;
    }
    // Not one run per row: find each row by its label and take the run on
    // its line, or the nearest one below it before the next label.
    let mut taken = vec![false; table_lines.len()];
    let cores: Vec<String> = table_lines.iter().map(|l| label_core(&l.label)).collect();
    let labels: Vec<RowLabel> = rows.iter().map(RowLabel::of).collect();
    let mut from = 0;
    for (r, row) in rows.iter().enumerate() {
        let pointer = row.pointer();
        let label = &labels[r];
        // A piece of this row's label that no other row's label has: the
        // head of a wrapped label, not the tail 行政机关不再处理其政府信息公开申请
        // that both rows of （六） end with.
        let unique_piece = |core: &str| {
            label.has_piece(core)
                && labels
                    .iter()
                    .enumerate()
                    .all(|(o, other)| o == r || (!other.has_piece(core) && !other.is_named_by(core)))
        };
        let hit = (from..table_lines.len()).find(|&i| label.is_named_by(&cores[i]) || unique_piece(&cores[i]));
        let Some(i) = hit else {
            notes.push(ImportNote::RowMissing { pointer });
            continue;
        };
        from = i + 1;
        // The numbers are on the label's line or on the next lines, but never
        // past a line that names another row: those are that row's numbers.
        // (Scraps of a group's vertical label, 他处理, are no row's name.)
        let names_no_other_row =
            |core: &str| is_neutral_label(core) || label.is_named_by(core) || label.has_piece(core);
        let candidate = (i..table_lines.len().min(i + 3))
            .take_while(|&j| j == i || names_no_other_row(&cores[j]))
            .find(|&j| !taken[j] && !table_lines[j].cells.is_empty());
        match candidate {
            Some(j) if table_lines[j].cells_for(APPLICANT_CELLS).is_some() => {
                taken[j] = true;
                put_application_row(&mut object, row.path, table_lines[j].cells_for(APPLICANT_CELLS).unwrap_or(&[]));
                notes.push(ImportNote::RowPlacedByLabel { pointer });
            }
            Some(j) => {
                taken[j] = true;
                notes.push(ImportNote::RowAmbiguous {
                    pointer,
                    found: table_lines[j].cells.len(),
                    expected: APPLICANT_CELLS,
                });
            }
            None => notes.push(ImportNote::RowMissing { pointer }),
        }
    }
    object
}

/// A label reduced to its words: folded, without punctuation, brackets and
/// quotes, so that the ways publishers punctuate a label (、 or ，, 1. or 1、,
/// spaces, a line break inside a cell) are one.
pub(super) fn label_core(text: &str) -> String {
    fold_label(text)
        .chars()
        .filter(|c| !matches!(c, '.' | ',' | ';' | ':' | '"' | '\'' | '(' | ')' | '|' | '·' | '-' | '—'))
        .collect()
}

/// The cores of the labels over 表三's rows (三、本年度办理结果, the groups
/// （三）…（六）), which merged cells print before a row's own label.
fn group_cores() -> &'static [String] {
    static CORES: OnceLock<Vec<String>> = OnceLock::new();
    CORES.get_or_init(|| {
        std::iter::once(RESULTS_HEADER).chain(RESULT_GROUPS.iter().map(|g| g.label)).map(|l| label_core(l.zh)).collect()
    })
}

/// The cores of 表三's header labels (申请人情况, 法人或其他组织, the
/// applicant columns), which name no row.
fn header_cores() -> &'static [String] {
    static CORES: OnceLock<Vec<String>> = OnceLock::new();
    CORES.get_or_init(|| {
        [APPLICANTS_HEADER, ORGANISATIONS_HEADER]
            .into_iter()
            .chain(APPLICANT_COLUMNS.iter().map(|c| c.label))
            .map(|l| label_core(l.zh))
            .collect()
    })
}

/// A line's label core that names no row: empty, a scrap of a few
/// characters (他处理), or a piece of a group's or the header's label.
pub(super) fn is_neutral_label(core: &str) -> bool {
    let rest = without_group_labels(core);
    rest.chars().count() < 4 || group_cores().iter().chain(header_cores()).any(|h| h.contains(rest))
}

/// A label core without the group labels printed before a row's own label
/// in merged cells (三、本年度办理结果 （三）不予公开 1.属于国家秘密).
pub(super) fn without_group_labels(core: &str) -> &str {
    let mut rest = core;
    while let Some(next) = group_cores().iter().find_map(|g| rest.strip_prefix(g.as_str())) {
        rest = next;
    }
    rest
}

/// How a 表三 row's label may be printed.
pub(super) struct RowLabel {
    /// The row's own label's core (1申请人无正当理由逾期不补正行政机关不再…).
    own: String,
    /// The same without its item number, when that leaves a long label
    /// (申请人无正当理由…, printed by some without 1.).
    words: Option<String>,
}

impl RowLabel {
    fn of(row: &nianbao_core::template::ApplicationRow) -> RowLabel {
        let own = label_core(row.label.zh);
        let unnumbered = own.trim_start_matches(|c: char| c.is_ascii_digit());
        let words = (unnumbered.len() < own.len() && unnumbered.chars().count() >= 6).then(|| unnumbered.to_string());
        RowLabel { own, words }
    }

    /// Whether a line's label core holds this row's whole label.
    fn is_named_by(&self, core: &str) -> bool {
        !core.is_empty() && (core.contains(&self.own) || self.words.as_ref().is_some_and(|w| core.contains(w.as_str())))
    }

    /// Whether a line's label core is a piece of this row's label (four
    /// characters or more, after any group label): a wrapped label's head
    /// or tail.
    fn has_piece(&self, core: &str) -> bool {
        let rest = without_group_labels(core);
        rest.chars().count() >= 4 && self.own.contains(rest)
    }
}

pub(super) fn put_application_row(object: &mut Object, path: &[&str], cells: &[CellText]) {
    let mut row = Object::new();
    for (column, cell) in APPLICANT_COLUMNS.iter().zip(cells) {
        row.insert(column.key, cell.to_value());
    }
    set_path(object, path, Value::Object(row));
}

/// Notes a row whose label, printed on the same line as its cells, is close
/// to the template's but not the same (`2.其他法律行政止公开`). A label that
/// is only a piece of the template's (wrapped) is not a misspelling.
pub(super) fn check_label(row: &nianbao_core::template::ApplicationRow, printed: &str, notes: &mut Vec<ImportNote>) {
    if row.role != RowRole::Result || row.group.is_none() {
        return;
    }
    let expected = fold_label(row.label.zh);
    // The item's own label starts at its number (1. 2、 …): drop the merged
    // group labels and stray characters of vertical text before it.
    let folded = fold_label(printed);
    let number_prefix: String = expected.chars().take_while(|c| *c != '.').collect::<String>() + ".";
    let Some(at) = folded.find(&number_prefix) else {
        return;
    };
    let found = &folded[at..];
    if found.chars().count() < 4
        || expected.starts_with(found)
        || found.starts_with(&expected)
        || expected.contains(found)
    {
        return;
    }
    let common = lcs(found, &expected);
    if common * 10 >= expected.chars().count() * 6 {
        let shown = printed[printed.find(number_prefix.trim_end_matches('.')).unwrap_or(0)..].trim().to_string();
        notes.push(ImportNote::LabelMisspelt { pointer: row.pointer(), found: shown, expected: row.label.zh.into() });
    }
}

/// The length of the longest common subsequence of two strings, in chars.
pub(super) fn lcs(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut previous = vec![0usize; b.len() + 1];
    for x in &a {
        let mut current = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            current[j + 1] = if x == y { previous[j] + 1 } else { current[j].max(previous[j + 1]) };
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shape_of_other_by_its_items_own_words() {
        let split = ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0"];
        assert_eq!(detect_shape(&split), OtherShape::Split);
        // A label wrapped across lines, numbers between its pieces.
        let wrapped = ["2.申请人逾期未按收费 0 0 0 0 0 0 0", "通知要求缴纳费用、行政机关不再处理"];
        assert_eq!(detect_shape(&wrapped), OtherShape::Split);
        let single = ["（六）其他处理\t0\t0\t0\t0\t0\t0\t0", "（七）总计\t3\t0\t0\t0\t0\t0\t3"];
        assert_eq!(detect_shape(&single), OtherShape::Single);
        // The tail both items share, and words other rows have, tell nothing.
        let shared = ["对此类申请不再处理其政府信息公开申请。", "4.无正当理由大量反复申请\t0\t0\t0\t0\t0\t0\t0"];
        assert_eq!(detect_shape(&shared), OtherShape::Single);
    }

    #[test]
    fn header_cores_name_no_row() {
        assert!(is_neutral_label("申请人情况"));
        assert!(is_neutral_label("法人或其他组织"));
        assert!(is_neutral_label("他处理"));
        assert_eq!(without_group_labels("三本年度办理结果三不予公开1属于国家秘密"), "1属于国家秘密");
        assert!(!is_neutral_label("三不予公开1属于国家秘密"));
    }
}
