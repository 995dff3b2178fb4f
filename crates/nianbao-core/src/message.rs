//! The words of every finding, in Chinese and English, made in one place.
//!
//! Messages are for 政务公开 staff: they say what is wrong with the numbers
//! and the printed labels (“（七）总计”, “自然人”), and what to check.

mod vocabulary;
pub use vocabulary::*;

use crate::diagnostic::{Detail, Diagnostic, ExpectedType, Found, Quantity, Rule, Unreadable};
use crate::encoding::Encoding;
use crate::json::{Expected, SyntaxErrorKind, TypeName, MAX_DEPTH};
use crate::template::{cell_place, row_place, section, Lang, Template, APPEAL_COLUMNS, APPLICANT_COLUMNS};

/// A number as people write it: integers without a fraction, others with up
/// to six decimals and no trailing zeros (`7730.28`, `-0.5`); see
/// [`crate::decimal::write`].
pub fn number(value: f64) -> String {
    crate::decimal::write(value)
}

/// The printed place of a pointer: a cell (“表三「（七）总计」·「自然人」”),
/// a section, or the key itself.
pub fn place(template: Template, pointer: &str, lang: Lang) -> String {
    if let Some(place) = cell_place(template, pointer, lang) {
        return place.describe(lang);
    }
    if let Some(row) = row_place(template, pointer, lang) {
        return row;
    }
    let key = pointer.trim_start_matches('/');
    if let Some(section) = section(key) {
        return section.heading.get(lang).to_string();
    }
    match (pointer, lang) {
        ("", Lang::Zh) => "整个文件".into(),
        ("", Lang::En) => "the whole document".into(),
        (_, Lang::Zh) => format!("字段 {pointer}"),
        (_, Lang::En) => format!("field {pointer}"),
    }
}

