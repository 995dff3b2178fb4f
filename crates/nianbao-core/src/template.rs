//! The two official templates, described once.
//!
//! Everything that knows which rows, columns, keys and printed labels a table
//! has reads them from here: the model reader, the rules, the layout (spans)
//! the app renders, the JSON Schema, the importers and the messages. Labels
//! are the template's own printed words (国办公开办函〔2021〕30号 and
//! 〔2019〕60号), with an English rendering beside each.

pub use crate::lang::{Label, Lang};

const fn l(zh: &'static str, en: &'static str) -> Label {
    Label { zh, en }
}

/// One of the State Council's two table formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Template {
    /// 国办公开办函〔2019〕60号, for report years 2019 and 2020.
    T2019,
    /// 国办公开办函〔2021〕30号, for report years 2021 and later.
    T2021,
}

impl Template {
    pub const ALL: [Template; 2] = [Template::T2019, Template::T2021];

    /// The value of the `template` key.
    pub fn code(self) -> &'static str {
        match self {
            Template::T2019 => "2019",
            Template::T2021 => "2021",
        }
    }

    pub fn from_code(code: &str) -> Option<Template> {
        match code {
            "2019" => Some(Template::T2019),
            "2021" => Some(Template::T2021),
            _ => None,
        }
    }

    /// The template a report of this year must use.
    pub fn for_year(year: i64) -> Template {
        if year <= 2020 {
            Template::T2019
        } else {
            Template::T2021
        }
    }

    /// The State Council office's letter that issued the template.
    pub fn letter(self) -> &'static str {
        match self {
            Template::T2019 => "国办公开办函〔2019〕60号",
            Template::T2021 => "国办公开办函〔2021〕30号",
        }
    }

    /// How （六）其他处理 is printed in this template.
    pub fn other_shape(self) -> OtherShape {
        match self {
            Template::T2019 => OtherShape::Single,
            Template::T2021 => OtherShape::Split,
        }
    }

    pub fn proactive(self) -> &'static [ProactiveBlock] {
        match self {
            Template::T2019 => PROACTIVE_2019,
            Template::T2021 => PROACTIVE_2021,
        }
    }

    /// The other of the two templates.
    pub fn other(self) -> Template {
        match self {
            Template::T2019 => Template::T2021,
            Template::T2021 => Template::T2019,
        }
    }

    /// Every printed label of this template's 表二, its columns' and its
    /// rows', in printed order, each once.
    pub fn proactive_labels(self) -> Vec<&'static str> {
        let mut labels: Vec<&'static str> = Vec::new();
        for block in self.proactive() {
            let columns = block.columns.iter().map(|c| c.label.zh);
            for label in columns.chain(block.rows.iter().map(|r| r.label.zh)) {
                if !labels.contains(&label) {
                    labels.push(label);
                }
            }
        }
        labels
    }

    /// The labels of this template's 表二 that tell it from the other
    /// template: those printed in this one's and found in none of the
    /// other's labels, not even inside one (规范性文件 is in 2021's
    /// 行政规范性文件, so it tells nothing). A text holding one of them was
    /// printed from this template.
    pub fn distinguishing_labels(self) -> Vec<&'static str> {
        let others = self.other().proactive_labels();
        self.proactive_labels().into_iter().filter(|label| !others.iter().any(|o| o.contains(label))).collect()
    }
}

// ------------------------------------------------------------- 表二

/// One 第二十条 block of 表二: its header line, its column labels, its rows.
/// Every row of a block has one cell per column.
#[derive(Debug)]
pub struct ProactiveBlock {
    /// 第二十条第（一）项 …
    pub article: Label,
    pub columns: &'static [ProactiveColumn],
    pub rows: &'static [ProactiveRow],
}

#[derive(Debug)]
pub struct ProactiveColumn {
    pub key: &'static str,
    pub label: Label,
    /// Whether the cell is a whole count (everything but 万元 amounts).
    pub whole: bool,
    /// Whether the cell may be negative (2019's 本年增/减).
    pub signed: bool,
}

#[derive(Debug)]
pub struct ProactiveRow {
    pub key: &'static str,
    pub label: Label,
}

/// The header of every 表二 block's first column.
pub const PROACTIVE_ROW_HEADER: Label = l("信息内容", "Item");

const fn count(key: &'static str, label: Label) -> ProactiveColumn {
    ProactiveColumn { key, label, whole: true, signed: false }
}

const fn amount(key: &'static str, label: Label) -> ProactiveColumn {
    ProactiveColumn { key, label, whole: false, signed: false }
}

