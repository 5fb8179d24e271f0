//! The page's side of the Python worker: starts it, queues runs until it is ready, and routes
//! each answer to the run that asked.
//!
//! Uses `web_sys::Worker` directly rather than gloo-worker: gloo's bridge can only *ask* a worker
//! to stop (a message a busy worker never reads), while stopping a runaway program needs
//! `Worker.terminate()`.

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

use leptos::prelude::*;
use pylings_protocol::{CheckResult, FromWorker, PythonError, Stream, ToWorker};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{Event, MessageEvent, Worker, WorkerOptions, WorkerType};

/// The worker's entry script, written by trunk (`data-loader-shim`), relative to the app root
/// (the document's `<base>`).
const WORKER_URL: &str = "./pylings-worker_loader.js";

/// Start attempts for a worker that has never become ready before we stop trying and say so.
const START_ATTEMPTS: u32 = 3;

/// What a run reports, in order: any number of outputs, then exactly one `Finished`.
#[derive(Clone, Debug)]
pub enum RunEvent {
    Output(Stream, String),
    /// `error` is `None` on success; `elapsed_ms` is the run's time inside the worker; `checks`
    /// holds one result per check for [`Python::check`] (empty for plain runs and when the
    /// program failed before the checks).
    Finished {
        error: Option<PythonError>,
        elapsed_ms: f64,
        checks: Vec<CheckResult>,
    },
}

impl RunEvent {
    /// A run that ended with `error` without the worker's word (crash, stop, time limit).
    pub fn failed(error: PythonError) -> Self {
        RunEvent::Finished {
            error: Some(error),
            elapsed_ms: 0.0,
            checks: Vec::new(),
        }
    }
}

/// An error made on the page rather than by Python: a stop, a time limit, a crash.
pub fn page_error(
    kind: &str,
    message: &str,
    detail: &str,
    explanation: Option<String>,
) -> PythonError {
    PythonError {
        kind: kind.to_owned(),
        message: message.to_owned(),
        line: None,
        column: None,
        traceback: detail.to_owned(),
        explanation,
    }
}

type Listener = Rc<dyn Fn(RunEvent)>;

struct Inner {
    worker: Option<Worker>,
    ready: bool,
    next_run: u32,
    /// Runs asked for before the worker was ready.
    waiting: VecDeque<String>,
    listeners: HashMap<u32, Listener>,
    /// Consecutive failed starts (reset once a worker is ready).
    failed_starts: u32,
    /// Set when starting failed [`START_ATTEMPTS`] times: why Python cannot run on this page.
    unavailable: Option<String>,
}

