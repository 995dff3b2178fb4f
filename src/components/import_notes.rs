//! What the importer could not read for certain, beside the imported report,
//! and the button that downloads the JSON it made.

use crate::i18n::tr;
use nianbao_core::import_note::{ImportNote, ImportRecord};
use nianbao_core::Lang;
use yew::prelude::*;

/// The row pointers whose cells the importer placed with less than
/// certainty: marked in the tables as guessed.
pub fn guessed_rows(notes: &[ImportNote]) -> Vec<String> {
    notes.iter().filter(|n| n.is_guess()).filter_map(|n| n.pointer().map(str::to_string)).collect()
}

/// What the importer could not read for certain (`notes`), with the download of the JSON it made.
pub fn import_notes(notes: &[ImportNote], lang: Lang, on_download: &Callback<()>) -> Html {
    let on_download = on_download.clone();
    let onclick = Callback::from(move |_: MouseEvent| on_download.emit(()));
    let missing = notes.iter().any(ImportNote::loses_cells);
    let summary = ImportRecord { notes: notes.to_vec(), ..ImportRecord::default() }.summary(lang);
    html! {
        <section class={crate::class!("nb-import", missing.then_some("nb-import-missing"))} aria-labelledby="nb-import-heading" data-testid="import-notes">
            <h2 id="nb-import-heading">{tr(lang, "导入说明", "Import notes")}</h2>
            <p>{tr(lang,
                "这份报告是导入的：数字按表格的行列标签对应到各格。",
                "This report was imported: numbers were placed by the tables' row and column labels. ")}
               <strong data-testid="import-summary">{summary}</strong></p>
            <ul>
                { for notes.iter().map(|note| html! {
                    <li class={crate::class!(note.loses_cells().then_some("nb-note-missing"))}>{note.message(lang)}</li>
                }) }
            </ul>
            <button type="button" class="nb-button nb-primary-button" {onclick}>{tr(lang, "下载 JSON", "Download JSON")}</button>
        </section>
    }
}
