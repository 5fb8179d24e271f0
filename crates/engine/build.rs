//! Prepares the standard library for the engine (see `pylings-stdlib`): compiles the frozen part
//! into `$OUT_DIR/frozen_stdlib.bin` and writes the names of the bundles fetched on demand to
//! `$OUT_DIR/stdlib_index.rs`. Also rebuilds the engine when its own bundled Python (`python/`,
//! frozen by `py_freeze!`) changes: the macro reads those files but does not tell cargo.
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=python");
    println!("cargo:rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let modules = pylings_stdlib::read_library(pylings_stdlib::lib_path())
        .unwrap_or_else(|error| panic!("cannot read RustPython's Lib/: {error}"));
    let frozen = pylings_stdlib::freeze(&modules).unwrap_or_else(|error| panic!("{error}"));
    std::fs::write(out.join("frozen_stdlib.bin"), frozen).expect("write frozen_stdlib.bin");
    let bundles = pylings_stdlib::bundles(&modules);
    let mut index = String::from(
        "/// Top-level name → file of its bundle under `stdlib/`, sorted by name.\n\
         pub(crate) const ON_DEMAND: &[(&str, &str)] = &[\n",
    );
    for bundle in &bundles {
        index.push_str(&format!(
            "    ({:?}, {:?}),\n",
            bundle.top,
            bundle.file_name()
        ));
    }
    index.push_str("];\n");
    // Module → the fetched modules it imports as it runs (`Module::imports`), for prefetching.
    let fetched: std::collections::BTreeSet<&str> = bundles
        .iter()
        .flat_map(|bundle| bundle.modules.iter().map(|module| module.name.as_str()))
        .collect();
    index.push_str(
        "/// Module → the modules fetched on demand that it imports as it runs (a line scan).\n\
         pub(crate) const IMPORTS: &[(&str, &[&str])] = &[\n",
    );
    for module in bundles.iter().flat_map(|bundle| &bundle.modules) {
        let imports: Vec<String> = module
            .imports()
            .into_iter()
            .filter(|name| fetched.contains(name.as_str()) && name != &module.name)
            .collect();
        if !imports.is_empty() {
            index.push_str(&format!("    ({:?}, &{:?}),\n", module.name, imports));
        }
    }
    index.push_str("];\n");
    std::fs::write(out.join("stdlib_index.rs"), index).expect("write stdlib_index.rs");
}
