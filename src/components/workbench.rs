//! A workbench: a code editor, its toolbar (Run, Visualise, the caller's own buttons, Stop
//! while a program runs, the shortcut) and the output panel (which shows the visualiser after
//! Visualise). A lesson's "Try it", its exercise, the
//! playground and the embedded editor are each one.

use leptos::prelude::*;

use crate::components::editor::CodeEditor;
use crate::components::output::OutputPanel;
use crate::components::run_button::{RunButton, StopButton, VisualiseButton};
use crate::run::Runner;

#[component]
pub fn Workbench(
    runner: Runner,
    /// The editor's accessible name.
    #[prop(into)]
    label: String,
    /// Draws Run as the toolbar's main action.
    #[prop(optional)]
    primary: bool,
    /// The 1-based line marked in the editor; by default the line where the last run failed.
    #[prop(optional, into)]
    error_line: Option<Signal<Option<u32>>>,
    /// More buttons, after Run.
    #[prop(optional, into)]
    actions: Option<ViewFn>,
    /// Shown between the toolbar and the output (check results, a share link).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let Runner {
        code,
        state,
        run,
        visualise,
    } = runner;
    let error_line = error_line.unwrap_or_else(|| Signal::derive(move || state.failed_line()));
    view! {
        <CodeEditor code on_run=run label error_line/>
        <div class="toolbar">
            <RunButton state on_run=run primary/>
            <VisualiseButton state on_visualise=visualise/>
            {actions.map(|actions| actions.run())}
            <StopButton state/>
            <span class="shortcut" aria-hidden="true">"Ctrl+Enter"</span>
        </div>
        {children.map(|children| children())}
        <OutputPanel state/>
    }
}