const ARTICLE_1: Label = l("第二十条第（一）项", "Article 20 (1)");
const ARTICLE_5: Label = l("第二十条第（五）项", "Article 20 (5)");
const ARTICLE_6: Label = l("第二十条第（六）项", "Article 20 (6)");
const ARTICLE_8: Label = l("第二十条第（八）项", "Article 20 (8)");
const ARTICLE_9: Label = l("第二十条第（九）项", "Article 20 (9)");

const REGULATIONS: ProactiveRow = ProactiveRow { key: "regulations", label: l("规章", "Rules") };
const LICENSING: ProactiveRow = ProactiveRow { key: "licensing", label: l("行政许可", "Administrative licensing") };
const PUNISHMENT: ProactiveRow =
    ProactiveRow { key: "punishment", label: l("行政处罚", "Administrative penalties") };
const COERCION: ProactiveRow = ProactiveRow { key: "coercion", label: l("行政强制", "Administrative coercion") };
const FEES: ProactiveRow = ProactiveRow { key: "fees", label: l("行政事业性收费", "Administrative fees") };

const DECISIONS_2021: &[ProactiveColumn] = &[count("decisions", l("本年处理决定数量", "Decisions this year"))];

pub static PROACTIVE_2021: &[ProactiveBlock] = &[
    ProactiveBlock {
        article: ARTICLE_1,
        columns: &[
            count("issued", l("本年制发件数", "Issued this year")),
            count("repealed", l("本年废止件数", "Repealed this year")),
            count("in_force", l("现行有效件数", "In force")),
        ],
        rows: &[
            REGULATIONS,
            ProactiveRow { key: "normative_documents", label: l("行政规范性文件", "Normative documents") },
        ],
    },
    ProactiveBlock { article: ARTICLE_5, columns: DECISIONS_2021, rows: &[LICENSING] },
    ProactiveBlock { article: ARTICLE_6, columns: DECISIONS_2021, rows: &[PUNISHMENT, COERCION] },
    ProactiveBlock {
        article: ARTICLE_8,
        columns: &[amount("amount", l("本年收费金额（单位：万元）", "Fees collected this year (10,000 yuan)"))],
        rows: &[FEES],
    },
];

const ITEMS_2019: &[ProactiveColumn] = &[
    count("previous_items", l("上一年项目数量", "Items last year")),
    ProactiveColumn { key: "change", label: l("本年增/减", "Change this year"), whole: true, signed: true },
    count("decisions", l("处理决定数量", "Decisions")),
];

pub static PROACTIVE_2019: &[ProactiveBlock] = &[
    ProactiveBlock {
        article: ARTICLE_1,
        columns: &[
            count("made", l("本年新制作数量", "Made this year")),
            count("published", l("本年新公开数量", "Published this year")),
            count("total_published", l("对外公开总数量", "Published in total")),
        ],
        rows: &[
            REGULATIONS,
            ProactiveRow { key: "normative_documents", label: l("规范性文件", "Normative documents") },
        ],
    },
    ProactiveBlock {
        article: ARTICLE_5,
        columns: ITEMS_2019,
        rows: &[
            LICENSING,
            ProactiveRow { key: "other_services", label: l("其他对外管理服务事项", "Other public services") },
        ],
    },
    ProactiveBlock { article: ARTICLE_6, columns: ITEMS_2019, rows: &[PUNISHMENT, COERCION] },
    ProactiveBlock {
        article: ARTICLE_8,
        columns: &[
            count("previous_items", l("上一年项目数量", "Items last year")),
            ProactiveColumn { key: "change", label: l("本年增/减", "Change this year"), whole: true, signed: true },
        ],
        rows: &[FEES],
    },
    ProactiveBlock {
        article: ARTICLE_9,
        columns: &[
            count("items", l("采购项目数量", "Procurement items")),
            amount("amount", l("采购总金额", "Procurement total")),
        ],
        rows: &[ProactiveRow { key: "procurement", label: l("政府集中采购", "Central government procurement") }],
    },
];

/// A 表二 row and column of the 2021 template (the one section 一 is read
/// against), by their keys.
pub fn proactive_place(row: &str, column: &str) -> Option<(&'static ProactiveRow, &'static ProactiveColumn)> {
    PROACTIVE_2021.iter().find_map(|block| {
        let r = block.rows.iter().find(|r| r.key == row)?;
        let c = block.columns.iter().find(|c| c.key == column)?;
        Some((r, c))
    })
}

/// The number of columns of 表二's printed grid (label + three cells).
pub const PROACTIVE_GRID_COLUMNS: usize = 4;

// ------------------------------------------------------------- 表三

/// One applicant column of 表三.
#[derive(Debug)]
pub struct ApplicantColumn {
    pub key: &'static str,
    pub label: Label,
    /// Whether it sits under 法人或其他组织.
    pub organisation: bool,
}

