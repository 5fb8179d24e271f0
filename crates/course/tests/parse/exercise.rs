//! The exercise sections: instructions, hints, seed and solutions.

use pylings_course::{Check, CheckLanguage, Exercise};

use super::{assert_error, errors, html, lesson, parse_ok, read_fixture};

/// The sections of a valid exercise, to be combined with others; `body[i]`
/// is on line `6 + i` when it comes first.
const HINTS: [&str; 5] = ["# --hints--", "It works.", "```py", "assert True", "```"];
const SEED: [&str; 5] = ["# --seed--", "## --seed-contents--", "```py", "pass", "```"];
const SOLUTIONS: [&str; 4] = ["# --solutions--", "```py", "x = 1", "```"];

/// A lesson made of the given groups of lines, in order.
fn exercise(parts: &[&[&str]]) -> String {
    lesson(&parts.concat())
}

#[test]
fn fixture_exercise_is_parsed_fully() {
    let (lesson, warnings) = parse_ok(&read_fixture("exercise.md"));
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(lesson.id, "fixture-exercise");
    assert_eq!(lesson.slug, "greet-the-learner");
    assert_eq!(
        lesson.summary.as_deref(),
        Some("Write a function that builds a greeting.")
    );
    assert_eq!(
        html(&lesson.body),
        "<p>A function can <strong>return</strong> a string.</p>\n"
    );
    assert_eq!(lesson.quiz, None);
    let expected = Exercise {
        instructions: vec![pylings_course::Block::Html(
            "<p>Write a function <code>greet(name)</code> that returns <code>\"Hello, \"</code> followed by the name.</p>\n".into(),
        )],
        seed: "def greet(name):\n    # Replace this line with your code.\n    pass\n".into(),
        solution: "def greet(name):\n    return \"Hello, \" + name\n".into(),
        checks: vec![
            Check {
                text: vec![pylings_course::Block::Html("<p><code>greet</code> should be defined.</p>\n".into())],
                code: "assert callable(greet)\n".into(),
                language: CheckLanguage::Python,
                line: 30,
            },
            Check {
                text: vec![pylings_course::Block::Html(
                    "<p><code>greet(\"Ada\")</code> should return <code>\"Hello, Ada\"</code>.</p>\n".into(),
                )],
                code: "# A comment inside a check is code, not a section.\nassert greet(\"Ada\") == \"Hello, Ada\"\n".into(),
                language: CheckLanguage::Python,
                line: 36,
            },
        ],
        hints: vec![
            vec![pylings_course::Block::Html(
                "<p>Join two strings with <code>+</code>.</p>\n".into(),
            )],
            vec![pylings_course::Block::Html("<p>Return the joined string.</p>\n".into())],
        ],
        wrong_solutions: vec![
            "def greet(name):\n    return \"Hello \" + name\n".into(),
            "greet = None\n".into(),
        ],
        stdin: Some("Ada\nLin\n".into()),
        time_limit_seconds: 3,
    };
    assert_eq!(lesson.exercise, Some(expected));
}

#[test]
fn instructions_are_optional() {
    let (lesson, _) = parse_ok(&exercise(&[&HINTS, &SEED, &SOLUTIONS]));
    assert_eq!(
        lesson.exercise.map(|exercise| exercise.instructions),
        Some(vec![])
    );
}

#[test]
fn first_solution_is_the_reference() {
    let (lesson, _) = parse_ok(&exercise(&[
        &HINTS,
        &SEED,
        &SOLUTIONS,
        &["---", "```python", "x = 2", "```"],
    ]));
    assert_eq!(
        lesson.exercise.map(|exercise| exercise.solution),
        Some("x = 1\n".into())
    );
}

#[test]
fn exercise_without_a_solution_is_an_error() {
    assert_error(
        &exercise(&[&HINTS, &SEED]),
        6,
        "exercise without a solution",
    );
    assert_error(
        &exercise(&[&HINTS, &SEED, &["# --solutions--", ""]]),
        16,
        "exercise without a solution",
    );
}

#[test]
fn exercise_without_a_seed_is_an_error() {
    assert_error(
        &exercise(&[&["# --instructions--", "Do it."], &HINTS, &SOLUTIONS]),
        6,
        "exercise without a seed",
    );
}

#[test]
fn seed_needs_seed_contents_with_one_block() {
    assert_error(
        &exercise(&[&HINTS, &["# --seed--", "```py", "pass", "```"], &SOLUTIONS]),
        11,
        "`# --seed--` needs `## --seed-contents--`",
    );
    assert_error(
        &exercise(&[
            &HINTS,
            &[
                "# --seed--",
                "Starter:",
                "## --seed-contents--",
                "```py",
                "pass",
                "```",
            ],
            &SOLUTIONS,
        ]),
        12,
        "text before `## --seed-contents--`",
    );
    assert_error(
        &exercise(&[&HINTS, &SEED, &["```py", "more", "```"], &SOLUTIONS]),
        12,
        "`## --seed-contents--` must hold exactly one code block",
    );
}

