//! The summary strip: errors, warnings and notes, or a clear 未发现问题, with
//! the number of checks run and skipped; 多数检查未能运行 first when most
//! checks were skipped (never clean then).

use nianbao_core::diagnostic::{Severity, Summary};
use nianbao_core::message as words;
use nianbao_core::Lang;
use yew::prelude::*;

pub fn summary_strip(summary: Summary, lang: Lang) -> Html {
    let s = summary;
    // Most checks skipped: said first, and never shown as clean.
    let unchecked = s.mostly_unchecked();
    let clean = !unchecked && s.errors + s.warnings + s.infos == 0;
    // The stripe's colour is the worst there is: red only with errors.
    let worst = if clean {
        "nb-clean"
    } else if s.errors > 0 {
        "nb-worst-error"
    } else if unchecked {
        "nb-worst-unchecked"
    } else if s.warnings > 0 {
        "nb-worst-warning"
    } else {
        "nb-worst-info"
    };
    let checks = words::checks_text(&s, lang);
    let skipped_note = (s.checks_skipped > 0).then(|| words::skipped_reason(lang));
    // A count leads to its findings (one tap, on a phone's long page): one
    // handler for the three, reading which from the count.
    let count = |n: usize, severity: Severity| {
        let class = format!("nb-{}", severity.code());
        let inner = html! { <><strong>{n}</strong>{" "}{words::count_unit(severity, n, lang)}</> };
        if n == 0 {
            return html! { <span class={crate::class!("nb-count", class, "nb-zero")}>{inner}</span> };
        }
        html! { <button type="button" class={crate::class!("nb-count", "nb-count-link", class)} data-jump={severity.code()}>{inner}</button> }
    };
    let onclick = Callback::from(|e: MouseEvent| {
        let target = e.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
        if let Some(count) = target.and_then(|t| t.closest("[data-jump]").ok().flatten()) {
            let severity = count.get_attribute("data-jump").unwrap_or_default();
            let first = format!(".nb-group-{severity} :is(button.nb-finding-button, summary)");
            crate::hooks::use_scroll_into_view::jump_to_findings(&count, &first);
        }
    });
    html! {
        <div class={crate::class!("nb-summary", worst)} role="status" data-testid="summary" {onclick}>
            if unchecked {
                <span class="nb-unchecked" data-testid="mostly-unchecked">
                    <strong>{words::mostly_unchecked_text(lang).0}</strong>{words::mostly_unchecked_text(lang).1}
                </span>
            }
            if clean {
                <span class="nb-ok">{words::no_problems(lang)}</span>
            } else {
                {count(s.errors, Severity::Error)}
                {count(s.warnings, Severity::Warning)}
                {count(s.infos, Severity::Info)}
            }
            if s.dismissed > 0 {
                <span class="nb-count nb-dismissed">
                    {words::dismissed_text(s.dismissed, lang)}
                </span>
            }
            <span class="nb-checks">{checks}{skipped_note}</span>
        </div>
    }
}
