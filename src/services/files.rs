//! Files in and out: downloads made in the page (no server), and reading a
//! chosen or dropped file without blocking.

use wasm_bindgen::JsCast;

/// Offers `bytes` as a download named `name`.
pub fn download(name: &str, bytes: &[u8], mime: &str) -> Result<(), String> {
    let fail = |_| "Trình duyệt không cho tải tệp xuống.".to_string();
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("Không có trang.")?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "Không tạo được liên kết tải.".to_string())?;
    a.set_href(&url);
    a.set_download(name);
    if let Some(body) = doc.body() {
        body.append_child(&a).ok();
        a.click();
        body.remove_child(&a).ok();
    }
    // Revoking at once can cancel the download in some browsers.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// The bytes of a file, refusing (before reading) anything over `limit`.
pub async fn read(file: &web_sys::File, limit: usize) -> Result<Vec<u8>, ReadError> {
    let size = file.size() as usize;
    if size > limit {
        return Err(ReadError::TooLarge(size));
    }
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| ReadError::Failed)?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    TooLarge(usize),
    Failed,
}

/// The files of a drop event or a file input's change event.
pub fn files_of_event(e: &web_sys::Event) -> Vec<web_sys::File> {
    let list = if let Some(d) = e.dyn_ref::<web_sys::DragEvent>() {
        d.data_transfer().and_then(|t| t.files())
    } else {
        e.target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|i| i.files())
    };
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Clears a file input so choosing the same file again fires `change`.
pub fn reset_input(e: &web_sys::Event) {
    if let Some(i) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        i.set_value("");
    }
}
