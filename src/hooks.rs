//! Every piece of IO the app does: the clock, storage, files, the network,
//! page-wide events. Components and the reducer stay pure.

#[cfg(feature = "workstation")]
pub mod use_autosave;
pub mod use_drop_and_paste;
pub mod use_embed;
pub mod use_handoff;
pub mod use_lang_storage;
pub mod use_src_param;

use nianbao_core::date::Date;

/// Today's date on the user's clock.
#[cfg(target_arch = "wasm32")]
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(now.get_full_year() as i32, now.get_month() + 1, now.get_date()).unwrap_or(Date {
        year: 2026,
        month: 1,
        day: 1,
    })
}

/// Today's date when rendering on the build machine (the prerendered page).
#[cfg(not(target_arch = "wasm32"))]
pub fn today() -> Date {
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    Date::from_days_since_epoch((seconds + 8 * 3600).div_euclid(86_400))
}

/// Reads a picked or dropped file's bytes. A `.docx` (a zip archive) is
/// opened here and its document part decompressed, so the bytes handed on are
/// Word's XML, which the importer reads.
pub async fn read_file(file: web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.map_err(js_error_text)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Several files being read in one go: one read of them joined, which
/// browsers do much faster than a read per file. The read starts when this
/// is made; `bytes` waits for it and opens each file as `read_file` does.
#[cfg(feature = "workstation")]
pub struct FilesRead {
    files: Vec<web_sys::File>,
    joined: Result<js_sys::Promise, String>,
}

#[cfg(feature = "workstation")]
impl FilesRead {
    pub fn start(files: Vec<web_sys::File>) -> FilesRead {
        let parts: js_sys::Array = files.iter().collect();
        let joined = web_sys::Blob::new_with_blob_sequence(&parts).map(|b| b.array_buffer()).map_err(js_error_text);
        FilesRead { files, joined }
    }

    /// The files' names, in order.
    pub fn names(&self) -> Vec<String> {
        self.files.iter().map(web_sys::File::name).collect()
    }

    /// Each file's bytes, in order. A file that cannot be read gives an
    /// error for itself only.
    pub async fn bytes(self) -> Vec<Result<Vec<u8>, String>> {
        let joined = match self.joined {
            Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.map_err(js_error_text),
            Err(error) => Err(error),
        };
        let mut out = Vec::with_capacity(self.files.len());
        match joined {
            Ok(buffer) => {
                let all = js_sys::Uint8Array::new(&buffer);
                let mut start = 0u32;
                for file in &self.files {
                    let end = start + file.size() as u32;
                    out.push(Ok(all.subarray(start, end).to_vec()));
                    start = end;
                }
            }
            // One unreadable file spoils the joined read: read them one by one.
            Err(_) => {
                for file in self.files {
                    out.push(read_file(file).await);
                }
            }
        }
        out
    }
}

/// What the importer module made of a file (`crates/nianbao-import-web`).
#[cfg(feature = "workstation")]
pub enum ModuleAnswer {
    /// The imported report's JSON, its import record inside.
    Document(String),
    /// The file is JSON: read it as it is.
    Json,
    Refused(nianbao_core::import_note::Refusal),
}

/// Has the importer module (in a worker that `boot.js` starts on first use)
/// import a file. An error is the module's failure, not the file's refusal.
#[cfg(feature = "workstation")]
pub async fn import_in_module(bytes: &[u8], name: Option<&str>) -> Result<ModuleAnswer, String> {
    use nianbao_core::json::Value;
    use wasm_bindgen::JsCast;
    let window = web_sys::window().ok_or("no window")?;
    let function = js_sys::Reflect::get(&window, &"nianbaoImportFile".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| "unavailable".to_string())?;
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
#[cfg(feature = "workstation")]
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

/// Lets the browser draw and answer input before going on: a task posted
/// through a `MessageChannel`, which, unlike `setTimeout(0)`, browsers do not
/// hold back by 4 ms when such pauses follow one another.
#[cfg(feature = "workstation")]
pub async fn yield_to_browser() {
    use wasm_bindgen::JsCast;
    let promise = js_sys::Promise::new(&mut |resolve, _reject| match web_sys::MessageChannel::new() {
        Ok(channel) => {
            channel.port1().set_onmessage(Some(resolve.unchecked_ref()));
            let _ = channel.port2().post_message(&wasm_bindgen::JsValue::NULL);
        }
        Err(_) => {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A JavaScript error as text for a message.
pub fn js_error_text(error: wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    match error.dyn_ref::<js_sys::Error>() {
        Some(e) => String::from(e.message()),
        None => error.as_string().unwrap_or_else(|| "unknown error".to_string()),
    }
}

/// Offers `text` to the user as a file download.
pub fn download_text(name: &str, text: &str, mime: &str) {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(anchor) = document.create_element("a").map(|a| a.unchecked_into::<web_sys::HtmlAnchorElement>()) {
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Asks the user for a file with a file input made for the purpose (not kept
/// in the page), and hands the chosen file on.
pub fn pick_file(on_file: yew::Callback<web_sys::File>) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(input) = document.create_element("input").map(|e| e.unchecked_into::<web_sys::HtmlInputElement>()) else {
        return;
    };
    input.set_type("file");
    input.set_accept(nianbao_core::import_note::FILE_PICKER_ACCEPT);
    let chosen = input.clone();
    let listener = Closure::once_into_js(move || {
        if let Some(file) = chosen.files().and_then(|f| f.get(0)) {
            on_file.emit(file);
        }
    });
    input.set_onchange(Some(listener.unchecked_ref()));
    input.click();
}
