//! The code editor: a textarea where Tab indents (four spaces) and Ctrl/Cmd+Enter runs.
//! Escape then Tab leaves it, so keyboard users are never trapped.

use leptos::prelude::*;
use web_sys::{HtmlTextAreaElement, KeyboardEvent};

#[component]
pub fn CodeEditor(
    code: RwSignal<String>,
    on_run: Callback<()>,
    #[prop(into)] label: String,
) -> impl IntoView {
    let escaped = RwSignal::new(false);
    let on_keydown = move |event: KeyboardEvent| {
        let key = event.key();
        if key == "Enter" && (event.ctrl_key() || event.meta_key()) {
            event.prevent_default();
            on_run.run(());
        } else if key == "Escape" {
            escaped.set(true);
            return;
        } else if key == "Tab" && !event.shift_key() && !escaped.get_untracked() {
            event.prevent_default();
            let area: HtmlTextAreaElement = event_target(&event);
            let start = area.selection_start().ok().flatten().unwrap_or(0);
            let end = area.selection_end().ok().flatten().unwrap_or(start);
            let _ = area.set_range_text_with_start_and_end_and_mode("    ", start, end, "end");
            code.set(area.value());
        }
        escaped.set(false);
    };
    view! {
        <textarea
            class="code-editor"
            spellcheck="false"
            autocapitalize="off"
            autocomplete="off"
            wrap="off"
            aria-label=label
            aria-describedby="editor-help"
            prop:value=move || code.get()
            on:input=move |event| code.set(event_target_value(&event))
            on:keydown=on_keydown
        ></textarea>
        <p id="editor-help" class="visually-hidden">
            "Tab inserts four spaces. Press Escape, then Tab, to leave the editor. Ctrl+Enter runs the code."
        </p>
    }
}
