//! The course model: what the parser produces and the site renders.
//!
//! Every type is plain data (serde round-trippable) so that a build script can
//! parse the course once and embed it as JSON.

use serde::{Deserialize, Serialize};

/// A whole course: its chapters in order (by the `NN-` prefix of their directories).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Course {
    /// Chapters in course order.
    pub chapters: Vec<Chapter>,
}

impl Course {
    /// Every lesson of the course in order, each with the chapter it belongs to.
    pub fn lessons(&self) -> impl Iterator<Item = (&Chapter, &Lesson)> {
        self.chapters
            .iter()
            .flat_map(|chapter| chapter.lessons.iter().map(move |lesson| (chapter, lesson)))
    }
}

/// A chapter: one `content/NN-slug/` directory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chapter {
    /// The directory name without its `NN-` prefix, e.g. `getting-started`.
    pub slug: String,
    /// `title` from `_chapter.md`.
    pub title: String,
    /// `summary` from `_chapter.md`: one or two plain-text sentences.
    pub summary: String,
    /// Lessons in order (by the `NN-` prefix of their file names).
    pub lessons: Vec<Lesson>,
}

/// One lesson file: a lecture (body and quiz), an exercise, or both.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lesson {
    /// Front matter `id`, unique across the course.
    pub id: String,
    /// Front matter `title`.
    pub title: String,
    /// Front matter `dashedName`, unique across the course; used in URLs.
    pub slug: String,
    /// Front matter `challengeType` (freeCodeCamp's numeric lesson kind), if given.
    pub challenge_type: Option<u32>,
    /// Front matter `summary`, plain text, if given.
    pub summary: Option<String>,
    /// Front matter `minutes`: estimated time to complete the lesson, in minutes.
    pub minutes: Option<u32>,
    /// Path of the lesson file relative to the content directory (with `/`
    /// separators), e.g. `01-getting-started/01-what-is-python.md`; for messages.
    pub source: String,
    /// The `# --description--` and `# --transcript--` sections, rendered, in file order.
    pub body: Vec<Block>,
    /// The `# --questions--` section, if any.
    pub quiz: Option<Quiz>,
    /// Present when the lesson has any of the `instructions`, `seed`, `hints`
    /// or `solutions` sections.
    pub exercise: Option<Exercise>,
}

impl Lesson {
    /// Every code block anywhere in the lesson's Markdown, in this order: body,
    /// then for each question its text and each answer's text and feedback,
    /// then the exercise instructions and the text of each check.
    ///
    /// Seed, solution and check code are not [`CodeBlock`]s and are not included.
    pub fn code_blocks(&self) -> impl Iterator<Item = &CodeBlock> {
        let quiz = self
            .quiz
            .iter()
            .flat_map(|quiz| &quiz.questions)
            .flat_map(|question| {
                let answers = question.answers.iter().flat_map(|answer| {
                    std::iter::once(answer.text.as_slice()).chain(answer.feedback.as_deref())
                });
                std::iter::once(question.text.as_slice()).chain(answers)
            });
        let exercise = self.exercise.iter().flat_map(|exercise| {
            std::iter::once(exercise.instructions.as_slice())
                .chain(exercise.checks.iter().map(|check| check.text.as_slice()))
        });
        std::iter::once(self.body.as_slice())
            .chain(quiz)
            .chain(exercise)
            .flatten()
            .filter_map(Block::as_code)
    }

    /// The same code blocks as [`Lesson::code_blocks`], mutably (the build adds highlighting).
    pub fn code_blocks_mut(&mut self) -> impl Iterator<Item = &mut CodeBlock> {
        let quiz = self
            .quiz
            .iter_mut()
            .flat_map(|quiz| &mut quiz.questions)
            .flat_map(|question| {
                let answers = question.answers.iter_mut().flat_map(|answer| {
                    std::iter::once(answer.text.as_mut_slice())
                        .chain(answer.feedback.as_deref_mut())
                });
                std::iter::once(question.text.as_mut_slice()).chain(answers)
            });
        let exercise = self.exercise.iter_mut().flat_map(|exercise| {
            std::iter::once(exercise.instructions.as_mut_slice()).chain(
                exercise
                    .checks
                    .iter_mut()
                    .map(|check| check.text.as_mut_slice()),
            )
        });
        std::iter::once(self.body.as_mut_slice())
            .chain(quiz)
            .chain(exercise)
            .flatten()
            .filter_map(Block::as_code_mut)
    }
}

/// A piece of rendered Markdown. Rendered text is split at top-level fenced
/// code blocks so the site can make Python examples runnable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Block {
    /// Safe HTML: raw HTML from the source is escaped, never passed through.
    Html(String),
    /// A code block, display-only or runnable.
    Code(CodeBlock),
}

impl Block {
    /// The code block, if this is one.
    pub fn as_code(&self) -> Option<&CodeBlock> {
        match self {
            Block::Code(code) => Some(code),
            Block::Html(_) => None,
        }
    }

    /// The code block, mutably, if this is one.
    pub fn as_code_mut(&mut self) -> Option<&mut CodeBlock> {
        match self {
            Block::Code(code) => Some(code),
            Block::Html(_) => None,
        }
    }
}

