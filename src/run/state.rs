//! The state behind one output panel: the latest run's output (drawn once per animation frame
//! and trimmed to a bounded tail), how it failed and its status, an exercise's check results,
//! and the answers typed into an interactive run.
//!
//! `input()` works by replay: an interactive run that asks for a line it has no answer for ends
//! "awaiting input"; the learner types the line, and the program runs again from the start with
//! all answers so far, the worker suppressing the output already shown, skipping sleeps until it
//! catches up, and seeding `random` as before. This needs no special headers, service worker or
//! shared memory, so it works on any static host and in sandboxed, cross-site iframes. The
//! README lists its limits.

use std::sync::Arc;

use leptos::prelude::*;
use pylings_protocol::trace::Trace;
use pylings_protocol::CheckResult;

use super::client::{Python, RunEvent, RunRequest};
use super::failure::Failure;
use super::output::{push, trim, Chunk, ChunkKind};
use crate::turtle::{self, Op};

/// Output is drawn at most this often (ms), at an animation frame: a flood then costs the page
/// a few layouts a second, not one per frame.
const DRAW_INTERVAL_MS: f64 = 100.0;
/// At most this many lines of output are kept; older ones are trimmed.
const MAX_LINES: usize = 5_000;
/// At most this many bytes of output are kept; older ones are trimmed.
const MAX_BYTES: usize = 1 << 20;

/// Where a run is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Status {
    /// Never run.
    Idle,
    Running,
    /// An interactive run waits for the learner to type a line for `input()`.
    AwaitingInput,
    /// Ended; `ms` is the time the program took in the worker.
    Finished {
        ms: f64,
    },
}

/// A visualised run's recording and the code it recorded.
#[derive(Debug)]
pub struct Recording {
    pub source: String,
    pub trace: Trace,
}

/// An interactive run in progress, as much as its replays need.
#[derive(Clone, Debug)]
struct Session {
    source: String,
    /// The lines typed so far, each ending in `\n`.
    answers: String,
    seed: u64,
    /// Characters of output the program has written so far (shown or trimmed).
    written: u64,
    /// Whether the run is recorded for the visualiser.
    visualise: bool,
}

/// The runs of one editor or example. Copy: it is a bundle of signals and stored values.
#[derive(Clone, Copy)]
pub struct RunState {
    pub chunks: RwSignal<Vec<Chunk>>,
    /// True when older output was dropped to keep the panel bounded.
    pub trimmed: RwSignal<bool>,
    /// Why the last run ended early, if it did.
    pub failure: RwSignal<Option<Failure>>,
    pub status: RwSignal<Status>,
    /// How many runs have finished: lets tests (and assistive tech) tell one result from the next.
    pub finished: RwSignal<u32>,
    /// What the program drew with turtle graphics, in order; empty when it drew nothing. Kept
    /// until the next run starts.
    pub drawing: RwSignal<Vec<Op>>,
    /// The check results once a [`RunState::start_check`] finished (empty when the program
    /// failed, stopped or ran out of time before the checks); `None` otherwise.
    pub checks: RwSignal<Option<Vec<CheckResult>>>,
    /// The step-by-step recording once a [`RunState::start_visualise`] finished; `None`
    /// otherwise (also when the recording could not be read: the run's output is shown then).
    pub trace: RwSignal<Option<Arc<Recording>>>,
    /// True while the current run is recorded for the visualiser.
    pub visualising: RwSignal<bool>,
    /// Whether the current run is a check.
    checking: StoredValue<bool>,
    /// The code of the current run (for the visualiser's listing).
    source: StoredValue<String>,
    /// Counts started runs, so that late events of an abandoned run are ignored.
    generation: StoredValue<u32>,
    session: StoredValue<Option<Session>>,
    /// Output received since the last animation frame.
    pending: StoredValue<Vec<Chunk>>,
    frame_requested: StoredValue<bool>,
    /// When output was last drawn (`Date.now()`, ms).
    last_draw: StoredValue<f64>,
}

impl Default for RunState {
    fn default() -> Self {
        Self::new()
    }
}

impl RunState {
    pub fn new() -> Self {
        Self {
            chunks: RwSignal::new(Vec::new()),
            trimmed: RwSignal::new(false),
            failure: RwSignal::new(None),
            status: RwSignal::new(Status::Idle),
            finished: RwSignal::new(0),
            drawing: RwSignal::new(Vec::new()),
            checks: RwSignal::new(None),
            trace: RwSignal::new(None),
            visualising: RwSignal::new(false),
            checking: StoredValue::new(false),
            source: StoredValue::new(String::new()),
            generation: StoredValue::new(0),
            session: StoredValue::new(None),
            pending: StoredValue::new(Vec::new()),
            frame_requested: StoredValue::new(false),
            last_draw: StoredValue::new(0.0),
        }
    }

