//! The worker's browser side: the [`Host`] over browser clocks and the message loop.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use pylings_engine::{Engine, Host, RunOptions, Stream, STDLIB_FOLDER};
use pylings_protocol::{FromWorker, ToWorker};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Output is posted at most this often (ms), so a program that prints in a tight loop sends the
/// page a few dozen messages a second, not one per `print`.
const FLUSH_INTERVAL_MS: f64 = 16.0;
/// Output held back between posts is capped to its last this-many characters; the rest is
/// counted as dropped (a flood shows its tail, and the page says earlier output was trimmed).
const MAX_PENDING_CHARS: usize = 256 * 1024;

/// Output not yet posted: one stream's text.
#[derive(Default)]
struct Pending {
    stream: Option<Stream>,
    text: String,
    chars: usize,
    dropped: u64,
}

/// Clocks from the worker's `Date` and `performance`; output batched to the page.
struct BrowserHost {
    scope: DedicatedWorkerGlobalScope,
    run: Rc<Cell<u32>>,
    pending: Rc<RefCell<Pending>>,
    last_post: Rc<Cell<f64>>,
    /// A rejection handler that does nothing, for prefetches nobody awaits.
    ignore: Closure<dyn FnMut(JsValue)>,
}

impl BrowserHost {
    /// The absolute URL of the stdlib bundle `file`.
    fn stdlib_url(&self, file: &str) -> Result<String, String> {
        let loader = js_sys::Reflect::get(&self.scope, &JsValue::from_str("PYLINGS_WORKER_URL"))
            .ok()
            .and_then(|url| url.as_string())
            .unwrap_or_else(|| self.scope.location().href());
        web_sys::Url::new_with_base(&format!("{STDLIB_FOLDER}/{file}"), &loader)
            .map(|url| url.href())
            .map_err(|_| format!("no URL for stdlib/{file} from {loader}"))
    }

    /// Posts the held-back output, if any.
    fn flush(&self) {
        flush(&self.scope, self.run.get(), &self.pending, &self.last_post);
    }
}

fn flush(
    scope: &DedicatedWorkerGlobalScope,
    run: u32,
    pending: &RefCell<Pending>,
    last_post: &Cell<f64>,
) {
    let pending = std::mem::take(&mut *pending.borrow_mut());
    last_post.set(now_ms(scope));
    if let Some(stream) = pending.stream {
        post(
            scope,
            &FromWorker::Output {
                run,
                stream,
                text: pending.text,
                dropped: pending.dropped,
            },
        );
    }
}

