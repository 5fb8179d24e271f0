//! The embed API's messages, as documented in `docs/embedding.md`: every message is
//! `{"source": "pylings", "version": 1, "type": …, "payload": …}`. Parsing is strict: anything
//! that is not exactly a known command of this version is ignored.

use serde_json::{json, Map, Value};

/// The `source` field of every message.
pub const SOURCE: &str = "pylings";
/// The version of the API this build speaks.
pub const VERSION: u64 = 1;

/// A command from the host page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Replace the code in the embed's editor (never runs it).
    SetCode { code: String },
    /// Run the editor's code, as the Run button does.
    Run,
    /// Ask for the lesson's progress record (answered with a `progress` event; refused unless
    /// the host's origin was named in the embed URL).
    GetProgress,
    /// Switch between light and dark, or back to the reader's system setting.
    SetTheme { theme: Theme },
}

/// A colour theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    /// Follow `prefers-color-scheme`.
    Auto,
}

impl Theme {
    /// The value of the `data-theme` attribute on `<html>`; `None` for [`Theme::Auto`].
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
            Theme::Auto => None,
        }
    }
}

/// An event for the host page.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The embed has rendered: `view` is `lesson`, `exercise`, `quiz` or `editor`.
    Ready {
        view: &'static str,
        lesson: Option<String>,
    },
    /// The content's height changed, in CSS pixels.
    Resize { height: f64 },
    /// A run finished: `status` is `ok`, `error` or `stopped`; `error` is the exception type.
    Run {
        status: &'static str,
        error: Option<String>,
    },
    /// A quiz question was checked (0-based `question`).
    QuizAnswered {
        lesson: String,
        question: usize,
        correct: bool,
    },
    /// The exercise passed every check.
    ExercisePassed { lesson: String },
    /// The lesson's progress record (the JSON of the progress store's lesson record).
    Progress { lesson: String, record: Value },
}

impl Event {
    /// True for events that carry the learner's progress: sent only to named origins.
    pub fn is_private(&self) -> bool {
        matches!(self, Event::Progress { .. })
    }

    /// The message as posted.
    pub fn to_message(&self) -> Value {
        let (kind, payload) = match self {
            Event::Ready { view, lesson } => ("ready", json!({ "view": view, "lesson": lesson })),
            Event::Resize { height } => ("resize", json!({ "height": height })),
            Event::Run { status, error } => ("run", json!({ "status": status, "error": error })),
            Event::QuizAnswered {
                lesson,
                question,
                correct,
            } => (
                "quiz-answered",
                json!({ "lesson": lesson, "question": question, "correct": correct }),
            ),
            Event::ExercisePassed { lesson } => ("exercise-passed", json!({ "lesson": lesson })),
            Event::Progress { lesson, record } => {
                ("progress", json!({ "lesson": lesson, "record": record }))
            }
        };
        json!({ "source": SOURCE, "version": VERSION, "type": kind, "payload": payload })
    }
}

/// The command in `message`, or `None` for anything else: another source or version, an
/// unknown type, a missing or mistyped payload field, or extra junk in place of an object.
pub fn parse_command(message: &Value) -> Option<Command> {
    let message = message.as_object()?;
    if message.get("source")?.as_str()? != SOURCE || message.get("version")?.as_u64()? != VERSION {
        return None;
    }
    let empty = Map::new();
    let payload = match message.get("payload") {
        None | Some(Value::Null) => &empty,
        Some(value) => value.as_object()?,
    };
    match message.get("type")?.as_str()? {
        "set-code" => Some(Command::SetCode {
            code: payload.get("code")?.as_str()?.to_owned(),
        }),
        "run" => Some(Command::Run),
        "get-progress" => Some(Command::GetProgress),
        "set-theme" => Some(Command::SetTheme {
            theme: match payload.get("theme")?.as_str()? {
                "light" => Theme::Light,
                "dark" => Theme::Dark,
                "auto" => Theme::Auto,
                _ => return None,
            },
        }),
        _ => None,
    }
}

/// The origins named by `parent` query values (each may hold several, comma-separated):
/// `scheme://host[:port]` of each valid http(s) URL, without path; invalid ones are dropped.
pub fn parent_origins<'a>(values: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut origins: Vec<String> = values
        .into_iter()
        .flat_map(|value| value.split(','))
        .filter_map(|value| origin_of(value.trim()))
        .collect();
    origins.dedup();
    origins
}

fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?.to_ascii_lowercase();
    let valid = !authority.is_empty()
        && !authority.contains('@')
        && authority
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    valid.then(|| format!("{scheme}://{authority}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(kind: &str, payload: Value) -> Value {
        json!({ "source": "pylings", "version": 1, "type": kind, "payload": payload })
    }

    #[test]
    fn known_commands_parse() {
        assert_eq!(
            parse_command(&message("set-code", json!({ "code": "print(1)" }))),
            Some(Command::SetCode {
                code: "print(1)".into()
            })
        );
        assert_eq!(
            parse_command(&message("run", Value::Null)),
            Some(Command::Run)
        );
        assert_eq!(
            parse_command(&message("get-progress", json!({}))),
            Some(Command::GetProgress)
        );
        assert_eq!(
            parse_command(&message("set-theme", json!({ "theme": "dark" }))),
            Some(Command::SetTheme { theme: Theme::Dark })
        );
    }

    #[test]
    fn anything_else_is_ignored() {
        for junk in [
            json!("run"),
            json!(null),
            json!({ "source": "other", "version": 1, "type": "run" }),
            json!({ "source": "pylings", "version": 2, "type": "run" }),
            json!({ "source": "pylings", "version": 1, "type": "eval" }),
            message("set-code", json!({ "code": 5 })),
            message("set-code", json!({})),
            message("set-theme", json!({ "theme": "neon" })),
            message("run", json!([1])),
        ] {
            assert_eq!(parse_command(&junk), None, "{junk}");
        }
    }

    #[test]
    fn events_have_the_envelope() {
        let event = Event::QuizAnswered {
            lesson: "loops".into(),
            question: 2,
            correct: true,
        };
        assert_eq!(
            event.to_message(),
            json!({ "source": "pylings", "version": 1, "type": "quiz-answered",
                    "payload": { "lesson": "loops", "question": 2, "correct": true } })
        );
        assert!(!event.is_private());
        assert!(Event::Progress {
            lesson: "x".into(),
            record: json!({})
        }
        .is_private());
    }

    #[test]
    fn parent_origins_are_normalised_and_filtered() {
        assert_eq!(
            parent_origins([
                "https://Course.example/unit/1?x=y, http://localhost:8080",
                "javascript:alert(1)",
                "https://a@b.example"
            ]),
            ["https://course.example", "http://localhost:8080"]
        );
        assert!(parent_origins(["", "ftp://x.example", "https://"]).is_empty());
    }
}
