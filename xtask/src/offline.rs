//! The offline part of `dist/`: the service worker (`web/sw.js`) with the build's file lists
//! and version prepended, and that version written into every page, where the app compares it
//! with the last visit's to say the site was updated (src/offline.rs).
//!
//! The pages of the routes (`lesson/<slug>/index.html`, 240 of them) are not precached: the
//! service worker keeps those visited, and makes the others from the root page offline.

use std::fs;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::cmd::{root, Result};

/// What the pages carry until the build writes its version (`index.html`).
const VERSION_META: &str = r#"<meta name="pylings-version" content="dev">"#;
/// Files of `dist/` the service worker leaves alone: host configuration, itself.
const NOT_CACHED: [&str; 2] = ["_headers", "sw.js"];

/// Writes `dist/sw.js` and the version into the pages. Run after every other file is in place
/// and before compression (the `.gz`/`.br` siblings are the same files, as the host serves them).
pub fn write(dist: &Path) -> Result {
    let mut names: Vec<String> = super::site::files(dist)?
        .into_iter()
        .filter_map(|path| {
            path.strip_prefix(dist)
                .ok()
                .map(|p| p.to_string_lossy().replace('\\', "/"))
        })
        .filter(|name| !NOT_CACHED.contains(&name.as_str()))
        .collect();
    names.sort();
    let mut hasher = Sha256::new();
    for name in &names {
        hasher.update(name.as_bytes());
        hasher.update(fs::read(dist.join(name)).map_err(|e| format!("dist/{name}: {e}"))?);
    }
    let version: String = hasher
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let stdlib_prefix = format!("{}/", pylings_stdlib::FOLDER);
    let (stdlib, core): (Vec<String>, Vec<String>) = names
        .into_iter()
        .partition(|name| name.starts_with(&stdlib_prefix));
    let stdlib: Vec<&str> = stdlib
        .iter()
        .map(|name| &name[stdlib_prefix.len()..])
        .collect();
    let (pages, core): (Vec<String>, Vec<String>) = core
        .into_iter()
        .partition(|name| name.ends_with("/index.html"));
    let root_page = "index.html".to_owned();
    for page in pages.iter().chain([&root_page]) {
        let path = dist.join(page);
        let text = fs::read_to_string(&path).map_err(|e| format!("dist/{page}: {e}"))?;
        if !text.contains(VERSION_META) {
            return Err(format!("dist/{page} has no {VERSION_META}"));
        }
        let text = text.replacen(
            VERSION_META,
            &format!(r#"<meta name="pylings-version" content="{version}">"#),
            1,
        );
        fs::write(&path, text).map_err(|e| format!("dist/{page}: {e}"))?;
    }
    let template = root().join("web/sw.js");
    let template =
        fs::read_to_string(&template).map_err(|e| format!("cannot read {template:?}: {e}"))?;
    let script = format!(
        "// Written by cargo xtask dist from web/sw.js.\nconst VERSION = \"{version}\";\nconst CORE = {};\nconst STDLIB = {};\n\n{template}",
        serde_json::to_string(&core).expect("a list of strings"),
        serde_json::to_string(&stdlib).expect("a list of strings"),
    );
    fs::write(dist.join("sw.js"), script).map_err(|e| format!("dist/sw.js: {e}"))
}
