//! A lesson: the chapter's lessons beside it, the text with runnable examples, previous/next
//! links, and an editor with its output to try things in.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use pylings_course::Lesson;

use crate::components::blocks::Blocks;
use crate::components::editor::CodeEditor;
use crate::components::output::{OutputPanel, RunState};
use crate::components::run_button::RunButton;
use crate::course_data::{find_lesson, lesson_href, Found};
use crate::pages::not_found::{set_title, NotFound};

const STARTER: &str =
    "# Write Python here, then press Run (or Ctrl+Enter).\nprint(\"Hello from Pylings!\")\n";

#[component]
pub fn LessonPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let slug = params.read().get("slug").unwrap_or_default();
        match find_lesson(&slug) {
            Some(found) => view! { <LessonView found/> }.into_any(),
            None => view! { <NotFound/> }.into_any(),
        }
    }
}

#[component]
fn LessonView(found: Found) -> impl IntoView {
    let Found {
        chapter,
        lesson,
        previous,
        next,
    } = found;
    set_title(&lesson.title);
    let code = RwSignal::new(STARTER.to_owned());
    let state = RunState::new();
    let run = Callback::new(move |()| state.start(&code.get_untracked(), ""));
    let open_in_editor = Callback::new(move |source: String| {
        code.set(source);
        if let Some(editor) = document()
            .query_selector(".workbench .code-editor")
            .ok()
            .flatten()
        {
            editor.scroll_into_view();
            if let Ok(editor) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(editor) {
                let _ = editor.focus();
            }
        }
    });
    let lessons = chapter
        .lessons
        .iter()
        .map(|item| {
            let current = (item.slug == lesson.slug).then_some("page");
            view! { <li><A href=lesson_href(item) attr:aria-current=current>{item.title.clone()}</A></li> }
        })
        .collect_view();
    let meta = lesson
        .minutes
        .map(|m| format!(" · {m} min"))
        .unwrap_or_default();
    view! {
        <div class="lesson-layout">
            <nav class="sidebar" aria-label="Lessons in this chapter">
                <details open=true>
                    <summary>{chapter.title.clone()}</summary>
                    <ol>{lessons}</ol>
                </details>
            </nav>
            <article class="lesson">
                <p class="eyebrow">{chapter.title.clone()}{meta}</p>
                <h1>{lesson.title.clone()}</h1>
                <Blocks blocks=lesson.body.clone() open_in_editor/>
                <Pager previous next/>
            </article>
            <aside class="workbench" aria-label="Try it">
                <h2>"Try it"</h2>
                <CodeEditor code on_run=run label="Python code"/>
                <div class="toolbar">
                    <RunButton state on_run=run/>
                    <span class="shortcut" aria-hidden="true">"Ctrl+Enter"</span>
                </div>
                <OutputPanel state/>
            </aside>
        </div>
    }
}

#[component]
fn Pager(previous: Option<&'static Lesson>, next: Option<&'static Lesson>) -> impl IntoView {
    view! {
        <nav class="pager" aria-label="Previous and next lesson">
            {previous.map(|l| view! { <A href=lesson_href(l) attr:class="previous" attr:rel="prev">"← "{l.title.clone()}</A> })}
            {next.map(|l| view! { <A href=lesson_href(l) attr:class="next" attr:rel="next">{l.title.clone()}" →"</A> })}
        </nav>
    }
}
