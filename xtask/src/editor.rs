//! The editor bundle: CodeMirror 6 and its setup (`editor/codemirror.js`) bundled by esbuild
//! (from `package-lock.json`) into one minified ES module, `target/editor-bundle/`, which
//! `index.html` has trunk copy to `dist/editor/`. The app loads it on first use (see
//! `src/components/editor.rs`); its file name carries a content hash, so hosts may cache it
//! for good, and trunk passes that name to the app's build as `PYLINGS_EDITOR_BUNDLE`.

use crate::cmd::{self, command, root, Result};

/// What `index.html` copies into `dist/editor/`.
const OUT_DIR: &str = "target/editor-bundle";
const ENTRY: &str = "editor/codemirror.js";

/// Bundles the editor; returns its path relative to the site's root (`editor/codemirror-….js`).
pub fn bundle() -> Result<String> {
    let out = root().join(OUT_DIR);
    if out.exists() {
        std::fs::remove_dir_all(&out).map_err(|e| format!("cannot empty {out:?}: {e}"))?;
    }
    let esbuild = root().join("node_modules/.bin/esbuild");
    cmd::run(command(
        esbuild.to_str().unwrap_or("esbuild"),
        &[
            ENTRY,
            "--bundle",
            "--format=esm",
            "--minify",
            "--target=es2020",
            "--log-level=warning",
            "--charset=utf8",
            &format!("--outdir={OUT_DIR}"),
            "--entry-names=[name]-[hash]",
            "--banner:js=/* Pylings editor: CodeMirror 6 (MIT, Marijn Haverbeke and others). \
             Built from editor/codemirror.js. */",
        ],
    ))?;
    let name = std::fs::read_dir(&out)
        .map_err(|e| format!("cannot read {out:?}: {e}"))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .find(|name| name.starts_with("codemirror-") && name.ends_with(".js"))
        .ok_or_else(|| format!("esbuild wrote no codemirror-*.js into {out:?}"))?;
    report_size(&out.join(&name));
    Ok(format!("editor/{name}"))
}

/// Prints the bundle's size raw, gzip -9 and brotli (what a precompressing host serves).
fn report_size(file: &std::path::Path) {
    let script = "const z=require('zlib'),d=require('fs').readFileSync(process.argv[1]);\
        const k=(n)=>(n/1024).toFixed(1)+' KiB';\
        console.log('editor bundle (loaded after the lesson text): '+k(d.length)+' raw, '+\
        k(z.gzipSync(d,{level:9}).length)+' gzip, '+\
        k(z.brotliCompressSync(d,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length)+' brotli')";
    let shown = command("node", &["-e", script, file.to_str().unwrap_or_default()]).status();
    if !shown.is_ok_and(|status| status.success()) {
        eprintln!("note: could not measure {file:?}");
    }
}
