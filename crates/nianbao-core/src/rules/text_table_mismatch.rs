// Rule: text-table-mismatch
// Fires when section 一 states a number for a quantity of the tables and the
// table says otherwise. 表三: applications received (一, or 一 + 二 when the
// sentence counts carried-over ones too), carried over (二), answered (（七）),
// carried forward (四), each outcome （一）…（六） (a group's sum), 办结率;
// 表四: administrative reviews and lawsuits and their result counts; 表二:
// regulations and normative documents issued, repealed and in force,
// licensing, penalty and coercion decisions, fees in 万元.
// Pointers: /overview, then the table cells the stated number is compared
// with. The finding quotes the sentence and both numbers.
//
// A false alarm costs a reviewer's trust more than a missed one, so a
// statement is tied to a quantity only when nothing else could be meant.
// The reader goes through a sentence clause by clause and keeps what the
// agency said before in it:
// - who speaks: the agency naming itself (本机关, 本局, 我镇 …) or its whole
//   area (全县, 全市 …), or an office acting on its behalf (区政府办代表区政府),
//   is the whole; a sub-unit (其中区政府办, 各部门, 乡镇, 本级) or one kind of
//   applicant (自然人) is a part, and so is everything after it in the
//   sentence until the whole speaks again;
// - a breakdown (其中, 包括, 分别为): after it only outcome counts are read
//   (其中予以公开 30 件), each against its own row;
// - another year: a clause about another year, and those after it, are left
//   alone, but the clauses before it are read (结转至 2025 年 5 件 in a 2024
//   report is the carried-forward count itself);
// - a bracket is a scope of its own: a breakdown or a part opened inside it
//   ends with it.
// A clause is left alone when it holds more than one number (dates aside),
// names a channel (网上, 当面 …), a comparison (同比, 较上年, 增长 …), an
// approximation (余, 约, 近, 超过 …), a list it shares its number with
// (予以公开、部分公开 15 件), or a condition (涉及国家秘密的，不予公开 1 件 is
// one reason among several). A review or lawsuit count is read only when
// information disclosure is named in its sentence before it or in the
// heading above (区政府共办理行政复议案件 120 件 counts every case).

use super::{same, Checks};
use crate::diagnostic::{Detail, Diagnostic, Quantity, Rule, Unit};
use crate::model::Report;
use crate::template::{self, appeal_pointer, label_words, RowRole, APPEAL_TOTAL, TOTAL_COLUMN};
use crate::text::{fold, is_heading, leading_number, years_before_nian};

/// A number stated in a clause, with what it is a number of.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// The sentence as written.
    pub sentence: String,
    pub quantity: Quantity,
    pub stated: f64,
}

pub fn check(report: &Report, checks: &mut Checks) {
    let Some(overview) = report.overview.as_deref() else {
        return;
    };
    for statement in statements(overview, report.year) {
        let Some((candidates, cells)) = candidates(report, statement.quantity) else {
            checks.count(false);
            continue;
        };
        checks.count(true);
        let agrees = candidates.iter().any(|&table| agree(statement.quantity, table, statement.stated));
        if !agrees {
            let detail = Detail::TextTableMismatch {
                sentence: statement.sentence,
                stated: statement.stated,
                table: candidates[0],
                quantity: statement.quantity,
            };
            let mut pointers = vec!["/overview".to_string()];
            pointers.extend(cells);
            checks.push(Diagnostic::new(Rule::TextTableMismatch, pointers, detail));
        }
    }
}

/// Whether a stated number agrees with a table number: a stated rate is
/// rounded, so within half a point it agrees.
pub fn agree(quantity: Quantity, table: f64, stated: f64) -> bool {
    match quantity.unit() {
        Unit::Percent => (table - stated).abs() <= 0.5,
        _ => same(table, stated),
    }
}

/// The table numbers a statement may be compared with (the first preferred),
/// and the cells of the first; `None` when a cell it needs is blank.
pub fn candidates(report: &Report, quantity: Quantity) -> Option<(Vec<f64>, Vec<String>)> {
    let shape = report.other_shape;
    let total = |role: RowRole| report.application_row(role).and_then(|cells| cells[TOTAL_COLUMN].number());
    let total_cell = |role: RowRole| shape.row(role).cell_pointer(TOTAL_COLUMN);
    let appeal = |block: usize, column: usize| report.appeals[block][column].number();
    let lawsuits = |column: usize| Some(appeal(1, column)? + appeal(2, column)?);
    let one = |value: Option<f64>, cells: Vec<String>| value.map(|v| (vec![v], cells));
    match quantity {
        Quantity::Received | Quantity::ReceivedWithCarriedOver => {
            let received = total(RowRole::Received)?;
            let with = total(RowRole::CarriedOver).map(|c| received + c);
            let cells = vec![total_cell(RowRole::Received), total_cell(RowRole::CarriedOver)];
            Some(if quantity == Quantity::Received {
                (std::iter::once(received).chain(with).collect(), cells[..1].to_vec())
            } else {
                (with.into_iter().chain(std::iter::once(received)).collect(), cells)
            })
        }
        Quantity::CarriedOver => one(total(RowRole::CarriedOver), vec![total_cell(RowRole::CarriedOver)]),
        Quantity::Answered => one(total(RowRole::ResultsTotal), vec![total_cell(RowRole::ResultsTotal)]),
        Quantity::CarriedForward => one(total(RowRole::CarriedForward), vec![total_cell(RowRole::CarriedForward)]),
        Quantity::Outcome(key) => {
            let mut sum = 0.0;
            let mut cells = Vec::new();
            for (row, values) in
                report.application_rows().filter(|(r, _)| r.role == RowRole::Result && r.path[1] == key)
            {
                sum += values[TOTAL_COLUMN].number()?;
                cells.push(row.cell_pointer(TOTAL_COLUMN));
            }
            one((!cells.is_empty()).then_some(sum), cells)
        }
        Quantity::Reviews => one(appeal(0, APPEAL_TOTAL), vec![appeal_pointer(0, APPEAL_TOTAL)]),
        Quantity::Lawsuits => {
            one(lawsuits(APPEAL_TOTAL), vec![appeal_pointer(1, APPEAL_TOTAL), appeal_pointer(2, APPEAL_TOTAL)])
        }
        Quantity::AppealOutcome { review: true, column } => one(appeal(0, column), vec![appeal_pointer(0, column)]),
        Quantity::AppealOutcome { review: false, column } => {
            one(lawsuits(column), vec![appeal_pointer(1, column), appeal_pointer(2, column)])
        }
        Quantity::CompletionRate => {
            let base = total(RowRole::Received)? + total(RowRole::CarriedOver)?;
            let answered = total(RowRole::ResultsTotal)?;
            let cells = [RowRole::ResultsTotal, RowRole::Received, RowRole::CarriedOver].map(total_cell).to_vec();
            one((base > 0.0).then(|| 100.0 * answered / base), cells)
        }
        Quantity::Proactive { row, column } => {
            one(report.proactive_cell(row, column)?.number(), vec![format!("/proactive/{row}/{column}")])
        }
    }
}