pub static APPLICANT_COLUMNS: [ApplicantColumn; 7] = [
    ApplicantColumn { key: "natural_person", label: l("自然人", "Natural persons"), organisation: false },
    ApplicantColumn { key: "commercial", label: l("商业企业", "Businesses"), organisation: true },
    ApplicantColumn { key: "research", label: l("科研机构", "Research institutions"), organisation: true },
    ApplicantColumn {
        key: "social_welfare",
        label: l("社会公益组织", "Public-interest organisations"),
        organisation: true,
    },
    ApplicantColumn {
        key: "legal_service", label: l("法律服务机构", "Legal service providers"), organisation: true
    },
    ApplicantColumn { key: "other_org", label: l("其他", "Other organisations"), organisation: true },
    ApplicantColumn { key: "total", label: l("总计", "Total"), organisation: false },
];

/// The index of the 总计 column.
pub const TOTAL_COLUMN: usize = 6;

/// The cells of a 表三 row: one per applicant column.
pub const APPLICANT_CELLS: usize = APPLICANT_COLUMNS.len();

pub const APPLICANTS_HEADER: Label = l("申请人情况", "Applicants");
pub const ORGANISATIONS_HEADER: Label = l("法人或其他组织", "Legal persons and other organisations");
pub const BALANCE_NOTE: Label = l(
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    "(In each column, item 1 plus item 2 equals item 3 plus item 4.)",
);
pub const RESULTS_HEADER: Label = l("三、本年度办理结果", "3. Outcomes this year");

/// What a 表三 row is, for the arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowRole {
    /// 一、本年新收
    Received,
    /// 二、上年结转
    CarriedOver,
    /// One of （一）…（六）: added up into （七）总计.
    Result,
    /// （七）总计
    ResultsTotal,
    /// 四、结转下年度继续办理
    CarriedForward,
}

/// A group of result rows printed under one merged label, e.g. （三）不予公开.
#[derive(Debug)]
pub struct ResultGroup {
    pub key: &'static str,
    pub label: Label,
}

/// One 表三 row.
#[derive(Debug)]
pub struct ApplicationRow {
    /// The keys from `applications` down to the row object.
    pub path: &'static [&'static str],
    pub role: RowRole,
    pub group: Option<&'static ResultGroup>,
    /// The row's own printed label (within its group, if any).
    pub label: Label,
}

impl ApplicationRow {
    /// The JSON pointer of the row object.
    pub fn pointer(&self) -> String {
        let mut p = String::from("/applications");
        for key in self.path {
            p.push('/');
            p.push_str(key);
        }
        p
    }

    /// The JSON pointer of one cell of the row.
    pub fn cell_pointer(&self, column: usize) -> String {
        let mut p = self.pointer();
        p.push('/');
        p.push_str(APPLICANT_COLUMNS[column].key);
        p
    }

    /// The label as people quote it: the group and the item, e.g.
    /// “（三）不予公开 1.属于国家秘密”.
    pub fn full_label(&self, lang: Lang) -> String {
        match self.group {
            Some(group) => format!("{} {}", group.label.get(lang), self.label.get(lang)),
            None => self.label.get(lang).to_string(),
        }
    }
}

/// How （六）其他处理 is printed: the 2021 template splits it into three rows,
/// the 2019 template (and some 2021 reports, a known slip) prints one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OtherShape {
    Split,
    Single,
}

impl OtherShape {
    /// The rows of 表三 in printed order.
    pub fn rows(self) -> &'static [ApplicationRow] {
        match self {
            OtherShape::Split => &APPLICATION_ROWS_SPLIT,
            OtherShape::Single => &APPLICATION_ROWS_SINGLE,
        }
    }

    /// The first row of this shape with `role`: the one row of every role
    /// but `Result`, and （一）予以公开 for `Result`.
    pub fn row(self, role: RowRole) -> &'static ApplicationRow {
        let rows = self.rows();
        rows.iter().find(|r| r.role == role).unwrap_or(&rows[0])
    }

    /// The label of a 表三 row as sentences quote it: 一、本年新收 and
    /// 二、上年结转, the two rows of applications taken in, without the
    /// ending their printed labels share (政府信息公开申请数量); every other
    /// row's printed label whole.
    pub fn short_label(self, role: RowRole) -> &'static str {
        let label = self.row(role).label.zh;
        if !matches!(role, RowRole::Received | RowRole::CarriedOver) {
            return label;
        }
        let (a, b) = (self.row(RowRole::Received).label.zh, self.row(RowRole::CarriedOver).label.zh);
        let shared: usize =
            a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).map(|(c, _)| c.len_utf8()).sum();
        &label[..label.len() - shared]
    }

    /// The rows printed under （六）其他处理: its three items when split,
    /// none when it is a single row.
    pub fn other_rows(self) -> impl Iterator<Item = &'static ApplicationRow> {
        self.rows().iter().filter(|r| r.group.is_some_and(|g| g.key == OTHER.key))
    }
}

