//! The tables as a spreadsheet: how a printed cell reads (the importer's
//! cells and pasted cells alike), the value cells of a printed grid as rows
//! to move between, a block pasted from Excel, WPS or a web page parsed and
//! placed on those rows, and a range copied out as Excel's tab-separated
//! text.
//!
//! Pure, like the rest of the core: the app's table, the CLI and the tests
//! call the same functions. What a placed cell stores is decided by
//! [`crate::edit::typed_cell`] when the edit ([`crate::edit::Edit::Cells`])
//! is applied; this module only says which text goes where.

use crate::json::Value;
use crate::layout::TableLayout;

// ------------------------------------------------------------ one cell

/// What a table cell holds, as printed.
#[derive(Debug, Clone, PartialEq)]
pub enum CellText {
    /// A number, spelt as JSON spells it (digits folded, separators gone).
    Number(String),
    Blank,
    /// Text as printed: a placeholder (`/`, `—`, `无`) or a number with its
    /// unit (`251000元`, `3件`).
    Text(String),
}

impl CellText {
    pub fn is_blank(&self) -> bool {
        matches!(self, CellText::Blank)
    }

    pub fn to_value(&self) -> Value {
        match self {
            CellText::Number(raw) => match crate::json::parse(raw) {
                Ok(parsed) => parsed.value,
                Err(_) => Value::String(raw.clone()),
            },
            CellText::Blank => Value::Null,
            CellText::Text(text) => Value::String(text.clone()),
        }
    }

    /// The text that, typed into a cell, stores this
    /// ([`crate::edit::typed_cell`] reads it back as the same value).
    pub fn typed(&self) -> String {
        match self {
            CellText::Number(raw) => raw.clone(),
            CellText::Blank => String::new(),
            CellText::Text(text) => text.clone(),
        }
    }
}

/// Reads one printed cell: a number (`3119`, `7730.28`, `1,234`, `２１`), a
/// dash or slash for "none", or a number with a unit typed in (`251000元`).
/// `None`: not a cell's content (a label, a word).
pub fn cell_token(field: &str) -> Option<CellText> {
    let t = field.trim();
    if t.is_empty() {
        return None;
    }
    if matches!(t, "/" | "／" | "—" | "——" | "-" | "－" | "–" | "无" | "\\") {
        return Some(CellText::Text(t.to_string()));
    }
    let folded: String = t
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '．' => '.',
            _ => c,
        })
        .collect();
    // A minus sign (本年增/减 may go down): ASCII, full-width or the real one.
    // A plus sign (本年增/减 written +1) is dropped: JSON has none.
    let (sign, unsigned) = match folded.strip_prefix(['-', '－', '−']) {
        Some(rest) => ("-", rest),
        None => ("", folded.strip_prefix(['+', '＋']).unwrap_or(folded.as_str())),
    };
    // Thousands separators, ASCII or full-width (3，119), only between
    // groups of three digits: 3，1 is two numbers, not one.
    let whole = unsigned.split('.').next().unwrap_or("");
    let groups: Vec<&str> = whole.split([',', '，']).collect();
    let grouped = groups.len() == 1
        || (!groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    let digits: String = unsigned.chars().filter(|&c| c != ',' && c != '，').collect();
    let numeric = grouped
        && !digits.is_empty()
        && digits.chars().next().is_some_and(|c| c.is_ascii_digit())
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1
        && !digits.ends_with('.');
    if numeric {
        // JSON has no leading zeros: "007" is text as printed.
        let leading_zero = digits.len() > 1 && digits.starts_with('0') && !digits.starts_with("0.");
        return Some(if leading_zero {
            CellText::Text(t.to_string())
        } else {
            CellText::Number(format!("{sign}{digits}"))
        });
    }
    // A number with a unit typed into the cell: kept as text, as printed.
    let starts_numeric = folded.chars().next().is_some_and(|c| c.is_ascii_digit());
    let unit = folded.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    if starts_numeric && matches!(unit, "元" | "万元" | "件" | "个" | "条" | "项" | "%") {
        return Some(CellText::Text(t.to_string()));
    }
    None
}

