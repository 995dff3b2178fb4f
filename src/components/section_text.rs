//! A text section (一, 五 or 六) as paragraphs with its （一）… sub-headings.
//! Report text is text: it is never interpreted as HTML.

use crate::i18n::tr;
use crate::view::paragraphs;
use nianbao_core::template::section;
use nianbao_core::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties)]
pub struct SectionTextProps {
    /// `overview`, `problems` or `other`.
    pub key_name: &'static str,
    pub text: Option<AttrValue>,
    pub severity: Option<&'static str>,
    pub lang: Lang,
    pub id_prefix: AttrValue,
    /// Whether the section is a landmark (the whole page); an embedded
    /// report adds none to its host page.
    #[prop_or(true)]
    pub landmark: bool,
    /// The text can be edited in place.
    #[prop_or_default]
    pub editable: bool,
    /// It is being edited.
    #[prop_or_default]
    pub editing: bool,
    /// Start (`Some` of its pointer) or stop (`None`) editing it.
    #[prop_or_default]
    pub on_edit_start: Callback<Option<String>>,
    /// The section's new text: (key, text).
    #[prop_or_default]
    pub on_edit: Callback<(String, String)>,
    /// A sentence of the text to mark: the one a selected finding quotes.
    #[prop_or_default]
    pub mark: Option<AttrValue>,
}

/// Sections compare by what they show; the callbacks are left out, as for
/// table rows (`table_grid::TableRowProps`): they are made anew on every
/// render but all send to the same reducer, and a long section need not be
/// split into paragraphs again on every keystroke elsewhere.
impl PartialEq for SectionTextProps {
    fn eq(&self, other: &Self) -> bool {
        self.key_name == other.key_name
            && self.text == other.text
            && self.severity == other.severity
            && self.lang == other.lang
            && self.id_prefix == other.id_prefix
            && self.landmark == other.landmark
            && self.editable == other.editable
            && self.editing == other.editing
            && self.mark == other.mark
    }
}

#[component]
pub fn SectionText(props: &SectionTextProps) -> Html {
    // Only the workstation edits: the viewer hands an edit over before one
    // starts, so it does not carry the editor.
    let editing = cfg!(feature = "workstation") && props.editing;
    // The editor takes the focus when it opens (also when the workstation
    // has just taken over from the viewer to open it).
    let editor = use_node_ref();
    #[cfg(feature = "workstation")]
    {
        let editor = editor.clone();
        use_effect_with(editing, move |editing| {
            if let Some(area) = editor.cast::<web_sys::HtmlTextAreaElement>().filter(|_| *editing) {
                let _ = area.focus();
            }
        });
    }
    let heading = section(props.key_name).map_or("", |s| s.heading.get(props.lang));
    let heading_id = format!("{}{}-heading", props.id_prefix, props.key_name);
    let text = props.text.clone().unwrap_or_default();
    html! {
        <section class="nb-text-section" aria-labelledby={props.landmark.then(|| heading_id.clone())}
            data-pointer={format!("/{}", props.key_name)} data-severity={props.severity}>
            <h2 class="nb-section-heading" id={heading_id}>
                {heading}
                if props.editable {
                    <button type="button" class="nb-button nb-edit-text" aria-pressed={editing.to_string()}
                        onclick={{
                            let start = props.on_edit_start.clone();
                            let pointer = format!("/{}", props.key_name);
                            Callback::from(move |_: MouseEvent| start.emit((!editing).then(|| pointer.clone())))
                        }}>
                        {if editing { tr(props.lang, "完成", "Done") } else { tr(props.lang, "编辑", "Edit") }}
                    </button>
                }
            </h2>
            if editing {
                <textarea ref={editor} class="nb-text-editor" rows="12" aria-label={format!("{}{heading}", tr(props.lang, "编辑：", "Edit: "))}
                    value={text.to_string()}
                    oninput={{
                        let on_edit = props.on_edit.clone();
                        let key = props.key_name.to_string();
                        Callback::from(move |e: InputEvent| {
                            if let Some(area) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                                on_edit.emit((key.clone(), area.value()));
                            }
                        })
                    }} />
            } else {
                { for paragraphs(&text).into_iter().map(|(is_heading, p)| if is_heading {
                    html! { <h3 class="nb-subheading">{p}</h3> }
                } else {
                    paragraph(p, props.mark.as_deref())
                }) }
            }
        </section>
    }
}

/// A paragraph, with the sentence a selected finding quotes marked (as
/// text, in a `<mark>`: never as HTML).
fn paragraph(text: &str, mark: Option<&str>) -> Html {
    match marked(text, mark) {
        Some((before, sentence, after)) => html! {
            <p>
                {before}
                <mark class="nb-mark" data-testid="marked-sentence">{sentence}</mark>
                {after}
            </p>
        },
        None => html! { <p>{text}</p> },
    }
}

/// The paragraph split around the first place it holds `mark`.
fn marked<'a>(text: &'a str, mark: Option<&str>) -> Option<(&'a str, &'a str, &'a str)> {
    let mark = mark.filter(|m| !m.is_empty())?;
    let at = text.find(mark)?;
    let end = at + mark.len();
    Some((&text[..at], &text[at..end], &text[end..]))
}

#[cfg(test)]
mod tests {
    use super::marked;

    #[test]
    fn the_quoted_sentence_is_found_where_it_stands() {
        let p = "2024 年，全县共受理申请 60 件，办结 55 件。均在法定期限内答复。";
        assert_eq!(
            marked(p, Some("2024 年，全县共受理申请 60 件，办结 55 件")),
            Some(("", "2024 年，全县共受理申请 60 件，办结 55 件", "。均在法定期限内答复。"))
        );
        assert_eq!(
            marked(p, Some("均在法定期限内答复")),
            Some(("2024 年，全县共受理申请 60 件，办结 55 件。", "均在法定期限内答复", "。"))
        );
        assert_eq!(marked(p, Some("另一句")), None);
        assert_eq!(marked(p, Some("")), None);
        assert_eq!(marked(p, None), None);
    }
}