/// The row of `shape` with `role` (`OtherShape::row`).
pub fn row(shape: OtherShape, role: RowRole) -> &'static ApplicationRow {
    shape.row(role)
}

pub static WITHHELD: ResultGroup = ResultGroup { key: "withheld", label: l("（三）不予公开", "(3) Withheld") };
pub static UNAVAILABLE: ResultGroup =
    ResultGroup { key: "unavailable", label: l("（四）无法提供", "(4) Cannot be provided") };
pub static NOT_PROCESSED: ResultGroup =
    ResultGroup { key: "not_processed", label: l("（五）不予处理", "(5) Not processed") };
pub static OTHER: ResultGroup =
    ResultGroup { key: "other", label: l("（六）其他处理", "(6) Otherwise handled") };

/// The groups of result rows, in printed order.
pub static RESULT_GROUPS: [&ResultGroup; 4] = [&WITHHELD, &UNAVAILABLE, &NOT_PROCESSED, &OTHER];

macro_rules! rows {
    ($($path:expr, $role:ident, $group:expr, $zh:expr, $en:expr;)*) => {
        [$(ApplicationRow { path: $path, role: RowRole::$role, group: $group, label: l($zh, $en) },)*]
    };
}

macro_rules! application_rows {
    ($name:ident, $len:expr, [$($other:tt)*]) => {
        pub static $name: [ApplicationRow; $len] = rows![
            &["received"], Received, None, "一、本年新收政府信息公开申请数量", "1. New applications received this year";
            &["carried_over"], CarriedOver, None, "二、上年结转政府信息公开申请数量", "2. Applications carried over from last year";
            &["results", "granted"], Result, None, "（一）予以公开", "(1) Disclosed";
            &["results", "partially_granted"], Result, None,
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                "(2) Partly disclosed (counted here only)";
            &["results", "withheld", "state_secret"], Result, Some(&WITHHELD), "1.属于国家秘密", "1. State secret";
            &["results", "withheld", "prohibited_by_law"], Result, Some(&WITHHELD),
                "2.其他法律行政法规禁止公开", "2. Prohibited by other laws or regulations";
            &["results", "withheld", "security_stability"], Result, Some(&WITHHELD),
                "3.危及“三安全一稳定”", "3. Endangers security or stability";
            &["results", "withheld", "third_party_rights"], Result, Some(&WITHHELD),
                "4.保护第三方合法权益", "4. Protects third parties' rights";
            &["results", "withheld", "internal_affairs"], Result, Some(&WITHHELD),
                "5.属于三类内部事务信息", "5. Internal affairs";
            &["results", "withheld", "process_information"], Result, Some(&WITHHELD),
                "6.属于四类过程性信息", "6. Process information";
            &["results", "withheld", "enforcement_files"], Result, Some(&WITHHELD),
                "7.属于行政执法案卷", "7. Law-enforcement files";
            &["results", "withheld", "administrative_query"], Result, Some(&WITHHELD),
                "8.属于行政查询事项", "8. Administrative queries";
            &["results", "unavailable", "not_held"], Result, Some(&UNAVAILABLE),
                "1.本机关不掌握相关政府信息", "1. Not held by this body";
            &["results", "unavailable", "needs_creation"], Result, Some(&UNAVAILABLE),
                "2.没有现成信息需要另行制作", "2. Would have to be created";
            &["results", "unavailable", "still_unclear"], Result, Some(&UNAVAILABLE),
                "3.补正后申请内容仍不明确", "3. Still unclear after correction";
            &["results", "not_processed", "complaint"], Result, Some(&NOT_PROCESSED),
                "1.信访举报投诉类申请", "1. Petitions, reports and complaints";
            &["results", "not_processed", "repeated"], Result, Some(&NOT_PROCESSED), "2.重复申请", "2. Repeated applications";
            &["results", "not_processed", "publication"], Result, Some(&NOT_PROCESSED),
                "3.要求提供公开出版物", "3. Asks for published material";
            &["results", "not_processed", "excessive"], Result, Some(&NOT_PROCESSED),
                "4.无正当理由大量反复申请", "4. Excessive applications without good reason";
            &["results", "not_processed", "confirmation"], Result, Some(&NOT_PROCESSED),
                "5.要求行政机关确认或重新出具已获取信息", "5. Asks to confirm or reissue information already obtained";
            $($other)*
            &["results", "total"], ResultsTotal, None, "（七）总计", "(7) Total";
            &["carried_forward"], CarriedForward, None, "四、结转下年度继续办理", "4. Carried forward to next year";
        ];
    };
}

