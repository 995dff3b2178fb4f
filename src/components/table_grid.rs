//! One of the three tables, exactly as the template prints it: the core's
//! layout (spans, labels, header ids) rendered as a real `<table>` with
//! `scope` and `headers`, so a screen reader announces every cell's row and
//! column. Flagged cells carry `data-severity`, are focusable, and say what is
//! wrong on hover and on focus.

use crate::i18n::tr;
use crate::state::Shared;
use crate::view::{below, cell_text, start_columns, value_text, Flag, Mark};
use nianbao_core::json::Value;
use nianbao_core::layout::{GridKind, TableLayout};
use nianbao_core::{Checked, Lang, Loaded, Template};
use std::collections::{HashMap, HashSet};
use yew::prelude::*;

#[cfg(feature = "workstation")]
mod sheet;
#[cfg(feature = "workstation")]
use sheet::{use_sheet, SheetProps};

#[derive(Properties, PartialEq)]
pub struct TableGridProps {
    pub table: Shared<TableLayout>,
    pub loaded: Shared<Loaded>,
    pub checked: Shared<Checked>,
    pub flags: Shared<HashMap<String, Flag>>,
    pub template: Template,
    /// The cells the selected finding marks (`view::marks`): the one it is
    /// about strongly, its addends lightly.
    pub selected: Shared<Vec<(String, Mark)>>,
    /// Rows whose cells an importer placed by a guess: marked.
    #[prop_or_else(|| Shared::new(Vec::new()))]
    pub guessed: Shared<Vec<String>>,
    pub lang: Lang,
    /// Prefix of every id, so that several reports can share a page.
    pub id_prefix: AttrValue,
    /// A flagged cell was clicked: select its first finding.
    pub on_select: Callback<usize>,
    /// Names the report in the scrolling frame's label, so that two reports
    /// on one page give their frames different names.
    #[prop_or_default]
    pub report_name: Option<AttrValue>,
    /// Whether the table's section is a landmark (see `SectionText`).
    #[prop_or(true)]
    pub landmark: bool,
    /// Cells can be edited (double-click, or F2 on a focused cell).
    #[prop_or_default]
    pub editable: bool,
    /// The cell being edited.
    #[prop_or_default]
    pub editing: Option<AttrValue>,
    /// Start (`Some`) or stop (`None`) editing a cell.
    #[prop_or_default]
    pub on_edit_start: Callback<Option<String>>,
    /// A cell's new text, as typed.
    #[prop_or_default]
    pub on_edit: Callback<(String, String)>,
    /// Several cells' new text at once (a pasted block, cleared cells): one
    /// step of undo.
    #[prop_or_default]
    pub on_edit_cells: Callback<Vec<(String, String)>>,
    /// Escape in a cell's editor: the cell as it was before the edit.
    #[prop_or_default]
    pub on_edit_cancel: Callback<()>,
    /// Download the table as CSV.
    #[prop_or_default]
    pub on_export: Option<Callback<()>>,
    /// Last year's report: each cell shows its number beside this year's,
    /// and changed numbers are marked.
    #[prop_or_default]
    pub previous: Option<Shared<Loaded>>,
    /// Shown after the table (the outcome chart beside 表三).
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn TableGrid(props: &TableGridProps) -> Html {
    let table = &*props.table;
    let frame = use_node_ref();
    // Filling the table like a spreadsheet: the workstation's only.
    #[cfg(feature = "workstation")]
    let sheet = use_sheet(SheetProps {
        table: &props.table,
        loaded: &props.loaded,
        frame: &frame,
        editing: props.editing.as_deref(),
        enabled: props.editable,
        on_edit_start: &props.on_edit_start,
        on_edit: &props.on_edit,
        on_edit_cells: &props.on_edit_cells,
        on_edit_cancel: &props.on_edit_cancel,
    });
    #[cfg(feature = "workstation")]
    let (handlers, range, refused) = (sheet.handlers, sheet.range, sheet.refused.map(|o| (o, sheet.on_dismiss)));
    #[cfg(not(feature = "workstation"))]
    let (range, refused) = (HashSet::<String>::new(), None::<((), Callback<MouseEvent>)>);
    let sheet_mode = cfg!(feature = "workstation") && props.editable;
    let first_cell = table.rows.iter().flatten().find_map(|c| c.pointer());
    let lang = props.lang;
    let prefix = props.id_prefix.as_str();
    // What depends on the layout alone is worked out once per layout, not on
    // every keystroke of an edit: grid columns, and the header ids that data
    // cells name (a header no data cell names — 信息内容, the 勾稽关系 note —
    // is drawn as a header but marked up as a plain cell: a <th> must
    // describe data).
    let shape = use_memo(props.table.clone(), |table| {
        let referenced: HashSet<String> = table.rows.iter().flatten().flat_map(|c| c.headers.iter().cloned()).collect();
        RowShape { starts: start_columns(table), referenced }
    });
    let shape = Shared(shape);
    let empty = Value::Null;
    let document = props.loaded.document.as_ref().unwrap_or(&empty);
    // Last year's report is only ever loaded in the workstation.
    let last_year = props.previous.as_ref().and_then(|p| p.document.as_ref()).filter(|_| cfg!(feature = "workstation"));

    // What each value cell shows, as plain data: a row is drawn again only
    // when something it shows has changed (typing in one cell redraws one
    // row, not four hundred cells).
    let value_cell = |pointer: &str| -> ValueCell {
        // One look-up of the cell's value gives both its text and its kind.
        let value = document.pointer(pointer);
        let text = value_text(value);
        let last_year = last_year.map(|d| cell_text(d, pointer));
        // The first is the strongest: `marks` lists the flagged cells first.
        let mark = props.selected.iter().find(|(p, _)| p == pointer).map(|(_, m)| *m);
        let guessed = props.guessed.iter().any(|row| below(pointer, row));
        let flag = props.flags.get(pointer).and_then(|f| {
            let severity = f.severity?;
            // The short sentence of each finding about this cell.
            let messages = f
                .findings
                .iter()
                .filter_map(|&i| props.checked.diagnostics.get(i))
                .map(|d| nianbao_core::message::message(d, props.template, lang))
                .collect();
            Some(CellFlag { severity: severity.code(), first: f.findings.first().copied(), messages })
        });
        ValueCell {
            numeric: matches!(value, Some(Value::Number(_))),
            stored_text: matches!(value, Some(Value::String(_))),
            in_range: range.contains(pointer),
            tabbable: first_cell == Some(pointer),
            text,
            last_year,
            mark,
            guessed,
            editing: props.editing.as_deref() == Some(pointer),
            flag,
        }
    };
    let render_row = |row: usize| -> Html {
        let cells: Vec<Option<ValueCell>> =
            table.rows[row].iter().map(|cell| cell.pointer().map(&value_cell)).collect();
        html! {
            <TableRow table={props.table.clone()} {row} shape={shape.clone()} {cells} {lang}
                id_prefix={props.id_prefix.clone()} template={props.template} editable={props.editable} {sheet_mode}
                on_select={props.on_select.clone()} on_edit_start={props.on_edit_start.clone()} on_edit={props.on_edit.clone()} />
        }
    };
    let body = html! {
        <>
            <caption class="nb-visually-hidden">{table.caption.get(lang)}</caption>
            if table.head_rows > 0 {
                <thead>{ for (0..table.head_rows).map(render_row) }</thead>
            }
            <tbody>{ for (table.head_rows..table.rows.len()).map(render_row) }</tbody>
        </>
    };
    let grid_class = crate::class!("nb-grid", format!("nb-grid-{}", table.key), sheet_mode.then_some("nb-sheet"));
    // The viewer's table listens to nothing (it has no sheet behaviour).
    #[cfg(feature = "workstation")]
    let grid = html! {
        <table class={grid_class}
            onkeydown={handlers.onkeydown} onmousedown={handlers.onmousedown} onmouseover={handlers.onmouseover}
            onpaste={handlers.onpaste} oncopy={handlers.oncopy} onfocusin={handlers.onfocusin}>
            {body}
        </table>
    };
    #[cfg(not(feature = "workstation"))]
    let grid = html! { <table class={grid_class}>{body}</table> };
    let caption_id = format!("{prefix}{}-caption", table.key);
    let scroll_label = format!(
        "{}{}{}",
        props.report_name.as_ref().map(|n| format!("{n} · ")).unwrap_or_default(),
        table.caption.get(lang),
        tr(lang, "（可左右滚动）", " (scrolls sideways)")
    );
    html! {
        <section class={crate::class!("nb-table-section", format!("nb-{}", table.key))} aria-labelledby={props.landmark.then(|| caption_id.clone())}>
            <h2 class="nb-section-heading" id={caption_id}>
                {table.caption.get(lang)}
                if let Some(on_export) = &props.on_export {
                    <button type="button" class="nb-button nb-edit-text" data-testid={format!("export-{}", table.key)}
                        onclick={{ let f = on_export.clone(); Callback::from(move |_: MouseEvent| f.emit(())) }}>
                        {tr(lang, "导出 CSV", "Export CSV")}
                    </button>
                }
            </h2>
            {refused_notice(refused, lang)}
            // Shown where the table is wider than the screen (the stylesheet
            // knows which); the frame's label says it to a screen reader.
            <p class="nb-scroll-hint" aria-hidden="true">{tr(lang, "表格较宽，请左右滑动查看各列 →", "The table is wide: swipe sideways for every column →")}</p>
            <div class="nb-scroll" tabindex="0" role="region" aria-label={scroll_label} ref={frame}>
                {grid}
            </div>
            {props.children.clone()}
        </section>
    }
}

/// A pasted block that did not fit, said above the table until dismissed.
#[cfg(feature = "workstation")]
fn refused_notice(refused: Option<(nianbao_core::sheet::Overflow, Callback<MouseEvent>)>, lang: Lang) -> Html {
    let Some((overflow, on_dismiss)) = refused else { return Html::default() };
    html! {
        <div class="nb-sheet-notice" role="alert" data-testid="paste-refused">
            <span>{nianbao_core::message::paste_refused(&overflow, lang)}</span>
            <button type="button" class="nb-button" onclick={on_dismiss}>{tr(lang, "知道了", "OK")}</button>
        </div>
    }
}

#[cfg(not(feature = "workstation"))]
fn refused_notice(_: Option<((), Callback<MouseEvent>)>, _: Lang) -> Html {
    Html::default()
}

/// What depends on the layout alone, worked out once per layout: each
/// cell's grid column, and the header ids that data cells name (a header no
/// data cell names — 信息内容, the 勾稽关系 note — is drawn as a header but
/// marked up as a plain cell: a `<th>` must describe data).
pub struct RowShape {
    starts: Vec<Vec<usize>>,
    referenced: HashSet<String>,
}

/// What the findings say about a value cell, as it is shown.
#[derive(Debug, Clone, PartialEq)]
pub struct CellFlag {
    severity: &'static str,
    /// The finding a click selects.
    first: Option<usize>,
    /// The tooltip: the sentence of every finding about it.
    messages: Vec<String>,
}

/// Everything a value cell shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueCell {
    text: String,
    numeric: bool,
    /// The cell holds text (what is typed is not a number).
    stored_text: bool,
    /// In the selected range of cells.
    in_range: bool,
    /// The cell the keyboard reaches the table on.
    tabbable: bool,
    /// Last year's number, when comparing.
    last_year: Option<String>,
    /// How the selected finding marks it.
    mark: Option<Mark>,
    guessed: bool,
    editing: bool,
    flag: Option<CellFlag>,
}

