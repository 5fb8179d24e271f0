//! Embedding: pages without the site's chrome under `/embed/…`, and the versioned
//! `postMessage` API through which the host page follows and drives them (documented in
//! `docs/embedding.md`, messages in [`protocol`]).
//!
//! Commands are accepted only from the origins named in the embed URL (`?parent=…`). When none
//! is named, commands are accepted from any host but progress is never sent: neither `progress`
//! events nor answers to `get-progress`. Nothing from a message is ever evaluated, except the
//! code of `set-code`, which only `run` (like the Run button) runs, in the worker.

pub mod protocol;

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{MessageEvent, ResizeObserver};

use crate::progress::browser as progress;
use crate::run::failure::Failure;
use crate::run::Runner;
use protocol::{parent_origins, parse_command, Command, Event, RunStatus, View};

struct Embed {
    /// Origins named by `?parent=`: the only ones commands are taken from and events go to.
    parents: Vec<String>,
    /// The lesson shown, if any.
    lesson: Option<&'static str>,
    /// The editor that `set-code` and `run` act on.
    target: Option<Runner>,
}

thread_local! {
    static EMBED: RefCell<Option<Embed>> = const { RefCell::new(None) };
}

/// True on an embed page.
pub fn is_embedded() -> bool {
    EMBED.with(|embed| embed.borrow().is_some())
}

/// Starts the API for an embed page showing `view` (of `lesson`): reads `?parent=`, listens for
/// commands, reports the content's height and the lesson's progress as it changes, and
/// announces `ready`.
pub fn start(view: View, lesson: Option<&'static str>) {
    let search = window().location().search().unwrap_or_default();
    let query = web_sys::UrlSearchParams::new_with_str(&search).ok();
    let values: Vec<String> = query
        .map(|query| {
            query
                .get_all("parent")
                .iter()
                .filter_map(|value| value.as_string())
                .collect()
        })
        .unwrap_or_default();
    let parents = parent_origins(values.iter().map(String::as_str));
    let named = !parents.is_empty();
    EMBED.with(|embed| {
        *embed.borrow_mut() = Some(Embed {
            parents,
            lesson,
            target: None,
        })
    });
    listen_for_commands();
    observe_height();
    if let (Some(lesson), true) = (lesson, named) {
        observe_progress(lesson);
    }
    emit(Event::Ready {
        view,
        lesson: lesson.map(str::to_owned),
    });
}

/// Makes `target` the editor that commands act on, and reports each of its finished runs.
pub fn set_target(target: Runner) {
    EMBED.with(|embed| {
        if let Some(embed) = embed.borrow_mut().as_mut() {
            embed.target = Some(target);
        }
    });
    Effect::new(move |previous: Option<u32>| {
        let finished = target.state.finished.get();
        if previous.is_some_and(|previous| previous != finished) {
            let failure = target.state.failure.get_untracked();
            let status = match &failure {
                None => RunStatus::Ok,
                Some(Failure::Stopped) => RunStatus::Stopped,
                Some(_) => RunStatus::Error,
            };
            emit(Event::Run {
                status,
                error: failure.as_ref().and_then(Failure::name).map(str::to_owned),
            });
        }
        finished
    });
}

/// Sends `event` to the host page (no-op outside an embed). Private events go only to named
/// origins.
pub fn emit(event: Event) {
    let parents = EMBED.with(|embed| embed.borrow().as_ref().map(|embed| embed.parents.clone()));
    let Some(parents) = parents else {
        return;
    };
    let Ok(Some(parent)) = window().parent() else {
        return;
    };
    let Ok(message) = js_sys::JSON::parse(&event.to_message().to_string()) else {
        return;
    };
    if parents.is_empty() {
        if !event.is_private() {
            let _ = parent.post_message(&message, "*");
        }
        return;
    }
    for origin in &parents {
        let _ = parent.post_message(&message, origin);
    }
}

/// The `progress` event of `lesson`: its record as it is now.
fn progress_event(lesson: &str) -> Event {
    Event::Progress {
        lesson: lesson.to_owned(),
        record: progress::read(|p| p.lessons.get(lesson).cloned()),
    }
}

/// Sends a `progress` event whenever the lesson's record changes, whoever changed it (a quiz
/// answer, a check, an autosave, another tab); not for the record the page starts with, which
/// the host asks for with `get-progress`.
fn observe_progress(lesson: &'static str) {
    Effect::new(move |previous: Option<Event>| {
        let event = progress_event(lesson);
        if previous.as_ref().is_some_and(|previous| *previous != event) {
            emit(event.clone());
        }
        event
    });
}

fn listen_for_commands() {
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|event: MessageEvent| {
        let accepted = EMBED.with(|embed| {
            embed.borrow().as_ref().is_some_and(|embed| {
                embed.parents.is_empty() || embed.parents.contains(&event.origin())
            })
        });
        if !accepted {
            return;
        }
        let text = js_sys::JSON::stringify(&event.data())
            .ok()
            .and_then(|text| text.as_string());
        let command = text
            .and_then(|text| serde_json::from_str(&text).ok())
            .and_then(|value| parse_command(&value));
        if let Some(command) = command {
            perform(command);
        }
    });
    let _ =
        window().add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
}

fn perform(command: Command) {
    let (target, lesson, named) = EMBED.with(|embed| {
        let embed = embed.borrow();
        let embed = embed.as_ref();
        (
            embed.and_then(|e| e.target),
            embed.and_then(|e| e.lesson),
            embed.is_some_and(|e| !e.parents.is_empty()),
        )
    });
    match command {
        Command::SetCode { code } => {
            if let Some(target) = target {
                target.code.set(code);
            }
        }
        Command::Run {} => {
            if let Some(target) = target {
                target.run.run(());
            }
        }
        Command::Visualise {} => {
            if let Some(target) = target {
                target.visualise.run(());
            }
        }
        Command::GetProgress {} => {
            if let (true, Some(lesson)) = (named, lesson) {
                emit(progress_event(lesson));
            }
        }
        Command::SetTheme { theme } => {
            if let Some(root) = document().document_element() {
                let _ = match theme.attribute() {
                    Some(value) => root.set_attribute("data-theme", value),
                    None => root.remove_attribute("data-theme"),
                };
            }
        }
    }
}

/// Reports the document's height whenever it changes, so the host can size the iframe.
fn observe_height() {
    let report = Closure::<dyn Fn(JsValue)>::new(|_entries: JsValue| {
        if let Some(root) = document().document_element() {
            emit(Event::Resize {
                height: f64::from(root.scroll_height()),
            });
        }
    });
    if let (Ok(observer), Some(body)) = (
        ResizeObserver::new(report.as_ref().unchecked_ref()),
        document().body(),
    ) {
        observer.observe(&body);
    }
    report.forget();
}
