//! Running learner code from the page: the client API ([`client::Python`]), the workers behind
//! it ([`pool`], started by [`spawn`]), how a run can fail ([`failure::Failure`]), and the run
//! model one editor or example shows ([`state::RunState`], its output in [`output`]).

pub mod client;
pub mod failure;
pub mod output;
mod pool;
mod spawn;
pub mod state;

use leptos::prelude::*;

use state::RunState;

/// An editor's code and its runs: what a workbench shows, and what an embed's commands drive.
/// Copy: signals and a callback.
#[derive(Clone, Copy)]
pub struct Runner {
    pub code: RwSignal<String>,
    pub state: RunState,
    /// Runs the code as Run does: interactively, so `input()` asks the learner.
    pub run: Callback<()>,
    /// Runs the code recorded step by step, for the visualiser (Visualise does this).
    pub visualise: Callback<()>,
}

impl Runner {
    /// A runner for `code`, with no run yet.
    pub fn new(code: RwSignal<String>) -> Self {
        let state = RunState::new();
        let run = Callback::new(move |()| state.start(&code.get_untracked(), ""));
        let visualise = Callback::new(move |()| state.start_visualise(&code.get_untracked(), ""));
        Self {
            code,
            state,
            run,
            visualise,
        }
    }
}
