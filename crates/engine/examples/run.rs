//! Runs one Python file in Pylings' engine (RustPython), natively, as the browser would: for
//! writing lessons, to see what a snippet prints here before comparing it with CPython 3.14
//! (`node tests/cpython/cpython.mjs file.py`).
//!
//! `cargo run -p pylings-engine --example run -- file.py [stdin line…]` prints the program's
//! stdout, then its stderr, then what it drew with `turtle` (one JSON array of operations per
//! batch), then the traceback of an uncaught exception, if any.

use pylings_engine::{Engine, NativeHost};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: cargo run -p pylings-engine --example run -- file.py [stdin line…]");
        std::process::exit(2);
    };
    let source = std::fs::read_to_string(&path).unwrap_or_else(|error| {
        eprintln!("cannot read {path}: {error}");
        std::process::exit(2);
    });
    let stdin: String = args.map(|line| line + "\n").collect();
    // The worker's stack is this large too; deep recursion examples need it.
    let outcome = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || Engine::new(Box::new(NativeHost::default())).run_with_stdin(&source, &stdin))
        .expect("spawn engine thread")
        .join()
        .expect("engine thread");
    print!("--- stdout (Pylings)\n{}", outcome.stdout);
    if !outcome.stderr.is_empty() {
        print!("--- stderr\n{}", outcome.stderr);
    }
    if !outcome.drawing.is_empty() {
        println!("--- drawing ({} batches)", outcome.drawing.len());
        for batch in &outcome.drawing {
            println!("{batch}");
        }
    }
    match outcome.error {
        Some(error) => print!("--- raised {}\n{}", error.kind, error.traceback),
        None => println!("--- no exception"),
    }
}
