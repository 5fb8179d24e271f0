//! `cargo xtask test`: everything, in the order that fails fastest.
//!
//! fmt, clippy (native and wasm32, warnings denied), native tests (engine, course, the content
//! of `content/`), the release build into `dist/`, then the browser tests in Chromium.

use crate::cmd::{self, command, Result};
use crate::{dist, setup};

/// Packages that only do their real work on wasm32; clippy checks them for that target too.
const WASM_PACKAGES: [&str; 2] = ["pylings", "pylings-worker"];

pub fn run() -> Result {
    setup::run()?;
    cmd::run(command("cargo", &["fmt", "--all", "--check"]))?;
    cmd::run(command(
        "cargo",
        &["clippy", "--workspace", "--all-targets", "--ignore-rust-version", "--locked", "--", "-D", "warnings"],
    ))?;
    let mut wasm_clippy = vec!["clippy", "--target", "wasm32-unknown-unknown", "--ignore-rust-version", "--locked"];
    for package in WASM_PACKAGES {
        wasm_clippy.extend(["-p", package]);
    }
    wasm_clippy.extend(["--", "-D", "warnings"]);
    cmd::run(command("cargo", &wasm_clippy))?;
    cmd::run(command("cargo", &["test", "--workspace", "--ignore-rust-version", "--locked"]))?;
    dist::run()?;
    browser_tests()
}

fn browser_tests() -> Result {
    let mut node = command("node", &["--test", "--test-concurrency=1", "tests/e2e/"]);
    node.env("PYLINGS_DIST", cmd::root().join("dist"));
    cmd::run(node)
}
