//! The page's side of the Python worker: starts it, queues runs until it is ready, routes each
//! answer to the run that asked, and stops or replaces it when a run must end at once.
//!
//! Uses `web_sys::Worker` directly rather than gloo-worker: gloo's bridge can only *ask* a worker
//! to stop (a message a busy worker never reads), while stopping a runaway program needs
//! `Worker.terminate()`. After a stop or a crash the next run should not wait for a cold start,
//! so once Python is up and idle a spare worker is started and kept warm to take over.

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
/// The spare worker starts this long after the active one is ready or a run ended (ms), and only
/// if no run is going on then: compiling the engine takes a core, and on a two-core machine a
/// running program plus a compiling spare would leave the page itself short of time.
const SPARE_DELAY_MS: u64 = 2_000;

/// What a run reports, in order: any number of outputs, then exactly one `Finished`.
#[derive(Clone, Debug)]
pub enum RunEvent {
    /// Text the program wrote; `dropped` characters before it were left out by the worker
    /// because the program wrote faster than the page can show.
    Output {
        stream: Stream,
        text: String,
        dropped: u64,
    },
    /// `error` is `None` on success; `elapsed_ms` is the run's time inside the worker; `checks`
    /// holds one result per check for [`Python::check`] (empty for plain runs and when the
    /// program failed before the checks); `awaiting_input` is true when an interactive run
    /// stopped at an `input()` it has no answer for yet.
    Finished {
        error: Option<PythonError>,
        elapsed_ms: f64,
        checks: Vec<CheckResult>,
        awaiting_input: bool,
    },
}

