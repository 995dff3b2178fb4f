//! The typed view of a report, read from its JSON document.
//!
//! The JSON document (`json::Value`) stays the source of truth: it is what gets
//! saved, so unknown keys and number spellings survive a load → save cycle.
//! `Report` is a read-only view of it that the rules work on. Reading never
//! fails: whatever is missing or of the wrong type becomes a finding and a
//! `Cell::Missing`/`Cell::Invalid` that rules skip. The reading is in
//! `model/read.rs`; this file holds the types.

mod read;

pub use read::read_report;

use crate::date::Date;
use crate::diagnostic::Status;
use crate::template::{ApplicationRow, OtherShape, ProactiveColumn, ProactiveRow, Template};

/// The largest magnitude a number may have and still be held exactly.
pub const MAX_EXACT: f64 = 9_007_199_254_740_992.0; // 2^53

/// One table cell, as published.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Number(f64),
    /// `null`: left blank.
    Blank,
    /// Text instead of a number (`"/"`, `"—"`, `"251000元"`).
    Text(String),
    /// Absent from the document (a finding says so).
    Missing,
    /// Of a type no cell can have, or a number too large (a finding says so).
    Invalid,
}

impl Cell {
    /// The number, when the cell holds one. Rules use only this: blank and
    /// text cells are never counted as 0.
    pub fn number(&self) -> Option<f64> {
        match self {
            Cell::Number(n) => Some(*n),
            _ => None,
        }
    }
}

/// Whose report it is; decides the publication deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Department,
    Township,
    County,
    Prefecture,
    Province,
}

impl Kind {
    pub const ALL: [Kind; 5] = [Kind::Department, Kind::Township, Kind::County, Kind::Prefecture, Kind::Province];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Department => "department",
            Kind::Township => "township",
            Kind::County => "county",
            Kind::Prefecture => "prefecture",
            Kind::Province => "province",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The kind's name as people say it: 部门, 县级政府.
    pub fn label(self) -> crate::lang::Label {
        use crate::lang::Label;
        let (zh, en) = match self {
            Kind::Department => ("部门", "department"),
            Kind::Township => ("乡镇（街道）", "township"),
            Kind::County => ("县级政府", "county government"),
            Kind::Prefecture => ("市级政府", "prefecture government"),
            Kind::Province => ("省级政府", "provincial government"),
        };
        Label { zh, en }
    }

    /// The last day to publish the report for `year`.
    pub fn deadline(self, year: i32) -> Date {
        let (month, day) = match self {
            Kind::Department | Kind::Township => (1, 31),
            Kind::County => (2, 20),
            Kind::Prefecture => (3, 10),
            Kind::Province => (3, 31),
        };
        Date { year: year + 1, month, day }
    }
}

/// A reviewer's decision on one finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    pub rule: String,
    pub pointer: String,
    pub status: Status,
    pub comment: String,
}

/// Where a cell sits in the template.
#[derive(Debug, Clone, Copy)]
pub enum CellId {
    Proactive(&'static ProactiveRow, &'static ProactiveColumn),
    Application(&'static ApplicationRow, usize),
    Appeal(usize, usize),
}

impl CellId {
    pub fn pointer(&self) -> String {
        match self {
            CellId::Proactive(row, column) => format!("/proactive/{}/{}", row.key, column.key),
            CellId::Application(row, column) => row.cell_pointer(*column),
            CellId::Appeal(block, column) => crate::template::appeal_pointer(*block, *column),
        }
    }

    /// Whether the cell counts things (so must be whole).
    pub fn whole(&self) -> bool {
        match self {
            CellId::Proactive(_, column) => column.whole,
            _ => true,
        }
    }

    /// Whether the cell may be negative (2019's 本年增/减 only).
    pub fn signed(&self) -> bool {
        match self {
            CellId::Proactive(_, column) => column.signed,
            _ => false,
        }
    }
}

/// A 表二 cell with its place.
#[derive(Debug, Clone)]
pub struct ProactiveCell {
    pub row: &'static ProactiveRow,
    pub column: &'static ProactiveColumn,
    pub cell: Cell,
}

/// The typed view of one report.
#[derive(Debug, Clone)]
pub struct Report {
    /// The template the tables are read with: the declared one, or the one the
    /// data looks like when `template` is missing or unknown.
    pub template: Template,
    /// Whether `template` was present and valid.
    pub template_declared: bool,
    /// How （六）其他处理 is laid out in this document.
    pub other_shape: OtherShape,
    pub year: Option<i64>,
    pub agency: Option<String>,
    pub title: Option<String>,
    pub kind: Option<Kind>,
    pub published: Option<Date>,
    pub overview: Option<String>,
    pub problems: Option<String>,
    pub other: Option<String>,
    /// 表二 cells in template order.
    pub proactive: Vec<ProactiveCell>,
    /// 表三 rows, aligned with `other_shape.rows()`, seven cells each.
    pub applications: Vec<[Cell; 7]>,
    /// 表四: three blocks of five cells.
    pub appeals: [[Cell; 5]; 3],
    pub annotations: Vec<Annotation>,
    /// What its importer noted, when it was imported (`import_note`).
    pub import: Option<crate::import_note::ImportRecord>,
}

impl Report {
    /// The rows of 表三 with their cells.
    pub fn application_rows(&self) -> impl Iterator<Item = (&'static ApplicationRow, &[Cell; 7])> {
        self.other_shape.rows().iter().zip(self.applications.iter())
    }

    /// The cells of the 表三 row with this role (the first such row).
    pub fn application_row(&self, role: crate::template::RowRole) -> Option<&[Cell; 7]> {
        self.application_rows().find(|(row, _)| row.role == role).map(|(_, cells)| cells)
    }

    /// A 表二 cell by its keys.
    pub fn proactive_cell(&self, row: &str, column: &str) -> Option<&Cell> {
        self.proactive.iter().find(|c| c.row.key == row && c.column.key == column).map(|c| &c.cell)
    }

    /// Every table cell with its place, in printed order.
    pub fn cells(&self) -> impl Iterator<Item = (CellId, &Cell)> {
        let proactive = self.proactive.iter().map(|c| (CellId::Proactive(c.row, c.column), &c.cell));
        let applications = self
            .application_rows()
            .flat_map(|(row, cells)| cells.iter().enumerate().map(move |(i, c)| (CellId::Application(row, i), c)));
        let appeals = self
            .appeals
            .iter()
            .enumerate()
            .flat_map(|(b, cells)| cells.iter().enumerate().map(move |(i, c)| (CellId::Appeal(b, i), c)));
        proactive.chain(applications).chain(appeals)
    }

    /// A text section by its key (`overview`, `problems`, `other`).
    pub fn section_text(&self, key: &str) -> Option<&str> {
        match key {
            "overview" => self.overview.as_deref(),
            "problems" => self.problems.as_deref(),
            "other" => self.other.as_deref(),
            _ => None,
        }
    }
}
