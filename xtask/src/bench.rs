//! `cargo xtask bench`: builds `dist/` and measures it in headless Chromium (see bench/bench.mjs).
//!
//! These are measurements, not tests: nothing here fails on a time.

use crate::cmd::{self, command, Result};
use crate::{dist, setup};

pub fn run() -> Result {
    setup::run()?;
    dist::run()?;
    cmd::run(command("node", &["bench/bench.mjs", "dist"]))
}
