//! 表四: its header and its fifteen cells.

use super::cells::{table_line, CellText, TableLine};
use super::lines::{fold_label, is_prose};
use crate::ImportNote;
use nianbao_core::json::{Object, Value};
use nianbao_core::template::{APPEAL_BLOCKS, APPEAL_COLUMNS};

/// The words of 表四's header, which its label lines are made of (also when
/// a PDF's columns cut them into pieces).
pub(super) const APPEAL_WORDS: [&str; 24] = [
    "未经复议直接起诉",
    "复议后起诉",
    "行政复议",
    "行政诉讼",
    "结果维持",
    "结果纠正",
    "其他结果",
    "尚未审结",
    "未经复议",
    "直接起诉",
    "复议后",
    "总计",
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

/// Whether a folded label is made only of 表四's header words.
pub(super) fn is_appeal_header(folded: &str) -> bool {
    let mut rest: String = folded.chars().filter(|c| !matches!(c, '|' | '.' | ',' | '-')).collect();
    for word in APPEAL_WORDS {
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
    let cells: Vec<CellText> = match table_lines.iter().find_map(|l| l.cells_for(15)) {
        Some(cells) => cells.to_vec(),
        None => numbers_in_one_run(lines, &table_lines),
    };
    let mut object = Object::new();
    if cells.len() != 15 {
        notes.push(ImportNote::RowAmbiguous { pointer: "/appeals".into(), found: cells.len(), expected: 15 });
        return object;
    }
    for (b, block) in APPEAL_BLOCKS.iter().enumerate() {
        let mut row = Object::new();
        for (c, column) in APPEAL_COLUMNS.iter().enumerate() {
            row.insert(column.key, cells[b * 5 + c].to_value());
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
        assert_eq!(numbers_in_one_run(&lines, &table_lines).len(), 15);
    }
}
