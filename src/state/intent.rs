//! What the viewer hands over to the workstation (see `crate::js::handoff`
//! for how, and for the object's JS form): the report on screen and what the
//! user asked of the workstation's tools.

use super::{Edit, Origin};
use nianbao_core::Lang;
use std::rc::Rc;

/// What the user asked the workstation for.
#[derive(Debug, Clone, PartialEq)]
pub enum Intent {
    /// Bytes the viewer cannot read: a report's text (from a web page, Word
    /// or a PDF), to import.
    Open { origin: Origin, bytes: Rc<[u8]> },
    /// Files to open: several (a batch), or one the viewer cannot read (a
    /// Word file).
    Files(Vec<web_sys::File>),
    /// Last year's report, to check the one on screen against.
    Previous(web_sys::File),
    /// Start editing the cell or text section at this pointer.
    EditAt(String),
    /// A decision on a finding, taken in the viewer (an `Edit::Settle`).
    Settle(Edit),
    /// Start a report (新建报告): open its form.
    NewReport,
}

/// What the workstation starts with.
#[derive(Debug, Clone, PartialEq)]
pub struct Handoff {
    pub lang: Lang,
    /// The report that was on screen, and the bytes it was read from.
    pub report: Option<(Origin, Rc<[u8]>)>,
    /// What to do, in order.
    pub intents: Vec<Intent>,
}
