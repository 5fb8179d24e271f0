//! Makes trunk's output a self-contained static site that works from any host and path:
//!
//! - an `index.html` for every route (`lesson/<slug>/index.html`, `embed/…`, `playground/…`)
//!   whose `<base href>` climbs back to the site's root, so deep links and reloads work on a
//!   plain static file server without rewrite rules (trunk builds with `public_url = "./"`, so
//!   every asset URL is relative to that base);
//! - the worker's files renamed after their content hash (trunk hashes the app's, not the
//!   worker's), so hosts can cache every large file forever;
//! - the standard library modules the engine fetches on first import, under `stdlib/`, one file
//!   a top-level package, named after its content (`pylings-stdlib` decides which);
//! - the service worker with the build's files, and the build's version in every page
//!   ([`crate::offline`]);
//! - `.gz` and `.br` siblings of every text and wasm file, for hosts that serve them;
//! - a `_headers` file (Netlify, Cloudflare Pages and others read it): long caching for hashed
//!   files, none for the pages.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::cmd::{root, Result};

/// trunk's `<base>` with `public_url = "./"`.
const BASE: &str = r#"<base href="./">"#;
/// The worker files trunk leaves unhashed, and the loader that names them (kept unhashed: the
/// app refers to it by name, and it is 52 bytes).
const WORKER_JS: &str = "pylings-worker.js";
const WORKER_WASM: &str = "pylings-worker_bg.wasm";
const WORKER_LOADER: &str = "pylings-worker_loader.js";
/// Files worth precompressing.
const COMPRESSIBLE: [&str; 8] = [
    "html",
    "js",
    "mjs",
    "css",
    "wasm",
    "json",
    "svg",
    "webmanifest",
];

/// Finishes `dist/` after trunk.
pub fn finish() -> Result {
    let dist = root().join("dist");
    let index = read(&dist.join("index.html"))?;
    if !index.contains(BASE) {
        return Err(format!(
            "dist/index.html has no {BASE}: is public_url \"./\" in Trunk.toml?"
        ));
    }
    let hashed_worker = hash_worker(&dist)?;
    write_stdlib(&dist)?;
    for route in routes()? {
        let depth = route.split('/').count();
        let page = index.replacen(
            BASE,
            &format!(r#"<base href="{}">"#, "../".repeat(depth)),
            1,
        );
        let dir = dist.join(&route);
        fs::create_dir_all(&dir).map_err(|e| format!("cannot create {dir:?}: {e}"))?;
        write(&dir.join("index.html"), page.as_bytes())?;
    }
    write_headers(&dist, &hashed_worker)?;
    crate::offline::write(&dist)?;
    compress_all(&dist)
}

/// Every route of the site but the root, as a path without slashes at either end.
fn routes() -> Result<Vec<String>> {
    let (course, _) = pylings_course::load_course(&root().join("content")).map_err(|errors| {
        format!(
            "content/ does not parse ({} errors): run cargo xtask test",
            errors.len()
        )
    })?;
    let mut routes = vec!["playground".to_owned(), "embed/editor".to_owned()];
    for (_, lesson) in course.lessons() {
        for prefix in ["lesson", "embed/lesson", "embed/exercise", "embed/quiz"] {
            routes.push(format!("{prefix}/{}", lesson.slug));
        }
    }
    Ok(routes)
}

/// Writes `stdlib/<top>-<hash>.json` for every bundle the engine may fetch.
fn write_stdlib(dist: &Path) -> Result {
    let folder = dist.join(pylings_stdlib::FOLDER);
    fs::create_dir_all(&folder).map_err(|e| format!("cannot create {folder:?}: {e}"))?;
    let modules = pylings_stdlib::read_library(pylings_stdlib::lib_path())
        .map_err(|e| format!("cannot read RustPython's Lib/: {e}"))?;
    for bundle in pylings_stdlib::bundles(&modules) {
        write(&folder.join(bundle.file_name()), bundle.encode().as_bytes())?;
    }
    Ok(())
}

/// Renames the worker's script and wasm after their content, and points the loader and the
/// script at the new names. Returns the new names.
fn hash_worker(dist: &Path) -> Result<Vec<String>> {
    let wasm = fs::read(dist.join(WORKER_WASM)).map_err(|e| format!("dist/{WORKER_WASM}: {e}"))?;
    let wasm_name = format!("pylings-worker-{}_bg.wasm", short_hash(&wasm));
    let script = read(&dist.join(WORKER_JS))?.replace(WORKER_WASM, &wasm_name);
    let script_name = format!("pylings-worker-{}.js", short_hash(script.as_bytes()));
    let loader = read(&dist.join(WORKER_LOADER))?.replace(WORKER_JS, &script_name);
    write(&dist.join(&wasm_name), &wasm)?;
    write(&dist.join(&script_name), script.as_bytes())?;
    write(&dist.join(WORKER_LOADER), loader.as_bytes())?;
    for old in [WORKER_WASM, WORKER_JS] {
        fs::remove_file(dist.join(old)).map_err(|e| format!("cannot remove dist/{old}: {e}"))?;
    }
    Ok(vec![wasm_name, script_name])
}

fn short_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `_headers`: hashed files (trunk's `name-<16 hex>.ext`, the editor bundle, the worker's, and
/// the stdlib bundles under one `stdlib/*` rule) are immutable; pages and the worker loader keep
/// the host's default (revalidated). No rule sets `Cache-Control` for `/*`: hosts combine the
/// headers of all matching rules. The cross-origin isolation headers are left commented out: nothing needs them (input() works by replay), and they would stop
/// hosts without CORP headers from embedding resources.
fn write_headers(dist: &Path, hashed_worker: &[String]) -> Result {
    let mut hashed: Vec<String> = files(dist)?
        .into_iter()
        .filter_map(|path| {
            path.strip_prefix(dist)
                .ok()
                .map(|p| p.to_string_lossy().into_owned())
        })
        .filter(|name| {
            // The stdlib bundles get one rule for their folder, below.
            let bundle = name.starts_with(&format!("{}/", pylings_stdlib::FOLDER));
            !bundle
                && (is_trunk_hashed(name)
                    || name.starts_with("editor/")
                    || name.starts_with("snippets/"))
        })
        .collect();
    hashed.extend(hashed_worker.iter().cloned());
    hashed.push(format!("{}/*", pylings_stdlib::FOLDER));
    hashed.sort();
    hashed.dedup();
    let mut text = String::from(
        "# Written by cargo xtask dist. Read by Netlify, Cloudflare Pages and similar hosts.\n\
         /*\n  X-Content-Type-Options: nosniff\n\
         # To make pages cross-origin isolated (not needed by Pylings), add under /*:\n\
         #   Cross-Origin-Opener-Policy: same-origin\n\
         #   Cross-Origin-Embedder-Policy: require-corp\n",
    );
    for name in hashed {
        text.push_str(&format!(
            "/{name}\n  Cache-Control: public, max-age=31536000, immutable\n"
        ));
    }
    write(&dist.join("_headers"), text.as_bytes())
}

/// `name-<hash>.ext` or `name-<hash>_bg.wasm`, as trunk names its outputs. Trunk prints its
/// 64-bit hash in hex without leading zeros, so one build in sixteen has 15 digits (a build with
/// `pylings-f2a0e27ec18b610_bg.wasm` lost its long caching to an exact 16); fewer than 12
/// happens once in 65,536 builds and is not worth telling from names like `icon-192.png`.
fn is_trunk_hashed(name: &str) -> bool {
    let stem = name
        .split('.')
        .next()
        .unwrap_or_default()
        .trim_end_matches("_bg");
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        (12..=16).contains(&hash.len()) && hash.chars().all(|c| c.is_ascii_hexdigit())
    })
}