impl RunEvent {
    /// A run that ended with `error` without the worker's word (crash, stop, time limit).
    pub fn failed(error: PythonError) -> Self {
        RunEvent::Finished {
            error: Some(error),
            elapsed_ms: 0.0,
            checks: Vec::new(),
            awaiting_input: false,
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
}

type Listener = Rc<dyn Fn(RunEvent)>;

/// A started worker, told apart from the ones before it by `id`.
struct Handle {
    worker: Worker,
    id: u32,
    ready: bool,
    /// Set when the worker said an allocation failed: its trap is "out of memory".
    out_of_memory: bool,
}

struct Inner {
    /// The worker that runs programs.
    active: Option<Handle>,
    /// A warm worker to take over after a stop or crash.
    spare: Option<Handle>,
    next_id: u32,
    next_run: u32,
    /// Runs asked for before the active worker was ready.
    waiting: VecDeque<String>,
    listeners: HashMap<u32, Listener>,
    /// Consecutive failed starts (reset once a worker is ready).
    failed_starts: u32,
    /// Set when starting failed [`START_ATTEMPTS`] times: why Python cannot run on this page.
    unavailable: Option<String>,
}

impl Inner {
    fn active_ready(&self) -> bool {
        self.active.as_ref().is_some_and(|handle| handle.ready)
    }

    /// Sends the queued runs to the active worker, if it is ready.
    fn send_waiting(&mut self) {
        let Some(handle) = self.active.as_ref().filter(|handle| handle.ready) else {
            return;
        };
        for message in self.waiting.drain(..) {
            let _ = handle.worker.post_message(&JsValue::from_str(&message));
        }
    }
}

/// The page's handle on the Python worker. One per page; clones share it.
#[derive(Clone)]
pub struct Python {
    inner: Rc<RefCell<Inner>>,
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
                        inner: Rc::new(RefCell::new(Inner {
                            active: None,
                            spare: None,
                            next_id: 1,
                            next_run: 1,
                            waiting: VecDeque::new(),
                            listeners: HashMap::new(),
                            failed_starts: 0,
                            unavailable: None,
                        })),
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
    /// terminating the worker; the spare takes over, or a fresh worker starts.
    pub fn interrupt(&self, error: PythonError) {
        let failed = self.replace_active();
        for listener in failed {
            listener(RunEvent::failed(error.clone()));
        }
    }

    /// Terminates the active worker and promotes the spare (or starts a new one); returns the
    /// listeners of the runs that were pending, which the caller must end.
    fn replace_active(&self) -> Vec<Listener> {
        let (failed, promoted, ready) = {
            let mut inner = self.inner.borrow_mut();
            if let Some(handle) = inner.active.take() {
                handle.worker.terminate();
            }
            inner.waiting.clear();
            let failed = inner.listeners.drain().map(|(_, l)| l).collect();
            inner.active = inner.spare.take();
            let ready = inner.active_ready();
            (failed, inner.active.is_some(), ready)
        };
        self.ready.set(ready);
        if !promoted && self.inner.borrow().unavailable.is_none() {
            self.start_active();
        }
        if ready {
            self.ensure_spare_later();
        }
        failed
    }

    /// Sends the request `build` makes for a new run id, or queues it until the worker is
    /// ready; makes sure a spare worker is warming up while code runs.
    fn request(&self, build: impl FnOnce(u32) -> ToWorker, listener: impl Fn(RunEvent) + 'static) {
        let unavailable = self.inner.borrow().unavailable.clone();
        if let Some(detail) = unavailable {
            listener(unavailable_event(&detail));
            return;
        }
        {
            let mut inner = self.inner.borrow_mut();
            let run = inner.next_run;
            inner.next_run += 1;
            inner.listeners.insert(run, Rc::new(listener));
            inner.waiting.push_back(build(run).to_json());
            inner.send_waiting();
        }
    }

    /// Starts a spare worker [`SPARE_DELAY_MS`] from now if there is none by then, the active
    /// worker is up and idle.
    fn ensure_spare_later(&self) {
        let this = self.clone();
        set_timeout(
            move || this.ensure_spare(),
            std::time::Duration::from_millis(SPARE_DELAY_MS),
        );
    }

    fn ensure_spare(&self) {
        let needed = {
            let inner = self.inner.borrow();
            inner.active_ready() && inner.spare.is_none() && inner.listeners.is_empty()
        };
        if needed {
            if let Some(handle) = self.spawn() {
                self.inner.borrow_mut().spare = Some(handle);
            }
        }
    }

    /// Makes a worker the active one: the one `index.html` started before the app loaded, the
    /// first time, else a new one.
    fn start_active(&self) {
        let id = self.next_worker_id();
        let (worker, early) = match take_early_worker() {
            Some(adopted) => adopted,
            None => match self.create_worker() {
                Some(worker) => (worker, Vec::new()),
                None => return,
            },
        };
        self.inner.borrow_mut().active = Some(self.attach(worker, id));
        // What it said before the app listened (usually nothing: it takes longer to start than
        // the app), in order, now that it is the active worker.
        for event in early {
            self.dispatch(id, &event);
        }
    }

    fn next_worker_id(&self) -> u32 {
        let mut inner = self.inner.borrow_mut();
        inner.next_id += 1;
        inner.next_id
    }

    /// A new worker whose messages and errors are routed by its id; `None` (after reporting a
    /// failed start) when the browser refuses to create one.
    fn spawn(&self) -> Option<Handle> {
        let id = self.next_worker_id();
        self.create_worker().map(|worker| self.attach(worker, id))
    }

    /// A new worker, or `None` after reporting why the browser refused.
    fn create_worker(&self) -> Option<Worker> {
        let (url, module) = worker_script();
        let options = WorkerOptions::new();
        if module {
            options.set_type(WorkerType::Module);
        }
        match Worker::new_with_options(&url, &options) {
            Ok(worker) => Some(worker),
            Err(error) => {
                let detail = js_sys::Reflect::get(&error, &"message".into())
                    .ok()
                    .and_then(|m| m.as_string())
                    .unwrap_or_else(|| "the Python worker could not be created".to_owned());
                self.start_failed(&detail);
                None
            }
        }
    }

    /// Routes `worker`'s messages and errors to this page's handling, as worker `id`.
    fn attach(&self, worker: Worker, id: u32) -> Handle {
        let this = self.clone();
        let on_message =
            Closure::<dyn Fn(Event)>::new(move |event: Event| this.dispatch(id, &event));
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // An `ErrorEvent` when the engine traps; a plain `Event` when the script cannot load.
        worker.set_onerror(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        Handle {
            worker,
            id,
            ready: false,
            out_of_memory: false,
        }
    }

    /// Handles one event of worker `id`: a message, or an error (the worker died).
    fn dispatch(&self, id: u32, event: &Event) {
        if let Some(message) = event.dyn_ref::<MessageEvent>() {
            if let Some(message) = message
                .data()
                .as_string()
                .as_deref()
                .and_then(FromWorker::from_json)
            {
                self.receive(id, message);
            }
            return;
        }
        event.prevent_default();
        let message = js_sys::Reflect::get(event, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_else(|| "the Python worker could not be loaded".to_owned());
        self.worker_failed(id, &message);
    }

    fn receive(&self, id: u32, message: FromWorker) {
        let is_active = self
            .inner
            .borrow()
            .active
            .as_ref()
            .is_some_and(|h| h.id == id);
        if !is_active {
            if let FromWorker::Ready { .. } = message {
                let mut inner = self.inner.borrow_mut();
                if let Some(spare) = inner.spare.as_mut().filter(|h| h.id == id) {
                    spare.ready = true;
                }
            }
            return;
        }
        match message {
            FromWorker::Ready { .. } => {
                {
                    let mut inner = self.inner.borrow_mut();
                    if let Some(active) = inner.active.as_mut() {
                        active.ready = true;
                    }
                    inner.failed_starts = 0;
                    inner.send_waiting();
                }
                self.ready.set(true);
                self.ensure_spare_later();
            }
            FromWorker::OutOfMemory => {
                if let Some(active) = self.inner.borrow_mut().active.as_mut() {
                    active.out_of_memory = true;
                }
            }
            FromWorker::Output {
                run,
                stream,
                text,
                dropped,
            } => self.notify(
                run,
                RunEvent::Output {
                    stream,
                    text,
                    dropped,
                },
                false,
            ),
            FromWorker::Finished {
                run,
                error,
                elapsed_ms,
                awaiting_input,
            } => self.finished(
                run,
                RunEvent::Finished {
                    error,
                    elapsed_ms,
                    checks: Vec::new(),
                    awaiting_input,
                },
                true,
            ),
            FromWorker::Checked {
                run,
                error,
                results,
                elapsed_ms,
            } => self.finished(
                run,
                RunEvent::Finished {
                    error,
                    elapsed_ms,
                    checks: results,
                    awaiting_input: false,
                },
                true,
            ),
        }
    }

    /// Ends run `run` with `event`; the worker survived it, so an allocation failure it
    /// reported was handled (as a `MemoryError`) and no longer explains a later trap.
    fn finished(&self, run: u32, event: RunEvent, last: bool) {
        if let Some(active) = self.inner.borrow_mut().active.as_mut() {
            active.out_of_memory = false;
        }
        self.notify(run, event, last);
        self.ensure_spare_later();
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

    /// A worker died (a trap in the engine) or could not start.
    fn worker_failed(&self, id: u32, detail: &str) {
        let (is_active, was_ready, out_of_memory) = {
            let mut inner = self.inner.borrow_mut();
            if inner.spare.as_ref().is_some_and(|h| h.id == id) {
                if let Some(spare) = inner.spare.take() {
                    spare.worker.terminate();
                }
                return;
            }
            let active = inner.active.as_ref().filter(|h| h.id == id);
            (
                active.is_some(),
                active.is_some_and(|h| h.ready),
                active.is_some_and(|h| h.out_of_memory),
            )
        };
        if !is_active {
            return;
        }
        if was_ready {
            self.crashed(detail, out_of_memory);
        } else {
            if let Some(handle) = self.inner.borrow_mut().active.take() {
                handle.worker.terminate();
            }
            self.start_failed(detail);
        }
    }

    /// The interpreter trapped while running: the pending runs end with a plain message and
    /// the spare (or a fresh worker) takes over.
    fn crashed(&self, detail: &str, out_of_memory: bool) {
        let error = crash_error(detail, out_of_memory);
        let failed = self.replace_active();
        for listener in failed {
            listener(RunEvent::failed(error.clone()));
        }
    }

    /// A worker never became ready: retried with the runs kept waiting, up to
    /// [`START_ATTEMPTS`] times, after which Python is reported unavailable on this page.
    fn start_failed(&self, detail: &str) {
        let give_up = {
            let mut inner = self.inner.borrow_mut();
            inner.failed_starts += 1;
            inner.failed_starts >= START_ATTEMPTS
        };
        if !give_up {
            self.start_active();
            return;
        }
        let failed: Vec<Listener> = {
            let mut inner = self.inner.borrow_mut();
            inner.unavailable = Some(detail.to_owned());
            inner.waiting.clear();
            inner.listeners.drain().map(|(_, l)| l).collect()
        };
        self.ready.set(false);
        self.unavailable.set(true);
        web_sys::console::warn_1(&format!("Pylings: Python could not start: {detail}").into());
        for listener in failed {
            listener(unavailable_event(detail));
        }
    }
}

/// The URL to start the worker from, and whether it is a module script. In a sandboxed iframe
/// (an opaque origin) the browser refuses a worker script from the site's own URL, which is
/// cross-origin there, and Chromium also fails module workers from `blob:` URLs; a classic
/// `blob:` worker that `import()`s the loader works, the import being a CORS request (static
/// hosts commonly send `Access-Control-Allow-Origin: *`; the worker fetches its wasm the same
/// way).
fn worker_script() -> (String, bool) {
    let opaque = window().origin() == "null";
    let absolute = document()
        .base_uri()
        .ok()
        .flatten()
        .and_then(|base| web_sys::Url::new_with_base(WORKER_URL, &base).ok())
        .map(|url| url.href());
    let (true, Some(absolute)) = (opaque, absolute) else {
        return (WORKER_URL.to_owned(), true);
    };
    // The worker's own location is the blob's: tell it where the loader (and so the site's root,
    // where the stdlib bundles are) really is.
    let source = js_sys::Array::of1(&JsValue::from_str(&format!(
        "self.PYLINGS_WORKER_URL = {absolute:?};\nimport({absolute:?});\n"
    )));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    web_sys::Blob::new_with_str_sequence_and_options(&source, &options)
        .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob))
        .map_or_else(|_| (WORKER_URL.to_owned(), true), |url| (url, false))
}

/// The worker `index.html` started before the app loaded (`window.pylingsEarlyWorker`), with
/// the events it has sent since; taken once. `None` where it started none (an opaque-origin
/// frame, where the worker must start from a `blob:`) or after it was taken.
fn take_early_worker() -> Option<(Worker, Vec<Event>)> {
    let key = JsValue::from_str("pylingsEarlyWorker");
    let early = js_sys::Reflect::get(&window(), &key).ok()?;
    let _ = js_sys::Reflect::delete_property(&window(), &key.unchecked_into());
    let worker = js_sys::Reflect::get(&early, &"worker".into())
        .ok()?
        .dyn_into::<Worker>()
        .ok()?;
    let events = js_sys::Reflect::get(&early, &"early".into())
        .ok()?
        .dyn_into::<js_sys::Array>()
        .ok()?
        .iter()
        .filter_map(|event| event.dyn_into::<Event>().ok())
        .collect();
    Some((worker, events))
}

/// How a run ends when the interpreter died: out of memory (as the worker reported, or as the
/// browser's message says), or another trap.
fn crash_error(detail: &str, out_of_memory: bool) -> PythonError {
    let lower = detail.to_lowercase();
    if out_of_memory || lower.contains("memory") || lower.contains("alloc") {
        page_error(
            "MemoryError",
            "Python ran out of memory",
            detail,
            Some(
                "The program asked for more memory than the browser gives it, so Python was \
                 restarted. Is a list or string growing without end, or is it built with a huge \
                 size such as `[0] * 10**10`?"
                    .to_owned(),
            ),
        )
    } else {
        page_error(
            "Crash",
            "Python crashed and was restarted",
            detail,
            Some(
                "Something in the program made the Python engine itself fail. Very deep \
                 recursion can do this. Your code is kept; change it and run it again."
                    .to_owned(),
            ),
        )
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
