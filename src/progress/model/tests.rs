//! The merge rules of the module's doc comment, one test a rule.

use proptest::prelude::*;

use super::*;

fn answer(chosen: usize, correct: bool, attempts: u32, at: f64) -> QuizAnswer {
    QuizAnswer {
        chosen,
        correct,
        attempts,
        at,
    }
}

fn exercise(passed: bool, attempts: u32, solution_revealed: bool, at: f64) -> ExerciseRecord {
    ExerciseRecord {
        passed,
        attempts,
        solution_revealed,
        at,
    }
}

fn code(text: &str, at: f64) -> SavedCode {
    SavedCode {
        code: text.to_owned(),
        at,
    }
}

#[test]
fn merge_keeps_the_newest_answer_per_question_and_the_widest_visits() {
    let mut ours = Progress::empty();
    let mut theirs = Progress::empty();
    ours.lesson_mut("a")
        .quiz
        .insert(0, answer(1, false, 1, 100.0));
    ours.lesson_mut("a")
        .quiz
        .insert(1, answer(0, true, 1, 300.0));
    theirs
        .lesson_mut("a")
        .quiz
        .insert(0, answer(2, true, 1, 200.0));
    theirs
        .lesson_mut("a")
        .quiz
        .insert(1, answer(3, false, 1, 250.0));
    theirs.lesson_mut("b").first_visit = 5.0;
    ours.lesson_mut("a").first_visit = 50.0;
    theirs.lesson_mut("a").first_visit = 40.0;
    theirs.lesson_mut("a").last_visit = 60.0;
    ours.merge(&theirs);
    let a = &ours.lessons["a"];
    assert_eq!(a.quiz[&0], answer(2, true, 1, 200.0), "theirs is newer");
    assert_eq!(a.quiz[&1], answer(0, true, 1, 300.0), "ours is newer");
    assert_eq!((a.first_visit, a.last_visit), (40.0, 60.0));
    assert_eq!(
        ours.lessons["b"].first_visit, 5.0,
        "nothing from either side is lost"
    );
    assert_eq!(
        ours.clone().merge(&theirs),
        0,
        "a second merge changes nothing"
    );
}

/// Issue 15, defect 1: the newer record used to win whole, so a failed attempt made later in
/// another tab (or found in an imported file) turned a passed exercise back to not passed.
#[test]
fn a_passed_exercise_stays_passed_when_a_later_failed_attempt_is_merged() {
    let mut ours = Progress::empty();
    ours.lesson_mut("a").exercise = Some(exercise(true, 3, false, 10.0));
    let mut theirs = Progress::empty();
    theirs.lesson_mut("a").exercise = Some(exercise(false, 1, true, 20.0));
    let changed = ours.merge(&theirs);
    assert_eq!(
        ours.lessons["a"].exercise,
        Some(exercise(true, 3, true, 20.0)),
        "passed and solution_revealed are sticky, attempts the larger, at the later"
    );
    assert_eq!(changed, 1);
    assert_eq!(ours.merge(&theirs), 0);
}

/// A document with one lesson, "a", whose record `fill` sets.
fn lesson_a(fill: impl FnOnce(&mut LessonRecord)) -> Progress {
    let mut progress = Progress::empty();
    fill(progress.lesson_mut("a"));
    progress
}

#[test]
fn a_correct_quiz_answer_is_replaced_only_by_an_answer_given_later() {
    let with_answer = |given: QuizAnswer| {
        lesson_a(|a| {
            a.quiz.insert(0, given);
        })
    };
    let mut ours = with_answer(answer(2, true, 1, 100.0));
    ours.merge(&with_answer(answer(0, false, 4, 50.0)));
    assert_eq!(
        ours.lessons["a"].quiz[&0],
        answer(2, true, 4, 100.0),
        "an older wrong answer does not turn it back; its attempts still count"
    );
    ours.merge(&with_answer(answer(1, false, 5, 150.0)));
    assert_eq!(
        ours.lessons["a"].quiz[&0],
        answer(1, false, 5, 150.0),
        "the learner answered again later: that answer is theirs now"
    );
}

