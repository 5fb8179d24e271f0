//! The store's promises, on a map standing in for localStorage.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::*;
use crate::progress::model::{ExerciseRecord, QuizAnswer, SavedCode};

/// localStorage stand-in; clones share the same map, like two tabs on one origin.
#[derive(Clone, Default)]
struct MapStorage {
    map: Rc<RefCell<HashMap<String, String>>>,
    fail: Rc<RefCell<Option<StorageError>>>,
}

impl MapStorage {
    fn with(key: &str, value: &str) -> Self {
        let storage = Self::default();
        storage
            .map
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        storage
    }
    fn raw(&self, key: &str) -> Option<String> {
        self.map.borrow().get(key).cloned()
    }
}

impl Storage for MapStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        match self.fail.borrow().clone() {
            Some(StorageError::Blocked) => Err(StorageError::Blocked),
            _ => Ok(self.raw(key)),
        }
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if let Some(error) = self.fail.borrow().clone() {
            return Err(error);
        }
        self.map
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }
}

fn answer(chosen: usize, correct: bool, at: f64) -> QuizAnswer {
    QuizAnswer {
        chosen,
        correct,
        attempts: 1,
        at,
    }
}

#[test]
fn progress_round_trips_through_storage() {
    let storage = MapStorage::default();
    let mut store = Store::open(storage.clone(), 1.0);
    store.update(|p| {
        let lesson = p.lesson_mut("loops");
        lesson.first_visit = 10.0;
        lesson.last_visit = 20.0;
        lesson.quiz.insert(0, answer(2, true, 15.0));
        lesson.code.insert(
            "workbench".into(),
            SavedCode {
                code: "print(1)".into(),
                at: 16.0,
            },
        );
    });
    let reopened = Store::open(storage.clone(), 2.0);
    assert_eq!(reopened.progress(), store.progress());
    assert!(reopened.notices().is_empty());
    assert!(storage.raw(KEY).unwrap().contains("\"version\":1"));
}

#[test]
fn merge_keeps_the_newest_record_per_question_and_editor() {
    let mut ours = Progress::empty();
    let mut theirs = Progress::empty();
    ours.lesson_mut("a").quiz.insert(0, answer(1, false, 100.0));
    ours.lesson_mut("a").quiz.insert(1, answer(0, true, 300.0));
    theirs
        .lesson_mut("a")
        .quiz
        .insert(0, answer(2, true, 200.0));
    theirs
        .lesson_mut("a")
        .quiz
        .insert(1, answer(3, false, 250.0));
    theirs.lesson_mut("b").first_visit = 5.0;
    ours.lesson_mut("a").first_visit = 50.0;
    theirs.lesson_mut("a").first_visit = 40.0;
    theirs.lesson_mut("a").last_visit = 60.0;
    ours.merge(&theirs);
    let a = &ours.lessons["a"];
    assert_eq!(a.quiz[&0], answer(2, true, 200.0), "theirs is newer");
    assert_eq!(a.quiz[&1], answer(0, true, 300.0), "ours is newer");
    assert_eq!((a.first_visit, a.last_visit), (40.0, 60.0));
    assert_eq!(
        ours.lessons["b"].first_visit, 5.0,
        "nothing from either side is lost"
    );
    // Merging is idempotent: a second merge changes nothing.
    assert_eq!(ours.clone().merge(&theirs), 0);
}

#[test]
fn corrupt_text_is_kept_as_a_backup_and_the_app_starts_empty() {
    let storage = MapStorage::with(KEY, "{not json");
    let store = Store::open(storage.clone(), 1234.0);
    assert_eq!(store.progress(), &Progress::empty());
    let key = format!("{BACKUP_PREFIX}1234");
    assert_eq!(
        store.notices(),
        [Notice::Corrupt {
            backup_key: Some(key.clone()),
            raw: "{not json".into()
        }]
    );
    assert_eq!(storage.raw(&key).as_deref(), Some("{not json"));
    assert_eq!(
        storage.raw(KEY).as_deref(),
        Some("{not json"),
        "nothing is overwritten before a change"
    );
}

#[test]
fn a_wrong_shape_is_corrupt_too() {
    for raw in [
        "[1, 2]",
        "{\"lessons\": {}}",
        "{\"version\": 1, \"lessons\": []}",
        "null",
    ] {
        let store = Store::open(MapStorage::with(KEY, raw), 1.0);
        assert!(matches!(store.notices(), [Notice::Corrupt { .. }]), "{raw}");
    }
}

#[test]
fn a_malformed_lesson_record_is_dropped_and_the_rest_kept() {
    let raw = r#"{"version":1,"lessons":{"good":{"first_visit":1.0},"bad":{"quiz":"oops"}}}"#;
    let store = Store::open(MapStorage::with(KEY, raw), 1.0);
    assert!(store.progress().lessons.contains_key("good"));
    assert!(!store.progress().lessons.contains_key("bad"));
}