/// The message of a finding in `lang`. `template` is the report's (for the
/// printed labels of its cells).
pub fn message(d: &Diagnostic, template: Template, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let p0 = d.pointers.first().map(String::as_str).unwrap_or("");
    let here = place(template, p0, lang);
    // The name of an addend: its column in a row sum, its row in a column sum.
    let label = |i: usize| {
        let place = d.pointers.get(i).and_then(|p| cell_place(template, p, lang));
        place.map(|p| if d.rule == Rule::T3ResultsTotal { p.row } else { p.column }).unwrap_or_default()
    };
    let n = number;
    match &d.detail {
        Detail::Unreadable(Unreadable::Encoding(encoding)) => {
            let (name_zh, name_en) = match encoding {
                Encoding::Gbk => ("GBK（国标）编码", "GBK"),
                Encoding::Utf16Le | Encoding::Utf16Be => ("UTF-16 编码", "UTF-16"),
                Encoding::Unknown => ("", ""),
            };
            match (zh, name_zh.is_empty()) {
                (true, false) => format!("文件不是 UTF-8 编码，看起来是 {name_zh}。请用记事本或其他编辑器“另存为”UTF-8 编码后再打开。"),
                (true, true) => "文件不是 UTF-8 文本（可能是二进制文件或损坏的文件）。请确认打开的是报告的 JSON 文件。".into(),
                (false, false) => format!("The file is not UTF-8; it looks like {name_en}. Save it again as UTF-8 and open it again."),
                (false, true) => "The file is not UTF-8 text (it may be binary or damaged). Check that this is the report's JSON file.".into(),
            }
        }
        Detail::Unreadable(Unreadable::Syntax(kind)) => syntax_message(kind, zh),
        Detail::FormatUnsupported { found } => match (found, zh) {
            (None, true) => "缺少 \"format\" 字段：文件应以 \"format\": \"zfxxgk-annual-report/1\" 声明格式。请确认这是年报数据文件。".into(),
            (None, false) => "The \"format\" key is missing: the file should declare \"format\": \"zfxxgk-annual-report/1\". Check that this is an annual-report file.".into(),
            (Some(f), true) => format!("不支持的格式 {f}：本工具读取 \"zfxxgk-annual-report/1\"。以下检查按该格式进行，结果可能不准确。"),
            (Some(f), false) => format!("Unsupported format {f}: this tool reads \"zfxxgk-annual-report/1\". The checks below assume that format and may be wrong."),
        },
        Detail::TemplateUnknown { found, assumed } => {
            let found = found.as_deref().unwrap_or(if zh { "（缺少）" } else { "(missing)" });
            if zh {
                format!("模板 {found} 无法识别：\"template\" 应为 \"2019\" 或 \"2021\"。根据表格内容按 {} 版模板检查，请补上正确的模板。", assumed.code())
            } else {
                format!("Template {found} is not recognised: \"template\" must be \"2019\" or \"2021\". The tables look like the {} template and were checked as such; set the right template.", assumed.code())
            }
        }
        Detail::FieldMissing => {
            if zh {
                format!("缺少{here}。请补上（没有发生的事项填 0，不要留空）。")
            } else {
                format!("{} is missing. Add it (write 0 for none; do not leave it out).", capitalise(&here))
            }
        }
        Detail::FieldType { expected, found } => {
            let expected_text = expected_text(*expected, zh);
            let found_text = match found {
                Found::Type(t) => type_text(*t, zh).to_string(),
                Found::HugeNumber(raw) => {
                    if zh { format!("过大的数 {raw}（超出可精确表示的范围）") } else { format!("the number {raw}, too large to hold exactly") }
                }
                Found::Value(v) => format!("“{v}”"),
            };
            if zh {
                format!("{here}应为{expected_text}，实际是{found_text}。")
            } else {
                format!("{} should be {expected_text}, but is {found_text}.", capitalise(&here))
            }
        }
        Detail::FieldDuplicate { first, last, first_line, last_line } => {
            if zh {
                format!("{here}出现了两次（第 {first_line} 行为 {first}，第 {last_line} 行为 {last}），按后一个值 {last} 读取。请删去多余的一个。")
            } else {
                format!("{} appears twice (line {first_line}: {first}; line {last_line}: {last}); the last value, {last}, is used. Delete the extra one.", capitalise(&here))
            }
        }
        Detail::FieldUnknown => {
            if zh {
                format!("{here}不是本格式定义的字段，已原样保留，导出时写回。如是拼写错误请更正。")
            } else {
                format!("{} is not a key of the format; it is kept and written back unchanged. Correct it if it is a misspelling.", capitalise(&here))
            }
        }
        Detail::CellBlank => {
            if zh {
                format!("{here}为空白。模板要求每格填数，没有发生的填 0；空白不计为 0，与它有关的合计检查已跳过。")
            } else {
                format!("{} is blank. The template wants a number in every cell (0 for none); a blank is not counted as 0, and the sums that use it were skipped.", capitalise(&here))
            }
        }
        Detail::CellText { text } => {
            if zh {
                format!("{here}填的是文字“{text}”而不是数字。请改为数字（没有发生的填 0，金额去掉单位）；与它有关的合计检查已跳过。")
            } else {
                format!("{} holds the text “{text}” instead of a number. Write a number (0 for none, amounts without units); the sums that use it were skipped.", capitalise(&here))
            }
        }
        Detail::CellNumber { value } => match (d.rule, zh) {
            (Rule::CellNegative, true) => format!("{here}为负数 {}，件数和金额不能为负。请核对。", n(*value)),
            (Rule::CellNegative, false) => format!("{} is negative ({}); counts and amounts cannot be. Check it.", capitalise(&here), n(*value)),
            (_, true) => format!("{here}为 {}，件数应为整数。请核对。", n(*value)),
            (_, false) => format!("{} is {}; a count must be a whole number. Check it.", capitalise(&here), n(*value)),
        },
        Detail::Sum { values } => {
            let total = values[0];
            let sum: f64 = values[1..].iter().sum();
            let terms: Vec<String> = (1..values.len())
                .filter(|&i| values[i] != 0.0 || values.len() <= 7)
                .map(|i| format!("{} {}", label(i), n(values[i])))
                .collect();
            let terms = if terms.is_empty() { if zh { "各项均为 0".to_string() } else { "all items are 0".to_string() } } else { terms.join(" + ") };
            let diff = n((total - sum).abs());
            match (d.rule, zh) {
                (Rule::T3RowTotal, true) => format!("{}一行：总计填 {}，但六类申请人之和为 {}（{terms}），相差 {diff}。请核对这一行的总计和各列。", row_of(template, p0, lang), n(total), n(sum)),
                (Rule::T3RowTotal, false) => format!("Row “{}”: the total is {}, but the six applicant columns add up to {} ({terms}), a difference of {diff}. Check the row's total and its cells.", row_of(template, p0, lang), n(total), n(sum)),
                (Rule::T3ResultsTotal, true) => format!("{}一列：（七）总计填 {}，但（一）至（六）各项办理结果之和为 {}（{terms}），相差 {diff}。每件申请只计一种结果，请核对这一列。", column_of(template, p0, lang), n(total), n(sum)),
                (Rule::T3ResultsTotal, false) => format!("Column “{}”: (7) Total is {}, but outcomes (1)–(6) add up to {} ({terms}), a difference of {diff}. Each application counts once; check this column.", column_of(template, p0, lang), n(total), n(sum)),
                (_, true) => format!("{}：总计填 {}，但结果维持、结果纠正、其他结果、尚未审结之和为 {}（{terms}），相差 {diff}。请核对。", row_of(template, p0, lang), n(total), n(sum)),
                (_, false) => format!("{}: the total is {}, but upheld, corrected, other and pending add up to {} ({terms}), a difference of {diff}. Check them.", row_of(template, p0, lang), n(total), n(sum)),
            }
        }
        Detail::Balance { column, received, carried_over, results_total, carried_forward } => {
            let c = APPLICANT_COLUMNS[*column].label.get(lang);
            if zh {
                format!(
                    "{c}一列：一、本年新收 {} + 二、上年结转 {} = {}，但（七）总计 {} + 四、结转下年度 {} = {}，相差 {}。两者应相等（模板所印勾稽关系），请核对这一列。",
                    n(*received), n(*carried_over), n(received + carried_over), n(*results_total), n(*carried_forward),
                    n(results_total + carried_forward), n((received + carried_over - results_total - carried_forward).abs())
                )
            } else {
                format!(
                    "Column “{c}”: 1. received {} + 2. carried over {} = {}, but (7) total {} + 4. carried forward {} = {}, a difference of {}. They must be equal (the relation printed on the template); check this column.",
                    n(*received), n(*carried_over), n(received + carried_over), n(*results_total), n(*carried_forward),
                    n(results_total + carried_forward), n((received + carried_over - results_total - carried_forward).abs())
                )
            }
        }
        Detail::InForce { row, in_force, issued, repealed, previous_in_force } => {
            let row_label = template
                .proactive()
                .iter()
                .flat_map(|b| b.rows.iter())
                .find(|r| r.key == *row)
                .map_or(*row, |r| r.label.get(lang));
            match (previous_in_force, zh) {
                (None, true) => format!("{row_label}：现行有效 {} 件，少于本年制发 {} − 本年废止 {} = {} 件。本年新制发且未废止的文件都应现行有效，请核对这三个数。", n(*in_force), n(*issued), n(*repealed), n(issued - repealed)),
                (None, false) => format!("{row_label}: {} in force, fewer than {} issued − {} repealed = {} this year. Documents issued this year and not repealed are all in force; check the three numbers.", n(*in_force), n(*issued), n(*repealed), n(issued - repealed)),
                (Some(prev), true) => format!("{row_label}：上年现行有效 {} + 本年制发 {} − 本年废止 {} = {}，但本年现行有效填 {}。如有清理往年文件属正常，否则请核对。", n(*prev), n(*issued), n(*repealed), n(prev + issued - repealed), n(*in_force)),
                (Some(prev), false) => format!("{row_label}: last year's {} in force + {} issued − {} repealed = {}, but {} are in force now. A clean-up of older documents explains this; otherwise check the numbers.", n(*prev), n(*issued), n(*repealed), n(prev + issued - repealed), n(*in_force)),
            }
        }
        Detail::YearRange { year, current_year } => {
            if *year < 2019 {
                if zh { format!("报告年度 {year} 早于 2019 年，当时还没有这套统计表格式。请核对年度。") } else { format!("The report year {year} is before 2019, when these tables did not exist yet. Check the year.") }
            } else if zh {
                format!("报告年度 {year} 晚于当前年份 {current_year}。请核对年度。")
            } else {
                format!("The report year {year} is after the current year, {current_year}. Check the year.")
            }
        }
        Detail::TemplateYear { year, template } => {
            let right = Template::for_year(*year).code();
            // The State Council office's letters that issued each template.
            let letter = if right == "2021" { "国办公开办函〔2021〕30号" } else { "国办公开办函〔2019〕60号" };
            if zh {
                format!("{year} 年度的报告应使用 {right} 版模板（{letter}），但本报告使用 {} 版。请按 {right} 版模板重新填报表格。", template.code())
            } else {
                format!("A {year} report must use the {right} template, but this one uses the {} template. Fill in the tables on the {right} template.", template.code())
            }
        }
        Detail::TemplateMixed { template } => match (template, zh) {
            (Template::T2021, true) => "（六）其他处理只填了一行（2019 版模板的样式）。2021 版模板将其分为 1.申请人无正当理由逾期不补正、2.申请人逾期未按收费通知要求缴纳费用、3.其他 三项，请分项填报。".into(),
            (Template::T2021, false) => "(6) Otherwise handled is a single row, as on the 2019 template. The 2021 template splits it into three items (no correction in time, fee not paid in time, other); fill them in separately.".into(),
            (Template::T2019, true) => "本报告使用 2019 版模板，但（六）其他处理按 2021 版分成了三项。请统一使用同一版模板。".into(),
            (Template::T2019, false) => "This report uses the 2019 template, but (6) Otherwise handled is split into the three items of the 2021 template. Use one template throughout.".into(),
        },
        Detail::TitleNoYear => {
            if zh { "标题中没有写明报告年度。请在标题中注明年度，如“2024 年政府信息公开工作年度报告”。".into() } else { "The title names no year. Put the year in the title, e.g. “2024年政府信息公开工作年度报告”.".into() }
        }
        Detail::TitleOtherYear { stated, year } => {
            if zh { format!("标题写的是 {stated} 年，但报告年度为 {year} 年。是否沿用了往年的标题？请核对。") } else { format!("The title names {stated}, but the report year is {year}. Was last year's title reused? Check it.") }
        }
        Detail::PeriodWrong { stated } => {
            if zh { format!("第一部分所写的统计期限不是报告年度的 1 月 1 日至 12 月 31 日：“{stated}”。请核对。") } else { format!("The reporting period stated in section 1 is not 1 January – 31 December of the report year: “{stated}”. Check it.") }
        }
        Detail::PublishedLate { published, deadline } => {
            if zh { format!("发布日期 {published} 晚于该类报告的公布期限 {deadline}。") } else { format!("Published on {published}, after the deadline for this kind of report, {deadline}.") }
        }
        Detail::SectionEmpty { section: key, text } => {
            let heading = section(key).map_or(*key, |s| s.heading.get(lang));
            let shown = if text.is_empty() { if zh { "空白".to_string() } else { "empty".to_string() } } else { format!("“{text}”") };
            if zh { format!("{heading}内容为{shown}，没有实际内容。模板要求如实填写，请补充。") } else { format!("Section “{heading}” is {shown}, with no real content. The template requires it; fill it in.") }
        }
        Detail::FeeNotReported => {
            if zh { "第六部分没有提到信息处理费。2021 版模板要求在此报告本年度收取信息处理费的情况，未收取也应写明“未收取信息处理费”。".into() } else { "Section 6 does not mention processing fees. The 2021 template asks every agency to report there what it charged, and to say so when it charged nothing.".into() }
        }
        Detail::OtherProcessingHigh { other, total } => {
            let share = 100.0 * other / total;
            if zh { format!("（六）其他处理共 {} 件，占（七）总计 {} 件的 {}%，比例偏高。请核对是否有应归入（一）至（五）的申请。", n(*other), n(*total), n(share.round())) } else { format!("(6) Otherwise handled is {} of {} in total ({}%), a high share. Check whether some belong under (1)–(5).", n(*other), n(*total), n(share.round())) }
        }
        Detail::TextTableMismatch { sentence, stated, table, quantity, percent } => {
            let what = quantity_text(*quantity, zh);
            let unit = if *percent { "%" } else if zh { " 件" } else { "" };
            if zh {
                format!("第一部分写道“{sentence}”，其中{what}为 {}{unit}，但表格中为 {}{unit}。请核对文字或表格。", n(*stated), number_rounded(*table, *percent))
            } else {
                format!("Section 1 says “{sentence}”: {what} {}{unit}, but the tables give {}{unit}. Check the text or the tables.", n(*stated), number_rounded(*table, *percent))
            }
        }
        Detail::CarryOver { column, carried_over, previous_carried_forward, previous_year } => {
            let c = APPLICANT_COLUMNS[*column].label.get(lang);
            let last = previous_year.map_or_else(|| if zh { "上年".to_string() } else { "last year".to_string() }, |y| if zh { format!("{y} 年") } else { y.to_string() });
            if zh {
                format!("{c}一列：本年“二、上年结转”为 {}，但{last}报告的“四、结转下年度继续办理”为 {}。两者应相等，请核对。", n(*carried_over), n(*previous_carried_forward))
            } else {
                format!("Column “{c}”: carried over from last year is {}, but {last}'s report carried {} forward. They should be equal; check them.", n(*carried_over), n(*previous_carried_forward))
            }
        }
        Detail::AgencyMismatch { agency, previous } => {
            if zh { format!("两份报告的机关名称不同：本年为“{agency}”，上年为“{previous}”。请确认是同一机关的报告。") } else { format!("The two reports name different agencies: “{agency}” this year, “{previous}” last year. Check that they belong to the same body.") }
        }
        Detail::YearGap { year, previous } => {
            if zh { format!("作为上年报告载入的是 {previous} 年度报告，而本报告是 {year} 年度，应与 {} 年度比较。跨年检查结果可能不准确。", year - 1) } else { format!("The report loaded as last year's is for {previous}, but this one is for {year}; it should be compared with {}. The cross-year checks may be off.", year - 1) }
        }
        Detail::ProblemsRepeated { repeated, sentences, previous_year } => {
            let last = previous_year.map_or_else(|| if zh { "上年".to_string() } else { "last year".to_string() }, |y| if zh { format!("{y} 年") } else { y.to_string() });
            if zh { format!("第五部分 {sentences} 句中有 {repeated} 句与{last}报告原文相同。模板要求如实反映本年问题和改进，避免年年雷同。") } else { format!("{repeated} of the {sentences} sentences of section 5 are word for word in {last}'s report. The template asks for this year's problems and improvements, not a copy.") }
        }
        Detail::AggregateSum { parent, sum, included } => {
            let names = included.join(if zh { "、" } else { ", " });
            if zh {
                format!("{here}：本级汇总为 {}，但所载 {} 份下级报告之和为 {}（{names}），相差 {}。请核对是否漏报或多报了单位。", n(*parent), included.len(), n(*sum), n((parent - sum).abs()))
            } else {
                format!("{}: the aggregate is {}, but the {} subordinate reports loaded add up to {} ({names}), a difference of {}. Check for a body left out or counted twice.", capitalise(&here), n(*parent), included.len(), n(*sum), n((parent - sum).abs()))
            }
        }
    }
}

