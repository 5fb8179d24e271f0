//! The application shell: header, routes, and the Python worker started at once so that it
//! loads while the learner reads.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use crate::components::notices::ProgressNotices;
use crate::pages::{home::Home, lesson::LessonPage, not_found::NotFound, playground::Playground};

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
    crate::python::Python::start();
    view! {
        <Router>
            <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
            <header class="site-header">
                <A href="/" attr:class="brand">
                    <span class="brand-mark" aria-hidden="true">"py"</span>
                    "Pylings"
                </A>
                <span class="tagline">"Python in your browser"</span>
                <nav class="site-nav" aria-label="Site">
                    <A href="/">"Course"</A>
                    <A href="/playground">"Playground"</A>
                </nav>
            </header>
            <div class="notices"><ProgressNotices/></div>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/lesson/:slug") view=LessonPage/>
                    <Route path=path!("/playground") view=Playground/>
                </Routes>
            </main>
        </Router>
    }
}