/// Whether a field of a line of spaces is a unit printed after its number
/// (`1 件`): it belongs to that number's cell.
pub fn is_unit(field: &str) -> bool {
    matches!(field, "件" | "个" | "条" | "项" | "元" | "万元")
}

/// A line's fields split at runs of spaces (ASCII, full-width, no-break),
/// a unit after a space joined to its number (`1 件` is one cell, `1件`).
pub fn space_fields(line: &str) -> Vec<String> {
    let mut merged: Vec<String> = Vec::new();
    for field in line.split_whitespace() {
        match merged.last_mut() {
            Some(last)
                if is_unit(field)
                    && last.chars().last().is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)) =>
            {
                last.push_str(field)
            }
            _ => merged.push(field.to_string()),
        }
    }
    merged
}

/// What a pasted field stores, as the text typed into its cell: a number as
/// the importer reads it (full-width digits and thousands separators
/// folded), a placeholder or a number with a unit as printed, nothing for
/// blank, and any other words as pasted (text, which the check reports as
/// `cell-text`).
pub fn pasted_text(field: &str) -> String {
    if field.trim().is_empty() {
        return String::new();
    }
    match cell_token(field) {
        Some(token) => token.typed(),
        None => field.to_string(),
    }
}

// ------------------------------------------------------------ the grid

/// A value cell of a sheet: its pointer and the grid columns it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetCell {
    pub pointer: String,
    /// The first grid column it covers.
    pub column: usize,
    pub colspan: usize,
}

/// The value cells of a printed table, row by row in printed order; rows
/// without value cells (heads, 表二's block headings) are left out, and so
/// are label and empty cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub rows: Vec<Vec<SheetCell>>,
}

/// A move of the selected cell, as the keys of Excel and WPS make it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
    Left,
    Right,
    /// Tab: right, then the next row's first cell.
    Next,
    /// Shift+Tab: left, then the previous row's last cell.
    Previous,
}

/// A place on a sheet: the row and the index of the cell in it.
pub type At = (usize, usize);

impl Sheet {
    pub fn new(table: &TableLayout) -> Sheet {
        let starts = crate::layout::start_columns(table);
        let rows = table
            .rows
            .iter()
            .enumerate()
            .map(|(r, row)| {
                row.iter()
                    .enumerate()
                    .filter_map(|(i, cell)| {
                        Some(SheetCell {
                            pointer: cell.pointer()?.to_string(),
                            column: starts[r][i],
                            colspan: cell.colspan as usize,
                        })
                    })
                    .collect::<Vec<_>>()
            })
            .filter(|row| !row.is_empty())
            .collect();
        Sheet { rows }
    }

    /// Where the cell of `pointer` is.
    pub fn find(&self, pointer: &str) -> Option<At> {
        self.rows.iter().enumerate().find_map(|(r, row)| Some((r, row.iter().position(|c| c.pointer == pointer)?)))
    }

    pub fn pointer(&self, (row, index): At) -> Option<&str> {
        Some(self.rows.get(row)?.get(index)?.pointer.as_str())
    }

    /// The first cell (the one a keyboard reaches the table on).
    pub fn first(&self) -> Option<&str> {
        self.pointer((0, 0))
    }

    /// In `row`, the cell under grid column `column`, or the nearest one to
    /// its left (the nearest to its right when there is none).
    fn under(&self, row: usize, column: usize) -> usize {
        let cells = &self.rows[row];
        cells.iter().rposition(|c| c.column <= column).unwrap_or(0).min(cells.len().saturating_sub(1))
    }