fn has(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

/// A list of words the reader looks for, each with the characters it needs
/// (most of the reader's time goes to looking for words: a word whose
/// One bit per character (a hash of it): 64 bits keep the lexicons' masks
/// small in the viewer's wasm and still pass over most words unsearched.
type Mask = u64;
const MASK_SHIFT: u32 = 32 - Mask::BITS.trailing_zeros();

/// characters do not all occur in a text is not searched for).
struct Words {
    list: &'static [&'static str],
    masks: &'static [Mask],
}

impl Words {
    fn any_in(&self, text: &str) -> bool {
        self.any_masked(text, char_mask(text))
    }

    fn any_masked(&self, text: &str, present: Mask) -> bool {
        self.list.iter().zip(self.masks).any(|(w, &m)| m & !present == 0 && text.contains(w))
    }

    /// Whether a clause holds one (a word does not run across clauses).
    fn any_in_clauses(&self, clauses: &[Clause<'_>]) -> bool {
        clauses.iter().any(|c| self.any_masked(c.text, c.mask))
    }

    fn iter(&self) -> impl Iterator<Item = &&'static str> {
        self.list.iter()
    }
}

macro_rules! lexicon {
    ($name:ident = [$($word:expr),* $(,)?]) => {
        const $name: Words = {
            const LIST: &[&str] = &[$($word),*];
            const MASKS: [Mask; LIST.len()] = masks(LIST);
            Words { list: LIST, masks: &MASKS }
        };
    };
}

/// Whether `text`, whose [`char_mask`] is (or holds) `mask`, holds one of
/// the words: [`Words`] made at compile time.
macro_rules! any {
    ($text:expr, $mask:expr; $($word:expr),+ $(,)?) => {{
        lexicon!(WORDS = [$($word),+]);
        WORDS.any_masked($text, $mask)
    }};
}

const fn masks<const N: usize>(list: &[&str]) -> [Mask; N] {
    let mut out = [0 as Mask; N];
    let mut i = 0;
    while i < N {
        out[i] = char_mask(list[i]);
        i += 1;
    }
    out
}

/// One bit per character: a multiplicative hash of its UTF-8 bytes read
/// as one number (no decoding: this runs on every clause).
const fn char_mask(text: &str) -> Mask {
    let bytes = text.as_bytes();
    let mut mask = 0 as Mask;
    let mut code = 0u32;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i] as u32;
        if b & 0xC0 != 0x80 && i > 0 {
            mask |= (1 as Mask) << (code.wrapping_mul(0x9E37_79B1) >> MASK_SHIFT);
            code = 0;
        }
        code = code << 8 | b;
        i += 1;
    }
    if !bytes.is_empty() {
        mask |= (1 as Mask) << (code.wrapping_mul(0x9E37_79B1) >> MASK_SHIFT);
    }
    mask
}

// Words that make a clause's number something else than a table's: a
// comparison, an estimate, a channel, a kind of contact that is not an
// application, a cumulative figure.
lexicon!(
    QUALIFIERS = [
        "目前",
        "平台",
        "作为复议机关",
        "超期",
        "各级行政复议机关",
        "整改",
        "一审",
        "二审",
        "满意",
        "同比",
        "较上年",
        "较去年",
        "比上年",
        "比去年",
        "环比",
        "增长",
        "下降",
        "增加",
        "减少",
        "上升",
        "提高",
        "降低",
        "以来",
        "历年",
        "平均",
        "人次",
        "件次",
        "约",
        "近",
        "超过",
        "逾",
        "不足",
        "以上",
        "以下",
        "左右",
        "上下",
        "至少",
        "最多",
        "涉及",
        "批次",
        "转办",
        "电话",
        "热线",
        "信箱",
        "留言",
        "来信",
        "来访",
        "信访",
        "咨询",
        "建议",
        "提案",
        "网上",
        "网络",
        "在线",
        "当面",
        "现场",
        "窗口",
        "信函",
        "邮寄",
        "传真",
        "电子邮件",
        "当场",
        "延期",
        "延长",
        "按时",
        "按期",
        "及时",
        "逾期",
        "法定期限内",
        "期限内",
        "全系统",
        "直接起诉",
        "复议后",
        "未经复议",
        "每",
    ]
);

// Words that open a breakdown: the clauses after them in a sentence are
// parts, not the whole.
lexicon!(BREAKDOWN = ["其中", "包括", "分别为", "分别是", "具体为", "具体是", "主要为", "主要是"]);

// Words that name a part of the agency or of its area.
lexicon!(
    SUB_UNITS = [
        "政府办",
        "办公室",
        "部门",
        "单位",
        "乡镇",
        "街道",
        "镇政府",
        "乡政府",
        "社区",
        "村",
        "各地",
        "本级",
        "市级",
        "县级",
        "区级",
        "省级",
        "下属",
        "直属",
        "所属",
        "派出",
        "分局",
        "科室",
        "中心",
        "村委",
        "村居",
        "各村",
        "各县",
        "各区",
        "各镇",
        "各乡",
    ]
);

// How agencies name themselves or their whole area: the whole speaks.
lexicon!(
    WHOLE = [
        "本部门",
        "本单位",
        "本街道",
        "本乡镇",
        "本镇",
        "本乡",
        "本办公室",
        "本办",
        "本中心",
        "本委",
        "本局",
        "本机关",
        "本机构",
        "本厅",
        "本院",
        "我部门",
        "我单位",
        "我街道",
        "我镇",
        "我乡",
        "我办",
        "我委",
        "我局",
        "我机关",
        "我厅",
        "我中心",
        "全区",
        "全市",
        "全县",
        "全省",
        "全旗",
        "全州",
        "全盟",
        "全镇",
        "全乡",
        "全街道",
    ]
);

