//! One opened report: its import notes, summary, header, sections, tables
//! and findings, as much of it as the view asks for.

use crate::components::failure::origin_name;
use crate::components::findings::{findings_panel, FindingsPanelProps};
use crate::components::header::{report_header, ReportHeaderProps};
use crate::components::import_notes::{guessed_rows, import_notes};
use crate::components::outcome_chart::outcome_chart;
use crate::components::section_text::SectionText;
use crate::components::summary::summary_strip;
use crate::components::table_grid::TableGrid;
use crate::io::download::Download;
use crate::state::{Edit, Opened, Shared};
use crate::view::{cell_pointers, flags};
use nianbao_core::Lang;
use yew::prelude::*;

/// What an embedding shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// The report, its summary and its findings.
    #[default]
    Full,
    /// The report as published: header, sections and tables, no findings.
    Tables,
    /// The summary and the findings beside the tables, for reviewers.
    Check,
}

impl View {
    pub fn from_code(code: &str) -> View {
        match code {
            "tables" => View::Tables,
            "check" => View::Check,
            _ => View::Full,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ReportViewProps {
    pub opened: Opened,
    pub lang: Lang,
    pub view: View,
    pub id_prefix: AttrValue,
    pub selected: Option<usize>,
    pub on_select: Callback<Option<usize>>,
    /// Embedded in a host page: no landmarks of its own.
    #[prop_or_default]
    pub embedded: bool,
    /// Show the report's title (an embedding host may leave it out).
    #[prop_or(true)]
    pub show_title: bool,
    /// Offer the tables' CSV downloads (the whole page does; an embedding
    /// host only when it asks).
    #[prop_or(true)]
    pub exports: bool,
    /// The report can be edited (the whole-page app).
    #[prop_or_default]
    pub editable: bool,
    #[prop_or_default]
    pub editing: Option<AttrValue>,
    #[prop_or_default]
    pub on_edit_start: Callback<Option<String>>,
    /// A change to the report.
    #[prop_or_default]
    pub on_edit: Callback<Edit>,
    /// Escape in a cell's editor: the cell as it was.
    #[prop_or_default]
    pub on_edit_cancel: Callback<()>,
    /// Last year's report, when loaded; `compare` shows its numbers in the
    /// cells.
    #[prop_or_default]
    pub previous: Option<Opened>,
    #[prop_or_default]
    pub compare: bool,
    /// A download asked for (the report's JSON, a table's CSV); the app
    /// starts it.
    #[prop_or_default]
    pub on_download: Callback<Download>,
    /// Content shown above the report (a failure banner).
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn ReportView(props: &ReportViewProps) -> Html {
    let opened = &props.opened;
    let lang = props.lang;
    let prefix = props.id_prefix.clone();
    let show_findings = props.view != View::Tables;
    let flags = {
        let key = (opened.checked.clone(), opened.tables.clone(), show_findings);
        (*use_memo(key, |(checked, tables, show)| {
            let diagnostics = if *show { checked.diagnostics.as_slice() } else { &[] };
            Shared::new(flags(diagnostics, &cell_pointers(tables.iter().map(|t| &**t))))
        }))
        .clone()
    };
    // The cells the selected finding marks, made once per selection: the
    // same `Shared` until it changes, so the tables do not redraw for it.
    let selected_pointers = {
        let key = (opened.checked.clone(), opened.tables.clone(), props.selected);
        (*use_memo(key, |(checked, tables, selected)| {
            Shared::new(
                selected
                    .and_then(|i| checked.diagnostics.get(i))
                    .map(|d| crate::view::marks(d, &cell_pointers(tables.iter().map(|t| &**t))))
                    .unwrap_or_default(),
            )
        }))
        .clone()
    };

    // The sentence a selected text-table-mismatch quotes, marked in section 一
    // while its cells are highlighted in the tables.
    let marked_sentence =
        props.selected.and_then(|i| opened.checked.diagnostics.get(i)).and_then(|d| match &d.detail {
            nianbao_core::diagnostic::Detail::TextTableMismatch { sentence, .. } => {
                Some(AttrValue::from(sentence.clone()))
            }
            _ => None,
        });
    // Whether the report can be published, and its blank cells still to
    // fill (counted once per document): for those who write it, in the
    // workstation.
    #[cfg(feature = "workstation")]
    let publish_state = {
        let to_fill = *use_memo(opened.loaded.clone(), |loaded| {
            loaded.document.as_ref().map_or([0; 3], nianbao_core::new::to_fill)
        });
        html! {
            if props.editable {
                <crate::components::publish_state::PublishState checked={opened.checked.clone()} {to_fill} {lang}
                    on_select={props.on_select.clone()} />
            }
        }
    };
    #[cfg(not(feature = "workstation"))]
    let publish_state = Html::default();
    let guessed = Shared::new(opened.import_notes.as_ref().map(|n| guessed_rows(n)).unwrap_or_default());
    let on_cell_select = {
        let on_select = props.on_select.clone();
        Callback::from(move |index: usize| on_select.emit(Some(index)))
    };
    let on_download_json = props.on_download.reform(|()| Download::Report);
    let Some(report) = opened.loaded.report.as_ref() else {
        // Only readable reports are ever opened.
        return html! {};
    };
    // The callbacks handed to table rows and text sections only send to the
    // reducer, capturing nothing that changes: those components compare their
    // props without them (see `table_grid::TableRowProps`), so a callback
    // that captured changing data would be kept stale.
    #[cfg(feature = "workstation")]
    let (on_cell_edit, on_cells_edit, on_text_edit) = {
        let on_edit = &props.on_edit;
        (
            on_edit.reform(|(pointer, text): (String, String)| Edit::Cell { pointer, text }),
            on_edit.reform(|cells: Vec<(String, String)>| Edit::Cells { cells }),
            on_edit.reform(|(key, text): (String, String)| Edit::Text { key, text }),
        )
    };
    // The viewer edits no cell and no text: it hands an edit over to the
    // workstation before one starts.
    #[cfg(not(feature = "workstation"))]
    let (on_cell_edit, on_cells_edit, on_text_edit) = (Callback::noop(), Callback::noop(), Callback::noop());
    // Both years, oldest first, when last year's report is loaded (which only
    // the workstation does).
    #[cfg(not(feature = "workstation"))]
    let trend = Html::default();
    #[cfg(feature = "workstation")]
    let trend = props.previous.as_ref().and_then(|p| p.loaded.report.clone()).and_then(|last| {
        let (this_year, last_year) = (report.year?, last.year?);
        let mut years = vec![(last_year, Shared::new(last)), (this_year, Shared::new(report.clone()))];
        years.sort_by_key(|(y, _)| *y);
        Some(html! { <crate::components::trend_chart::TrendChart {years} {lang} /> })
    });
    // What the small numbers in the cells are, while last year's are shown.
    #[cfg(feature = "workstation")]
    let compare_legend = props.previous.as_ref().filter(|_| props.compare).and_then(|p| p.loaded.report.as_ref()).map(|last| {
        let year = last.year.map(|y| y.to_string()).unwrap_or_default();
        html! {
            <p class="nb-compare-legend" data-testid="compare-legend">
                {if lang == Lang::Zh { format!("格中数字下方的灰色小字是上年（{year} 年）报告的数字；左侧有竖线、数字加粗的格子与上年不同。") }
                 else { format!("The small grey figure under each number is last year's ({year}) report's; a cell with a bar on its left and its number in bold differs from last year.") }}
            </p>
        }
    });
    #[cfg(not(feature = "workstation"))]
    let compare_legend = Html::default();
    let template = report.template;
    // On a narrow screen the findings are below the report: from a cell a
    // finding led to, one tap leads back to it.
    let back_to_findings = Callback::from(|e: MouseEvent| {
        if let Some(button) = e.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()) {
            crate::hooks::use_scroll_into_view::jump_to_findings(&button, ".nb-selected button.nb-finding-button");
        }
    });
    // Where the report came from: on a host page, a citizen is shown the
    // report's own source (the document's `source`), never a file path.
    let origin = if props.embedded {
        match opened.loaded.document.as_ref().and_then(|d| d.pointer("/source")) {
            Some(nianbao_core::json::Value::String(source)) if !source.trim().is_empty() => {
                Some(AttrValue::from(source.clone()))
            }
            _ => None,
        }
    } else {
        Some(AttrValue::from(origin_name(&opened.origin, lang)))
    };
    let report_name = AttrValue::from(format!(
        "{}{}",
        report.agency.clone().unwrap_or_default(),
        report.year.map(|y| format!(" {y}")).unwrap_or_default()
    ));
    let severity = |pointer: &str| flags.get(pointer).and_then(|f| f.severity).map(|s| s.code());
    let section = |key: &'static str| {
        html! {
            <SectionText key_name={key} text={report.section_text(key).map(|t| AttrValue::from(t.to_string()))}
                severity={severity(&format!("/{key}"))} {lang} id_prefix={prefix.clone()} landmark={!props.embedded}
                editable={props.editable} editing={props.editing.as_deref() == Some(format!("/{key}").as_str())}
                on_edit_start={props.on_edit_start.clone()} on_edit={on_text_edit.clone()}
                mark={(key == "overview").then(|| marked_sentence.clone()).flatten()} />
        }
    };
    let table = |index: usize| {
        let on_export = props.on_download.reform(move |()| Download::Table(index));
        let chart = (index == 1).then(|| outcome_chart(&opened.loaded, lang));
        html! {
            <TableGrid table={opened.tables[index].clone()} loaded={opened.loaded.clone()} checked={opened.checked.clone()}
                flags={flags.clone()} {template} selected={selected_pointers.clone()} guessed={guessed.clone()} {lang}
                id_prefix={prefix.clone()} on_select={on_cell_select.clone()} landmark={!props.embedded}
                report_name={props.embedded.then(|| report_name.clone())} editable={props.editable}
                editing={props.editing.clone()} on_edit_start={props.on_edit_start.clone()} on_edit={on_cell_edit.clone()}
                on_edit_cells={on_cells_edit.clone()} on_edit_cancel={props.on_edit_cancel.clone()}
                on_export={props.exports.then_some(on_export)}
                previous={props.compare.then(|| props.previous.as_ref().map(|p| p.loaded.clone())).flatten()}>
                {chart}
            </TableGrid>
        }
    };
    html! {
        <div class={crate::class!("nb-layout", (!show_findings).then_some("nb-layout-single"))}>
            <@{if props.embedded { "div" } else { "main" }} class="nb-report">
                {props.children.clone()}
                if let Some(notes) = &opened.import_notes {
                    {import_notes(notes, lang, &on_download_json)}
                }
                if show_findings {
                    {summary_strip(opened.checked.summary, lang)}
                    {publish_state.clone()}
                }
                {report_header(&ReportHeaderProps {
                    loaded: opened.loaded.clone(), flags: flags.clone(), origin, lang, show_title: props.show_title,
                    editable: props.editable, editing: props.editing.as_deref() == Some(""),
                    on_edit_start: props.on_edit_start.clone(), on_edit: props.on_edit.clone(),
                })}
                {trend}
                {compare_legend}
                {section("overview")}
                {table(0)}
                {table(1)}
                {table(2)}
                {section("problems")}
                {section("other")}
            </@>
            if show_findings && props.selected.is_some() {
                <button type="button" class="nb-back-to-findings" data-action="back-to-findings" onclick={back_to_findings}>
                    {crate::i18n::tr(lang, "↑ 回到检查结果", "↑ Back to the findings")}
                </button>
            }
            if show_findings {
                {findings_panel(&FindingsPanelProps {
                    checked: opened.checked.clone(), template, selected: props.selected, lang,
                    on_select: props.on_select.clone(), landmark: !props.embedded,
                    on_settle: props.editable.then(|| props.on_edit.clone()),
                })}
            }
        </div>
    }
}
