//! Every exercise of the course is sound, through the engine: its reference solution passes
//! every check, its starter code fails at least one, and every check fails for at least one of
//! its deliberately wrong solutions, so no check is vacuous. Also the course's teaching rules
//! (issue 16): every lesson has an exercise with three or more graduated hints, the first a
//! nudge without code; a quiz of three or more questions with feedback on every answer, right
//! ones included; in chapters 1 to 11, two or more "predict, then run" blocks; and the last
//! lesson of every chapter after the first asks one or two questions about earlier chapters.
//! The quizzes give nothing away by the right answer's position or length. All failures are
//! listed together with `file:line`.

mod common;

use std::path::Path;

use pylings_course::{lint_quizzes, Block, Check, Exercise, Lesson};
use pylings_engine::{CheckOutcome, Engine};

/// Fewest hints and quiz questions a lesson may have.
const MIN_HINTS: usize = 3;
const MIN_QUESTIONS: usize = 3;
/// Fewest "predict, then run" blocks a lesson of the first [`PREDICT_CHAPTERS`] chapters has.
const MIN_PREDICTIONS: usize = 2;
const PREDICT_CHAPTERS: usize = 11;
/// How a spaced-review question starts (rendered): `**From an earlier chapter:**`.
const REVIEW_MARK: &str = "<p><strong>From an earlier chapter:</strong>";

/// Where a lesson sits in the course, for the rules that depend on it.
struct Place {
    /// `content/…md`, for messages.
    file: String,
    /// 1-based chapter number.
    chapter: usize,
    /// Whether it is the last lesson of its chapter.
    last: bool,
}

/// Whether `blocks` show any code: a code block or inline `code`.
fn shows_code(blocks: &[Block]) -> bool {
    blocks.iter().any(|block| match block {
        Block::Code(_) => true,
        Block::Html(html) => html.contains("<code>"),
    })
}

fn check(engine: &mut Engine, exercise: &Exercise, source: &str) -> CheckOutcome {
    let codes: Vec<String> = exercise.checks.iter().map(|c| c.code.clone()).collect();
    engine.check(source, exercise.stdin.as_deref().unwrap_or(""), &codes)
}

/// Why `outcome` is not a full pass, for messages.
fn describe(outcome: &CheckOutcome, checks: &[Check], source: &str) -> String {
    if let Some(error) = &outcome.run.error {
        return format!("the program failed:\n{}", error.traceback);
    }
    let failed: Vec<String> = outcome
        .results
        .iter()
        .zip(checks)
        .filter(|(result, _)| !result.passed)
        .map(|(result, check)| {
            let why = result
                .message
                .clone()
                .or_else(|| result.error.as_ref().map(|e| e.traceback.clone()))
                .unwrap_or_default();
            format!("check at line {} failed: {why}", check.line)
        })
        .collect();
    format!("{}\n--- program\n{source}", failed.join("\n"))
}

fn audit_exercise(engine: &mut Engine, place: &str, exercise: &Exercise) -> Vec<String> {
    let mut failures = Vec::new();
    let solution = check(engine, exercise, &exercise.solution);
    if !solution.passed() {
        failures.push(format!(
            "{place}: the solution does not pass: {}",
            describe(&solution, &exercise.checks, &exercise.solution)
        ));
    }
    if check(engine, exercise, &exercise.seed).passed() {
        failures.push(format!("{place}: the starter code passes every check"));
    }
    let mut caught = vec![false; exercise.checks.len()];
    for wrong in &exercise.wrong_solutions {
        let outcome = check(engine, exercise, wrong);
        if outcome.passed() {
            failures.push(format!(
                "{place}: a wrong solution passes every check:\n{wrong}"
            ));
        }
        if outcome.results.is_empty() {
            failures.push(format!(
                "{place}: a wrong solution fails before any check runs (make it run, so it tests a check):\n{}",
                describe(&outcome, &exercise.checks, wrong)
            ));
        }
        for (caught, result) in caught.iter_mut().zip(&outcome.results) {
            *caught |= !result.passed;
        }
    }
    for (check, caught) in exercise.checks.iter().zip(caught) {
        if !caught {
            failures.push(format!(
                "{place}: the check at line {} fails for no wrong solution (add one it catches)",
                check.line
            ));
        }
    }
    failures
}