application_rows!(APPLICATION_ROWS_SPLIT, 25, [
    &["results", "other", "no_correction"], Result, Some(&OTHER),
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "1. Applicant did not correct the application in time; not processed further";
    &["results", "other", "unpaid_fee"], Result, Some(&OTHER),
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "2. Applicant did not pay the fee in time; not processed further";
    &["results", "other", "misc"], Result, Some(&OTHER), "3.其他", "3. Other";
]);

application_rows!(APPLICATION_ROWS_SINGLE, 23, [
    &["results", "other"], Result, None, "（六）其他处理", "(6) Otherwise handled";
]);

/// 表三's outcomes （一）…（六） in printed order: the key under `results`
/// (`granted` … `other`) and the printed label (the row's, or its group's).
pub fn outcomes() -> impl Iterator<Item = (&'static str, Label)> {
    let mut rows = APPLICATION_ROWS_SPLIT.iter().filter(|r| r.role == RowRole::Result).peekable();
    std::iter::from_fn(move || {
        let row = rows.next()?;
        let key = row.path[1];
        while rows.peek().is_some_and(|next| next.path[1] == key) {
            rows.next();
        }
        Some((key, row.group.map_or(row.label, |g| g.label)))
    })
}

/// The words of a printed label without its numbering and without what
/// follows in brackets: 部分公开 of （二）部分公开（区分处理的，…）.
pub fn label_words(label: &'static str) -> &'static str {
    let words = unnumbered(label);
    words.find(['（', '(']).map_or(words, |at| words[..at].trim_end())
}

/// The keys of the three sub-rows of a split （六）其他处理.
pub const OTHER_SUB_KEYS: [&str; 3] = ["no_correction", "unpaid_fee", "misc"];

// ------------------------------------------------------------- 表四

#[derive(Debug)]
pub struct AppealBlock {
    pub key: &'static str,
    /// The full label, e.g. 行政诉讼 · 复议后起诉.
    pub label: Label,
    /// The printed label of the block's own header cell.
    pub short_label: Label,
}

pub static APPEAL_BLOCKS: [AppealBlock; 3] = [
    AppealBlock {
        key: "review",
        label: l("行政复议", "Administrative review"),
        short_label: l("行政复议", "Administrative review"),
    },
    AppealBlock {
        key: "litigation_direct",
        label: l("行政诉讼（未经复议直接起诉）", "Lawsuits filed directly"),
        short_label: l("未经复议直接起诉", "Filed directly"),
    },
    AppealBlock {
        key: "litigation_after_review",
        label: l("行政诉讼（复议后起诉）", "Lawsuits filed after review"),
        short_label: l("复议后起诉", "Filed after review"),
    },
];

pub const LITIGATION_HEADER: Label = l("行政诉讼", "Administrative lawsuits");

#[derive(Debug)]
pub struct AppealColumn {
    pub key: &'static str,
    pub label: Label,
}

pub static APPEAL_COLUMNS: [AppealColumn; 5] = [
    AppealColumn { key: "upheld", label: l("结果维持", "Upheld") },
    AppealColumn { key: "corrected", label: l("结果纠正", "Corrected") },
    AppealColumn { key: "other", label: l("其他结果", "Other outcome") },
    AppealColumn { key: "pending", label: l("尚未审结", "Pending") },
    AppealColumn { key: "total", label: l("总计", "Total") },
];

/// The index of the 总计 cell of a 表四 block.
pub const APPEAL_TOTAL: usize = 4;

/// The cells of 表四: every block's columns, block after block.
pub const APPEAL_CELLS: usize = APPEAL_BLOCKS.len() * APPEAL_COLUMNS.len();

/// The place of a 表四 cell among the `APPEAL_CELLS`, in printed order.
pub const fn appeal_cell(block: usize, column: usize) -> usize {
    block * APPEAL_COLUMNS.len() + column
}

pub fn appeal_pointer(block: usize, column: usize) -> String {
    format!("/appeals/{}/{}", APPEAL_BLOCKS[block].key, APPEAL_COLUMNS[column].key)
}

// ------------------------------------------------------------- sections

/// A top-level part of the report, in printed order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    pub key: &'static str,
    /// The printed heading, e.g. 一、总体情况.
    pub heading: Label,
    /// The short name used in messages and table captions (表二 …).
    pub short: Label,
}

pub static SECTIONS: [Section; 6] = [
    Section { key: "overview", heading: l("一、总体情况", "1. Overview"), short: l("第一部分", "Section 1") },
    Section {
        key: "proactive",
        heading: l("二、主动公开政府信息情况", "2. Information disclosed proactively"),
        short: l("表二", "Table 2"),
    },
    Section {
        key: "applications",
        heading: l("三、收到和处理政府信息公开申请情况", "3. Applications received and handled"),
        short: l("表三", "Table 3"),
    },
    Section {
        key: "appeals",
        heading: l("四、政府信息公开行政复议、行政诉讼情况", "4. Administrative reviews and lawsuits"),
        short: l("表四", "Table 4"),
    },
    Section {
        key: "problems",
        heading: l("五、存在的主要问题及改进情况", "5. Main problems and improvements"),
        short: l("第五部分", "Section 5"),
    },
    Section {
        key: "other",
        heading: l("六、其他需要报告的事项", "6. Other matters"),
        short: l("第六部分", "Section 6"),
    },
];

