//! Creating a Python worker: from the site's own loader script, from a `blob:` in a sandboxed
//! iframe, or by adopting the one `index.html` started before the app loaded.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Event, Worker, WorkerOptions, WorkerType};

use leptos::prelude::{document, window};

/// The worker's entry script, written by trunk (`data-loader-shim`), relative to the app root
/// (the document's `<base>`).
const WORKER_URL: &str = "./pylings-worker_loader.js";

/// A new worker, or the browser's reason for refusing one.
pub fn create_worker() -> Result<Worker, String> {
    let (url, module) = worker_script();
    let options = WorkerOptions::new();
    if module {
        options.set_type(WorkerType::Module);
    }
    Worker::new_with_options(&url, &options).map_err(|error| {
        js_sys::Reflect::get(&error, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_else(|| "the Python worker could not be created".to_owned())
    })
}

/// The URL to start the worker from, and whether it is a module script. In a sandboxed iframe
/// (an opaque origin) the browser refuses a worker script from the site's own URL, which is
/// cross-origin there, and Chromium also fails module workers from `blob:` URLs; a classic
/// `blob:` worker that `import()`s the loader works, the import being a CORS request (static
/// hosts commonly send `Access-Control-Allow-Origin: *`; the worker fetches its wasm the same
/// way).
fn worker_script() -> (String, bool) {
    let opaque = window().origin() == "null";
    let absolute = document()
        .base_uri()
        .ok()
        .flatten()
        .and_then(|base| web_sys::Url::new_with_base(WORKER_URL, &base).ok())
        .map(|url| url.href());
    let (true, Some(absolute)) = (opaque, absolute) else {
        return (WORKER_URL.to_owned(), true);
    };
    // The worker's own location is the blob's: tell it where the loader (and so the site's root,
    // where the stdlib bundles are) really is.
    let source = js_sys::Array::of1(&JsValue::from_str(&format!(
        "self.PYLINGS_WORKER_URL = {absolute:?};\nimport({absolute:?});\n"
    )));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    web_sys::Blob::new_with_str_sequence_and_options(&source, &options)
        .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob))
        .map_or_else(|_| (WORKER_URL.to_owned(), true), |url| (url, false))
}

/// The worker `index.html` started before the app loaded (`window.pylingsEarlyWorker`), with
/// the events it has sent since; taken once. `None` where it started none (an opaque-origin
/// frame, where the worker must start from a `blob:`) or after it was taken.
pub fn take_early_worker() -> Option<(Worker, Vec<Event>)> {
    let key = JsValue::from_str("pylingsEarlyWorker");
    let early = js_sys::Reflect::get(&window(), &key).ok()?;
    let _ = js_sys::Reflect::delete_property(&window(), &key.unchecked_into());
    let worker = js_sys::Reflect::get(&early, &"worker".into())
        .ok()?
        .dyn_into::<Worker>()
        .ok()?;
    let events = js_sys::Reflect::get(&early, &"early".into())
        .ok()?
        .dyn_into::<js_sys::Array>()
        .ok()?
        .iter()
        .filter_map(|event| event.dyn_into::<Event>().ok())
        .collect();
    Some((worker, events))
}
