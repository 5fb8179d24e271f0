//! The Pylings Python engine: runs learner programs on RustPython 0.6 and reports what they
//! printed and how they ended.
//!
//! It has no web dependency: natively it is tested with `cargo test`; in the browser the worker
//! crate hosts it and supplies a [`Host`] over the browser's clocks. The same OS layer (an
//! in-memory `posix`, host clocks, streaming `sys.stdout`) is used in both places, so native
//! tests exercise what learners get.
//!
//! ```no_run
//! let mut engine = pylings_engine::Engine::new(Box::new(pylings_engine::NativeHost::default()));
//! let outcome = engine.run("print(6 * 7)");
//! assert_eq!(outcome.stdout, "42\n");
//! ```

mod host;
mod hostmod;
mod stdlib;

pub use host::{Host, NativeHost};
pub use pylings_protocol::{CheckResult, PythonError, Stream};
/// The folder of the site's root that holds the stdlib bundles [`Host::fetch_stdlib`] fetches.
pub use pylings_stdlib::FOLDER as STDLIB_FOLDER;

use rustpython_vm::{
    builtins::{PyBaseExceptionRef, PyTupleRef},
    Interpreter, PyObjectRef, PyResult, Settings, VirtualMachine,
};

/// What one run produced.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunOutcome {
    /// Everything written to `sys.stdout`.
    pub stdout: String,
    /// Everything written to `sys.stderr` (tracebacks are in [`RunOutcome::error`], not here).
    pub stderr: String,
    /// `None` when the program finished normally (or is waiting for input).
    pub error: Option<PythonError>,
    /// True when an interactive run stopped because `input()` wants a line beyond its stdin:
    /// run it again with that line added (see [`RunOptions`]).
    pub awaiting_input: bool,
    /// What the program drew with `turtle`: the batches [`Host::drawing`] received, in order,
    /// each a JSON array of drawing operations. Empty when it did not import `turtle`.
    pub drawing: Vec<String>,
    /// For a run with [`RunOptions::visualise`] that did not stop for input: the step-by-step
    /// recording as JSON text, a [`pylings_protocol::trace::Trace`] (its format is described at
    /// the top of `crates/engine/python/_pylings_trace.py`). `None` otherwise.
    pub trace: Option<String>,
}

/// How to run a program.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunOptions {
    /// What `input()` and `sys.stdin` read, lines ending in `\n`.
    pub stdin: String,
    /// When true, running out of stdin ends the run with [`RunOutcome::awaiting_input`] instead
    /// of `EOFError`: the page asks the learner and replays the program with the answer added.
    pub interactive: bool,
    /// Characters of output to suppress at the start (already shown by the run this replay
    /// continues); `time.sleep` returns at once until they have been written.
    pub skip_output: u64,
    /// Seeds `random` before the program starts, so that a replay makes the same choices.
    pub seed: Option<u64>,
    /// Records the run step by step for the visualiser ([`RunOutcome::trace`]). The program
    /// runs traced, about ten times slower, and is ended after 1,000 steps; ordinary runs are
    /// not traced at all.
    pub visualise: bool,
}

/// What checking an exercise produced.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckOutcome {
    /// The program's own run: its output, and its error if it failed (then no check ran).
    pub run: RunOutcome,
    /// One result per check, in order; empty when the program failed.
    pub results: Vec<CheckResult>,
}

impl CheckOutcome {
    /// True when the program ran and every check passed.
    pub fn passed(&self) -> bool {
        !self.results.is_empty() && self.results.iter().all(|result| result.passed)
    }
}

/// A Python interpreter ready to run learner programs, one after another.
///
/// One engine per thread: the interpreter reaches its [`Host`] through thread-local state.
pub struct Engine {
    interpreter: Interpreter,
    runner: PyObjectRef,
    checker: PyObjectRef,
}

