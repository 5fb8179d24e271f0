//! The state of one run and the panel that shows it: stdout, stderr and the error apart.

use leptos::prelude::*;
use pylings_protocol::{CheckResult, PythonError, Stream};

use crate::python::{page_error, Python, RunEvent};

/// The error kind of a run ended by the Stop button.
pub const STOPPED: &str = "Stopped";
/// The error kind of an exercise check that ran past its time limit.
pub const TIMEOUT: &str = "TimeLimit";

/// A stretch of output from one stream.
#[derive(Clone, Debug, PartialEq)]
pub struct Chunk {
    pub stream: Stream,
    pub text: String,
}

/// Where a run is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Status {
    /// Never run.
    Idle,
    Running,
    /// Ended; `ms` is the time the program took in the worker.
    Finished {
        ms: f64,
    },
}

/// The output of the latest run of one editor or example. Copy: it is a bundle of signals.
#[derive(Clone, Copy)]
pub struct RunState {
    pub chunks: RwSignal<Vec<Chunk>>,
    pub error: RwSignal<Option<PythonError>>,
    pub status: RwSignal<Status>,
    /// How many runs have finished: lets tests (and assistive tech) tell one result from the next.
    pub finished: RwSignal<u32>,
    /// The check results once a [`RunState::start_check`] finished (empty when the program
    /// failed, stopped or ran out of time before the checks); `None` otherwise.
    pub checks: RwSignal<Option<Vec<CheckResult>>>,
    /// Whether the current run is a check.
    checking: RwSignal<bool>,
}

impl RunState {
    pub fn new() -> Self {
        Self {
            chunks: RwSignal::new(Vec::new()),
            error: RwSignal::new(None),
            status: RwSignal::new(Status::Idle),
            finished: RwSignal::new(0),
            checks: RwSignal::new(None),
            checking: RwSignal::new(false),
        }
    }

    /// Clears the panel and runs `source` in the worker, feeding its output into this state.
    pub fn start(self, source: &str, stdin: &str) {
        self.clear(false);
        Python::get().run(source, stdin, move |event| self.receive(event));
    }

    /// Clears the panel and checks `source` against `checks` (run with `stdin`); the run is
    /// stopped after `time_limit_seconds`, counted from when Python is ready.
    pub fn start_check(
        self,
        source: &str,
        stdin: &str,
        checks: Vec<String>,
        time_limit_seconds: u32,
    ) {
        self.clear(true);
        let python = Python::get();
        self.arm_time_limit(self.finished.get_untracked(), time_limit_seconds);
        python.check(source, stdin, checks, move |event| self.receive(event));
    }

    /// Stops the run `run` (counted by `finished`) once it has had `seconds` of Python time:
    /// the clock starts when the worker is ready, so the engine's download does not count.
    fn arm_time_limit(self, run: u32, seconds: u32) {
        let still_running = move || {
            self.status.get_untracked() == Status::Running && self.finished.get_untracked() == run
        };
        if !Python::get().ready.get_untracked() {
            set_timeout(
                move || {
                    if still_running() {
                        self.arm_time_limit(run, seconds);
                    }
                },
                std::time::Duration::from_millis(100),
            );
            return;
        }
        set_timeout(
            move || {
                if still_running() {
                    Python::get().interrupt(time_limit_error(seconds));
                }
            },
            std::time::Duration::from_secs(u64::from(seconds)),
        );
    }

    /// Ends the run at once (and any other pending run), reporting "Program stopped".
    pub fn stop(self) {
        if self.running() {
            Python::get().interrupt(page_error(STOPPED, "Program stopped", "", None));
        }
    }

    fn clear(self, checking: bool) {
        self.checking.set(checking);
        self.chunks.set(Vec::new());
        self.error.set(None);
        self.checks.set(None);
        self.status.set(Status::Running);
    }

    fn receive(self, event: RunEvent) {
        match event {
            RunEvent::Output(stream, text) => {
                self.chunks.update(|chunks| match chunks.last_mut() {
                    Some(last) if last.stream == stream => last.text.push_str(&text),
                    _ => chunks.push(Chunk { stream, text }),
                })
            }
            RunEvent::Finished {
                error,
                elapsed_ms,
                checks,
            } => {
                if self.checking.get_untracked() {
                    self.checks.set(Some(checks));
                }
                self.error.set(error);
                self.status.set(Status::Finished { ms: elapsed_ms });
                self.finished.update(|n| *n += 1);
            }
        }
    }

    pub fn running(self) -> bool {
        self.status.get() == Status::Running
    }
}

/// Shows a run's output as a terminal would, with stderr and the error set apart.
#[component]
pub fn OutputPanel(state: RunState) -> impl IntoView {
    let chunks = move || {
        state
            .chunks
            .get()
            .into_iter()
            .map(|chunk| {
                let class = match chunk.stream {
                    Stream::Stdout => "stdout",
                    Stream::Stderr => "stderr",
                };
                view! { <span class=class>{chunk.text}</span> }
            })
            .collect_view()
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
        Status::Finished { ms } => match state.error.get().map(|error| error.kind) {
            Some(kind) if kind == STOPPED => "Program stopped".to_owned(),
            Some(kind) if kind == TIMEOUT => "Stopped at the time limit".to_owned(),
            Some(_) => format!("Stopped by an error after {ms:.0} ms"),
            None => format!("Finished in {ms:.0} ms"),
        },
    };
    view! {
        <section class="output" aria-label="Output" data-finished=move || state.finished.get()>
            <pre class="output-text" role="log" aria-live="polite">{chunks}</pre>
            {error}
            <p class="run-status" aria-live="polite">{status}</p>
        </section>
    }
}

/// The error of a check run past its time limit, explained.
fn time_limit_error(seconds: u32) -> PythonError {
    page_error(
        TIMEOUT,
        &format!("your program took longer than {seconds} s"),
        "",
        Some(format!(
            "Checking stops after {seconds} seconds. Is there a loop that never ends, such as a \
             `while` whose condition never becomes false, or an `input()` inside a loop?"
        )),
    )
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
