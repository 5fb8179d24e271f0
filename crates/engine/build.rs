//! Rebuilds the engine when its bundled Python (`python/`, frozen by `py_freeze!`) changes:
//! the macro reads those files but does not tell cargo about them.
fn main() {
    println!("cargo:rerun-if-changed=python");
}
