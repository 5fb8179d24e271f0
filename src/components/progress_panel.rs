//! "Your progress" on the home page: export as a file, import one, or start over.

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{FileReader, HtmlInputElement};

use crate::download::download;
use crate::progress::browser as progress;

#[component]
pub fn ProgressPanel() -> impl IntoView {
    let message = RwSignal::new(String::new());
    let export = move |_| {
        download(
            "pylings-progress.json",
            "application/json",
            &progress::export(),
        )
    };
    let import = move |event: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&event);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        let Ok(reader) = FileReader::new() else {
            return;
        };
        let on_load = Closure::once(move |event: web_sys::ProgressEvent| {
            let text = event
                .target()
                .and_then(|t| t.dyn_into::<FileReader>().ok())
                .and_then(|r| r.result().ok())
                .and_then(|r| r.as_string())
                .unwrap_or_default();
            message.set(progress::import(&text));
        });
        reader.set_onload(Some(on_load.as_ref().unchecked_ref()));
        on_load.forget();
        let _ = reader.read_as_text(&file);
        input.set_value("");
    };
    let reset = move |_| {
        let sure = window()
            .confirm_with_message(
                "Erase all your progress in this browser? Export it first if you may want it back.",
            )
            .unwrap_or(false);
        if sure {
            progress::reset();
            message.set("Your progress was reset.".to_owned());
        }
    };
    view! {
        <section class="progress-panel" aria-labelledby="progress-title">
            <h2 id="progress-title">"Your progress"</h2>
            <p>"Kept in this browser only. Export it to move it to another browser or keep a copy."</p>
            <div class="progress-actions">
                <button type="button" class="secondary" on:click=export>"Export progress"</button>
                <label class="file-button">
                    "Import progress"
                    <input type="file" accept="application/json,.json" class="visually-hidden" on:change=import/>
                </label>
                <button type="button" class="secondary" on:click=reset>"Reset progress"</button>
            </div>
            <p class="progress-message" role="status">{move || message.get()}</p>
        </section>
    }
}