/// The name of the report as the template titles it, after the agency and
/// the year: 某某局 2024 年政府信息公开工作年度报告.
pub const REPORT_NAME: Label = l("政府信息公开工作年度报告", "Government Information Disclosure Annual Report");

/// The aspects the template asks section 一 to cover, as agencies head
/// them: a new report's section 一 starts with these and nothing else.
pub static OVERVIEW_HEADINGS: [Label; 5] = [
    l("（一）主动公开情况", "(1) Proactive disclosure"),
    l("（二）依申请公开情况", "(2) Disclosure on application"),
    l("（三）政府信息管理情况", "(3) Management of government information"),
    l("（四）政府信息公开平台建设情况", "(4) Disclosure platforms"),
    l("（五）政府信息公开监督保障情况", "(5) Supervision and safeguards"),
];

impl Section {
    /// The numeral of the printed heading: 一 of 一、总体情况.
    pub fn numeral(&self) -> &'static str {
        self.heading.zh.split_once('、').map_or("", |(numeral, _)| numeral)
    }

    /// The words of the printed heading after its numeral: 总体情况 of
    /// 一、总体情况.
    pub fn phrase(&self) -> &'static str {
        self.heading.zh.split_once('、').map_or(self.heading.zh, |(_, phrase)| phrase)
    }
}

pub fn section(key: &str) -> Option<&'static Section> {
    SECTIONS.iter().find(|s| s.key == key)
}

/// A printed label without the numbering the template puts before it:
/// 一、 （一） or 1. (本年新收政府信息公开申请数量, 不予公开, 属于国家秘密).
/// A label without numbering is returned whole.
pub fn unnumbered(label: &'static str) -> &'static str {
    const NUMERALS: &str = "一二三四五六七八九十";
    let numeral = |s: &'static str| s.trim_start_matches(|c: char| NUMERALS.contains(c));
    if let Some(rest) = label.strip_prefix('（') {
        let rest = numeral(rest);
        if rest.len() < label.len() - '（'.len_utf8() {
            if let Some(words) = rest.strip_prefix('）') {
                return words;
            }
        }
    }
    let rest = numeral(label);
    if rest.len() < label.len() {
        if let Some(words) = rest.strip_prefix('、') {
            return words;
        }
    }
    let rest = label.trim_start_matches(|c: char| c.is_ascii_digit());
    if rest.len() < label.len() {
        if let Some(words) = rest.strip_prefix('.') {
            return words;
        }
    }
    label
}

/// A printed label up to its first 、 after its numbering: the item of a
/// long row label without what follows (1.申请人无正当理由逾期不补正 of
/// 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请). A label
/// of one clause is returned whole.
pub fn first_clause(label: &'static str) -> &'static str {
    let words = unnumbered(label);
    let numbering = label.len() - words.len();
    words.find('、').map_or(label, |at| &label[..numbering + at])
}

/// The top-level keys of the format, in the order FORMAT.md lists them.
pub const TOP_LEVEL_KEYS: [&str; 16] = [
    "format",
    "template",
    "year",
    "agency",
    "title",
    "kind",
    "published",
    "source",
    "overview",
    "proactive",
    "applications",
    "appeals",
    "problems",
    "other",
    "annotations",
    crate::import_note::KEY,
];

pub const FORMAT_ID: &str = "zfxxgk-annual-report/1";

// ------------------------------------------------------------- cell labels

/// Where a pointer lands in the printed report, for people: the table, the
/// row and the column as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellPlace {
    pub table: Label,
    pub row: String,
    pub column: String,
}

impl CellPlace {
    /// E.g. “表三（七）总计 · 自然人”.
    pub fn describe(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("{}「{}」·「{}」", self.table.zh, self.row, self.column),
            Lang::En => format!("{}, “{}”, “{}”", self.table.en, self.row, self.column),
        }
    }
}

