// Rule: text-table-mismatch
// Fires when section 一 states a number for a quantity of the tables and the
// table says otherwise: applications received (一, or 一 + 二 when the
// sentence counts carried-over ones too), carried over (二), answered or
// closed (（七）), carried forward (四), administrative reviews and lawsuits
// (表四 totals, and their 结果维持/纠正/其他/尚未审结 counts), and 办结率.
// Pointer: /overview. The finding quotes the sentence and both numbers.
//
// A false alarm costs a reviewer's trust more than a missed one, so a
// statement is tied to a quantity only when nothing else could be meant:
// the sentence must be about information-disclosure applications (or their
// reviews and lawsuits); the clause must hold exactly one `N 件` (or one
// `N%` after 办结率); a clause that names a part (其中, 代表, 政府办, 部门 …)
// or follows one in its sentence (其中网上受理 80 件，当面受理 10 件), a
// channel (网上, 当面 …), a comparison (同比, 较上年, 增长 …), an
// approximation (余, 约, 近 …) or another year is left alone. A review or
// lawsuit count is read only when information disclosure is named in its
// clause or before it (区政府共办理行政复议案件 120 件 counts every case,
// not the table's disclosure cases). The agency naming itself (本部门,
// 本单位, 本街道 …) is not a part.

use super::{same, Checks};
use crate::diagnostic::{Detail, Diagnostic, Quantity, Rule};
use crate::model::Report;
use crate::template::{RowRole, APPEAL_TOTAL, TOTAL_COLUMN};
use crate::text::{clauses, fold, leading_number, sentences, years_before_nian};

/// A number stated in a clause, with what it is a number of.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub sentence: String,
    pub quantity: Quantity,
    pub stated: f64,
}

pub fn check(report: &Report, checks: &mut Checks) {
    let Some(overview) = report.overview.as_deref() else {
        return;
    };
    let tables = TableNumbers::of(report);
    for statement in statements(overview, report.year) {
        // Each quantity offers the table numbers it may be compared with.
        let candidates = tables.candidates(statement.quantity);
        if candidates.is_empty() {
            checks.count(false);
            continue;
        }
        checks.count(true);
        let percent = statement.quantity == Quantity::CompletionRate;
        let agrees = candidates.iter().any(|&table| {
            if percent {
                // A stated rate is rounded; within half a point it agrees.
                (table - statement.stated).abs() <= 0.5
            } else {
                same(table, statement.stated)
            }
        });
        if !agrees {
            let table = candidates[0];
            let detail = Detail::TextTableMismatch {
                sentence: statement.sentence,
                stated: statement.stated,
                table,
                quantity: statement.quantity,
                percent,
            };
            checks.push(Diagnostic::at(Rule::TextTableMismatch, "/overview", detail));
        }
    }
}

/// The table numbers a statement can be compared with.
struct TableNumbers {
    received: Option<f64>,
    carried_over: Option<f64>,
    answered: Option<f64>,
    carried_forward: Option<f64>,
    /// 表四 per block and column.
    appeals: [[Option<f64>; 5]; 3],
}

impl TableNumbers {
    fn of(report: &Report) -> Self {
        let total = |role| report.application_row(role).and_then(|cells| cells[TOTAL_COLUMN].number());
        TableNumbers {
            received: total(RowRole::Received),
            carried_over: total(RowRole::CarriedOver),
            answered: total(RowRole::ResultsTotal),
            carried_forward: total(RowRole::CarriedForward),
            appeals: report.appeals.each_ref().map(|block| block.each_ref().map(|c| c.number())),
        }
    }

    fn candidates(&self, quantity: Quantity) -> Vec<f64> {
        let both = |a: Option<f64>, b: Option<f64>| Some(a? + b?);
        let values = match quantity {
            Quantity::Received | Quantity::ReceivedWithCarriedOver => {
                vec![self.received, both(self.received, self.carried_over)]
            }
            Quantity::CarriedOver => vec![self.carried_over],
            Quantity::Answered => vec![self.answered],
            Quantity::CarriedForward => vec![self.carried_forward],
            Quantity::Reviews => vec![self.appeals[0][APPEAL_TOTAL]],
            Quantity::Lawsuits => vec![both(self.appeals[1][APPEAL_TOTAL], self.appeals[2][APPEAL_TOTAL])],
            Quantity::AppealOutcome { review: true, column } => vec![self.appeals[0][column]],
            Quantity::AppealOutcome { review: false, column } => {
                vec![both(self.appeals[1][column], self.appeals[2][column])]
            }
            Quantity::CompletionRate => {
                let base = both(self.received, self.carried_over);
                vec![match (self.answered, base) {
                    (Some(answered), Some(base)) if base > 0.0 => Some(100.0 * answered / base),
                    _ => None,
                }]
            }
        };
        // A candidate with a blank input is no candidate; when the first
        // (preferred) one is missing the statement cannot be checked at all.
        if values.first().is_some_and(Option::is_none) {
            return Vec::new();
        }
        values.into_iter().flatten().collect()
    }
}

