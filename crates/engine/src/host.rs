//! What the engine needs from the place it runs in: clocks, sleeping and sinks for output and
//! turtle drawings.
//!
//! RustPython's own clock functions panic on `wasm32-unknown-unknown` ("time not implemented
//! on this platform"), so the engine replaces them with these. Natively [`NativeHost`] uses
//! `std::time`; in the browser the worker supplies one over `Date.now()` and `performance.now()`.

use std::cell::RefCell;

use pylings_protocol::Stream;

/// The services the interpreter takes from its surroundings.
pub trait Host {
    /// Wall-clock time in seconds since the Unix epoch (`time.time()`).
    fn wall_clock(&self) -> f64;
    /// A clock that never goes backwards, in seconds from an arbitrary start
    /// (`time.monotonic()`, `time.perf_counter()`).
    fn monotonic(&self) -> f64;
    /// Blocks the running program for `seconds` (`time.sleep`); never called with a negative value.
    fn sleep(&self, seconds: f64);
    /// Receives output as the program writes it, in order, before the run finishes.
    fn write(&self, stream: Stream, text: &str);
    /// The text of the standard library bundle `file` (a file name under `stdlib/` of the site,
    /// from the engine's index), fetched on the first import of a module it holds.
    ///
    /// Errors: why it could not be had (e.g. `HTTP 404`, `network error`), shown to the learner.
    fn fetch_stdlib(&self, file: &str) -> Result<String, String>;
    /// Asks for the bundles `files` ahead, without waiting: an import is about to fetch them one
    /// after another. Nothing by default (a native host reads them at once anyway).
    fn prefetch_stdlib(&self, files: &[String]) {
        let _ = files;
    }
    /// Receives what the program drew with `turtle`, in order, while it runs: `ops_json` is a
    /// JSON array of drawing operations, described at the top of
    /// `crates/engine/python/_pylings_turtle.py`. Sent in batches of at most 200 operations,
    /// when the program sleeps or calls `turtle.done()`, and when it ends; never for a program
    /// that does not import `turtle`. Learner code can call `_pylings_host.drawing` too: treat
    /// the text as untrusted. Nothing by default (the engine still collects the batches into
    /// [`crate::RunOutcome::drawing`]).
    fn drawing(&self, ops_json: &str) {
        let _ = ops_json;
    }
}

/// A host for native builds and tests: `std::time` clocks, a real sleep, output dropped
/// (the engine still collects it into [`crate::RunOutcome`]), stdlib bundles made from the
/// library's sources in cargo's registry, as `cargo xtask dist` makes them.
#[derive(Debug)]
pub struct NativeHost {
    start: std::time::Instant,
}

impl Default for NativeHost {
    fn default() -> Self {
        Self {
            start: std::time::Instant::now(),
        }
    }
}

impl Host for NativeHost {
    fn wall_clock(&self) -> f64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or(0.0)
    }

    fn monotonic(&self) -> f64 {
        self.start.elapsed().as_secs_f64()
    }

    fn sleep(&self, seconds: f64) {
        std::thread::sleep(std::time::Duration::from_secs_f64(seconds));
    }

    fn write(&self, _stream: Stream, _text: &str) {}

    /// Made once per process (reading and encoding the library takes a moment), then looked up.
    fn fetch_stdlib(&self, file: &str) -> Result<String, String> {
        type Files = std::collections::HashMap<String, String>;
        static FILES: std::sync::OnceLock<Result<Files, String>> = std::sync::OnceLock::new();
        let files = FILES.get_or_init(|| {
            let modules = pylings_stdlib::read_library(pylings_stdlib::lib_path())
                .map_err(|error| error.to_string())?;
            Ok(pylings_stdlib::bundles(&modules)
                .iter()
                .map(|bundle| (bundle.file_name(), bundle.encode()))
                .collect())
        });
        files
            .as_ref()?
            .get(file)
            .cloned()
            .ok_or_else(|| format!("no bundle named {file}"))
    }
}

/// Output collected during one run, per stream, in the order it was written, and the batches
/// of drawing operations.
#[derive(Default)]
pub(crate) struct Capture {
    pub stdout: String,
    pub stderr: String,
    pub drawing: Vec<String>,
}

thread_local! {
    /// The host of the engine living on this thread. RustPython's native functions are plain
    /// closures without user data, so the host they call lives here.
    static HOST: RefCell<Option<Box<dyn Host>>> = RefCell::new(None);
    static CAPTURE: RefCell<Capture> = RefCell::new(Capture::default());
}

pub(crate) fn install(host: Box<dyn Host>) {
    HOST.with(|h| *h.borrow_mut() = Some(host));
}

/// Calls `f` with this thread's host. Panics if no engine was created on this thread, which
/// cannot happen: the functions that call this are only reachable from an engine's interpreter.
pub(crate) fn with_host<R>(f: impl FnOnce(&dyn Host) -> R) -> R {
    HOST.with(|h| f(h.borrow().as_deref().expect("engine host installed")))
}

/// Records `text` for the run's outcome and forwards it to the host.
pub(crate) fn write(stream: Stream, text: &str) {
    CAPTURE.with(|c| {
        let mut c = c.borrow_mut();
        match stream {
            Stream::Stdout => c.stdout.push_str(text),
            Stream::Stderr => c.stderr.push_str(text),
        }
    });
    with_host(|h| h.write(stream, text));
}

/// Records a batch of drawing operations (a JSON array) for the run's outcome and forwards it
/// to the host.
pub(crate) fn drawing(ops_json: &str) {
    CAPTURE.with(|c| c.borrow_mut().drawing.push(ops_json.to_owned()));
    with_host(|h| h.drawing(ops_json));
}

/// Takes what was captured since the last call.
pub(crate) fn take_capture() -> Capture {
    CAPTURE.with(|c| std::mem::take(&mut *c.borrow_mut()))
}
