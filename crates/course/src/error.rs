//! Errors and warnings about course content, and the collector that gathers them.

use std::fmt;
use std::path::{Path, PathBuf};

/// A problem that makes content unusable.
///
/// Displays as `file:line: message`, or `file: message` when `line` is 0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    /// The file (or directory) at fault.
    pub file: PathBuf,
    /// 1-based line in the original file, front matter included; 0 when the
    /// problem concerns the whole file or directory.
    pub line: usize,
    /// What is wrong, for the author.
    pub message: String,
}

/// A problem that does not stop the course from being built.
///
/// Displays as `file:line: message`, or `file: message` when `line` is 0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The file (or directory) concerned.
    pub file: PathBuf,
    /// 1-based line in the original file; 0 for the whole file or directory.
    pub line: usize,
    /// What looks wrong, for the author.
    pub message: String,
}

fn write_located(
    f: &mut fmt::Formatter<'_>,
    file: &Path,
    line: usize,
    message: &str,
) -> fmt::Result {
    match line {
        0 => write!(f, "{}: {message}", file.display()),
        line => write!(f, "{}:{line}: {message}", file.display()),
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_located(f, &self.file, self.line, &self.message)
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_located(f, &self.file, self.line, &self.message)
    }
}

impl std::error::Error for ContentError {}

/// Collects the errors and warnings of one file while it is parsed, so that
/// parsing goes on after a problem and reports them all.
#[derive(Debug)]
pub(crate) struct Diagnostics {
    file: PathBuf,
    errors: Vec<ContentError>,
    warnings: Vec<Warning>,
}

impl Diagnostics {
    pub(crate) fn new(file: impl Into<PathBuf>) -> Self {
        Self {
            file: file.into(),
            errors: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Reports an error at `line` of the collector's file.
    pub(crate) fn error(&mut self, line: usize, message: impl Into<String>) {
        let file = self.file.clone();
        self.error_in(&file, line, message);
    }

    /// Reports a warning at `line` of the collector's file.
    pub(crate) fn warning(&mut self, line: usize, message: impl Into<String>) {
        let file = self.file.clone();
        self.warning_in(&file, line, message);
    }

    /// Reports an error at `line` of another file.
    pub(crate) fn error_in(&mut self, file: &Path, line: usize, message: impl Into<String>) {
        let (file, message) = (file.to_owned(), message.into());
        self.errors.push(ContentError {
            file,
            line,
            message,
        });
    }

    /// Reports a warning at `line` of another file.
    pub(crate) fn warning_in(&mut self, file: &Path, line: usize, message: impl Into<String>) {
        let (file, message) = (file.to_owned(), message.into());
        self.warnings.push(Warning {
            file,
            line,
            message,
        });
    }

    /// Takes over the errors and warnings of another collector.
    pub(crate) fn merge(&mut self, other: Diagnostics) {
        self.errors.extend(other.errors);
        self.warnings.extend(other.warnings);
    }

    /// `Ok(value)` with the warnings if nothing went wrong, else all the
    /// errors (never an empty list: a missing value without an error is
    /// reported as one). Both are sorted by file, then line.
    pub(crate) fn finish<T>(
        mut self,
        value: Option<T>,
    ) -> Result<(T, Vec<Warning>), Vec<ContentError>> {
        self.errors
            .sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        self.warnings
            .sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        match value {
            Some(value) if self.errors.is_empty() => Ok((value, self.warnings)),
            _ => {
                if self.errors.is_empty() {
                    self.error(0, "could not be parsed");
                }
                Err(self.errors)
            }
        }
    }
}
