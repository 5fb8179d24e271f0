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

pub use host::{Host, NativeHost};
pub use pylings_protocol::{PythonError, Stream};

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
    /// `None` when the program finished normally.
    pub error: Option<PythonError>,
}

/// A Python interpreter ready to run learner programs, one after another.
///
/// One engine per thread: the interpreter reaches its [`Host`] through thread-local state.
pub struct Engine {
    interpreter: Interpreter,
    runner: PyObjectRef,
}

impl Engine {
    /// Starts an interpreter with the frozen standard library and the Pylings OS layer.
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
            .add_frozen_modules(rustpython_pylib::FROZEN_STDLIB)
            .add_frozen_modules(rustpython_vm::py_freeze!(dir = "../python"))
            .build();
        let runner = interpreter.enter(|vm| {
            let started = hostmod::register(vm)
                .and_then(|()| vm.import("_pylings_boot", 0))
                .and_then(|_| vm.import("_pylings_runner", 0))
                .and_then(|module| module.get_attr("run", vm));
            started
                .unwrap_or_else(|error| panic!("engine start-up failed: {}", describe(vm, &error)))
        });
        Self {
            interpreter,
            runner,
        }
    }

    /// Runs `source` as `main.py` in a fresh `__main__` with empty stdin.
    pub fn run(&mut self, source: &str) -> RunOutcome {
        self.run_with_stdin(source, "")
    }

    /// Runs `source` as `main.py`; `input()` and `sys.stdin` read from `stdin` (EOF after it).
    pub fn run_with_stdin(&mut self, source: &str, stdin: &str) -> RunOutcome {
        host::take_capture();
        let error = self.interpreter.enter(|vm| {
            let result = self
                .runner
                .call((vm.ctx.new_str(source), vm.ctx.new_str(stdin)), vm);
            match result {
                Ok(value) if vm.is_none(&value) => None,
                Ok(value) => {
                    Some(error_from_tuple(vm, value).unwrap_or_else(|e| internal_error(vm, &e)))
                }
                Err(exception) => Some(internal_error(vm, &exception)),
            }
        });
        let capture = host::take_capture();
        RunOutcome {
            stdout: capture.stdout,
            stderr: capture.stderr,
            error,
        }
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
