//! Every exercise of the course is sound, through the engine: its reference solution passes
//! every check, its starter code fails at least one, and every check fails for at least one of
//! its deliberately wrong solutions, so no check is vacuous. Also the course's teaching rules:
//! every lesson has an exercise with two or more hints, and a quiz of three or more questions
//! with feedback on every wrong answer. All failures are listed together with `file:line`.

mod common;

use pylings_course::{Check, Exercise, Lesson};
use pylings_engine::{CheckOutcome, Engine};

/// Fewest hints and quiz questions a lesson may have.
const MIN_HINTS: usize = 2;
const MIN_QUESTIONS: usize = 3;

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
fn audit_lesson(place: &str, lesson: &Lesson) -> Vec<String> {
    let mut failures = Vec::new();
    match &lesson.exercise {
        None => failures.push(format!("{place}: the lesson has no exercise")),
        Some(exercise) => {
            if exercise.hints.len() < MIN_HINTS {
                failures.push(format!(
                    "{place}: the exercise has fewer than {MIN_HINTS} hints (`# --tips--`)"
                ));
            }
            if exercise.wrong_solutions.is_empty() {
                failures.push(format!(
                    "{place}: the exercise has no `# --wrong-solutions--`"
                ));
            }
        }
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
            .enumerate()
            .filter(|(index, answer)| *index != question.correct && answer.feedback.is_none())
            .count();
        if silent > 0 {
            failures.push(format!(
                "{place}: question {} has {silent} wrong answer(s) without `### --feedback--`",
                number + 1
            ));
        }
    }
    failures
}

#[test]
fn every_lesson_has_a_sound_exercise_and_a_full_quiz() {
    let course = common::course();
    let lessons: Vec<(String, Lesson)> = course
        .lessons()
        .map(|(_, lesson)| (format!("content/{}", lesson.source), lesson.clone()))
        .collect();
    assert!(!lessons.is_empty(), "the course has lessons");
    let failures = common::with_engine(move |engine| {
        let mut failures = Vec::new();
        for (place, lesson) in &lessons {
            failures.extend(audit_lesson(place, lesson));
            if let Some(exercise) = &lesson.exercise {
                failures.extend(audit_exercise(engine, place, exercise));
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
