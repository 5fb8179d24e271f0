//! The learner's record of work: one versioned JSON document, merged field by field.
//!
//! Times are milliseconds since the Unix epoch (`Date.now()`). Only facts are stored; figures
//! such as "percent of a chapter done" are derived when shown.
//!
//! # Merging
//!
//! Two documents meet when another tab saves or a file is imported. [`Progress::merge`] joins
//! them so that nothing either side did is lost, and so that the result is the same whichever
//! side merges into which, and however often (commutative, associative, idempotent):
//!
//! - **Visits**: the earliest first visit and the latest last visit.
//! - **Exercise**: `passed` and `solution_revealed` are sticky (true on either side stays
//!   true), `attempts` is the larger count, `at` the later time. A failed attempt in another
//!   tab never undoes a pass.
//! - **Quiz answer**, per question: the answer given later wins (`chosen`, `correct`), since
//!   it is what the learner last chose; so a correct answer is replaced only by an answer the
//!   learner gave after it, never by an older wrong one. `attempts` is the larger count. On
//!   equal times the correct answer wins, then the higher choice, so the order of merging
//!   does not matter.
//! - **Prediction**, per "predict, then run" block: the first answer stands (a prediction is
//!   worth something only before the learner has seen the output), so the earlier one wins; on
//!   equal times the right one, then the greater text.
//! - **Saved code**, per editor: the code saved later wins; on equal times the greater text,
//!   for the same reason.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The schema version this build writes. There has only been version 1 so far, so nothing is
/// migrated; a later version adds its migration to `store::read` and keeps the version-1
/// fixture test (`src/progress/store/fixtures/v1.json`) passing. Documents of a newer version
/// are read as far as they can be and never overwritten.
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
    /// Predictions by the id of their "predict, then run" block (`Prediction::id` in the
    /// course: a hash of the block's code).
    #[serde(default)]
    pub predictions: BTreeMap<String, PredictionAnswer>,
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

/// The learner's first prediction of a block's output.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PredictionAnswer {
    /// The chosen choice's text, or the text the learner typed (at most
    /// [`PredictionAnswer::MAX_CHARS`] characters).
    pub answer: String,
    /// Whether it matched what the block printed.
    pub correct: bool,
    /// When the learner answered.
    pub at: f64,
}

impl PredictionAnswer {
    /// Longest typed prediction kept, in characters.
    pub const MAX_CHARS: usize = 2_000;

    /// The earlier answer (see the [module](self) for ties).
    fn merged(&self, theirs: &Self) -> Self {
        let key = |a: &Self| (-a.at, a.correct, a.answer.clone());
        let earlier = key(theirs).partial_cmp(&key(self)) == Some(std::cmp::Ordering::Greater);
        if earlier { theirs } else { self }.clone()
    }
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

    /// Merges `other` into `self` by the rules of the [module](self): nothing present on
    /// either side is lost. Returns how many records of `self` changed.
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
        changed += merge_each(&mut self.quiz, &theirs.quiz, QuizAnswer::merged);
        changed += merge_each(
            &mut self.predictions,
            &theirs.predictions,
            PredictionAnswer::merged,
        );
        changed += merge_each(&mut self.code, &theirs.code, SavedCode::merged);
        if let Some(theirs) = &theirs.exercise {
            let merged = match &self.exercise {
                Some(ours) => ours.merged(theirs),
                None => theirs.clone(),
            };
            if self.exercise.as_ref() != Some(&merged) {
                self.exercise = Some(merged);
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

impl ExerciseRecord {
    /// Both records joined: sticky flags, the larger count, the later time.
    fn merged(&self, theirs: &Self) -> Self {
        Self {
            passed: self.passed || theirs.passed,
            attempts: self.attempts.max(theirs.attempts),
            solution_revealed: self.solution_revealed || theirs.solution_revealed,
            at: self.at.max(theirs.at),
        }
    }
}

impl QuizAnswer {
    /// The later answer, with the larger attempt count of the two.
    fn merged(&self, theirs: &Self) -> Self {
        let key = |a: &Self| (a.at, a.correct, a.chosen);
        let later = if key(theirs).partial_cmp(&key(self)) == Some(std::cmp::Ordering::Greater) {
            theirs
        } else {
            self
        };
        Self {
            attempts: self.attempts.max(theirs.attempts),
            ..later.clone()
        }
    }
}

impl SavedCode {
    /// The code saved later.
    fn merged(&self, theirs: &Self) -> Self {
        let later = (theirs.at, &theirs.code) > (self.at, &self.code);
        if later { theirs } else { self }.clone()
    }
}

/// Joins `theirs` into `ours` key by key with `merged`; returns how many entries changed.
fn merge_each<K: Ord + Clone, V: Clone + PartialEq>(
    ours: &mut BTreeMap<K, V>,
    theirs: &BTreeMap<K, V>,
    merged: impl Fn(&V, &V) -> V,
) -> usize {
    let mut changed = 0;
    for (key, value) in theirs {
        let new = match ours.get(key) {
            Some(mine) => merged(mine, value),
            None => value.clone(),
        };
        if ours.get(key) != Some(&new) {
            ours.insert(key.clone(), new);
            changed += 1;
        }
    }
    changed
}

#[cfg(test)]
mod tests;
