//! Tests of the course parser, one module per part of the format.
//!
//! Most tests build a lesson from a list of lines with [`lesson`], which puts
//! a five-line front matter before them: the first body line is line 6.

mod course;
mod exercise;
mod frontmatter;
mod markdown;
mod predict;
mod quiz;
mod sections;

use std::path::PathBuf;

use pylings_course::{parse_lesson, Block, CodeBlock, Lesson, Warning};

/// The name every inline test lesson is parsed under.
const FILE: &str = "lesson.md";

/// A lesson file: a valid front matter (lines 1 to 5), then `body` one line
/// per item, so `body[i]` is on line `6 + i`.
fn lesson(body: &[&str]) -> String {
    let mut text =
        String::from("---\nid: test-lesson\ntitle: Test lesson\ndashedName: test-lesson\n---\n");
    for line in body {
        text.push_str(line);
        text.push('\n');
    }
    text
}

/// Parses `text`, which must be valid.
fn parse_ok(text: &str) -> (Lesson, Vec<Warning>) {
    match parse_lesson(FILE, text) {
        Ok(parsed) => parsed,
        Err(errors) => panic!("unexpected errors:\n{}", lines(&errors)),
    }
}

/// Parses `text`, which must fail, and returns the errors as displayed.
fn errors(text: &str) -> Vec<String> {
    match parse_lesson(FILE, text) {
        Ok((lesson, _)) => panic!("expected errors, parsed {lesson:#?}"),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

/// Asserts that parsing `text` fails with exactly one error, at `line` (0
/// for the whole file), whose message contains `message`.
fn assert_error(text: &str, line: usize, message: &str) {
    let errors = errors(text);
    let prefix = match line {
        0 => format!("{FILE}: "),
        line => format!("{FILE}:{line}: "),
    };
    assert!(
        errors.len() == 1 && errors[0].starts_with(&prefix) && errors[0].contains(message),
        "expected one error `{prefix}…{message}…`, got:\n{}",
        errors.join("\n")
    );
}

/// Displays items one per line, for failure messages.
fn lines<T: ToString>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The path of a fixture file or directory.
fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The text of a fixture file.
fn read_fixture(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).expect("fixture exists")
}

/// The HTML of blocks that must all be HTML, concatenated.
fn html(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(|block| match block {
            Block::Html(html) => html.as_str(),
            Block::Code(code) => panic!("expected only HTML, found {code:?}"),
        })
        .collect()
}

/// The code blocks among `blocks`.
fn code(blocks: &[Block]) -> Vec<&CodeBlock> {
    blocks.iter().filter_map(Block::as_code).collect()
}