#[derive(Properties)]
pub struct TableRowProps {
    table: Shared<TableLayout>,
    row: usize,
    shape: Shared<RowShape>,
    /// For each cell of the row, what it shows when it holds a value.
    cells: Vec<Option<ValueCell>>,
    lang: Lang,
    id_prefix: AttrValue,
    template: Template,
    editable: bool,
    /// Filled like a spreadsheet (the table's handlers do the keys).
    sheet_mode: bool,
    on_select: Callback<usize>,
    on_edit_start: Callback<Option<String>>,
    on_edit: Callback<(String, String)>,
}

/// Rows compare by what they show. The callbacks are left out: the parent
/// makes new ones on every render, but they all send to the same reducer,
/// so a row whose cells have not changed need not be drawn again.
impl PartialEq for TableRowProps {
    fn eq(&self, other: &Self) -> bool {
        self.table == other.table
            && self.row == other.row
            && self.shape == other.shape
            && self.cells == other.cells
            && self.lang == other.lang
            && self.id_prefix == other.id_prefix
            && self.template == other.template
            && self.editable == other.editable
            && self.sheet_mode == other.sheet_mode
    }
}

#[component]
fn TableRow(props: &TableRowProps) -> Html {
    let table = &*props.table;
    let RowShape { starts, referenced } = &*props.shape;
    let (lang, row) = (props.lang, props.row);
    let prefix = props.id_prefix.as_str();
    let render_cell = |index: usize| -> Html {
        let cell = &table.rows[row][index];
        let column_class = format!("nb-c{}", starts[row][index]);
        let colspan = (cell.colspan > 1).then(|| cell.colspan.to_string());
        let rowspan = (cell.rowspan > 1).then(|| cell.rowspan.to_string());
        match (&cell.kind, &props.cells[index]) {
            (GridKind::Value { pointer }, Some(shown)) => {
                let shown_cell =
                    ShownCell { pointer, shown, headers: headers_of(prefix, &cell.headers), column_class, colspan };
                // The viewer has no editor.
                #[cfg(feature = "workstation")]
                {
                    if shown.editing {
                        return editor_cell(props, shown_cell);
                    }
                }
                value_cell(props, shown_cell)
            }
            (GridKind::Empty, _) => html! { <td class={crate::class!("nb-empty", column_class)}></td> },
            (kind, _) => {
                let label = cell.label.map(|l| l.get(lang)).unwrap_or_default();
                // A header no data cell names is drawn as one but marked up
                // as a plain cell.
                let id = cell.id.as_deref().filter(|id| referenced.contains(*id));
                let (scope, header_class) = match kind {
                    GridKind::RowHeader => (if cell.rowspan > 1 { "rowgroup" } else { "row" }, "nb-rh"),
                    GridKind::BlockHeader => ("colgroup", "nb-block"),
                    _ => (if cell.colspan > 1 { "colgroup" } else { "col" }, "nb-ch"),
                };
                let vertical = cell.rowspan > 8 && matches!(kind, GridKind::RowHeader);
                let class = crate::class!(
                    header_class,
                    column_class,
                    vertical.then_some("nb-vertical"),
                    id.is_none().then_some("nb-h")
                );
                html! {
                    <@{if id.is_some() { "th" } else { "td" }} id={id.map(|id| format!("{prefix}{id}"))} scope={id.map(|_| scope)}
                        class={class} colspan={colspan} rowspan={rowspan}>{label}</@>
                }
            }
        }
    };
    html! { <tr>{ for (0..table.rows[row].len()).map(render_cell) }</tr> }
}

