//! The standard library as the engine sees it: the frozen part linked in, and the index of the
//! bundles fetched through the [`crate::Host`] on first import (with the bundles they import,
//! requested ahead) (see `pylings-stdlib` and
//! `python/_pylings_stdlib.py`).

use rustpython_vm::frozen::FrozenLib;

include!(concat!(env!("OUT_DIR"), "/stdlib_index.rs"));

/// The frozen modules, compiled by the build script.
pub(crate) fn frozen() -> &'static FrozenLib<[u8]> {
    static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/frozen_stdlib.bin"));
    FrozenLib::from_ref(BYTES)
}

/// True when `file` is a bundle of the index. The host is only ever asked for these: learner
/// code can call `_pylings_host` too, and must not make the worker request other URLs.
pub(crate) fn is_bundle(file: &str) -> bool {
    ON_DEMAND.iter().any(|(_, known)| *known == file)
}

/// The modules of the bundle in `text`, as `(name, is_package, path under Lib/, source)`.
///
/// Errors: the bundle is malformed, or is not the one `file` names (a host serving stale files).
pub(crate) fn unpack(
    file: &str,
    text: &str,
) -> Result<Vec<(String, bool, String, String)>, String> {
    let bundle = pylings_stdlib::Bundle::decode(text)?;
    if !file.starts_with(&format!("{}-", bundle.top)) {
        return Err(format!("{file} holds the bundle of {}", bundle.top));
    }
    Ok(bundle
        .modules
        .into_iter()
        .map(|module| (module.name, module.package, module.path, module.source))
        .collect())
}
