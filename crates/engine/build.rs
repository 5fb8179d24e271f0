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
    let mut index = String::from(
        "/// Top-level name → file of its bundle under `stdlib/`, sorted by name.\n\
         pub(crate) const ON_DEMAND: &[(&str, &str)] = &[\n",
    );
    for bundle in pylings_stdlib::bundles(&modules) {
        index.push_str(&format!(
            "    ({:?}, {:?}),\n",
            bundle.top,
            bundle.file_name()
        ));
    }
    index.push_str("];\n");
    std::fs::write(out.join("stdlib_index.rs"), index).expect("write stdlib_index.rs");
}