/// The teaching rules for one lesson, outside the engine.
fn audit_lesson(at: &Place, lesson: &Lesson) -> Vec<String> {
    let place = &at.file;
    let mut failures = Vec::new();
    match &lesson.exercise {
        None => failures.push(format!("{place}: the lesson has no exercise")),
        Some(exercise) => {
            if exercise.hints.len() < MIN_HINTS {
                failures.push(format!(
                    "{place}: the exercise has fewer than {MIN_HINTS} hints (`# --tips--`)"
                ));
            }
            if exercise.hints.first().is_some_and(|hint| shows_code(hint)) {
                failures.push(format!(
                    "{place}: the first hint shows code; make it a nudge in words"
                ));
            }
            if exercise.wrong_solutions.is_empty() {
                failures.push(format!(
                    "{place}: the exercise has no `# --wrong-solutions--`"
                ));
            }
        }
    }
    let predictions = lesson
        .body
        .iter()
        .filter_map(Block::as_code)
        .filter(|block| block.predict.is_some())
        .count();
    if at.chapter <= PREDICT_CHAPTERS && predictions < MIN_PREDICTIONS {
        failures.push(format!(
            "{place}: {predictions} predict block(s), fewer than {MIN_PREDICTIONS} (chapters 1 to {PREDICT_CHAPTERS})"
        ));
    }
    let questions = lesson
        .quiz
        .as_ref()
        .map_or(&[][..], |quiz| &quiz.questions[..]);
    if questions.len() < MIN_QUESTIONS {
        failures.push(format!(
            "{place}: the quiz has {} question(s), fewer than {MIN_QUESTIONS}",
            questions.len()
        ));
    }
    for (number, question) in questions.iter().enumerate() {
        let silent = question
            .answers
            .iter()
            .filter(|answer| answer.feedback.is_none())
            .count();
        if silent > 0 {
            failures.push(format!(
                "{place}: question {} has {silent} answer(s) without `### --feedback--` \
                 (the right one says why it is right)",
                number + 1
            ));
        }
    }
    let reviews = questions
        .iter()
        .filter(|question| {
            question.text.first().is_some_and(
                |block| matches!(block, Block::Html(html) if html.starts_with(REVIEW_MARK)),
            )
        })
        .count();
    if at.last && at.chapter > 1 && !(1..=2).contains(&reviews) {
        failures.push(format!(
            "{place}: the chapter's last quiz has {reviews} review question(s) \
             (`**From an earlier chapter:**`), not 1 or 2"
        ));
    }
    failures
}

#[test]
fn every_lesson_has_a_sound_exercise_and_a_full_quiz() {
    let course = common::course();
    let lessons: Vec<(Place, Lesson)> = course
        .chapters
        .iter()
        .enumerate()
        .flat_map(|(index, chapter)| {
            chapter.lessons.iter().enumerate().map(move |(n, lesson)| {
                let place = Place {
                    file: format!("content/{}", lesson.source),
                    chapter: index + 1,
                    last: n + 1 == chapter.lessons.len(),
                };
                (place, lesson.clone())
            })
        })
        .collect();
    assert!(!lessons.is_empty(), "the course has lessons");
    let failures = common::with_engine(move |engine| {
        let mut failures = Vec::new();
        for (place, lesson) in &lessons {
            failures.extend(audit_lesson(place, lesson));
            if let Some(exercise) = &lesson.exercise {
                failures.extend(audit_exercise(engine, &place.file, exercise));
            }
        }
        failures
    });
    assert!(
        failures.is_empty(),
        "{} problem(s):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn quizzes_give_nothing_away() {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let errors: Vec<String> = lint_quizzes(&content, &common::course())
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n\n"));
}
