//! The settings of a report embedded in a host page (`<nianbao-report>`):
//! what `js::embed` mounts and `hooks::use_embed` reads.

use crate::components::report_view::View;
use nianbao_core::Lang;
use yew::AttrValue;

/// How an embedded report is given.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// Fetched, under the browser's usual origin rules.
    Url(String),
    /// The report's JSON (or text) itself.
    Inline(String),
}

/// The settings of an embedded report.
#[derive(Debug, Clone, PartialEq)]
pub struct Embed {
    /// Unique on the page: several reports may share it.
    pub id_prefix: AttrValue,
    pub lang: Lang,
    pub view: View,
    pub source: Option<Source>,
    /// Bumped to read the same source again.
    pub generation: u32,
    /// Where `nianbao-validated` is dispatched.
    pub host: web_sys::Element,
    /// Show the report's title (a host page with its own heading leaves it
    /// out: `no-title`).
    pub title: bool,
    /// Offer the tables' CSV downloads (only when the host asks: `exports`).
    pub exports: bool,
}
