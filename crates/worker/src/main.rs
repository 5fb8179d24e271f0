//! Entry point of the Python Web Worker: starts the engine, then runs each program the page
//! sends, streaming its output back as it is written.
//!
//! The page talks to it with `postMessage` and JSON ([`pylings_protocol`]); the page, not this
//! worker, decides when to give up on a run and terminates the whole worker to stop it.
//! The code compiles on every target (so native clippy checks it) but only runs as a worker
//! on wasm32: elsewhere there is no worker global scope.

mod browser;
mod oom;

#[global_allocator]
static ALLOCATOR: oom::ReportingAllocator = oom::ReportingAllocator;

fn main() {
    browser::start();
}
