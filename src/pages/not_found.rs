//! The page for any address that is not a route or names no lesson.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    set_title("Page not found");
    view! {
        <section class="not-found">
            <h1>"Page not found"</h1>
            <p>"There is no lesson or page at this address. It may have moved."</p>
            <p><A href=crate::paths::href("/")>"Go to the course"</A></p>
        </section>
    }
}

/// Sets `document.title` to "`page` · Pylings".
pub fn set_title(page: &str) {
    document().set_title(&format!("{page} · Pylings"));
}