impl Engine {
    /// Starts an interpreter with the frozen part of the standard library (the rest is fetched
    /// through the host on first import) and the Pylings OS layer.
    ///
    /// Panics only if the bundled start-up code itself fails, which the engine's tests rule out.
    pub fn new(host: Box<dyn Host>) -> Self {
        host::install(host);
        let mut settings = Settings::default();
        settings.import_site = false;
        settings.argv = vec!["main.py".to_owned()];
        let builder = Interpreter::builder(settings);
        let stdlib = rustpython_stdlib::stdlib_module_defs(&builder.ctx);
        let interpreter = builder
            .add_native_modules(&stdlib)
            .add_frozen_modules(stdlib::frozen())
            .add_frozen_modules(rustpython_vm::py_freeze!(dir = "../python"))
            .build();
        let (runner, checker) = interpreter.enter(|vm| {
            let started = hostmod::register(vm)
                .and_then(|()| vm.import("_pylings_boot", 0))
                .and_then(|_| vm.import("_pylings_runner", 0))
                .and_then(|module| {
                    Ok((module.get_attr("run", vm)?, module.get_attr("check", vm)?))
                });
            started
                .unwrap_or_else(|error| panic!("engine start-up failed: {}", describe(vm, &error)))
        });
        Self {
            interpreter,
            runner,
            checker,
        }
    }

    /// Runs `source` as `main.py` in a fresh `__main__` with empty stdin.
    pub fn run(&mut self, source: &str) -> RunOutcome {
        self.run_with_stdin(source, "")
    }

    /// Runs `source` as `main.py`; `input()` and `sys.stdin` read from `stdin` (EOF after it).
    pub fn run_with_stdin(&mut self, source: &str, stdin: &str) -> RunOutcome {
        self.run_with(
            source,
            &RunOptions {
                stdin: stdin.to_owned(),
                ..RunOptions::default()
            },
        )
    }

    /// Runs `source` as `main.py` with `options`.
    pub fn run_with(&mut self, source: &str, options: &RunOptions) -> RunOutcome {
        host::take_capture();
        let (error, awaiting_input, trace) = self.interpreter.enter(|vm| {
            let seed = match options.seed {
                Some(seed) => vm.ctx.new_int(seed).into(),
                None => vm.ctx.none(),
            };
            let arguments = (
                vm.ctx.new_str(source),
                vm.ctx.new_str(options.stdin.as_str()),
                vm.ctx.new_bool(options.interactive),
                vm.ctx.new_int(options.skip_output),
                seed,
                vm.ctx.new_bool(options.visualise),
            );
            let result = self.runner.call(arguments, vm).and_then(|value| {
                let pair: PyTupleRef = value.try_into_value(vm)?;
                let [result, recording] = pair.as_slice() else {
                    return Err(vm.new_type_error("run() returns a pair".to_owned()));
                };
                let trace = optional_str(vm, recording.clone())?;
                if let Some(text) = result.downcast_ref::<rustpython_vm::builtins::PyStr>() {
                    return Ok((None, text.to_str() == Some("input-needed"), trace));
                }
                optional_error(vm, result.clone()).map(|error| (error, false, trace))
            });
            result.unwrap_or_else(|exception| (Some(internal_error(vm, &exception)), false, None))
        });
        let capture = host::take_capture();
        RunOutcome {
            stdout: capture.stdout,
            stderr: capture.stderr,
            error,
            awaiting_input,
            drawing: capture.drawing,
            trace,
        }
    }

