//! The summary strip: errors, warnings and notes, or a clear 未发现问题, with
//! the number of checks run and skipped.

use crate::i18n::tr;
use nianbao_core::diagnostic::Summary;
use nianbao_core::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryStripProps {
    pub summary: Summary,
    pub lang: Lang,
}

#[component]
pub fn SummaryStrip(props: &SummaryStripProps) -> Html {
    let s = props.summary;
    let lang = props.lang;
    let clean = s.errors + s.warnings + s.infos == 0;
    let checks = match lang {
        Lang::Zh => format!("共运行 {} 项检查，跳过 {} 项", s.checks_run, s.checks_skipped),
        Lang::En => format!("{} checks run, {} skipped", s.checks_run, s.checks_skipped),
    };
    let skipped_note = (s.checks_skipped > 0).then(|| {
        tr(lang, "（所需的数据空白、不是数字或没有提供）", " (the data they need is blank, not a number, or not given)")
    });
    let count = |n: usize, class: &'static str, zh: &'static str, en: &'static str| {
        html! { <span class={classes!("nb-count", class, (n == 0).then_some("nb-zero"))}><strong>{n}</strong>{" "}{tr(lang, zh, en)}</span> }
    };
    html! {
        <div class={classes!("nb-summary", clean.then_some("nb-clean"))} role="status" data-testid="summary">
            if clean {
                <span class="nb-ok">{tr(lang, "✓ 未发现问题", "✓ No problems found")}</span>
            } else {
                {count(s.errors, "nb-error", "个错误", if s.errors == 1 { "error" } else { "errors" })}
                {count(s.warnings, "nb-warning", "个警告", if s.warnings == 1 { "warning" } else { "warnings" })}
                {count(s.infos, "nb-info", "条提示", if s.infos == 1 { "note" } else { "notes" })}
            }
            if s.dismissed > 0 {
                <span class="nb-count nb-dismissed">
                    { match lang { Lang::Zh => format!("{} 条已排除", s.dismissed), Lang::En => format!("{} dismissed", s.dismissed) } }
                </span>
            }
            <span class="nb-checks">{checks}{skipped_note}</span>
        </div>
    }
}
