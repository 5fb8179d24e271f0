//! The workers behind [`Python`]: the active one that runs programs, a warm spare that takes
//! over after a stop or a crash, and the early one `index.html` started before the app loaded.
//! Routes each message to the run that asked, queues runs until the active worker is ready,
//! and turns a worker's death into a [`Failure`] for the runs it had.

use std::collections::{HashMap, VecDeque};

use leptos::prelude::*;
use pylings_protocol::{FromWorker, ToWorker};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{Event, MessageEvent, Worker};

use super::client::{Listener, Python, RunEvent};
use super::failure::Failure;
use super::spawn::{create_worker, take_early_worker};

/// Start attempts for a worker that has never become ready before we stop trying and say so.
const START_ATTEMPTS: u32 = 3;
/// The spare worker starts this long after the active one is ready or a run ended (ms), and only
/// if no run is going on then: compiling the engine takes a core, and on a two-core machine a
/// running program plus a compiling spare would leave the page itself short of time.
const SPARE_DELAY_MS: u64 = 2_000;

/// True on a device with little memory (`navigator.deviceMemory` ≤ 2 GB, where the browser
/// tells) or a phone-sized screen (under 600 CSS px either way). Each warm engine holds about
/// 45 MiB, so such a device starts the spare only after a first Stop, when a learner has shown
/// they write programs that need stopping; until then a Stop waits for a fresh engine.
fn small_device() -> bool {
    let navigator = window().navigator();
    let memory = js_sys::Reflect::get(&navigator, &JsValue::from_str("deviceMemory"))
        .ok()
        .and_then(|value| value.as_f64());
    let screen = window()
        .screen()
        .ok()
        .and_then(|screen| Some(screen.width().ok()?.min(screen.height().ok()?)));
    memory.is_some_and(|gb| gb <= 2.0) || screen.is_some_and(|px| px < 600)
}

/// A started worker, told apart from the ones before it by `id`.
struct Handle {
    worker: Worker,
    id: u32,
    ready: bool,
    /// Set when the worker said an allocation failed: its trap is "out of memory".
    out_of_memory: bool,
}

/// The workers and the runs waiting on them.
pub struct Pool {
    /// The worker that runs programs.
    active: Option<Handle>,
    /// A warm worker to take over after a stop or crash.
    spare: Option<Handle>,
    next_id: u32,
    next_run: u32,
    /// Runs asked for before the active worker was ready, as JSON messages.
    waiting: VecDeque<String>,
    listeners: HashMap<u32, Listener>,
    /// Consecutive failed starts (reset once a worker is ready).
    failed_starts: u32,
    /// Set when starting failed [`START_ATTEMPTS`] times: why Python cannot run on this page.
    unavailable: Option<String>,
    /// Set once a worker was replaced (by Stop, a time limit or a crash): from then on a small
    /// device keeps a spare too (see [`small_device`]).
    replaced: bool,
}

impl Default for Pool {
    fn default() -> Self {
        Self {
            active: None,
            spare: None,
            next_id: 1,
            next_run: 1,
            waiting: VecDeque::new(),
            listeners: HashMap::new(),
            failed_starts: 0,
            unavailable: None,
            replaced: false,
        }
    }
}

impl Pool {
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

    fn next_worker_id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id
    }
}

impl Python {
    /// Terminates the active worker and promotes the spare (or starts a new one); returns the
    /// listeners of the runs that were pending, which the caller must end.
    pub(super) fn replace_active(&self) -> Vec<Listener> {
        let (failed, promoted, ready) = {
            let mut pool = self.pool.borrow_mut();
            if let Some(handle) = pool.active.take() {
                handle.worker.terminate();
            }
            pool.waiting.clear();
            pool.replaced = true;
            let failed = pool.listeners.drain().map(|(_, l)| l).collect();
            pool.active = pool.spare.take();
            let ready = pool.active_ready();
            (failed, pool.active.is_some(), ready)
        };
        self.ready.set(ready);
        if !promoted && self.pool.borrow().unavailable.is_none() {
            self.start_active();
        }
        if ready {
            self.ensure_spare_later();
        }
        failed
    }