#[test]
fn a_document_from_a_newer_version_is_read_but_never_overwritten() {
    let raw =
        r#"{"version":7,"lessons":{"loops":{"first_visit":3.0,"stars":5}},"settings":{"x":1}}"#;
    let storage = MapStorage::with(KEY, raw);
    let mut store = Store::open(storage.clone(), 1.0);
    assert_eq!(store.notices(), [Notice::Newer { version: 7 }]);
    assert_eq!(store.progress().lessons["loops"].first_visit, 3.0);
    store.update(|p| p.lesson_mut("loops").last_visit = 9.0);
    assert_eq!(storage.raw(KEY).as_deref(), Some(raw));
    assert_eq!(
        store.progress().lessons["loops"].last_visit,
        9.0,
        "kept in memory for the session"
    );
}

#[test]
fn blocked_storage_keeps_working_in_memory() {
    let storage = MapStorage::default();
    *storage.fail.borrow_mut() = Some(StorageError::Blocked);
    let mut store = Store::open(storage, 1.0);
    store.update(|p| {
        p.lesson_mut("a").quiz.insert(0, answer(1, true, 2.0));
    });
    assert_eq!(store.notices(), [Notice::NotSaved(StorageError::Blocked)]);
    assert!(
        store.progress().lessons["a"].quiz[&0].correct,
        "no answer lost in the session"
    );
}

#[test]
fn a_full_storage_switches_to_memory_with_one_notice() {
    let storage = MapStorage::default();
    let mut store = Store::open(storage.clone(), 1.0);
    *storage.fail.borrow_mut() = Some(StorageError::Full);
    store.update(|p| p.lesson_mut("a").first_visit = 1.0);
    store.update(|p| p.lesson_mut("a").last_visit = 2.0);
    assert_eq!(store.notices(), [Notice::NotSaved(StorageError::Full)]);
    assert_eq!(store.progress().lessons["a"].last_visit, 2.0);
}

#[test]
fn two_tabs_converge_without_erasing_each_other() {
    let storage = MapStorage::default();
    let mut first = Store::open(storage.clone(), 1.0);
    let mut second = Store::open(storage.clone(), 1.0);
    first.update(|p| {
        p.lesson_mut("a").quiz.insert(0, answer(1, true, 10.0));
    });
    // The second tab, not yet told, writes its own answer over the key...
    second.update(|p| {
        p.lesson_mut("b").quiz.insert(0, answer(2, false, 11.0));
    });
    // ...then the storage events arrive in both tabs.
    first.merge_stored(&storage.raw(KEY).unwrap());
    second.merge_stored(&storage.raw(KEY).unwrap());
    for store in [&first, &second] {
        assert!(store.progress().lessons["a"].quiz.contains_key(&0));
        assert!(store.progress().lessons["b"].quiz.contains_key(&0));
    }
    let stored = Store::open(storage, 2.0);
    assert_eq!(stored.progress(), first.progress());
}

#[test]
fn export_then_reset_then_import_restores_everything() {
    let mut store = Store::open(MapStorage::default(), 1.0);
    store.update(|p| {
        p.lesson_mut("a").quiz.insert(0, answer(1, true, 10.0));
        p.lesson_mut("b").first_visit = 3.0;
    });
    let exported = store.export();
    let before = store.progress().clone();
    store.reset();
    assert!(store.progress().lessons.is_empty());
    let summary = store.import(&exported).unwrap();
    assert_eq!(summary.lessons, 2);
    assert_eq!(store.progress(), &before);
    assert!(store.import("hello").is_err());
}

#[test]
fn the_newer_exercise_record_wins_a_merge() {
    let record = |passed, attempts, at| ExerciseRecord {
        passed,
        attempts,
        solution_revealed: false,
        at,
    };
    let mut ours = Progress::empty();
    let mut theirs = Progress::empty();
    ours.lesson_mut("a").exercise = Some(record(false, 2, 10.0));
    theirs.lesson_mut("a").exercise = Some(record(true, 3, 20.0));
    ours.merge(&theirs);
    assert_eq!(ours.lessons["a"].exercise, Some(record(true, 3, 20.0)));
    assert_eq!(ours.merge(&Progress::empty()), 0);
}

#[test]
fn records_written_without_optional_fields_load_with_defaults() {
    // What an earlier writer of format 1 stored before quizzes, code and exercises existed.
    let raw = r#"{"version":1,"lessons":{"loops":{"first_visit":5.0,"last_visit":6.0}}}"#;
    let store = Store::open(MapStorage::with(KEY, raw), 1.0);
    let loops = &store.progress().lessons["loops"];
    assert_eq!((loops.first_visit, loops.last_visit), (5.0, 6.0));
    assert!(loops.quiz.is_empty() && loops.code.is_empty() && loops.exercise.is_none());
    assert!(store.notices().is_empty());
}
