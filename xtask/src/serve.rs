//! `cargo xtask serve [--port N]`: builds and serves `dist/` on 127.0.0.1.

use crate::cmd::{self, command, Result};
use crate::{dist, setup};

pub fn run(args: &[String]) -> Result {
    let port = match args {
        [] => "8080".to_owned(),
        [flag, port] if flag == "--port" && port.parse::<u16>().is_ok() => port.clone(),
        _ => return Err("usage: cargo xtask serve [--port N]".to_owned()),
    };
    setup::run()?;
    dist::run()?;
    println!("Pylings is served at http://127.0.0.1:{port}/ (Ctrl+C stops)");
    cmd::run(command(
        "node",
        &["tests/e2e/static-server.mjs", "dist", &port],
    ))
}
