//! The printed layout of the three tables, with every rowspan and colspan
//! (LAYOUT.md), built from the template description. The app renders these
//! grids as they are; the importers and the static-page generator use them
//! too, so the layout is written down once.

use crate::template::{
    Label, OtherShape, RowRole, Template, APPEAL_BLOCKS, APPEAL_COLUMNS, APPLICANTS_HEADER, APPLICANT_COLUMNS,
    BALANCE_NOTE, LITIGATION_HEADER, ORGANISATIONS_HEADER, PROACTIVE_GRID_COLUMNS, PROACTIVE_ROW_HEADER,
    RESULTS_HEADER, SECTIONS,
};

/// What a grid cell is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GridKind {
    /// A header over columns (`<th scope="col">`, or `colgroup` when it spans).
    ColumnHeader,
    /// A header of a row (`<th scope="row">`, or `rowgroup` when it spans).
    RowHeader,
    /// A 表二 block heading spanning the whole width (第二十条第（一）项).
    BlockHeader,
    /// A data cell: the JSON pointer of the value it shows.
    Value { pointer: String },
    /// An empty cell of the printed grid (2019 表二's unused third column).
    Empty,
}

/// One cell of a printed table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridCell {
    pub kind: GridKind,
    pub label: Option<Label>,
    pub colspan: u16,
    pub rowspan: u16,
    /// The id of a header cell, unique within the table (prefix it when
    /// several tables share a page).
    pub id: Option<String>,
    /// For data cells: the ids of every header that applies, row headers
    /// first, so a screen reader announces both.
    pub headers: Vec<String>,
}

impl GridCell {
    fn header(kind: GridKind, label: Label, id: String, colspan: u16, rowspan: u16) -> Self {
        GridCell { kind, label: Some(label), colspan, rowspan, id: Some(id), headers: Vec::new() }
    }

    fn value(pointer: String, colspan: u16, headers: Vec<String>) -> Self {
        GridCell { kind: GridKind::Value { pointer }, label: None, colspan, rowspan: 1, id: None, headers }
    }

    pub fn pointer(&self) -> Option<&str> {
        match &self.kind {
            GridKind::Value { pointer } => Some(pointer),
            _ => None,
        }
    }
}

/// A table as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableLayout {
    /// `proactive`, `applications` or `appeals`.
    pub key: &'static str,
    pub caption: Label,
    /// The number of grid columns.
    pub columns: usize,
    /// How many of `rows` form the table head.
    pub head_rows: usize,
    pub rows: Vec<Vec<GridCell>>,
}

/// 表二 of a template: blocks of a full-width heading, a column-header row
/// and the rows of the block.
pub fn proactive(template: Template) -> TableLayout {
    let mut rows = Vec::new();
    for (b, block) in template.proactive().iter().enumerate() {
        let block_id = format!("t2-b{b}");
        rows.push(vec![GridCell::header(
            GridKind::BlockHeader,
            block.article,
            block_id.clone(),
            PROACTIVE_GRID_COLUMNS as u16,
            1,
        )]);
        let cell_columns = PROACTIVE_GRID_COLUMNS - 1;
        // A block with one column spans all three; with two, the third is empty.
        let span = if block.columns.len() == 1 { cell_columns as u16 } else { 1 };
        let mut header_row =
            vec![GridCell::header(GridKind::ColumnHeader, PROACTIVE_ROW_HEADER, format!("{block_id}-item"), 1, 1)];
        for column in block.columns {
            header_row.push(GridCell::header(
                GridKind::ColumnHeader,
                column.label,
                format!("{block_id}-{}", column.key),
                span,
                1,
            ));
        }
        let empties = cell_columns.saturating_sub(block.columns.len() * span as usize);
        header_row.extend((0..empties).map(|_| empty()));
        rows.push(header_row);
        for row in block.rows {
            let row_id = format!("t2-{}", row.key);
            let mut cells = vec![GridCell::header(GridKind::RowHeader, row.label, row_id.clone(), 1, 1)];
            for column in block.columns {
                let headers = vec![block_id.clone(), row_id.clone(), format!("{block_id}-{}", column.key)];
                cells.push(GridCell::value(format!("/proactive/{}/{}", row.key, column.key), span, headers));
            }
            cells.extend((0..empties).map(|_| empty()));
            rows.push(cells);
        }
    }
    TableLayout { key: "proactive", caption: SECTIONS[1].heading, columns: PROACTIVE_GRID_COLUMNS, head_rows: 0, rows }
}

fn empty() -> GridCell {
    GridCell { kind: GridKind::Empty, label: None, colspan: 1, rowspan: 1, id: None, headers: Vec::new() }
}

