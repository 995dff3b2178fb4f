// Rule: t4-total
// Fires for each 表四 block (行政复议, 未经复议直接起诉, 复议后起诉) whose 总计
// is not 结果维持 + 结果纠正 + 其他结果 + 尚未审结. Pointers: 总计, then the
// four cells in printed order.

use super::Checks;
use crate::diagnostic::Rule;
use crate::model::{CellId, Report};
use crate::template::APPEAL_TOTAL;

pub fn check(report: &Report, checks: &mut Checks) {
    for (block, cells) in report.appeals.iter().enumerate() {
        let addends: [_; APPEAL_TOTAL] = std::array::from_fn(|c| (CellId::Appeal(block, c), &cells[c]));
        checks.sum(Rule::T4Total, (CellId::Appeal(block, APPEAL_TOTAL), &cells[APPEAL_TOTAL]), &addends);
    }
}
