//! For `cargo xtask bench`: what shipping bytecode instead of source would mean for the bundles
//! fetched on demand. Compiles every bundle's modules as the frozen ones are compiled and writes,
//! to the folder given as the only argument, `<top>.marshal` (the modules' marshalled code
//! objects, concatenated: what a bytecode bundle would hold) and `compile.json` (milliseconds
//! this native build took to compile each bundle's source, a lower bound for the browser).
//!
//! Usage: `cargo run -p pylings-stdlib --example bytecode -- <folder>`

use std::time::Instant;

fn main() -> Result<(), String> {
    let folder = std::env::args()
        .nth(1)
        .ok_or("usage: bytecode <output folder>")?;
    let folder = std::path::Path::new(&folder);
    std::fs::create_dir_all(folder).map_err(|e| format!("{folder:?}: {e}"))?;
    let modules = pylings_stdlib::read_library(pylings_stdlib::lib_path())
        .map_err(|e| format!("cannot read Lib/: {e}"))?;
    let mut timings = serde_json::Map::new();
    for bundle in pylings_stdlib::bundles(&modules) {
        let started = Instant::now();
        let mut marshalled = Vec::new();
        for module in &bundle.modules {
            // A few modules are meant not to compile (test data); CPython skips them too.
            if let Ok(code) = pylings_stdlib::compile_module(module) {
                marshalled.extend(code);
            }
        }
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        timings.insert(bundle.top.clone(), ms.into());
        let path = folder.join(format!("{}.marshal", bundle.top));
        std::fs::write(&path, marshalled).map_err(|e| format!("{path:?}: {e}"))?;
    }
    let path = folder.join("compile.json");
    std::fs::write(&path, serde_json::Value::Object(timings).to_string())
        .map_err(|e| format!("{path:?}: {e}"))
}