/// A value cell of a row, where it is and what it shows.
struct ShownCell<'a> {
    pointer: &'a str,
    shown: &'a ValueCell,
    /// The `headers` attribute.
    headers: String,
    column_class: String,
    colspan: Option<String>,
}

/// The `headers` attribute of a data cell: the ids of the headers that
/// describe it.
fn headers_of(prefix: &str, headers: &[String]) -> String {
    headers.iter().map(|h| format!("{prefix}{h}")).collect::<Vec<_>>().join(" ")
}

/// A value cell as shown: its text, last year's number when comparing, and
/// when findings are about it, their sentences as its tooltip (a click or
/// Enter selects the first).
fn value_cell(props: &TableRowProps, cell: ShownCell<'_>) -> Html {
    let ShownCell { pointer, shown, headers, column_class, colspan } = cell;
    let lang = props.lang;
    // A sheet (ranges, the keys of the table) is the workstation's only.
    let sheet_mode = cfg!(feature = "workstation") && props.sheet_mode;
    let flag = shown.flag.as_ref();
    let changed = cfg!(feature = "workstation") && shown.last_year.as_ref().is_some_and(|last| *last != shown.text);
    let mark = match shown.mark {
        Some(Mark::Flagged) => Some("nb-selected"),
        Some(Mark::Addend) => Some("nb-addend"),
        None => None,
    };
    let class = crate::class!(
        "nb-v",
        if shown.numeric { "nb-num" } else { "nb-txt" },
        column_class,
        changed.then_some("nb-changed"),
        mark,
        shown.guessed.then_some("nb-guessed"),
        props.editable.then_some("nb-editable"),
        (cfg!(feature = "workstation") && shown.in_range).then_some("nb-in-range"),
        flag.map(|_| "nb-flagged"),
    );
    let ondblclick = props.editable.then(|| {
        let (start, target) = (props.on_edit_start.clone(), pointer.to_string());
        Callback::from(move |_: MouseEvent| start.emit(Some(target.clone())))
    });
    // A flagged cell takes the focus; in a sheet every value cell does (the
    // selected cell), and the keyboard reaches the table on its first cell.
    let tabindex = match (flag, sheet_mode) {
        (Some(_), _) => Some("0"),
        (None, true) => Some(if shown.tabbable { "0" } else { "-1" }),
        (None, false) => None,
    };
    let tip_id = flag.map(|_| format!("{}tip{}", props.id_prefix, pointer.replace('/', "-")));
    let first = flag.and_then(|f| f.first);
    let onclick = first.map(|i| {
        let on_select = props.on_select.clone();
        Callback::from(move |_: MouseEvent| on_select.emit(i))
    });
    // In a sheet the table's handlers do the keys.
    let onkeydown = (flag.is_some() && !sheet_mode).then(|| {
        let (on_select, start, editable, target) =
            (props.on_select.clone(), props.on_edit_start.clone(), props.editable, pointer.to_string());
        Callback::from(move |e: KeyboardEvent| match (e.key().as_str(), first) {
            ("Enter", Some(i)) => on_select.emit(i),
            ("F2", _) if editable => start.emit(Some(target.clone())),
            _ => {}
        })
    });
    let last_year = shown.last_year.as_ref().filter(|_| cfg!(feature = "workstation")).map(|last| {
        html! {
            <span class="nb-last-year" title={flag.is_none().then(|| tr(lang, "上年数字", "Last year"))}>
                <span class="nb-visually-hidden">{tr(lang, "上年：", "last year: ")}</span>
                {if last.is_empty() { "—" } else { last.as_str() }}
            </span>
        }
    });
    let text = if flag.is_some() || last_year.is_some() {
        html! { <span class="nb-cell-text">{shown.text.clone()}</span> }
    } else {
        Html::from(shown.text.clone())
    };
    let tip = flag.map(|flag| {
        let messages = flag.messages.iter().map(|m| html! { <span class="nb-tip-line">{m.clone()}</span> });
        html! { <span class="nb-tip" role="tooltip" id={tip_id.clone()}>{for messages}</span> }
    });
    html! {
        <td class={class} data-pointer={pointer.to_string()} data-severity={flag.map(|f| f.severity)} headers={headers}
            colspan={colspan} tabindex={tabindex} aria-describedby={tip_id} {onclick} {onkeydown} {ondblclick}>
            {text}{last_year}{tip}
        </td>
    }
}

