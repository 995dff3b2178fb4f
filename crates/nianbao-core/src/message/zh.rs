//! Every Chinese word of findings: their sentences, and the words around
//! them (`Zh`, laid out by `vocabulary.rs`).

use super::vocabulary::Words;
use super::{block_of, first_pointer, number as n, number_rounded, outcome_label, part, place};
use crate::diagnostic::{Detail, Diagnostic, ExpectedType, Found, Quantity, Rule, Unit, Unreadable};
use crate::diagnostic::{Severity, Status};
use crate::encoding::Encoding;
use crate::json::{Expected, SyntaxErrorKind, TypeName, MAX_DEPTH};
use crate::template::proactive_place;
use crate::template::{
    first_clause, section, Lang, OtherShape, RowRole, Template, APPEAL_BLOCKS, APPEAL_COLUMNS, APPLICANT_COLUMNS,
    LITIGATION_HEADER, OTHER,
};

const ZH: Lang = Lang::Zh;

/// The files a batch export left out (`shown` of `n`).
pub(super) fn left_out(shown: &[String], n: usize) -> String {
    let more = if n > shown.len() { format!("等 {n} 份") } else { String::new() };
    format!(
        "导出的结果不含 {n} 份文件的检查结果：{}{more}。这些文件选择之后已无法读取（可能被移动、删除或改名），请重新选择它们后再导出。",
        shown.join("、")
    )
}

/// A pointer that is neither a cell, a row nor a section.
pub(super) fn field_place(pointer: &str) -> String {
    if pointer.is_empty() {
        "整个文件".into()
    } else {
        format!("字段 {pointer}")
    }
}