    /// The place a move from `at` goes to; `None` at the sheet's edge in
    /// that direction (the selection stays, or, for Tab, leaves the table).
    pub fn step(&self, (row, index): At, movement: Move) -> Option<At> {
        let cells = self.rows.get(row)?;
        let column = cells.get(index)?.column;
        match movement {
            Move::Left => index.checked_sub(1).map(|i| (row, i)),
            Move::Right => (index + 1 < cells.len()).then_some((row, index + 1)),
            Move::Up => row.checked_sub(1).map(|r| (r, self.under(r, column))),
            Move::Down => (row + 1 < self.rows.len()).then(|| (row + 1, self.under(row + 1, column))),
            Move::Next if index + 1 < cells.len() => Some((row, index + 1)),
            Move::Next => (row + 1 < self.rows.len()).then_some((row + 1, 0)),
            Move::Previous if index > 0 => Some((row, index - 1)),
            Move::Previous => row.checked_sub(1).map(|r| (r, self.rows[r].len() - 1)),
        }
    }

    /// The cells of the range between two corners, row by row: the rows
    /// between them, and in each the cells between the corners' columns.
    pub fn range(&self, a: At, b: At) -> Vec<Vec<&str>> {
        let (Some(first), Some(second)) = (self.rows.get(a.0), self.rows.get(b.0)) else { return Vec::new() };
        let (Some(ca), Some(cb)) = (first.get(a.1), second.get(b.1)) else { return Vec::new() };
        let left = ca.column.min(cb.column);
        let right = (ca.column + ca.colspan).max(cb.column + cb.colspan);
        self.rows[a.0.min(b.0)..=a.0.max(b.0)]
            .iter()
            .map(|row| {
                row.iter()
                    .filter(|c| c.column < right && c.column + c.colspan > left)
                    .map(|c| c.pointer.as_str())
                    .collect::<Vec<_>>()
            })
            .filter(|row| !row.is_empty())
            .collect()
    }

    /// Places `block` with its first cell at `at`: each row of the block on
    /// the next row of the sheet, each field on the next value cell
    /// rightwards. Returns the cells to write, as typed text, in order; or,
    /// when any field with content would fall outside the table, how many
    /// fit (nothing is then written). Blank fields beyond the table's edge
    /// (a trailing tab, an empty last line) carry nothing and are left out.
    pub fn place(&self, at: At, block: &Block) -> Result<Vec<(String, String)>, Overflow> {
        let Some(start) = self.rows.get(at.0).and_then(|r| r.get(at.1)) else {
            return Err(Overflow { rows: block.rows.len(), columns: block.width(), cells: block.cells(), fit: 0 });
        };
        let column = start.column;
        let mut cells = Vec::new();
        let mut outside = false;
        let mut fit = 0;
        for (k, fields) in block.rows.iter().enumerate() {
            let target = self.rows.get(at.0 + k);
            let first = match target {
                Some(_) if k == 0 => at.1,
                Some(_) => self.under(at.0 + k, column),
                None => 0,
            };
            for (j, field) in fields.iter().enumerate() {
                let cell = target.and_then(|row| row.get(first + j));
                let counted = j < block.width_of(k);
                match cell {
                    Some(cell) => {
                        cells.push((cell.pointer.clone(), pasted_text(field)));
                        fit += usize::from(counted);
                    }
                    None if counted => outside = true,
                    None => {}
                }
            }
        }
        if outside {
            return Err(Overflow { rows: block.rows.len(), columns: block.width(), cells: block.cells(), fit });
        }
        Ok(cells)
    }
}

/// A paste that does not fit: the block's size and how many of its cells
/// fit from the selected cell. Its words: [`crate::message::paste_refused`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overflow {
    pub rows: usize,
    pub columns: usize,
    /// The block's cells with content or between cells with content.
    pub cells: usize,
    /// How many of them fit.
    pub fit: usize,
}

// ------------------------------------------------------------ blocks

/// A pasted block: its rows of fields, as pasted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Block {
    pub rows: Vec<Vec<String>>,
}

impl Block {
    /// A row's width up to its last field with content (trailing blank
    /// fields carry nothing).
    fn width_of(&self, row: usize) -> usize {
        self.rows[row].iter().rposition(|f| !f.trim().is_empty()).map_or(0, |i| i + 1)
    }

