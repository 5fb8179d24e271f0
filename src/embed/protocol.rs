//! The embed API's messages, as documented in `docs/embedding.md`: every message is
//! `{"source": "pylings", "version": 1, "type": …, "payload": …}`, which serde's adjacently
//! tagged enums give (`type` the variant, `payload` its fields). Parsing is strict: anything
//! that is not exactly a known command of this version is ignored.

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::progress::model::LessonRecord;

/// The `source` field of every message.
pub const SOURCE: &str = "pylings";
/// The version of the API this build speaks.
pub const VERSION: u64 = 1;

/// A command from the host page.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(tag = "type", content = "payload", rename_all = "kebab-case")]
pub enum Command {
    /// Replace the code in the embed's editor (never runs it).
    SetCode { code: String },
    /// Run the editor's code, as the Run button does.
    Run {},
    /// Step through the editor's code in the visualiser, as the Visualise button does.
    Visualise {},
    /// Ask for the lesson's progress record (answered with a `progress` event; refused unless
    /// the host's origin was named in the embed URL).
    GetProgress {},
    /// Switch between light and dark, or back to the reader's system setting.
    SetTheme { theme: Theme },
}

/// A colour theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
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

/// What an embed page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    /// A lesson's text, its exercise and its quiz.
    Lesson,
    Exercise,
    Quiz,
    /// A bare editor.
    Editor,
}

/// How a run of the embed's editor ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RunStatus {
    /// The program ran to its end.
    Ok,
    /// It failed: an exception, the time limit, a crash, or Python unavailable.
    Error,
    /// The learner stopped it.
    Stopped,
}

/// An event for the host page.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", content = "payload", rename_all = "kebab-case")]
pub enum Event {
    /// The embed has rendered.
    Ready { view: View, lesson: Option<String> },
    /// The content's height changed, in CSS pixels.
    Resize { height: f64 },
    /// A run finished; `error` names the failure (the exception's type, `TimeLimit`,
    /// `MemoryError`, `Crash`, `Unavailable`), `None` when it ran to its end or was stopped.
    Run {
        status: RunStatus,
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
    /// The lesson's progress record, `None` (null) before the learner did anything in it.
    Progress {
        lesson: String,
        record: Option<LessonRecord>,
    },
}

/// A message as posted: the envelope's fields beside the event's `type` and `payload`.
#[derive(Serialize)]
struct Envelope<'a> {
    source: &'static str,
    version: u64,
    #[serde(flatten)]
    event: &'a Event,
}

impl Event {
    /// True for events that carry the learner's progress: sent only to named origins.
    pub fn is_private(&self) -> bool {
        matches!(self, Event::Progress { .. })
    }

    /// The message as posted.
    pub fn to_message(&self) -> Value {
        serde_json::to_value(Envelope {
            source: SOURCE,
            version: VERSION,
            event: self,
        })
        .expect("events serialise")
    }
}

/// The command in `message`, or `None` for anything else: another source or version, an
/// unknown type, a missing or mistyped payload field, or extra junk in place of an object.
pub fn parse_command(message: &Value) -> Option<Command> {
    let message = message.as_object()?;
    if message.get("source")?.as_str()? != SOURCE || message.get("version")?.as_u64()? != VERSION {
        return None;
    }
    let payload = match message.get("payload") {
        None | Some(Value::Null) => Value::Object(Map::new()),
        Some(payload @ Value::Object(_)) => payload.clone(),
        Some(_) => return None,
    };
    let kind = message.get("type")?.as_str()?;
    serde_json::from_value(json!({ "type": kind, "payload": payload })).ok()
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
            Some(Command::Run {})
        );
        assert_eq!(
            parse_command(&message("visualise", Value::Null)),
            Some(Command::Visualise {})
        );
        assert_eq!(
            parse_command(&message("get-progress", json!({}))),
            Some(Command::GetProgress {})
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
        let progress = Event::Progress {
            lesson: "x".into(),
            record: None,
        };
        assert!(progress.is_private());
        assert_eq!(
            progress.to_message()["payload"],
            json!({ "lesson": "x", "record": null })
        );
        assert_eq!(
            Event::Run {
                status: RunStatus::Stopped,
                error: None
            }
            .to_message(),
            json!({ "source": "pylings", "version": 1, "type": "run",
                    "payload": { "status": "stopped", "error": null } })
        );
        assert_eq!(
            Event::Ready {
                view: View::Editor,
                lesson: None
            }
            .to_message()["payload"],
            json!({ "view": "editor", "lesson": null })
        );
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
