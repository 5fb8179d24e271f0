//! Embed pages: a lesson, its exercise, its quiz, or a bare editor, without the site's header
//! and sidebar, readable from 320 px wide, for teachers' own pages (see `docs/embedding.md`).
//!
//! `/embed/lesson/:slug`, `/embed/exercise/:slug`, `/embed/quiz/:slug`, and
//! `/embed/editor?code=…` (the starter code, URL-encoded). Each takes `?parent=<origin>` to name
//! the host page allowed to drive it and receive progress.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use pylings_course::Lesson;

use crate::components::blocks::Blocks;
use crate::components::exercise::ExerciseView;
use crate::components::quiz::QuizView;
use crate::components::workbench::Workbench;
use crate::course_data::find_lesson;
use crate::embed::{self, protocol::View};
use crate::pages::not_found::{set_title, NotFound};
use crate::run::Runner;

#[component]
pub fn EmbedLesson() -> impl IntoView {
    view! { <EmbedPart part=View::Lesson/> }
}

#[component]
pub fn EmbedExercise() -> impl IntoView {
    view! { <EmbedPart part=View::Exercise/> }
}

#[component]
pub fn EmbedQuiz() -> impl IntoView {
    view! { <EmbedPart part=View::Quiz/> }
}

/// A lesson's part: `part` is [`View::Lesson`] (everything), [`View::Exercise`] or
/// [`View::Quiz`].
#[component]
fn EmbedPart(part: View) -> impl IntoView {
    let slug = use_params_map()
        .read_untracked()
        .get("slug")
        .unwrap_or_default();
    let Some(found) = find_lesson(&slug) else {
        return view! { <NotFound/> }.into_any();
    };
    let lesson: &'static Lesson = found.lesson;
    set_title(&lesson.title);
    embed::start(part, Some(lesson.id.as_str()));
    let id = lesson.id.as_str();
    let body = (part == View::Lesson).then(|| {
        view! {
            <h1>{lesson.title.clone()}</h1>
            <Blocks blocks=lesson.body.clone() lesson_id=id/>
        }
    });
    let exercise = (part != View::Quiz)
        .then_some(lesson.exercise.as_ref())
        .flatten()
        .map(|exercise| view! { <ExerciseView lesson_id=id exercise/> });
    let quiz = (part != View::Exercise)
        .then_some(lesson.quiz.as_ref())
        .flatten()
        .map(|quiz| view! { <QuizView lesson_id=id quiz/> });
    view! {
        <article class="lesson embedded">
            {body}
            {exercise}
            {quiz}
            <EmbedFooter/>
        </article>
    }
    .into_any()
}

/// A bare editor with the starter code of `?code=`.
#[component]
pub fn EmbedEditor() -> impl IntoView {
    set_title("Python editor");
    embed::start(View::Editor, None);
    let search = window().location().search().unwrap_or_default();
    let starter = web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|query| query.get("code"))
        .unwrap_or_default();
    let runner = Runner::new(RwSignal::new(starter));
    embed::set_target(runner);
    view! {
        <section class="embedded embed-editor" aria-label="Python editor">
            <Workbench runner label="Python code"/>
            <EmbedFooter/>
        </section>
    }
}

/// Where the embed comes from, opening the full site in a new tab.
#[component]
fn EmbedFooter() -> impl IntoView {
    view! {
        <p class="embed-footer">
            <a href="./" target="_blank" rel="noopener">"Pylings"</a>
            " · Python runs in your browser"
        </p>
    }
}