/// The cell being edited: an input with what is typed (the workstation's
/// only: the viewer has no editor).
#[cfg(feature = "workstation")]
fn editor_cell(props: &TableRowProps, cell: ShownCell<'_>) -> Html {
    let ShownCell { pointer, shown, headers, column_class, colspan } = cell;
    use wasm_bindgen::JsCast;
    let lang = props.lang;
    let (on_edit, target) = (props.on_edit.clone(), pointer.to_string());
    let oninput = Callback::from(move |e: InputEvent| {
        if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            on_edit.emit((target.clone(), input.value()));
        }
    });
    let stop = props.on_edit_start.clone();
    let onblur = Callback::from(move |_: FocusEvent| stop.emit(None));
    let label =
        format!("{}{}", tr(lang, "编辑：", "Edit: "), nianbao_core::message::place(props.template, pointer, lang));
    // What is typed is not a number: it will be stored as text.
    let note_id = format!("{}note{}", props.id_prefix, pointer.replace('/', "-"));
    let note = shown.stored_text.then(|| nianbao_core::message::stored_as_text(lang));
    html! {
        <td class={crate::class!("nb-v", "nb-editing", column_class)} data-pointer={pointer.to_string()} headers={headers} colspan={colspan}
            tabindex="-1">
            <input class="nb-cell-input" type="text" inputmode="decimal" aria-label={label}
                aria-describedby={note.is_some().then(|| note_id.clone())}
                value={shown.text.clone()} {oninput} {onblur} />
            if let Some(note) = note {
                <span class="nb-cell-note" id={note_id} role="status" data-testid="stored-as-text">{note}</span>
            }
        </td>
    }
}
