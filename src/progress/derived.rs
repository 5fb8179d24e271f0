//! Figures derived from the progress when shown, never stored.

use pylings_course::Lesson;

use super::model::Progress;

/// A lesson is done when its exercise passed and its quiz is all answered right; a lesson with
/// neither is done once opened.
pub fn lesson_done(progress: &Progress, lesson: &Lesson) -> bool {
    let Some(record) = progress.lessons.get(&lesson.id) else {
        return false;
    };
    let quiz_done = lesson
        .quiz
        .as_ref()
        .is_none_or(|quiz| record.quiz_complete(quiz.questions.len()));
    let exercise_done = lesson.exercise.is_none()
        || record
            .exercise
            .as_ref()
            .is_some_and(|exercise| exercise.passed);
    quiz_done && exercise_done && record.first_visit > 0.0
}

/// Whole percent of `lessons` done (0 for none).
pub fn percent_done<'a>(progress: &Progress, lessons: impl IntoIterator<Item = &'a Lesson>) -> u32 {
    let (done, total) = lessons
        .into_iter()
        .fold((0u32, 0u32), |(done, total), lesson| {
            (done + u32::from(lesson_done(progress, lesson)), total + 1)
        });
    (done * 100).checked_div(total).unwrap_or(0)
}

/// The id of the lesson opened most recently, if any.
pub fn last_visited(progress: &Progress) -> Option<&str> {
    progress
        .lessons
        .iter()
        .filter(|(_, record)| record.last_visit > 0.0)
        .max_by(|a, b| a.1.last_visit.total_cmp(&b.1.last_visit))
        .map(|(id, _)| id.as_str())
}
