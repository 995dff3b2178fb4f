//! Whether a report can be published: no finding is an error, and every
//! warning has been read by a reviewer (confirmed or dismissed). What the
//! app's 可以发布 state and its links to the findings in the way are made of.

use crate::diagnostic::Severity;
use crate::Checked;

/// The findings between a report and its publication, by index into
/// [`Checked::diagnostics`], in their order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Readiness {
    /// Errors not dismissed (a confirmed error is still an error).
    pub errors: Vec<usize>,
    /// Warnings nobody has settled.
    pub warnings: Vec<usize>,
}

impl Readiness {
    pub fn of(checked: &Checked) -> Readiness {
        let mut readiness = Readiness::default();
        for (index, d) in checked.diagnostics.iter().enumerate() {
            match d.severity() {
                Severity::Error if !d.is_dismissed() => readiness.errors.push(index),
                Severity::Warning if d.settled.is_none() => readiness.warnings.push(index),
                _ => {}
            }
        }
        readiness
    }

    /// Nothing stands in the way.
    pub fn ready(&self) -> bool {
        self.errors.is_empty() && self.warnings.is_empty()
    }
}
