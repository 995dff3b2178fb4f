//! A text section (一, 五 or 六) as paragraphs with its （一）… sub-headings.
//! Report text is text: it is never interpreted as HTML.

use crate::view::paragraphs;
use nianbao_core::template::section;
use nianbao_core::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
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
}

#[component]
pub fn SectionText(props: &SectionTextProps) -> Html {
    let heading = section(props.key_name).map_or("", |s| s.heading.get(props.lang));
    let heading_id = format!("{}{}-heading", props.id_prefix, props.key_name);
    let text = props.text.clone().unwrap_or_default();
    html! {
        <section class="nb-text-section" aria-labelledby={props.landmark.then(|| heading_id.clone())}
            data-pointer={format!("/{}", props.key_name)} data-severity={props.severity}>
            <h2 class="nb-section-heading" id={heading_id}>{heading}</h2>
            { for paragraphs(&text).into_iter().map(|(is_heading, p)| if is_heading {
                html! { <h3 class="nb-subheading">{p}</h3> }
            } else {
                html! { <p>{p}</p> }
            }) }
        </section>
    }
}
