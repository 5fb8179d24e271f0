//! How a run can end without reaching the end of the program: one typed value for each way,
//! so that the output panel, the exercise view and the embed API match on variants instead of
//! comparing error-kind strings.

use pylings_protocol::PythonError;

/// Why a run ended before the end of the program.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    /// The program raised an exception it did not catch (a `SyntaxError` included), as the
    /// engine reported it.
    Python(PythonError),
    /// The learner stopped it: Stop, Ctrl+C in the output panel, or a new run of the same
    /// editor.
    Stopped,
    /// An exercise check ran longer than its time limit, in seconds of Python time.
    TimeLimit { seconds: u32 },
    /// The interpreter itself failed (a wasm trap) and was replaced by a fresh one;
    /// `out_of_memory` when the engine reported a failed allocation just before, or the
    /// browser's message (`detail`) says so.
    Crashed { out_of_memory: bool, detail: String },
    /// Python cannot start on this page (the browser refused the worker three times); `detail`
    /// is the browser's reason.
    Unavailable { detail: String },
}

impl Failure {
    /// The failure of a worker that died while running, from the browser's error message
    /// `detail` and whether the engine reported a failed allocation first.
    pub fn crashed(detail: &str, reported_out_of_memory: bool) -> Self {
        let lower = detail.to_lowercase();
        Failure::Crashed {
            out_of_memory: reported_out_of_memory
                || lower.contains("memory")
                || lower.contains("alloc"),
            detail: detail.to_owned(),
        }
    }

    /// The 1-based line of the learner's code where it failed, when known.
    pub fn line(&self) -> Option<u32> {
        match self {
            Failure::Python(error) => error.line,
            _ => None,
        }
    }

    /// The name the failure goes by: the exception's type for a Python error; `TimeLimit`,
    /// `MemoryError`, `Crash` or `Unavailable` for failures of the page; `None` for a stop.
    /// It is the `error` field of the embed API's `run` event (`docs/embedding.md`).
    pub fn name(&self) -> Option<&str> {
        match self {
            Failure::Python(error) => Some(&error.kind),
            Failure::Stopped => None,
            Failure::TimeLimit { .. } => Some("TimeLimit"),
            Failure::Crashed {
                out_of_memory: true,
                ..
            } => Some("MemoryError"),
            Failure::Crashed { .. } => Some("Crash"),
            Failure::Unavailable { .. } => Some("Unavailable"),
        }
    }

    /// The failure as the output panel explains it: a title, a one-line message, an
    /// explanation in plain words and the technical detail (a traceback, the browser's message).
    pub fn report(&self) -> Report {
        let (message, explanation, detail) = match self {
            Failure::Python(error) => {
                return Report {
                    title: error.kind.clone(),
                    message: error.message.clone(),
                    explanation: error.explanation.clone(),
                    detail: error.traceback.clone(),
                }
            }
            Failure::Stopped => ("Program stopped".to_owned(), None, String::new()),
            Failure::TimeLimit { seconds } => (
                format!("your program took longer than {seconds} s"),
                Some(format!(
                    "Checking stops after {seconds} seconds. Is there a loop that never ends, \
                     such as a `while` whose condition never becomes false, or an `input()` \
                     inside a loop?"
                )),
                String::new(),
            ),
            Failure::Crashed {
                out_of_memory: true,
                detail,
            } => (
                "Python ran out of memory".to_owned(),
                Some(
                    "The program asked for more memory than the browser gives it, so Python \
                     was restarted. Is a list or string growing without end, or is it built \
                     with a huge size such as `[0] * 10**10`?"
                        .to_owned(),
                ),
                detail.clone(),
            ),
            Failure::Crashed { detail, .. } => (
                "Python crashed and was restarted".to_owned(),
                Some(
                    "Something in the program made the Python engine itself fail. Very deep \
                     recursion can do this. Your code is kept; change it and run it again."
                        .to_owned(),
                ),
                detail.clone(),
            ),
            Failure::Unavailable { detail } => (
                "Python could not start on this page, so code cannot run here".to_owned(),
                None,
                detail.clone(),
            ),
        };
        Report {
            title: self.name().unwrap_or("Stopped").to_owned(),
            message,
            explanation,
            detail,
        }
    }
}

/// A failure in words, as [`Failure::report`] gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The exception type, or the page's name for the failure (`MemoryError`, `TimeLimit`…).
    pub title: String,
    pub message: String,
    /// What it means and what to try, in plain words; `backticked` parts are code.
    pub explanation: Option<String>,
    /// The traceback, or the browser's message; empty when there is none.
    pub detail: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_crash_is_out_of_memory_when_the_engine_or_the_browser_says_so() {
        assert_eq!(
            Failure::crashed("unreachable executed", true).name(),
            Some("MemoryError")
        );
        assert_eq!(
            Failure::crashed("RuntimeError: Out of memory", false).name(),
            Some("MemoryError")
        );
        assert_eq!(
            Failure::crashed("unreachable executed", false).name(),
            Some("Crash")
        );
    }

    #[test]
    fn every_failure_but_a_stop_has_a_name_and_an_explained_report() {
        let failures = [
            Failure::TimeLimit { seconds: 5 },
            Failure::crashed("trap", true),
            Failure::crashed("trap", false),
        ];
        for failure in failures {
            let report = failure.report();
            assert_eq!(Some(report.title.as_str()), failure.name());
            assert!(report.explanation.is_some(), "{failure:?}");
        }
        assert_eq!(Failure::Stopped.name(), None);
        assert_eq!(Failure::Stopped.report().message, "Program stopped");
    }
}