/// Words that make a clause about a part of the whole, a comparison or an
/// estimate: a number in such a clause is not the table's number.
const QUALIFIERS: &[&str] = &[
    "其中",
    "代表",
    "政府办",
    "办公室",
    "部门",
    "单位",
    "乡镇",
    "街道",
    "各地",
    "本级",
    "市级",
    "县级",
    "区级",
    "同比",
    "较上年",
    "较去年",
    "比上年",
    "增长",
    "下降",
    "增加",
    "减少",
    "上升",
    "累计",
    "以来",
    "历年",
    "平均",
    "人次",
    "余件",
    "约",
    "近",
    "超过",
    "逾",
    "多件",
    "不足",
    "以上",
    "以下",
    "涉及",
    "批次",
    "转办",
    "电话",
    "信箱",
    "留言",
    "来信",
    "来访",
    "信访",
    "咨询",
    // How applications came in, or how quickly they were answered: parts.
    "网上",
    "网络",
    "当面",
    "现场",
    "信函",
    "邮寄",
    "传真",
    "电子邮件",
    "当场",
    "延期",
    "延长",
];

/// Words that open a breakdown: the clauses after them in a sentence are
/// parts, not the whole.
const BREAKDOWN: &[&str] = &["其中", "包括", "分别为", "分别是", "具体为", "具体是"];

/// How agencies name themselves; not a part of the whole (部门, 单位 …).
const SELF_REFERENCES: &[&str] = &[
    "本部门",
    "本单位",
    "本街道",
    "本乡镇",
    "本镇",
    "本乡",
    "本办公室",
    "本办",
    "我部门",
    "我单位",
    "我街道",
    "我镇",
    "我乡",
    "我办",
    "本委",
    "我委",
    "本局",
    "我局",
    "本机关",
    "我机关",
];

/// Words that make a sentence about information-disclosure applications.
const APPLICATION_CONTEXT: &[&str] = &["依申请", "信息公开申请", "公开申请", "申请公开", "政府信息申请"];

/// Words that make a sentence about reviews or lawsuits over disclosure.
const APPEAL_CONTEXT: &[&str] = &["信息公开", "依申请", "政府信息"];

/// The statements of section 一 that can be tied to exactly one quantity.
pub fn statements(text: &str, year: Option<i64>) -> Vec<Statement> {
    let mut found = Vec::new();
    for sentence in sentences(text) {
        // Only a sentence with a count (件) or a 办结率 can state a table
        // number: the others are not read further.
        if !(sentence.contains('件') || sentence.contains("办结率")) {
            continue;
        }
        let folded = fold(sentence);
        if let Some(year) = year {
            if years_before_nian(&folded).iter().any(|&y| y != year) {
                continue;
            }
        }
        let about_applications = APPLICATION_CONTEXT.iter().any(|w| folded.contains(w));
        // The appeal a result count belongs to: the last one named before it.
        let mut appeal: Option<bool> = None;
        // Whether information disclosure has been named so far in the
        // sentence, and whether a breakdown has begun.
        let mut disclosure_named = false;
        let mut in_breakdown = false;
        for clause in clauses(&folded) {
            disclosure_named |= APPEAL_CONTEXT.iter().any(|w| clause.contains(w));
            let part = in_breakdown;
            in_breakdown |= BREAKDOWN.iter().any(|w| clause.contains(w));
            let states_number = clause.contains('件') || clause.contains('%');
            let names_review = clause.contains("行政复议");
            let names_lawsuit = clause.contains("行政诉讼");
            if names_review && !names_lawsuit {
                appeal = Some(true);
            } else if names_lawsuit && !names_review {
                appeal = Some(false);
            }
            if !states_number {
                continue;
            }
            // The number first (cheap), then what it is a number of.
            let count = single_number_before(clause, "件");
            let rate = single_number_before(clause, "%");
            if count.is_none() && rate.is_none() {
                continue;
            }
            let Some(quantity) = classify(clause, about_applications, disclosure_named, appeal) else {
                continue;
            };
            // After 其中, only the per-result counts of reviews and lawsuits
            // are read (其中维持 3 件); anything else is a part.
            if part && !matches!(quantity, Quantity::AppealOutcome { .. }) {
                continue;
            }
            let stated = if quantity == Quantity::CompletionRate { rate } else { count };
            let Some(stated) = stated else {
                continue;
            };
            found.push(Statement { sentence: sentence.to_string(), quantity, stated });
        }
    }
    found
}