pub(super) fn message(d: &Diagnostic, template: Template) -> String {
    let p0 = first_pointer(d);
    let here = place(template, p0, ZH);
    let shape = template.other_shape();
    let total_row = shape.short_label(RowRole::ResultsTotal);
    match &d.detail {
        Detail::Unreadable(Unreadable::Encoding(encoding)) => match encoding {
            Encoding::Gbk => encoding_message("GBK（国标）编码"),
            Encoding::Utf16Le | Encoding::Utf16Be => encoding_message("UTF-16 编码"),
            Encoding::Unknown => {
                "文件不是 UTF-8 文本（可能是二进制文件或损坏的文件）。请确认打开的是报告的 JSON 文件。".into()
            }
        },
        Detail::Unreadable(Unreadable::Syntax(kind)) => syntax_message(kind),
        Detail::FormatUnsupported { found } => match found {
            None => "缺少 \"format\" 字段：文件应以 \"format\": \"zfxxgk-annual-report/1\" 声明格式。请确认这是年报数据文件。".into(),
            Some(f) => format!("不支持的格式 {f}：本工具读取 \"zfxxgk-annual-report/1\"。以下检查按该格式进行，结果可能不准确。"),
        },
        Detail::TemplateUnknown { found, assumed } => {
            let found = found.as_deref().unwrap_or("（缺少）");
            format!("模板 {found} 无法识别：\"template\" 应为 \"2019\" 或 \"2021\"。根据表格内容按 {} 版模板检查，请补上正确的模板。", assumed.code())
        }
        Detail::FieldMissing => format!("缺少{here}。请补上（没有发生的事项填 0，不要留空）。"),
        Detail::FieldType { expected, found } => {
            let expected_text = expected_text(*expected);
            let found_text = match found {
                Found::Type(t) => type_text(*t).to_string(),
                Found::HugeNumber(raw) => format!("过大的数 {raw}（超出可精确表示的范围）"),
                Found::Value(v) => format!("“{v}”"),
            };
            format!("{here}应为{expected_text}，实际是{found_text}。")
        }
        Detail::FieldDuplicate { first, last, first_line, last_line } => {
            format!("{here}出现了两次（第 {first_line} 行为 {first}，第 {last_line} 行为 {last}），按后一个值 {last} 读取。请删去多余的一个。")
        }
        Detail::FieldUnknown => format!("{here}不是本格式定义的字段，已原样保留，导出时写回。如是拼写错误请更正。"),
        Detail::CellBlank => {
            format!("{here}为空白，空白不计为 0，与它有关的合计检查已跳过。请填数，没有发生的填 0。")
        }
        Detail::CellText { text } => {
            format!("{here}填的是文字“{text}”而不是数字，与它有关的合计检查已跳过。请改为数字（没有发生的填 0，金额去掉单位）。")
        }
        Detail::CellNumber { value } => match d.rule {
            Rule::CellNegative => format!("{here}为负数 {}，件数和金额不能为负。请核对。", n(*value)),
            _ => format!("{here}为 {}，件数应为整数。请核对。", n(*value)),
        },
        Detail::Sum { values } => {
            // One sentence: the cell, what it says, the sum and the
            // difference; the addends are the calculation's (explain.rs).
            let (total, sum) = (n(values[0]), n(values[1..].iter().sum()));
            let diff = n((values[0] - values[1..].iter().sum::<f64>()).abs());
            match d.rule {
                Rule::T3RowTotal => format!("总计填 {total}，六类申请人之和 {sum}，相差 {diff}。请核对这一行的总计和各列。"),
                Rule::T3ResultsTotal => format!("{total_row}填 {total}，（一）至（六）各项之和 {sum}，相差 {diff}。每件申请只计一种结果，请核对这一列。"),
                _ => format!("{}总计填 {total}，各项结果之和 {sum}，相差 {diff}。请核对这一行的总计和各项结果。", block_of(p0, ZH)),
            }
        }
        Detail::Balance { column, received, carried_over, results_total, carried_forward } => {
            // RULES.md's own example: the template's printed relation, its
            // four numbers and the two sums.
            let c = APPLICANT_COLUMNS[*column].label.zh;
            let received_label = shape.short_label(RowRole::Received);
            let carried_over_label = shape.short_label(RowRole::CarriedOver);
            format!(
                "{c}一列：{received_label} {} + {carried_over_label} {} = {}，但{total_row} {} + 四、结转下年度 {} = {}。请核对这一列。",
                n(*received), n(*carried_over), n(received + carried_over), n(*results_total), n(*carried_forward),
                n(results_total + carried_forward)
            )
        }
        Detail::InForce { in_force, issued, repealed, previous_in_force, .. } => match previous_in_force {
            None => format!("现行有效填 {}，少于本年制发减废止的 {}，相差 {}。本年制发且未废止的文件都应现行有效，请核对这三个数。", n(*in_force), n(issued - repealed), n(issued - repealed - in_force)),
            Some(prev) => {
                let expected = prev + issued - repealed;
                format!("现行有效填 {}，上年现行有效加本年制发减废止为 {}，相差 {}。如有清理往年文件属正常，否则请核对。", n(*in_force), n(expected), n((expected - in_force).abs()))
            }
        },
        Detail::YearRange { year, current_year } => {
            if *year < 2019 {
                format!("报告年度 {year} 早于 2019 年，当时还没有这套统计表格式。请核对年度。")
            } else {
                format!("报告年度 {year} 晚于当前年份 {current_year}。请核对年度。")
            }
        }
        Detail::TemplateYear { year, template } => {
            let right_template = Template::for_year(*year);
            let (right, letter) = (right_template.code(), right_template.letter());
            format!("{year} 年度的报告应使用 {right} 版模板（{letter}），但本报告使用 {} 版。请按 {right} 版模板重新填报表格。", template.code())
        }
        Detail::TemplateMixed { template } => match template {
            Template::T2021 => {
                let items: Vec<&str> = OtherShape::Split.other_rows().map(|r| first_clause(r.label.zh)).collect();
                format!("{}只填了一行（2019 版模板的样式）。2021 版模板将其分为 {} 三项，请分项填报。", OTHER.label.zh, items.join("、"))
            }
            Template::T2019 => format!("本报告使用 2019 版模板，但{}按 2021 版分成了三项。请统一使用同一版模板。", OTHER.label.zh),
        },
        Detail::TitleNoYear => "标题中没有写明报告年度。请在标题中注明年度，如“2024 年政府信息公开工作年度报告”。".into(),
        Detail::TitleOtherYear { stated, year } => {
            format!("标题写的是 {stated} 年，但报告年度为 {year} 年，是否沿用了往年的标题？请核对。")
        }
        Detail::PeriodWrong { stated } => {
            format!("{}所写的统计期限不是报告年度的 1 月 1 日至 12 月 31 日：“{stated}”。请核对。", part("overview").short.zh)
        }
        Detail::PublishedLate { published, deadline } => format!("发布日期 {published} 晚于该类报告的公布期限 {deadline}。"),
        Detail::SectionEmpty { section: key, text } => {
            let heading = section(key).map_or(*key, |s| s.heading.zh);
            let shown = if text.is_empty() { "空白".to_string() } else { format!("“{text}”") };
            format!("{heading}内容为{shown}，没有实际内容。模板要求如实填写，请补充。")
        }
        Detail::FeeNotReported => format!("{}没有提到信息处理费。2021 版模板要求在此报告本年度收取信息处理费的情况，未收取也应写明“未收取信息处理费”。", part("other").short.zh),
        Detail::OtherProcessingHigh { other, total } => {
            let share = 100.0 * other / total;
            format!("{}共 {} 件，占{total_row} {} 件的 {}%，比例偏高。请核对是否有应归入（一）至（五）的申请。", OTHER.label.zh, n(*other), n(*total), n(share.round()))
        }
        Detail::TextTableMismatch { sentence, stated, table, quantity } => {
            let percent = &(quantity.unit() == Unit::Percent);
            let what = quantity_text(*quantity);
            let unit = match quantity.unit() {
                Unit::Count => " 件",
                Unit::Percent => "%",
                Unit::TenThousandYuan => " 万元",
            };
            format!("{}写道“{sentence}”，其中{what}为 {}{unit}，但{}中为 {}{unit}。请核对文字或表格。", part("overview").short.zh, n(*stated), part(quantity.table()).short.zh, number_rounded(*table, *percent))
        }
        Detail::CarryOver { column, carried_over, previous_carried_forward, previous_year } => {
            let c = APPLICANT_COLUMNS[*column].label.zh;
            let last = last_year(*previous_year);
            format!("{c}一列：本年“{}”填 {}，{last}报告的“{}”为 {}，相差 {}。两者应相等，请核对。", shape.short_label(RowRole::CarriedOver), n(*carried_over), shape.short_label(RowRole::CarriedForward), n(*previous_carried_forward), n((carried_over - previous_carried_forward).abs()))
        }
        Detail::AgencyMismatch { agency, previous } => {
            format!("两份报告的机关名称不同：本年为“{agency}”，上年为“{previous}”。请确认是同一机关的报告。")
        }
        Detail::YearGap { year, previous } => {
            format!("作为上年报告载入的是 {previous} 年度报告，而本报告是 {year} 年度，应与 {} 年度比较。跨年检查结果可能不准确。", year - 1)
        }
        Detail::ProblemsRepeated { repeated, sentences, previous_year } => {
            let last = last_year(*previous_year);
            format!("{} {sentences} 句中有 {repeated} 句与{last}报告原文相同。模板要求如实反映本年问题和改进，避免年年雷同。", part("problems").short.zh)
        }
        Detail::CopiedPrevious { tables, overview, previous_year } => {
            let last = last_year(*previous_year);
            let mut same = Vec::new();
            if *tables {
                same.push(format!("{}和{}的每一格数字都与{last}报告相同", part("applications").short.zh, part("appeals").short.zh));
            }
            if let Some((repeated, of)) = overview {
                same.push(format!("{} {of} 句中有 {repeated} 句与{last}报告原文相同", part("overview").short.zh));
            }
            format!("本报告{}，是否沿用了{last}的报告？请核对本年度的数据和文字是否如实填报。", same.join("，"))
        }
        Detail::AggregateSum { parent, sum, included } => {
            let names = included.join("、");
            format!("{here}：本级汇总为 {}，但所载 {} 份下级报告之和为 {}（{names}），相差 {}。请核对是否漏报或多报了单位。", n(*parent), included.len(), n(*sum), n((parent - sum).abs()))
        }
    }
}

