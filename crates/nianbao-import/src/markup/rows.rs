//! What markup becomes: the text the text importer reads. Blocks become
//! lines, and each table row a line of tab-separated cells, so an empty
//! cell stays an empty field. Inside a cell, line breaks become spaces: a
//! cell is one field.
//!
//! HTML pages and Word's XML say where rows, cells and blocks start and end
//! in their own words; both write through this.

use super::entities::decode_entities;

/// The text being written, and where in a table it is.
#[derive(Debug)]
pub(crate) struct Rows {
    out: String,
    /// How many cells are open around what is written now.
    cell_depth: usize,
    first_cell_in_row: bool,
}

impl Rows {
    pub(crate) fn with_capacity(capacity: usize) -> Rows {
        Rows { out: String::with_capacity(capacity), cell_depth: 0, first_cell_in_row: true }
    }

    /// Text as the markup has it: its entities decoded, its whitespace
    /// collapsed as a browser shows it.
    pub(crate) fn text(&mut self, raw: &str) {
        let in_cell = self.cell_depth > 0;
        let out = &mut self.out;
        for c in decode_entities(raw).chars() {
            let c = if c == '\u{a0}' || c == '\u{3000}' && in_cell { ' ' } else { c };
            if c.is_whitespace() && c != '\u{3000}' {
                // Collapse runs of whitespace; never start a line or a cell with it.
                if !(out.is_empty() || out.ends_with([' ', '\n', '\t'])) {
                    out.push(' ');
                }
            } else {
                out.push(c);
            }
        }
    }

    /// A row starts or ends.
    pub(crate) fn row_end(&mut self) {
        self.line_break();
        self.first_cell_in_row = true;
    }

    pub(crate) fn cell_open(&mut self) {
        self.trim_spaces();
        if !self.first_cell_in_row {
            self.out.push('\t');
        }
        self.first_cell_in_row = false;
        self.cell_depth += 1;
    }

    pub(crate) fn cell_close(&mut self) {
        self.trim_spaces();
        self.cell_depth = self.cell_depth.saturating_sub(1);
    }

    /// A block (a paragraph, a heading) starts or ends: a new line, or a
    /// space inside a cell.
    pub(crate) fn block_break(&mut self) {
        if self.cell_depth > 0 {
            self.text(" ");
        } else {
            self.line_break();
        }
    }

    /// A new line, even inside a cell (what is around it is no field).
    pub(crate) fn line_break(&mut self) {
        self.trim_spaces();
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    pub(crate) fn into_text(self) -> String {
        self.out
    }

    fn trim_spaces(&mut self) {
        while self.out.ends_with(' ') {
            self.out.pop();
        }
    }
}
