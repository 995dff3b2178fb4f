//! Files the user picks or drops: their bytes, read one by one or many in
//! one go, and the file picker.

use crate::js::bindings::js_error_text;

/// Reads a picked or dropped file's bytes.
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

/// The files of a file list.
pub fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
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
