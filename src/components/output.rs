//! The output panel: a run's stdout, stderr and typed input as a terminal shows them, the
//! line where `input()` waits, the error explained, and the run's status.

use leptos::html::{Input, Pre};
use leptos::prelude::*;
use web_sys::KeyboardEvent;

use crate::components::drawing::Drawing;
use crate::components::visualiser::Visualiser;
use crate::run::failure::Failure;
use crate::run::output::announce_output;
use crate::run::state::{RunState, Status};

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
    let failure = move || {
        state
            .failure
            .get()
            .map(|failure| view! { <ErrorReport failure/> })
    };
    let status_text = move || match state.status.get() {
        Status::Idle => "Press Run to see what the program prints.".to_owned(),
        Status::Running if state.visualising.get() => "Recording each step…".to_owned(),
        Status::Running => "Running…".to_owned(),
        Status::AwaitingInput => "Waiting for your input: type it and press Enter".to_owned(),
        Status::Finished { ms } => match state.failure.get() {
            Some(Failure::Stopped) => "Program stopped".to_owned(),
            Some(Failure::TimeLimit { .. }) => "Stopped at the time limit".to_owned(),
            Some(_) => format!("Stopped by an error after {ms:.0} ms"),
            None if state.trace.with(Option::is_some) => format!("Recorded in {ms:.0} ms"),
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
    // What a screen reader hears: not every line as it is printed (a flood of output would be
    // read for minutes), but the end of the run, once, with a summary of its output.
    let announcement = move || {
        let status = state.status.get();
        let heard = |prefix: String| {
            state
                .chunks
                .with(|chunks| format!("{prefix} {}", announce_output(chunks)))
        };
        match status {
            Status::AwaitingInput => heard("The program waits for your input.".to_owned()),
            Status::Finished { .. } => heard(format!("{}.", status_text())),
            Status::Idle | Status::Running => String::new(),
        }
    };
    // After Visualise, the visualiser takes the place of the output, the drawing and the error.
    let visualiser = move || {
        state.trace.get().map(
            |recording| view! { <Visualiser recording failure=state.failure.get_untracked()/> },
        )
    };
    let plain = move || state.trace.with(Option::is_none);
    view! {
        <section class="output" class:idle=move || state.status.get() == Status::Idle aria-label="Output" data-finished=move || state.finished.get()>
            {visualiser}
            // Focusable, as the region that scrolls: keyboard users scroll it with the arrows.
            <pre prop:hidden=move || !plain() class="output-text" tabindex="0" role="group" aria-label="Program output" aria-live="off" node_ref=text on:scroll=on_scroll on:keydown=on_keydown>
                {trimmed}
                {chunks}
                <Show when=move || state.status.get() == Status::AwaitingInput>
                    <InputLine state/>
                </Show>
            </pre>
            <Show when=move || plain() && state.drawing.with(|ops| !ops.is_empty())>
                <Drawing state/>
            </Show>
            {move || plain().then(failure)}
            <p class="run-status">{status_text}</p>
            <p class="visually-hidden run-announcement" aria-live="polite">{announcement}</p>
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

/// Why a run ended early: an uncaught exception's type, message and line, the plain-language
/// explanation, and the traceback one click away; or the page's reason (a time limit, a
/// crash); or a quiet "Program stopped."
#[component]
pub fn ErrorReport(failure: Failure) -> impl IntoView {
    if failure == Failure::Stopped {
        return view! { <p class="stopped" role="status">"Program stopped."</p> }.into_any();
    }
    let line = failure
        .line()
        .map(|line| view! { <span class="error-line">{format!("line {line}")}</span> });
    let report = failure.report();
    let explanation = report
        .explanation
        .as_deref()
        .map(|text| view! { <p class="explanation">{inline_code(text)}</p> });
    let traceback = (!report.detail.is_empty()).then(|| {
        view! {
            <details class="traceback-details">
                <summary>"Full traceback"</summary>
                <pre class="traceback">{report.detail.clone()}</pre>
            </details>
        }
    });
    view! {
        <div class="error" role="alert">
            <p class="error-title">
                <strong class="error-kind">{report.title}</strong>
                ": "
                <span class="error-message">{report.message}</span>
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
