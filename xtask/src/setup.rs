//! `cargo xtask setup`: installs what the build and the tests need, skipping what is present.
//!
//! Versions are pinned and move together: wasm-bindgen-cli must equal the `wasm-bindgen` crate
//! in Cargo.lock (and `Trunk.toml` `[tools]`); trunk 0.21.14 is the newest that builds on our
//! rustc (0.22 needs 1.96). Nothing is downloaded from outside the package registries.

use crate::cmd::{self, cargo_bin, command, first_line, Result};

pub const TRUNK_VERSION: &str = "0.21.14";
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";
pub const CHROMIUM: &str = "/usr/bin/chromium";

pub fn run() -> Result {
    wasm_target()?;
    cargo_tool("trunk", TRUNK_VERSION, &["--locked"])?;
    // Not --locked: the CLI's own lock file names a webpki-roots version the registry lacks.
    cargo_tool("wasm-bindgen", WASM_BINDGEN_VERSION, &[])?;
    npm_packages()?;
    cmd::run(command("cargo", &["fetch", "--locked"]))?;
    chromium();
    Ok(())
}

fn wasm_target() -> Result {
    let installed = std::process::Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("wasm32-unknown-unknown"));
    if installed {
        return Ok(());
    }
    cmd::run(command(
        "rustup",
        &["target", "add", "wasm32-unknown-unknown"],
    ))
}

/// Installs `binary` with `cargo install` unless that exact version is already on disk.
fn cargo_tool(binary: &str, version: &str, extra: &[&str]) -> Result {
    let path = cargo_bin().join(binary);
    let present = first_line(path.to_str().unwrap_or(binary), &["--version"])
        .is_some_and(|line| line.split_whitespace().any(|word| word == version));
    if present {
        return Ok(());
    }
    let package = if binary == "wasm-bindgen" {
        "wasm-bindgen-cli"
    } else {
        binary
    };
    let mut args = vec!["install", package, "--version", version];
    args.extend_from_slice(extra);
    println!("installing {package} {version} (several minutes, once)");
    cmd::run(command("cargo", &args))
}

/// `npm ci` when node_modules does not match package-lock.json.
fn npm_packages() -> Result {
    let root = cmd::root();
    let marker = root.join("node_modules/.package-lock.json");
    let lock = root.join("package-lock.json");
    let fresh = match (marker.metadata(), lock.metadata()) {
        (Ok(m), Ok(l)) => m.modified().ok() >= l.modified().ok(),
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    cmd::run(command("npm", &["ci", "--no-audit", "--no-fund"]))
}

fn chromium() {
    if std::path::Path::new(CHROMIUM).exists() {
        return;
    }
    eprintln!(
        "note: {CHROMIUM} is missing; the browser tests need Debian's Chromium:\n  \
         sudo apt-get update && sudo apt-get install -y chromium"
    );
}
