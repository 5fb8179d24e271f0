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

use crate::components::run_state::{RunState, Status, STOPPED};
use crate::progress::browser as progress;
use protocol::{parent_origins, parse_command, Command, Event};

/// The editor that `set-code` and `run` act on, registered by the embed page.
#[derive(Clone, Copy)]
pub struct Target {
    pub code: RwSignal<String>,
    pub run: Callback<()>,
    pub state: RunState,
}

struct Embed {
    /// Origins named by `?parent=`: the only ones commands are taken from and events go to.
    parents: Vec<String>,
    /// The lesson shown, if any.
    lesson: Option<&'static str>,
    target: Option<Target>,
}

thread_local! {
    static EMBED: RefCell<Option<Embed>> = const { RefCell::new(None) };
}

/// True on an embed page.
pub fn is_embedded() -> bool {
    EMBED.with(|embed| embed.borrow().is_some())
}

/// Starts the API for an embed page showing `view` (of `lesson`): reads `?parent=`, listens for
/// commands, reports the content's height, and announces `ready`.
pub fn start(view: &'static str, lesson: Option<&'static str>) {
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
    EMBED.with(|embed| {
        *embed.borrow_mut() = Some(Embed {
            parents,
            lesson,
            target: None,
        })
    });
    listen_for_commands();
    observe_height();
    emit(Event::Ready {
        view,
        lesson: lesson.map(str::to_owned),
    });
}

/// Makes `target` the editor that commands act on, and reports each of its finished runs.
pub fn set_target(target: Target) {
    EMBED.with(|embed| {
        if let Some(embed) = embed.borrow_mut().as_mut() {
            embed.target = Some(target);
        }
    });
    Effect::new(move |previous: Option<u32>| {
        let finished = target.state.finished.get();
        if previous.is_some_and(|previous| previous != finished) {
            let error = target.state.error.get_untracked();
            let status = match (&error, target.state.status.get_untracked()) {
                (Some(error), _) if error.kind == STOPPED => "stopped",
                (Some(_), _) => "error",
                (None, Status::Finished { .. }) => "ok",
                (None, _) => "stopped",
            };
            emit(Event::Run {
                status,
                error: error.filter(|e| e.kind != STOPPED).map(|e| e.kind),
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

/// Sends the lesson's progress record to the host (to named origins only).
pub fn report_progress(lesson_id: &str) {
    if !is_embedded() {
        return;
    }
    let record = progress::read(|p| {
        p.lessons
            .get(lesson_id)
            .and_then(|record| serde_json::to_value(record).ok())
    });
    emit(Event::Progress {
        lesson: lesson_id.to_owned(),
        record: record.unwrap_or(serde_json::Value::Null),
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
        Command::Run => {
            if let Some(target) = target {
                target.run.run(());
            }
        }
        Command::GetProgress => {
            if let (true, Some(lesson)) = (named, lesson) {
                report_progress(lesson);
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