/// 表三 in either shape of （六）其他处理: three label columns and seven
/// number columns under a three-row head.
pub fn applications(shape: OtherShape) -> TableLayout {
    let column_id = |key: &str| format!("t3-c-{key}");
    let head = vec![
        vec![
            GridCell::header(GridKind::ColumnHeader, BALANCE_NOTE, "t3-note".into(), 3, 3),
            GridCell::header(GridKind::ColumnHeader, APPLICANTS_HEADER, "t3-applicants".into(), 7, 1),
        ],
        vec![
            GridCell::header(
                GridKind::ColumnHeader,
                APPLICANT_COLUMNS[0].label,
                column_id(APPLICANT_COLUMNS[0].key),
                1,
                2,
            ),
            GridCell::header(GridKind::ColumnHeader, ORGANISATIONS_HEADER, "t3-organisations".into(), 5, 1),
            GridCell::header(
                GridKind::ColumnHeader,
                APPLICANT_COLUMNS[6].label,
                column_id(APPLICANT_COLUMNS[6].key),
                1,
                2,
            ),
        ],
        APPLICANT_COLUMNS[1..6]
            .iter()
            .map(|c| GridCell::header(GridKind::ColumnHeader, c.label, column_id(c.key), 1, 1))
            .collect(),
    ];
    let column_headers = |column: usize| -> Vec<String> {
        let c = &APPLICANT_COLUMNS[column];
        let mut ids = vec!["t3-applicants".to_string()];
        if c.organisation {
            ids.push("t3-organisations".into());
        }
        ids.push(column_id(c.key));
        ids
    };
    let all_rows = shape.rows();
    let results_span =
        all_rows.iter().filter(|r| matches!(r.role, RowRole::Result | RowRole::ResultsTotal)).count() as u16;
    let mut rows = head;
    let mut results_started = false;
    let mut previous_group: Option<&str> = None;
    for row in all_rows {
        let row_id = format!("t3-r-{}", row.path.join("-"));
        let mut cells = Vec::new();
        let mut row_headers = Vec::new();
        let in_results = matches!(row.role, RowRole::Result | RowRole::ResultsTotal);
        if in_results {
            row_headers.push("t3-results".to_string());
            if !results_started {
                results_started = true;
                cells.push(GridCell::header(GridKind::RowHeader, RESULTS_HEADER, "t3-results".into(), 1, results_span));
            }
        }
        match row.group {
            Some(group) => {
                let group_id = format!("t3-g-{}", group.key);
                row_headers.push(group_id.clone());
                if previous_group != Some(group.key) {
                    let span = all_rows.iter().filter(|r| r.group.is_some_and(|g| g.key == group.key)).count() as u16;
                    cells.push(GridCell::header(GridKind::RowHeader, group.label, group_id, 1, span));
                }
                cells.push(GridCell::header(GridKind::RowHeader, row.label, row_id.clone(), 1, 1));
            }
            None => {
                let span = if in_results { 2 } else { 3 };
                cells.push(GridCell::header(GridKind::RowHeader, row.label, row_id.clone(), span, 1));
            }
        }
        previous_group = row.group.map(|g| g.key);
        row_headers.push(row_id);
        for column in 0..APPLICANT_COLUMNS.len() {
            let mut headers = row_headers.clone();
            headers.extend(column_headers(column));
            cells.push(GridCell::value(row.cell_pointer(column), 1, headers));
        }
        rows.push(cells);
    }
    TableLayout { key: "applications", caption: SECTIONS[2].heading, columns: 10, head_rows: 3, rows }
}

/// 表四: a three-row head over fifteen cells.
pub fn appeals() -> TableLayout {
    let block_id = |b: usize| format!("t4-b-{}", APPEAL_BLOCKS[b].key);
    let column_id = |b: usize, c: usize| format!("t4-{}-{}", APPEAL_BLOCKS[b].key, APPEAL_COLUMNS[c].key);
    let mut first = vec![GridCell::header(GridKind::ColumnHeader, APPEAL_BLOCKS[0].short_label, block_id(0), 5, 1)];
    first.push(GridCell::header(GridKind::ColumnHeader, LITIGATION_HEADER, "t4-litigation".into(), 10, 1));
    let mut second: Vec<GridCell> = (0..5)
        .map(|c| GridCell::header(GridKind::ColumnHeader, APPEAL_COLUMNS[c].label, column_id(0, c), 1, 2))
        .collect();
    second.push(GridCell::header(GridKind::ColumnHeader, APPEAL_BLOCKS[1].short_label, block_id(1), 5, 1));
    second.push(GridCell::header(GridKind::ColumnHeader, APPEAL_BLOCKS[2].short_label, block_id(2), 5, 1));
    let third: Vec<GridCell> = (1..3)
        .flat_map(|b| (0..5).map(move |c| (b, c)))
        .map(|(b, c)| GridCell::header(GridKind::ColumnHeader, APPEAL_COLUMNS[c].label, column_id(b, c), 1, 1))
        .collect();
    let values = (0..3)
        .flat_map(|b| (0..5).map(move |c| (b, c)))
        .map(|(b, c)| {
            let mut headers = Vec::new();
            if b > 0 {
                headers.push("t4-litigation".to_string());
            }
            headers.push(block_id(b));
            headers.push(column_id(b, c));
            GridCell::value(crate::template::appeal_pointer(b, c), 1, headers)
        })
        .collect();
    TableLayout {
        key: "appeals",
        caption: SECTIONS[3].heading,
        columns: 15,
        head_rows: 3,
        rows: vec![first, second, third, values],
    }
}

