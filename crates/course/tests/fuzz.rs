//! `parse_lesson` never panics: on arbitrary text, on lines of format
//! fragments, and on mutations of a valid lesson that uses every section.

use proptest::prelude::*;
use proptest::sample::Index;
use pylings_course::{parse_lesson, ContentError, Lesson};

/// Lines that exercise the parser's structure: markers, fences, separators.
const FRAGMENTS: &[&str] = &[
    "---",
    "...",
    "id: x",
    "title: X",
    "dashedName: x",
    "timeLimit: 0",
    "minutes: [",
    "# --description--",
    "# --transcript--",
    "# --instructions--",
    "# --hints--",
    "# --seed--",
    "# --solutions--",
    "# --questions--",
    "# --unknown--",
    "# Heading",
    "Heading",
    "=====",
    "## --text--",
    "## --answers--",
    "## --video-solution--",
    "## --seed-contents--",
    "### --feedback--",
    "```py",
    "```python raises=ValueError stdin=a|b",
    "```py raises=",
    "```js",
    "```text",
    "```",
    "~~~",
    "    ```",
    "   ~~~~ py",
    "````",
    "1",
    "0",
    "99999999999999999999999",
    "",
    "   ",
    "- item",
    "> quote",
    "    indented code",
    "<script>alert(1)</script>",
    "[link](javascript:alert(1))",
    "[link](https://example.com)",
    "| a | b |",
    "| - | - |",
    "\u{feff}---",
    "text\r",
    "é # ü",
];

/// A lesson with every section: the exercise fixture plus the lecture's questions.
fn valid_lesson() -> String {
    let exercise = include_str!("fixtures/exercise.md");
    let lecture = include_str!("fixtures/lecture.md");
    let questions = lecture
        .find("# --questions--")
        .map_or("", |start| &lecture[start..]);
    format!("{exercise}\n{questions}")
}

/// Parses `text` and checks what a caller relies on besides not panicking.
fn check(text: &str) -> Result<(), TestCaseError> {
    let lines = text.split('\n').count();
    let at_valid_line = |error: &ContentError| error.line <= lines;
    match parse_lesson("fuzz.md", text) {
        Ok((lesson, _)) => check_lesson(&lesson),
        Err(errors) => {
            prop_assert!(!errors.is_empty());
            prop_assert!(errors.iter().all(at_valid_line), "{errors:?}");
            Ok(())
        }
    }
}

/// The promises of the model that a parsed lesson must keep.
fn check_lesson(lesson: &Lesson) -> Result<(), TestCaseError> {
    for question in lesson.quiz.iter().flat_map(|quiz| &quiz.questions) {
        prop_assert!(question.correct < question.answers.len());
        prop_assert!(!question.text.is_empty());
    }
    if let Some(exercise) = &lesson.exercise {
        prop_assert!(!exercise.checks.is_empty());
        prop_assert!(exercise.time_limit_seconds > 0);
    }
    Ok(())
}

/// One edit of a lesson's lines.
#[derive(Debug, Clone)]
enum Edit {
    Delete(Index),
    Duplicate(Index),
    Insert(Index, &'static str),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<Index>().prop_map(Edit::Delete),
        any::<Index>().prop_map(Edit::Duplicate),
        (any::<Index>(), proptest::sample::select(FRAGMENTS))
            .prop_map(|(at, line)| Edit::Insert(at, line)),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut lines: Vec<&str> = text.split('\n').collect();
    for edit in edits {
        match *edit {
            Edit::Delete(at) if !lines.is_empty() => {
                lines.remove(at.index(lines.len()));
            }
            Edit::Duplicate(at) if !lines.is_empty() => {
                let at = at.index(lines.len());
                lines.insert(at, lines[at]);
            }
            Edit::Insert(at, line) => lines.insert(at.index(lines.len() + 1), line),
            _ => {}
        }
    }
    lines.join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn fragment_soup_never_panics(lines in proptest::collection::vec(proptest::sample::select(FRAGMENTS), 0..60)) {
        check(&lines.join("\n"))?;
    }

    #[test]
    fn mutated_lesson_never_panics(edits in proptest::collection::vec(edit(), 1..8)) {
        check(&apply(&valid_lesson(), &edits))?;
    }
}

#[test]
fn the_unmutated_lesson_is_valid() {
    let text = valid_lesson();
    let (lesson, warnings) =
        parse_lesson("fuzz.md", &text).expect("the base of the mutations parses");
    assert!(warnings.is_empty());
    assert!(lesson.quiz.is_some() && lesson.exercise.is_some());
}
