//! `cargo xtask bench`: Pylings and Pyodide measured side by side in headless Chromium (see
//! bench/bench.mjs): downloads, cold start, warm run time of learner programs, worker memory, and
//! Stop, first imports of stdlib modules and bytecode against source for them; the table goes
//! to `bench/results/`, with issue 9's targets marked met or missed.
//!
//! `--no-build` measures the `dist/` that is there instead of building it first; `--quick` runs
//! each measure once (to try the benchmark, not for numbers).
//!
//! These are measurements, not tests: nothing here fails on a time, and `cargo xtask test` does
//! not run them.

use crate::cmd::{self, command, Result};
use crate::{dist, setup};

pub fn run() -> Result {
    let args: Vec<String> = std::env::args().skip(2).collect();
    for arg in &args {
        if arg != "--no-build" && arg != "--quick" {
            return Err(format!(
                "unknown option {arg}: usage: cargo xtask bench [--no-build] [--quick]"
            ));
        }
    }
    setup::run()?;
    if !args.iter().any(|a| a == "--no-build") {
        dist::run()?;
    }
    // The bytecode the on-demand stdlib would ship instead of source, for the comparison.
    cmd::run(command(
        "cargo",
        &[
            "run",
            "--quiet",
            "--ignore-rust-version",
            "--locked",
            "--package",
            "pylings-stdlib",
            "--example",
            "bytecode",
            "--",
            "target/bench/bytecode",
        ],
    ))?;
    let mut node_args = vec!["bench/bench.mjs", "--dist", "dist"];
    if args.iter().any(|a| a == "--quick") {
        node_args.push("--quick");
    }
    cmd::run(command("node", &node_args))
}
