//! The course home: every chapter and lesson, with estimated times.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::progress_panel::ProgressPanel;
use crate::course_data::{course, lesson_by_id, lesson_href};
use crate::progress::browser as progress;
use crate::progress::derived::{last_visited, lesson_done, percent_done};

#[component]
pub fn Home() -> impl IntoView {
    document().set_title("Pylings · Learn Python in your browser");
    let chapters = course().chapters.iter().enumerate().map(|(number, chapter)| {
        let percent = move || progress::read(|p| percent_done(p, &chapter.lessons));
        let lessons = chapter.lessons.iter().map(|lesson| {
            let done = move || progress::read(|p| lesson_done(p, lesson));
            view! {
                <li class:done=done>
                    <A href=lesson_href(lesson)>{lesson.title.clone()}</A>
                    {move || done().then(|| view! { <span class="done-mark">"✓ done"</span> })}
                    {lesson.minutes.map(|m| view! { <span class="minutes">{format!("{m} min")}</span> })}
                    {lesson.summary.clone().map(|s| view! { <p class="lesson-summary">{s}</p> })}
                </li>
            }
        }).collect_view();
        view! {
            <section class="chapter-card">
                <h2><span class="chapter-number">{format!("{}.", number + 1)}</span>" "{chapter.title.clone()}</h2>
                <p class="chapter-summary">{chapter.summary.clone()}</p>
                <p class="chapter-progress">{move || format!("{}% done", percent())}</p>
                <ol class="lesson-list">{lessons}</ol>
            </section>
        }
    }).collect_view();
    let all_lessons = || course().chapters.iter().flat_map(|c| &c.lessons);
    let overall = move || progress::read(|p| percent_done(p, all_lessons()));
    let resume = move || {
        let lesson = progress::read(|p| last_visited(p).and_then(lesson_by_id))?;
        Some(view! {
            <p class="continue"><A href=lesson_href(lesson) attr:class="continue-link">"Continue where you left off: "{lesson.title.clone()}" →"</A></p>
        })
    };
    view! {
        <div class="home">
            <section class="hero">
                <h1>"Learn Python, right here."</h1>
                <p>"Read a short lesson, run every example, and write your own code. Python runs in your browser: nothing to install, nothing sent anywhere."</p>
            </section>
            {resume}
            <p class="course-progress">{move || format!("Course progress: {}%", overall())}</p>
            <div class="chapters">{chapters}</div>
            <ProgressPanel/>
        </div>
    }
}
