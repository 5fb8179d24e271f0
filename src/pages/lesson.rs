//! A lesson: the chapter's lessons beside it, the text with runnable examples, previous/next
//! links, and an editor with its output to try things in.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use pylings_course::Lesson;

use crate::components::blocks::Blocks;
use crate::components::exercise::ExerciseView;
use crate::components::quiz::QuizView;
use crate::components::workbench::Workbench;
use crate::course_data::{find_lesson, lesson_href, Found};
use crate::pages::not_found::{set_title, NotFound};
use crate::progress::autosave::{autosave, saved_code};
use crate::progress::browser as progress;
use crate::progress::derived::{lesson_done, percent_done};
use crate::run::Runner;

/// The progress key of the lesson page's editor.
const WORKBENCH: &str = "workbench";

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
    let id = lesson.id.as_str();
    progress::update(|p| {
        let now = js_sys::Date::now();
        let record = p.lesson_mut(id);
        if record.first_visit == 0.0 {
            record.first_visit = now;
        }
        record.last_visit = now;
    });
    let code = RwSignal::new(saved_code(id, WORKBENCH).unwrap_or_else(|| STARTER.to_owned()));
    autosave(id, WORKBENCH, code);
    let runner = Runner::new(code);
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
            let done = move || progress::read(|p| lesson_done(p, item));
            view! {
                <li class:done=done>
                    <A href=lesson_href(item) attr:aria-current=current>{item.title.clone()}</A>
                    {move || done().then(|| view! { <span class="done-mark" aria-label="done">" ✓"</span> })}
                </li>
            }
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
                    <summary>
                        {chapter.title.clone()}
                        <span class="chapter-percent">
                            {move || format!(" · {}% done", progress::read(|p| percent_done(p, &chapter.lessons)))}
                        </span>
                    </summary>
                    <ol>{lessons}</ol>
                </details>
            </nav>
            <article class="lesson">
                <p class="eyebrow">{chapter.title.clone()}{meta}</p>
                <h1>{lesson.title.clone()}</h1>
                <Blocks blocks=lesson.body.clone() open_in_editor lesson_id=id/>
                {lesson.exercise.as_ref().map(|exercise| view! { <ExerciseView lesson_id=id exercise/> })}
                {lesson.quiz.as_ref().map(|quiz| view! { <QuizView lesson_id=id quiz/> })}
                <Pager previous next/>
            </article>
            <aside class="workbench" aria-label="Try it">
                <h2>"Try it"</h2>
                <Workbench runner label="Python code"/>
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
