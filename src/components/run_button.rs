//! The Run button: says "Loading Python…" until the worker is ready (a click then still
//! counts: the run waits for the worker), "Running…" while a run is on.

use leptos::prelude::*;

use crate::run::client::Python;
use crate::run::state::RunState;

#[component]
pub fn RunButton(
    state: RunState,
    on_run: Callback<()>,
    #[prop(optional, into)] label: Option<String>,
    /// Drawn as the main action of its toolbar.
    #[prop(optional)]
    primary: bool,
) -> impl IntoView {
    let python = Python::get();
    let (ready, unavailable) = (python.ready, python.unavailable);
    let label = label.unwrap_or_else(|| "Run".to_owned());
    let text = move || {
        if unavailable.get() {
            "Python unavailable".to_owned()
        } else if !ready.get() {
            "Loading Python…".to_owned()
        } else if state.running() && !state.visualising.get() {
            "Running…".to_owned()
        } else {
            label.clone()
        }
    };
    view! {
        <button type="button" class="run-button" class:primary=primary on:click=move |_| on_run.run(()) aria-busy=move || (!unavailable.get() && (!ready.get() || state.running())).to_string()>
            <span aria-hidden="true">"▶ "</span>
            {text}
        </button>
    }
}

/// Visualise: runs the code recorded step by step, then shows the visualiser in the output
/// panel. Says "Recording…" while that run is on.
#[component]
pub fn VisualiseButton(
    state: RunState,
    on_visualise: Callback<()>,
    #[prop(optional, into)] label: Option<&'static str>,
) -> impl IntoView {
    let label = label.unwrap_or("Visualise");
    let recording = move || state.running() && state.visualising.get();
    view! {
        <button type="button" class="visualise-button secondary" on:click=move |_| on_visualise.run(()) aria-busy=move || recording().to_string()
            title="Run the code step by step and see its names and objects at each step">
            <span aria-hidden="true">"⤳ "</span>
            {move || if recording() { "Recording…" } else { label }}
        </button>
    }
}

/// Stops the running program at once; shown only while one runs or waits for input.
#[component]
pub fn StopButton(state: RunState) -> impl IntoView {
    view! {
        <Show when=move || state.active()>
            <button type="button" class="stop-button" on:click=move |_| state.stop()>
                <span aria-hidden="true">"■ "</span>
                "Stop"
            </button>
        </Show>
    }
}