/// A code block from the Markdown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CodeBlock {
    /// First word of the fence's info string, e.g. `py` or `text`; empty for
    /// a fence without one and for indented code blocks.
    pub language: String,
    /// The code, each line ending in `\n`.
    pub code: String,
    /// True for `py` and `python` blocks: the site offers to run them.
    pub runnable: bool,
    /// From the `raises=Name` attribute: the example must end with this exception.
    pub raises: Option<String>,
    /// From the `stdin=a|b` attribute: the lines fed to `input()`, each
    /// terminated by `\n` (`"a\nb\n"`).
    pub stdin: Option<String>,
    /// From the `differs=reason` attribute: the example's output intentionally differs from
    /// CPython's (the reason, e.g. `memory-address`), so the course test does not compare it.
    pub differs: Option<String>,
    /// From the `predict` attribute and the ```` ```predict ```` fence after the block: the
    /// learner predicts the output before the block runs.
    #[serde(default)]
    pub predict: Option<Box<Prediction>>,
    /// From the `visualise` attribute: the block is worth stepping through, and the site offers
    /// "Visualise this" (the course test checks it records within the visualiser's limits).
    #[serde(default)]
    pub visualise: bool,
    /// 1-based line of the opening fence in the source file.
    pub line: usize,
    /// The code as HTML with `<span class="hl-…">` tokens, added at build time by the app's
    /// `build.rs`; `None` when not highlighted (then the plain `code` is shown).
    #[serde(default)]
    pub highlighted: Option<String>,
}

/// A "predict, then run" question about a runnable code block: the learner picks (or types)
/// what the block will print, then it runs and the explanation is shown.
///
/// Written as a ```` ```py predict ```` block directly followed by a ```` ```predict ```` fence
/// whose lines are `- wrong choice`, `+ right choice` and `> explanation` (see the README's
/// lesson format).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prediction {
    /// Names this prediction in the learner's progress: [`Prediction::id_of`] its block's code,
    /// so an answer stays with its block when the lesson around it changes, and a block whose
    /// code changes asks again.
    pub id: String,
    /// The choices in file order, each the exact text of the output (lines joined by `\n`,
    /// written `\n` in the file); empty when the learner types the output instead.
    pub choices: Vec<String>,
    /// 0-based index into `choices` of the right one; `None` when the learner types.
    pub correct: Option<usize>,
    /// The explanation shown once the learner has answered, rendered; never empty.
    pub explanation: Vec<Block>,
}

impl Prediction {
    /// `text` as predictions are compared: trailing whitespace off every line, blank lines at
    /// the end dropped, line endings `\n`.
    pub fn normalise(text: &str) -> String {
        let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
        let end = lines
            .iter()
            .rposition(|l| !l.is_empty())
            .map_or(0, |i| i + 1);
        lines[..end].join("\n")
    }

    /// The [`Prediction::id`] of a block with this `code`: 16 hex digits of its 64-bit FNV-1a
    /// hash. Written out here because the id must never change between builds or Rust versions,
    /// which std's hasher does not promise, and FNV-1a is five lines.
    pub fn id_of(code: &str) -> String {
        let hash = code.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
        });
        format!("{hash:016x}")
    }

    /// Whether `typed` (the learner's own words) matches `stdout`, after [`Self::normalise`].
    pub fn matches(typed: &str, stdout: &str) -> bool {
        Self::normalise(typed) == Self::normalise(stdout)
    }
}

/// The questions of a lecture.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quiz {
    /// Questions in file order; never empty.
    pub questions: Vec<Question>,
}

/// A multiple-choice question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// The question, rendered; never empty.
    pub text: Vec<Block>,
    /// The possible answers in file order; never empty.
    pub answers: Vec<Answer>,
    /// 0-based index into `answers` of the right answer.
    pub correct: usize,
}

/// One possible answer to a question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// The answer, rendered.
    pub text: Vec<Block>,
    /// Shown when the learner picks this answer, if given (usually on wrong answers).
    pub feedback: Option<Vec<Block>>,
}

/// A coding exercise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exercise {
    /// The `# --instructions--` section, rendered; empty if the section is absent.
    pub instructions: Vec<Block>,
    /// The starter code shown in the editor.
    pub seed: String,
    /// The reference solution: the first code block of `# --solutions--`.
    pub solution: String,
    /// The checks from `# --hints--` (freeCodeCamp's name for tests), in file order; never empty.
    pub checks: Vec<Check>,
    /// The hints from `# --tips--`, rendered, in file order: revealed to the learner one at a
    /// time, from a nudge to nearly the answer. Separated by `---` lines in the file.
    #[serde(default)]
    pub hints: Vec<Vec<Block>>,
    /// Deliberately wrong programs from `# --wrong-solutions--`, separated by `---` lines: the
    /// course test proves every check fails for at least one of them. Never shown to learners
    /// (the app's build empties this before embedding the course).
    #[serde(default)]
    pub wrong_solutions: Vec<String>,
    /// Front matter `stdin` (`a|b`): what `input()` reads when the checks run the program,
    /// each line terminated by `\n`; `None` for no input.
    #[serde(default)]
    pub stdin: Option<String>,
    /// Front matter `timeLimit`: how long the checks may run, in seconds (default 5).
    pub time_limit_seconds: u32,
}

/// One check of an exercise: a hint shown to the learner and the code that tests it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Check {
    /// The hint, rendered: what the learner sees when the check fails.
    pub text: Vec<Block>,
    /// The check's code.
    pub code: String,
    /// The language of `code`.
    pub language: CheckLanguage,
    /// 1-based line of the check's opening fence in the source file.
    pub line: usize,
}

/// The language a check is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CheckLanguage {
    /// A ```` ```py ```` block: runs in the learner's Python after their code.
    Python,
    /// A ```` ```js ```` block, as in freeCodeCamp's curriculum: kept, but the
    /// site cannot run it (the parser warns).
    JavaScript,
}