// Words that make a sentence about information-disclosure applications.
lexicon!(APPLICATION_CONTEXT = ["依申请", "信息公开申请", "公开申请", "申请公开", "政府信息申请"]);

// Words of other requests and contacts than applications for information:
// a sentence naming one is not about the tables' applications.
lexicon!(
    OTHER_TOPICS = [
        "许可",
        "审批",
        "政务服务",
        "办件",
        "补贴",
        "救助",
        "低保",
        "登记",
        "资格",
        "认定",
        "赔偿",
        "信访",
        "投诉",
        "举报",
        "热线",
        "工单",
        "12345",
        "来信",
        "来访",
        "咨询",
        "建议",
        "提案",
        "入学",
        "落户",
        "专利",
        "贷款",
        "项目申请",
        "留言",
        "信箱",
        "诉求",
        "督办",
        "整改",
        "网民",
        "问政",
        "舆情",
    ]
);

// Words that make a sentence about reviews or lawsuits over disclosure.
lexicon!(APPEAL_CONTEXT = ["信息公开", "依申请", "政府信息"]);

// Words of another year than the report's, unless they carry over.
lexicon!(EARLIER_YEAR = ["上年", "去年", "上一年", "前一年", "上年度"]);

lexicon!(CARRIED_OVER = ["结转", "未办结", "遗留"]);
lexicon!(ANSWERED = ["办结", "答复", "办理完毕", "处理完毕", "办理结果"]);
lexicon!(NEXT_YEAR = ["下年", "下一年", "次年", "明年", "下一年度"]);
lexicon!(CARRIED_FORWARD = ["结转", "顺延", "转入", "转下", "转至", "延至", "继续办理"]);

/// What the heading above a paragraph says it is about.
#[derive(Default, Clone, Copy)]
struct Heading {
    applications: bool,
    appeals: bool,
    /// 主动公开: its counts are of published information, not applications.
    proactive: bool,
}

/// What the sentences of a paragraph so far have been about.
#[derive(Default, Clone, Copy)]
struct Paragraph {
    applications: bool,
    other_topic: bool,
}

impl Paragraph {
    fn after(self, sentence: &Reader<'_>) -> Paragraph {
        Paragraph {
            applications: self.applications || sentence.about_applications,
            other_topic: self.other_topic || sentence.other_topic && !sentence.about_applications,
        }
    }
}

/// The statements of section 一 that can be tied to exactly one quantity.
pub fn statements(text: &str, year: Option<i64>) -> Vec<Statement> {
    let mut found: Vec<(Statement, Speaker)> = Vec::new();
    let mut heading = Heading::default();
    for paragraph in text.lines() {
        // What the paragraph has been speaking of: its next sentences are
        // too (受理申请 17 件。予以公开 12 件…).
        // It is worked out only when a sentence with a number needs it: most
        // paragraphs have none.
        let mut context = Paragraph::default();
        let mut pending: Vec<&str> = Vec::new();
        for sentence in sentences(paragraph) {
            if is_heading(sentence) {
                heading = Heading {
                    applications: sentence.contains("依申请") || sentence.contains("申请公开"),
                    appeals: has(sentence, &["复议", "诉讼"]) && APPEAL_CONTEXT.any_in(sentence),
                    proactive: sentence.contains("主动公开"),
                };
                context = Paragraph::default();
                pending.clear();
                continue;
            }
            // Only a sentence with a number written in a unit can state a
            // table number.
            if !counts_something(sentence) {
                pending.push(sentence);
                continue;
            }
            for earlier in pending.drain(..) {
                context = sentence_context(earlier, heading, context);
            }
            let folded = fold(sentence);
            let parts = clauses(&folded);
            let reader = Reader::new(&parts, &folded, year, heading, context);
            context = context.after(&reader);
            reader.read(|quantity, stated, speaker| {
                found.push((Statement { sentence: sentence.to_string(), quantity, stated }, speaker));
            });
        }
    }
    // An office acting for its government is the whole, unless section 一
    // states the same quantity for the whole area too: then the office's
    // figure is the government's own part of the area's (全省共受理 21560
    // 件……省政府办公厅代表省政府受理 312 件).
    let area: Vec<Quantity> = found.iter().filter(|(_, s)| *s == Speaker::Area).map(|(st, _)| st.quantity).collect();
    found
        .into_iter()
        .filter(|(statement, speaker)| *speaker != Speaker::OnBehalf || !area.contains(&statement.quantity))
        .map(|(statement, _)| statement)
        .collect()
}

/// Whether a digit is followed (after spaces) by 件, 起, % or 万元.
/// Bytes, not chars (every sentence of section 一 passes here).
fn counts_something(sentence: &str) -> bool {
    let bytes = sentence.as_bytes();
    let mut after_digit = false;
    let mut at = 0;
    while at < bytes.len() {
        // Away from a digit, only a digit or a wide digit's lead byte can
        // start one: the bytes between are passed over eight at a step.
        if !after_digit {
            match crate::text::position_of_digit_or(&bytes[at..], 0xEF) {
                Some(offset) => at += offset,
                None => return false,
            }
        }
        let b = bytes[at];
        let three = |x: u8, y: u8, z: u8| b == x && bytes.get(at + 1) == Some(&y) && bytes.get(at + 2) == Some(&z);
        // ０–９ are EF BC 90–99.
        let wide_digit = b == 0xEF
            && bytes.get(at + 1) == Some(&0xBC)
            && bytes.get(at + 2).is_some_and(|c| (0x90..=0x99).contains(c));
        if b.is_ascii_digit() || wide_digit {
            after_digit = true;
            at += if wide_digit { 3 } else { 1 };
            continue;
        }
        if after_digit {
            // 件 起 ％ 万元
            if b == b'%' || three(0xE4, 0xBB, 0xB6) || three(0xE8, 0xB5, 0xB7) || three(0xEF, 0xBC, 0x85) {
                return true;
            }
            if three(0xE4, 0xB8, 0x87) && bytes.get(at + 3..at + 6) == Some(&[0xE5, 0x85, 0x83][..]) {
                return true;
            }
            // space, full-width space, . , ．
            if matches!(b, b' ' | b'.' | b',') {
                at += 1;
                continue;
            }
            if three(0xE3, 0x80, 0x80) || three(0xEF, 0xBC, 0x8E) {
                at += 3;
                continue;
            }
        }
        after_digit = false;
        at += 1;
    }
    false
}

