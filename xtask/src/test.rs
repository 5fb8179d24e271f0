//! `cargo xtask test`: everything, in the order that fails fastest.
//!
//! fmt, clippy (warnings denied), native tests (engine, course, every example of `content/`),
//! the release build into `dist/`, then the browser tests in Chromium.
//!
//! Clippy runs natively only: all wasm-only code (the app, the worker's browser side) also
//! compiles natively, and a second check of RustPython for wasm32 would cost ~8 minutes.

use crate::cmd::{self, command, Result};
use crate::{dist, setup};

pub fn run() -> Result {
    setup::run()?;
    cmd::run(command("cargo", &["fmt", "--all", "--check"]))?;
    cmd::run(command(
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--ignore-rust-version",
            "--locked",
            "--",
            "-D",
            "warnings",
        ],
    ))?;
    cmd::run(command(
        "cargo",
        &["test", "--workspace", "--ignore-rust-version", "--locked"],
    ))?;
    dist::run()?;
    browser_tests()
}

fn browser_tests() -> Result {
    let mut node = command("node", &["--test", "--test-concurrency=1", "tests/e2e/"]);
    node.env("PYLINGS_DIST", cmd::root().join("dist"));
    cmd::run(node)
}
