//! `cargo xtask <command>`: the one place that knows how to install the tools, build, serve,
//! test and measure Pylings.
//!
//! - `setup`: installs what is missing (wasm target, trunk, wasm-bindgen-cli, npm packages),
//!   fetches crates for offline builds, checks for Chromium. Idempotent.
//! - `dist`: the editor bundle (esbuild), then the release build of the app and the worker into
//!   `dist/`.
//! - `serve`: setup, dist, then serves `dist/` on <http://127.0.0.1:8080/> (`--port N`).
//! - `test`: fmt, clippy, native tests, the release build, the browser tests.
//! - `cpython`: records CPython 3.14's output for every snippet of `content/` (for authors;
//!   the content tests compare with it).
//! - `bench`: Pylings against Pyodide in Chromium (bytes, cold start, warm programs, memory,
//!   Stop), written to `bench/results/`.

mod bench;
mod cmd;
mod cpython;
mod dist;
mod editor;
mod offline;
mod serve;
mod setup;
mod site;
mod test;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::run(),
        Some("dist") => setup::run().and_then(|()| dist::run()),
        Some("serve") => serve::run(&args[1..]),
        Some("test") => test::run(),
        Some("bench") => bench::run(),
        Some("cpython") => cpython::run(),
        _ => {
            eprintln!("usage: cargo xtask <setup|serve|test|dist|bench|cpython>");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