/// The sentences of a paragraph, split after 。！？!? (bytes, not chars).
fn sentences(paragraph: &str) -> impl Iterator<Item = &str> {
    let bytes = paragraph.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let (end, next) = sentence_end(bytes, start);
        let sentence = &paragraph[start..end];
        start = next;
        Some(sentence)
    })
    .map(str::trim)
    .filter(|s| !s.is_empty())
}

/// Where the sentence starting at `from` ends, and where the next begins.
/// A stop is `!`, `?` or a three-byte character led by E3 or EF (。 is
/// E3 80 82; ！ EF BC 81; ？ EF BC 9F): only those lead bytes are looked at
/// closely, and they are rare in 汉字 text (its characters lead E4 to E9).
fn sentence_end(bytes: &[u8], from: usize) -> (usize, usize) {
    let mut at = from;
    while let Some(offset) = crate::text::position_of_any(&bytes[at..], [b'!', b'?', 0xE3, 0xEF]) {
        at += offset;
        let width = match (bytes[at], bytes.get(at + 1), bytes.get(at + 2)) {
            (b'!' | b'?', _, _) => 1,
            (0xE3, Some(0x80), Some(0x82)) | (0xEF, Some(0xBC), Some(0x81 | 0x9F)) => 3,
            _ => {
                at += 1;
                continue;
            }
        };
        return (at, at + width);
    }
    (bytes.len(), bytes.len())
}

/// Who states a number, as far as the reader can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Speaker {
    /// Nobody named, or the agency itself (本机关, 我局).
    Body,
    /// The whole area (全市, 全县).
    Area,
    /// An office acting on the government's behalf (区政府办代表区政府).
    OnBehalf,
}

/// One clause of a sentence.
struct Clause<'a> {
    text: &'a str,
    /// Inside brackets.
    bracketed: bool,
    /// After a 、: an item of a list.
    listed: bool,
    /// After a semicolon: a breakdown before it has ended.
    after_semicolon: bool,
    /// The characters it holds, for [`Words`].
    mask: Mask,
}

/// The clauses of a folded sentence, split at commas, colons, semicolons,
/// 、 and brackets; a comma between digits (3,119) separates thousands.
fn clauses<'a>(sentence: &'a str) -> Vec<Clause<'a>> {
    let bytes = sentence.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0usize;
    let mut listed = false;
    let mut semicolon = false;
    let push = |out: &mut Vec<Clause<'a>>, from: usize, to: usize, depth: usize, listed: bool, semicolon: bool| {
        if from < to {
            let text = &sentence[from..to];
            out.push(Clause { text, bracketed: depth > 0, listed, after_semicolon: semicolon, mask: char_mask(text) });
        }
    };
    // Bytes, not chars: every separator but the ASCII ones is three bytes
    // starting 0xE2, 0xE3 or 0xEF, so most bytes are passed over at once.
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        let c = match b {
            b',' | b':' | b';' | b'(' | b')' => b as char,
            0xE2 | 0xE3 | 0xEF if at + 2 < bytes.len() => match (b, bytes[at + 1], bytes[at + 2]) {
                (0xEF, 0xBC, 0x8C) => '，',
                (0xEF, 0xBC, 0x9A) => '：',
                (0xEF, 0xBC, 0x9B) => '；',
                (0xEF, 0xBC, 0x88) => '（',
                (0xEF, 0xBC, 0x89) => '）',
                (0xE3, 0x80, 0x81) => '、',
                (0xE2, 0x80, 0x9C) => '“',
                (0xE2, 0x80, 0x9D) => '”',
                _ => {
                    at += 1;
                    continue;
                }
            },
            _ => {
                at += 1;
                continue;
            }
        };
        if c == ',' {
            let thousands = at > 0
                && bytes[at - 1].is_ascii_digit()
                && bytes.len() >= at + 4
                && bytes[at + 1..at + 4].iter().all(u8::is_ascii_digit)
                && bytes.get(at + 4).is_none_or(|b| !b.is_ascii_digit());
            if thousands {
                at += 1;
                continue;
            }
        }
        push(&mut out, start, at, depth, listed, semicolon);
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        listed = c == '、';
        semicolon = matches!(c, '；' | ';');
        at += c.len_utf8();
        start = at;
    }
    push(&mut out, start, sentence.len(), depth, listed, semicolon);
    out
}

/// What the sentence has said so far, in one scope (the sentence, or the
/// bracket being read).
#[derive(Default, Clone, Copy)]
struct Scope {
    /// A sub-unit or one kind of applicant is speaking.
    part: bool,
    /// A breakdown has begun.
    breakdown: bool,
    /// Another year than the report's is being spoken of.
    other_year: bool,
}

/// The unit a number is written with.
#[derive(Clone, Copy, PartialEq)]
enum Written {
    /// 件
    Jian,
    /// 起
    Qi,
    Percent,
    /// 万元
    Wanyuan,
}

struct Reader<'a> {
    clauses: &'a [Clause<'a>],
    sentence: &'a str,
    /// The characters of its clauses, for [`Words`].
    mask: Mask,
    year: Option<i64>,
    heading: Heading,
    about_applications: bool,
    /// Nothing says the sentence is about something else than applications.
    loose: bool,
    /// The sentence names another kind of request or contact (行政许可,
    /// 信访, 12345 热线 …).
    other_topic: bool,
    /// The sentence names a review or a lawsuit.
    names_appeals: bool,
}

