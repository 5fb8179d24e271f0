//! The state of one run and the panel that shows it: stdout, stderr and the error apart.

use leptos::prelude::*;
use pylings_protocol::{PythonError, Stream};

use crate::python::{Python, RunEvent};

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
}

impl RunState {
    pub fn new() -> Self {
        Self {
            chunks: RwSignal::new(Vec::new()),
            error: RwSignal::new(None),
            status: RwSignal::new(Status::Idle),
            finished: RwSignal::new(0),
        }
    }

    /// Clears the panel and runs `source` in the worker, feeding its output into this state.
    pub fn start(self, source: &str, stdin: &str) {
        self.chunks.set(Vec::new());
        self.error.set(None);
        self.status.set(Status::Running);
        Python::get().run(source, stdin, move |event| match event {
            RunEvent::Output(stream, text) => {
                self.chunks.update(|chunks| match chunks.last_mut() {
                    Some(last) if last.stream == stream => last.text.push_str(&text),
                    _ => chunks.push(Chunk { stream, text }),
                })
            }
            RunEvent::Finished { error, elapsed_ms } => {
                self.error.set(error);
                self.status.set(Status::Finished { ms: elapsed_ms });
                self.finished.update(|n| *n += 1);
            }
        });
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
        Status::Finished { ms } => {
            let ended = if state.error.with(Option::is_some) {
                "Stopped by an error"
            } else {
                "Finished"
            };
            format!("{ended} in {ms:.0} ms")
        }
    };
    view! {
        <section class="output" aria-label="Output" data-finished=move || state.finished.get()>
            <pre class="output-text" role="log" aria-live="polite">{chunks}</pre>
            {error}
            <p class="run-status" aria-live="polite">{status}</p>
        </section>
    }
}

/// An uncaught exception: its type and message first, the line, then the traceback.
#[component]
fn ErrorReport(error: PythonError) -> impl IntoView {
    let line = error
        .line
        .map(|line| view! { <span class="error-line">{format!("line {line}")}</span> });
    let traceback = (!error.traceback.is_empty())
        .then(|| view! { <pre class="traceback">{error.traceback.clone()}</pre> });
    view! {
        <div class="error" role="alert">
            <p class="error-title">
                <strong class="error-kind">{error.kind}</strong>
                ": "
                <span class="error-message">{error.message}</span>
                " "
                {line}
            </p>
            {traceback}
        </div>
    }
}
