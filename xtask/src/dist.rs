//! `cargo xtask dist`: the editor bundle (esbuild), then the release build of the app and the
//! worker into `dist/`, with trunk, then the finishing touches of a static site ([`site`]).

use std::path::PathBuf;

use crate::cmd::{self, cargo_bin, command, root, Result};
use crate::{editor, site};

pub fn run() -> Result {
    let bundle = editor::bundle()?;
    let mut trunk = command(
        cargo_bin().join("trunk").to_str().unwrap_or("trunk"),
        &["build", "index.html", "--release"],
    );
    trunk.env("PATH", tool_path()?);
    // Read by src/components/editor.rs at compile time (cargo rebuilds the app when it changes).
    trunk.env("PYLINGS_EDITOR_BUNDLE", bundle);
    cmd::run(trunk)?;
    site::finish()
}

/// PATH for trunk: our cargo shim first, then npm's binaries (binaryen's wasm-opt), cargo's.
///
/// The shim exists because trunk runs plain `cargo build`, and RustPython's parser crates
/// (ruff 0.16.5) declare rust-version 1.96 while our toolchain is 1.95: they build fine, but
/// cargo refuses without `--ignore-rust-version`, and trunk has no way to pass it.
pub fn tool_path() -> Result<String> {
    let shim_dir = root().join("target/xtask-shim");
    std::fs::create_dir_all(&shim_dir).map_err(|e| format!("cannot create {shim_dir:?}: {e}"))?;
    let real_cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let shim = shim_dir.join("cargo");
    let script = format!(
        "#!/bin/sh\n# Written by cargo xtask (xtask/src/dist.rs): see tool_path().\n\
         if [ \"$1\" = build ]; then shift; exec \"{real_cargo}\" build --ignore-rust-version \"$@\"; fi\n\
         exec \"{real_cargo}\" \"$@\"\n"
    );
    std::fs::write(&shim, script).map_err(|e| format!("cannot write {shim:?}: {e}"))?;
    make_executable(&shim)?;
    let mut parts: Vec<PathBuf> = vec![shim_dir, root().join("node_modules/.bin"), cargo_bin()];
    parts.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(parts)
        .map_err(|e| format!("bad PATH: {e}"))?
        .into_string()
        .map_err(|_| "PATH is not UTF-8".to_owned())
}

#[cfg(unix)]
fn make_executable(path: &std::path::Path) -> Result {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
        .map_err(|e| format!("cannot chmod {path:?}: {e}"))
}

#[cfg(not(unix))]
fn make_executable(_path: &std::path::Path) -> Result {
    Ok(())
}