/// The three tables of a report of this template and shape, in printed order.
pub fn tables(template: Template, shape: OtherShape) -> [TableLayout; 3] {
    [proactive(template), applications(shape), appeals()]
}

/// The grid column at which each cell of each row starts, from the spans
/// (the app's table and the spreadsheet moves both walk the grid so).
pub fn start_columns(table: &TableLayout) -> Vec<Vec<usize>> {
    let mut occupied = vec![vec![false; table.columns]; table.rows.len()];
    let mut starts = Vec::with_capacity(table.rows.len());
    for (r, row) in table.rows.iter().enumerate() {
        let mut c = 0;
        let mut row_starts = Vec::with_capacity(row.len());
        for cell in row {
            while c < table.columns && occupied[r][c] {
                c += 1;
            }
            row_starts.push(c);
            for dr in 0..cell.rowspan as usize {
                for dc in 0..cell.colspan as usize {
                    if let Some(slot) = occupied.get_mut(r + dr).and_then(|row| row.get_mut(c + dc)) {
                        *slot = true;
                    }
                }
            }
            c += cell.colspan as usize;
        }
        starts.push(row_starts);
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lays the spans out on a grid and checks that every row is exactly
    /// `columns` wide and no two cells overlap.
    fn assert_rectangular(table: &TableLayout) {
        let mut occupied: Vec<Vec<bool>> = vec![vec![false; table.columns]; table.rows.len()];
        for (r, row) in table.rows.iter().enumerate() {
            let mut c = 0;
            for cell in row {
                while c < table.columns && occupied[r][c] {
                    c += 1;
                }
                for dr in 0..cell.rowspan as usize {
                    for dc in 0..cell.colspan as usize {
                        assert!(!occupied[r + dr][c + dc], "{}: overlap at row {r} col {c}", table.key);
                        occupied[r + dr][c + dc] = true;
                    }
                }
                c += cell.colspan as usize;
            }
        }
        for (r, row) in occupied.iter().enumerate() {
            assert!(row.iter().all(|&o| o), "{}: row {r} is not full", table.key);
        }
    }

    #[test]
    fn every_table_is_a_full_rectangle() {
        for template in Template::ALL {
            assert_rectangular(&proactive(template));
        }
        assert_rectangular(&applications(OtherShape::Split));
        assert_rectangular(&applications(OtherShape::Single));
        assert_rectangular(&appeals());
    }

    #[test]
    fn spans_match_layout_md() {
        let t3 = applications(OtherShape::Split);
        let results = t3.rows.iter().flatten().find(|c| c.id.as_deref() == Some("t3-results")).unwrap();
        assert_eq!(results.rowspan, 22);
        let withheld = t3.rows.iter().flatten().find(|c| c.id.as_deref() == Some("t3-g-withheld")).unwrap();
        assert_eq!(withheld.rowspan, 8);
        let t3_2019 = applications(OtherShape::Single);
        let results = t3_2019.rows.iter().flatten().find(|c| c.id.as_deref() == Some("t3-results")).unwrap();
        assert_eq!(results.rowspan, 20);
        let values = |t: &TableLayout| t.rows.iter().flatten().filter(|c| c.pointer().is_some()).count();
        assert_eq!(values(&t3), 175);
        assert_eq!(values(&t3_2019), 161);
        assert_eq!(values(&appeals()), 15);
        assert_eq!(values(&proactive(Template::T2021)), 10);
        assert_eq!(values(&proactive(Template::T2019)), 22);
    }

    #[test]
    fn every_value_cell_names_existing_headers() {
        for table in
            [proactive(Template::T2021), proactive(Template::T2019), applications(OtherShape::Split), appeals()]
        {
            let ids: Vec<&str> = table.rows.iter().flatten().filter_map(|c| c.id.as_deref()).collect();
            for cell in table.rows.iter().flatten().filter(|c| c.pointer().is_some()) {
                assert!(cell.headers.len() >= 2);
                for h in &cell.headers {
                    assert!(ids.contains(&h.as_str()), "{}: unknown header {h}", table.key);
                }
            }
        }
    }
}
