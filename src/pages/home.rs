//! The course home: every chapter and lesson, with estimated times.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::course_data::{course, lesson_href};

#[component]
pub fn Home() -> impl IntoView {
    document().set_title("Pylings · Learn Python in your browser");
    let chapters = course().chapters.iter().enumerate().map(|(number, chapter)| {
        let lessons = chapter.lessons.iter().map(|lesson| {
            view! {
                <li>
                    <A href=lesson_href(lesson)>{lesson.title.clone()}</A>
                    {lesson.minutes.map(|m| view! { <span class="minutes">{format!("{m} min")}</span> })}
                    {lesson.summary.clone().map(|s| view! { <p class="lesson-summary">{s}</p> })}
                </li>
            }
        }).collect_view();
        view! {
            <section class="chapter-card">
                <h2><span class="chapter-number">{format!("{}.", number + 1)}</span>" "{chapter.title.clone()}</h2>
                <p class="chapter-summary">{chapter.summary.clone()}</p>
                <ol class="lesson-list">{lessons}</ol>
            </section>
        }
    }).collect_view();
    view! {
        <div class="home">
            <section class="hero">
                <h1>"Learn Python, right here."</h1>
                <p>"Read a short lesson, run every example, and write your own code. Python runs in your browser: nothing to install, nothing sent anywhere."</p>
            </section>
            <div class="chapters">{chapters}</div>
        </div>
    }
}