    /// Checks an exercise: runs `source` as [`Engine::run_with_stdin`] does, then each of
    /// `checks` in a copy of the program's namespace, with the helpers of `pylings_check`,
    /// `stdout` (what the program printed), `source` and `drawing` (what it drew with
    /// `turtle`) in scope. What checks print is not captured in the outcome.
    pub fn check(&mut self, source: &str, stdin: &str, checks: &[String]) -> CheckOutcome {
        host::take_capture();
        let (error, results) = self.interpreter.enter(|vm| {
            let checks: Vec<PyObjectRef> = checks
                .iter()
                .map(|code| vm.ctx.new_str(code.as_str()).into())
                .collect();
            let arguments = (
                vm.ctx.new_str(source),
                vm.ctx.new_str(stdin),
                vm.ctx.new_list(checks),
            );
            self.checker
                .call(arguments, vm)
                .and_then(|value| check_from_tuple(vm, value))
                .unwrap_or_else(|exception| (Some(internal_error(vm, &exception)), Vec::new()))
        });
        let capture = host::take_capture();
        CheckOutcome {
            run: RunOutcome {
                stdout: capture.stdout,
                stderr: capture.stderr,
                error,
                awaiting_input: false,
                drawing: capture.drawing,
                trace: None,
            },
            results,
        }
    }
}

/// `(error tuple or None, [(passed, message or None, error tuple or None), ...])`.
fn check_from_tuple(
    vm: &VirtualMachine,
    value: PyObjectRef,
) -> PyResult<(Option<PythonError>, Vec<CheckResult>)> {
    let tuple: PyTupleRef = value.try_into_value(vm)?;
    let [error, results] = tuple.as_slice() else {
        return Err(vm.new_type_error("check() returns a pair".to_owned()));
    };
    let error = optional_error(vm, error.clone())?;
    let results: Vec<PyObjectRef> = results.clone().try_into_value(vm)?;
    let results = results
        .into_iter()
        .map(|result| {
            let result: PyTupleRef = result.try_into_value(vm)?;
            let [passed, message, error] = result.as_slice() else {
                return Err(vm.new_type_error("a check result is a triple".to_owned()));
            };
            Ok(CheckResult {
                passed: passed.clone().try_into_value(vm)?,
                message: optional_str(vm, message.clone())?,
                error: optional_error(vm, error.clone())?,
            })
        })
        .collect::<PyResult<Vec<_>>>()?;
    Ok((error, results))
}

fn optional_error(vm: &VirtualMachine, value: PyObjectRef) -> PyResult<Option<PythonError>> {
    if vm.is_none(&value) {
        Ok(None)
    } else {
        error_from_tuple(vm, value).map(Some)
    }
}

fn optional_str(vm: &VirtualMachine, value: PyObjectRef) -> PyResult<Option<String>> {
    if vm.is_none(&value) {
        Ok(None)
    } else {
        value.try_into_value(vm).map(Some)
    }
}

fn error_from_tuple(vm: &VirtualMachine, value: PyObjectRef) -> PyResult<PythonError> {
    let tuple: PyTupleRef = value.try_into_value(vm)?;
    let item = |i: usize| tuple.as_slice()[i].clone();
    let optional_u32 = |object: PyObjectRef| -> PyResult<Option<u32>> {
        if vm.is_none(&object) {
            Ok(None)
        } else {
            object.try_into_value::<u32>(vm).map(Some)
        }
    };
    Ok(PythonError {
        kind: item(0).try_into_value(vm)?,
        message: item(1).try_into_value(vm)?,
        line: optional_u32(item(2))?,
        column: optional_u32(item(3))?,
        traceback: item(4).try_into_value(vm)?,
        explanation: optional_str(vm, item(5))?,
    })
}

/// An exception escaping the runner itself: an engine defect, reported rather than hidden.
fn internal_error(vm: &VirtualMachine, exception: &PyBaseExceptionRef) -> PythonError {
    PythonError {
        kind: "InternalError".to_owned(),
        message: "Pylings' runner failed; this is a bug in Pylings, not in your program".to_owned(),
        line: None,
        column: None,
        traceback: describe(vm, exception),
        explanation: None,
    }
}

fn describe(vm: &VirtualMachine, exception: &PyBaseExceptionRef) -> String {
    let mut text = String::new();
    if vm.write_exception(&mut text, exception).is_err() {
        text = "<unprintable exception>".to_owned();
    }
    text
}

#[cfg(test)]
mod tests;
