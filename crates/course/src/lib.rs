//! The Pylings course: its model and the parser for its content.
//!
//! Lessons are Markdown files in freeCodeCamp's curriculum dialect: YAML
//! front matter, then sections that start with `# --name--` lines. See
//! [`load_course`] for the directory layout, [`parse_lesson`] for one file,
//! and the [`model`](Course) types for what comes out. The crate has no web
//! dependencies: the site's build script parses the course and embeds it.

#![warn(missing_docs)]

mod chunk;
mod codeblock;
mod course;
mod error;
mod exercise;
mod frontmatter;
mod lesson;
mod lint;
mod markdown;
mod model;
mod predict;
mod quiz;
mod sections;

pub use course::{load_course, parse_chapter_meta, ChapterMeta};
pub use error::{ContentError, Warning};
pub use lesson::parse_lesson;
pub use lint::lint_quizzes;
pub use model::{
    Answer, Block, Chapter, Check, CheckLanguage, CodeBlock, Course, Exercise, Lesson, Prediction,
    Question, Quiz,
};
