//! The importer module (`crates/nianbao-import-web`, the PDF reader), in a
//! worker that `www/boot.js` starts on first use.

use crate::js::bindings::{js_error_text, page_function, IMPORT_FILE};

/// What the importer module made of a file.
pub enum ModuleAnswer {
    /// The imported report's JSON, its import record inside.
    Document(String),
    /// The file is JSON: read it as it is.
    Json,
    Refused(nianbao_core::import_note::Refusal),
}

/// Has the importer module import a file. An error is the module's failure,
/// not the file's refusal.
pub async fn import_in_module(bytes: &[u8], name: Option<&str>) -> Result<ModuleAnswer, String> {
    use nianbao_core::json::Value;
    let (window, function) = page_function(IMPORT_FILE).ok_or_else(|| "unavailable".to_string())?;
    let array = js_sys::Uint8Array::from(bytes);
    let name = name.map_or(wasm_bindgen::JsValue::UNDEFINED, wasm_bindgen::JsValue::from_str);
    let promise = function.call2(&window, &array, &name).map_err(js_error_text)?;
    let answer = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise)).await.map_err(js_error_text)?;
    let text = answer.as_string().ok_or("no answer")?;
    let parsed = nianbao_core::json::parse(&text).map_err(|_| "an unreadable answer".to_string())?.value;
    if let Some(document) = parsed.pointer("/document") {
        return Ok(ModuleAnswer::Document(document.to_json()));
    }
    if matches!(parsed.pointer("/json"), Some(Value::Bool(true))) {
        return Ok(ModuleAnswer::Json);
    }
    let refusal = parsed.pointer("/refused").and_then(nianbao_core::import_note::Refusal::from_json);
    refusal.map(ModuleAnswer::Refused).ok_or_else(|| "an unreadable answer".to_string())
}

/// Why the importer module failed, in words.
pub fn module_failure(reason: &str, lang: nianbao_core::Lang) -> String {
    use crate::i18n::tr;
    match reason {
        "unavailable" => tr(lang,
            "这个版本的页面不能读取 PDF（单文件版不含 PDF 读取工具）。请用网站上的年报工具打开，或导入 Word 文件、网页。",
            "This page cannot read PDFs (the single-file version has no PDF reader). Open it with Nianbao on a web site, or import the Word file or the web page.").to_string(),
        "timeout" => tr(lang,
            "读取这个 PDF 超过 60 秒，已停止。文件可能损坏或异常复杂；请改用 Word 文件或网页版本导入。",
            "Reading this PDF took more than 60 seconds and was stopped. The file may be damaged or unusually complex; import the Word file or the web page instead.").to_string(),
        other => match lang {
            nianbao_core::Lang::Zh => format!("读取这个 PDF 时出错（{other}），已停止；页面上的报告不受影响。请改用 Word 文件或网页版本导入。"),
            nianbao_core::Lang::En => format!("Reading this PDF failed ({other}) and was stopped; the report on screen is unaffected. Import the Word file or the web page instead."),
        },
    }
}