fn encoding_message(name: &str) -> String {
    format!("文件不是 UTF-8 编码，看起来是 {name}。请用记事本或其他编辑器“另存为”UTF-8 编码后再打开。")
}

/// Last year's report, by its year when known: “2023 年”, or “上年”.
fn last_year(year: Option<i64>) -> String {
    year.map_or_else(|| "上年".to_string(), |y| format!("{y} 年"))
}

fn quantity_text(quantity: Quantity) -> String {
    let text = match quantity {
        Quantity::Received => "本年新收申请数",
        Quantity::ReceivedWithCarriedOver => "受理申请数（含上年结转）",
        Quantity::CarriedOver => "上年结转申请数",
        Quantity::Answered => "办结（答复）申请数",
        Quantity::CarriedForward => "结转下年度申请数",
        Quantity::Reviews => return format!("{}案件数", APPEAL_BLOCKS[0].label.zh),
        Quantity::Lawsuits => return format!("{}案件数", LITIGATION_HEADER.zh),
        Quantity::CompletionRate => "办结率",
        Quantity::Outcome(key) => return format!("“{}”数", outcome_label(key).zh),
        Quantity::Proactive { row, column } => {
            let Some((row, column)) = proactive_place(row, column) else { return String::new() };
            return format!("{}“{}”", row.label.zh, column.label.zh);
        }
        Quantity::AppealOutcome { review, column } => {
            let outcome = APPEAL_COLUMNS[column].label.zh;
            let appeal = if review { APPEAL_BLOCKS[0].label.zh } else { LITIGATION_HEADER.zh };
            return format!("{appeal}{outcome}数");
        }
    };
    text.to_string()
}