/// `performance.now()` of the worker, in ms (falling back to `Date.now()`).
fn now_ms(scope: &DedicatedWorkerGlobalScope) -> f64 {
    scope
        .performance()
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

impl Host for BrowserHost {
    fn wall_clock(&self) -> f64 {
        js_sys::Date::now() / 1000.0
    }

    fn monotonic(&self) -> f64 {
        now_ms(&self.scope) / 1000.0
    }

    /// Waits by watching the clock. A worker may block, and without cross-origin isolation
    /// there is no `SharedArrayBuffer` for `Atomics.wait`; the page never freezes either way.
    fn sleep(&self, seconds: f64) {
        self.flush();
        let until = now_ms(&self.scope) + seconds * 1000.0;
        while now_ms(&self.scope) < until {}
    }

    /// A synchronous request, which a worker may make: Python's import is synchronous, and the
    /// page stays responsive. The bundle's URL is relative to the worker loader's, which sits at
    /// the site's root (in a sandboxed embed the worker starts from a `blob:` and the page tells
    /// it the loader's URL in `PYLINGS_WORKER_URL`).
    fn fetch_stdlib(&self, file: &str) -> Result<String, String> {
        let url = self.stdlib_url(file)?;
        let request = web_sys::XmlHttpRequest::new().map_err(|_| "no XMLHttpRequest".to_owned())?;
        request
            .open_with_async("GET", &url, false)
            .map_err(|_| format!("cannot request {url}"))?;
        request
            .send()
            .map_err(|_| format!("network error fetching {url}"))?;
        match request.status() {
            Ok(200) => request
                .response_text()
                .ok()
                .flatten()
                .ok_or_else(|| format!("{url} sent no text")),
            Ok(status) => Err(format!("HTTP {status} for {url}")),
            Err(_) => Err(format!("network error fetching {url}")),
        }
    }

    /// Posts a batch of turtle drawing operations to the page at once, after the output written
    /// before it, so that a drawing keeps its place among the prints.
    fn drawing(&self, ops_json: &str) {
        self.flush();
        post(
            &self.scope,
            &FromWorker::Drawing {
                run: self.run.get(),
                ops: ops_json.to_owned(),
            },
        );
    }

    /// Starts a `fetch` of each file and leaves it running: the browser keeps the responses in
    /// its HTTP cache (the files are immutable), where the synchronous requests that follow find
    /// them, or join them while they are still arriving. Failures are left for those requests.
    fn prefetch_stdlib(&self, files: &[String]) {
        for file in files {
            if let Ok(url) = self.stdlib_url(file) {
                let _ = self.scope.fetch_with_str(&url).catch(&self.ignore);
            }
        }
    }

    /// Holds `text` back with the output of the same stream, posting when the stream changes
    /// or [`FLUSH_INTERVAL_MS`] have passed since the last post. A program that prints and then
    /// computes for a long time without printing shows its last few ms of output only when it
    /// next prints, sleeps or ends: the worker cannot set a timer while Python holds it.
    fn write(&self, stream: Stream, text: &str) {
        if self.pending.borrow().stream.is_some_and(|s| s != stream) {
            self.flush();
        }
        {
            let mut pending = self.pending.borrow_mut();
            pending.stream = Some(stream);
            pending.text.push_str(text);
            pending.chars += text.chars().count();
            if pending.chars > MAX_PENDING_CHARS {
                let excess = pending.chars - MAX_PENDING_CHARS;
                let cut = pending
                    .text
                    .char_indices()
                    .nth(excess)
                    .map_or(pending.text.len(), |(at, _)| at);
                pending.text.drain(..cut);
                pending.chars -= excess;
                pending.dropped += excess as u64;
            }
        }
        if now_ms(&self.scope) - self.last_post.get() >= FLUSH_INTERVAL_MS {
            self.flush();
        }
    }
}

fn post(scope: &DedicatedWorkerGlobalScope, message: &FromWorker) {
    // postMessage of a string cannot fail on a live worker scope.
    let _ = scope.post_message(&JsValue::from_str(&message.to_json()));
}

pub(crate) fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let run = Rc::new(Cell::new(0));
    let pending = Rc::new(RefCell::new(Pending::default()));
    let last_post = Rc::new(Cell::new(0.0));
    let started = now_ms(&scope);
    let engine = RefCell::new(Engine::new(Box::new(BrowserHost {
        scope: scope.clone(),
        run: run.clone(),
        pending: pending.clone(),
        last_post: last_post.clone(),
        ignore: Closure::new(|_| {}),
    })));
    // The first run pays for imports and caches the runner warms up (measured 0.4–0.7 s in the
    // browser, against a few ms after): pay it before Ready, so a learner's first Run, and the
    // first run on a spare worker after Stop, answer at once.
    engine.borrow_mut().run("pass");
    post(
        &scope,
        &FromWorker::Ready {
            startup_ms: now_ms(&scope) - started,
        },
    );

    let reply_scope = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(request) = event
            .data()
            .as_string()
            .as_deref()
            .and_then(ToWorker::from_json)
        else {
            return;
        };
        let begun = now_ms(&reply_scope);
        let elapsed = || now_ms(&reply_scope) - begun;
        let reply = match request {
            ToWorker::Run {
                run: id,
                source,
                stdin,
                interactive,
                skip_output,
                seed,
                visualise,
            } => {
                run.set(id);
                let options = RunOptions {
                    stdin,
                    interactive,
                    skip_output,
                    seed,
                    visualise,
                };
                let outcome = engine.borrow_mut().run_with(&source, &options);
                FromWorker::Finished {
                    run: id,
                    error: outcome.error,
                    elapsed_ms: elapsed(),
                    awaiting_input: outcome.awaiting_input,
                    trace: outcome.trace,
                }
            }
            ToWorker::Check {
                run: id,
                source,
                stdin,
                checks,
            } => {
                run.set(id);
                let outcome = engine.borrow_mut().check(&source, &stdin, &checks);
                FromWorker::Checked {
                    run: id,
                    error: outcome.run.error,
                    results: outcome.results,
                    elapsed_ms: elapsed(),
                }
            }
        };
        flush(&reply_scope, run.get(), &pending, &last_post);
        post(&reply_scope, &reply);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
}
