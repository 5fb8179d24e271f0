//! The page's handle on Python: [`Python::run`] and [`Python::check`] send a program to the
//! worker and report its output and end to a listener; [`Python::interrupt`] ends every
//! pending run at once.
//!
//! Uses `web_sys::Worker` directly rather than gloo-worker: gloo's bridge can only *ask* a worker
//! to stop (a message a busy worker never reads), while stopping a runaway program needs
//! `Worker.terminate()`. The workers themselves are kept by the [pool](super::pool).

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use pylings_protocol::{CheckResult, Stream, ToWorker};

use super::failure::Failure;
use super::pool::Pool;

/// What a run reports, in order: any number of outputs and drawings, then exactly one
/// `Finished`.
#[derive(Clone, Debug)]
pub enum RunEvent {
    /// Turtle graphics drawn: the text of a JSON array of operations (see [`crate::turtle`]).
    Drawing { ops: String },
    /// Text the program wrote; `dropped` characters before it were left out by the worker
    /// because the program wrote faster than the page can show.
    Output {
        stream: Stream,
        text: String,
        dropped: u64,
    },
    /// `failure` is `None` when the program ran to its end; `elapsed_ms` is the run's time
    /// inside the worker; `checks` holds one result per check for [`Python::check`] (empty for
    /// plain runs and when the program failed before the checks); `awaiting_input` is true when
    /// an interactive run stopped at an `input()` it has no answer for yet; `trace` is the
    /// recording of a visualised run, as JSON text (see [`pylings_protocol::trace`]).
    Finished {
        failure: Option<Failure>,
        elapsed_ms: f64,
        checks: Vec<CheckResult>,
        awaiting_input: bool,
        trace: Option<String>,
    },
}

impl RunEvent {
    /// A run that ended with `failure` without the worker's word (crash, stop, time limit).
    pub fn failed(failure: Failure) -> Self {
        RunEvent::Finished {
            failure: Some(failure),
            elapsed_ms: 0.0,
            checks: Vec::new(),
            awaiting_input: false,
            trace: None,
        }
    }
}

/// How to run a program: what [`ToWorker::Run`] carries besides the source.
#[derive(Clone, Debug, Default)]
pub struct RunRequest {
    /// What `input()` reads, lines ending in `\n`.
    pub stdin: String,
    /// Ask the page for more input instead of raising `EOFError` (see [`RunEvent::Finished`]).
    pub interactive: bool,
    /// Characters of output already shown, suppressed in a replay.
    pub skip_output: u64,
    /// Seed for `random`, the same across the replays of one interactive run.
    pub seed: Option<u64>,
    /// Record the run step by step for the visualiser.
    pub visualise: bool,
}

/// Receives the events of one run.
pub type Listener = Rc<dyn Fn(RunEvent)>;

/// The page's handle on the Python worker. One per page; clones share it.
#[derive(Clone)]
pub struct Python {
    pub(super) pool: Rc<RefCell<Pool>>,
    /// True once the interpreter has started: Run buttons read "Loading Python…" before.
    pub ready: RwSignal<bool>,
    /// True when Python cannot start on this page at all.
    pub unavailable: RwSignal<bool>,
}

thread_local! {
    static PYTHON: RefCell<Option<Python>> = const { RefCell::new(None) };
}

impl Python {
    /// Starts the worker (once per page) so Python loads while the learner reads.
    pub fn start() {
        Self::get();
    }

    /// The page's worker, started on first use.
    pub fn get() -> Python {
        PYTHON.with(|cell| {
            cell.borrow_mut()
                .get_or_insert_with(|| {
                    let python = Python {
                        pool: Rc::new(RefCell::new(Pool::default())),
                        ready: RwSignal::new(false),
                        unavailable: RwSignal::new(false),
                    };
                    python.start_active();
                    python
                })
                .clone()
        })
    }

    /// Runs `source` as `request` says; `listener` receives the output and the end.
    pub fn run(&self, source: &str, request: RunRequest, listener: impl Fn(RunEvent) + 'static) {
        self.request(
            |run| ToWorker::Run {
                run,
                source: source.to_owned(),
                stdin: request.stdin,
                interactive: request.interactive,
                skip_output: request.skip_output,
                seed: request.seed,
                visualise: request.visualise,
            },
            Rc::new(listener),
        );
    }

    /// Checks an exercise: runs `source` with `stdin`, then each of `checks` in its namespace;
    /// `listener` receives the program's output, then the end with one result per check.
    pub fn check(
        &self,
        source: &str,
        stdin: &str,
        checks: Vec<String>,
        listener: impl Fn(RunEvent) + 'static,
    ) {
        self.request(
            |run| ToWorker::Check {
                run,
                source: source.to_owned(),
                stdin: stdin.to_owned(),
                checks,
            },
            Rc::new(listener),
        );
    }

    /// Ends every pending run at once with `failure`, whatever the program is doing, by
    /// terminating the worker; the spare takes over, or a fresh worker starts.
    pub fn interrupt(&self, failure: Failure) {
        for listener in self.replace_active() {
            listener(RunEvent::failed(failure.clone()));
        }
    }
}
