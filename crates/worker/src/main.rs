//! Entry point of the Python Web Worker: starts the engine, then runs each program the page
//! sends, streaming its output back as it is written.
//!
//! The page talks to it with `postMessage` and JSON ([`pylings_protocol`]); the page, not this
//! worker, decides when to give up on a run and terminates the whole worker to stop it.

#[cfg(target_arch = "wasm32")]
mod browser;

#[cfg(target_arch = "wasm32")]
fn main() {
    browser::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("pylings-worker runs only as a Web Worker (wasm32-unknown-unknown)");
    std::process::exit(2);
}