fn expected_text(expected: ExpectedType) -> &'static str {
    match expected {
        ExpectedType::Object => "对象（{…}）",
        ExpectedType::Array => "数组（[…]）",
        ExpectedType::String => "文字",
        ExpectedType::Cell => "数字（或 null 表示空白）",
        ExpectedType::Year => "整数年份（如 2024）",
        ExpectedType::Kind => "department、township、county、prefecture 或 province 之一",
        ExpectedType::Date => "日期，格式为 YYYY-MM-DD（如 2025-01-20）",
        ExpectedType::AnnotationStatus => "\"dismissed\" 或 \"confirmed\"",
    }
}

fn type_text(t: TypeName) -> &'static str {
    match t {
        TypeName::Null => "null（空）",
        TypeName::Bool => "true/false",
        TypeName::Number => "数字",
        TypeName::String => "文字",
        TypeName::Array => "数组",
        TypeName::Object => "对象",
    }
}

fn syntax_message(kind: &SyntaxErrorKind) -> String {
    let what = match kind {
        SyntaxErrorKind::Empty => "文件是空的".to_string(),
        SyntaxErrorKind::UnexpectedEnd => "文件在此意外结束（可能缺少 } 或 ]，或文件不完整）".to_string(),
        SyntaxErrorKind::Unexpected { found, expected } => {
            let want = match expected {
                Expected::Value => "一个值（数字、文字、null、{ 或 [）",
                Expected::CommaOrCloseObject => "逗号 , 或 }",
                Expected::CommaOrCloseArray => "逗号 , 或 ]",
                Expected::Colon => "冒号 :",
                Expected::Key => "用英文双引号括起的字段名",
            };
            let hint = match found {
                '，' | '：' | '“' | '”' => "（这里用了中文标点，JSON 的标点须是英文半角）",
                '\'' => "（JSON 的文字须用英文双引号）",
                _ => "",
            };
            format!("此处应为{want}，却是“{found}”{hint}")
        }
        SyntaxErrorKind::TrailingCharacters => "JSON 内容在此之前已结束，后面还有多余的内容".to_string(),
        SyntaxErrorKind::InvalidNumber => "数字写法不正确".to_string(),
        SyntaxErrorKind::InvalidEscape => "文字中的反斜杠 \\ 转义不正确".to_string(),
        SyntaxErrorKind::ControlCharacterInString => "文字中有未转义的换行或控制字符".to_string(),
        SyntaxErrorKind::LoneSurrogate => "文字中的 \\u 转义不成对（不是有效字符）".to_string(),
        SyntaxErrorKind::TooDeep => format!("嵌套超过 {MAX_DEPTH} 层，不是年报数据"),
    };
    format!("文件不是有效的 JSON：{what}。请在所示行列处修改。")
}

/// The words around findings, in Chinese (see `vocabulary.rs`).
pub(super) struct Zh;

