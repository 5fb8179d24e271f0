//! The learner's record of work: one versioned JSON document, merged record by record.
//!
//! Times are milliseconds since the Unix epoch (`Date.now()`). Only facts are stored; figures
//! such as "percent of a chapter done" are derived when shown.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The schema version this build writes. Older documents are migrated on load; newer ones are
/// read as far as they can be and never overwritten.
pub const VERSION: u32 = 1;

/// The whole document stored under [`super::store::KEY`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub version: u32,
    /// Per lesson, by lesson id.
    #[serde(default)]
    pub lessons: BTreeMap<String, LessonRecord>,
}

/// What the learner did in one lesson.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LessonRecord {
    /// First and last time the lesson was opened.
    #[serde(default)]
    pub first_visit: f64,
    #[serde(default)]
    pub last_visit: f64,
    /// Quiz answers by question index (0-based, as in the course).
    #[serde(default)]
    pub quiz: BTreeMap<usize, QuizAnswer>,
    /// The learner's last code per editor (e.g. `"workbench"`), autosaved.
    #[serde(default)]
    pub code: BTreeMap<String, SavedCode>,
    /// The lesson's exercise, once the learner has checked it.
    #[serde(default)]
    pub exercise: Option<ExerciseRecord>,
}

/// The state of a lesson's exercise.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ExerciseRecord {
    /// True once every check passed (it stays true).
    pub passed: bool,
    /// How many times "Check my code" was pressed.
    pub attempts: u32,
    /// Whether the reference solution was revealed.
    #[serde(default)]
    pub solution_revealed: bool,
    /// When it last changed.
    pub at: f64,
}

/// The latest answer to one quiz question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuizAnswer {
    /// 0-based index of the chosen answer.
    pub chosen: usize,
    pub correct: bool,
    /// How many times "Check" was pressed for this question.
    pub attempts: u32,
    /// When it was last checked.
    pub at: f64,
}

/// Code kept for one editor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedCode {
    pub code: String,
    pub at: f64,
}

impl Progress {
    pub fn empty() -> Self {
        Self {
            version: VERSION,
            lessons: BTreeMap::new(),
        }
    }

    /// Merges `other` into `self`, record by record: the newer quiz answer and saved code win,
    /// visits keep the earliest first and the latest last. Nothing present on either side is
    /// lost. Returns how many records changed.
    pub fn merge(&mut self, other: &Progress) -> usize {
        let mut changed = 0;
        for (id, theirs) in &other.lessons {
            let ours = self.lessons.entry(id.clone()).or_default();
            changed += ours.merge(theirs);
        }
        changed
    }

    /// The record of a lesson, created on first use.
    pub fn lesson_mut(&mut self, id: &str) -> &mut LessonRecord {
        self.lessons.entry(id.to_owned()).or_default()
    }
}

impl LessonRecord {
    fn merge(&mut self, theirs: &LessonRecord) -> usize {
        let mut changed = 0;
        if theirs.first_visit > 0.0
            && (self.first_visit == 0.0 || theirs.first_visit < self.first_visit)
        {
            self.first_visit = theirs.first_visit;
            changed += 1;
        }
        if theirs.last_visit > self.last_visit {
            self.last_visit = theirs.last_visit;
            changed += 1;
        }
        changed += merge_newest(&mut self.quiz, &theirs.quiz, |a| a.at);
        changed += merge_newest(&mut self.code, &theirs.code, |c| c.at);
        if let Some(exercise) = &theirs.exercise {
            if self
                .exercise
                .as_ref()
                .is_none_or(|mine| exercise.at > mine.at)
            {
                self.exercise = Some(exercise.clone());
                changed += 1;
            }
        }
        changed
    }

    /// True when every question of a quiz with `questions` questions was answered right.
    pub fn quiz_complete(&self, questions: usize) -> bool {
        questions > 0 && (0..questions).all(|q| self.quiz.get(&q).is_some_and(|a| a.correct))
    }
}

fn merge_newest<K: Ord + Clone, V: Clone>(
    ours: &mut BTreeMap<K, V>,
    theirs: &BTreeMap<K, V>,
    at: impl Fn(&V) -> f64,
) -> usize {
    let mut changed = 0;
    for (key, value) in theirs {
        let newer = ours.get(key).is_none_or(|mine| at(value) > at(mine));
        if newer {
            ours.insert(key.clone(), value.clone());
            changed += 1;
        }
    }
    changed
}
