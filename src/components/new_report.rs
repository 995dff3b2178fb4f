//! 新建报告: the form that starts a report, from the year's blank template
//! or from last year's report of the same body (the workstation only; the
//! core makes the document).

use crate::i18n::tr;
use nianbao_core::model::Kind;
use nianbao_core::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NewReportProps {
    pub lang: Lang,
    /// The year proposed: the one before today's (reports are written in the
    /// first months of the next year).
    pub year: i64,
    pub id_prefix: AttrValue,
    /// Start the blank template: year, agency, kind.
    pub on_blank: Callback<(i64, String, Option<Kind>)>,
    /// Last year's report was picked, to start from.
    pub on_previous_file: Callback<web_sys::File>,
    pub on_close: Callback<()>,
}

#[component]
pub fn NewReport(props: &NewReportProps) -> Html {
    let lang = props.lang;
    let year = use_state(|| props.year.to_string());
    let agency = use_state(String::new);
    let kind = use_state(|| None::<Kind>);
    // What is wrong with what was typed, said where it was typed.
    let problem = use_state(|| None::<(&'static str, &'static str)>);
    let id = |name: &str| format!("{}new-{name}", props.id_prefix);
    let first = use_node_ref();
    {
        let first = first.clone();
        use_effect_with((), move |_| {
            if let Some(input) = first.cast::<web_sys::HtmlInputElement>() {
                let _ = input.focus();
            }
        });
    }
    let text_input = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                state.set(input.value());
            }
        })
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                kind.set(Kind::from_code(&select.value()));
            }
        })
    };
    let onsubmit = {
        let (year, agency, kind, problem) = (year.clone(), agency.clone(), kind.clone(), problem.clone());
        let on_blank = props.on_blank.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let folded = nianbao_core::text::fold(year.trim());
            let parsed = folded.parse::<i64>().ok().filter(|y| (2008..=2200).contains(y));
            match (parsed, agency.trim().is_empty()) {
                (None, _) => problem.set(Some(("year", "请填写报告年度，如 2025。"))),
                (_, true) => problem.set(Some(("agency", "请填写机关名称，如 某某县市场监督管理局。"))),
                (Some(y), false) => {
                    problem.set(None);
                    on_blank.emit((y, agency.trim().to_string(), *kind));
                }
            }
        })
    };
    let pick_previous = {
        let on_previous_file = props.on_previous_file.clone();
        Callback::from(move |_: MouseEvent| crate::io::files::pick_file(on_previous_file.clone()))
    };
    let problem_text = |field: &str| -> Html {
        match *problem {
            Some((f, zh)) if f == field => {
                let en = match f {
                    "year" => "Give the report's year, such as 2025.",
                    _ => "Give the agency's name.",
                };
                html! { <p class="nb-field-problem" id={id(&format!("{f}-problem"))} role="alert">{tr(lang, zh, en)}</p> }
            }
            _ => html! {},
        }
    };
    let invalid = |field: &str| problem.is_some_and(|(f, _)| f == field).then_some("true");
    html! {
        <section class="nb-new-report" aria-labelledby={id("heading")} data-testid="new-report">
            <h2 id={id("heading")}>{tr(lang, "新建报告", "New report")}</h2>
            <p class="nb-hint">{tr(lang,
                "从空白模板开始：所有表格单元格为空白（不是 0），边填边检查。也可以上一年度同一机关的年报为底稿。",
                "Start from the blank template: every table cell starts blank (not 0), checked as you fill it. Or start from last year's report of the same agency.")}</p>
            <form class="nb-new-form" {onsubmit} novalidate=true>
                <div class="nb-field">
                    <label for={id("year")}>{tr(lang, "报告年度", "Report year")}</label>
                    <input id={id("year")} ref={first} type="text" inputmode="numeric" autocomplete="off" value={(*year).clone()}
                        aria-invalid={invalid("year")} aria-describedby={invalid("year").map(|_| id("year-problem"))}
                        oninput={text_input(&year)} />
                    {problem_text("year")}
                </div>
                <div class="nb-field nb-field-wide">
                    <label for={id("agency")}>{tr(lang, "机关名称", "Agency")}</label>
                    <input id={id("agency")} type="text" autocomplete="organization" value={(*agency).clone()}
                        aria-invalid={invalid("agency")} aria-describedby={invalid("agency").map(|_| id("agency-problem"))}
                        oninput={text_input(&agency)} />
                    {problem_text("agency")}
                </div>
                <div class="nb-field">
                    <label for={id("kind")}>{tr(lang, "类别", "Kind")}</label>
                    <select id={id("kind")} onchange={on_kind}>
                        <option value="" selected={kind.is_none()}>{tr(lang, "（不填）", "(not given)")}</option>
                        { for Kind::ALL.iter().map(|k| html! {
                            <option value={k.code()} selected={*kind == Some(*k)}>{k.label().get(lang)}</option>
                        }) }
                    </select>
                </div>
                <div class="nb-new-actions">
                    <button type="submit" class="nb-button nb-primary-button" data-action="create-report">
                        {tr(lang, "创建空白报告", "Create blank report")}
                    </button>
                    <button type="button" class="nb-button" data-action="new-from-previous" onclick={pick_previous}>
                        {tr(lang, "以上年报告为底稿…", "Start from last year's report…")}
                    </button>
                    <button type="button" class="nb-button" onclick={{ let f = props.on_close.clone(); Callback::from(move |_: MouseEvent| f.emit(())) }}>
                        {tr(lang, "取消", "Cancel")}
                    </button>
                </div>
            </form>
        </section>
    }
}