    /// Sends the request `build` makes for a new run id, or queues it until the worker is
    /// ready.
    pub(super) fn request(&self, build: impl FnOnce(u32) -> ToWorker, listener: Listener) {
        let unavailable = self.pool.borrow().unavailable.clone();
        if let Some(detail) = unavailable {
            listener(RunEvent::failed(Failure::Unavailable { detail }));
            return;
        }
        let mut pool = self.pool.borrow_mut();
        let run = pool.next_run;
        pool.next_run += 1;
        pool.listeners.insert(run, listener);
        pool.waiting.push_back(build(run).to_json());
        pool.send_waiting();
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
            let pool = self.pool.borrow();
            pool.active_ready()
                && pool.spare.is_none()
                && pool.listeners.is_empty()
                && (pool.replaced || !small_device())
        };
        if !needed {
            return;
        }
        match create_worker() {
            Ok(worker) => {
                let id = self.pool.borrow_mut().next_worker_id();
                let handle = self.attach(worker, id);
                self.pool.borrow_mut().spare = Some(handle);
            }
            Err(detail) => self.start_failed(&detail),
        }
    }

    /// Makes a worker the active one: the one `index.html` started before the app loaded, the
    /// first time, else a new one.
    pub(super) fn start_active(&self) {
        let (worker, early) = match take_early_worker() {
            Some(adopted) => adopted,
            None => match create_worker() {
                Ok(worker) => (worker, Vec::new()),
                Err(detail) => return self.start_failed(&detail),
            },
        };
        let id = self.pool.borrow_mut().next_worker_id();
        let handle = self.attach(worker, id);
        self.pool.borrow_mut().active = Some(handle);
        // What it said before the app listened (usually nothing: it takes longer to start than
        // the app), in order, now that it is the active worker.
        for event in early {
            self.dispatch(id, &event);
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
            .pool
            .borrow()
            .active
            .as_ref()
            .is_some_and(|h| h.id == id);
        if !is_active {
            if let FromWorker::Ready { .. } = message {
                let mut pool = self.pool.borrow_mut();
                if let Some(spare) = pool.spare.as_mut().filter(|h| h.id == id) {
                    spare.ready = true;
                }
            }
            return;
        }
        match message {
            FromWorker::Ready { .. } => {
                {
                    let mut pool = self.pool.borrow_mut();
                    if let Some(active) = pool.active.as_mut() {
                        active.ready = true;
                    }
                    pool.failed_starts = 0;
                    pool.send_waiting();
                }
                self.ready.set(true);
                self.ensure_spare_later();
            }
            FromWorker::OutOfMemory => {
                if let Some(active) = self.pool.borrow_mut().active.as_mut() {
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
            FromWorker::Drawing { run, ops } => self.notify(run, RunEvent::Drawing { ops }, false),
            FromWorker::Finished {
                run,
                error,
                elapsed_ms,
                awaiting_input,
                trace,
            } => self.finished(
                run,
                RunEvent::Finished {
                    failure: error.map(Failure::Python),
                    elapsed_ms,
                    checks: Vec::new(),
                    awaiting_input,
                    trace,
                },
            ),
            FromWorker::Checked {
                run,
                error,
                results,
                elapsed_ms,
            } => self.finished(
                run,
                RunEvent::Finished {
                    failure: error.map(Failure::Python),
                    elapsed_ms,
                    checks: results,
                    awaiting_input: false,
                    trace: None,
                },
            ),
        }
    }

    /// Ends run `run` with `event`; the worker survived it, so an allocation failure it
    /// reported was handled (as a `MemoryError`) and no longer explains a later trap.
    fn finished(&self, run: u32, event: RunEvent) {
        if let Some(active) = self.pool.borrow_mut().active.as_mut() {
            active.out_of_memory = false;
        }
        self.notify(run, event, true);
        self.ensure_spare_later();
    }

    fn notify(&self, run: u32, event: RunEvent, last: bool) {
        let listener = {
            let mut pool = self.pool.borrow_mut();
            if last {
                pool.listeners.remove(&run)
            } else {
                pool.listeners.get(&run).cloned()
            }
        };
        if let Some(listener) = listener {
            listener(event);
        }
    }

    /// A worker died (a trap in the engine) or could not start.
    fn worker_failed(&self, id: u32, detail: &str) {
        let (is_active, was_ready, out_of_memory) = {
            let mut pool = self.pool.borrow_mut();
            if pool.spare.as_ref().is_some_and(|h| h.id == id) {
                if let Some(spare) = pool.spare.take() {
                    spare.worker.terminate();
                }
                return;
            }
            let active = pool.active.as_ref().filter(|h| h.id == id);
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
            // The interpreter trapped while running: the pending runs end with a plain message
            // and the spare (or a fresh worker) takes over.
            self.interrupt(Failure::crashed(detail, out_of_memory));
        } else {
            if let Some(handle) = self.pool.borrow_mut().active.take() {
                handle.worker.terminate();
            }
            self.start_failed(detail);
        }
    }

    /// A worker never became ready: retried with the runs kept waiting, up to
    /// [`START_ATTEMPTS`] times, after which Python is reported unavailable on this page.
    fn start_failed(&self, detail: &str) {
        let give_up = {
            let mut pool = self.pool.borrow_mut();
            pool.failed_starts += 1;
            pool.failed_starts >= START_ATTEMPTS
        };
        if !give_up {
            self.start_active();
            return;
        }
        let failed: Vec<Listener> = {
            let mut pool = self.pool.borrow_mut();
            pool.unavailable = Some(detail.to_owned());
            pool.waiting.clear();
            pool.listeners.drain().map(|(_, l)| l).collect()
        };
        self.ready.set(false);
        self.unavailable.set(true);
        web_sys::console::warn_1(&format!("Pylings: Python could not start: {detail}").into());
        let failure = Failure::Unavailable {
            detail: detail.to_owned(),
        };
        for listener in failed {
            listener(RunEvent::failed(failure.clone()));
        }
    }
}