/// Whether a sentence is about applications for information: it names
/// them, or 申请 in a clause naming no other kind (行政许可申请, 复议申请),
/// or its paragraph or heading is about them and it names nothing else.
fn about_applications(
    sentence: &str,
    other_topic: bool,
    clauses: &[Clause<'_>],
    heading: Heading,
    context: Paragraph,
) -> bool {
    let applications_named = sentence.contains("申请")
        && clauses.iter().any(|clause| {
            clause.text.contains("申请")
                && !OTHER_TOPICS.any_masked(clause.text, clause.mask)
                && !has(clause.text, &["复议", "诉讼"])
        });
    APPLICATION_CONTEXT.any_in_clauses(clauses)
        || applications_named
        || (context.applications || heading.applications) && !other_topic
}

/// What a sentence without a number tells of its paragraph: its clauses are
/// split only when a clause-by-clause look could say otherwise than the
/// whole sentence (a word never runs across clauses).
fn sentence_context(sentence: &str, heading: Heading, context: Paragraph) -> Paragraph {
    let mask = char_mask(sentence);
    let other_topic = OTHER_TOPICS.any_masked(sentence, mask);
    let about = if sentence.contains("申请") && (other_topic || has(sentence, &["复议", "诉讼"])) {
        about_applications(sentence, other_topic, &clauses(sentence), heading, context)
    } else {
        // Every word of APPLICATION_CONTEXT holds 申请.
        sentence.contains("申请") || (context.applications || heading.applications) && !other_topic
    };
    Paragraph { applications: context.applications || about, other_topic: context.other_topic || other_topic && !about }
}

impl<'a> Reader<'a> {
    fn new(
        clauses: &'a [Clause<'a>],
        sentence: &'a str,
        year: Option<i64>,
        heading: Heading,
        context: Paragraph,
    ) -> Self {
        let other_topic = OTHER_TOPICS.any_in_clauses(clauses);
        // A word never runs across clauses: the sentence's characters are theirs.
        let mask = clauses.iter().fold(0, |mask, clause| mask | clause.mask);
        let names_appeals = any!(sentence, mask; "行政复议", "行政诉讼");
        let about_applications = about_applications(sentence, other_topic, clauses, heading, context);
        // Outside 主动公开 and other subjects, section 一's counts of
        // handling (受理、办结、结转、予以公开 … 件) are the applications'.
        let loose = !other_topic && !context.other_topic && !heading.proactive;
        Reader { clauses, sentence, mask, year, heading, about_applications, loose, other_topic, names_appeals }
    }

    fn read(&self, mut found: impl FnMut(Quantity, f64, Speaker)) {
        // 占全区总量的三分之一: the sentence speaks of a share, a part.
        let share = any!(self.sentence, self.mask; "占全", "占总", "占比");
        let mut outer = Scope { part: share, ..Scope::default() };
        let mut inner = Scope::default();
        let mut was_bracketed = false;
        // The appeal a result count belongs to: the last one named before it.
        let mut appeal: Option<bool> = None;
        let mut disclosure_named = self.heading.appeals;
        // The 表二 column the sentence is speaking of (本年制发规章 2 件、
        // 行政规范性文件 11 件).
        let mut proactive_column: Option<&'static str> = None;
        // The clause before, and whether it was a list item without a number.
        let mut previous = "";
        let mut previous_bare = false;
        // Who is speaking (in the sentence, outside brackets).
        let mut speaker = Speaker::Body;
        // The 表二 row being spoken of (制发行政规范性文件 3 件，废止 0 件).
        let mut proactive_row: Option<&'static str> = None;
        let all = self.clauses;
        // Only a sentence naming 规章 or 规范性文件 speaks of their counts.
        let proactive_sentence = any!(self.sentence, self.mask; "规章", "规范性文件");
        for (index, clause) in all.iter().enumerate() {
            if clause.bracketed && !was_bracketed {
                inner = outer;
            }
            was_bracketed = clause.bracketed;
            let scope = if clause.bracketed { &mut inner } else { &mut outer };
            let text = clause.text;
            disclosure_named |= APPEAL_CONTEXT.any_masked(text, clause.mask);
            match (
                any!(text, clause.mask; "行政复议"),
                any!(text, clause.mask; "行政诉讼", "被起诉", "被诉", "提起诉讼"),
            ) {
                (true, false) => appeal = Some(true),
                (false, true) => appeal = Some(false),
                _ => {}
            }
            let years = self.years(text, clause.mask);
            if !years.other.is_empty() && !years.carried || any!(text, clause.mask; "目前", "截至发稿", "截至本报告")
            {
                scope.other_year = true;
            } else if years.this {
                scope.other_year = false;
            }
            let named = subject(text, clause.mask);
            match named {
                Some(Subject::Part) => scope.part = true,
                Some(whole) => {
                    scope.part = false;
                    speaker = match whole {
                        Subject::OnBehalf => Speaker::OnBehalf,
                        Subject::Area => Speaker::Area,
                        _ => Speaker::Body,
                    };
                }
                None => {}
            }
            // Another subject than applications (12345 热线工单 1580 件，办结率
            // 100%): what follows in the sentence is about it.
            // The applications named again bring the subject back
            // (办理 12345 热线工单 760 件；受理政府信息公开申请 19 件).
            if OTHER_TOPICS.any_masked(text, clause.mask)
                && !APPLICATION_CONTEXT.any_masked(text, clause.mask)
                && !any!(text, clause.mask; "决定")
            {
                scope.part = true;
            } else if named.is_none() && APPLICATION_CONTEXT.any_masked(text, clause.mask) && !share {
                scope.part = false;
            }
            if clause.after_semicolon {
                scope.breakdown = false;
            }
            if BREAKDOWN.any_masked(text, clause.mask) {
                scope.breakdown = true;
            }
            if proactive_sentence {
                if let Some(column) = proactive_verb(text, clause.mask) {
                    proactive_column = column;
                }
                if let Some(row) = proactive_row_of(text, clause.mask) {
                    proactive_row = row;
                }
            }
            let bare = !text.bytes().any(|b| b.is_ascii_digit());
            let shared = clause.listed && previous_bare;
            let condition = previous.ends_with('的');
            previous = text;
            previous_bare = bare;
            if bare || scope.part || scope.other_year || shared {
                continue;
            }
            let Some((stated, written)) = stated_number(text) else {
                continue;
            };
            // 受理申请 50 件（含上年结转 5 件）counts the carried-over ones in.
            let with_carried = all.get(index + 1).is_some_and(|next| {
                next.bracketed
                    && !clause.bracketed
                    && any!(next.text, next.mask; "含上年", "包括上年", "含结转", "含上一年")
            });
            let facts = Facts {
                text,
                years,
                appeal,
                disclosure_named,
                proactive_column,
                proactive_row,
                condition,
                with_carried,
                mask: clause.mask,
            };
            let Some(quantity) = self.classify(&facts) else {
                continue;
            };
            // After 其中, the parts of the whole that the tables hold are read:
            // outcomes, carried over and forward, the newly received.
            let part_of_whole = match quantity {
                Quantity::Outcome(_)
                | Quantity::AppealOutcome { .. }
                | Quantity::CarriedOver
                | Quantity::CarriedForward
                | Quantity::CompletionRate => true,
                Quantity::Received => any!(text, clause.mask; "新收", "新增"),
                _ => false,
            };
            if scope.breakdown && !part_of_whole {
                continue;
            }
            if !fits(quantity, written) {
                continue;
            }
            found(quantity, stated, speaker);
        }
    }

    fn reads_applications(&self) -> bool {
        self.about_applications || self.loose && !self.names_appeals
    }

    fn years(&self, clause: &str, mask: Mask) -> Years {
        let mut years = Years::default();
        let Some(year) = self.year else {
            return years;
        };
        if !clause.contains('年') {
            return years;
        }
        for y in years_before_nian(clause) {
            if y == year {
                years.this = true;
            } else {
                years.other.push(y);
            }
        }
        let [other] = years.other[..] else {
            return years;
        };
        years.carried = (other == year + 1 && CARRIED_FORWARD.any_masked(clause, mask))
            || (other == year - 1 && CARRIED_OVER.any_masked(clause, mask) && !NEXT_YEAR.any_masked(clause, mask));
        years.next = other == year + 1;
        years
    }

    /// What a clause states a number of, if it is clear.
    fn classify(&self, facts: &Facts<'_>) -> Option<Quantity> {
        let clause = facts.text;
        let each = clause
            .find('各')
            .is_some_and(|at| clause[at + '各'.len_utf8()..].starts_with(|c: char| c.is_ascii_digit()));
        let mut unqualified = without_self(clause, facts.mask);
        // 涉及政府信息公开的 names the subject, not a part of it.
        if any!(clause, facts.mask; "涉及政府信息公开") {
            unqualified = unqualified.replace("涉及政府信息公开", "").into();
        }
        if each || QUALIFIERS.any_masked(&unqualified, facts.mask) {
            return None;
        }
        // 累计 is this year's total when the year is named (全年累计受理).
        if any!(clause, facts.mask; "累计")
            && !(facts.years.this || any!(self.sentence, self.mask; "全年", "本年", "今年", "年度", "12月"))
        {
            return None;
        }
        if EARLIER_YEAR.any_masked(clause, facts.mask) && !CARRIED_OVER.any_masked(clause, facts.mask) {
            return None;
        }
        // Result counts of reviews and lawsuits (其中维持 3 件).
        if facts.disclosure_named {
            if let Some(appeal) = facts.appeal {
                let m = facts.mask;
                let results = [
                    any!(clause, m; "维持"),
                    any!(clause, m; "纠正", "纠错"),
                    any!(clause, m; "其他结果"),
                    any!(clause, m; "尚未审结", "未审结", "审理中"),
                ];
                let named: Vec<usize> = (0..results.len()).filter(|&i| results[i]).collect();
                if let [column] = named[..] {
                    return Some(Quantity::AppealOutcome { review: appeal, column });
                }
                if !named.is_empty() {
                    return None;
                }
            }
        }
        // 表三's outcomes, each against its own row.
        // (Every outcome's words hold 公开, 提供 or 处理: most clauses need
        // not be compared with each.)
        let mut outcomes: Vec<&'static str> = if any!(clause, facts.mask; "公开", "提供", "处理") {
            template::outcomes()
                .filter(|(_, label)| clause.contains(label_words(label.zh)))
                .map(|(key, _)| key)
                .collect()
        } else {
            Vec::new()
        };
        // The other words agencies use for （一）予以公开.
        if any!(clause, facts.mask; "同意公开", "全部公开") && !outcomes.contains(&"granted") {
            outcomes.insert(0, "granted");
        }
        if !outcomes.is_empty() {
            let conditioned = facts.condition || any!(clause, facts.mask; "因", "属于", "由于", "对于", "针对", "鉴于");
            return match outcomes[..] {
                [key] if self.reads_applications() && !self.names_appeals && !conditioned => {
                    Some(Quantity::Outcome(key))
                }
                _ => None,
            };
        }
        if any!(clause, facts.mask; "办结率") {
            let qualified = any!(clause, facts.mask; "满意", "答复率");
            return (self.reads_applications() && !qualified).then_some(Quantity::CompletionRate);
        }
        let review = any!(clause, facts.mask; "行政复议");
        let lawsuit = any!(clause, facts.mask; "行政诉讼", "被起诉", "被诉", "提起诉讼");
        if review || lawsuit {
            return match (review, lawsuit, facts.disclosure_named) {
                (true, false, true) => Some(Quantity::Reviews),
                (false, true, true) => Some(Quantity::Lawsuits),
                _ => None,
            };
        }
        if let Some(quantity) = proactive(clause, facts.mask, facts.proactive_column, facts.proactive_row) {
            return quantity;
        }
        if !self.reads_applications() {
            return None;
        }
        let answered = ANSWERED.any_masked(clause, facts.mask);
        let received = any!(clause, facts.mask; "受理", "新收", "收到", "接收", "共收", "收悉", "提出", "新增", "申请数量", "申请量");
        let over = CARRIED_OVER.any_masked(clause, facts.mask)
            && (EARLIER_YEAR.any_masked(clause, facts.mask) || facts.years.carried && !facts.years.next);
        if over {
            // 上年结转的 2 件已全部办结: the count is the carried-over one;
            // 办结上年结转申请 2 件 may be some of them only.
            let count_first = ANSWERED
                .iter()
                .filter_map(|w| clause.find(w))
                .min()
                .is_none_or(|at| clause[..at].bytes().any(|b| b.is_ascii_digit()));
            return count_first.then_some(Quantity::CarriedOver);
        }
        let forward = CARRIED_FORWARD.any_masked(clause, facts.mask)
            && (NEXT_YEAR.any_masked(clause, facts.mask) || facts.years.carried && facts.years.next);
        if forward {
            return Some(Quantity::CarriedForward);
        }
        if CARRIED_OVER.any_masked(clause, facts.mask) || CARRIED_FORWARD.any_masked(clause, facts.mask) {
            return None;
        }
        if answered && !received {
            return Some(Quantity::Answered);
        }
        if received && !answered {
            let with_carried =
                facts.with_carried || any!(clause, facts.mask; "含上年", "包括上年", "含结转", "含上一年");
            return Some(if with_carried { Quantity::ReceivedWithCarriedOver } else { Quantity::Received });
        }
        None
    }
}