/// The page's handle on the Python worker. One per page; clones share it.
#[derive(Clone)]
pub struct Python {
    inner: Rc<RefCell<Inner>>,
    /// True once the interpreter has started: Run buttons read "Loading Python…" before.
    pub ready: RwSignal<bool>,
    /// True when Python cannot start on this page at all (e.g. a sandboxed embed).
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
                        inner: Rc::new(RefCell::new(Inner {
                            worker: None,
                            ready: false,
                            next_run: 1,
                            waiting: VecDeque::new(),
                            listeners: HashMap::new(),
                            failed_starts: 0,
                            unavailable: None,
                        })),
                        ready: RwSignal::new(false),
                        unavailable: RwSignal::new(false),
                    };
                    python.spawn();
                    python
                })
                .clone()
        })
    }

    /// Runs `source` with `stdin` as its input; `listener` receives the output and the end.
    pub fn run(&self, source: &str, stdin: &str, listener: impl Fn(RunEvent) + 'static) {
        self.request(
            |run| ToWorker::Run {
                run,
                source: source.to_owned(),
                stdin: stdin.to_owned(),
            },
            listener,
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
            listener,
        );
    }

    /// Ends every pending run at once with `error`, whatever the program is doing, by
    /// terminating the worker; a fresh worker starts in the background.
    pub fn interrupt(&self, error: PythonError) {
        let failed: Vec<Listener> = {
            let mut inner = self.inner.borrow_mut();
            if let Some(worker) = inner.worker.take() {
                worker.terminate();
            }
            inner.ready = false;
            inner.waiting.clear();
            inner
                .listeners
                .drain()
                .map(|(_, listener)| listener)
                .collect()
        };
        self.ready.set(false);
        for listener in failed {
            listener(RunEvent::failed(error.clone()));
        }
        if self.inner.borrow().unavailable.is_none() {
            self.spawn();
        }
    }

    /// Sends the request `build` makes for a new run id, or queues it until the worker is ready.
    fn request(&self, build: impl FnOnce(u32) -> ToWorker, listener: impl Fn(RunEvent) + 'static) {
        let unavailable = self.inner.borrow().unavailable.clone();
        if let Some(detail) = unavailable {
            listener(unavailable_event(&detail));
            return;
        }
        let mut inner = self.inner.borrow_mut();
        let run = inner.next_run;
        inner.next_run += 1;
        inner.listeners.insert(run, Rc::new(listener));
        let message = build(run).to_json();
        if inner.ready {
            if let Some(worker) = &inner.worker {
                let _ = worker.post_message(&JsValue::from_str(&message));
            }
        } else {
            inner.waiting.push_back(message);
        }
    }

    fn spawn(&self) {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = match Worker::new_with_options(WORKER_URL, &options) {
            Ok(worker) => worker,
            Err(error) => {
                let detail = js_sys::Reflect::get(&error, &"message".into())
                    .ok()
                    .and_then(|m| m.as_string())
                    .unwrap_or_else(|| "the Python worker could not be created".to_owned());
                self.crashed(&detail);
                return;
            }
        };
        let this = self.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(message) = event
                .data()
                .as_string()
                .as_deref()
                .and_then(FromWorker::from_json)
            {
                this.receive(message);
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let this = self.clone();
        // An `ErrorEvent` when the engine traps; a plain `Event` when the script cannot load.
        let on_error = Closure::<dyn Fn(Event)>::new(move |event: Event| {
            event.prevent_default();
            let message = js_sys::Reflect::get(&event, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| "the Python worker could not be loaded".to_owned());
            this.crashed(&message);
        });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        self.inner.borrow_mut().worker = Some(worker);
    }

    fn receive(&self, message: FromWorker) {
        match message {
            FromWorker::Ready { .. } => {
                let mut inner = self.inner.borrow_mut();
                inner.ready = true;
                inner.failed_starts = 0;
                if let Some(worker) = &inner.worker {
                    for waiting in inner.waiting.iter() {
                        let _ = worker.post_message(&JsValue::from_str(waiting));
                    }
                }
                inner.waiting.clear();
                drop(inner);
                self.ready.set(true);
            }
            FromWorker::Output { run, stream, text } => {
                self.notify(run, RunEvent::Output(stream, text), false)
            }
            FromWorker::Finished {
                run,
                error,
                elapsed_ms,
            } => self.notify(
                run,
                RunEvent::Finished {
                    error,
                    elapsed_ms,
                    checks: Vec::new(),
                },
                true,
            ),
            FromWorker::Checked {
                run,
                error,
                results,
                elapsed_ms,
            } => self.notify(
                run,
                RunEvent::Finished {
                    error,
                    elapsed_ms,
                    checks: results,
                },
                true,
            ),
        }
    }

    fn notify(&self, run: u32, event: RunEvent, last: bool) {
        let listener = {
            let mut inner = self.inner.borrow_mut();
            if last {
                inner.listeners.remove(&run)
            } else {
                inner.listeners.get(&run).cloned()
            }
        };
        if let Some(listener) = listener {
            listener(event);
        }
    }

    /// The interpreter died (a trap in the engine) or never started. A crash ends the pending
    /// runs with a plain message and starts a fresh worker; a failed start is retried with the
    /// runs kept waiting, up to [`START_ATTEMPTS`] times, after which Python is reported
    /// unavailable on this page.
    fn crashed(&self, detail: &str) {
        let (failed, event, retry) = {
            let mut inner = self.inner.borrow_mut();
            if let Some(worker) = inner.worker.take() {
                worker.terminate();
            }
            let was_ready = std::mem::replace(&mut inner.ready, false);
            if !was_ready {
                inner.failed_starts += 1;
            }
            let give_up = inner.failed_starts >= START_ATTEMPTS;
            let event = if was_ready {
                Some(RunEvent::failed(page_error(
                    "Crash",
                    "Python crashed and was restarted",
                    detail,
                    None,
                )))
            } else if give_up {
                inner.unavailable = Some(detail.to_owned());
                inner.waiting.clear();
                Some(unavailable_event(detail))
            } else {
                None
            };
            let failed: Vec<Listener> = match event {
                Some(_) => inner.listeners.drain().map(|(_, l)| l).collect(),
                None => Vec::new(),
            };
            (failed, event, !give_up || was_ready)
        };
        self.ready.set(false);
        if let Some(event) = event {
            for listener in failed {
                listener(event.clone());
            }
        }
        if retry {
            self.spawn();
        } else {
            self.unavailable.set(true);
            web_sys::console::warn_1(&format!("Pylings: Python could not start: {detail}").into());
        }
    }
}

/// How a run ends when Python cannot start on this page.
fn unavailable_event(detail: &str) -> RunEvent {
    RunEvent::failed(page_error(
        "Unavailable",
        "Python could not start on this page, so code cannot run here",
        detail,
        None,
    ))
}