/// The printed place of a cell pointer, in either shape of 表三.
pub fn cell_place(template: Template, pointer: &str, lang: Lang) -> Option<CellPlace> {
    let mut parts = pointer.strip_prefix('/')?.split('/');
    match parts.next()? {
        "proactive" => {
            let row_key = parts.next()?;
            let col_key = parts.next()?;
            for block in template.proactive() {
                if let Some(row) = block.rows.iter().find(|r| r.key == row_key) {
                    let column = block.columns.iter().find(|c| c.key == col_key)?;
                    return Some(CellPlace {
                        table: SECTIONS[1].short,
                        row: format!("{} {}", block.article.get(lang), row.label.get(lang)),
                        column: column.label.get(lang).to_string(),
                    });
                }
            }
            None
        }
        "applications" => {
            let rest: Vec<&str> = parts.collect();
            let (col_key, path) = rest.split_last()?;
            let column = APPLICANT_COLUMNS.iter().find(|c| c.key == *col_key)?;
            let row = [OtherShape::Split, OtherShape::Single]
                .iter()
                .flat_map(|s| s.rows().iter())
                .find(|r| r.path == path)?;
            Some(CellPlace {
                table: SECTIONS[2].short,
                row: row.full_label(lang),
                column: column.label.get(lang).to_string(),
            })
        }
        "appeals" => {
            let block_key = parts.next()?;
            let col_key = parts.next()?;
            let block = APPEAL_BLOCKS.iter().find(|b| b.key == block_key)?;
            let column = APPEAL_COLUMNS.iter().find(|c| c.key == col_key)?;
            Some(CellPlace {
                table: SECTIONS[3].short,
                row: block.label.get(lang).to_string(),
                column: column.label.get(lang).to_string(),
            })
        }
        _ => None,
    }
}