/// Who a clause names as speaking.
#[derive(Clone, Copy)]
enum Subject {
    /// The agency itself.
    Whole,
    /// Its whole area.
    Area,
    /// An office on the government's behalf.
    OnBehalf,
    Part,
}

fn subject(clause: &str, mask: Mask) -> Option<Subject> {
    // An office acting on behalf of its government or agency speaks for the
    // whole (区政府办代表区政府受理…): what stands before 代表 is not read.
    // (The clause's mask holds the characters of any part of it.)
    if !any!(clause, mask; "代表") && !any!(clause, mask; "其中") {
        // Neither acting nor a breakdown: only the lists below can tell.
        let whole = WHOLE.any_masked(clause, mask);
        let rest = if whole { without_self(clause, mask) } else { clause.into() };
        if SUB_UNITS.any_masked(&rest, mask) || APPLICANTS.any_masked(&rest, mask) {
            return Some(Subject::Part);
        }
        if AREA.any_masked(clause, mask) {
            return Some(Subject::Area);
        }
        return WHOLE.any_masked(clause, mask).then_some(Subject::Whole);
    }
    if let Some(at) = clause.find("代表") {
        let before = &clause[..at];
        let after = &clause[at + "代表".len()..];
        let acting = !has(before, &["人大", "政协", "党"])
            && after.chars().take(8).collect::<String>().contains(['政', '局', '委', '厅']);
        if acting {
            return Some(match subject(after, char_mask(after)) {
                Some(Subject::Part) => Subject::Part,
                _ => Subject::OnBehalf,
            });
        }
    }
    let rest = without_self(clause, mask);
    // 其中区住房和城乡建设局结转 2 件: a body named after 其中 is a part.
    if let Some(at) = rest.find("其中") {
        let after = &rest[at + "其中".len()..];
        let name = after.split(|c: char| c.is_ascii_digit()).next().unwrap_or("");
        const BODIES: [&str; 14] =
            ["局", "委员会", "委", "办", "厅", "院", "中心", "所", "站", "队", "公司", "镇", "乡", "街道"];
        if has(name, &BODIES) && !has(name, &["申请", "行政复议", "行政诉讼", "信息公开"]) {
            return Some(Subject::Part);
        }
    }
    if SUB_UNITS.any_masked(&rest, mask) || APPLICANTS.any_masked(&rest, mask) {
        return Some(Subject::Part);
    }
    if AREA.any_masked(clause, mask) {
        return Some(Subject::Area);
    }
    WHOLE.any_masked(clause, mask).then_some(Subject::Whole)
}

