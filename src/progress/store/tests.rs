//! The store's promises, on a map standing in for localStorage.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::*;
use crate::progress::model::{QuizAnswer, SavedCode};

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
fn progress_is_kept_in_this_browsers_storage() {
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
fn unreadable_data_is_kept_under_a_backup_key_and_the_app_starts_afresh() {
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
fn data_of_the_wrong_shape_is_unreadable_too() {
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
fn data_saved_by_a_newer_version_is_shown_but_never_overwritten() {
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
fn blocked_storage_keeps_everything_working_for_the_visit() {
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
fn full_storage_keeps_everything_working_for_the_visit_with_one_notice() {
    let storage = MapStorage::default();
    let mut store = Store::open(storage.clone(), 1.0);
    *storage.fail.borrow_mut() = Some(StorageError::Full);
    store.update(|p| p.lesson_mut("a").first_visit = 1.0);
    store.update(|p| p.lesson_mut("a").last_visit = 2.0);
    assert_eq!(store.notices(), [Notice::NotSaved(StorageError::Full)]);
    assert_eq!(store.progress().lessons["a"].last_visit, 2.0);
}

#[test]
fn two_tabs_keep_each_others_answers() {
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
fn export_then_reset_then_import_brings_everything_back() {
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
fn records_written_without_optional_fields_load_with_defaults() {
    // What an earlier writer of format 1 stored before quizzes, code and exercises existed.
    let raw = r#"{"version":1,"lessons":{"loops":{"first_visit":5.0,"last_visit":6.0}}}"#;
    let store = Store::open(MapStorage::with(KEY, raw), 1.0);
    let loops = &store.progress().lessons["loops"];
    assert_eq!((loops.first_visit, loops.last_visit), (5.0, 6.0));
    assert!(loops.quiz.is_empty() && loops.code.is_empty() && loops.exercise.is_none());
    assert!(store.notices().is_empty());
}

/// Issue 15, defect 2: a newer document arriving through a `storage` event used to be merged
/// and then saved over as version 1 by this tab.
#[test]
fn a_newer_document_saved_by_another_tab_is_never_overwritten() {
    let storage = MapStorage::default();
    let mut store = Store::open(storage.clone(), 1.0);
    store.update(|p| p.lesson_mut("loops").first_visit = 2.0);
    // Another tab, running a newer Pylings, saves its document...
    let newer = r#"{"version":2,"lessons":{"loops":{"first_visit":1.0,"stars":3}},"settings":{}}"#;
    storage
        .map
        .borrow_mut()
        .insert(KEY.to_owned(), newer.to_owned());
    // ...and this tab hears of it.
    store.merge_stored(newer);
    assert_eq!(store.notices(), [Notice::Newer { version: 2 }]);
    assert_eq!(store.progress().lessons["loops"].first_visit, 1.0);
    store.update(|p| p.lesson_mut("loops").last_visit = 9.0);
    store.merge_stored(newer);
    assert_eq!(
        storage.raw(KEY).as_deref(),
        Some(newer),
        "never overwritten"
    );
    assert_eq!(
        store.notices(),
        [Notice::Newer { version: 2 }],
        "told once, as at start-up"
    );
    assert_eq!(
        store.progress().lessons["loops"].last_visit,
        9.0,
        "kept in memory for the session"
    );
}

/// A document written by the first version of the format: every later Pylings must load it
/// whole (migrating it, once there is a version 2). `predictions` were added within version 1
/// as an optional field, so documents without them (like `loops` here) load too.
#[test]
fn a_version_1_document_always_loads() {
    let raw = include_str!("fixtures/v1.json");
    let store = Store::open(MapStorage::with(KEY, raw), 1.0);
    assert!(store.notices().is_empty());
    let lessons = &store.progress().lessons;
    assert_eq!(lessons.len(), 3);
    let print = &lessons["getting-started-print"];
    assert_eq!(print.first_visit, 1_764_000_000_000.0);
    assert!(print.quiz[&0].correct && !print.quiz[&1].correct);
    assert_eq!(print.quiz[&0].attempts, 2);
    let prediction = &print.predictions["9d5c0e2fa2a1b7a1"];
    assert_eq!(prediction.answer, "Hello\nworld");
    assert!(prediction.correct);
    assert_eq!(print.code["workbench"].code, "print(\"Hello\")\n");
    let exercise = print.exercise.as_ref().expect("the exercise record");
    assert!(exercise.passed && !exercise.solution_revealed);
    assert_eq!(exercise.attempts, 3);
    assert_eq!(lessons["loops"].last_visit, 1_764_100_000_000.0);
    assert_eq!(lessons["playground"].code["code"].code, "print(42)\n");
}