fn number_rounded(value: f64, percent: bool) -> String {
    if percent {
        let rounded = (value * 10.0).round() / 10.0;
        number(rounded)
    } else {
        number(value)
    }
}

/// The row part of a cell's place, e.g. “（七）总计”, for use in a sentence.
fn row_of(template: Template, pointer: &str, lang: Lang) -> String {
    cell_place(template, pointer, lang)
        .map(|p| {
            format!(
                "{}{}",
                p.table.get(lang),
                if lang == Lang::Zh { format!("「{}」", p.row) } else { format!(" “{}”", p.row) }
            )
        })
        .unwrap_or_default()
}

fn column_of(template: Template, pointer: &str, lang: Lang) -> String {
    cell_place(template, pointer, lang).map(|p| p.column).unwrap_or_default()
}

fn quantity_text(quantity: Quantity, zh: bool) -> String {
    let text = match (quantity, zh) {
        (Quantity::Received, true) => "本年新收申请数",
        (Quantity::Received, false) => "applications received",
        (Quantity::ReceivedWithCarriedOver, true) => "受理申请数（含上年结转）",
        (Quantity::ReceivedWithCarriedOver, false) => "applications handled, including carried-over ones",
        (Quantity::CarriedOver, true) => "上年结转申请数",
        (Quantity::CarriedOver, false) => "applications carried over",
        (Quantity::Answered, true) => "办结（答复）申请数",
        (Quantity::Answered, false) => "applications answered",
        (Quantity::CarriedForward, true) => "结转下年度申请数",
        (Quantity::CarriedForward, false) => "applications carried forward",
        (Quantity::Reviews, true) => "行政复议案件数",
        (Quantity::Reviews, false) => "administrative reviews",
        (Quantity::Lawsuits, true) => "行政诉讼案件数",
        (Quantity::Lawsuits, false) => "lawsuits",
        (Quantity::CompletionRate, true) => "办结率",
        (Quantity::CompletionRate, false) => "the completion rate",
        (Quantity::AppealOutcome { review, column }, zh) => {
            let outcome = if zh { APPEAL_COLUMNS[column].label.zh } else { APPEAL_COLUMNS[column].label.en };
            return match (review, zh) {
                (true, true) => format!("行政复议{outcome}数"),
                (false, true) => format!("行政诉讼{outcome}数"),
                (true, false) => format!("reviews {}", outcome.to_ascii_lowercase()),
                (false, false) => format!("lawsuits {}", outcome.to_ascii_lowercase()),
            };
        }
    };
    text.to_string()
}