// One kind of applicant: 表三's applicant columns (a test checks them against
// the template), and the short names agencies use.
lexicon!(
    APPLICANTS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "法人或其他组织", "法人", "企业"]
);

// How an aggregated report names its whole area.
lexicon!(AREA = ["全区", "全市", "全县", "全省", "全旗", "全州", "全盟", "全镇", "全乡", "全街道"]);

/// The clause without the agency's names for itself (本部门 holds 部门).
fn without_self(clause: &str, present: Mask) -> std::borrow::Cow<'_, str> {
    if !WHOLE.any_masked(clause, present) {
        return clause.into();
    }
    let mut rest = clause.to_string();
    for (word, &mask) in WHOLE.list.iter().zip(WHOLE.masks) {
        if mask & !present == 0 && rest.contains(word) {
            rest = rest.replace(word, "");
        }
    }
    rest.into()
}

/// The years a clause names, against the report's year.
#[derive(Default)]
struct Years {
    /// The report's year is named.
    this: bool,
    other: Vec<i64>,
    /// The one other year is where applications were carried from or to.
    carried: bool,
    /// That year is the next one.
    next: bool,
}

struct Facts<'a> {
    text: &'a str,
    years: Years,
    appeal: Option<bool>,
    disclosure_named: bool,
    proactive_column: Option<&'static str>,
    proactive_row: Option<&'static str>,
    /// The clause before ends with 的: this one is under a condition.
    condition: bool,
    /// A bracket after the clause says its count includes the carried-over.
    with_carried: bool,
    /// The characters of the clause, for [`Words`].
    mask: Mask,
}

/// The 表二 column a clause's verb names: `Some(Some(column))`, or
/// `Some(None)` when it names several or one the table does not hold
/// (修订), `None` when it names none.
fn proactive_verb(clause: &str, mask: Mask) -> Option<Option<&'static str>> {
    let verbs = [
        ("issued", any!(clause, mask; "制发", "印发", "出台", "制定", "发布")),
        ("repealed", any!(clause, mask; "废止", "废除")),
        ("in_force", any!(clause, mask; "现行有效")),
    ];
    let named: Vec<&str> = verbs.iter().filter(|(_, named)| *named).map(|(c, _)| *c).collect();
    let other =
        any!(clause, mask; "修改", "修订", "修正", "起草", "审核", "备案", "审查", "清理", "评估", "公开", "公布");
    match named[..] {
        [] if other => Some(None),
        [] => None,
        [column] if !other || column == "in_force" => Some(Some(column)),
        _ => Some(None),
    }
}

