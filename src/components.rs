//! One component per part of the page.

pub mod batch;
pub mod breakdown;
#[cfg(feature = "workstation")]
pub mod draft_banner;
pub mod failure;
pub mod findings;
pub mod header;
#[cfg(feature = "workstation")]
pub mod history;
pub mod import_notes;
pub mod intro;
#[cfg(feature = "workstation")]
pub mod new_report;
pub mod outcome_chart;
#[cfg(feature = "workstation")]
pub mod publish;
#[cfg(feature = "workstation")]
pub mod publish_state;
pub mod report_view;
pub mod section_text;
pub mod settle;
pub mod summary;
pub mod table_grid;
pub mod toolbar;
pub mod trend_chart;
