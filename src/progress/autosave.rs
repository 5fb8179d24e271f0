//! Keeping an editor's code in the learner's progress as they type.

use leptos::prelude::*;

use super::browser as progress;
use super::model::SavedCode;

/// Autosave waits this long after the last keystroke (ms).
const AUTOSAVE_DELAY_MS: u64 = 600;

/// The code saved for the editor `key` (e.g. `"workbench"`) of a lesson, if any.
pub fn saved_code(lesson_id: &str, key: &str) -> Option<String> {
    progress::read(|p| {
        p.lessons
            .get(lesson_id)
            .and_then(|lesson| lesson.code.get(key))
            .map(|saved| saved.code.clone())
    })
}

/// Saves `code` into the lesson's progress under `key` each time it changes, debounced by
/// [`AUTOSAVE_DELAY_MS`]; the value it starts with is not saved.
pub fn autosave(lesson_id: &'static str, key: &'static str, code: RwSignal<String>) {
    let pending: StoredValue<Option<TimeoutHandle>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |first: Option<()>| {
        let text = code.get();
        if first.is_none() {
            return;
        }
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                progress::update(|p| {
                    p.lesson_mut(lesson_id).code.insert(
                        key.to_owned(),
                        SavedCode {
                            code: text,
                            at: js_sys::Date::now(),
                        },
                    );
                })
            },
            std::time::Duration::from_millis(AUTOSAVE_DELAY_MS),
        )
        .ok();
        pending.set_value(handle);
    });
}