fn expected_text(expected: ExpectedType, zh: bool) -> &'static str {
    match (expected, zh) {
        (ExpectedType::Object, true) => "对象（{…}）",
        (ExpectedType::Object, false) => "an object ({…})",
        (ExpectedType::Array, true) => "数组（[…]）",
        (ExpectedType::Array, false) => "an array ([…])",
        (ExpectedType::String, true) => "文字",
        (ExpectedType::String, false) => "text",
        (ExpectedType::Cell, true) => "数字（或 null 表示空白）",
        (ExpectedType::Cell, false) => "a number (or null for blank)",
        (ExpectedType::Year, true) => "整数年份（如 2024）",
        (ExpectedType::Year, false) => "a whole year (e.g. 2024)",
        (ExpectedType::Kind, true) => "department、township、county、prefecture 或 province 之一",
        (ExpectedType::Kind, false) => "one of department, township, county, prefecture, province",
        (ExpectedType::Date, true) => "日期，格式为 YYYY-MM-DD（如 2025-01-20）",
        (ExpectedType::Date, false) => "a date written YYYY-MM-DD (e.g. 2025-01-20)",
        (ExpectedType::AnnotationStatus, true) => "\"dismissed\" 或 \"confirmed\"",
        (ExpectedType::AnnotationStatus, false) => "\"dismissed\" or \"confirmed\"",
    }
}

