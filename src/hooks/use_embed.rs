//! An embedded report's IO: reading its source (a URL or the JSON in the
//! page), following the host's language, and telling the host page what was
//! found with a `nianbao-validated` event.

use crate::embedding::{Embed, Source};
use crate::io::clock::today;
use crate::io::open::open_url;
use crate::state::{Action, Opened, Origin, State};
use nianbao_core::Lang;
use yew::prelude::*;

#[hook]
pub fn use_embed(embed: Option<Embed>, dispatch: UseReducerDispatcher<State>, current: Option<Opened>, lang: Lang) {
    // Read the source whenever it (or the generation) changes.
    {
        let dispatch = dispatch.clone();
        let key = embed.as_ref().map(|e| (e.source.clone(), e.generation));
        use_effect_with(key, move |key| {
            let Some((Some(source), _)) = key.clone() else { return };
            match source {
                Source::Inline(text) => dispatch.dispatch(Action::Open {
                    origin: Origin::Inline,
                    bytes: text.into_bytes().into(),
                    today: today(),
                }),
                Source::Url(url) => open_url(url, dispatch.clone()),
            }
        });
    }
    // Follow the host's language.
    {
        let dispatch = dispatch.clone();
        let wanted = embed.as_ref().map(|e| e.lang);
        use_effect_with(wanted, move |wanted| {
            if let Some(lang) = wanted {
                dispatch.dispatch(Action::SetLang(*lang));
            }
        });
    }
    // Tell the host page what was found, each time a report is checked.
    {
        let host = embed.as_ref().map(|e| e.host.clone());
        let checked = current.as_ref().map(|c| (c.checked.clone(), c.loaded.template()));
        use_effect_with((checked, lang), move |(checked, lang)| {
            let (Some(host), Some((checked, template))) = (host, checked) else { return };
            let json = nianbao_core::output::checked(checked, *template, *lang).to_json();
            let detail = js_sys::JSON::parse(&json).unwrap_or(wasm_bindgen::JsValue::NULL);
            let init = web_sys::CustomEventInit::new();
            init.set_detail(&detail);
            init.set_bubbles(true);
            init.set_composed(true);
            if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("nianbao-validated", &init) {
                let _ = host.dispatch_event(&event);
            }
        });
    }
}