#[test]
fn seed_and_solutions_hold_only_python_blocks() {
    assert_error(
        &exercise(&[
            &HINTS,
            &SEED,
            &["# --solutions--", "Here:", "```py", "x", "```"],
        ]),
        17,
        "only code blocks are allowed in `# --solutions--`",
    );
    assert_error(
        &exercise(&[&HINTS, &SEED, &["# --solutions--", "```js", "x", "```"]]),
        17,
        "`# --solutions--` must be a ```py code block",
    );
}

#[test]
fn exercise_without_checks_is_an_error() {
    assert_error(
        &exercise(&[&SEED, &SOLUTIONS]),
        6,
        "exercise without checks",
    );
    assert_error(
        &exercise(&[&["# --hints--", ""], &SEED, &SOLUTIONS]),
        6,
        "exercise without checks",
    );
}

#[test]
fn hint_text_without_a_block_is_an_empty_check() {
    assert_error(
        &exercise(&[&HINTS, &["", "Another hint."], &SEED, &SOLUTIONS]),
        12,
        "empty check",
    );
}

#[test]
fn empty_check_block_is_an_error() {
    assert_error(
        &exercise(&[
            &["# --hints--", "It works.", "```py", "", "```"],
            &SEED,
            &SOLUTIONS,
        ]),
        8,
        "empty check",
    );
}

#[test]
fn javascript_check_is_kept_with_a_warning() {
    let text = exercise(&[
        &HINTS,
        &["Old style.", "```js", "assert(code.match(/x/));", "```"],
        &SEED,
        &SOLUTIONS,
    ]);
    let (lesson, warnings) = parse_ok(&text);
    let checks = lesson.exercise.unwrap().checks;
    assert_eq!(
        checks
            .iter()
            .map(|check| check.language)
            .collect::<Vec<_>>(),
        [CheckLanguage::Python, CheckLanguage::JavaScript]
    );
    assert_eq!(checks[1].code, "assert(code.match(/x/));\n");
    assert_eq!(html(&checks[1].text), "<p>Old style.</p>\n");
    assert_eq!(
        super::lines(&warnings),
        "lesson.md:12: JavaScript check: kept, but it cannot run in the Python course"
    );
}

#[test]
fn other_fences_in_hints_belong_to_the_hint_text() {
    let text = exercise(&[
        &[
            "# --hints--",
            "Prints:",
            "```text",
            "hello",
            "```",
            "```py",
            "assert True",
            "```",
        ],
        &SEED,
        &SOLUTIONS,
    ]);
    let (lesson, _) = parse_ok(&text);
    let check = &lesson.exercise.unwrap().checks[0];
    assert_eq!(check.line, 11);
    assert_eq!(
        check.text[1]
            .as_code()
            .map(|code| (code.language.as_str(), code.line)),
        Some(("text", 8))
    );
}

#[test]
fn check_without_hint_text_is_a_warning() {
    let text = exercise(&[
        &["# --hints--", "```py", "assert True", "```"],
        &SEED,
        &SOLUTIONS,
    ]);
    assert_eq!(
        super::lines(&parse_ok(&text).1),
        "lesson.md:7: check without hint text: the learner sees nothing when it fails"
    );
}

#[test]
fn check_blocks_take_no_attributes() {
    let text = exercise(&[
        &[
            "# --hints--",
            "Works.",
            "```py stdin=a",
            "assert True",
            "```",
        ],
        &SEED,
        &SOLUTIONS,
    ]);
    assert_error(&text, 8, "a check code block takes no attributes");
}

#[test]
fn all_errors_of_a_file_are_reported() {
    let text = exercise(&[
        &["# --hints--", "Works.", "```py", "```", "# --bogus--"],
        &SEED,
    ]);
    assert_eq!(
        errors(&text),
        [
            "lesson.md:6: exercise without a solution (`# --solutions--`)",
            "lesson.md:8: empty check: the check code block is empty",
            "lesson.md:10: unknown section `# --bogus--`",
        ]
    );
}

#[test]
fn tips_and_wrong_solutions_are_optional() {
    let (lesson, _) = parse_ok(&exercise(&[&HINTS, &SEED, &SOLUTIONS]));
    let exercise = lesson.exercise.expect("exercise");
    assert!(exercise.hints.is_empty());
    assert!(exercise.wrong_solutions.is_empty());
    assert_eq!(exercise.stdin, None);
}

#[test]
fn an_empty_tip_is_an_error() {
    let text = exercise(&[
        &HINTS,
        &SEED,
        &SOLUTIONS,
        &["# --tips--", "A nudge.", "---", "", "---", "More."],
    ]);
    assert_error(&text, 23, "empty hint in `# --tips--`");
}

#[test]
fn wrong_solutions_hold_only_code() {
    let text = exercise(&[
        &HINTS,
        &SEED,
        &SOLUTIONS,
        &[
            "# --wrong-solutions--",
            "Not code.",
            "```py",
            "x = 2",
            "```",
        ],
    ]);
    assert_error(
        &text,
        21,
        "only code blocks are allowed in `# --wrong-solutions--`",
    );
}
