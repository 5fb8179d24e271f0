//! One lesson file: front matter, then `# --name--` sections.

use crate::codeblock::stdin_lines;
use crate::error::{ContentError, Diagnostics, Warning};
use crate::frontmatter::{self, Fields};
use crate::markdown::render;
use crate::model::Lesson;
use crate::sections::{self, Section};
use crate::{exercise, quiz};

/// Seconds a lesson's checks may run when the front matter gives no `timeLimit`.
const DEFAULT_TIME_LIMIT_SECONDS: u32 = 5;

/// Lines of the front matter keys that must be unique across the course.
#[derive(Debug, Clone, Copy)]
pub(crate) struct KeyLines {
    pub(crate) id: usize,
    pub(crate) slug: usize,
}

/// Parses one lesson file.
///
/// `source` names the file in messages (and becomes [`Lesson::source`]);
/// `text` is its content. Returns the lesson and its warnings, or every
/// error found in the file, each with its 1-based line. Never panics.
///
/// Uniqueness of ids and slugs is a course-wide rule checked by
/// [`load_course`](crate::load_course), not here.
pub fn parse_lesson(source: &str, text: &str) -> Result<(Lesson, Vec<Warning>), Vec<ContentError>> {
    let mut diags = Diagnostics::new(source);
    let lesson = parse(source, text, &mut diags).map(|(lesson, _)| lesson);
    diags.finish(lesson)
}

/// The front matter of a lesson.
#[derive(Debug)]
struct Meta {
    id: String,
    title: String,
    slug: String,
    challenge_type: Option<u32>,
    summary: Option<String>,
    minutes: Option<u32>,
    time_limit_seconds: u32,
    stdin: Option<String>,
    lines: KeyLines,
}

/// Reads the lesson fields; `None` if a required one is missing or bad.
fn meta(mut fields: Fields<'_>, diags: &mut Diagnostics) -> Option<Meta> {
    let lines = KeyLines {
        id: fields.line_of("id"),
        slug: fields.line_of("dashedName"),
    };
    let id = fields.required_string("id", diags);
    let title = fields.required_string("title", diags);
    let slug = fields.required_string("dashedName", diags);
    let challenge_type = fields.number("challengeType", diags);
    let summary = fields.string("summary", diags);
    let minutes = fields.number("minutes", diags);
    let time_limit = fields.number("timeLimit", diags);
    if time_limit == Some(0) {
        diags.error(
            fields.line_of("timeLimit"),
            "front matter `timeLimit` must be at least 1 second",
        );
    }
    let stdin = fields
        .string("stdin", diags)
        .map(|lines| stdin_lines(&lines));
    fields.warn_unknown(diags);
    Some(Meta {
        id: id?,
        title: title?,
        slug: slug?,
        challenge_type,
        summary,
        minutes,
        time_limit_seconds: time_limit.unwrap_or(DEFAULT_TIME_LIMIT_SECONDS),
        stdin,
        lines,
    })
}

/// Parses a lesson whose problems go to `diags`, also returning the lines of
/// its `id` and `dashedName` keys; `None` if there were errors.
///
/// Every part is checked even when an earlier one failed, so that all the
/// errors of the file are reported at once.
pub(crate) fn parse(
    source: &str,
    text: &str,
    diags: &mut Diagnostics,
) -> Option<(Lesson, KeyLines)> {
    let (fields, body) = frontmatter::parse(text, diags);
    let has_front_matter = fields.is_some();
    let meta = fields.and_then(|fields| meta(fields, diags));
    let sections = sections::split(body, diags);

    let mut blocks = Vec::new();
    for (section, marked) in sections.iter() {
        if matches!(section, Section::Description | Section::Transcript) {
            blocks.extend(render(marked.body, diags));
        }
    }
    let quiz = sections
        .get(Section::Questions)
        .map(|marked| quiz::parse(marked, diags));
    let is_exercise = sections.iter().any(|(section, _)| section.is_exercise());
    let time_limit = meta
        .as_ref()
        .map_or(DEFAULT_TIME_LIMIT_SECONDS, |meta| meta.time_limit_seconds);
    let stdin = meta.as_ref().and_then(|meta| meta.stdin.clone());
    let exercise = is_exercise.then(|| exercise::parse(&sections, time_limit, stdin, diags));
    if has_front_matter && blocks.is_empty() && quiz.is_none() && exercise.is_none() {
        diags.error(
            0,
            "lesson has no content: add `# --description--`, `# --questions--` or an exercise",
        );
    }

    let meta = meta?;
    let lesson = Lesson {
        id: meta.id,
        title: meta.title,
        slug: meta.slug,
        challenge_type: meta.challenge_type,
        summary: meta.summary,
        minutes: meta.minutes,
        source: source.to_owned(),
        body: blocks,
        quiz: match quiz {
            Some(quiz) => Some(quiz?),
            None => None,
        },
        exercise: match exercise {
            Some(exercise) => Some(exercise?),
            None => None,
        },
    };
    Some((lesson, meta.lines))
}
