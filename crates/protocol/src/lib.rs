//! Messages between the page and the Python worker, sent as JSON strings with `postMessage`.
//!
//! The page sends [`ToWorker`]; the worker answers with [`FromWorker`]: one `Ready` when its
//! interpreter is up, then for each `Run` any number of `Output` messages in the order the
//! program wrote them and one `Finished`.

use serde::{Deserialize, Serialize};

pub mod trace;

/// A request from the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum ToWorker {
    /// Run a program. `run` identifies the run in the answers; `stdin` is what `input()` reads.
    ///
    /// An `interactive` run that needs more input than `stdin` ends with `awaiting_input`; the
    /// page then replays it with the learner's answer added to `stdin`, `skip_output` set to
    /// the characters (code points) of output already shown, and the same `seed` for `random`.
    Run {
        run: u32,
        source: String,
        stdin: String,
        #[serde(default)]
        interactive: bool,
        #[serde(default)]
        skip_output: u64,
        #[serde(default)]
        seed: Option<u64>,
        /// Record the run step by step for the visualiser: `Finished` then carries the
        /// recording in `trace`.
        #[serde(default)]
        visualise: bool,
    },
    /// Check an exercise: run `source` as [`ToWorker::Run`] does, then each of `checks` (Python
    /// code, see the engine's `pylings_check`) in a copy of the program's namespace.
    Check {
        run: u32,
        source: String,
        stdin: String,
        checks: Vec<String>,
    },
}

/// Which output stream a piece of text was written to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stream {
    /// `sys.stdout`: what `print` writes.
    Stdout,
    /// `sys.stderr`: warnings and what learner code writes there.
    Stderr,
}

/// How a run ended with an uncaught exception (or a non-zero `sys.exit`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PythonError {
    /// The exception's type name as CPython prints it: `NameError`, `json.decoder.JSONDecodeError`,
    /// or `SystemExit` for `sys.exit(status)` with a non-zero status. (A run the page ends, by
    /// Stop, a time limit or a crash of the interpreter, is not a `PythonError`: the app has
    /// its own type for those.)
    pub kind: String,
    /// `str()` of the exception (for `SyntaxError`, its `msg` without file and line).
    pub message: String,
    /// 1-based line in the learner's program where it was raised, if it came from there.
    pub line: Option<u32>,
    /// 1-based column, known for syntax errors.
    pub column: Option<u32>,
    /// The traceback as CPython formats it, limited to the learner's own frames.
    pub traceback: String,
    /// What the error means in plain language, with a suggestion (inline code in backticks), for
    /// the errors learners meet most; `None` for the others.
    #[serde(default)]
    pub explanation: Option<String>,
}

/// How one check of an exercise went.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckResult {
    /// True when the check's code ran to the end.
    pub passed: bool,
    /// The message of the `AssertionError` that failed the check, if it had one.
    pub message: Option<String>,
    /// Any other exception that ended the check (for example one raised in the learner's
    /// function while the check called it).
    pub error: Option<PythonError>,
}

/// A message from the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum FromWorker {
    /// The interpreter is ready; `startup_ms` is the time from worker start to ready, in ms.
    Ready { startup_ms: f64 },
    /// Text a running program wrote, batched: `dropped` characters written before `text` were
    /// left out because the program wrote faster than the page could show.
    Output {
        run: u32,
        stream: Stream,
        text: String,
        #[serde(default)]
        dropped: u64,
    },
    /// The run ended; `error` is `None` on success. `elapsed_ms` is the run's wall time in ms.
    /// `awaiting_input` is true when an interactive run stopped at an `input()` beyond its stdin.
    /// `trace` is the recording of a `visualise` run that did not stop for input, as JSON text
    /// (a [`trace::Trace`]).
    Finished {
        run: u32,
        error: Option<PythonError>,
        elapsed_ms: f64,
        #[serde(default)]
        awaiting_input: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        trace: Option<String>,
    },
    /// Turtle graphics a running program drew, batched: `ops` is the text of a JSON array of
    /// drawing operations, in order (the format is the engine's `turtle` module's; the page's
    /// `src/turtle/` reads it).
    Drawing { run: u32, ops: String },
    /// The engine failed to allocate memory: the worker is about to trap (sent first so the
    /// page can say "out of memory" rather than "crashed").
    OutOfMemory,
    /// A [`ToWorker::Check`] ended: `error` is how the program itself failed (then `results` is
    /// empty: the checks did not run), else one result per check, in order.
    Checked {
        run: u32,
        error: Option<PythonError>,
        results: Vec<CheckResult>,
        elapsed_ms: f64,
    },
}

impl ToWorker {
    /// The JSON text sent with `postMessage`.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("ToWorker serialises")
    }

    /// Parses a message; `None` for anything that is not a valid request.
    pub fn from_json(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }
}

impl FromWorker {
    /// The JSON text sent with `postMessage`.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("FromWorker serialises")
    }

    /// Parses a message; `None` for anything that is not a valid answer.
    pub fn from_json(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip_as_tagged_json() {
        let run = ToWorker::Run {
            run: 3,
            source: "print(1)".into(),
            stdin: String::new(),
            interactive: false,
            skip_output: 0,
            seed: None,
            visualise: false,
        };
        assert_eq!(
            run.to_json(),
            r#"{"type":"run","run":3,"source":"print(1)","stdin":"","interactive":false,"skip_output":0,"seed":null,"visualise":false}"#
        );
        assert_eq!(ToWorker::from_json(&run.to_json()), Some(run));
        let out = FromWorker::Output {
            run: 3,
            stream: Stream::Stderr,
            text: "x".into(),
            dropped: 0,
        };
        assert_eq!(FromWorker::from_json(&out.to_json()), Some(out));
        assert_eq!(ToWorker::from_json("{\"type\":\"nope\"}"), None);
    }
}
