//! What `www/nianbao-embed.js` calls to put reports into host pages
//! (`<nianbao-report>`, `Nianbao.v1`). The public JS API is versioned there;
//! these exports are its internals. Every failure becomes a `JsValue` error
//! for the caller.

use crate::app::{App, AppProps};
use crate::components::report_view::View;
use crate::embedding::{Embed, Source};
use nianbao_core::{Context, Lang};
use wasm_bindgen::prelude::*;
use yew::AppHandle;

/// Validates a report given as JSON text, and `previous` (last year's, for
/// the cross-year rules) if given. Returns the RULES.md output shape as JSON
/// text (the JS wrapper parses it).
#[wasm_bindgen(js_name = validateJson)]
pub fn validate_json(text: &str, previous: Option<String>, lang: Option<String>) -> String {
    let lang = lang.as_deref().and_then(Lang::from_code).unwrap_or_default();
    let loaded = nianbao_core::load(text.as_bytes());
    let previous = previous.map(|p| nianbao_core::load(p.as_bytes()));
    let context =
        Context { today: crate::io::clock::today(), previous: previous.as_ref().and_then(|p| p.report.as_ref()) };
    let checked = nianbao_core::validate(&loaded, &context);
    nianbao_core::output::checked(&checked, loaded.template(), lang).to_json()
}

/// A report mounted in a host element.
#[wasm_bindgen]
pub struct EmbedHandle {
    app: Option<AppHandle<App>>,
    embed: Embed,
}

static NEXT_ID: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);

/// Mounts a report into `host`, inside a shadow root so that the host
/// page's styles and ours never meet. `stylesheet` is the URL of
/// `nianbao.css` (linked, not inlined, so a strict CSP needs no exception).
///
/// # Errors
/// When the host cannot take a shadow root (it already has a closed one, or
/// is an element that cannot have one).
#[wasm_bindgen(js_name = mountReport)]
// Plain arguments across the JavaScript boundary (nianbao-embed.js is the
// one caller), rather than an object read field by field.
#[allow(clippy::too_many_arguments)]
pub fn mount_report(
    host: web_sys::Element,
    stylesheet: &str,
    lang: &str,
    view: &str,
    src: Option<String>,
    inline: Option<String>,
    title: bool,
    exports: bool,
) -> Result<EmbedHandle, JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?,
    };
    shadow.set_inner_html("");
    let link = document.create_element("link")?;
    link.set_attribute("rel", "stylesheet")?;
    link.set_attribute("href", stylesheet)?;
    shadow.append_child(&link)?;
    let container = document.create_element("div")?;
    shadow.append_child(&container)?;
    let id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let source = match (src, inline) {
        (Some(url), _) if !url.trim().is_empty() => Some(Source::Url(url)),
        (_, Some(text)) if !text.trim().is_empty() => Some(Source::Inline(text)),
        _ => None,
    };
    let embed = Embed {
        id_prefix: format!("nb{id}-").into(),
        lang: Lang::from_code(lang).unwrap_or_default(),
        view: View::from_code(view),
        source,
        generation: 0,
        host,
        title,
        exports,
    };
    let app = yew::Renderer::<App>::with_root_and_props(
        container,
        AppProps { embed: Some(embed.clone()), handoff: None, on_ready: None },
    )
    .render();
    Ok(EmbedHandle { app: Some(app), embed })
}

#[wasm_bindgen]
impl EmbedHandle {
    fn update(&mut self) {
        if let Some(app) = &mut self.app {
            app.update(AppProps { embed: Some(self.embed.clone()), handoff: None, on_ready: None });
        }
    }

    /// Shows another report: a URL to fetch, or the report's JSON text.
    pub fn load(&mut self, source: &str, is_url: bool) {
        let source = source.to_string();
        self.embed.source = Some(if is_url { Source::Url(source) } else { Source::Inline(source) });
        self.embed.generation += 1;
        self.update();
    }

    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&mut self, lang: &str) {
        self.embed.lang = Lang::from_code(lang).unwrap_or_default();
        self.update();
    }

    /// Whether the title and the CSV downloads are shown.
    #[wasm_bindgen(js_name = setParts)]
    pub fn set_parts(&mut self, title: bool, exports: bool) {
        self.embed.title = title;
        self.embed.exports = exports;
        self.update();
    }

    #[wasm_bindgen(js_name = setView)]
    pub fn set_view(&mut self, view: &str) {
        self.embed.view = View::from_code(view);
        self.update();
    }

    /// Removes the report from its host.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        if let Some(shadow) = self.embed.host.shadow_root() {
            shadow.set_inner_html("");
        }
    }
}