#[test]
fn the_code_saved_later_wins() {
    let with_code = |saved: SavedCode| {
        lesson_a(|a| {
            a.code.insert("workbench".into(), saved);
        })
    };
    let mut ours = with_code(code("old", 1.0));
    ours.merge(&with_code(code("new", 2.0)));
    assert_eq!(ours.lessons["a"].code["workbench"], code("new", 2.0));
    assert_eq!(ours.merge(&with_code(code("stale", 0.5))), 0);
}
#[test]
fn the_first_prediction_stands_whatever_is_merged_after_it() {
    let predicted = |answer: &str, correct: bool, at: f64| {
        lesson_a(|a| {
            a.predictions.insert(
                "p".to_owned(),
                PredictionAnswer {
                    answer: answer.into(),
                    correct,
                    at,
                },
            );
        })
    };
    let mut ours = predicted("[1, 2]", false, 1.0);
    assert_eq!(
        ours.merge(&predicted("[1, 2, 3]", true, 2.0)),
        0,
        "a later right answer"
    );
    assert!(!ours.lessons["a"].predictions["p"].correct);
    let mut theirs = predicted("[1, 2, 3]", true, 2.0);
    theirs.merge(&predicted("[1, 2]", false, 1.0));
    assert_eq!(
        theirs,
        predicted("[1, 2]", false, 1.0),
        "the earlier answer arrives later"
    );
}

/// Few distinct times, so that ties (the hard case for a merge) are common.
fn time() -> impl Strategy<Value = f64> {
    (0u8..4).prop_map(|t| f64::from(t) * 10.0)
}

fn lesson_record() -> impl Strategy<Value = LessonRecord> {
    let quiz = proptest::collection::btree_map(
        0usize..2,
        (0usize..3, any::<bool>(), 0u32..4, time())
            .prop_map(|(chosen, correct, attempts, at)| answer(chosen, correct, attempts, at)),
        0..=2,
    );
    let code = proptest::option::of(
        (proptest::sample::select(vec!["x", "y", "z"]), time()).prop_map(|(t, at)| code(t, at)),
    );
    let exercise = proptest::option::of(
        (any::<bool>(), 0u32..4, any::<bool>(), time())
            .prop_map(|(passed, attempts, revealed, at)| exercise(passed, attempts, revealed, at)),
    );
    let predictions = proptest::collection::btree_map(
        proptest::sample::select(vec!["p".to_owned(), "q".to_owned()]),
        (
            proptest::sample::select(vec!["1", "2"]),
            any::<bool>(),
            time(),
        )
            .prop_map(|(answer, correct, at)| PredictionAnswer {
                answer: answer.to_owned(),
                correct,
                at,
            }),
        0..=2,
    );
    let parts = (time(), time(), quiz, predictions, code, exercise);
    parts.prop_map(
        |(first, later, quiz, predictions, code, exercise)| LessonRecord {
            first_visit: first,
            last_visit: first + later,
            quiz,
            predictions,
            code: code
                .into_iter()
                .map(|c| ("workbench".to_owned(), c))
                .collect(),
            exercise,
        },
    )
}

fn document() -> impl Strategy<Value = Progress> {
    proptest::collection::btree_map(
        proptest::sample::select(vec!["a".to_owned(), "b".to_owned()]),
        lesson_record(),
        0..=2,
    )
    .prop_map(|lessons| Progress {
        version: VERSION,
        lessons,
    })
}

fn merged(a: &Progress, b: &Progress) -> Progress {
    let mut result = a.clone();
    result.merge(b);
    result
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    /// Tabs and imports may merge in any order, any number of times: the result is one.
    #[test]
    fn merging_gives_one_result_whatever_the_order_and_however_often(
        a in document(),
        b in document(),
        c in document(),
    ) {
        let ab = merged(&a, &b);
        prop_assert_eq!(&ab, &merged(&b, &a), "commutative");
        prop_assert_eq!(merged(&ab, &c), merged(&a, &merged(&b, &c)), "associative");
        prop_assert_eq!(&merged(&ab, &b), &ab, "idempotent");
        prop_assert_eq!(ab.clone().merge(&a), 0, "nothing left to merge");
    }
}
