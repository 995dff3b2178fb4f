//! 表二: the template it was printed from, and its rows.

use super::cells::{table_line, CellText, TableLine};
use super::lines::fold_label;
use crate::ImportNote;
use nianbao_core::json::{Object, Value};
use nianbao_core::template::Template;

/// The template 表二 was printed from: the one with a label that the other
/// template's 表二 does not have (2019's first), else the one of the year.
pub(super) fn detect_template(lines: &[&str], year: Option<i64>) -> Template {
    let compact: String = lines.iter().map(|l| fold_label(l)).collect();
    let printed_from = |template: Template| {
        template.distinguishing_labels().iter().any(|label| compact.contains(fold_label(label).as_str()))
    };
    if printed_from(Template::T2019) {
        return Template::T2019;
    }
    if printed_from(Template::T2021) {
        return Template::T2021;
    }
    year.map_or(Template::T2021, Template::for_year)
}

/// 表二: each row by its label; its cells on the same line, or on the next
/// line when the numbers were printed below the label.
pub(super) fn read_proactive(lines: &[&str], template: Template, notes: &mut Vec<ImportNote>) -> Object {
    let table_lines: Vec<TableLine> = lines.iter().map(|l| table_line(l)).collect();
    let mut object = Object::new();
    for block in template.proactive() {
        for row in block.rows {
            let pointer = format!("/proactive/{}", row.key);
            let label = fold_label(row.label.zh);
            // As printed, or with a unit after it (行政许可（件）), or cut to
            // its end (规范性文件 for 行政规范性文件).
            let matches = |printed: &str| {
                let printed = fold_label(printed);
                printed == label
                    || printed.strip_prefix(label.as_str()).is_some_and(|rest| rest.starts_with('('))
                    || (printed.chars().count() >= 4 && label.ends_with(printed.as_str()))
            };
            // The label on its line, or wrapped onto the next (行政规范性 /
            // 文件 3 0 8): then the numbers are the next line's.
            let found = table_lines.iter().position(|l| matches(&l.label)).or_else(|| {
                (1..table_lines.len()).find(|&i| {
                    let (first, second) = (&table_lines[i - 1], &table_lines[i]);
                    first.cells.is_empty()
                        && !first.label.is_empty()
                        && !second.label.is_empty()
                        && !matches(&second.label)
                        && matches(&format!("{}{}", first.label, second.label))
                })
            });
            let width = block.columns.len();
            let cells = found.and_then(|i| {
                if let Some(cells) = table_lines[i].cells_for(width) {
                    Some(cells.to_vec())
                } else if !table_lines[i].cells.is_empty() {
                    Some(table_lines[i].cells.clone())
                } else {
                    // The numbers on the next lines, with no label of their
                    // own: one line, or one cell per line.
                    let following: Vec<CellText> = table_lines[i + 1..]
                        .iter()
                        .take_while(|next| next.label.is_empty() && !next.cells.is_empty())
                        .flat_map(|next| next.cells.iter().cloned())
                        .take(width)
                        .collect();
                    (!following.is_empty()).then_some(following)
                }
            });
            let Some(cells) = cells else {
                notes.push(ImportNote::RowMissing { pointer });
                continue;
            };
            if cells.len() != block.columns.len() {
                notes.push(ImportNote::RowAmbiguous { pointer, found: cells.len(), expected: block.columns.len() });
                continue;
            }
            let mut row_object = Object::new();
            for (column, cell) in block.columns.iter().zip(&cells) {
                row_object.insert(column.key, cell.to_value());
            }
            object.insert(row.key, Value::Object(row_object));
        }
    }
    object
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_by_labels_only_one_table_two_has() {
        assert_eq!(
            detect_template(&["信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量"], Some(2022)),
            Template::T2019
        );
        assert_eq!(detect_template(&["政府集中采购 3 120.5"], None), Template::T2019);
        assert_eq!(
            detect_template(&["信息内容\t本年制发件数\t本年废止件数\t现行有效件数"], Some(2020)),
            Template::T2021
        );
        // 规范性文件 is inside 2021's 行政规范性文件: the year decides.
        assert_eq!(detect_template(&["规范性文件 3 0 8"], Some(2020)), Template::T2019);
        assert_eq!(detect_template(&["规范性文件 3 0 8"], Some(2022)), Template::T2021);
        assert_eq!(detect_template(&["规章 1 0 3"], None), Template::T2021);
    }
}