    /// True while a program runs in the worker.
    pub fn running(self) -> bool {
        self.status.get() == Status::Running
    }

    /// True while a program runs or waits for input: Stop applies.
    pub fn active(self) -> bool {
        matches!(self.status.get(), Status::Running | Status::AwaitingInput)
    }

    /// The 1-based line of the learner's code where the last run failed, when known; tracked.
    pub fn failed_line(self) -> Option<u32> {
        self.failure.with(|f| f.as_ref().and_then(Failure::line))
    }

    /// Clears the panel and runs `source`. With `stdin` given, `input()` reads it (and then
    /// raises `EOFError`); without, the run is interactive and asks the learner.
    pub fn start(self, source: &str, stdin: &str) {
        self.begin(source, stdin, false);
    }

    /// Clears the panel and runs `source` as [`RunState::start`] does, recording it step by
    /// step: the visualiser shows the recording when the run ends ([`RunState::trace`]).
    pub fn start_visualise(self, source: &str, stdin: &str) {
        self.begin(source, stdin, true);
    }

    fn begin(self, source: &str, stdin: &str, visualise: bool) {
        let generation = self.clear(false);
        self.visualising.set(visualise);
        self.source.set_value(source.to_owned());
        let request = if stdin.is_empty() {
            let session = Session {
                source: source.to_owned(),
                answers: String::new(),
                seed: (js_sys::Math::random() * 9_007_199_254_740_991.0) as u64,
                written: 0,
                visualise,
            };
            let request = replay_request(&session);
            self.session.set_value(Some(session));
            request
        } else {
            RunRequest {
                stdin: stdin.to_owned(),
                visualise,
                ..RunRequest::default()
            }
        };
        Python::get().run(source, request, move |event| {
            self.receive(generation, event);
        });
    }

    /// Continues an interactive run waiting for input with the learner's `line`.
    pub fn answer(self, line: &str) {
        let Some(mut session) = self.session.get_value() else {
            return;
        };
        if self.status.get_untracked() != Status::AwaitingInput {
            return;
        }
        self.append(ChunkKind::Input, &format!("{line}\n"));
        // The replay draws everything again from the start.
        self.drawing.set(Vec::new());
        session.answers.push_str(line);
        session.answers.push('\n');
        let request = replay_request(&session);
        let source = session.source.clone();
        self.session.set_value(Some(session));
        self.status.set(Status::Running);
        let generation = self.generation.get_value();
        Python::get().run(&source, request, move |event| {
            self.receive(generation, event);
        });
    }

    /// Clears the panel and checks `source` against `checks` (run with `stdin`); the run is
    /// stopped after `time_limit_seconds` of Python time. `on_checked` is called once when the
    /// check ends, with one result per check (none when the program failed, was stopped or ran
    /// out of time first); not for a check abandoned for a newer run.
    pub fn start_check(
        self,
        source: &str,
        stdin: &str,
        checks: Vec<String>,
        time_limit_seconds: u32,
        on_checked: impl Fn(&[CheckResult]) + 'static,
    ) {
        let generation = self.clear(true);
        self.arm_time_limit(generation, time_limit_seconds);
        Python::get().check(source, stdin, checks, move |event| {
            let end = matches!(event, RunEvent::Finished { .. });
            if self.receive(generation, event) && end {
                self.checks
                    .with_untracked(|checks| on_checked(checks.as_deref().unwrap_or_default()));
            }
        });
    }

    /// Stops the run `generation` once it has had `seconds` of Python time: the clock starts
    /// when the worker is ready, so the engine's download does not count.
    fn arm_time_limit(self, generation: u32, seconds: u32) {
        let still_running = move || {
            self.status.get_untracked() == Status::Running
                && self.generation.get_value() == generation
        };
        if !Python::get().ready.get_untracked() {
            set_timeout(
                move || {
                    if still_running() {
                        self.arm_time_limit(generation, seconds);
                    }
                },
                std::time::Duration::from_millis(100),
            );
            return;
        }
        set_timeout(
            move || {
                if still_running() {
                    Python::get().interrupt(Failure::TimeLimit { seconds });
                }
            },
            std::time::Duration::from_secs(u64::from(seconds)),
        );
    }

