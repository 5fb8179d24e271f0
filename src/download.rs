//! Saving text or a picture as a file the learner downloads (a Blob or data URL behind a
//! temporary link).

use wasm_bindgen::JsCast;

/// Offers `text` for download as `file_name` with the given MIME type.
pub fn download(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    download_url(file_name, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Offers what `url` (an object or `data:` URL) holds for download as `file_name`.
pub fn download_url(file_name: &str, url: &str) {
    let document = leptos::prelude::document();
    if let Ok(link) = document.create_element("a") {
        if let Ok(link) = link.dyn_into::<web_sys::HtmlAnchorElement>() {
            link.set_href(url);
            link.set_download(file_name);
            link.click();
        }
    }
}
