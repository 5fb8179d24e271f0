//! The `# --questions--` section.

use super::{assert_error, errors, html, lesson, parse_ok, read_fixture};

/// A lesson with one question made of `lines` (after `# --questions--` on line 6).
fn question(lines: &[&str]) -> String {
    let mut all = vec!["# --questions--"];
    all.extend_from_slice(lines);
    lesson(&all)
}

#[test]
fn fixture_lecture_has_three_questions_with_the_right_answers() {
    let (lesson, warnings) = parse_ok(&read_fixture("lecture.md"));
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(lesson.challenge_type, Some(19));
    assert_eq!(lesson.minutes, Some(7));
    let quiz = lesson.quiz.expect("the lecture has a quiz");
    assert_eq!(quiz.questions.len(), 3);
    let correct: Vec<usize> = quiz
        .questions
        .iter()
        .map(|question| question.correct)
        .collect();
    assert_eq!(correct, [0, 1, 3]);
    for question in &quiz.questions {
        assert_eq!(question.answers.len(), 4);
        for (index, answer) in question.answers.iter().enumerate() {
            assert_eq!(
                answer.feedback.is_some(),
                index != question.correct,
                "answer {index} of {question:#?}"
            );
        }
    }
    let first = &quiz.questions[0];
    assert_eq!(
        html(&first.text),
        "<p>Which number does Python use for the first position?</p>\n"
    );
    assert_eq!(html(&first.answers[0].text), "<p><code>0</code></p>\n");
    assert_eq!(
        first.answers[1].feedback.as_deref().map(html),
        Some("<p>Counting starts one lower than you might expect.</p>\n".to_owned())
    );
    let second = &quiz.questions[1];
    assert_eq!(
        second.text[1]
            .as_code()
            .map(|code| (code.code.as_str(), code.line)),
        Some(("print(\"ab\" * 2)\n", 60))
    );
    assert_eq!(
        html(&quiz.questions[2].answers[3].text),
        "<p><code># note</code></p>\n"
    );
}

#[test]
fn code_in_an_answer_may_contain_separator_and_marker_lines() {
    let (lesson, _) = parse_ok(&question(&[
        "## --text--",
        "Which output?",
        "## --answers--",
        "```text",
        "---",
        "### --feedback--",
        "```",
        "---",
        "Nothing",
        "## --video-solution--",
        "1",
    ]));
    let answers = &lesson.quiz.unwrap().questions[0].answers;
    assert_eq!(answers.len(), 2);
    assert_eq!(
        answers[0].text[0].as_code().map(|code| code.code.as_str()),
        Some("---\n### --feedback--\n")
    );
    assert_eq!(answers[0].feedback, None);
}

#[test]
fn question_without_answers_marker_is_an_error() {
    assert_error(
        &question(&["## --text--", "Why?", "## --video-solution--", "1"]),
        7,
        "question has no answers",
    );
}

#[test]
fn question_with_empty_answers_is_an_error() {
    assert_error(
        &question(&[
            "## --text--",
            "Why?",
            "## --answers--",
            "",
            "## --video-solution--",
            "1",
        ]),
        9,
        "question has no answers",
    );
}

#[test]
fn empty_answer_between_separators_is_an_error() {
    assert_error(
        &question(&[
            "## --text--",
            "Why?",
            "## --answers--",
            "Yes",
            "---",
            "",
            "---",
            "No",
            "## --video-solution--",
            "1",
        ]),
        12,
        "empty answer",
    );
}

#[test]
fn missing_video_solution_is_an_error() {
    assert_error(
        &question(&["## --text--", "Why?", "## --answers--", "Yes", "---", "No"]),
        7,
        "question has no `## --video-solution--`",
    );
}

#[test]
fn empty_video_solution_is_an_error() {
    assert_error(
        &question(&[
            "## --text--",
            "Why?",
            "## --answers--",
            "Yes",
            "## --video-solution--",
            "",
        ]),
        11,
        "`## --video-solution--` is empty",
    );
}

#[test]
fn video_solution_out_of_range_is_an_error() {
    let text = |number: &'static str| {
        question(&[
            "## --text--",
            "Why?",
            "## --answers--",
            "Yes",
            "---",
            "No",
            "## --video-solution--",
            "",
            number,
        ])
    };
    assert_error(
        &text("3"),
        15,
        "`## --video-solution--` is 3 but the question has 2 answers",
    );
    assert_error(
        &text("0"),
        15,
        "`## --video-solution--` is 0 but the question has 2 answers",
    );
}

#[test]
fn video_solution_that_is_not_a_number_is_an_error() {
    assert_error(
        &question(&[
            "## --text--",
            "Why?",
            "## --answers--",
            "Yes",
            "## --video-solution--",
            "the first",
        ]),
        12,
        "must be the number of the right answer, not `the first`",
    );
}

#[test]
fn question_without_text_marker_is_an_error() {
    let text = question(&[
        "## --text--",
        "First?",
        "## --answers--",
        "Yes",
        "## --video-solution--",
        "1",
        "## --answers--",
        "Maybe",
        "## --video-solution--",
        "1",
    ]);
    assert_error(&text, 13, "question without text");
}

#[test]
fn question_with_empty_text_is_an_error() {
    assert_error(
        &question(&[
            "## --text--",
            "",
            "## --answers--",
            "Yes",
            "## --video-solution--",
            "1",
        ]),
        7,
        "question without text",
    );
}

#[test]
fn questions_section_without_questions_is_an_error() {
    assert_error(
        &lesson(&["# --description--", "Text.", "# --questions--", ""]),
        8,
        "`# --questions--` has no questions",
    );
}

#[test]
fn unknown_markers_in_questions_are_errors() {
    let text = question(&[
        "## --text--",
        "Why?",
        "## --answers--",
        "Yes",
        "### --hint--",
        "Think.",
        "## --video-solution--",
        "1",
        "## --explanation--",
    ]);
    assert_eq!(
        errors(&text),
        [
            "lesson.md:11: unknown marker `### --hint--` in an answer",
            "lesson.md:15: unknown marker `## --explanation--` in `# --questions--`",
        ]
    );
}

#[test]
fn repeated_feedback_is_an_error() {
    let text = question(&[
        "## --text--",
        "Why?",
        "## --answers--",
        "Yes",
        "### --feedback--",
        "A.",
        "### --feedback--",
        "B.",
        "## --video-solution--",
        "1",
    ]);
    assert_error(&text, 13, "answer has two `### --feedback--` markers");
}
