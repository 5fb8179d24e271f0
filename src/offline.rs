//! Working offline: registers the service worker (`web/sw.js`, written to `dist/sw.js` by
//! `cargo xtask dist`) once Python has started, asks it to keep the standard library once
//! Python is idle, and tells a returning learner when the site was updated since their last
//! visit.
//!
//! Not in embeds: a sandboxed (opaque-origin) frame cannot have a service worker at all, and an
//! embed is part of someone else's page; everything works from the network there.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::paths;
use crate::run::client::Python;

/// Where the last visit's version is kept.
const VERSION_KEY: &str = "pylings:version";
/// How long Python must have been ready before the standard library is fetched for later.
const IDLE_MS: u64 = 3_000;

/// Registers the service worker when Python is ready (its first fetches then come from the
/// HTTP cache, not the network a learner is waiting on), then asks it to keep the stdlib.
/// Does nothing where service workers are unavailable or refused.
pub fn start() {
    let ready = Python::get().ready;
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || !ready.get() {
            return done.unwrap_or(false);
        }
        if let Some(container) = container() {
            let script = paths::href("/sw.js");
            let options = web_sys::RegistrationOptions::new();
            options.set_scope(&paths::href("/"));
            let _ = container.register_with_options(&script, &options);
            set_timeout(
                move || precache_stdlib(&container),
                std::time::Duration::from_millis(IDLE_MS),
            );
        }
        true
    });
}

/// `navigator.serviceWorker`, read without throwing (a sandboxed frame throws on access).
fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = window().navigator();
    if window().origin() == "null" {
        return None;
    }
    js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
        .ok()
        .filter(|value| !value.is_undefined())
        .and_then(|value| value.dyn_into().ok())
}

/// Asks the active service worker to fetch the stdlib bundles it does not have yet.
fn precache_stdlib(container: &web_sys::ServiceWorkerContainer) {
    let Ok(ready) = container.ready() else {
        return;
    };
    let ask = wasm_bindgen::closure::Closure::once(move |registration: JsValue| {
        let active = registration
            .dyn_into::<web_sys::ServiceWorkerRegistration>()
            .ok()
            .and_then(|registration| registration.active());
        if let Some(worker) = active {
            let _ = worker.post_message(&JsValue::from_str("precache-stdlib"));
        }
    });
    let _ = ready.then(&ask);
    ask.forget();
}

/// The version of this build (`<meta name="pylings-version">`), `None` in a development build.
fn this_version() -> Option<String> {
    document()
        .query_selector(r#"meta[name="pylings-version"]"#)
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .filter(|version| version != "dev")
}

/// True when the learner's last visit was to another version. Remembers this one; a storage
/// that cannot be read or written just means no notice.
fn updated_since_last_visit() -> bool {
    let (Some(version), Ok(Some(storage))) = (this_version(), window().local_storage()) else {
        return false;
    };
    let last = storage.get_item(VERSION_KEY).ok().flatten();
    if last.as_deref() != Some(version.as_str()) {
        let _ = storage.set_item(VERSION_KEY, &version);
    }
    last.is_some_and(|last| last != version)
}

/// "Pylings was updated since your last visit", quietly, until dismissed.
#[component]
pub fn UpdatedNotice() -> impl IntoView {
    let shown = RwSignal::new(updated_since_last_visit());
    view! {
        <Show when=move || shown.get()>
            <div class="notice quiet" role="status">
                <p>"Pylings was updated since your last visit."</p>
                <button type="button" class="secondary" on:click=move |_| shown.set(false)>"Dismiss"</button>
            </div>
        </Show>
    }
}
