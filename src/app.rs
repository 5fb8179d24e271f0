//! The application shell: header, routes, and the Python worker started at once so that it
//! loads while the learner reads. Embed pages (`/embed/…`) get their routes without the site's
//! header.
//!
//! The site may live under any path (`https://host/any/sub/path/`): `dist/` has an
//! `index.html` for every route whose `<base href>` points back to the site's root (written by
//! `cargo xtask dist`), and the router's base is read from it, so links and deep links work
//! on a plain static host without rewrite rules.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use crate::components::notices::ProgressNotices;
use crate::offline::{self, UpdatedNotice};
use crate::pages::embed::{EmbedEditor, EmbedExercise, EmbedLesson, EmbedQuiz};
use crate::pages::{home::Home, lesson::LessonPage, not_found::NotFound, playground::Playground};
use crate::paths;

/// Moves focus to the main content. Handled here because with `<base href>` a bare `#main`
/// link would resolve against the app root and navigate away from the current page.
fn skip_to_main(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
            let _ = main.focus();
        }
    }
}

#[component]
pub fn App() -> impl IntoView {
    crate::run::client::Python::start();
    let base = paths::base();
    let path = window().location().pathname().unwrap_or_default();
    let embedded = path
        .strip_prefix(&base)
        .is_some_and(|route| route.starts_with("/embed/"));
    if embedded {
        return view! { <EmbedApp base/> }.into_any();
    }
    offline::start();
    view! {
        <Router base=base>
            <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
            <header class="site-header">
                <A href=paths::href("/") attr:class="brand">
                    <span class="brand-mark" aria-hidden="true">"py"</span>
                    "Pylings"
                </A>
                <span class="tagline">"Python in your browser"</span>
                <nav class="site-nav" aria-label="Site">
                    <A href=paths::href("/")>"Course"</A>
                    <A href=paths::href("/playground")>"Playground"</A>
                </nav>
            </header>
            <div class="notices"><UpdatedNotice/><ProgressNotices/></div>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/lesson/:slug") view=LessonPage/>
                    <Route path=path!("/playground") view=Playground/>
                </Routes>
            </main>
        </Router>
    }
    .into_any()
}

/// The embed pages: no header, no notices bar, nothing but the content.
#[component]
fn EmbedApp(base: String) -> impl IntoView {
    view! {
        <Router base=base>
            <main id="main" class="embed-main">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/embed/lesson/:slug") view=EmbedLesson/>
                    <Route path=path!("/embed/exercise/:slug") view=EmbedExercise/>
                    <Route path=path!("/embed/quiz/:slug") view=EmbedQuiz/>
                    <Route path=path!("/embed/editor") view=EmbedEditor/>
                </Routes>
            </main>
        </Router>
    }
}