    /// The widest row, up to its last field with content.
    pub fn width(&self) -> usize {
        (0..self.rows.len()).map(|r| self.width_of(r)).max().unwrap_or(0)
    }

    /// The cells that count: each row up to its last field with content.
    pub fn cells(&self) -> usize {
        (0..self.rows.len()).map(|r| self.width_of(r)).sum()
    }

    /// Whether nothing was pasted but blanks.
    pub fn is_empty(&self) -> bool {
        self.cells() == 0
    }
}

/// Parses pasted text into a block. Lines end at CRLF, LF or CR, and the
/// empty lines at the end go. When the text holds a tab, it is Excel's (or
/// WPS's, or a web table's) tab-separated text: every tab separates two
/// fields (an empty field is a blank cell, a trailing tab a blank last
/// cell), and a field in double quotes may hold tabs, line breaks and
/// doubled quotes, as Excel writes them. Otherwise each line's fields are
/// separated by spaces (a row of numbers copied from a PDF or typed), and
/// a unit after a space stays with its number (`1 件`).
pub fn parse(text: &str) -> Block {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Excel writes a one-column range without tabs, quoting a cell that
    // holds a line break or a quote: such text is Excel's too.
    let excel = text.contains('\t') || lines(text).any(|line| line.starts_with('"'));
    let mut rows = if excel { tab_rows(text) } else { lines(text).map(space_row).collect::<Vec<_>>() };
    while rows.last().is_some_and(|row| row.iter().all(|f| f.trim().is_empty())) {
        rows.pop();
    }
    Block { rows }
}

/// A line without tabs: a row of numbers when every field between its
/// spaces reads as a cell (`3 1 0 0 2 0 6`, `12 件 —`); otherwise one
/// cell of words as pasted (`不 适用`).
fn space_row(line: &str) -> Vec<String> {
    let fields = space_fields(line);
    if fields.len() > 1 && !fields.iter().all(|f| cell_token(f).is_some()) {
        return vec![line.to_string()];
    }
    fields
}

/// Lines ending at CRLF, LF or CR.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let text = rest?;
        match text.find(['\r', '\n']) {
            Some(at) => {
                let skip = if text[at..].starts_with("\r\n") { 2 } else { 1 };
                rest = Some(&text[at + skip..]);
                Some(&text[..at])
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
}

/// Excel's tab-separated rows, quoted fields included.
fn tab_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut rest = text;
    loop {
        // A field: quoted (Excel quotes a cell holding a tab, a line break
        // or a quote) when a closing quote ends it at a separator; else up
        // to the next separator.
        let (field, after) = match quoted(rest) {
            Some((field, after)) => (field, after),
            None => {
                let end = rest.find(['\t', '\r', '\n']).unwrap_or(rest.len());
                (rest[..end].to_string(), &rest[end..])
            }
        };
        row.push(field);
        if let Some(next) = after.strip_prefix('\t') {
            rest = next;
            continue;
        }
        rows.push(std::mem::take(&mut row));
        let next = after.strip_prefix("\r\n").or_else(|| after.strip_prefix(['\r', '\n']));
        match next {
            Some(next) if !next.is_empty() => rest = next,
            _ => break,
        }
    }
    rows
}

/// A quoted field at the start of `text` and what follows it, when the
/// closing quote is followed by a separator or the end.
fn quoted(text: &str) -> Option<(String, &str)> {
    let body = text.strip_prefix('"')?;
    let mut field = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        if c != '"' {
            field.push(c);
            continue;
        }
        let after = &body[i + 1..];
        if after.starts_with('"') {
            field.push('"');
            chars.next();
        } else if after.is_empty() || after.starts_with(['\t', '\r', '\n']) {
            return Some((field, after));
        } else {
            return None;
        }
    }
    None
}