/// Writes `.gz` (best) and `.br` (quality 11, 16 MiB window: 0.5 MB less engine than quality 9
/// with the default window, for about 40 s of build) next to every compressible file.
fn compress_all(dist: &Path) -> Result {
    for path in files(dist)? {
        let compressible = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|ext| COMPRESSIBLE.contains(&ext));
        if !compressible {
            continue;
        }
        let bytes = fs::read(&path).map_err(|e| format!("{path:?}: {e}"))?;
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gzip.write_all(&bytes).map_err(|e| e.to_string())?;
        write(
            &sibling(&path, "gz"),
            &gzip.finish().map_err(|e| e.to_string())?,
        )?;
        let mut brotli = Vec::new();
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            lgwin: 24,
            ..Default::default()
        };
        brotli::BrotliCompress(&mut &bytes[..], &mut brotli, &params).map_err(|e| e.to_string())?;
        write(&sibling(&path, "br"), &brotli)?;
    }
    Ok(())
}

fn sibling(path: &Path, extension: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(extension);
    PathBuf::from(name)
}

/// Every file under `dir`, recursively (no `.gz`/`.br` siblings).
pub(crate) fn files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let entries = fs::read_dir(dir).map_err(|e| format!("{dir:?}: {e}"))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            found.extend(files(&path)?);
        } else if !matches!(path.extension().and_then(|e| e.to_str()), Some("gz" | "br")) {
            found.push(path);
        }
    }
    Ok(found)
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {path:?}: {e}"))
}

fn write(path: &Path, bytes: &[u8]) -> Result {
    fs::write(path, bytes).map_err(|e| format!("cannot write {path:?}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_hashed_names_are_recognised() {
        assert!(is_trunk_hashed("pylings-75e9ad3686e2ad8a_bg.wasm"));
        assert!(is_trunk_hashed("main-1005c65edd6ba65c.css"));
        assert!(
            is_trunk_hashed("pylings-f2a0e27ec18b610_bg.wasm"),
            "15 digits: a leading 0"
        );
        assert!(!is_trunk_hashed("icons/icon-192.png"));
        assert!(!is_trunk_hashed("pylings-worker_loader.js"));
        assert!(!is_trunk_hashed("index.html"));
    }
}