/// A 表二 statement: `Some(Some(quantity))`, `Some(None)` when the clause is
/// about 表二 but not clearly one cell, `None` when it is not about 表二.
fn proactive(
    clause: &str,
    mask: Mask,
    column: Option<&'static str>,
    row: Option<&'static str>,
) -> Option<Option<Quantity>> {
    if any!(clause, mask; "规章", "规范性文件") || row.is_some() && proactive_verb(clause, mask).is_some() {
        let (Some(row), Some(column)) = (row, column) else { return Some(None) };
        if any!(clause, mask; "失效") {
            return Some(None);
        }
        return Some(Some(Quantity::Proactive { row, column }));
    }
    const DECISIONS: [(&str, &str); 3] =
        [("licensing", "行政许可"), ("punishment", "行政处罚"), ("coercion", "行政强制")];
    if !any!(clause, mask; "行政许可", "行政处罚", "行政强制", "行政事业性收费") {
        return None;
    }
    let named: Vec<&str> = DECISIONS.iter().filter(|(_, w)| clause.contains(w)).map(|(r, _)| *r).collect();
    if !named.is_empty() {
        let decided = any!(clause, mask; "作出", "办结", "决定", "实施");
        let other = any!(
            clause, mask;
            "公开", "公示", "公布", "发布", "受理", "申请", "事项", "信息", "案卷", "清单", "听证", "撤销", "复议", "诉讼",
        );
        return Some(match named[..] {
            [row] if decided && !other => Some(Quantity::Proactive { row, column: "decisions" }),
            _ => None,
        });
    }
    if any!(clause, mask; "行政事业性收费") {
        let other = any!(clause, mask; "信息处理费", "减免", "免收", "免征", "减少", "退还", "清理");
        return Some((!other).then_some(Quantity::Proactive { row: "fees", column: "amount" }));
    }
    None
}

/// The 表二 row a clause names: `Some(Some(row))`, `Some(None)` when it
/// names both, `None` when neither.
fn proactive_row_of(clause: &str, mask: Mask) -> Option<Option<&'static str>> {
    let regulations = any!(clause, mask; "规章") && !any!(clause, mask; "规章制度");
    let documents = any!(clause, mask; "规范性文件");
    match (regulations, documents) {
        (true, false) => Some(Some("regulations")),
        (false, true) => Some(Some("normative_documents")),
        (true, true) => Some(None),
        (false, false) => None,
    }
}

/// Whether a number written in this unit can be of this quantity.
fn fits(quantity: Quantity, written: Written) -> bool {
    match quantity.unit() {
        Unit::Percent => written == Written::Percent,
        Unit::TenThousandYuan => written == Written::Wanyuan,
        Unit::Count => match quantity {
            Quantity::Reviews
            | Quantity::Lawsuits
            | Quantity::AppealOutcome { .. }
            | Quantity::Proactive { row: "punishment" | "coercion", .. } => {
                matches!(written, Written::Jian | Written::Qi)
            }
            _ => written == Written::Jian,
        },
    }
}

/// The one number of a clause with its unit; `None` when there is none or
/// more than one (a date's numbers aside), or when it has another unit.
fn stated_number(clause: &str) -> Option<(f64, Written)> {
    let mut found = None;
    let mut rest = clause;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        let (number, len) = leading_number(&rest[start..])?;
        let after = &rest[start + len..];
        rest = after;
        if after.starts_with(['年', '月', '日', '时', '号']) {
            // A date: the year has been looked at already; it is not a count.
            continue;
        }
        if after.starts_with(['余', '多']) {
            // 30 余件, 20 多件: an estimate.
            return None;
        }
        let written = if after.starts_with('件') && !after.starts_with("件次") {
            Written::Jian
        } else if after.starts_with('起') && !after.starts_with("起诉") {
            Written::Qi
        } else if after.starts_with('%') {
            Written::Percent
        } else if after.starts_with("万元") {
            Written::Wanyuan
        } else {
            return None;
        };
        if found.is_some() {
            return None;
        }
        found = Some((number, written));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::{APPLICANT_COLUMNS, ORGANISATIONS_HEADER};

    fn quantities(text: &str) -> Vec<(Quantity, f64)> {
        statements(text, Some(2024)).into_iter().map(|s| (s.quantity, s.stated)).collect()
    }

    // The byte scanners against the plain char-by-char reading they
    // replace, on strings of the characters they care about and their
    // neighbours in UTF-8.
    fn counts_something_by_chars(sentence: &str) -> bool {
        let mut after_digit = false;
        let mut chars = sentence.chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_ascii_digit() || ('０'..='９').contains(&c) {
                after_digit = true;
                continue;
            }
            if after_digit {
                match c {
                    '件' | '起' | '%' | '％' => return true,
                    '万' if chars.peek() == Some(&'元') => return true,
                    ' ' | '\u{3000}' | '.' | ',' | '．' => continue,
                    _ => {}
                }
            }
            after_digit = false;
        }
        false
    }

    proptest::proptest! {
        #[test]
        fn byte_scanners_read_as_chars_do(picks in proptest::collection::vec(0usize..40, 0..30)) {
            const ALPHABET: [&str; 40] = [
                "1", "0", "９", "０", "：", "件", "起", "%", "％", "万", "元", "万元", " ", "\u{3000}", ".", ",", "．",
                "。", "！", "？", "!", "?", "，", "、", "伴", "赴", "亿", "ｉ", "Ｚ", "＂", "〃", "ｂ", "ｃ", "\u{3001}",
                "一", "申请", "年", "a", "\u{FF5F}", "\u{3003}",
            ];
            let text: String = picks.iter().map(|&i| ALPHABET[i]).collect();
            proptest::prop_assert_eq!(counts_something(&text), counts_something_by_chars(&text), "{}", text);
            let by_chars: Vec<&str> =
                text.split(['。', '！', '？', '!', '?']).map(str::trim).filter(|s| !s.is_empty()).collect();
            proptest::prop_assert_eq!(sentences(&text).collect::<Vec<_>>(), by_chars, "{}", text);
        }
    }

    #[test]
    fn recognises_the_usual_phrasings() {
        assert_eq!(
            quantities("2024 年，济源高新区共受理政府信息依申请公开 1 件，已按期办结，办结率 100%。"),
            [(Quantity::Received, 1.0), (Quantity::CompletionRate, 100.0)]
        );
        assert_eq!(
            quantities("2024 年，全市共受理政府信息公开申请 3,119 件，答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复），均在法定期限内予以答复。"),
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
    fn the_applicant_words_hold_the_template_columns() {
        for column in &APPLICANT_COLUMNS[..TOTAL_COLUMN] {
            let label = column.label.zh;
            assert!(label.chars().count() < 3 || APPLICANTS.iter().any(|w| *w == label), "{label}");
        }
        assert!(APPLICANTS.iter().any(|w| *w == ORGANISATIONS_HEADER.zh));
    }

    #[test]
    fn leaves_alone_what_it_cannot_tie() {
        for text in [
            "受理各类群众来信来访 56 件。",
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
