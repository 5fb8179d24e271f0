//! The page's progress: a [`Store`] over `localStorage`, a signal that changes with it, and
//! the `storage` events through which other tabs' changes are merged in.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::StorageEvent;

use super::model::Progress;
use super::store::{Notice, Storage, StorageError, Store, KEY};

/// `window.localStorage`, looked up on every call: reaching it can itself throw.
pub struct LocalStorage;

fn error_kind(error: &JsValue) -> StorageError {
    let name = js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|n| n.as_string());
    if name.as_deref() == Some("QuotaExceededError") {
        StorageError::Full
    } else {
        StorageError::Blocked
    }
}

fn local_storage() -> Result<web_sys::Storage, StorageError> {
    match window().local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(StorageError::Blocked),
        Err(error) => Err(error_kind(&error)),
    }
}

impl Storage for LocalStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        local_storage()?.get_item(key).map_err(|e| error_kind(&e))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        local_storage()?
            .set_item(key, value)
            .map_err(|e| error_kind(&e))
    }
}

thread_local! {
    static STORE: RefCell<Option<Store<LocalStorage>>> = const { RefCell::new(None) };
    /// Bumped on every change. Reference-counted, not owned by whichever component first asked,
    /// so it lives as long as the page.
    static CHANGED: ArcRwSignal<u64> = ArcRwSignal::new(0);
}

fn changed() -> ArcRwSignal<u64> {
    CHANGED.with(Clone::clone)
}

fn with_store<R>(f: impl FnOnce(&mut Store<LocalStorage>) -> R) -> R {
    STORE.with(|cell| {
        let mut cell = cell.borrow_mut();
        let store = cell.get_or_insert_with(|| {
            listen_to_other_tabs();
            Store::open(LocalStorage, js_sys::Date::now())
        });
        f(store)
    })
}

/// Reads the progress; inside a view, re-runs when it changes.
pub fn read<R>(f: impl FnOnce(&Progress) -> R) -> R {
    changed().track();
    with_store(|store| f(store.progress()))
}

/// Changes the progress and saves it.
pub fn update(change: impl FnOnce(&mut Progress)) {
    with_store(|store| store.update(change));
    changed().update(|n| *n += 1);
}

/// The notices to show; re-runs when they change.
pub fn notices() -> Vec<Notice> {
    changed().track();
    with_store(|store| store.notices().to_vec())
}

/// Removes the notice at `index` (dismissed by the learner).
pub fn dismiss(index: usize) {
    with_store(|store| store.dismiss(index));
    changed().update(|n| *n += 1);
}

/// The progress as a JSON file's text.
pub fn export() -> String {
    with_store(|store| store.export())
}

/// Merges an exported file; returns a sentence for the learner.
pub fn import(text: &str) -> String {
    let result = with_store(|store| store.import(text));
    changed().update(|n| *n += 1);
    match result {
        Ok(summary) => format!(
            "Imported {} lesson record(s); {} answer(s) or visit(s) were new or newer.",
            summary.lessons, summary.records_changed
        ),
        Err(message) => message,
    }
}

/// Empties the progress.
pub fn reset() {
    with_store(Store::reset);
    changed().update(|n| *n += 1);
}

fn listen_to_other_tabs() {
    let on_storage = Closure::<dyn Fn(StorageEvent)>::new(|event: StorageEvent| {
        if event.key().as_deref() != Some(KEY) {
            return;
        }
        if let Some(raw) = event.new_value() {
            with_store(|store| store.merge_stored(&raw));
            changed().update(|n| *n += 1);
        }
    });
    let _ =
        window().add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
    on_storage.forget();
}
