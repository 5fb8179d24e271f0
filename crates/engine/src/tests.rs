//! Unit tests of the engine's API: output capture, structured errors, stdin, exit codes.

use crate::{Engine, NativeHost, RunOutcome};

/// Runs each program on one engine in a thread with a large stack, as the worker does.
pub(crate) fn run_all(programs: &[(&str, &str)]) -> Vec<RunOutcome> {
    let programs: Vec<(String, String)> = programs
        .iter()
        .map(|(s, i)| (s.to_string(), i.to_string()))
        .collect();
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let mut engine = Engine::new(Box::new(NativeHost::default()));
            programs
                .iter()
                .map(|(source, stdin)| engine.run_with_stdin(source, stdin))
                .collect()
        })
        .expect("spawn engine thread")
        .join()
        .expect("engine thread")
}

fn run(source: &str) -> RunOutcome {
    run_all(&[(source, "")]).remove(0)
}

#[test]
fn prints_to_stdout() {
    let outcome = run("print(6 * 7)");
    assert_eq!(outcome.stdout, "42\n");
    assert_eq!(outcome.error, None);
}

#[test]
fn name_error_is_structured() {
    let outcome = run("x = 1\nprint(y)\n");
    let error = outcome.error.expect("an error");
    assert_eq!(error.kind, "NameError");
    assert_eq!(error.message, "name 'y' is not defined");
    assert_eq!(error.line, Some(2));
    assert_eq!(
        error.traceback,
        "Traceback (most recent call last):\n  File \"main.py\", line 2, in <module>\n    print(y)\nNameError: name 'y' is not defined\n"
    );
}

mod checks;
mod friendly;

mod interactive;