/// What a clause states a number of, if it is clear.
fn classify(clause: &str, about_applications: bool, about_appeals: bool, appeal: Option<bool>) -> Option<Quantity> {
    let has = |words: &[&str]| words.iter().any(|w| clause.contains(w));
    const OUTCOMES: [&str; 4] = ["维持", "纠正", "其他结果", "尚未审结"];
    // Per-result counts of reviews and lawsuits follow 其中, so they are
    // recognised before the qualifiers are.
    if about_appeals {
        if let Some(column) = OUTCOMES.iter().position(|w| clause.contains(w)) {
            let only_one = OUTCOMES.iter().filter(|w| clause.contains(*w)).count() == 1;
            let review = appeal?;
            return only_one.then_some(Quantity::AppealOutcome { review, column });
        }
    }
    // A qualifier, unless it is only part of the agency naming itself (the
    // copy is made only for the few clauses with a qualifier).
    if has(QUALIFIERS) {
        let mut unqualified = clause.to_string();
        for word in SELF_REFERENCES.iter().filter(|w| clause.contains(*w)) {
            unqualified = unqualified.replace(word, "");
        }
        if QUALIFIERS.iter().any(|w| unqualified.contains(w)) {
            return None;
        }
    }
    if clause.contains("办结率") {
        let qualified = has(&["按时", "按期", "及时", "法定", "满意"]);
        return (about_applications && !qualified).then_some(Quantity::CompletionRate);
    }
    if about_appeals && clause.contains("行政复议") && !clause.contains("行政诉讼") {
        return Some(Quantity::Reviews);
    }
    if about_appeals && clause.contains("行政诉讼") && !clause.contains("行政复议") {
        return Some(Quantity::Lawsuits);
    }
    if !about_applications || has(&["行政复议", "行政诉讼"]) {
        return None;
    }
    if has(&["上年结转", "上年度结转", "上一年度结转", "上一年结转", "结转上年", "上年度未办结", "上年未办结"])
    {
        return Some(Quantity::CarriedOver);
    }
    if has(&["下年", "下一年", "次年", "明年"]) && has(&["结转", "顺延", "转入", "继续办理"]) {
        return Some(Quantity::CarriedForward);
    }
    if has(&["办结", "答复", "办理完毕", "处理完毕"]) && !has(&["受理", "新收", "收到"]) {
        return Some(Quantity::Answered);
    }
    if has(&["受理", "新收", "收到", "接收", "共收"]) && !has(&["办结", "答复"]) {
        return Some(if has(&["含上年", "包括上年", "含结转"]) {
            Quantity::ReceivedWithCarriedOver
        } else {
            Quantity::Received
        });
    }
    None
}

/// The one number followed by `unit` in the clause; `None` when there is no
/// such number or more than one, or when any other number stands beside it.
fn single_number_before(clause: &str, unit: &str) -> Option<f64> {
    let mut found = None;
    let mut rest = clause;
    let mut offset = 0;
    while let Some((start, _)) = rest.char_indices().find(|(_, c)| c.is_ascii_digit()) {
        let (number, len) = leading_number(&rest[start..])?;
        let after = &rest[start + len..];
        offset += start + len;
        if after.starts_with(['年', '月', '日']) {
            // A date: the year has been checked already; it is not a count.
            rest = &clause[offset..];
            continue;
        }
        if !after.starts_with(unit) || found.is_some() {
            // Another number in the clause (a date, a second count): ambiguous.
            return None;
        }
        found = Some(number);
        rest = &clause[offset..];
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quantities(text: &str) -> Vec<(Quantity, f64)> {
        statements(text, Some(2024)).into_iter().map(|s| (s.quantity, s.stated)).collect()
    }

    #[test]
    fn recognises_the_usual_phrasings() {
        assert_eq!(
            quantities("2024 年，济源高新区共受理政府信息依申请公开 1 件，已按期办结，办结率 100%。"),
            [(Quantity::Received, 1.0), (Quantity::CompletionRate, 100.0)]
        );
        assert_eq!(
            quantities("2024 年，全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复），均在法定期限内予以答复。"),
            [(Quantity::Received, 3119.0), (Quantity::Answered, 3050.0), (Quantity::CarriedOver, 34.0), (Quantity::CarriedForward, 103.0)]
        );
        assert_eq!(
            quantities("政府信息公开行政复议 351 件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25 件。"),
            [
                (Quantity::Reviews, 351.0),
                (Quantity::AppealOutcome { review: true, column: 0 }, 72.0),
                (Quantity::AppealOutcome { review: true, column: 1 }, 64.0),
                (Quantity::AppealOutcome { review: true, column: 2 }, 178.0),
                (Quantity::AppealOutcome { review: true, column: 3 }, 37.0),
                (Quantity::Lawsuits, 46.0),
                (Quantity::AppealOutcome { review: false, column: 0 }, 25.0),
            ]
        );
        assert_eq!(quantities("本年新收政府信息公开申请２１件。"), [(Quantity::Received, 21.0)]);
        assert_eq!(quantities("2024年全区受理政府信息公开申请21件，均在法定期限答复。"), [(Quantity::Received, 21.0)]);
    }

    #[test]
    fn leaves_alone_what_it_cannot_tie() {
        for text in [
            "受理各类群众来信来访 56 件。",
            "2024 年，区政府办代表区政府受理政府信息公开申请 17 件，均已在法定期限内予以答复。",
            "2023 年全区受理政府信息公开申请 21 件。",
            "受理政府信息公开申请同比增长 12 件。",
            "主动公开政府信息 1136 条。",
            "共受理政府信息公开申请 30 余件。",
            "其中，自然人申请 20 件。",
            "按时办结率 100%。",
            "受理政府信息公开申请 3 件 5 件。",
            "全年办理行政复议案件 12 件。",
        ] {
            assert_eq!(quantities(text), [], "{text}");
        }
    }
}
