//! Loading and saving [`Progress`] through a key-value [`Storage`] (localStorage in the
//! browser, a map in tests), so that nothing the learner did is ever lost silently:
//!
//! - corrupt text or a wrong shape is kept under a backup key, the app starts empty and says so;
//! - a document from a newer version, found at start-up or saved later by another tab, is read
//!   as far as it can be and never overwritten: this tab becomes read-only and says so;
//! - blocked or full storage leaves the app working in memory and says progress is not kept;
//! - another tab's document is merged record by record (see [`Progress::merge`]).

use serde_json::Value;

use super::model::{LessonRecord, Progress, VERSION};

/// The localStorage key of the progress document.
pub const KEY: &str = "pylings:progress:v1";
/// Unreadable documents are kept under this prefix followed by the time in ms.
pub const BACKUP_PREFIX: &str = "pylings:progress:backup:";

/// Why storage refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// No access at all (`SecurityError`: sandboxed or third-party iframes, some private modes).
    Blocked,
    /// `QuotaExceededError`.
    Full,
}

/// A string key-value store.
pub trait Storage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
}

/// Something the learner must be told about their progress.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The stored text could not be read; it is kept under `backup_key` (if storage allowed)
    /// and in `raw` for download.
    Corrupt {
        backup_key: Option<String>,
        raw: String,
    },
    /// The document was written by a newer Pylings; it is shown but not changed.
    Newer { version: u32 },
    /// Progress lives in memory only for this session.
    NotSaved(StorageError),
}

/// What an import changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportSummary {
    pub lessons: usize,
    pub records_changed: usize,
}

/// The progress of this browser, kept in step with its storage.
pub struct Store<S: Storage> {
    storage: S,
    progress: Progress,
    /// False once storage refused a write: the progress lives in memory only.
    writable: bool,
    /// The version of a newer document in storage, which this tab must never overwrite.
    read_only_for: Option<u32>,
    notices: Vec<Notice>,
}

enum Read {
    Document(Progress),
    Newer(Progress, u32),
    Corrupt,
}

/// Reads a stored document: lenient per lesson (a malformed lesson record is dropped, the rest
/// kept), strict about the outer shape.
fn read(raw: &str) -> Read {
    let Ok(Value::Object(object)) = serde_json::from_str::<Value>(raw) else {
        return Read::Corrupt;
    };
    let Some(version) = object.get("version").and_then(Value::as_u64) else {
        return Read::Corrupt;
    };
    let lessons = match object.get("lessons") {
        None => Default::default(),
        Some(Value::Object(lessons)) => lessons
            .iter()
            .filter_map(|(id, record)| {
                serde_json::from_value::<LessonRecord>(record.clone())
                    .ok()
                    .map(|r| (id.clone(), r))
            })
            .collect(),
        Some(_) => return Read::Corrupt,
    };
    let progress = Progress {
        version: VERSION,
        lessons,
    };
    match u32::try_from(version) {
        Ok(v) if v <= VERSION => Read::Document(progress),
        Ok(v) => Read::Newer(progress, v),
        Err(_) => Read::Corrupt,
    }
}

impl<S: Storage> Store<S> {
    /// Loads the stored progress; `now` (ms) names a backup if one is needed.
    pub fn open(storage: S, now: f64) -> Self {
        let mut store = Self {
            storage,
            progress: Progress::empty(),
            writable: true,
            read_only_for: None,
            notices: Vec::new(),
        };
        match store.storage.get(KEY) {
            Err(error) => store.go_memory_only(error),
            Ok(None) => {}
            Ok(Some(raw)) => match read(&raw) {
                Read::Document(progress) => store.progress = progress,
                Read::Newer(progress, version) => {
                    store.progress = progress;
                    store.become_read_only(version);
                }
                Read::Corrupt => {
                    let key = format!("{BACKUP_PREFIX}{}", now as u64);
                    let backup_key = store.storage.set(&key, &raw).ok().map(|()| key);
                    store.notices.push(Notice::Corrupt { backup_key, raw });
                }
            },
        }
        store
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// Forgets a notice the learner dismissed.
    pub fn dismiss(&mut self, index: usize) {
        if index < self.notices.len() {
            self.notices.remove(index);
        }
    }

    /// Changes the progress and saves it.
    pub fn update(&mut self, change: impl FnOnce(&mut Progress)) {
        change(&mut self.progress);
        self.save();
    }

    /// Merges a document another tab wrote (the new value of a `storage` event). Saves when
    /// the merge added anything that document lacked, so both tabs converge; a document of a
    /// newer version (another tab runs a newer Pylings) makes this tab read-only instead.
    pub fn merge_stored(&mut self, raw: &str) {
        let theirs = match read(raw) {
            Read::Document(theirs) => theirs,
            Read::Newer(theirs, version) => {
                self.progress.merge(&theirs);
                self.become_read_only(version);
                return;
            }
            Read::Corrupt => return,
        };
        self.progress.merge(&theirs);
        let mut union = theirs;
        if union.merge(&self.progress) > 0 {
            self.save();
        }
    }

    /// The document as pretty JSON, for download.
    pub fn export(&self) -> String {
        serde_json::to_string_pretty(&self.progress).expect("progress serialises")
    }

    /// Merges an exported file into the progress.
    pub fn import(&mut self, raw: &str) -> Result<ImportSummary, String> {
        let theirs = match read(raw) {
            Read::Document(p) | Read::Newer(p, _) => p,
            Read::Corrupt => return Err("This file is not a Pylings progress file.".to_owned()),
        };
        let records_changed = self.progress.merge(&theirs);
        self.save();
        Ok(ImportSummary {
            lessons: theirs.lessons.len(),
            records_changed,
        })
    }

    /// Empties the progress (after the learner confirmed).
    pub fn reset(&mut self) {
        self.progress = Progress::empty();
        self.save();
    }

    fn save(&mut self) {
        if !self.writable || self.read_only_for.is_some() {
            return;
        }
        let json = serde_json::to_string(&self.progress).expect("progress serialises");
        if let Err(error) = self.storage.set(KEY, &json) {
            self.go_memory_only(error);
        }
    }

    /// Stops saving because storage holds a document of `version`, newer than this build's,
    /// and tells the learner once.
    fn become_read_only(&mut self, version: u32) {
        if self.read_only_for.is_none() {
            self.notices.push(Notice::Newer { version });
        }
        self.read_only_for = Some(version);
    }

    fn go_memory_only(&mut self, error: StorageError) {
        self.writable = false;
        self.notices.push(Notice::NotSaved(error));
    }
}

#[cfg(test)]
mod tests;
