//! Gives the worker's wasm a 32 MiB stack: RustPython uses several KiB of Rust stack per Python
//! call, and the default 1 MiB overflows long before Python's recursion limit is reached.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bins=-zstack-size=33554432");
    }
}