    /// Ends the run at once, reporting "Program stopped". A running program is ended by
    /// replacing the worker (other runs on the page end too); one waiting for input just stops.
    pub fn stop(self) {
        match self.status.get_untracked() {
            Status::Running => Python::get().interrupt(Failure::Stopped),
            Status::AwaitingInput => self.finish(Some(Failure::Stopped), 0.0, Vec::new()),
            _ => {}
        }
    }

    /// Resets the panel for a new run; returns the run's generation.
    fn clear(self, checking: bool) -> u32 {
        // A new generation first, so that the stopped run's end is not reported here.
        self.generation.update_value(|g| *g += 1);
        if self.status.get_untracked() == Status::Running {
            Python::get().interrupt(Failure::Stopped);
        }
        self.checking.set_value(checking);
        self.session.set_value(None);
        self.pending.set_value(Vec::new());
        self.chunks.set(Vec::new());
        self.drawing.set(Vec::new());
        self.trimmed.set(false);
        self.failure.set(None);
        self.checks.set(None);
        self.trace.set(None);
        self.visualising.set(false);
        self.status.set(Status::Running);
        self.generation.get_value()
    }

    /// Takes `event` of the run `generation`; returns false (and ignores it) when that run
    /// was abandoned for a newer one.
    fn receive(self, generation: u32, event: RunEvent) -> bool {
        if self.generation.get_value() != generation {
            return false;
        }
        match event {
            RunEvent::Drawing { ops } => {
                let ops = turtle::parse(&ops);
                self.drawing.update(|drawing| drawing.extend(ops));
            }
            RunEvent::Output {
                stream,
                text,
                dropped,
            } => {
                self.session.update_value(|session| {
                    if let Some(session) = session {
                        session.written += dropped + text.chars().count() as u64;
                    }
                });
                if dropped > 0 {
                    self.trimmed.set(true);
                }
                self.append(stream.into(), &text);
            }
            RunEvent::Finished {
                awaiting_input: true,
                ..
            } => {
                self.draw_pending();
                self.status.set(Status::AwaitingInput);
            }
            RunEvent::Finished {
                failure,
                elapsed_ms,
                checks,
                trace,
                ..
            } => {
                self.finish(failure, elapsed_ms, checks);
                // After the failure is set: the visualiser shows it at the last step.
                let trace = trace.and_then(|text| Trace::from_json(&text).ok());
                self.trace.set(trace.map(|trace| {
                    Arc::new(Recording {
                        source: self.source.get_value(),
                        trace,
                    })
                }));
            }
        }
        true
    }

    fn finish(self, failure: Option<Failure>, elapsed_ms: f64, checks: Vec<CheckResult>) {
        self.draw_pending();
        self.session.set_value(None);
        if self.checking.get_value() {
            self.checks.set(Some(checks));
        }
        self.failure.set(failure);
        self.status.set(Status::Finished { ms: elapsed_ms });
        self.finished.update(|n| *n += 1);
    }

    /// Queues output to be drawn at an animation frame at least [`DRAW_INTERVAL_MS`] after
    /// the last drawing, so a flood of small writes costs the page a few updates a second.
    fn append(self, kind: ChunkKind, text: &str) {
        self.pending
            .update_value(|pending| push(pending, kind, text));
        if self.frame_requested.get_value() {
            return;
        }
        self.frame_requested.set_value(true);
        let since = js_sys::Date::now() - self.last_draw.get_value();
        let wait = (DRAW_INTERVAL_MS - since).max(0.0) as u64;
        set_timeout(
            move || request_animation_frame(move || self.draw_pending()),
            std::time::Duration::from_millis(wait),
        );
    }

    /// Moves the queued output into the panel, trimming the oldest beyond the bounds.
    fn draw_pending(self) {
        self.frame_requested.set_value(false);
        self.last_draw.set_value(js_sys::Date::now());
        let pending = std::mem::take(&mut *self.pending.write_value());
        if pending.is_empty() {
            return;
        }
        let mut trimmed = false;
        self.chunks.update(|chunks| {
            for chunk in pending {
                push(chunks, chunk.kind, &chunk.text);
            }
            trimmed = trim(chunks, MAX_LINES, MAX_BYTES);
        });
        if trimmed {
            self.trimmed.set(true);
        }
    }
}

/// The request that starts or continues the interactive run `session`.
fn replay_request(session: &Session) -> RunRequest {
    RunRequest {
        stdin: session.answers.clone(),
        interactive: true,
        skip_output: session.written,
        seed: Some(session.seed),
        visualise: session.visualise,
    }
}
