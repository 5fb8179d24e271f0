//! The `# --questions--` section: multiple-choice questions.
//!
//! ```text
//! ## --text--          the question (Markdown)
//! ## --answers--       answers separated by `---` lines, each optionally
//!                      followed by `### --feedback--` and its Markdown
//! ## --video-solution--
//! 2                    1-based number of the right answer
//! ```
//! repeated for each question.

use crate::chunk::{Chunk, Marked};
use crate::error::Diagnostics;
use crate::markdown::render;
use crate::model::{Answer, Block, Question, Quiz};

/// The markers a question is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Text,
    Answers,
    Solution,
}

impl Part {
    fn from_name(name: &str) -> Option<Self> {
        match name {
            "text" => Some(Part::Text),
            "answers" => Some(Part::Answers),
            "video-solution" => Some(Part::Solution),
            _ => None,
        }
    }
}

/// The markers of one question, gathered before they are parsed.
#[derive(Debug, Default)]
struct Parts<'a> {
    /// Line of the question's first marker.
    line: usize,
    text: Option<Marked<'a>>,
    answers: Option<Marked<'a>>,
    solution: Option<Marked<'a>>,
}

impl<'a> Parts<'a> {
    fn slot(&mut self, part: Part) -> &mut Option<Marked<'a>> {
        match part {
            Part::Text => &mut self.text,
            Part::Answers => &mut self.answers,
            Part::Solution => &mut self.solution,
        }
    }
}

/// Parses the `# --questions--` section; `None` after reporting errors.
///
/// A question starts at each `## --text--`, and also at a marker its
/// question already has (so a forgotten `## --text--` is reported once).
pub(crate) fn parse(section: Marked<'_>, diags: &mut Diagnostics) -> Option<Quiz> {
    let (preamble, markers) = section.body.split_markers(2);
    if !preamble.is_blank() {
        diags.error(
            preamble.first_content_line(),
            "text before the first `## --text--`",
        );
    }
    let mut questions: Vec<Parts<'_>> = Vec::new();
    for marked in markers {
        let Some(part) = Part::from_name(marked.name) else {
            diags.error(
                marked.line,
                format!(
                    "unknown marker `## --{}--` in `# --questions--`",
                    marked.name
                ),
            );
            continue;
        };
        let starts_new = part == Part::Text
            || questions
                .last_mut()
                .is_none_or(|parts| parts.slot(part).is_some());
        if starts_new {
            questions.push(Parts {
                line: marked.line,
                ..Parts::default()
            });
        }
        if let Some(parts) = questions.last_mut() {
            *parts.slot(part) = Some(marked);
        }
    }
    if questions.is_empty() {
        diags.error(section.line, "`# --questions--` has no questions");
        return None;
    }
    let questions: Vec<Option<Question>> = questions
        .into_iter()
        .map(|parts| question(parts, diags))
        .collect();
    Some(Quiz {
        questions: questions.into_iter().collect::<Option<_>>()?,
    })
}

/// Renders a chunk that must not be blank, reporting `missing` at `line` if it is.
fn required(
    chunk: Chunk<'_>,
    line: usize,
    missing: &str,
    diags: &mut Diagnostics,
) -> Option<Vec<Block>> {
    let blocks = render(chunk, diags);
    if blocks.is_empty() {
        diags.error(line, missing);
        return None;
    }
    Some(blocks)
}

fn question(parts: Parts<'_>, diags: &mut Diagnostics) -> Option<Question> {
    let text = match parts.text {
        Some(text) => required(text.body, text.line, "question without text", diags),
        None => {
            diags.error(parts.line, "question without text (`## --text--`)");
            None
        }
    };
    let answers = match parts.answers {
        Some(marked) => answers(marked, diags),
        None => {
            diags.error(parts.line, "question has no answers (`## --answers--`)");
            None
        }
    };
    let correct = match parts.solution {
        Some(marked) => correct(marked, answers.as_ref().map(Vec::len), diags),
        None => {
            diags.error(
                parts.line,
                "question has no `## --video-solution--` (the number of the right answer)",
            );
            None
        }
    };
    Some(Question {
        text: text?,
        answers: answers?,
        correct: correct?,
    })
}

/// The answers of an `## --answers--` marker; `None` after reporting errors.
fn answers(marked: Marked<'_>, diags: &mut Diagnostics) -> Option<Vec<Answer>> {
    if marked.body.is_blank() {
        diags.error(marked.line, "question has no answers");
        return None;
    }
    let answers: Vec<Option<Answer>> = marked
        .body
        .split_separators()
        .into_iter()
        .map(|part| answer(part, diags))
        .collect();
    answers.into_iter().collect()
}

/// One answer: Markdown, then optionally `### --feedback--` and more Markdown.
fn answer(part: Chunk<'_>, diags: &mut Diagnostics) -> Option<Answer> {
    let (text, markers) = part.split_markers(3);
    let text = required(text, part.first_content_line(), "empty answer", diags);
    let mut feedback = None;
    for marked in markers {
        if marked.name != "feedback" {
            diags.error(
                marked.line,
                format!("unknown marker `### --{}--` in an answer", marked.name),
            );
        } else if feedback.is_some() {
            diags.error(marked.line, "answer has two `### --feedback--` markers");
        } else {
            feedback = Some(marked);
        }
    }
    let feedback = match feedback {
        Some(marked) => Some(required(marked.body, marked.line, "empty feedback", diags)?),
        None => None,
    };
    Some(Answer {
        text: text?,
        feedback,
    })
}

/// The 0-based index of the right answer from `## --video-solution--`, given
/// the number of answers if they parsed.
fn correct(marked: Marked<'_>, answers: Option<usize>, diags: &mut Diagnostics) -> Option<usize> {
    let value = marked.body.text.trim();
    if value.is_empty() {
        diags.error(
            marked.line,
            "`## --video-solution--` is empty: give the number of the right answer",
        );
        return None;
    }
    let line = marked.body.first_content_line();
    let Ok(number) = value.parse::<usize>() else {
        diags.error(
            line,
            format!(
                "`## --video-solution--` must be the number of the right answer, not `{value}`"
            ),
        );
        return None;
    };
    let count = answers?;
    if number == 0 || number > count {
        diags.error(
            line,
            format!(
                "`## --video-solution--` is {number} but the question has {count} answer{}",
                if count == 1 { "" } else { "s" }
            ),
        );
        return None;
    }
    Some(number - 1)
}