impl Words for Zh {
    fn severity(&self, severity: Severity) -> &'static str {
        match severity {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
    fn severity_heading(&self, severity: Severity) -> &'static str {
        self.severity(severity)
    }
    fn count_unit(&self, severity: Severity, _one: bool) -> &'static str {
        match severity {
            Severity::Error => "个错误",
            Severity::Warning => "个警告",
            Severity::Info => "条提示",
        }
    }
    fn status(&self, status: Status) -> &'static str {
        match status {
            Status::Dismissed => "已排除",
            Status::Confirmed => "已确认",
        }
    }
    fn colon(&self) -> &'static str {
        "："
    }
    fn comma(&self) -> &'static str {
        "，"
    }
    fn brackets(&self) -> (&'static str, &'static str) {
        ("（", "）")
    }
    fn dismissed(&self, n: usize) -> String {
        format!("{n} 条已排除")
    }
    fn position(&self, line: u32, column: u32) -> String {
        format!("第 {line} 行第 {column} 列")
    }
    fn checks(&self, run: usize, skipped: usize) -> String {
        format!("共运行 {run} 项检查，跳过 {skipped} 项")
    }
    fn checks_in_line(&self, run: usize, skipped: usize) -> String {
        format!("运行 {run} 项检查，跳过 {skipped} 项")
    }
    fn skipped_reason(&self) -> &'static str {
        "（所需的数据空白、不是数字或没有提供）"
    }
    fn no_problems(&self) -> &'static str {
        "✓ 未发现问题"
    }
    fn all_passed(&self, run: usize) -> String {
        format!("全部 {run} 项检查均已通过，表格的勾稽关系成立，文字与表格一致。")
    }
    fn files(&self, files: usize, with_errors: usize) -> String {
        format!("共检查 {files} 个文件，其中 {with_errors} 个有错误。")
    }
    fn aggregate(&self, parent: &str, included: &[String], differences: usize) -> String {
        format!(
            "“{parent}”的汇总数与所载 {} 份下级报告之和比较（{}）：{differences} 处不一致。",
            included.len(),
            included.join("、")
        )
    }
    fn aggregate_line(&self, place: &str, parent: &str, sum: &str, difference: &str) -> String {
        format!("{place}：本级汇总 {parent}，下级之和 {sum}，相差 {difference}")
    }
    fn years(&self, years: usize) -> String {
        format!("同一机关的 {years} 个年度：逐年对照（各年均已与上一年核对）")
    }
    fn repeated(&self, rule: crate::diagnostic::Rule, part: &str, n: usize) -> String {
        use crate::diagnostic::Rule;
        match rule {
            Rule::CellBlank => format!("{part}有 {n} 个空白格"),
            Rule::CellText => format!("{part}有 {n} 格填的不是数字"),
            Rule::AggregateSum => format!("{part}有 {n} 格与下级报告之和不一致"),
            _ => format!("{part}：{n} 条同类问题"),
        }
    }
    fn ready(&self) -> &'static str {
        "可以发布：没有错误，警告均已处理"
    }
    fn before_publishing(&self) -> &'static str {
        "发布前还需处理："
    }
    fn blocking_errors(&self, n: usize) -> String {
        format!("{n} 个错误")
    }
    fn unsettled_warnings(&self, n: usize) -> String {
        format!("{n} 条未处理的警告")
    }
    fn mostly_unchecked(&self) -> &'static str {
        "多数检查未能运行"
    }
    fn mostly_unchecked_note(&self) -> &'static str {
        "：所需的数据多半空白、不是数字或没有提供，以下数目只是能运行的检查的结果，不说明报告没有问题"
    }
    fn to_fill(&self, total: usize, tables: &[(&str, usize)]) -> String {
        let each: Vec<String> = tables.iter().map(|(table, n)| format!("{table} {n} 格")).collect();
        format!("还有 {total} 格待填：{}", each.join("，"))
    }
}

// The words of filling a table (`crate::sheet`): free functions, not
// `Words`, so that the viewer, which never edits, does not carry them.

pub(super) fn paste_refused(o: &crate::sheet::Overflow) -> String {
    let fit = if o.fit == 0 { "一个也放不下".to_string() } else { format!("只放得下其中 {} 个", o.fit) };
    format!(
        "粘贴的内容有 {} 行 {} 列（{} 个单元格），从所选单元格起本表{fit}，因此没有粘贴任何内容。请选择更靠左或靠上的单元格，或少复制几行几列。",
        o.rows, o.columns, o.cells
    )
}

pub(super) fn stored_as_text() -> &'static str {
    "将保存为文字，不是数字"
}

// The words of a batch: free functions, so that the viewer does not carry them.

pub(super) fn verdict(verdict: crate::batch::Verdict) -> &'static str {
    use crate::batch::Verdict;
    match verdict {
        Verdict::Unread => "无法读取",
        Verdict::MostlyUnchecked => "多数检查未能运行",
        Verdict::Errors => "有错误",
        Verdict::Warnings => "有警告",
        Verdict::Clean => "无错误和警告",
    }
}

pub(super) fn part_word(part: crate::batch::Part) -> &'static str {
    match part {
        crate::batch::Part::Text => "文字",
        _ => "其他",
    }
}

pub(super) fn totals(t: &crate::batch::Totals) -> String {
    format!(
        "共 {} 个错误、{} 个警告；{} 份有错误，{} 份多数检查未能运行，{} 份无法读取，{} 份无错误和警告",
        t.errors, t.warnings, t.with_errors, t.mostly_unchecked, t.unread, t.clean
    )
}
