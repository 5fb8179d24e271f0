//! Acceptance: each program in `tests/stdlib/` prints exactly what CPython 3.11 printed
//! (`<name>.out`, generated with `python3 <name>.py` in an empty directory).
//!
//! Intended differences are declared in [`KNOWN_DIFFERENCES`], never silenced.

use std::path::{Path, PathBuf};

use pylings_engine::{Engine, NativeHost};

/// Programs whose output may legitimately differ from CPython's, and why. Empty: every
/// program below is written to be deterministic.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[];

fn programs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/stdlib");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/stdlib exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    files
}

#[test]
fn stdlib_programs_print_what_cpython_prints() {
    let files = programs();
    assert!(files.len() >= 25, "the acceptance set is complete");
    let failures = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let mut engine = Engine::new(Box::new(NativeHost::default()));
            let mut failures = Vec::new();
            for file in &files {
                let name = file.file_stem().unwrap().to_string_lossy().into_owned();
                if KNOWN_DIFFERENCES.iter().any(|(n, _)| *n == name) {
                    continue;
                }
                let source = std::fs::read_to_string(file).unwrap();
                let expected = std::fs::read_to_string(file.with_extension("out")).unwrap();
                let outcome = engine.run(&source);
                if outcome.stdout != expected || outcome.error.is_some() {
                    failures.push(format!(
                        "{name}:\n--- expected\n{expected}--- got\n{}--- error\n{:?}\n--- stderr\n{}",
                        outcome.stdout,
                        outcome.error.map(|e| e.traceback),
                        outcome.stderr
                    ));
                }
            }
            failures
        })
        .unwrap()
        .join()
        .unwrap();
    assert!(
        failures.is_empty(),
        "{} programs differ:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
