//! 表四: its header and its fifteen cells.

use super::cells::{table_line, CellText, TableLine};
use super::lines::{fold_label, is_prose};
use crate::ImportNote;
use nianbao_core::json::{Object, Value};
use nianbao_core::template::{appeal_cell, APPEAL_BLOCKS, APPEAL_CELLS, APPEAL_COLUMNS, LITIGATION_HEADER};
use std::sync::OnceLock;

/// The pieces a PDF's columns cut 表四's header labels into.
const APPEAL_PIECES: [&str; 15] = [
    "未经复议",
    "直接起诉",
    "复议后",
    "结果",
    "维持",
    "纠正",
    "其他",
    "尚未",
    "审结",
    "起诉",
    "复议",
    "诉讼",
    "行政",
    "总",
    "计",
];

/// The words of 表四's header, which its label lines are made of: the
/// template's labels of its blocks and columns, then their pieces, longer
/// before shorter.
fn appeal_words() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let labels = APPEAL_BLOCKS.iter().map(|b| b.short_label).chain([LITIGATION_HEADER]);
        let labels = labels.chain(APPEAL_COLUMNS.iter().map(|c| c.label)).map(|l| l.zh);
        let mut words: Vec<&'static str> = labels.chain(APPEAL_PIECES).collect();
        // Stable: the template's labels before pieces of the same length.
        words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        words.dedup();
        words
    })
}

/// Whether a folded label is made only of 表四's header words.
pub(super) fn is_appeal_header(folded: &str) -> bool {
    let mut rest: String = folded.chars().filter(|c| !matches!(c, '|' | '.' | ',' | '-')).collect();
    for word in appeal_words() {
        rest = rest.replace(word, "");
    }
    rest.is_empty()
}

/// The line after 表四: its header and lines of cells, up to the first line
/// that is neither.
pub(super) fn appeals_end(lines: &[&str], start: usize) -> usize {
    let mut end = start;
    for (i, line) in lines.iter().enumerate().skip(start) {
        if line.trim().is_empty() {
            continue;
        }
        if is_prose(line) || !is_appeal_header(&fold_label(&table_line(line).label)) {
            break;
        }
        end = i + 1;
    }
    end
}

/// 表四: fifteen cells, usually on one line; otherwise every cell of the
/// section in reading order, when there are exactly fifteen.
pub(super) fn read_appeals(lines: &[&str], notes: &mut Vec<ImportNote>) -> Object {
    let table_lines: Vec<TableLine> = lines.iter().map(|l| table_line(l)).collect();
    let cells: Vec<CellText> = match table_lines.iter().find_map(|l| l.cells_for(APPEAL_CELLS)) {
        Some(cells) => cells.to_vec(),
        None => numbers_in_one_run(lines, &table_lines),
    };
    let mut object = Object::new();
    if cells.len() != APPEAL_CELLS {
        notes.push(ImportNote::RowAmbiguous { pointer: "/appeals".into(), found: cells.len(), expected: APPEAL_CELLS });
        return object;
    }
    for (b, block) in APPEAL_BLOCKS.iter().enumerate() {
        let mut row = Object::new();
        for (c, column) in APPEAL_COLUMNS.iter().enumerate() {
            row.insert(column.key, cells[appeal_cell(b, c)].to_value());
        }
        object.insert(block.key, Value::Object(row));
    }
    object
}

/// 表四's fifteen cells spread over several lines, taken in reading order
/// only when that order is certain: lines of bare numbers, one after the
/// other, with no label among them. A PDF viewer that copies labels between
/// the numbers (`… 6 总计 351 …`) has lost the columns: nothing is placed.
pub(super) fn numbers_in_one_run(lines: &[&str], table_lines: &[TableLine]) -> Vec<CellText> {
    let with_cells: Vec<usize> = (0..table_lines.len()).filter(|&i| !table_lines[i].cells.is_empty()).collect();
    let (Some(&first), Some(&last)) = (with_cells.first(), with_cells.last()) else { return Vec::new() };
    let certain = (first..=last).all(|i| {
        let line = &table_lines[i];
        (line.cells.is_empty() && lines[i].trim().is_empty())
            || (!line.cells.is_empty() && line.label.trim().is_empty())
    });
    if !certain {
        return Vec::new();
    }
    with_cells.iter().flat_map(|&i| table_lines[i].cells.iter().cloned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appeal_numbers_with_labels_among_them_are_not_placed() {
        let lines = ["行政复议 行政诉讼", "72 64 178 37", "总计 351", "13 4 8 1 26", "12 1 1 6 20"];
        let table_lines: Vec<TableLine> = lines.iter().map(|l| table_line(l)).collect();
        assert!(numbers_in_one_run(&lines, &table_lines).is_empty());
        let lines = ["结果维持 结果纠正", "72 64 178 37 351", "13 4 8 1 26", "12 1 1 6 20"];
        let table_lines: Vec<TableLine> = lines.iter().map(|l| table_line(l)).collect();
        assert_eq!(numbers_in_one_run(&lines, &table_lines).len(), APPEAL_CELLS);
    }

    #[test]
    fn appeal_words_are_the_template_labels_then_their_pieces_longest_first() {
        let words = appeal_words();
        assert!(words.windows(2).all(|w| w[0].chars().count() >= w[1].chars().count()));
        for column in &APPEAL_COLUMNS {
            assert!(words.contains(&column.label.zh));
        }
        assert_eq!(words.len(), 24);
        assert!(is_appeal_header("行政复议行政诉讼"));
        assert!(is_appeal_header("未经复议|直接起诉|复议后起诉"));
        assert!(!is_appeal_header("行政复议情况"));
    }
}
