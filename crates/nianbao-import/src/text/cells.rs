//! The cells of a table line: tab-, `|`- or space-separated, blanks kept
//! where the separators show them.

use super::headings::{strip_numbering, Numbering};
use super::lines::fold_label;

// How a printed cell reads is the core's (`nianbao_core::sheet`): a cell
// pasted into the app reads as an imported one.
pub(super) use nianbao_core::sheet::{cell_token, CellText};

/// A line of a table: its label text and the run of cells that ends it.
#[derive(Debug, Clone)]
pub(super) struct TableLine {
    pub(super) label: String,
    /// The cells, without empty fields before the first one.
    pub(super) cells: Vec<CellText>,
    /// Every field after the label, empty ones as blanks: when a row has a
    /// known number of cells, this tells a blank first cell from a lost one.
    pub(super) fields: Vec<CellText>,
    /// The same with empty fields at the end of the line: a blank last cell.
    pub(super) fields_to_end: Vec<CellText>,
}

impl TableLine {
    /// The row's cells when it should have `n`: the cells as found, or the
    /// fields after the label when those are exactly `n` (a blank first cell).
    pub(super) fn cells_for(&self, n: usize) -> Option<&[CellText]> {
        if self.cells.len() == n {
            Some(&self.cells)
        } else if self.fields.len() == n {
            Some(&self.fields)
        } else if self.fields.len() < n
            && self.fields_to_end.len() >= n
            && self.fields_to_end[n..].iter().all(|f| *f == CellText::Blank)
        {
            // Blank last cells, then perhaps the printed grid's unused columns.
            Some(&self.fields_to_end[..n])
        } else {
            None
        }
    }
}

/// Splits a table line into label and cells. Tab- and `|`-separated lines
/// keep their empty fields, so a blank cell between numbers stays blank; a
/// line of spaces (PDF text) has no blanks to keep.
pub(super) fn table_line(line: &str) -> TableLine {
    let separated = line.contains('\t') || line.contains(" | ") || line.contains('|');
    let joined: Vec<String>;
    let fields: Vec<&str> = if line.contains('\t') {
        line.split('\t').collect()
    } else if separated {
        line.split('|').collect()
    } else {
        // A unit printed after its number with a space (`1 件`) belongs to
        // that number's cell, as if typed in it (`1件`).
        joined = nianbao_core::sheet::space_fields(line);
        joined.iter().map(String::as_str).collect()
    };
    let mut end = fields.len();
    while end > 0 && fields[end - 1].trim().is_empty() {
        end -= 1;
    }
    let mut start = end;
    while start > 0 {
        let field = fields[start - 1];
        if cell_token(field).is_some() || (separated && field.trim().is_empty()) {
            start -= 1;
        } else {
            break;
        }
    }
    let label_end = start;
    let to_cells = |fields: &[&str]| -> Vec<CellText> {
        fields.iter().map(|f| cell_token(f).unwrap_or(CellText::Blank)).collect()
    };
    // The label is followed by the empty cells of merged labels (lost
    // leading cells) or by a blank first cell: only the row's width can
    // tell, so both readings are kept.
    let fields_after_label = to_cells(&fields[label_end..end]);
    let fields_to_end = if separated && label_end < fields.len() { to_cells(&fields[label_end..]) } else { Vec::new() };
    while start < end && fields[start].trim().is_empty() {
        start += 1;
    }
    let cells = to_cells(&fields[start..end]);
    let label = fields[..label_end].iter().map(|f| f.trim()).filter(|f| !f.is_empty()).collect::<Vec<_>>().join(" ");
    TableLine { label, cells, fields: fields_after_label, fields_to_end }
}

/// The fields of a table line, folded, each without its numbering (一、
/// （一）): a tab- or `|`-separated line's fields, or the whole line.
pub(super) fn label_fields(line: &str) -> Vec<String> {
    let parts: Vec<&str> = if line.contains('\t') {
        line.split('\t').collect()
    } else if line.contains('|') {
        line.split('|').collect()
    } else {
        vec![line]
    };
    parts
        .iter()
        .map(|p| fold_label(p))
        .filter(|f| !f.is_empty())
        .map(|f| match strip_numbering(&f) {
            (Numbering::None, _) => f,
            (_, words) => words.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_tokens() {
        assert_eq!(cell_token("3119"), Some(CellText::Number("3119".into())));
        assert_eq!(cell_token("7730.28"), Some(CellText::Number("7730.28".into())));
        assert_eq!(cell_token("+1"), Some(CellText::Number("1".into())));
        assert_eq!(cell_token("3，119"), Some(CellText::Number("3119".into())));
        assert_eq!(cell_token("1,234.5"), Some(CellText::Number("1234.5".into())));
        assert_eq!(cell_token("3，1"), None);
        assert_eq!(cell_token("＋2"), Some(CellText::Number("2".into())));
        assert_eq!(cell_token("1,234"), Some(CellText::Number("1234".into())));
        assert_eq!(cell_token("２１"), Some(CellText::Number("21".into())));
        assert_eq!(cell_token("/"), Some(CellText::Text("/".into())));
        assert_eq!(cell_token("—"), Some(CellText::Text("—".into())));
        assert_eq!(cell_token("251000元"), Some(CellText::Text("251000元".into())));
        for not_a_cell in ["3.", "1.属于国家秘密", "其他", "(七)", "总计", "2.", "三"] {
            assert_eq!(cell_token(not_a_cell), None, "{not_a_cell}");
        }
    }

    #[test]
    fn a_unit_after_a_space_stays_with_its_number() {
        let line = table_line("行政许可 12 件");
        assert_eq!(
            (line.label.as_str(), line.cells.as_slice()),
            ("行政许可", [CellText::Text("12件".into())].as_slice())
        );
        let line = table_line("一、本年新收政府信息公开申请数量 3，001 53 0 0 61 4 3，119");
        assert_eq!(line.cells.len(), 7);
        assert_eq!(line.cells[6], CellText::Number("3119".into()));
    }

    #[test]
    fn table_lines_keep_blanks_between_tabs_but_not_lost_leading_cells() {
        let line = table_line("3. 其他\t\t0\t0\t0\t0\t0\t0\t0\t");
        assert_eq!(line.label, "3. 其他");
        assert_eq!(line.cells.len(), 7);
        let line = table_line("(七) 总计\t1\t\t0\t0\t0\t0\t1\t\t");
        assert_eq!(
            line.cells,
            [
                CellText::Number("1".into()),
                CellText::Blank,
                CellText::Number("0".into()),
                CellText::Number("0".into()),
                CellText::Number("0".into()),
                CellText::Number("0".into()),
                CellText::Number("1".into())
            ]
        );
        let line = table_line("三 2.其他法律行政止公开 0 0 0 0 0 0 0");
        assert_eq!(line.label, "三 2.其他法律行政止公开");
        assert_eq!(line.cells.len(), 7);
        let line = table_line(" | （四）无法提供 | 1.本机关不掌握相关政府信息 | 10 | 0 | 0 | 0 | 0 | 0 | 10");
        assert_eq!(line.cells.len(), 7);
    }
}
