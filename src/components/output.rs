//! The output panel: a run's stdout, stderr and typed input as a terminal shows them, the
//! line where `input()` waits, the error explained, and the run's status.

use leptos::html::{Input, Pre};
use leptos::prelude::*;
use pylings_protocol::PythonError;
use web_sys::KeyboardEvent;

pub use crate::components::run_state::{RunState, Status, STOPPED, TIMEOUT};

/// Shows a run's output as a terminal would, with stderr, typed input and the error set apart.
/// While the program waits for `input()`, a line to type in follows the output. Ctrl+C in the
/// panel stops the program, as in a terminal (when no text is selected to copy).
#[component]
pub fn OutputPanel(state: RunState) -> impl IntoView {
    let chunks = move || {
        state
            .chunks
            .get()
            .into_iter()
            .map(|chunk| view! { <span class=chunk.kind.class()>{chunk.text}</span> })
            .collect_view()
    };
    let trimmed = move || {
        state
            .trimmed
            .get()
            .then(|| view! { <span class="trimmed">"… earlier output trimmed …\n"</span> })
    };
    let error = move || {
        state
            .error
            .get()
            .map(|error| view! { <ErrorReport error/> })
    };
    let status = move || match state.status.get() {
        Status::Idle => String::new(),
        Status::Running => "Running…".to_owned(),
        Status::AwaitingInput => "Waiting for your input: type it and press Enter".to_owned(),
        Status::Finished { ms } => match state.error.get().map(|error| error.kind) {
            Some(kind) if kind == STOPPED => "Program stopped".to_owned(),
            Some(kind) if kind == TIMEOUT => "Stopped at the time limit".to_owned(),
            Some(_) => format!("Stopped by an error after {ms:.0} ms"),
            None => format!("Finished in {ms:.0} ms"),
        },
    };
    let on_keydown = move |event: KeyboardEvent| {
        let selecting = window()
            .get_selection()
            .ok()
            .flatten()
            .is_some_and(|selection| !selection.is_collapsed());
        if event.key() == "c" && event.ctrl_key() && !selecting && state.active() {
            event.prevent_default();
            state.stop();
        }
    };
    // Like a terminal, the panel follows new output unless the learner scrolled up to read.
    let text = NodeRef::<Pre>::new();
    let follow = StoredValue::new(true);
    let on_scroll = move |_| {
        if let Some(pre) = text.get_untracked() {
            follow.set_value(pre.scroll_top() + pre.client_height() >= pre.scroll_height() - 24);
        }
    };
    Effect::new(move |_| {
        state.chunks.track();
        if let (Some(pre), true) = (text.get_untracked(), follow.get_value()) {
            pre.set_scroll_top(pre.scroll_height());
        }
    });
    view! {
        <section class="output" aria-label="Output" tabindex="0" data-finished=move || state.finished.get() on:keydown=on_keydown>
            <pre class="output-text" role="log" aria-live="polite" node_ref=text on:scroll=on_scroll>
                {trimmed}
                {chunks}
                <Show when=move || state.status.get() == Status::AwaitingInput>
                    <InputLine state/>
                </Show>
            </pre>
            {error}
            <p class="run-status" aria-live="polite">{status}</p>
        </section>
    }
}

/// Where the learner types a line for `input()`; Enter sends it. Focused when it appears.
#[component]
fn InputLine(state: RunState) -> impl IntoView {
    let field = NodeRef::<Input>::new();
    Effect::new(move |_| {
        if let Some(field) = field.get() {
            let _ = field.focus();
        }
    });
    let on_keydown = move |event: KeyboardEvent| {
        if event.key() == "Enter" {
            event.prevent_default();
            if let Some(field) = field.get_untracked() {
                state.answer(&field.value());
            }
        }
    };
    view! {
        <input
            node_ref=field
            class="stdin-line"
            type="text"
            autocomplete="off"
            autocapitalize="off"
            spellcheck="false"
            aria-label="Input for the program: type a line and press Enter"
            on:keydown=on_keydown
        />
    }
}

/// An uncaught exception: its type, message and line, the plain-language explanation, and the
/// traceback one click away.
#[component]
pub fn ErrorReport(error: PythonError) -> impl IntoView {
    if error.kind == STOPPED {
        return view! { <p class="stopped" role="status">"Program stopped."</p> }.into_any();
    }
    let line = error
        .line
        .map(|line| view! { <span class="error-line">{format!("line {line}")}</span> });
    let explanation = error
        .explanation
        .as_deref()
        .map(|text| view! { <p class="explanation">{inline_code(text)}</p> });
    let traceback = (!error.traceback.is_empty()).then(|| {
        view! {
            <details class="traceback-details">
                <summary>"Full traceback"</summary>
                <pre class="traceback">{error.traceback.clone()}</pre>
            </details>
        }
    });
    view! {
        <div class="error" role="alert">
            <p class="error-title">
                <strong class="error-kind">{error.kind}</strong>
                ": "
                <span class="error-message">{error.message}</span>
                " "
                {line}
            </p>
            {explanation}
            {traceback}
        </div>
    }
    .into_any()
}

/// Text whose `backticked` parts are shown as code. Explanations are plain text made by the
/// engine; this is the only markup they use, so a Markdown parser would be overkill here.
pub fn inline_code(text: &str) -> impl IntoView {
    text.split('`')
        .enumerate()
        .map(|(index, part)| {
            let part = part.to_owned();
            if index % 2 == 1 {
                view! { <code>{part}</code> }.into_any()
            } else {
                part.into_any()
            }
        })
        .collect_view()
}