fn type_text(t: TypeName, zh: bool) -> &'static str {
    match (t, zh) {
        (TypeName::Null, true) => "null（空）",
        (TypeName::Null, false) => "null",
        (TypeName::Bool, true) => "true/false",
        (TypeName::Bool, false) => "true/false",
        (TypeName::Number, true) => "数字",
        (TypeName::Number, false) => "a number",
        (TypeName::String, true) => "文字",
        (TypeName::String, false) => "text",
        (TypeName::Array, true) => "数组",
        (TypeName::Array, false) => "an array",
        (TypeName::Object, true) => "对象",
        (TypeName::Object, false) => "an object",
    }
}

fn syntax_message(kind: &SyntaxErrorKind, zh: bool) -> String {
    let what = match (kind, zh) {
        (SyntaxErrorKind::Empty, true) => "文件是空的".to_string(),
        (SyntaxErrorKind::Empty, false) => "The file is empty".to_string(),
        (SyntaxErrorKind::UnexpectedEnd, true) => "文件在此意外结束（可能缺少 } 或 ]，或文件不完整）".to_string(),
        (SyntaxErrorKind::UnexpectedEnd, false) => {
            "The file ends too early (a } or ] may be missing, or the file is cut off)".to_string()
        }
        (SyntaxErrorKind::Unexpected { found, expected }, true) => {
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
        (SyntaxErrorKind::Unexpected { found, expected }, false) => {
            let want = match expected {
                Expected::Value => "a value (number, text, null, { or [)",
                Expected::CommaOrCloseObject => "a comma or }",
                Expected::CommaOrCloseArray => "a comma or ]",
                Expected::Colon => "a colon",
                Expected::Key => "a key in double quotes",
            };
            format!("Expected {want} here, found “{found}”")
        }
        (SyntaxErrorKind::TrailingCharacters, true) => "JSON 内容在此之前已结束，后面还有多余的内容".to_string(),
        (SyntaxErrorKind::TrailingCharacters, false) => {
            "The JSON document ended before this point; there is more text after it".to_string()
        }
        (SyntaxErrorKind::InvalidNumber, true) => "数字写法不正确".to_string(),
        (SyntaxErrorKind::InvalidNumber, false) => "This number is not written correctly".to_string(),
        (SyntaxErrorKind::InvalidEscape, true) => "文字中的反斜杠 \\ 转义不正确".to_string(),
        (SyntaxErrorKind::InvalidEscape, false) => "A backslash escape in the text is not valid".to_string(),
        (SyntaxErrorKind::ControlCharacterInString, true) => "文字中有未转义的换行或控制字符".to_string(),
        (SyntaxErrorKind::ControlCharacterInString, false) => {
            "The text contains an unescaped line break or control character".to_string()
        }
        (SyntaxErrorKind::LoneSurrogate, true) => "文字中的 \\u 转义不成对（不是有效字符）".to_string(),
        (SyntaxErrorKind::LoneSurrogate, false) => "A \\u escape is an unpaired surrogate, not a character".to_string(),
        (SyntaxErrorKind::TooDeep, true) => format!("嵌套超过 {MAX_DEPTH} 层，不是年报数据"),
        (SyntaxErrorKind::TooDeep, false) => {
            format!("Nested more than {MAX_DEPTH} levels deep; this is not a report")
        }
    };
    if zh {
        format!("文件不是有效的 JSON：{what}。请在所示行列处修改。")
    } else {
        format!("The file is not valid JSON: {what}. Fix it at the line and column shown.")
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