/// The cells of `range` (rows of pointers) as Excel's tab-separated text:
/// each cell as it reads on screen ([`crate::export::cell_text`]), a cell
/// holding a tab, a line break or a leading quote in double quotes, every
/// row ended by CRLF. Excel, WPS and [`parse`] read it back.
pub fn copy(document: &Value, range: &[Vec<&str>]) -> String {
    let mut out = String::new();
    for row in range {
        let fields: Vec<String> =
            row.iter().map(|pointer| field(&crate::export::cell_text(document.pointer(pointer)))).collect();
        out.push_str(&fields.join("\t"));
        out.push_str("\r\n");
    }
    out
}

fn field(text: &str) -> String {
    if text.contains(['\t', '\r', '\n']) || text.starts_with('"') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Parses `text` and places it at `pointer` of `sheet`: the cells to write
/// (an [`crate::edit::Edit::Cells`]), or why nothing is written. A pointer
/// not in the sheet fits nothing.
pub fn paste(sheet: &Sheet, pointer: &str, text: &str) -> Result<Vec<(String, String)>, Overflow> {
    let block = parse(text);
    let at = sheet.find(pointer).unwrap_or((usize::MAX, 0));
    sheet.place(at, &block)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout;
    use crate::template::{OtherShape, Template};

    fn t3() -> Sheet {
        Sheet::new(&layout::applications(OtherShape::Split))
    }

    fn fields(block: &Block) -> Vec<Vec<&str>> {
        block.rows.iter().map(|r| r.iter().map(String::as_str).collect()).collect()
    }

    const RECEIVED: &str = "/applications/received/natural_person";

    #[test]
    fn a_sheet_holds_the_value_cells_row_by_row() {
        let sheet = t3();
        assert_eq!(sheet.rows.len(), 25);
        assert!(sheet.rows.iter().all(|r| r.len() == 7));
        assert_eq!(sheet.first(), Some(RECEIVED));
        assert_eq!(sheet.rows[0][0].column, 3);
        let t2 = Sheet::new(&layout::proactive(Template::T2021));
        assert_eq!(t2.rows.iter().map(Vec::len).collect::<Vec<_>>(), [3, 3, 1, 1, 1, 1]);
        assert_eq!(Sheet::new(&layout::appeals()).rows, vec![Sheet::new(&layout::appeals()).rows[0].clone()]);
        assert_eq!(Sheet::new(&layout::appeals()).rows[0].len(), 15);
    }

    #[test]
    fn moves_follow_the_printed_grid() {
        let sheet = t3();
        let at = sheet.find(RECEIVED).unwrap();
        assert_eq!(sheet.step(at, Move::Right), Some((0, 1)));
        assert_eq!(sheet.step(at, Move::Left), None);
        assert_eq!(sheet.step(at, Move::Up), None);
        assert_eq!(sheet.step(at, Move::Down), Some((1, 0)));
        assert_eq!(sheet.step(at, Move::Previous), None);
        // Tab at a row's end: the next row's first cell; Shift+Tab back.
        assert_eq!(sheet.step((0, 6), Move::Next), Some((1, 0)));
        assert_eq!(sheet.step((1, 0), Move::Previous), Some((0, 6)));
        assert_eq!(sheet.step((0, 6), Move::Right), None);
        assert_eq!(sheet.step((24, 6), Move::Next), None);
        assert_eq!(sheet.step((24, 3), Move::Down), None);
        // 表二: a one-cell row spans three columns; down from any column
        // reaches it, and up from it returns to the column it starts at.
        let t2 = Sheet::new(&layout::proactive(Template::T2021));
        assert_eq!(t2.pointer(t2.step((1, 2), Move::Down).unwrap()), Some("/proactive/licensing/decisions"));
        assert_eq!(t2.pointer(t2.step((2, 0), Move::Up).unwrap()), Some("/proactive/normative_documents/issued"));
        assert_eq!(t2.step((1, 2), Move::Next), Some((2, 0)));
        // 2019 fees has two cells: down from the third column lands on the second.
        let t2 = Sheet::new(&layout::proactive(Template::T2019));
        let fees = t2.find("/proactive/coercion/decisions").unwrap();
        assert_eq!(t2.pointer(t2.step(fees, Move::Down).unwrap()), Some("/proactive/fees/change"));
    }

    #[test]
    fn tab_rows_with_crlf_trailing_tabs_and_a_final_line_break() {
        let block = parse("3\t1\t0\r\n\t2\t\r\n");
        assert_eq!(fields(&block), [vec!["3", "1", "0"], vec!["", "2", ""]]);
        assert_eq!((block.width(), block.cells()), (3, 5));
        let block = parse("1\t2\n3\t4\r5\t6\n\n\n");
        assert_eq!(fields(&block), [vec!["1", "2"], vec!["3", "4"], vec!["5", "6"]]);
        // Excel's quoted cells: a tab, a line break, a doubled quote.
        let block = parse("\"a\tb\"\t\"x\r\ny\"\t\"say \"\"hi\"\"\"\r\n");
        assert_eq!(fields(&block), [vec!["a\tb", "x\r\ny", "say \"hi\""]]);
        // A quote that does not close a field is part of it.
        assert_eq!(fields(&parse("\"12\" 件\t3")), [vec!["\"12\" 件", "3"]]);
    }

    #[test]
    fn space_rows_keep_units_with_their_numbers() {
        assert_eq!(fields(&parse("3 1 0 0 2 0 6")), [vec!["3", "1", "0", "0", "2", "0", "6"]]);
        assert_eq!(fields(&parse("3\u{3000}1\u{a0}0  2 件\r\n")), [vec!["3", "1", "0", "2件"]]);
        assert_eq!(fields(&parse("1 2\n\n3 4\n")), [vec!["1", "2"], vec![], vec!["3", "4"]]);
        // Words with spaces are one cell; so is a label before numbers.
        assert_eq!(fields(&parse("不 适用\n3 — 12 件")), [vec!["不 适用"], vec!["3", "—", "12件"]]);
        assert_eq!(fields(&parse("合计 3 1")), [vec!["合计 3 1"]]);
        // A one-column range from Excel: quoted cells, no tabs.
        assert_eq!(fields(&parse("1\r\n\"x\ny\"\r\n\"\"\"q\"\"\"\r\n")), [vec!["1"], vec!["x\ny"], vec!["\"q\""]]);
    }

    #[test]
    fn fields_store_what_the_importer_reads() {
        for (field, text) in [
            ("3", "3"),
            ("３１", "31"),
            ("3，119", "3119"),
            ("1,234.5", "1234.5"),
            ("+1", "1"),
            ("－2", "-2"),
            ("  7 ", "7"),
            ("", ""),
            ("  ", ""),
            ("—", "—"),
            ("/", "/"),
            ("无", "无"),
            ("12件", "12件"),
            ("3.5万元", "3.5万元"),
            ("三", "三"),
            ("007", "007"),
        ] {
            assert_eq!(pasted_text(field), text, "{field}");
        }
        // What a typed cell then stores: numbers, text, blank; never 0 for a dash.
        use crate::edit::typed_cell;
        assert_eq!(typed_cell(&pasted_text("３，１１９")).to_json(), "3119");
        assert_eq!(typed_cell(&pasted_text("—")), Value::String("—".into()));
        assert_eq!(typed_cell(&pasted_text("")), Value::Null);
    }

    #[test]
    fn a_row_fills_rightwards_and_a_block_downwards() {
        let sheet = t3();
        let cells = paste(&sheet, RECEIVED, "3 1 0 0 2 0 6").unwrap();
        assert_eq!(cells.len(), 7);
        assert_eq!(cells[0], (RECEIVED.to_string(), "3".to_string()));
        assert_eq!(cells[6], ("/applications/received/total".to_string(), "6".to_string()));
        let cells = paste(&sheet, "/applications/received/legal_service", "1\t2\r\n3\t4\r\n").unwrap();
        assert_eq!(
            cells.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect::<Vec<_>>(),
            [
                ("/applications/received/legal_service", "1"),
                ("/applications/received/other_org", "2"),
                ("/applications/carried_over/legal_service", "3"),
                ("/applications/carried_over/other_org", "4")
            ]
        );
        // A blank field clears its cell.
        let cells = paste(&sheet, RECEIVED, "1\t\t2").unwrap();
        assert_eq!(cells[1], ("/applications/received/commercial".to_string(), String::new()));
    }

    #[test]
    fn a_whole_table_three_fits_and_one_more_column_is_refused_with_the_count() {
        let sheet = t3();
        let row = "1\t0\t0\t0\t0\t0\t1\r\n";
        let cells = paste(&sheet, RECEIVED, &row.repeat(25)).unwrap();
        assert_eq!(cells.len(), 175);
        assert_eq!(cells[174].0, "/applications/carried_forward/total");
        // Eight columns: seven fit in each of the two rows.
        let wide = "1\t2\t3\t4\t5\t6\t7\t8\n1\t2\t3\t4\t5\t6\t7\t8";
        assert_eq!(paste(&sheet, RECEIVED, wide), Err(Overflow { rows: 2, columns: 8, cells: 16, fit: 14 }));
        // 26 rows from the top: 25 fit.
        assert_eq!(
            paste(&sheet, RECEIVED, &row.repeat(26)),
            Err(Overflow { rows: 26, columns: 7, cells: 182, fit: 175 })
        );
        // Two columns from the last column: one fits.
        assert_eq!(
            paste(&sheet, "/applications/received/total", "5 6"),
            Err(Overflow { rows: 1, columns: 2, cells: 2, fit: 1 })
        );
        // Trailing tabs beyond the edge are nothing: a row with a spacer cell fits.
        assert_eq!(paste(&sheet, RECEIVED, "3\t1\t0\t0\t2\t0\t6\t\t").unwrap().len(), 7);
        // 表二's one-cell rows take one field.
        let t2 = Sheet::new(&layout::proactive(Template::T2021));
        let overflow = paste(&t2, "/proactive/normative_documents/issued", "1 2 3\n4 5 6").unwrap_err();
        assert_eq!(overflow, Overflow { rows: 2, columns: 3, cells: 6, fit: 4 });
        assert_eq!(paste(&t2, "/proactive/licensing/decisions", "1\n2\n3\n4").unwrap().len(), 4);
        // A pointer that is not a value cell of the sheet fits nothing.
        assert_eq!(paste(&t2, "/nowhere", "1"), Err(Overflow { rows: 1, columns: 1, cells: 1, fit: 0 }));
    }

    #[test]
    fn a_range_is_copied_as_excel_writes_it() {
        let document = crate::json::parse(crate::BUILTIN_SAMPLE).unwrap().value;
        let sheet = t3();
        let range = sheet.range((0, 5), (1, 6));
        assert_eq!(
            range,
            [
                vec!["/applications/received/other_org", "/applications/received/total"],
                vec!["/applications/carried_over/other_org", "/applications/carried_over/total"]
            ]
        );
        assert_eq!(copy(&document, &range), "0\t1\r\n0\t0\r\n");
        // Corners either way round give the same range.
        assert_eq!(sheet.range((1, 6), (0, 5)), range);
        // 表二: a range reaching a cell that spans three columns covers them.
        let t2 = Sheet::new(&layout::proactive(Template::T2021));
        assert_eq!(
            t2.range((1, 1), (2, 0)),
            [
                vec![
                    "/proactive/normative_documents/issued",
                    "/proactive/normative_documents/repealed",
                    "/proactive/normative_documents/in_force"
                ],
                vec!["/proactive/licensing/decisions"]
            ]
        );
        assert_eq!(
            t2.range((0, 1), (1, 1)),
            [vec!["/proactive/regulations/repealed"], vec!["/proactive/normative_documents/repealed"]]
        );
    }

    mod properties {
        use super::*;
        use crate::edit::{apply, Edit};
        use proptest::prelude::*;

        fn number(raw: &str) -> Value {
            crate::json::parse(raw).unwrap().value
        }

        /// A cell as a report holds it: a count, an amount, blank, or text
        /// the tokenizer keeps as text (a placeholder, a unit, words, text
        /// with tabs, line breaks and quotes).
        fn value() -> impl Strategy<Value = Value> {
            prop_oneof![
                (0u32..100_000).prop_map(|n| number(&n.to_string())),
                (0u32..100_000, 1u32..100).prop_map(|(a, b)| number(&format!("{a}.{b}"))),
                Just(Value::Null),
                prop::sample::select(vec![
                    "—",
                    "/",
                    "无",
                    "12件",
                    "3.5万元",
                    "三",
                    "不适用",
                    "不 适用",
                    "a\tb",
                    "x\ny",
                    "\"q\""
                ])
                .prop_map(|s| Value::String(s.to_string())),
            ]
        }

        proptest! {
            /// Copying any block of 表三 and pasting it back where it came
            /// from changes nothing.
            #[test]
            fn copy_then_paste_is_identity(
                r0 in 0usize..25, c0 in 0usize..7, h in 1usize..25, w in 1usize..7,
                values in prop::collection::vec(value(), 175),
            ) {
                let sheet = t3();
                let mut document = crate::json::parse(crate::BUILTIN_SAMPLE).unwrap().value;
                let pointers: Vec<String> = sheet.rows.iter().flatten().map(|c| c.pointer.clone()).collect();
                for (pointer, value) in pointers.iter().zip(&values) {
                    crate::edit::set(&mut document, pointer, value.clone());
                }
                let (r1, c1) = ((r0 + h - 1).min(24), (c0 + w - 1).min(6));
                let range = sheet.range((r0, c0), (r1, c1));
                let text = copy(&document, &range);
                let before = document.clone();
                let cells = paste(&sheet, range[0][0], &text).expect("a copied block fits where it came from");
                // Every cell written is one of the range (blank last rows of a
                // one-column range are empty lines, which are nothing).
                let all: Vec<&str> = range.iter().flatten().copied().collect();
                prop_assert!(cells.iter().all(|(p, _)| all.contains(&p.as_str())));
                apply(&mut document, Edit::Cells { cells });
                for pointer in range.iter().flatten() {
                    prop_assert_eq!(document.pointer(pointer), before.pointer(pointer), "{}", pointer);
                }
            }

            /// A pasted block either writes exactly its fields, in order, to
            /// cells of the sheet, or nothing, with counts that add up.
            #[test]
            fn a_paste_is_all_or_nothing(
                rows in prop::collection::vec(prop::collection::vec("[0-9]{1,3}|—|", 0..10), 0..30),
                r0 in 0usize..25, c0 in 0usize..7,
            ) {
                let sheet = t3();
                let text: String = rows.iter().map(|r| r.join("\t") + "\r\n").collect();
                let at = sheet.pointer((r0, c0)).unwrap();
                let block = parse(&text);
                match paste(&sheet, at, &text) {
                    Ok(cells) => {
                        for (k, row) in block.rows.iter().enumerate() {
                            for (j, field) in row.iter().enumerate() {
                                let placed = sheet.pointer((r0 + k, c0 + j));
                                if j < block.width_of(k) {
                                    let placed = placed.expect("a field with content has a cell");
                                    prop_assert!(cells.contains(&(placed.to_string(), pasted_text(field))));
                                }
                            }
                        }
                    }
                    Err(overflow) => {
                        prop_assert!(overflow.fit < overflow.cells);
                        prop_assert_eq!(overflow.cells, block.cells());
                        prop_assert!(r0 + block.rows.len() > 25 || c0 + block.width() > 7);
                    }
                }
            }
        }
    }
}