/// The printed place of a row or group pointer (a key above the cells), e.g.
/// “表三「（六）其他处理」” for `/applications/results/other`.
pub fn row_place(template: Template, pointer: &str, lang: Lang) -> Option<String> {
    let parts: Vec<&str> = pointer.strip_prefix('/')?.split('/').collect();
    let (table, label) = match parts.as_slice() {
        ["proactive", row] => {
            let block = template.proactive().iter().find(|b| b.rows.iter().any(|r| r.key == *row))?;
            let row = block.rows.iter().find(|r| r.key == *row)?;
            (SECTIONS[1].short, format!("{} {}", block.article.get(lang), row.label.get(lang)))
        }
        ["applications", path @ ..] => {
            let rows = [OtherShape::Split, OtherShape::Single];
            let label = match rows.iter().flat_map(|s| s.rows().iter()).find(|r| r.path == path) {
                Some(row) => row.full_label(lang),
                None => {
                    let ["results", group] = path else {
                        return None;
                    };
                    RESULT_GROUPS.iter().find(|g| g.key == *group)?.label.get(lang).to_string()
                }
            };
            (SECTIONS[2].short, label)
        }
        ["appeals", block] => {
            let block = APPEAL_BLOCKS.iter().find(|b| b.key == *block)?;
            (SECTIONS[3].short, block.label.get(lang).to_string())
        }
        _ => return None,
    };
    Some(match lang {
        Lang::Zh => format!("{}「{}」", table.zh, label),
        Lang::En => format!("{}, “{}”", table.en, label),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_counts_match_the_format() {
        let t2 = |t: Template| t.proactive().iter().map(|b| b.rows.len() * b.columns.len()).sum::<usize>();
        assert_eq!(t2(Template::T2021), 10);
        assert_eq!(t2(Template::T2019), 22);
        assert_eq!(OtherShape::Split.rows().len() * APPLICANT_CELLS, 175);
        assert_eq!(OtherShape::Single.rows().len() * APPLICANT_CELLS, 161);
        assert_eq!(OtherShape::Split.rows().iter().filter(|r| r.role == RowRole::Result).count(), 21);
        assert_eq!(OtherShape::Single.rows().iter().filter(|r| r.role == RowRole::Result).count(), 19);
    }

    #[test]
    fn headings_split_into_numeral_and_phrase() {
        let numerals: Vec<&str> = SECTIONS.iter().map(Section::numeral).collect();
        assert_eq!(numerals, ["一", "二", "三", "四", "五", "六"]);
        assert_eq!(SECTIONS[0].phrase(), "总体情况");
        assert_eq!(SECTIONS[3].phrase(), "政府信息公开行政复议、行政诉讼情况");
        for s in &SECTIONS {
            assert_eq!(format!("{}、{}", s.numeral(), s.phrase()), s.heading.zh);
        }
    }

    #[test]
    fn labels_without_their_numbering() {
        assert_eq!(unnumbered(OtherShape::Split.row(RowRole::Received).label.zh), "本年新收政府信息公开申请数量");
        assert_eq!(unnumbered(WITHHELD.label.zh), "不予公开");
        assert_eq!(unnumbered(APPLICATION_ROWS_SPLIT[4].label.zh), "属于国家秘密");
        assert_eq!(unnumbered(SECTIONS[5].heading.zh), "其他需要报告的事项");
        assert_eq!(unnumbered(BALANCE_NOTE.zh), BALANCE_NOTE.zh);
        assert_eq!(unnumbered(ARTICLE_1.zh), ARTICLE_1.zh);
        assert_eq!(unnumbered(APPEAL_COLUMNS[0].label.zh), "结果维持");
    }

    #[test]
    fn short_labels_and_first_clauses() {
        for shape in [OtherShape::Split, OtherShape::Single] {
            assert_eq!(shape.short_label(RowRole::Received), "一、本年新收");
            assert_eq!(shape.short_label(RowRole::CarriedOver), "二、上年结转");
            assert_eq!(shape.short_label(RowRole::ResultsTotal), "（七）总计");
            assert_eq!(shape.short_label(RowRole::CarriedForward), "四、结转下年度继续办理");
        }
        let clauses: Vec<&str> = OtherShape::Split.other_rows().map(|r| first_clause(r.label.zh)).collect();
        assert_eq!(clauses, ["1.申请人无正当理由逾期不补正", "2.申请人逾期未按收费通知要求缴纳费用", "3.其他"]);
        assert_eq!(first_clause(OtherShape::Split.row(RowRole::Received).label.zh), "一、本年新收政府信息公开申请数量");
        assert_eq!(first_clause(SECTIONS[3].heading.zh), "四、政府信息公开行政复议");
    }

    #[test]
    fn distinguishing_labels_are_in_one_table_two_only() {
        let t2019 = Template::T2019.distinguishing_labels();
        let t2021 = Template::T2021.distinguishing_labels();
        for label in ["本年新制作数量", "对外公开总数量", "政府集中采购", "其他对外管理服务事项"]
        {
            assert!(t2019.contains(&label), "{label}");
        }
        for label in ["本年制发件数", "现行有效件数", "本年处理决定数量"] {
            assert!(t2021.contains(&label), "{label}");
        }
        // Inside a label of the other table: no evidence either way.
        assert!(!t2019.contains(&"规范性文件"));
        assert!(!t2019.contains(&"处理决定数量"));
        // Shared labels tell nothing.
        for label in ["规章", "行政许可", "行政事业性收费"] {
            assert!(!t2019.contains(&label) && !t2021.contains(&label), "{label}");
        }
        for t in Template::ALL {
            let others = t.other().proactive_labels();
            for label in t.distinguishing_labels() {
                assert!(others.iter().all(|o| !o.contains(label)), "{label}");
            }
        }
    }

    #[test]
    fn rows_by_role_and_the_items_of_other() {
        for shape in [OtherShape::Split, OtherShape::Single] {
            assert_eq!(row(shape, RowRole::Received).label.zh, "一、本年新收政府信息公开申请数量");
            assert_eq!(shape.row(RowRole::CarriedOver).path, ["carried_over"]);
            assert_eq!(shape.row(RowRole::ResultsTotal).label.zh, "（七）总计");
            assert_eq!(shape.row(RowRole::CarriedForward).path, ["carried_forward"]);
            assert_eq!(shape.row(RowRole::Result).path, ["results", "granted"]);
        }
        let keys: Vec<&str> = OtherShape::Split.other_rows().map(|r| r.path[2]).collect();
        assert_eq!(keys, OTHER_SUB_KEYS);
        assert_eq!(OtherShape::Single.other_rows().count(), 0);
        assert_eq!(RESULT_GROUPS.map(|g| g.key), ["withheld", "unavailable", "not_processed", "other"]);
    }

    #[test]
    fn widths() {
        assert_eq!(APPLICANT_CELLS, 7);
        assert_eq!(APPEAL_CELLS, 15);
        assert_eq!(appeal_cell(0, 0), 0);
        assert_eq!(appeal_cell(1, 0), 5);
        assert_eq!(appeal_cell(2, APPEAL_TOTAL), APPEAL_CELLS - 1);
    }

    #[test]
    fn places_of_cells() {
        let place = cell_place(Template::T2021, "/applications/results/total/natural_person", Lang::Zh).unwrap();
        assert_eq!(place.describe(Lang::Zh), "表三「（七）总计」·「自然人」");
        let place = cell_place(Template::T2021, "/applications/results/withheld/state_secret/total", Lang::Zh).unwrap();
        assert_eq!(place.row, "（三）不予公开 1.属于国家秘密");
        let place = cell_place(Template::T2019, "/proactive/fees/change", Lang::En).unwrap();
        assert_eq!(place.column, "Change this year");
        assert!(cell_place(Template::T2021, "/proactive/fees/change", Lang::Zh).is_none());
        assert_eq!(cell_place(Template::T2021, "/appeals/review/total", Lang::Zh).unwrap().row, "行政复议");
        assert!(cell_place(Template::T2021, "/overview", Lang::Zh).is_none());
    }
}
