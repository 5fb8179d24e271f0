//! "Predict, then run": a ```` ```py predict ```` block and the ```` ```predict ```` fence after it.

use pylings_course::{Block, Prediction};

use super::{assert_error, code, html, lesson, parse_ok};

/// A description holding `lines`, starting on line 8.
fn description(lines: &[&str]) -> String {
    let mut all = vec!["# --description--", ""];
    all.extend_from_slice(lines);
    lesson(&all)
}

fn prediction(lines: &[&str]) -> Prediction {
    let blocks = parse_ok(&description(lines)).0.body;
    let code = code(&blocks);
    assert_eq!(code.len(), 1, "the predict fence is not a block of its own");
    *code[0].predict.clone().expect("a prediction")
}

#[test]
fn choices_and_explanation_are_read() {
    let prediction = prediction(&[
        "```py predict",
        "print(1)",
        "print(2)",
        "```",
        "",
        "```predict",
        "- 1",
        "+ 1\\n2",
        "- 2",
        "> Each `print` call",
        "> ends its own line.",
        "```",
    ]);
    assert_eq!(prediction.choices, ["1", "1\n2", "2"]);
    assert_eq!(prediction.correct, Some(1));
    assert_eq!(
        html(&prediction.explanation),
        "<p>Each <code>print</code> call ends its own line.</p>\n"
    );
}

#[test]
fn a_prediction_is_named_by_its_code() {
    let first = prediction(&[
        "```py predict",
        "print(1)",
        "```",
        "```predict",
        "+ 1",
        "- 2",
        "> Why.",
        "```",
    ]);
    assert_eq!(first.id, Prediction::id_of("print(1)\n"));
    // FNV-1a 64 of the empty string and of "a", as published with the algorithm.
    assert_eq!(Prediction::id_of(""), "cbf29ce484222325");
    assert_eq!(Prediction::id_of("a"), "af63dc4c8601ec8c");
}

#[test]
fn without_choices_the_learner_types() {
    let prediction = prediction(&[
        "```py predict",
        "print(2 ** 10)",
        "```",
        "```predict",
        "> Powers of two double: 2 ** 10 is 1024.",
        "```",
    ]);
    assert!(prediction.choices.is_empty() && prediction.correct.is_none());
}

#[test]
fn typed_predictions_ignore_trailing_space_and_blank_lines() {
    assert!(Prediction::matches("1 \n2\n\n", "1\n2\n"));
    assert!(Prediction::matches("1\r\n2", "1\n2\n"));
    assert!(!Prediction::matches("1\n 2", "1\n2\n"));
    assert!(!Prediction::matches("", "0\n"));
}

#[test]
fn a_predict_block_without_its_fence_is_an_error() {
    assert_error(
        &description(&["```py predict", "print(1)", "```", "", "Some text."]),
        8,
        "must be followed directly by a ```predict block",
    );
    assert_error(
        &description(&["```py predict", "print(1)", "```"]),
        8,
        "must be followed directly by a ```predict block",
    );
}

#[test]
fn a_predict_fence_without_its_block_is_an_error() {
    assert_error(
        &description(&["```py", "print(1)", "```", "```predict", "> Why.", "```"]),
        11,
        "must come directly after a ```py predict block",
    );
}

#[test]
fn malformed_predict_fences_are_errors_at_their_lines() {
    let block = ["```py predict", "print(1)", "```"];
    let with = |fence: &[&str]| {
        let mut lines = block.to_vec();
        lines.push("```predict");
        lines.extend_from_slice(fence);
        lines.push("```");
        description(&lines)
    };
    assert_error(
        &with(&["+ 1", "- 3", "* 2", "> Why."]),
        14,
        "starts with `- `",
    );
    assert_error(&with(&["+ 1", "- 2"]), 11, "needs an explanation");
    assert_error(
        &with(&["- 1", "- 2", "> Why."]),
        11,
        "exactly one right choice",
    );
    assert_error(
        &with(&["+ 1", "+ 2", "> Why."]),
        11,
        "exactly one right choice",
    );
    assert_error(&with(&["+ 1", "> Why."]), 11, "2 to 5 choices");
}

#[test]
fn a_block_that_raises_cannot_be_typed() {
    assert_error(
        &description(&[
            "```py predict raises=ZeroDivisionError",
            "1 / 0",
            "```",
            "```predict",
            "> Division by zero.",
            "```",
        ]),
        11,
        "a traceback cannot be typed",
    );
}

#[test]
fn exercise_code_cannot_be_predicted() {
    let blocks = parse_ok(&description(&["```py", "print(1)", "```"])).0.body;
    assert!(matches!(&blocks[..], [Block::Code(block)] if block.predict.is_none()));
}
