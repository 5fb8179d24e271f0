//! The worker's browser side: the [`Host`] over browser clocks and the message loop.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use pylings_engine::{Engine, Host, Stream};
use pylings_protocol::{FromWorker, ToWorker};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Clocks from the worker's `Date` and `performance`; output posted to the page at once.
struct BrowserHost {
    scope: DedicatedWorkerGlobalScope,
    run: Rc<Cell<u32>>,
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
        let until = now_ms(&self.scope) + seconds * 1000.0;
        while now_ms(&self.scope) < until {}
    }

    fn write(&self, stream: Stream, text: &str) {
        post(
            &self.scope,
            &FromWorker::Output {
                run: self.run.get(),
                stream,
                text: text.to_owned(),
            },
        );
    }
}

fn post(scope: &DedicatedWorkerGlobalScope, message: &FromWorker) {
    // postMessage of a string cannot fail on a live worker scope.
    let _ = scope.post_message(&JsValue::from_str(&message.to_json()));
}

pub(crate) fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let run = Rc::new(Cell::new(0));
    let started = now_ms(&scope);
    let engine = RefCell::new(Engine::new(Box::new(BrowserHost {
        scope: scope.clone(),
        run: run.clone(),
    })));
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
            } => {
                run.set(id);
                let outcome = engine.borrow_mut().run_with_stdin(&source, &stdin);
                FromWorker::Finished {
                    run: id,
                    error: outcome.error,
                    elapsed_ms: elapsed(),
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
        post(&reply_scope, &reply);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
}
